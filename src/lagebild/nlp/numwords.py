"""Reading German numbers: digits with German separators and number words.

* ``parse_digits("11.000") -> 11000.0``; also ``11 000``, ``10'000``, ``1,5``, ``1.234.567,89``.
  A string that is not a plain German number ("3.10", "14:30", "2/2025") gives ``None``.
* ``parse_word("zweiundzwanzig") -> 22.0``; compounds with ``hundert`` and ``tausend``
  ("dreihundertfünfzig", "zwölftausend"). Scale words (Million, Mrd., Dutzend) and vague
  plurals (Tausende) are looked up with :func:`scale` and :func:`vague`.
* ``parse_number(text)`` tries both.

The words come from ``resources/de/number_words.tsv``.
"""
from __future__ import annotations

import functools
import re

from .lexicon import number_words

_GROUPED = re.compile(r"\d{1,3}(?:([.'’ \u00a0\u202f])\d{3})(?:\1\d{3})*(?:,\d+)?")
_PLAIN = re.compile(r"\d+(?:,\d+)?")


def parse_digits(text: str) -> float | None:
    """Value of a German digit string, or None when it is not a plain number."""
    if _PLAIN.fullmatch(text):
        return float(text.replace(",", "."))
    m = _GROUPED.fullmatch(text)
    if m:
        return float(re.sub(r"[.'’ \u00a0\u202f]", "", text).replace(",", "."))
    return None


@functools.lru_cache(maxsize=1)
def _morphemes() -> tuple[tuple[str, float, str], ...]:
    words = number_words()
    items = [(w, v, k) for k in ("unit", "small", "tens") for w, v in words.get(k, {}).items()
             if not w.startswith("ein") or w == "ein"]
    items += [("hundert", 100.0, "hundred"), ("tausend", 1000.0, "thousand"), ("und", 0.0, "and")]
    return tuple(sorted(items, key=lambda x: -len(x[0])))


@functools.lru_cache(maxsize=50_000)
def parse_word(word: str) -> float | None:
    """Value of a German cardinal number word (lower or capitalised), else None."""
    w = word.lower()
    if not w or not w.isalpha():
        return None
    simple = number_words()
    for kind in ("unit", "small", "tens"):
        if w in simple.get(kind, {}):
            return simple[kind][w]
    total = current = 0.0
    pos, last = 0, ""
    parts = _morphemes()
    while pos < len(w):
        for m, v, kind in parts:
            if w.startswith(m, pos):
                break
        else:
            return None
        pos += len(m)
        if kind == "and":
            if last not in ("unit",):
                return None
        elif kind == "hundred":
            current = (current or 1.0) * 100.0
        elif kind == "thousand":
            total += (current or 1.0) * 1000.0
            current = 0.0
        else:
            current += v
        last = kind
    if last == "and":
        return None
    value = total + current
    return value or None


def scale(word: str) -> float | None:
    """Multiplier of a scale word (Millionen, Mio., Mrd., Tsd., Dutzend), else None."""
    return number_words().get("scale", {}).get(word.lower())


def vague(word: str) -> float | None:
    """Base value of a vague plural (Tausende, Hunderttausende, Dutzende), else None."""
    return number_words().get("vague", {}).get(word.lower())


def fraction(word: str) -> float | None:
    return number_words().get("fraction", {}).get(word.lower())


def part(word: str) -> float | None:
    """The share a fraction noun names ("Drittel" -> 1/3), else None."""
    return number_words().get("part", {}).get(word.lower())


@functools.lru_cache(maxsize=100_000)
def is_anchor(word: str) -> bool:
    """A number word, scale word, vague plural or fraction noun (not the article "ein"): a
    quantity may be near (see :mod:`lagebild.nlp.numbers`)."""
    if word.lower() in ("ein", "eine", "einen", "einem", "einer"):
        return False
    return (parse_word(word) is not None or scale(word) is not None or vague(word) is not None
            or part(word) is not None)


def parse_number(text: str) -> float | None:
    """Value of a digit string or a number word, else None."""
    text = text.strip()
    if text[:1].isdigit():
        return parse_digits(text)
    return parse_word(text)
