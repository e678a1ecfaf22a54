"""The sentence coder: triggers + parties + items -> coded events (PLOVER).

Roles come from :mod:`lagebild.extract.frames`; the sentence analysis (words, clauses,
parties, items, attribution) from :mod:`lagebild.extract.sentence`.
"""
from __future__ import annotations

import dataclasses
from typing import Mapping, Sequence

from ..model import Attribution, DateMention, Entity, Mention, Quantity, TimeValue
from .certainty import attribution_for, certainty_for, in_zone
from .frames import clause_parties, co_subjects, is_passive, roles, subject_of
from .items import ItemHit, attach_quantity
from .resources import Lexicon, Trigger
from .roles import Party
from .sentence import (ArticleContext, RawEvent, Sentence, _word_index, analyse, is_report_sentence,
                       update_context)
from .words import Word, clause_of, owns

__all__ = ["ArticleContext", "RawEvent", "Sentence", "analyse", "code_sentence", "is_report_sentence",
           "place_of", "update_context"]

# --------------------------------------------------------------------------- triggers
def _triggers(s: Sentence, lex: Lexicon) -> list[tuple[Word, Trigger, int]]:
    out = []
    words = s.words
    lows = [w.low for w in words]
    any_v, any_n = lex.any_trigger.get("V"), lex.any_trigger.get("N")
    for w in words:
        if w.is_punct:
            continue
        if not ((any_v is not None and any_v.fullmatch(w.low)) or (any_n is not None and w.cap and any_n.fullmatch(w.low))):
            continue
        if in_zone(s.zones, w.i):
            continue
        k = clause_of(s.clauses, w.i)
        c = s.clauses[k]
        rest = " ".join(lows[c.start:c.end])
        window = " ".join(lows[w.i:w.i + 3])
        for t in lex.triggers:
            if t.pos == "N" and not w.cap:
                continue
            if t.pos == "V" and w.cap and w.i > 0 and not words[w.i - 1].is_punct:
                continue
            if not t.pattern.fullmatch(w.low):
                continue
            if t.requires is not None and not t.requires.search(rest):
                continue
            if t.excludes is not None and t.excludes.search(window):
                continue
            if t.type == "AID" and t.frame != "train" and not _items_for(s, w.i, k):
                continue
            if t.pos == "V" and t.type != "AID" and _attributive(s, w, lex):
                continue
            out.append((w, t, k))
            break
    return out


def _attributive(s: Sentence, w: Word, lex: Lexicon) -> bool:
    """A participle used as an adjective ("mit scharf kritisierten Luftangriffen"): followed
    by a noun, preceded (over adverbs) by an article or a preposition."""
    if w.i + 1 >= len(s.words) or not s.words[w.i + 1].cap or not w.low.endswith(("en", "e", "er", "es", "em")):
        return False
    for j in range(w.i - 1, max(w.i - 4, -1), -1):
        x = s.words[j]
        if lex.match("article", x.low) or lex.match("prep", x.low):
            return True
        if x.cap or x.is_punct:
            return False
    return False


def _items_for(s: Sentence, wi: int, k: int) -> list[ItemHit]:
    c = s.clauses[k]
    return [it for it in s.items if (owns(s.clauses, k, it.wi) or _continues(s, k, it.wi)) and not in_zone(s.zones, it.wi)]


def _in_exchange(s: Sentence, wi: int, lex: Lexicon) -> bool:
    """The item is what is paid back, not what is given: "im Gegenzug für die Soldaten"."""
    before = " ".join(w.low for w in s.words[max(0, wi - 5):wi])
    return any(p.search(before) for _, p in lex.phrases("gegenzug")) and (
        " für " in before + " " or " gegen " in before + " ")


def _set_aside(s: Sentence, wi: int, lex: Lexicon) -> bool:
    for j in range(wi - 1, max(wi - 4, -1), -1):
        if lex.match("aside", s.words[j].low):
            return True
        if not (lex.match("article", s.words[j].low) or (not s.words[j].cap and not s.words[j].is_punct)):
            return False
    return False


def _continues(s: Sentence, k: int, wi: int) -> bool:
    """Item wi stands in the clause right after clause k, which ends with a colon:
    "... schickte Fenmark: zwei Fregatten und drei Tanker"."""
    c = s.clauses[k]
    return (k + 1 < len(s.clauses) and wi in s.clauses[k + 1] and c.end > 0
            and s.words[c.end - 1].text == ":")


