"""Items (what is transferred, used or at stake) and the quantities that count them."""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Mapping, Sequence

from ..model import Entity, Mention, Quantity
from .resources import Lexicon
from .words import Word

#: the part of a nominal trigger word that is the trigger ("Waffen|lieferungen")
NOMINAL_HEAD = re.compile(r"(lieferung(en)?|transfers?|exporte?n?|verk[aä]uf(e|en|s)?|hilfe(n)?)$")
UNIT_FOR_CATEGORY = {"petroleum": {"barrel", "tonne", "litre", "container", "shipment"},
                     "money": {"usd", "eur", "gbp", "currency"},
                     "military_personnel": {"person"}, "workers": {"person"}}
MONEY_UNITS = {"usd", "eur", "gbp", "rub", "currency"}


@dataclass(frozen=True)
class ItemHit:
    wi: int
    text: str
    category: str
    unit: str
    start: int
    end: int
    in_trigger: bool = False  # read from a compound trigger ("Waffenlieferungen")


def _from_names(word: Word, lex: Lexicon) -> str | None:
    """A named system as the word, a hyphen part of it or its first parts ("IRIS-T-Systeme")."""
    names = lex.name_map
    parts = word.low.split("-")
    cands = [word.low] + ["-".join(parts[:k]) for k in range(len(parts) - 1, 0, -1)] + parts[1:]
    return next((names[c] for c in cands if c in names), None)


def find_items(words: Sequence[Word], lex: Lexicon, mentions: Sequence[Mention],
               entities: Mapping[str, Entity]) -> list[ItemHit]:
    hits: dict[int, ItemHit] = {}
    for m in mentions:  # weapon systems linked by the knowledge base
        ent = entities.get(m.entity_id)
        if ent is None or ent.type != "WEAPON" or not ent.category:
            continue
        w = next((w for w in words if w.end > m.start and w.start < m.end), None)
        if w is not None:
            hits[w.i] = ItemHit(w.i, w.text, ent.category, "item", w.start, w.end)
    for w in words:
        if w.i in hits or not w.cap or w.is_punct:
            continue
        rule = lex.item_of(w.low)
        if rule is not None:
            hits[w.i] = ItemHit(w.i, w.text, rule.category, rule.unit, w.start, w.end)
            continue
        cat = _from_names(w, lex)
        if cat is not None:
            hits[w.i] = ItemHit(w.i, w.text, cat, "item", w.start, w.end)
            continue
        m = NOMINAL_HEAD.search(w.low)
        if m and m.start() > 1:  # "Waffenlieferungen", "Öl-Exporte"
            prefix = w.low[:m.start()].rstrip("-")
            for cand in (prefix, prefix[:-1] if prefix.endswith("s") else None):
                rule = lex.item_of(cand) if cand else None
                if rule is not None:
                    hits[w.i] = ItemHit(w.i, w.text[:len(cand)], rule.category, rule.unit,
                                        w.start, w.start + len(cand), in_trigger=True)
                    break
    return [hits[k] for k in sorted(hits)]


ONE = frozenset({"ein", "eine", "einen", "einem", "einer", "eines"})
ANOTHER = frozenset({"weiteres", "weiteren", "weitere", "weiterer", "zusätzliches", "zusätzlichen",
                     "zusätzliche", "zusätzlicher"})
ONE_QUALIFIER = {"mindestens": "at_least", "wenigstens": "at_least", "zumindest": "at_least",
                 "als": "more_than", "zu": "at_most"}  # "mehr als ein", "bis zu ein"


