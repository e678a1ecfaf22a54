"""One sentence as the event coder sees it (words, clauses, parties, items, attribution
zones) and what earlier sentences of the article tell later ones."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from ..model import Attribution, Entity, Mention, Quantity, TimeValue
from .certainty import REPORT_NOUNS, AttrZone, find_attributions
from .items import ItemHit, find_items, money_items
from .resources import Lexicon
from .roles import Party, find_parties
from .words import Clause, Word, split_clauses, tokenize

ACTOR_TYPES = frozenset({"COUNTRY", "PER", "ORG"})


@dataclass(frozen=True)
class RawEvent:
    type: str
    mode: str | None
    trigger: Word
    actor: Party | None
    target: Party | None
    item: ItemHit | None
    quantity: Quantity | None
    time: TimeValue | None
    place: Party | Mention | None
    attribution: Attribution | None
    certainty: str
    confidence: float


@dataclass
class ArticleContext:
    """What earlier sentences of the article tell later ones (implicit actors, reports)."""

    report_source: Attribution | None = None
    recent: list[RawEvent] = field(default_factory=list)
    last_countries: list[Party] = field(default_factory=list)  # states named in the last sentence


@dataclass(frozen=True)
class Sentence:
    words: list[Word]
    clauses: list[Clause]
    parties: list[Party]
    items: list[ItemHit]
    zones: list[AttrZone]
    mentions: list[tuple[int, Mention]]


def _word_index(words: Sequence[Word], start: int) -> int | None:
    return next((w.i for w in words if w.end > start), None)


def analyse(text: str, offset: int, mentions: Sequence[Mention], entities: Mapping[str, Entity],
            lex: Lexicon, ctx: ArticleContext, quantities: Sequence[Quantity] = ()) -> Sentence:
    words = tokenize(text, offset)
    clauses = split_clauses(words, lex)
    ms = [(wi, m) for m in mentions if (wi := _word_index(words, m.start)) is not None]
    parties = find_parties(words, mentions, entities, lex)
    parties = sorted(parties + _anaphora(words, clauses, parties, lex, ctx), key=lambda p: (p.wi, p.start))
    items = money_items(words, quantities, find_items(words, lex, mentions, entities))
    zones = find_attributions(words, clauses, ms, entities, lex, ctx.report_source)
    return Sentence(words, clauses, parties, items, zones, ms)


PRONOUNS = frozenset({"ich", "du", "er", "sie", "es", "wir", "ihr", "man"})
POSSESSIVE = frozenset({"sein", "seine", "seinem", "seinen", "seiner", "seines", "ihr", "ihre", "ihrem",
                        "ihren", "ihrer", "ihres"})


def _anaphora(words: Sequence[Word], clauses: Sequence[Clause], parties: Sequence[Party],
              lex: Lexicon, ctx: ArticleContext) -> list[Party]:
    """A subject that points back to states of the previous sentence: "Das Land ...",
    "Beide Länder ..." (only when the first clause names no state before its verb)."""
    c = clauses[0]
    k = c.start
    while k < c.end and (lex.match("article", words[k].low) or (not words[k].cap and not words[k].is_punct)):
        k += 1
    if k >= c.end or k - c.start > 4 or any(p.wi <= k for p in parties):
        return []
    kind = lex.match("anaphor", words[k].low)
    if kind is None:
        return []
    pre = [w.low for w in words[c.start:k]]
    if kind == "single" and pre and pre[0] in ("das", "der", "die", "dieses", "dieser", "diese"):
        prev = [p for p in ctx.last_countries if p.etype == "COUNTRY"]
        if prev:
            return [dataclasses.replace(prev[-1], wi=k, we=k, kind="plain", head=None, cue="bare",
                                        np_start=c.start, prep=None)]
    if kind == "pair" and any(x in ("beide", "beiden") for x in pre):
        pair = next((e for e in reversed(ctx.recent) if e.actor is not None and e.target is not None), None)
        if pair is not None:
            return [dataclasses.replace(x, wi=k, we=k, kind="plain", head=None, cue="bare",
                                        np_start=c.start, prep=None) for x in (pair.actor, pair.target)]
    return []


def update_context(s: Sentence, ctx: ArticleContext, entities: Mapping[str, Entity]) -> None:
    """Remember the states named and the organisation whose report the sentence talks about
    ("Bericht der Beobachtermission")."""
    named = [p for p in s.parties if p.etype == "COUNTRY"]
    if named:
        ctx.last_countries = named
    nouns = [w.i for w in s.words if w.cap and REPORT_NOUNS.fullmatch(w.low)]
    if not nouns:
        return
    sources = [(wi, m) for wi, m in s.mentions
               if (e := entities.get(m.entity_id)) is not None and e.type in ("ORG", "MEDIA")]
    after = [(wi, m) for wi, m in sources if any(0 < wi - n <= 6 for n in nouns)]  # "Bericht der X"
    pick = (after or (sources if ctx.report_source is None else []) or [None])[0]
    if pick is not None:
        ent = entities[pick[1].entity_id]
        ctx.report_source = Attribution(pick[1].text, pick[1].entity_id, ent.country)


def is_report_sentence(s: Sentence) -> bool:
    """The sentence names a report, study or assessment ("wie aus einer Studie hervorgeht")."""
    return any(w.cap and REPORT_NOUNS.fullmatch(w.low) for w in s.words)
