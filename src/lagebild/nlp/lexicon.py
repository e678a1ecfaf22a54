"""Loading the German language data files in ``resources/de/`` (TSV with ``#`` headers).

Every loader is cached (``functools.lru_cache``), so a file is read once per process.
A malformed line raises :class:`LexiconError` naming ``file:line: reason``.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import AbstractSet, Callable

from ..config import resource_path


class LexiconError(ValueError):
    """A language data file has a malformed line."""


def read_tsv(name: str, columns: int, optional: int = 0) -> tuple[tuple[str, ...], ...]:
    """Rows of ``resources/de/<name>``: ``columns`` required fields, up to ``optional`` more.

    Comment lines (``#``) and blank lines are skipped.
    """
    path = resource_path("de", name)
    rows: list[tuple[str, ...]] = []
    with open(path, encoding="utf-8") as fh:
        for no, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = tuple(line.split("\t"))
            if not columns <= len(fields) <= columns + optional:
                raise LexiconError(
                    f"{path}:{no}: expected {columns} tab-separated fields, got {len(fields)}"
                )
            if any(not f for f in fields[:columns]):
                raise LexiconError(f"{path}:{no}: empty field")
            rows.append(fields)
    return tuple(rows)


def _number(path: str, value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise LexiconError(f"{path}: {value!r} is not a number") from None


@functools.lru_cache(maxsize=None)
def abbreviations() -> dict[str, str]:
    """Abbreviation (with period) -> kind (title, number, general, final)."""
    kinds = {"title", "number", "general", "final"}
    out: dict[str, str] = {}
    for abbr, kind in read_tsv("abbreviations.tsv", 2):
        if kind not in kinds:
            raise LexiconError(f"abbreviations.tsv: {abbr}: unknown kind {kind!r}")
        out.setdefault(abbr, kind)
    return out


@dataclass(frozen=True)
class CalendarName:
    kind: str  # month | weekday | season
    value: int


@functools.lru_cache(maxsize=None)
def calendar() -> dict[str, CalendarName]:
    out: dict[str, CalendarName] = {}
    for name, kind, value in read_tsv("calendar.tsv", 3):
        if kind not in ("month", "weekday", "season"):
            raise LexiconError(f"calendar.tsv: {name}: unknown kind {kind!r}")
        out[name] = CalendarName(kind, int(_number("calendar.tsv", value)))
    return out


@functools.lru_cache(maxsize=None)
def number_words() -> dict[str, dict[str, float]]:
    """kind -> {word: value} for the kinds of ``number_words.tsv``."""
    out: dict[str, dict[str, float]] = {}
    for word, value, kind in read_tsv("number_words.tsv", 3):
        out.setdefault(kind, {})[word] = _number("number_words.tsv", value)
    return out


@dataclass(frozen=True)
class UnitWord:
    unit: str
    kind: str  # count | measure | symbol


@functools.lru_cache(maxsize=None)
def units() -> dict[str, UnitWord]:
    return {w: UnitWord(u, k) for w, u, k in read_tsv("units.tsv", 3)}


@functools.lru_cache(maxsize=None)
def qualifiers() -> dict[tuple[str, ...], str]:
    """Qualifier phrase as a tuple of lower-case words -> qualifier."""
    from ..model import QUALIFIERS

    out: dict[tuple[str, ...], str] = {}
    for phrase, qual in read_tsv("qualifiers.tsv", 2):
        if qual not in QUALIFIERS:
            raise LexiconError(f"qualifiers.tsv: {phrase}: unknown qualifier {qual!r}")
        out[tuple(phrase.split())] = qual
    return out


@functools.lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """A one-column word list (``resources/de/<name>``)."""
    return frozenset(row[0] for row in read_tsv(name, 1))


@functools.lru_cache(maxsize=None)
def mapping(name: str) -> dict[str, str]:
    """A two-column mapping file (``resources/de/<name>``)."""
    return {a: b for a, b in read_tsv(name, 2)}


def word_positions(text: str, word: str) -> list[int]:
    """Start offsets of ``word`` (a word or a phrase) occurring as a whole word in ``text``."""
    out, i, n = [], text.find(word), len(word)
    while i >= 0:
        if (i == 0 or not text[i - 1].isalnum()) and (i + n == len(text) or not text[i + n].isalnum()):
            out.append(i)
        i = text.find(word, i + n)
    return out


_LETTERS = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=4)
def letter_words(text: str) -> frozenset[str]:
    """The distinct maximal runs of letters in ``text`` (cached for the last few texts: the
    quantity and date finders both look their anchor words up in it)."""
    return frozenset(_LETTERS.findall(text))


def memo_filter(words: AbstractSet[str], memo: tuple[set[str], set[str]],
                keep: Callable[[str], bool], limit: int = 500_000) -> AbstractSet[str]:
    """The words of ``words`` for which ``keep`` is true, with a per-process memo
    ``(words seen, the kept ones among them)`` (a module's ``lru_cache``d pair of sets):
    a text's words are looked up with set operations, and a corpus with more distinct words
    than an ``lru_cache`` holds does not evict it. Cleared when it grows beyond ``limit``."""
    seen, kept = memo
    new = words - seen
    if new:
        if len(seen) + len(new) > limit:
            seen.clear()
            kept.clear()
            new = words
        seen.update(new)
        kept.update(w for w in new if keep(w))
    return words & kept