def _assign_items(s: Sentence, trig: list[tuple[Word, Trigger, int]], lex: Lexicon) -> dict[int, list[ItemHit]]:
    """Each item goes to the nearest AID trigger of its clause (coordination splits)."""
    aid = [(w, t, k) for w, t, k in trig if t.type == "AID"]
    out: dict[int, list[ItemHit]] = {w.i: [] for w, _, _ in aid}
    trig_words = {w.i for w, _, _ in aid}
    for it in s.items:
        if in_zone(s.zones, it.wi):
            continue
        if _set_aside(s, it.wi, lex):
            continue  # "Neben den Soldaten ...": an item mentioned in passing
        paid = _in_exchange(s, it.wi, lex)  # only an exchange trigger takes what is paid back
        best = None
        for w, t, k in aid:
            if paid and t.frame != "exchange":
                continue
            if not owns(s.clauses, k, it.wi) and not _continues(s, k, it.wi):
                continue
            if it.wi == w.i:
                dist = 0
            else:
                lo, hi = sorted((it.wi, w.i))
                dist = hi - lo
                for j in range(lo + 1, hi):
                    if s.words[j].low in ("und", "sowie") and any(
                            x in trig_words for x in range(j + 1, min(j + 4, hi + 1))):
                        dist += 20
            if best is None or dist < best[0]:
                best = (dist, w.i)
        if best is not None:
            out[best[1]].append(it)
    return out


# --------------------------------------------------------------------------- sentence coding
def _blocked(s: Sentence, lex: Lexicon) -> bool:
    return any(lex.match("blocker", w.low.rsplit("-", 1)[-1]) is not None for w in s.words)


def _parent_has(s: Sentence, k: int, kind: str, lex: Lexicon) -> bool:
    c = s.clauses[k]
    if c.parent is None or c.kind not in ("zu", "sub"):
        return False
    pc = s.clauses[c.parent]
    return any(lex.match(kind, w.low) for w in s.words[pc.start:pc.end])


def _previous_aid(events: Sequence[RawEvent], ctx: ArticleContext) -> list[RawEvent]:
    return [e for e in (*reversed(events), *reversed(ctx.recent)) if e.type == "AID"
            and e.actor is not None and e.target is not None]


def _time(s: Sentence, k: int, dates: Sequence[DateMention]) -> TimeValue | None:
    c = s.clauses[k]
    inside = [d for d in dates if (wi := _word_index(s.words, d.start)) is not None and wi in c]
    pick = inside or [d for d in dates if not in_zone(s.zones, _word_index(s.words, d.start) or 0)]
    return pick[0].time if pick else None


def place_of(s: Sentence, k: int, target: Party | None, entities: Mapping[str, Entity],
           lex: Lexicon) -> Mention | None:
    best = None
    for wi, m in s.mentions:
        ent = entities.get(m.entity_id)
        if ent is None or ent.type not in ("LOC", "COUNTRY") or in_zone(s.zones, wi):
            continue
        if ent.type == "COUNTRY" and (wi == 0 or s.words[wi - 1].low not in ("in", "im")):
            continue  # a state (or its capital) where it happens: "In Pjöngjang traf er ..."
        if target is not None and m.start == target.start and target.etype != "LOC":
            continue  # the receiving state is no place; a place standing for it is ("nach Kursk")
        j = wi - 1
        while j >= 0 and (lex.match("article", s.words[j].low) or lex.match("place_head", s.words[j].low)
                          or (not s.words[j].cap and s.words[j].low.endswith(("e", "en")) and j > wi - 3)):
            j -= 1  # "in der Region X", "bei der umkämpften Stadt X"
        prev = s.words[j].low if j >= 0 else ""
        if prev in ("in", "im", "bei", "beim", "nahe", "um", "von", "nach"):
            if best is None or (wi in s.clauses[k] and not (best[0] in s.clauses[k])):
                best = (wi, m)
    return best[1] if best else None


