"""Parties of a sentence: linked mentions that stand for a state, with their syntactic cue.

A party is a mention whose entity has a country (a state, a person or body acting for one,
a capital). Its *cue* says how the noun phrase is attached, read from German morphology and
prepositions rather than from word order alone: ``bare`` (subject or accusative object),
``dat`` (dative object: "der Ukraine"), ``gen`` (genitive after a noun), ``to`` (an/nach),
``from`` (von/aus), ``against`` (gegen/auf), ``with``, ``for``, ``in``, ``between``.
Its *kind* says how the name is written: ``plain``, ``adj`` ("russische"), ``poss``
("Russlands Präsident"), ``postgen`` ("Angriffe Borlandiens"), ``compound`` ("US-Angaben").
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Mapping, Sequence

from ..model import Entity, Mention
from .resources import Lexicon
from .words import Word

ADJ_ENDINGS = ("e", "en", "er", "es", "em")
COMPANY_CATEGORIES = frozenset({"company", "arms", "arms_company", "manufacturer", "defence", "defense"})
STATE_ORG_CATEGORIES = frozenset({"government", "military", "agency", "intl", "international",
                                  "intergovernmental", "ministry", "parliament", "party_state",
                                  "state", "alliance", "intelligence"})


@dataclass(frozen=True)
class Party:
    text: str
    entity_id: str | None
    etype: str
    country: str
    start: int
    end: int
    wi: int  # first word of the mention
    we: int  # last word of the mention
    kind: str  # plain | adj | poss | postgen | compound
    head: int | None  # word the name modifies (adj/poss/compound/postgen)
    cue: str  # bare | dat | gen | to | from | against | with | for | in | between
    np_start: int  # first word of the noun phrase (after the preposition)
    prep: str | None = None  # the preposition itself ("von", "aus", "an", ...)
    company: bool = False  # a company of that state: an actor of deliveries only

    @property
    def is_place(self) -> bool:
        return self.etype == "LOC"


def entity_country(ent: Entity | None, mention: Mention) -> str | None:
    if ent is None:
        return None
    if ent.type == "COUNTRY":
        return ent.country or ent.id
    if ent.type in ("WEAPON", "MEDIA"):
        return None
    if ent.type == "ORG" and ent.country and ent.country != ent.id:
        cat = (ent.category or "").lower()
        if cat and cat not in STATE_ORG_CATEGORIES and cat not in COMPANY_CATEGORIES:
            return None  # a club is no state actor (a company acts for its state in deliveries only)
    return ent.country


def _word_span(words: Sequence[Word], start: int, end: int) -> tuple[int, int] | None:
    idx = [w.i for w in words if w.end > start and w.start < end]
    return (idx[0], idx[-1]) if idx else None


def _is_noun(w: Word, lex: Lexicon) -> bool:
    return w.cap and not w.is_punct and lex.match("article", w.low) is None and lex.match("prep", w.low) is None


def _look_back(words: Sequence[Word], i: int, lex: Lexicon, party_words: set[int]) -> tuple[str, int]:
    """Cue of the noun phrase that begins near word ``i``.

    Walks back in the order German puts a noun phrase together: titles and names next to the
    name ("Russlands Präsident"), then attributive adjectives, then an article, then a
    preposition. A word that fits none of these ends the phrase.
    """
    j = i - 1
    state = 0  # 0: titles/names, 1: adjectives, 2: after the article
    article = None
    while j >= 0 and i - j <= 6:
        w = words[j]
        prep = lex.match("prep", w.low)
        if prep is not None:
            if w.low in ("von", "in", "aus", "bei") and j > 0 and lex.match("head", words[j - 1].low):
                return _look_back(words, j - 1, lex, party_words)
            return prep, j + 1
        if w.low == "laut":
            return "attr", j + 1
        if w.low == "zufolge":  # it follows its source: "Dem Bericht zufolge lieferte X"
            break
        if lex.match("article", w.low) is not None and state < 2:
            article, state = w.low, 2
        elif state == 0 and (lex.match("title", w.low) or lex.match("place_head", w.low) or (
                j in party_words and w.low.endswith("s") and j + 1 < len(words)
                and (lex.match("title", words[j + 1].low)
                                                             or lex.match("place_head", words[j + 1].low)))):
            pass  # "Arvaniens Präsident Tomas Arven", "Ägyptens Hauptstadt Kairo"
        elif state <= 1 and not w.cap and not w.is_punct and w.low.endswith(ADJ_ENDINGS) \
                and len(w.low) > 3 and j not in party_words:
            state = 1
        elif state <= 1 and j in party_words and words[j].text[:1].islower():
            state = 1  # an adjective of a country: "der russische Präsident"
        else:
            break
        j -= 1
    if state == 1 and article is None:
        return "bare", i  # the "adjectives" were not part of this phrase (a verb: "fragte Arven")
    prev = words[j] if j >= 0 else None
    start = j + 1
    if article == "des" or (article == "der" and prev is not None and _is_noun(prev, lex) and j > 0
                            and j not in party_words):
        return "gen", start
    if article == "dem" or (article == "der" and prev is not None and not prev.cap and not prev.is_punct
                            and lex.match("masculine", words[i].low.rstrip("s")) is None
                            and lex.match("masculine", words[i].low) is None):
        return "dat", start
    return "bare", start


def _verbish(low: str) -> bool:
    return low.endswith(("te", "ten", "tet")) and low.startswith("ge") or low in ("haben", "werden")


def find_parties(words: Sequence[Word], mentions: Sequence[Mention],
                 entities: Mapping[str, Entity], lex: Lexicon) -> list[Party]:
    spans = []
    for m in mentions:
        ent = entities.get(m.entity_id)
        country = entity_country(ent, m)
        if not country:
            continue
        ws = _word_span(words, m.start, m.end)
        if ws is None:
            continue
        spans.append((m, ent, country, ws))
    dateline = dateline_end(words)
    asides = _asides(words)
    spans = [x for x in spans if x[3][0] >= dateline and not any(lo < x[3][0] < hi for lo, hi in asides)]
    party_words = {i for *_, (a, b) in spans for i in range(a, b + 1)}
    out: list[Party] = []
    for m, ent, country, (a, b) in spans:
        last = words[b]
        kind, head = "plain", None
        if m.text[:1].islower() and last.text[:1].islower() and last.low.endswith(ADJ_ENDINGS):
            # (a linked role phrase "deutsche Außenminister" is a name, not an adjective)
            kind = "adj"
            head = next((w.i for w in words[b + 1:b + 4] if w.cap and not w.is_punct), None)
        elif last.end > m.end and "-" in last.text[m.end - last.start:][:2]:
            kind, head = "compound", b
        elif m.text.endswith("s") and b + 1 < len(words) and _is_noun(words[b + 1], lex) \
                and (b + 1) not in party_words:
            kind, head = "poss", b + 1
        elif a > 0 and _is_noun(words[a - 1], lex) and (a - 1) not in party_words and a - 1 > 0 \
                and m.text.endswith("s") and lex.match("head", words[a - 1].low) is None:
            kind, head = "postgen", a - 1
        cue, np_start = _look_back(words, a, lex, party_words)
        if kind == "postgen":
            cue = "gen"
        etype = ent.type if ent is not None else m.type
        prep = words[np_start - 1].low if cue not in ("bare", "dat", "gen") and np_start > 0 else None
        company = ent is not None and (ent.category or "").lower() in COMPANY_CATEGORIES
        out.append(Party(m.text, m.entity_id, etype, country, m.start, m.end, a, b, kind, head,
                         cue, np_start, prep, company))
    out.sort(key=lambda p: (p.wi, p.start))
    return _list_cues(words, out)


def dateline_end(words: Sequence[Word]) -> int:
    """First word after a dateline ("Wien/Linz – ..."), 0 when there is none."""
    for w in words[:6]:
        if w.text in ("–", "—", "-") and w.i > 0:
            before = words[:w.i]
            if all(x.cap or x.text in ("/", ",") for x in before):
                return w.i + 1
            return 0
    return 0


def _asides(words: Sequence[Word]) -> list[tuple[int, int]]:
    """Word ranges between two dashes: an aside ("– einschließlich China und Russland –")."""
    dashes = [w.i for w in words if w.text in ("–", "—") and w.i > 0]
    return [(dashes[k], dashes[k + 1]) for k in range(0, len(dashes) - 1, 2)]


def _list_cues(words: Sequence[Word], parties: list[Party]) -> list[Party]:
    """Names listed after a preposition share its cue: "in Ungarn, Österreich oder Deutschland"."""
    out: list[Party] = []
    for p in parties:
        prev = out[-1] if out else None
        if prev is not None and p.cue == "bare" and prev.cue not in ("bare", "dat", "gen", "attr") \
                and p.wi > prev.we and all(w.low in (",", "und", "oder", "sowie", "die", "der", "den", "dem", "das")
                                           for w in words[prev.we + 1:p.np_start]) \
                and p.np_start > prev.we + 1:
            p = dataclasses.replace(p, cue=prev.cue, prep=prev.prep)
        out.append(p)
    return out
