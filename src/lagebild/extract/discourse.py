"""What one sentence of an article tells about the events of its neighbours.

- List lines: items listed after a colon ("Die Autoren listen auf: rund 100 Raketen, ...")
  or under a cue of inclusion ("Zum Paket gehören auch 200 Lenkflugkörper", "darunter")
  continue the last delivery of the article: same giver, receiver, attribution, certainty.
- Arrival: "Allein 2024 seien mehr als 13.000 Arbeiter eingereist", "Die 36 Fahrzeuge kamen
  am Freitag an": items that arrive, are stationed or deployed continue the last delivery of
  their kind, with this sentence's quantity, time, place and source.
- Source after the fact: "Das teilte das Ministerium mit." attributes the events of the
  sentence before it.
- Criticism of an act named by a noun ("X kritisierte die Lieferung", "verurteilte den Pakt")
  is aimed at whoever performed that act earlier in the article.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Callable, Mapping, Sequence

from ..model import Attribution, DateMention, Entity, Event, Quantity, Role
from .certainty import in_zone
from .items import ItemHit, attach_quantity
from .resources import Lexicon
from .roles import Party
from .sentence import RawEvent, Sentence, _word_index
from .words import QUOTES, clause_of


def opens_list(s: Sentence, in_list: bool, lex: Lexicon) -> bool:
    """The sentence ends with a colon (and names no act other than a delivery, whose
    content the list would be), or it is a list line that ends with a comma."""
    last = s.words[-1].text if s.words else ""
    if last == ":":
        return not any(w.cap and lex.match("act_noun", w.low) not in (None, "AID") for w in s.words)
    return in_list and last in (",", ";")


def _has_cue(s: Sentence, lex: Lexicon, kind: str) -> bool:
    return any(lex.match(kind, w.low) is not None for w in s.words)


def list_events(s: Sentence, lex: Lexicon, recent: Sequence[RawEvent], after_colon: bool,
                quantities: Sequence[Quantity], dates: Sequence[DateMention]) -> list[RawEvent]:
    """Deliveries continued by a list line or an inclusion cue (see the module doc).
    ``after_colon`` is False when the colon closed a sentence about another kind of act
    ("Der Vertrag regelt außerdem:")."""
    if not s.items or not (after_colon or _has_cue(s, lex, "list_cue")):
        return []
    if s.words[0].text in QUOTES or any(lex.any_trigger["V"].fullmatch(w.low) for w in s.words
                                        if not w.cap and "V" in lex.any_trigger):
        return []  # a quotation or a clause with a verb of its own is no list line
    prev = next((e for e in reversed(recent) if e.type == "AID" and e.actor is not None
                 and e.target is not None and e.item is not None), None)
    if prev is None:
        return []
    own = {p.country for p in s.parties if p.etype != "LOC" and p.kind == "plain"}
    if own - {prev.actor.country, prev.target.country}:
        return []  # the line names other states: not a continuation
    time = next((d.time for d in dates if (wi := _word_index(s.words, d.start)) is not None
                 and not in_zone(s.zones, wi)), None)
    out: list[RawEvent] = []
    seen: set[str] = set()
    for it in s.items:
        if it.category in seen or it.category == "money" and prev.item.category != "money":
            continue
        seen.add(it.category)
        qty = attach_quantity(it, s.words, 0, len(s.words), quantities, lex)
        att = next((z.attribution for z in s.zones), None) or prev.attribution
        cert = prev.certainty if att is prev.attribution else ("reported" if prev.certainty == "asserted"
                                                               else prev.certainty)
        out.append(dataclasses.replace(
            prev, trigger=s.words[it.wi], item=it, quantity=qty, time=time or prev.time, place=None,
            attribution=att, certainty=cert, confidence=round(max(0.05, prev.confidence - 0.15), 2)))
    return out


def arrival_events(s: Sentence, lex: Lexicon, recent: Sequence[RawEvent], quantities: Sequence[Quantity],
                   dates: Sequence[DateMention], place: Callable[[int], Any],
                   presence: Sequence[tuple[str, Party, Party]] = ()) -> list[RawEvent]:
    """Deliveries continued by an arrival (see the module doc); without an earlier delivery,
    people of one state said to be in another ("xische Soldaten in Y") give giver and receiver."""
    verb = next((w for w in s.words if not w.cap and lex.match("arrive", w.low)), None)
    if verb is None or in_zone(s.zones, verb.i):
        return []
    k = clause_of(s.clauses, verb.i)
    c = s.clauses[k]
    items = [it for it in s.items if it.wi in c and it.wi < verb.i]
    items += [_counted_people(q, s) for q in quantities if (q.unit or "") == "person" and not items
              and (wi := _word_index(s.words, q.start)) is not None and wi in c]
    items = [it for it in items if it is not None]
    if not items or any(p.wi in c and p.cue == "bare" and p.etype != "LOC" for p in s.parties):
        return []  # a state as subject: the coder's own business
    out: list[RawEvent] = []
    for it in items[:1]:
        prev = next((e for e in reversed(recent) if e.type == "AID" and e.actor is not None
                     and e.target is not None and e.item is not None and e.item.category == it.category), None)
        if prev is None:
            seen = next(((a, b) for cat, a, b in reversed(presence) if cat == it.category), None)
            if seen is None:
                continue
            prev = RawEvent("AID", None, verb, seen[0], seen[1], it, None, None, None, None, "asserted", 0.7)
        att = next((z.attribution for z in s.zones if z.clause is None or z.clause != k), None)
        konj = any(lex.match("konj1", w.low) for w in s.words[c.start:c.end])
        cert = ("alleged" if konj and att is None else "reported") if att is not None or konj else "asserted"
        time = next((d.time for d in dates if (wi := _word_index(s.words, d.start)) is not None and wi in c), None)
        out.append(dataclasses.replace(
            prev, trigger=verb, item=it, quantity=attach_quantity(it, s.words, c.start, c.end, quantities, lex),
            time=time, place=place(k), attribution=att or (prev.attribution if konj else None),
            certainty=cert if prev.certainty in ("asserted", "reported") else prev.certainty,
            confidence=round(max(0.05, prev.confidence - 0.2), 2)))
    return out


def _counted_people(q: Quantity, s: Sentence) -> ItemHit | None:
    """"15.000 Mann": a number of people counts soldiers when the article sent soldiers."""
    w = next((x for x in reversed(s.words) if x.start < q.end and x.end > q.start and x.cap), None)
    if w is None:
        return None
    return ItemHit(w.i, w.text, "military_personnel", "person", w.start, w.end)


def source_after(s: Sentence, lex: Lexicon) -> Attribution | None:
    """"Das teilte das Ministerium mit.", "Dies berichtete die Zeitung.": a sentence that opens
    with a pronoun for the previous statement and names who said it."""
    if len(s.words) < 3 or lex.match("back_ref", s.words[0].low) is None:
        return None
    if not any(lex.match("say", w.low) for w in s.words[1:4]):
        return None
    return next((z.attribution for z in s.zones if z.clause is not None), None) or _subject_np(s, lex)


def _subject_np(s: Sentence, lex: Lexicon) -> Attribution | None:
    """The noun phrase after the verb ("teilte das Ministerium am Montag mit"), with the
    entity of a mention inside it."""
    verb = next(w.i for w in s.words[1:4] if lex.match("say", w.low))
    j = verb + 1
    while j < len(s.words) and not s.words[j].cap and lex.match("article", s.words[j].low):
        j += 1
    k = j
    while k < len(s.words) and (s.words[k].cap or (k > j and s.words[k].low in ("des", "der")))\
            and not s.words[k].is_punct:
        k += 1  # "der Sprecher des Ministeriums", "Nils Ostrup"
    if k == j:
        return None
    mention = next((m for wi, m in s.mentions if j <= wi < k), None)
    text = " ".join(w.text for w in s.words[verb + 1:k])
    return Attribution(text, mention.entity_id if mention else None, None)


def attribute_back(events: list[Event], sentence: int, att: Attribution,
                   entities: Mapping[str, Entity]) -> list[Event]:
    """Give the events of ``sentence`` that have no source the attribution ``att``."""
    country = att.country
    if country is None and att.entity_id is not None:
        ent = entities.get(att.entity_id)
        country = (ent.country or (ent.id if ent.type == "COUNTRY" else None)) if ent else None
    att = Attribution(att.text, att.entity_id, country)
    return [dataclasses.replace(e, attribution=att,
                                certainty="reported" if e.certainty == "asserted" else e.certainty)
            if e.sentence == sentence and e.attribution is None else e for e in events]


def aim_criticism(events: list[Event], sents: Sequence[Sentence], lex: Lexicon) -> list[Event]:
    """An ACCUSE without target whose object is a noun for an act ("die Lieferung",
    "den Pakt", "die Sanktionen") aims at the actor of the article's first event of that kind
    (the news the reaction answers)."""
    out: list[Event] = []
    for e in events:
        if e.type == "ACCUSE" and e.target is None and e.actor is not None:
            s = sents[e.sentence]
            kinds = [lex.match("act_noun", w.low) for w in s.words if w.cap]
            kinds = [k for k in kinds if k]
            if kinds:
                prev = next((x for x in out if x.sentence < e.sentence and (x.type in kinds or "ANY" in kinds)
                             and x.actor is not None and x.actor.country != e.actor.country), None)
                if prev is not None:
                    e = dataclasses.replace(e, target=prev.actor, confidence=round(max(0.05, e.confidence - 0.1), 2))
                elif set(kinds) == {"ANY"}:
                    continue  # "kritisierte die Entscheidung" with no act coded before: nothing to aim at
        out.append(e)
    return out


def listed_targets(events: list[Event], sents: Sequence[Sentence], lex: Lexicon) -> list[Event]:
    """Sanctions whose targets the next sentences list ("Betroffen sind ...", "Auf der Liste
    stehen ..."): one event per listed state; a sanction that finds none is dropped."""
    out: list[Event] = []
    for e in events:
        if e.type != "SANCTION" or e.target is not None:
            out.append(e)
            continue
        found: dict[str, Role] = {}
        for s in sents[e.sentence + 1:e.sentence + 4]:
            if not _has_cue(s, lex, "listed"):
                continue
            main = s.clauses[0]
            for p in s.parties:
                if p.wi in main and p.etype != "LOC" and e.actor is not None \
                        and p.country != e.actor.country and p.cue != "attr":
                    found.setdefault(p.country, Role(p.text, p.entity_id, p.etype, p.country))
        out += [dataclasses.replace(e, target=r, confidence=round(max(0.05, e.confidence - 0.1), 2))
                for r in found.values()]
    return out


def speech_source(s: Sentence, raws: Sequence[RawEvent], before: Attribution | None,
                  lex: Lexicon) -> Attribution | None:
    """The source whose reported speech the next sentence may continue: a named source of
    this sentence, else (when this sentence continues it in Konjunktiv I) the one before."""
    named = next((z.attribution for z in s.zones if z.attribution.entity_id), None) or next(
        (r.attribution for r in raws if r.attribution is not None and r.attribution.entity_id), None)
    if named is not None:
        return named
    return before if continues_speech(s, lex) else None


def continues_speech(s: Sentence, lex: Lexicon) -> bool:
    """Konjunktiv I (or "soll") outside quotation marks and no source of its own: "Russland
    habe im Gegenzug ... bereitgestellt" after "..., teilte der Geheimdienst mit"."""
    if s.zones or not s.words or s.words[0].text in QUOTES:
        return False
    return any(lex.match("konj1", w.low) or lex.match("certainty", w.low) == "alleged"
               for w in s.words if not w.cap)


def continued_speech(raws: list[RawEvent], att: Attribution) -> list[RawEvent]:
    return [dataclasses.replace(r, attribution=att,
                                certainty="reported" if r.certainty == "asserted" else r.certainty)
            if r.attribution is None else r for r in raws]