def code_sentence(s: Sentence, lex: Lexicon, ctx: ArticleContext, quantities: Sequence[Quantity],
                  dates: Sequence[DateMention], entities: Mapping[str, Entity]) -> list[RawEvent]:
    if not s.parties or _blocked(s, lex):
        return []
    trig = _triggers(s, lex)
    fixed = []
    for w, t, k in trig:  # "Arbeiter ... reisten nach X": people sent, not a visit
        if t.type == "CONSULT" and t.pos == "V" and any(
                it.category in ("workers", "military_personnel") for it in _items_for(s, w.i, k)):
            t = Trigger("AID", "economic", "give", "V", t.pattern, None, None, None, t.where)
        fixed.append((w, t, k))
    trig = fixed
    trig_words = {w.i for w, _, _ in trig}
    item_map = _assign_items(s, trig, lex)
    low_text = " ".join(w.low for w in s.words)
    in_return = any(p.search(low_text) for _, p in lex.phrases("gegenzug"))
    events: list[RawEvent] = []
    for w, t, k in trig:
        if t.certainty == "denied" and _negated_denial(s, w, k):
            continue  # "weder bestätigt noch dementiert", "nicht bestritten": no denial
        if _parent_has(s, k, "suppress", lex) or (t.type in ("AID", "CONSULT", "AGREE", "SUPPORT") and any(
                lex.match("obligation", x.low) for x in s.words[s.clauses[k].start:s.clauses[k].end])):
            continue  # a demand ("X müsse mehr Waffen liefern") is no event
        if t.frame == "train":
            items = [ItemHit(w.i, w.text, "training", "item", w.start, w.end)]
        elif t.type == "AID":
            items = item_map.get(w.i, [])
            if not items:
                continue
        else:
            items = []
        actor, target, penalty = roles(s, w, t, k, items, lex, trig_words)
        if t.type != "AID" and actor is not None and actor.company:
            continue  # a company acts for its state only when it delivers
        if target is not None and target.company:
            target = None
        actors = [actor] + (co_subjects(s, actor) if actor is not None and actor.kind == "plain" and (
            t.frame not in ("agree", "meet", "host") or (target is not None and target.cue == "with"))
            else [])  # "X und Y einigten sich mit Z": both with Z
        targets = [target] + (co_subjects(s, target) if target is not None and target.kind == "plain"
                              and (target.cue != "bare" or (t.frame == "directed" and target.wi > w.i))
                              else [])
        for a in actors:
            for b in targets:
                if b is not None and a is not None and a.country == b.country:
                    continue
                events += _emit(s, lex, ctx, w, t, k, items, a, b, penalty, quantities, dates,
                                entities, trig, in_return, events)
    for e in list(events):  # "liefert keine Waffen": a denial of the delivery (CONTRACT.md)
        if e.type == "AID" and e.certainty == "denied" and e.actor.cue == "bare" and not any(
                x.type == "REJECT" and x.actor is not None and x.actor.country == e.actor.country
                for x in events):
            events.append(dataclasses.replace(e, type="REJECT", mode=None, target=None, item=None,
                                              quantity=None))
    rejecters = [x.actor for x in events if x.type == "REJECT" and x.actor is not None]
    events = [_denied_receipt(e, rejecters) for e in events]
    seen: dict[tuple, RawEvent] = {}
    for e in events:
        key = (e.type, e.actor.country if e.actor else None, e.target.country if e.target else None,
               e.item.category if e.item else None)
        if key not in seen or e.confidence > seen[key].confidence:
            seen[key] = e
    out = list(seen.values())
    ctx.recent = (ctx.recent + out)[-12:]
    return out


def _negated_denial(s: Sentence, w: Word, k: int) -> bool:
    c = s.clauses[k]
    before = [x.low for x in s.words[max(c.start, w.i - 2):w.i]]
    return "weder" in [x.low for x in s.words[c.start:w.i]] or any(x in ("nicht", "nie", "niemals") for x in before)


def _denied_receipt(e: RawEvent, rejecters: Sequence[Party]) -> RawEvent:
    """"Der Kreml wies Berichte über Raketenlieferungen aus X zurück": one who denies a
    delivery that another state is said to make denies receiving it."""
    if e.type != "AID" or e.target is not None or e.certainty != "denied" or e.actor is None:
        return e
    other = next((p for p in rejecters if p.country != e.actor.country), None)
    return e if other is None else dataclasses.replace(e, target=other)


def _targetless_ok(s: Sentence, w: Word, t: Trigger, k: int, cert: str, actor_wi: int,
                   trig: Sequence[tuple[Word, Trigger, int]], lex: Lexicon) -> bool:
    """May this event stand without a target? Denials may; condemning an attack may
    ("verurteilte den Angriff"); a veto or a refusal of another coded act may."""
    if t.type == "AID":
        return cert == "denied"
    if t.type == "REJECT":
        return cert == "denied" or t.pos == "N" or any(
            tk == k and tt.type != "REJECT" for _, tt, tk in trig)
    if t.type == "ACCUSE":  # "verurteilte den Angriff", "kritisierte die Lieferung" (aimed later)
        c = s.clauses[k]
        return any(tk == k and tt.type == "ASSAULT" for _, tt, tk in trig) or any(
            w.cap and lex.match("act_noun", w.low) for w in s.words[c.start:c.end])
    if t.type == "THREATEN":  # "X drohte mit Gegenmaßnahmen" (named before the verb)
        end = s.clauses[k].end
        if k + 1 < len(s.clauses) and s.clauses[k + 1].kind == "zu" and s.clauses[k + 1].parent == k:
            end = s.clauses[k + 1].end  # "behält sich vor, mit Gegenmaßnahmen zu reagieren"
        rest = " ".join(x.low for x in s.words[w.i:end] if not x.is_punct)
        return actor_wi < w.i and any(value == t.type and pat.search(rest)
                                      for value, pat in lex.phrases("targetless"))
    return t.type in ("MOBILIZE", "RETREAT") or (t.type == "SANCTION" and t.pos == "N")  # targets listed later