def _one(item: ItemHit, words: Sequence[Word], lo: int) -> Quantity | None:
    """"mindestens ein mobiles System": the number word 'ein' with a qualifier counts one."""
    j = item.wi - 1
    while j >= lo and not words[j].cap and words[j].low not in ONE and item.wi - j <= 3:
        j -= 1
    if j < lo or words[j].low not in ONE:
        return None
    if j + 1 < item.wi and words[j + 1].low in ANOTHER:  # "ein weiteres System": one more
        return Quantity(text=" ".join(w.text for w in words[j:item.wi + 1]), value=1.0, qualifier="exact",
                        start=words[j].start, end=item.end, counts=item.text)
    if j < lo + 1:
        return None
    qual = ONE_QUALIFIER.get(words[j - 1].low)
    if qual is None:
        return None
    start = words[j - 1].start if qual != "more_than" else words[j - 2].start
    return Quantity(text=" ".join(w.text for w in words[j - 1:item.wi + 1]), value=1.0, qualifier=qual,
                    start=start, end=item.end, counts=item.text)


def attach_quantity(item: ItemHit, words: Sequence[Word], lo: int, hi: int,
                    quantities: Sequence[Quantity], lex: Lexicon) -> Quantity | None:
    """The quantity in word range [lo, hi) that counts ``item``."""
    best: tuple[int, Quantity] | None = None
    for q in quantities:
        if q.start < 0 or q.value is None and q.low is None:
            continue
        qw = [w.i for w in words if w.start < q.end and w.end > q.start]
        if not qw or not (lo <= qw[0] < hi):
            continue
        unit = (q.unit or "item").lower()
        if unit in MONEY_UNITS and item.category != "money":
            continue
        q_end = qw[-1]
        score = None
        if q.start > words[qw[0]].start or (qw[0] == item.wi and q.start > item.start):
            continue  # a number inside a name ("Challenger-2-Panzer", "F-16")
        if qw[0] <= item.wi <= q_end:
            score = 0  # the quantity's text holds the item ("300 Drohnen")
        elif q_end < item.wi and item.wi - q_end <= 4 and not any(
                words[k].is_punct for k in range(q_end + 1, item.wi)):
            score = item.wi - q_end
        elif q_end < item.wi and "mit" in [words[k].low for k in range(q_end + 1, item.wi)] \
                and item.wi - q_end <= 5:
            score = 5  # "300 Kisten mit Granaten"
        elif unit in UNIT_FOR_CATEGORY.get(item.category, ()):
            score = 10 + abs(item.wi - q_end)
        elif q.counts and q.counts.lower() == item.text.lower():
            score = 8
        if score is None:
            continue
        if best is None or score < best[0]:
            best = (score, q)
    if best is None:
        return _one(item, words, lo)
    q = best[1]
    qw0 = next(w.i for w in words if w.start < q.end and w.end > q.start)
    window = [w.low for w in words[max(lo, qw0 - 4):qw0]]
    if any(lex.match("cap", x) for x in window) and any(
            lex.match("exceed", w.low) for w in words[lo:hi]):
        q = dataclasses.replace(q, qualifier="more_than")
    return q


def money_items(words: Sequence[Word], quantities: Sequence[Quantity],
                items: Sequence[ItemHit]) -> list[ItemHit]:
    """Items with a money amount: "stellt eine Milliarde Euro für Munition bereit" gives money
    (and the item after "für" is the purpose, not what is given). An amount that prices an item
    ("Munition im Wert von ...", "Finanzhilfen in Höhe von ...") adds nothing."""
    out = list(items)
    for q in quantities:
        if (q.unit or "").lower() not in MONEY_UNITS:
            continue
        qw = [w.i for w in words if w.start < q.end and w.end > q.start]
        if not qw:
            continue
        before = [w.low for w in words[max(0, qw[0] - 3):qw[0]]]
        if "wert" in before or "höhe" in before or "von" in before[-1:]:
            continue
        last = qw[-1]
        purpose = {it.wi for it in items if 0 < it.wi - last <= 3
                   and words[last + 1].low in ("für", "zum", "zur")}
        out = [it for it in out if it.wi not in purpose]
        out.append(ItemHit(last, q.text, "money", (q.unit or "eur").lower(), q.start, q.end))
    return sorted(out, key=lambda it: it.wi)
