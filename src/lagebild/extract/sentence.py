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
    last_person: Party | None = None  # the person who was the subject of the last sentence
    items_seen: list[tuple[str, str, str]] = field(default_factory=list)  # (word, category, unit) named so far
    presence: list[tuple[str, Party, Party]] = field(default_factory=list)  # (category, origin, host)


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
    items = sorted(items + _item_anaphors(words, items, lex, ctx), key=lambda it: it.wi)
    zones = find_attributions(words, clauses, ms, entities, lex, ctx.report_source)
    return Sentence(words, clauses, parties, items, zones, ms)


ARTICLES = ("das", "der", "die", "dieses", "dieser", "diese")
PRONOUNS = frozenset({"ich", "du", "er", "sie", "es", "wir", "ihr", "man"})
POSSESSIVE = frozenset({"sein", "seine", "seinem", "seinen", "seiner", "seines", "ihr", "ihre", "ihrem",
                        "ihren", "ihrer", "ihres"})


def _anaphora(words: Sequence[Word], clauses: Sequence[Clause], parties: Sequence[Party],
              lex: Lexicon, ctx: ArticleContext) -> list[Party]:
    """A subject that points back to states of the previous sentence: "Das Land ...",
    "Beide Länder ..." (only when the first clause names no state before its verb)."""
    c = clauses[0]
    he = _pronoun_subject(words, c, parties, ctx)
    if he:
        return he
    k = c.start
    while k < c.end and (lex.match("article", words[k].low) or (not words[k].cap and not words[k].is_punct)):
        k += 1
    if k < c.end and lex.match("anaphor", words[k].low) is None:
        # "Zusätzlich werde das Land ...": an adverb and the finite verb before the subject
        k = next((j for j in range(k + 1, min(k + 4, c.end)) if words[j].cap and j > 0
                  and words[j - 1].low in ("das", "der", "die", "dieses", "dieser", "diese")
                  and lex.match("anaphor", words[j].low) == "single"), k)
    if k >= c.end or k - c.start > 4 or any(p.wi <= k + 2 for p in parties):
        return []  # a state named before or right after it ("Die Regierung in Peking")
    kind = lex.match("anaphor", words[k].low)
    if kind is None:
        return []
    pre = [w.low for w in words[c.start:k]]
    if kind == "single" and pre and (pre[0] in ARTICLES or pre[-1] in ARTICLES):
        prev = [p for p in ctx.last_countries if p.etype == "COUNTRY"]
        prev = [p for p in prev if p.cue == "bare" and p.kind == "plain"][:1] or prev  # the subject first
        if prev:
            return [dataclasses.replace(prev[-1], wi=k, we=k, kind="plain", head=None, cue="bare",
                                        np_start=c.start, prep=None)]
    if kind == "pair" and any(x in ("beide", "beiden") for x in pre):
        pair = next((e for e in reversed(ctx.recent) if e.actor is not None and e.target is not None), None)
        if pair is not None:
            return [dataclasses.replace(x, wi=k, we=k, kind="plain", head=None, cue="bare",
                                        np_start=c.start, prep=None) for x in (pair.actor, pair.target)]
    return []


def _pronoun_subject(words: Sequence[Word], c: Clause, parties: Sequence[Party],
                     ctx: ArticleContext) -> list[Party]:
    """"In X traf er am Dienstag ...", "Er reiste weiter nach ...": a pronoun subject right
    after the finite verb (or opening the sentence) stands for the person who was the
    subject of the previous sentence."""
    p = ctx.last_person
    if p is None or any(x.wi < c.start + 4 and x.cue == "bare" and x.etype != "LOC" for x in parties):
        return []
    for k in range(c.start, min(c.start + 6, c.end)):
        w = words[k]
        if w.low not in ("er", "sie") or (w.low == "sie" and k == c.start):
            continue  # "Sie" opening a sentence may be plural or formal
        if k > c.start and (words[k - 1].cap or words[k - 1].is_punct):
            continue  # only right after the finite verb: "traf er", not "für Sie"
        return [dataclasses.replace(p, wi=k, we=k, kind="plain", head=None, cue="bare", np_start=k, prep=None)]
    return []


def _item_anaphors(words: Sequence[Word], items: Sequence[ItemHit], lex: Lexicon,
                   ctx: ArticleContext) -> list[ItemHit]:
    """A general noun for an item named before ("vier weitere Systeme", "16.000 Container",
    "die Geräte") takes the category of the article's last item."""
    if not ctx.items_seen:
        return []
    taken = {it.wi for it in items}
    out = []
    for w in words:
        unit = lex.match("item_anaphor", w.low) if w.cap and w.i not in taken else None
        if unit is None:
            continue
        stem = w.low.rstrip("en") if len(w.low) > 5 else w.low
        # the last item whose word ends like this one ("Flugabwehrsystem" for "Systeme"), else the last
        word, cat, own_unit = next((x for x in reversed(ctx.items_seen) if x[0].endswith(stem)), ctx.items_seen[-1])
        out.append(ItemHit(w.i, w.text, cat, own_unit if unit == "same" else unit, w.start, w.end))
    return out


def _presence(s: Sentence) -> list[tuple[str, Party, Party]]:
    """"nordkoreanische Soldaten in Russland": people of one state staying in another (no
    event by itself; it tells later sentences who sent whom)."""
    out = []
    for it in s.items:
        if it.unit != "person":
            continue
        origin = next((p for p in s.parties if p.kind == "adj" and p.head == it.wi and p.etype == "COUNTRY"), None)
        host = next((p for p in s.parties if p.prep in ("in", "im", "nach") and 0 < p.wi - it.wi <= 3
                     and p.etype == "COUNTRY"), None)
        if origin is not None and host is not None and origin.country != host.country:
            out.append((it.category, origin, host))
    return out


def update_context(s: Sentence, ctx: ArticleContext, entities: Mapping[str, Entity]) -> None:
    """Remember the states named and the organisation whose report the sentence talks about
    ("Bericht der Beobachtermission")."""
    ctx.items_seen += [(it.text.lower(), it.category, it.unit) for it in s.items
                       if it.category not in ("money", "other", "training")]
    person = next((p for p in s.parties if p.etype == "PER" and p.cue == "bare" and p.kind == "plain"
                   and p.wi <= s.clauses[0].start + 8), None)
    if person is not None or any(w.low in ("er", "sie") for w in s.words[:6]):
        ctx.last_person = person if person is not None else ctx.last_person
    ctx.presence += _presence(s)
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
