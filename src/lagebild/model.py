"""Records of the public output contract (CONTRACT.md) as frozen dataclasses.

Every record is immutable; stages build new ones with :func:`dataclasses.replace`.
``to_dict`` gives the JSON shape of the contract (nested dataclasses become objects,
tuples become lists), ``from_dict`` reads it back.
"""
from __future__ import annotations

import dataclasses
import hashlib
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Mapping, TypeVar

T = TypeVar("T")

# --------------------------------------------------------------------------- vocabularies
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
ITEM_CATEGORIES = (
    "ammunition", "missiles", "air_defense", "drones", "weapons", "military_personnel",
    "workers", "petroleum", "technology", "training", "money", "goods", "other",
)
QUALIFIERS = ("exact", "approx", "at_least", "more_than", "at_most", "range")
#: Certainty values, in the order in which they win when several cues apply.
CERTAINTIES = ("denied", "planned", "possible", "alleged", "reported", "asserted")
GRANULARITIES = ("day", "week", "month", "season", "quarter", "half", "part_of_year", "year")
ENTITY_TYPES = ("PER", "ORG", "COUNTRY", "LOC", "WEAPON", "MEDIA")
RECORD_KINDS = (
    "articles", "mentions", "entities", "events", "quotes", "claims", "stories", "rejections",
)


def stable_hash(data: bytes | str, length: int = 16) -> str:
    """Hex digest used for ids: sha256, truncated to ``length`` characters."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:length]


# --------------------------------------------------------------------------- small parts
@dataclass(frozen=True)
class Span:
    """A character range ``[start, end)`` into the clean body."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    lemma: str = ""
    is_sent_start: bool = False


@dataclass(frozen=True)
class Quantity:
    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str = "item"
    qualifier: str = "exact"
    start: int = -1
    end: int = -1
    counts: str | None = None  # the counted noun ("Soldaten")


@dataclass(frozen=True)
class TimeValue:
    text: str
    start: str | None  # ISO date, None when unresolved
    end: str | None
    granularity: str | None


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    end: int
    time: TimeValue


@dataclass(frozen=True)
class Repair:
    start: int  # offsets into the text *before* the repair
    end: int
    before: str
    after: str


@dataclass(frozen=True)
class Place:
    text: str
    entity_id: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


# --------------------------------------------------------------------------- top-level records
@dataclass(frozen=True)
class Article:
    id: str
    content_hash: str = ""
    url: str | None = None
    path: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    body: str = ""
    image_credits: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    related_teasers: tuple[str, ...] = ()
    place_of_event: Place | None = None
    best_reference: str | None = None
    further_sources: tuple[str, ...] = ()
    duplicate_of: str | None = None
    story_id: str | None = None
    warnings: tuple[str, ...] = ()
    pipeline_version: str = ""
    source_format: str | None = None


@dataclass(frozen=True)
class Entity:
    id: str
    type: str
    name: str
    names: Mapping[str, str] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    category: str | None = None  # e.g. weapon category, org kind
    qid: str | None = None


@dataclass(frozen=True)
class Mention:
    article_id: str
    sentence: int
    start: int
    end: int
    text: str
    entity_id: str
    type: str
    source: str = "kb"  # kb | ner | rule


@dataclass(frozen=True)
class Role:
    text: str
    entity_id: str | None = None
    type: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Item:
    text: str
    category: str


@dataclass(frozen=True)
class Attribution:
    text: str
    entity_id: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Event:
    id: str
    article_id: str
    sentence: int
    start: int
    end: int
    type: str
    mode: str | None = None
    cameo: str | None = None
    actor: Role | None = None
    target: Role | None = None
    item: Item | None = None
    quantity: Quantity | None = None
    time: TimeValue | None = None
    place: Place | None = None
    attribution: Attribution | None = None
    certainty: str = "asserted"
    confidence: float = 0.5
    trigger: str | None = None
    pipeline_version: str = ""


@dataclass(frozen=True)
class Quote:
    article_id: str
    speaker: str | None
    text: str
    start: int
    end: int
    channel: str | None = None
    speaker_text: str | None = None


@dataclass(frozen=True)
class Claim:
    id: str
    type: str
    actor: str | None
    target: str | None
    item: str | None
    events: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    corroboration: int = 0
    quantities: tuple[Mapping[str, Any], ...] = ()
    conflict: bool = False
    conflict_reason: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    articles: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    start: str | None = None
    end: str | None = None
    claims: tuple[str, ...] = ()
    summary: tuple[Mapping[str, Any], ...] = ()


@dataclass(frozen=True)
class Rejection:
    source: str
    reason: str
    detail: str
    at: str


# --------------------------------------------------------------------------- the pipeline's carrier
@dataclass(frozen=True)
class RawDoc:
    """One input as the engine read it: bytes plus what the container told about it.

    ``fmt`` is ``text``, ``html`` or ``json`` (a JSONL record whose text or html is in
    ``hints``). ``hints`` holds metadata given by the container (JSONL fields, WARC/RSS
    headers); the cleaner prefers them to what it finds in the text.
    """

    source: str
    data: bytes
    fmt: str
    url: str | None = None
    hints: Mapping[str, Any] = field(default_factory=dict)

    @property
    def article_id(self) -> str:
        """Stable id: hash of the canonical URL when there is one, else of the raw bytes."""
        from .ingest.urls import canonical_url  # local import: model stays dependency-free

        if self.url:
            return stable_hash("url:" + canonical_url(self.url))
        return stable_hash(b"raw:" + self.data)


@dataclass(frozen=True)
class Doc:
    """One article on its way through the per-document stages.

    Each stage reads the fields it ``requires`` and returns a copy with the fields it
    ``assigns`` (see :mod:`lagebild.pipeline`). Offsets everywhere point into ``article.body``.
    """

    raw: RawDoc
    text: str = ""  # decoded main text before cleaning (set by the extract stage)
    meta: Mapping[str, Any] = field(default_factory=dict)  # metadata found by extract
    article: Article | None = None
    sentences: tuple[Span, ...] = ()
    tokens: tuple[Token, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    repairs: tuple[Repair, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: Mapping[str, Entity] = field(default_factory=dict)
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    rejection: Rejection | None = None

    @property
    def body(self) -> str:
        return self.article.body if self.article else ""

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding character ``offset`` (-1 if none)."""
        for i, s in enumerate(self.sentences):
            if s.start <= offset < s.end:
                return i
        return -1

    def with_warning(self, message: str) -> "Doc":
        if self.article is None:
            return self
        art = dataclasses.replace(self.article, warnings=(*self.article.warnings, message))
        return dataclasses.replace(self, article=art)


# --------------------------------------------------------------------------- (de)serialisation
def to_dict(obj: Any) -> Any:
    """Contract JSON shape of a record (recursively)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, Mapping):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(args[0], value) if len(args) == 1 else value
    if origin is tuple:
        (inner, *_rest) = typing.get_args(tp) or (Any,)
        return tuple(_convert(inner, v) for v in value)
    if dataclasses.is_dataclass(tp) and isinstance(value, Mapping):
        return from_dict(tp, value)
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
    """Inverse of :func:`to_dict` for a record class; unknown keys are ignored."""
    hints = _HINTS.get(cls)
    if hints is None:
        hints = typing.get_type_hints(cls)
        _HINTS[cls] = hints
    kwargs = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


RECORD_CLASSES: dict[str, type] = {
    "articles": Article, "mentions": Mention, "entities": Entity, "events": Event,
    "quotes": Quote, "claims": Claim, "stories": Story, "rejections": Rejection,
}
