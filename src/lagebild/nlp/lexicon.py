"""Loading the German language data files in ``resources/de/`` (TSV with ``#`` headers).

Every loader is cached (``functools.lru_cache``), so a file is read once per process.
A malformed line raises :class:`LexiconError` naming ``file:line: reason``.
"""
from __future__ import annotations

import functools
import itertools
import operator
import re
from dataclasses import dataclass

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


_SPACE_RUN = re.compile(r"(\s+)")  # \s is str.isspace, as str.split() and spaCy


@functools.lru_cache(maxsize=4)
def chunks(text: str) -> tuple[tuple[str, ...], tuple[int, ...], bool]:
    """The white-space delimited chunks of ``text`` (``text.split()``), their start offsets,
    and whether ``text`` is the chunks joined by single spaces (then ``text.split(" ")``
    gives the same chunks). Cached for the last few texts: the scrape repairer, the
    tokenizer and the anchor-word look-ups share them."""
    words = text.split()
    if " ".join(words) == text:  # single spaces only (most texts): offsets by their lengths
        starts = list(itertools.accumulate(map(len, words), initial=0))
        starts = list(map(operator.add, starts, range(len(starts))))
        del starts[-1]
        return tuple(words), tuple(starts), True
    parts = _SPACE_RUN.split(text)  # chunk, white space, chunk, ..., chunk (first/last may be "")
    offsets = list(itertools.accumulate(map(len, parts), initial=0))
    found, starts = parts[0::2], offsets[0:len(parts):2]
    if found and not found[-1]:
        del found[-1], starts[-1]
    if found and not found[0]:
        del found[0], starts[0]
    return tuple(found), tuple(starts), False


_DIGIT_RUN = re.compile(r"\d+")


@functools.lru_cache(maxsize=4)
def digit_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every maximal run of digits (``\\d+``) in ``text`` (cached for the last
    few texts: the quantity and date finders both place windows around them)."""
    return tuple(map(re.Match.span, _DIGIT_RUN.finditer(text)))
