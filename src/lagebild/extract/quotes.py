"""Stage ``quotes``: direct speech with its speaker and channel (CONTRACT.md Quote).

A quotation is text between German or English quotation marks. Its speaker is the person
(or body) next to a verbum dicendi in the same sentence ("…", sagte X / X sagte: "…"), in an
introducing sentence ending with a colon ("zitiert X mit diesen Aussagen:", which also covers
the list items that follow) or in the next sentence ("Das sagte X."). Its channel is a linked
news medium named in that attribution (a linked MEDIA entity) or a word for the occasion
(interview, statement, speech). Cue words live in ``resources/de/events/quote_cues.tsv``.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from ..config import resource_path
from ..model import Doc, Entity, Mention, Quote, Span
from ..pipeline import is_codable
from .resources import read_cues
from .words import tokenize

QUOTE_RE = re.compile(r"[„\"»“]([^„\"»“”«\n]{2,800}?)[“\"«”]")
SPEAKER_TYPES = ("PER", "ORG", "COUNTRY")


@dataclass(frozen=True)
class QuoteCues:
    say: tuple[re.Pattern[str], ...]
    intro: tuple[re.Pattern[str], ...]
    channel: tuple[tuple[str, re.Pattern[str]], ...]

    def is_say(self, low: str) -> bool:
        return any(p.fullmatch(low) for p in self.say)

    def is_intro(self, low: str) -> bool:
        return any(p.fullmatch(low) for p in self.intro)

    def channel_word(self, low: str) -> str | None:
        return next((v for v, p in self.channel if p.fullmatch(low)), None)


@functools.lru_cache(maxsize=1)
def load_quote_cues() -> QuoteCues:
    cues = read_cues(resource_path("de", "events", "quote_cues.tsv"))
    return QuoteCues(tuple(p for _, p in cues.get("say", [])),
                     tuple(p for _, p in cues.get("intro", [])),
                     tuple(cues.get("channel", [])))


@dataclass(frozen=True)
class _Attr:
    speaker: Mention | None
    channel: str | None


def _mentions_in(mentions: Sequence[Mention], lo: int, hi: int) -> list[Mention]:
    return [m for m in mentions if lo <= m.start < hi]


def _speaker(ms: Sequence[Mention], entities: Mapping[str, Entity]) -> Mention | None:
    ranked = sorted((m for m in ms if (e := entities.get(m.entity_id)) is not None
                     and e.type in SPEAKER_TYPES),
                    key=lambda m: (SPEAKER_TYPES.index(entities[m.entity_id].type), m.start))
    return ranked[0] if ranked else None


def _channel(body: str, lo: int, hi: int, mentions: Sequence[Mention],
             entities: Mapping[str, Entity], cues: QuoteCues) -> str | None:
    for m in _mentions_in(mentions, lo, hi):
        e = entities.get(m.entity_id)
        if e is not None and e.type == "MEDIA":
            return e.name
    for w in tokenize(body[lo:hi], lo):
        ch = cues.channel_word(w.low)
        if ch is not None:
            return ch
    return None


def _attr_in(body: str, lo: int, hi: int, mentions: Sequence[Mention],
             entities: Mapping[str, Entity], cues: QuoteCues, need_say: bool = True) -> _Attr | None:
    words = tokenize(body[lo:hi], lo)
    says = [w for w in words if cues.is_say(w.low)]
    if need_say and not says:
        return None
    ms = _mentions_in(mentions, lo, hi)
    near = [m for m in ms for v in says
            if 0 <= m.start - v.end <= 25 or 0 <= v.start - m.end <= 40]  # "schrieb X", "X sagte"
    sp = _speaker(near, entities) or _speaker(ms, entities)
    if sp is None:
        return None
    return _Attr(sp, _channel(body, lo, hi, mentions, entities, cues))


def _sentence_index(sentences: Sequence[Span], pos: int) -> int:
    for i, s in enumerate(sentences):
        if s.start <= pos < s.end:
            return i
    return -1


def find_quotes(body: str, article_id: str, sentences: Sequence[Span], mentions: Sequence[Mention],
                entities: Mapping[str, Entity], cues: QuoteCues) -> list[Quote]:
    out: list[Quote] = []
    names = {m.text.lower() for m in mentions}
    carried: tuple[int, _Attr] | None = None  # intro sentence index -> attribution
    for m in QUOTE_RE.finditer(body):
        text = m.group(1).strip()
        n_words = len(text.split())
        if n_words < 2 or text.lower() in names:
            continue
        si = _sentence_index(sentences, m.start(1))
        if si < 0:
            continue
        sent = sentences[si]
        attr = None
        after = _attr_in(body, m.end(), sent.end, mentions, entities, cues)
        if after is not None and any(cues.is_say(w.low) for w in tokenize(body[m.end():m.end() + 40])):
            attr = after
        if attr is None:
            before_lo = max(sent.start, m.start() - 200)
            attr = _attr_in(body, before_lo, m.start(), mentions, entities, cues)
        if attr is None and carried is not None and si - carried[0] <= 3 and _quote_line(body, sent, m):
            attr = carried[1]
        if attr is None and si > 0:
            prev = sentences[si - 1]
            if body[prev.start:prev.end].rstrip().endswith(":"):
                attr = _attr_in(body, prev.start, prev.end, mentions, entities, cues, need_say=False)
        if attr is None and si + 1 < len(sentences):
            nxt = sentences[si + 1]
            head = tokenize(body[nxt.start:min(nxt.end, nxt.start + 40)])
            if any(cues.is_say(w.low) for w in head[:3]):
                attr = _attr_in(body, nxt.start, nxt.end, mentions, entities, cues)
        if attr is None and after is not None and n_words >= 2:
            attr = after
        if attr is None and n_words < 6:
            continue
        if si > 0 and body[sentences[si - 1].start:sentences[si - 1].end].rstrip().endswith(":"):
            intro = _attr_in(body, sentences[si - 1].start, sentences[si - 1].end, mentions, entities,
                             cues, need_say=False)
            if intro is not None:
                carried = (si, intro)
        if carried is not None and attr is carried[1]:
            carried = (si, attr)
        sp = attr.speaker if attr else None
        out.append(Quote(article_id, sp.entity_id if sp else None, text, m.start(1), m.end(1),
                         attr.channel if attr else None, sp.text if sp else None))
    return out


def _quote_line(body: str, sent: Span, m: re.Match[str]) -> bool:
    """The sentence is (almost) only the quotation: a list item of quotes."""
    rest = (body[sent.start:m.start()] + body[m.end():sent.end]).strip(" \t•-–*.:,")
    return len(rest) <= 3


@dataclasses.dataclass(frozen=True)
class QuoteStage:
    settings: Mapping[str, Any]
    cues: QuoteCues
    name: str = "quotes"
    requires: tuple[str, ...] = ("article", "sentences", "mentions", "entities")
    assigns: tuple[str, ...] = ("quotes",)

    def __call__(self, doc: Doc) -> Doc:
        if not is_codable(doc, self.settings) or doc.article is None:
            return doc
        quotes = find_quotes(doc.article.body, doc.article.id, doc.sentences, doc.mentions,
                             doc.entities, self.cues)
        return dataclasses.replace(doc, quotes=tuple(quotes))


def make_stage(settings: Mapping[str, Any]) -> QuoteStage:
    return QuoteStage(settings, load_quote_cues())
