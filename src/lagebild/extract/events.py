"""Stage ``events``: the German PLOVER event coder (CONTRACT.md Event records).

Requires article, sentences, tokens, quantities, dates, mentions, entities; assigns events.
The rules live in ``resources/de/events/*.tsv`` (and ``packs/<pack>/events_*.tsv``); the
coder itself is :mod:`lagebild.extract.coder`.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Mapping, Sequence

from ..model import (Attribution, DateMention, Doc, Entity, Event, Item, Mention, Place, Quantity,
                     Role, Span, stable_hash)
from ..pipeline import is_codable
from .coder import (ArticleContext, RawEvent, Sentence, analyse, code_sentence, is_report_sentence,
                    place_of, update_context)
from .discourse import (aim_criticism, arrival_events, attribute_back, continued_speech, continues_speech, list_events,
                        listed_targets, opens_list, source_after, speech_source)
from .resources import Lexicon, load_lexicon
from .roles import Party


#: AID mode (PLOVER) by item category; arms, troops, technology and training are military.
AID_MODES = {"petroleum": "economic", "money": "economic", "workers": "economic", "goods": "humanitarian"}


#: CAMEO codes (for GDELT users) by PLOVER type, and by AID mode.
CAMEO = {"CONSULT": "040", "AGREE": "057", "SUPPORT": "050", "COOPERATE": "060", "REQUEST": "100",
         "ACCUSE": "112", "REJECT": "120", "THREATEN": "130", "PROTEST": "140", "SANCTION": "163",
         "MOBILIZE": "150", "COERCE": "170", "ASSAULT": "190", "RETREAT": "0874", "CONCEDE": "080",
         "AID": "070"}
CAMEO_AID = {"economic": "071", "military": "072", "humanitarian": "073"}


def _role(p: Party | None) -> Role | None:
    if p is None:
        return None
    return Role(p.text, p.entity_id, p.etype, p.country)


def _place(m: Any, entities: Mapping[str, Entity]) -> Place | None:
    if m is None:
        return None
    ent = entities.get(m.entity_id)
    return Place(m.text, m.entity_id, ent.country if ent else None,
                 ent.lat if ent else None, ent.lon if ent else None)


def _in(span: Span, start: int) -> bool:
    return span.start <= start < span.end


def to_event(raw: RawEvent, article_id: str, sentence: int, span: Span,
             entities: Mapping[str, Entity]) -> Event:
    actor, target = _role(raw.actor), _role(raw.target)
    item = Item(raw.item.text, raw.item.category) if raw.item else None
    qty = raw.quantity
    if qty is not None and raw.item is not None and (qty.unit or "item") == "item" \
            and raw.item.unit != "item":
        qty = dataclasses.replace(qty, unit=raw.item.unit if raw.item.unit != "round" else "item")
    mode = raw.mode
    if raw.type == "AID" and item is not None:
        mode = AID_MODES.get(item.category, "military")
    return Event(
        id="", article_id=article_id, sentence=sentence, start=span.start,
        end=span.end, type=raw.type, mode=mode,
        cameo=CAMEO_AID.get(mode or "", CAMEO[raw.type]) if raw.type == "AID" else CAMEO.get(raw.type), actor=actor, target=target, item=item,
        quantity=qty, time=raw.time, place=_place(raw.place, entities),
        attribution=raw.attribution, certainty=raw.certainty, confidence=raw.confidence,
        trigger=raw.trigger.text,
    )


def _with_id(e: Event) -> Event:
    key = "|".join([e.article_id, str(e.sentence), e.type, e.actor.country if e.actor else "",
                    e.target.country if e.target else "", e.item.category if e.item else ""])
    return dataclasses.replace(e, id=stable_hash(key))


def code_document(body: str, article_id: str, sentences: Sequence[Span],
                  mentions: Sequence[Mention], entities: Mapping[str, Entity],
                  quantities: Sequence[Quantity], dates: Sequence[DateMention], lex: Lexicon,
                  min_confidence: float = 0.0) -> list[Event]:
    """Code every sentence of one article."""
    ctx = ArticleContext()
    out: list[Event] = []
    reports: list[int] = []
    analysed: list[Sentence] = []
    after_colon = False
    speaker: Attribution | None = None  # whose reported speech a Konjunktiv I sentence continues
    near: list[tuple[int, list[RawEvent]]] = []  # events of the last sentences
    for n, span in enumerate(sentences):
        ms = [m for m in mentions if _in(span, m.start)]
        qs = [q for q in quantities if _in(span, q.start)]
        ds = [d for d in dates if _in(span, d.start)]
        s = analyse(body[span.start:span.end], span.start, ms, entities, lex, ctx, qs)
        raws = code_sentence(s, lex, ctx, qs, ds, entities)
        if not raws:
            raws = list_events(s, lex, [r for m, rs in near for r in rs if n - m <= 2], after_colon, qs, ds) \
                or arrival_events(s, lex, ctx.recent[-6:], qs, ds, lambda k: place_of(s, k, None, entities, lex),
                                  ctx.presence)
            ctx.recent = (ctx.recent + raws)[-12:]
        if speaker is not None and raws and continues_speech(s, lex):
            raws = continued_speech(raws, speaker)
        speaker = speech_source(s, raws, speaker, lex)
        after_colon = opens_list(s, after_colon, lex)
        near = [*near[-2:], (n, raws)]
        out += [to_event(r, article_id, n, span, entities) for r in raws
                if r.confidence >= min_confidence]
        back = source_after(s, lex) if n > 0 else None
        if back is not None:
            out = attribute_back(out, n - 1, back, entities)
        update_context(s, ctx, entities)
        analysed.append(s)
        if is_report_sentence(s):
            reports.append(n)
    out = aim_criticism(listed_targets(_continued_places(out, analysed, entities), analysed, lex),
                        analysed, lex)
    return [_with_id(e) for e in _report_attribution(out, reports, ctx.report_source)]


DEMONSTRATIVES = frozenset({"diese", "dieser", "diesen", "diesem", "dort", "sie", "die"})


def _continued_places(events: list[Event], sents: Sequence[Sentence],
                      entities: Mapping[str, Entity]) -> list[Event]:
    """The place of a delivery told in the next sentence: "... Soldaten geschickt. Diese
    Truppen kämpfen nahe Ceruna." (a demonstrative and an item of the same category)."""
    out = []
    for e in events:
        nxt = sents[e.sentence + 1] if e.sentence + 1 < len(sents) else None
        if e.place is None and e.item is not None and nxt is not None and nxt.words \
                and nxt.words[0].low in DEMONSTRATIVES \
                and any(it.category == e.item.category and it.wi <= 3 for it in nxt.items):
            for wi, m in nxt.mentions:
                ent = entities.get(m.entity_id)
                if ent is not None and ent.type == "LOC" and wi > 0 and \
                        any(x.low in ("bei", "in", "im", "um", "von", "nahe") for x in nxt.words[max(0, wi - 4):wi]):
                    e = dataclasses.replace(e, place=Place(m.text, m.entity_id, ent.country, ent.lat, ent.lon))
                    break
        out.append(e)
    return out