def _emit(s: Sentence, lex: Lexicon, ctx: ArticleContext, w: Word, t: Trigger, k: int,
          items: Sequence[ItemHit], actor: Party | None, target: Party | None, penalty: float,
          quantities: Sequence[Quantity], dates: Sequence[DateMention],
          entities: Mapping[str, Entity], trig: Sequence[tuple[Word, Trigger, int]],
          in_return: bool, done: Sequence[RawEvent]) -> list[RawEvent]:
    """Events of one trigger with its roles (one per item)."""
    events: list[RawEvent] = []
    if t.frame == "exchange":
        prev = next(iter(_previous_aid(done, ctx)), None)
        if prev is None:
            return events
        actor, target, penalty = prev.target, prev.actor, penalty + 0.1
    if t.type == "AID" and in_return and (actor is None) != (target is None):
        for prev in _previous_aid(done, ctx):
            if actor is None and target is not None and prev.actor.country == target.country:
                actor = prev.target
                break
            if target is None and actor is not None and prev.target.country == actor.country:
                target = prev.actor
                break
    if t.type == "AID" and actor is None and target is not None:
        prev = next((e for e in reversed(ctx.recent[-4:]) if e.type == "AID" and e.target is not None
                     and e.target.country == target.country and e.actor is not None), None)
        if prev is not None:
            actor, penalty = prev.actor, penalty + 0.3
    if t.frame == "train" and target is None and actor is not None:  # trainees sent to the trainer before
        prev = next((e for e in reversed(ctx.recent[-6:]) if e.type == "AID" and e.target is not None
                     and e.actor is not None and e.target.country == actor.country), None)
        if prev is not None:
            target, penalty = prev.actor, penalty + 0.3
    if t.type == "AID" and target is None and actor is not None:  # "Arvanien soll auch Drohnen geliefert haben"
        prev = next((e for e in reversed(ctx.recent[-6:]) if e.type == "AID" and e.target is not None
                     and e.actor is not None and e.actor.country == actor.country), None)
        if prev is not None:
            target, penalty = prev.target, penalty + 0.3
    if actor is None or (target is not None and target.country == actor.country):
        return events
    attribution = attribution_for(s.zones, k)
    c = s.clauses[k]
    if attribution is None and c.kind == "zu" and c.parent is not None:
        acc = next((tw for tw, tt, tk in trig if tk == c.parent and tt.type == "ACCUSE"), None)
        if acc is not None:
            subj = subject_of(s, c.parent, lex)
            if subj is not None:
                attribution = Attribution(subj.text, subj.entity_id, subj.country)
    rejected = any(tt.type == "REJECT" and tw.i != w.i and (tk == k or tk == c.parent)
                   for tw, tt, tk in trig) and t.type != "REJECT"
    passive = t.pos == "V" and is_passive(s, k, w, lex, clause_parties(s, k))
    for it in items or [None]:
        own_cert = t.certainty or (next((tt.certainty for tw, tt, tk in trig if tk == k and tt.certainty
                                          and tt.pos == "V"), None) if t.pos == "N" else None)
        cert = certainty_for(s.words, s.clauses, w.i, own_cert, it.wi if it else None,
                             attribution, lex, passive, s.zones)
        if rejected:
            cert = "denied"
        if t.type == "AID" and target is None and cert != "denied":
            continue
        if target is None and not _targetless_ok(s, w, t, k, cert, actor.wi, trig, lex):
            continue
        if it is not None and target is not None and target.wi <= it.wi <= target.we \
                and s.words[0].start <= target.start <= s.words[-1].end:
            continue  # the item word names the receiver ("der UNO-Truppe"); not a receiver from context
        qty = attach_quantity(it, s.words, c.start, c.end, quantities, lex) if it and t.frame != "train" else None
        conf = 0.8 - penalty - (0.1 if target is None else 0.0) \
            - (0.1 if cert in ("alleged", "possible") else 0.0)
        events.append(RawEvent(
            t.type, t.mode if t.type != "AID" or t.mode else None, w, actor, target, it, qty,
            _time(s, k, dates), place_of(s, k, target, entities, lex), attribution, cert,
            round(max(0.05, min(1.0, conf)), 2)))
    return events
