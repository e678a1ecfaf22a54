"""Loading the German cleaning data (``resources/de/*.tsv``) into compiled pattern sets.

Every file is TSV with ``#`` header lines; a malformed line raises :class:`ResourceError`
naming ``file:line: reason``. Loaded sets are cached per file path.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..config import resource_path

BOILERPLATE_KINDS = frozenset({
    "teaser_header", "read_more", "social", "newsletter", "share", "ad", "footer", "nav",
    "paywall", "consent", "media", "comments", "author_box", "timestamp", "summary",
})
SCOPES = frozenset({"line", "start", "inline"})
FOOTER_FIELDS = frozenset({
    "place", "region", "place_header", "best_reference", "further_sources", "event_kind",
    "details",
})


class ResourceError(ValueError):
    """A cleaning data file cannot be read."""


@dataclass(frozen=True)
class Rule:
    kind: str
    scope: str
    max_words: int
    regex: re.Pattern[str]
    where: str  # file:line, for warnings and debugging


@dataclass(frozen=True)
class CreditVocab:
    prefixes: tuple[str, ...]
    agencies: tuple[str, ...]
    licences: tuple[str, ...]
    source_prefixes: tuple[str, ...] = ()


@dataclass(frozen=True)
class MetaVocab:
    byline_prefixes: tuple[str, ...]
    byline_roles: tuple[str, ...]
    date_published: tuple[str, ...]
    date_updated: tuple[str, ...]
    date_filler: tuple[str, ...]
    footer_labels: tuple[tuple[re.Pattern[str], str], ...]
    tags_labels: tuple[str, ...]
    sources_labels: tuple[str, ...]
    months: tuple[tuple[str, int], ...]
    weekdays: tuple[str, ...]
    function_words: frozenset[str] = frozenset()


def _rows(path: Path, min_cols: int, max_cols: int) -> list[tuple[str, list[str]]]:
    """(``file:line``, columns) for each data line of a TSV file."""
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise ResourceError(f"{path}: cleaning data file not found") from None
    rows = []
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        where = f"{path}:{no}"
        if not min_cols <= len(cols) <= max_cols:
            raise ResourceError(
                f"{where}: expected {min_cols}-{max_cols} tab-separated columns, got {len(cols)}")
        if any(not c.strip() for c in cols[:min_cols]):
            raise ResourceError(f"{where}: empty column")
        rows.append((where, [c.strip() for c in cols]))
    return rows


def _compile(pattern: str, where: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ResourceError(f"{where}: bad regular expression: {exc}") from None


def de_path(name: str) -> Path:
    """Path of a file under ``resources/de`` (an absolute path is used as is)."""
    p = Path(name)
    return p if p.is_absolute() else resource_path("de", name)


@functools.lru_cache(maxsize=8)
def load_rules(path: str) -> tuple[Rule, ...]:
    rules = []
    for where, cols in _rows(Path(path), 4, 4):
        kind, scope, max_words, pattern = cols
        if kind not in BOILERPLATE_KINDS:
            raise ResourceError(f"{where}: unknown kind {kind!r}")
        if scope not in SCOPES:
            raise ResourceError(f"{where}: unknown scope {scope!r}")
        try:
            limit = int(max_words)
        except ValueError:
            raise ResourceError(f"{where}: max_words must be an integer") from None
        rules.append(Rule(kind, scope, limit, _compile(pattern, where), where))
    return tuple(rules)


@functools.lru_cache(maxsize=8)
def load_sections(path: str) -> frozenset[str]:
    return frozenset(cols[0].casefold() for _, cols in _rows(Path(path), 1, 1))


@functools.lru_cache(maxsize=8)
def load_credits(path: str) -> CreditVocab:
    got: dict[str, list[str]] = {"prefix": [], "agency": [], "licence": [], "source_prefix": []}
    for where, cols in _rows(Path(path), 2, 2):
        kind, value = cols
        if kind not in got:
            raise ResourceError(f"{where}: unknown kind {kind!r}")
        if kind == "licence":
            _compile(value, where)
        got[kind].append(value)
    # longest first, so that "picture alliance" wins over "picture"
    return CreditVocab(
        tuple(sorted(got["prefix"], key=len, reverse=True)),
        tuple(sorted(set(got["agency"]), key=len, reverse=True)),
        tuple(got["licence"]),
        tuple(sorted(got["source_prefix"], key=len, reverse=True)),
    )


def _load_calendar(path: Path) -> tuple[tuple[tuple[str, int], ...], tuple[str, ...]]:
    months: list[tuple[str, int]] = []
    weekdays: list[str] = []
    if not path.exists():
        return (), ()
    for where, cols in _rows(path, 3, 3):
        name, kind, value = cols
        if kind == "month":
            try:
                months.append((name.casefold(), int(value)))
            except ValueError:
                raise ResourceError(f"{where}: month number must be an integer") from None
        elif kind == "weekday":
            weekdays.append(name.casefold())
    months.sort(key=lambda m: len(m[0]), reverse=True)
    return tuple(months), tuple(weekdays)


@functools.lru_cache(maxsize=8)
def load_meta(path: str, calendar: str) -> MetaVocab:
    got: dict[str, list[str]] = {k: [] for k in (
        "byline_prefix", "byline_role", "date_published", "date_updated", "date_filler",
        "tags_label", "sources_label", "function_word")}
    labels: list[tuple[re.Pattern[str], str]] = []
    for where, cols in _rows(Path(path), 2, 3):
        kind, value = cols[0], cols[1]
        if kind == "footer_label":
            field = cols[2] if len(cols) == 3 else ""
            if field not in FOOTER_FIELDS:
                raise ResourceError(f"{where}: footer_label needs a field, one of "
                                    f"{', '.join(sorted(FOOTER_FIELDS))}")
            labels.append((_compile(value, where), field))
        elif kind in got:
            if kind.startswith(("date_", "tags_", "sources_")):
                _compile(value, where)
            got[kind].append(value)
        else:
            raise ResourceError(f"{where}: unknown kind {kind!r}")
    months, weekdays = _load_calendar(Path(calendar))
    if not months:
        raise ResourceError(f"{calendar}: no month names found")
    by_len = lambda xs: tuple(sorted(xs, key=len, reverse=True))  # noqa: E731
    return MetaVocab(
        by_len(got["byline_prefix"]), by_len(got["byline_role"]), tuple(got["date_published"]),
        tuple(got["date_updated"]), tuple(got["date_filler"]), tuple(labels),
        tuple(got["tags_label"]), tuple(got["sources_label"]), months, weekdays,
        frozenset(w.casefold() for w in got["function_word"]),
    )


def alternation(words: tuple[str, ...]) -> str:
    """Regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
