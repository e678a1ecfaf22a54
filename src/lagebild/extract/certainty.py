"""Attribution ("laut X", "X zufolge", "teilte X mit") and certainty of coded events.

Certainty follows CONTRACT.md: when several cues apply the first of denied, planned,
possible, alleged, reported, asserted wins.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping, Sequence

from ..model import CERTAINTIES, Attribution, Entity, Mention
from .resources import Lexicon
from .words import Clause, Word, clause_of

REPORT_NOUNS = re.compile(r"\w*(bericht|gutachten|studie|dokument|report|analyse|untersuchung)(s|es|e|en)?")
NOT_NEGATION_AFTER = frozenset({"nur", "zuletzt", "mehr als", "weniger"})


@dataclass(frozen=True)
class AttrZone:
    lo: int  # first word of the attribution phrase
    hi: int  # one past its last word
    clause: int | None  # a say clause: applies to the other clauses; None: to the sentence
    attribution: Attribution


def _source(words: Sequence[Word], lo: int, hi: int, mentions: Sequence[tuple[int, Mention]],
            entities: Mapping[str, Entity]) -> tuple[Attribution, int] | None:
    """First linked mention between words lo and hi, as an Attribution, with its last word."""
    for wi, m in mentions:
        if lo <= wi < hi:
            ent = entities.get(m.entity_id)
            country = None
            if ent is not None:
                country = ent.country or (ent.id if ent.type == "COUNTRY" else None)
            end = max(w.i for w in words if w.start < m.end) if words else wi
            return Attribution(m.text, m.entity_id, country), end
    return None


def find_attributions(words: Sequence[Word], clauses: Sequence[Clause],
                      mentions: Sequence[tuple[int, Mention]], entities: Mapping[str, Entity],
                      lex: Lexicon, report_source: Attribution | None) -> list[AttrZone]:
    zones: list[AttrZone] = []
    if not words:
        return zones
    text = " ".join(w.low for w in words)
    starts = []
    pos = 0
    for w in words:
        starts.append(pos)
        pos += len(w.low) + 1

    def word_at(char: int) -> int:
        return max(k for k, s in enumerate(starts) if s <= char)

    for value, pat in lex.phrases("attr_prep"):
        for m in pat.finditer(text):
            lo = word_at(m.start())
            hi = word_at(max(m.end() - 1, m.start())) + 1
            src = _source(words, lo, min(hi + 6, len(words)), mentions, entities)
            if src is not None and not _adjacent(words, hi, src, mentions, lex):
                src = None
            if src is not None:
                zones.append(AttrZone(lo, src[1] + 1, None, src[0]))
            else:
                end = hi
                if value == "laut" or (end < len(words) and words[end].low in ("des", "der")):
                    while end < len(words) and not words[end].cap and not words[end].is_punct:
                        end += 1
                    end = min(end + 1, len(words))
                phrase = " ".join(w.text for w in words[lo:end])
                att = Attribution(phrase)
                if report_source is not None and REPORT_NOUNS.fullmatch(words[min(end, len(words)) - 1].low):
                    att = Attribution(phrase, report_source.entity_id, report_source.country)
                zones.append(AttrZone(lo, end, None, att))
    for w in words:
        if lex.match("attr_post", w.low) is not None:
            src = _source(words, max(0, w.i - 6), w.i, mentions, entities)
            att = src[0] if src else Attribution(" ".join(x.text for x in words[max(0, w.i - 3):w.i + 1]))
            zones.append(AttrZone(max(0, w.i - 6) if src is None else _first_word(words, src, mentions),
                                  w.i + 1, None, att))
    for k, c in enumerate(clauses):
        if not any(lex.match("say", w.low) for w in words[c.start:c.end]):
            continue
        if len(clauses) == 1:
            continue
        src = _source(words, c.start, c.end, mentions, entities)
        if src is None:
            report = next((w for w in words[c.start:c.end] if w.cap and REPORT_NOUNS.fullmatch(w.low)), None)
            if report is not None:  # "..., wie aus einer Studie hervorgeht"
                lo = max(c.start, report.i - 2)
                zones.append(AttrZone(c.start, c.end, k, Attribution(
                    " ".join(w.text for w in words[lo:report.i + 1]))))
            continue
        zones.append(AttrZone(c.start, c.end, k, src[0]))
    return zones


def _adjacent(words: Sequence[Word], hi: int, src: tuple[Attribution, int],
              mentions: Sequence[tuple[int, Mention]], lex: Lexicon) -> bool:
    """The source follows the cue directly: only articles, adjectives, titles and words for
    sources ("Nachrichtenagentur", "Geheimdienst") may stand between ("laut der
    Nachrichtenagentur ANA"), never another noun ("laut der Studie liefert Arvanien")."""
    first = next((wi for wi, m in mentions if m.text == src[0].text and wi <= src[1]), src[1])
    after_noun = hi > 0 and words[hi - 1].cap  # "dem Bericht" + verb: the clause goes on
    for w in words[hi:first]:
        if w.is_punct:
            return False
        if not w.cap and lex.match("article", w.low) is None and w.low not in ("von", "vom", "aus") \
                and (after_noun or not w.low.endswith(("e", "en", "er", "es", "em"))
                     or lex.match("attr_post", w.low) is not None):
            return False  # a verb or adverb: the clause goes on ("laut dem Bericht hat X")
        after_noun = w.cap and not (lex.match("article", w.low) or w.low in ("von", "vom", "aus"))
        if w.cap and lex.match("title", w.low) is None and lex.match("head", w.low) is None \
                and lex.match("source_head", w.low) is None:
            if not (REPORT_NOUNS.fullmatch(w.low) and w.i + 1 < len(words)
                    and words[w.i + 1].low in ("des", "der", "von", "vom", "eines", "einer")):
                return False
    return True


def _first_word(words: Sequence[Word], src: tuple[Attribution, int],
                mentions: Sequence[tuple[int, Mention]]) -> int:
    for wi, m in mentions:
        if m.text == src[0].text and wi <= src[1]:
            return wi
    return src[1]


def attribution_for(zones: Sequence[AttrZone], clause_idx: int) -> Attribution | None:
    for z in zones:
        if z.clause is None or z.clause != clause_idx:
            return z.attribution
    return None


def in_zone(zones: Sequence[AttrZone], i: int) -> bool:
    """Word i belongs to an attribution phrase ("laut X", "X zufolge"); a clause of saying
    ("teilte X mit") is no such phrase: its own words may still carry an event."""
    return any(z.lo <= i < z.hi for z in zones if z.clause is None)


def _negated(words: Sequence[Word], lo: int, hi: int, lex: Lexicon, anchor: Sequence[int]) -> bool:
    for w in words[lo:hi]:
        if lex.match("negation", w.low) is None:
            continue
        nxt = words[w.i + 1].low if w.i + 1 < len(words) else ""
        if nxt in NOT_NEGATION_AFTER or (w.low == "nicht" and nxt == "nur"):
            continue
        if w.low.startswith("kein") and not any(0 < a - w.i <= 6 for a in anchor):
            continue  # "keine" must govern the item or trigger
        return True
    return False


def certainty_for(words: Sequence[Word], clauses: Sequence[Clause], trigger_i: int,
                  trigger_cert: str | None, item_i: int | None, attribution: Attribution | None,
                  lex: Lexicon, passive: bool, zones: Sequence[AttrZone]) -> str:
    k = clause_of(list(clauses), trigger_i)
    c = clauses[k]
    scopes = [(c.start, c.end)]
    parent = clauses[c.parent] if c.parent is not None and c.kind in ("zu", "sub", "main") else None
    if parent is not None and (c.kind in ("zu", "sub") or any(
            lex.match("say", w.low) or lex.match("certainty", w.low)
            for w in words[parent.start:parent.end])):
        scopes.append((parent.start, parent.end))
    found: set[str] = set()
    if trigger_cert:
        found.add(trigger_cert)
    for lo, hi in scopes:
        for w in words[lo:hi]:
            if w.i == trigger_i or in_zone(zones, w.i):
                continue
            val = lex.match("certainty", w.low)
            if val is None:
                continue
            if w.low in ("wird", "werden", "werde"):
                trig = words[trigger_i].low
                if passive or not trig.endswith("en") or w.i > trigger_i:
                    continue
            if w.low in ("kann", "können") and (lo, hi) != scopes[0]:
                continue
            found.add(val)
    anchors = [trigger_i] + ([item_i] if item_i is not None else [])
    if _negated(words, c.start, c.end, lex, anchors):
        found.add("denied")
    if attribution is not None:
        found.add("reported")
        for w in words[c.start:c.end]:
            if lex.match("konj1", w.low) and w.i != trigger_i:
                found.add("alleged")
    for value in CERTAINTIES:
        if value in found:
            return value
    return "asserted"