def _report_attribution(events: list[Event], reports: Sequence[int],
                        source: Attribution | None) -> list[Event]:
    """An article that summarises a report: the events told around the sentences that name
    the report (from the one before the first to four after the last) are the report's,
    unless a sentence names another source."""
    if not reports or source is None or source.entity_id is None:
        return events
    lo, hi = reports[0] - 1, reports[-1] + 4
    out = []
    for e in events:
        att = e.attribution
        if lo <= e.sentence <= hi and (att is None or att.entity_id is None):
            e = dataclasses.replace(
                e, attribution=Attribution(att.text if att else source.text, source.entity_id, source.country),
                certainty="reported" if e.certainty == "asserted" else e.certainty)
        out.append(e)
    return out


@dataclasses.dataclass(frozen=True)
class EventStage:
    settings: Mapping[str, Any]
    lexicon: Lexicon
    name: str = "events"
    requires: tuple[str, ...] = ("article", "sentences", "tokens", "quantities", "dates",
                                 "mentions", "entities")
    assigns: tuple[str, ...] = ("events",)

    def __call__(self, doc: Doc) -> Doc:
        if not is_codable(doc, self.settings) or doc.article is None:
            return doc
        min_conf = float(self.settings.get("events", {}).get("min_confidence", 0.0))
        events = code_document(doc.article.body, doc.article.id, doc.sentences, doc.mentions,
                               doc.entities, doc.quantities, doc.dates, self.lexicon, min_conf)
        version = doc.article.pipeline_version
        if version:
            events = [dataclasses.replace(e, pipeline_version=version) for e in events]
        return dataclasses.replace(doc, events=tuple(events))


def make_stage(settings: Mapping[str, Any]) -> EventStage:
    packs = tuple(settings.get("kb", {}).get("packs", ()))
    return EventStage(settings, load_lexicon(packs))
