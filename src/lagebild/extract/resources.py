"""Rule data of the event coder: triggers, item nouns, named systems and cue words.

Everything German lives in TSV files under ``resources/de/events/`` (and optional pack
additions ``resources/packs/<pack>/events_*.tsv``); this module only reads and compiles them.
A malformed line raises :class:`RuleFileError` naming ``file:line: reason``.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from ..config import resource_path
from ..model import EVENT_TYPES, ITEM_CATEGORIES

FRAMES = ("give", "give_rcpt", "receive", "nominal", "exchange", "train", "meet", "host", "agree",
          "directed", "unary")
CERTAINTY_VALUES = ("denied", "planned", "possible", "alleged", "reported", "asserted")


class RuleFileError(ValueError):
    """A rule data file cannot be read."""


@dataclass(frozen=True)
class Trigger:
    type: str
    mode: str | None
    frame: str
    pos: str  # "V" or "N"
    pattern: re.Pattern[str]
    requires: re.Pattern[str] | None
    excludes: re.Pattern[str] | None
    certainty: str | None
    where: str


@dataclass(frozen=True)
class ItemRule:
    category: str
    unit: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Lexicon:
    triggers: tuple[Trigger, ...]
    items: tuple[ItemRule, ...]
    names: tuple[tuple[str, str], ...]  # (lower-case name, category), longest first
    cues: dict[str, tuple[tuple[str, re.Pattern[str]], ...]]  # kind -> ((value, pattern), ...)
    any_trigger: dict[str, re.Pattern[str]] = field(default_factory=dict)  # pos -> union (a fast pre-check)
    name_map: dict[str, str] = field(default_factory=dict)  # named system -> category

    def match(self, kind: str, word: str) -> str | None:
        """Value of the first cue of ``kind`` whose pattern matches the whole ``word``."""
        for value, pat in self.cues.get(kind, ()):
            if pat.fullmatch(word):
                return value
        return None

    def phrases(self, kind: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
        return self.cues.get(kind, ())

    def item_of(self, word: str) -> ItemRule | None:
        for rule in self.items:
            if rule.pattern.fullmatch(word):
                return rule
        return None


def _rows(path: Path, ncols: int) -> Iterator[tuple[int, list[str]]]:
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise RuleFileError(f"{path}: cannot read: {exc}") from None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != ncols:
            raise RuleFileError(f"{path}:{n}: expected {ncols} tab-separated columns, got {len(cols)}")
        yield n, cols


def _compile(path: Path, n: int, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise RuleFileError(f"{path}:{n}: bad regular expression {pattern!r}: {exc}") from None


def _opt(path: Path, n: int, pattern: str) -> re.Pattern[str] | None:
    return None if pattern == "-" else _compile(path, n, pattern)


def read_triggers(path: Path) -> list[Trigger]:
    out = []
    for n, (typ, mode, frame, pos, pat, req, exc, cert) in _rows(path, 8):
        if typ not in EVENT_TYPES:
            raise RuleFileError(f"{path}:{n}: unknown event type {typ!r}")
        if frame not in FRAMES:
            raise RuleFileError(f"{path}:{n}: unknown frame {frame!r}")
        if pos not in ("V", "N"):
            raise RuleFileError(f"{path}:{n}: pos must be V or N, not {pos!r}")
        if cert != "-" and cert not in CERTAINTY_VALUES:
            raise RuleFileError(f"{path}:{n}: unknown certainty {cert!r}")
        out.append(Trigger(typ, None if mode == "-" else mode, frame, pos, _compile(path, n, pat),
                           _opt(path, n, req), _opt(path, n, exc), None if cert == "-" else cert,
                           f"{path.name}:{n}"))
    return out


def read_items(path: Path) -> list[ItemRule]:
    out = []
    for n, (cat, unit, pat) in _rows(path, 3):
        if cat not in ITEM_CATEGORIES:
            raise RuleFileError(f"{path}:{n}: unknown item category {cat!r}")
        out.append(ItemRule(cat, unit, _compile(path, n, pat)))
    return out


def read_names(path: Path) -> list[tuple[str, str]]:
    out = []
    for n, (cat, name) in _rows(path, 2):
        if cat not in ITEM_CATEGORIES:
            raise RuleFileError(f"{path}:{n}: unknown item category {cat!r}")
        if not name.strip():
            raise RuleFileError(f"{path}:{n}: empty name")
        out.append((name.strip().lower(), cat))
    return out


PHRASE_KINDS = frozenset({"attr_prep", "gegenzug", "targetless"})


def read_cues(path: Path) -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    out: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for n, (kind, value, pat) in _rows(path, 3):
        if kind == "certainty" and value not in CERTAINTY_VALUES:
            raise RuleFileError(f"{path}:{n}: unknown certainty {value!r}")
        if kind in PHRASE_KINDS:
            pat = r"(?<!\w)(?:" + pat + r")(?!\w)"
        out.setdefault(kind, []).append((value, _compile(path, n, pat)))
    return out


def _pack_files(packs: Iterable[str], name: str) -> list[Path]:
    found = []
    for pack in packs:
        base = Path(pack) if Path(pack).is_absolute() else resource_path("packs", pack)
        p = base / name
        if p.is_file():
            found.append(p)
    return found


@functools.lru_cache(maxsize=8)
def load_lexicon(packs: tuple[str, ...] = ()) -> Lexicon:
    """Read the German rule files plus the packs' additions (cached per pack list)."""
    de = resource_path("de", "events")
    triggers = read_triggers(de / "triggers.tsv")
    items = read_items(de / "items.tsv")
    names = read_names(de / "item_names.tsv")
    for p in _pack_files(packs, "events_triggers.tsv"):
        triggers += read_triggers(p)
    pack_items = [r for p in _pack_files(packs, "events_items.tsv") for r in read_items(p)]
    for p in _pack_files(packs, "events_item_names.tsv"):
        names += read_names(p)
    cues = read_cues(de / "cues.tsv")
    return Lexicon(
        triggers=tuple(triggers),
        items=tuple(pack_items + items),  # pack terms are more specific: they go first
        names=tuple(sorted(set(names), key=lambda x: -len(x[0]))),
        cues={k: tuple(v) for k, v in cues.items()},
        name_map=dict(names),
        any_trigger={pos: re.compile("|".join(f"(?:{t.pattern.pattern})" for t in triggers if t.pos == pos))
                     for pos in ("V", "N")},
    )
