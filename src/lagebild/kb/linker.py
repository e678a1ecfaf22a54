"""Stage ``entities``: mentions and canonical entities for one article.

Order of the rules (each only looks at words no earlier rule linked):

1. KB forms, longest match first, inflection-tolerant (:mod:`lagebild.kb.matcher`);
2. role phrases resolved at the article's date (:func:`lagebild.kb.resolve.roles`);
3. typos of long names and, with a type cue, of acronyms (:func:`resolve.typos`);
4. NER spans (when ``[ner] enabled`` and weights exist): known forms link to the KB, unknown
   persons and organisations become entities with slug ids;
5. short forms after a full mention (:func:`resolve.shorts`), KB and NER persons alike.

The stage also fills ``article.place_of_event`` (entity id, country, coordinates) when the
cleaner found a place text. Offsets point into ``article.body``.
"""
from __future__ import annotations

import bisect
import dataclasses
from typing import Any, Mapping, Sequence

from ..model import Article, Doc, Entity, Mention, Place, Span, Token
from ..pipeline import is_codable
from . import load_kb
from . import resolve
from . import text as tx
from .knowledge import KnowledgeBase
from .matcher import Hit, match

NER_TYPES = ("PER", "ORG", "LOC")
NEW_ENTITY_TYPES = ("PER", "ORG")
NER_MAX_ZIPF = 5.0  # a one-word NER span this frequent is an ordinary word


def _sentence_ends(words: Sequence[tx.Word], sentences: Sequence[Span]) -> list[int]:
    """For each word, the index after the last word of its sentence."""
    if not sentences:
        return [len(words)] * len(words)
    starts = [s.start for s in sentences]
    sent_of = [max(0, bisect.bisect_right(starts, w.start) - 1) for w in words]
    out = [0] * len(words)
    end = len(words)
    for k in range(len(words) - 1, -1, -1):
        if k + 1 < len(words) and sent_of[k + 1] != sent_of[k]:
            end = k + 1
        out[k] = end
    return out


def _date(published: str | None) -> str | None:
    return published[:10] if published and len(published) >= 10 else None


def _ner_spans(tagger: Any, tokens: Sequence[Token], sentences: Sequence[Span]
               ) -> list[tuple[int, int, str]]:
    """Character spans (start, end, class) of NER entities of the base classes."""
    out: list[tuple[int, int, str]] = []
    groups: list[list[Token]] = []
    starts = [s.start for s in sentences]
    current = -2
    for t in tokens:
        if t.text.isspace():
            continue
        s = bisect.bisect_right(starts, t.start) - 1 if sentences else 0
        if s != current or not groups:
            groups.append([])
            current = s
        groups[-1].append(t)
    for g in groups:
        tags = tagger.tag([t.text for t in g])
        k = 0
        while k < len(g):
            tag = tags[k]
            if tag.startswith("B-") and tag[2:] in NER_TYPES:
                label, e = tag[2:], k + 1
                while e < len(g) and tags[e] == f"I-{label}":
                    e += 1
                out.append((g[k].start, g[e - 1].end, label))
                k = e
            else:
                k += 1
    return out


def _lookup_short(kb: KnowledgeBase, w: str) -> bool:
    return w in kb.shorts or (w.endswith("s") and w[:-1] in kb.shorts)


def _last_name(word: str) -> bool:
    try:
        from .ner_gazetteer import person_names
    except ImportError:
        return False
    return word in person_names().last


def _plausible_name(span: Sequence[tx.Word], label: str) -> bool:
    """Whether an NER span unknown to the KB looks like a new person or organisation name.

    A lone word becomes an entity only as an acronym or a CamelCase brand ("WhatsApp") of an
    organisation, never as a common or compound noun ("Allianzen", "Müllballons"); a lone
    first or family name without a full mention is left alone, and so is an upper-case common
    word ("FRAU"). In a longer name the first and last words are capitalised, no word is glued
    to the next ("HeleneDie") and the name does not end in a common noun ("Kabarettistin")
    unless, for a person, it is a known family name."""
    first, last = span[0].text, span[-1].text
    if not first[:1].isupper() or not last[:1].isupper():
        return False
    if len(span) == 1:
        if label != "ORG" or len(first) < 2:
            return False
        if first.isupper():
            return first.isalpha() and not tx.is_common_word(first) and tx.zipf(first) < 4.0 \
                and not tx.is_noun(first.capitalize())
        return (
            any(c.isupper() for c in first[1:]) and not first.isupper()
            and not tx.is_compound_noun(first))
    if any(tx.is_glued(w.text) for w in span) or all(len(w.text) <= 2 for w in span):
        return False  # fused words; letter codes ("CC BY")
    if (tx.is_common_word(last) or tx.is_noun(last)) and not (label == "PER" and _last_name(last)):
        return False
    return not all(tx.is_common_word(w.text) for w in span)


def _acronym_after(body: str, words: Sequence[tx.Word], hits: Sequence[Hit], b: int,
                   text: str) -> Hit | None:
    """The KB hit of an acronym in brackets right after a name ("Name (ACR)"), when the
    acronym starts with the name's first letter; the name then stands for the same entity."""
    if b >= len(words) or not words[b].sep.endswith("(") or body[words[b].end:words[b].end + 1] != ")":
        return None
    acr = words[b].text
    if not (acr.isupper() and 2 <= len(acr) <= 8 and acr[0] == text[:1].upper()):
        return None
    return next((h for h in hits if h.first == b and h.last == b + 1
                 and h.type in ("ORG", "MEDIA")), None)


def _ner_hits(kb: KnowledgeBase, body: str, words: Sequence[tx.Word], hits: list[Hit],
              spans: Sequence[tuple[int, int, str]], new: dict[str, Entity],
              local: dict[str, tuple[str, str]]) -> list[Hit]:
    cov = resolve._covered(hits, len(words))
    starts = [w.start for w in words]
    added: list[Hit] = []
    for start, end, label in spans:
        a = bisect.bisect_left(starts, start)
        b = bisect.bisect_left(starts, end)
        if a >= b or any(cov[a:b]):
            continue
        span_words = words[a:b]
        text = body[span_words[0].start:span_words[-1].end]
        if any(w.norm in local or _lookup_short(kb, w.norm) for w in span_words):
            continue  # holds a short form: resolve.shorts decides
        known = _acronym_after(body, words, hits, b, text)
        if known is not None:  # "des Multilateralen Überwachungsteams (MSMT)"
            added.append(Hit(a, b, span_words[0].start, span_words[-1].end, known.entity_id,
                             known.type, "rule", "acronym"))
            continue
        if label not in NEW_ENTITY_TYPES or not _plausible_name(span_words, label):
            continue
        eid = tx.slug(text)
        if not eid:
            continue
        if eid not in new and eid not in kb.entities:
            new[eid] = Entity(id=eid, type=label, name=text)
        ent = new.get(eid) or kb.entities[eid]
        if ent.type == "PER" and len(span_words) > 1:
            local.setdefault(span_words[-1].norm, (ent.id, "PER"))
        added.append(Hit(a, b, span_words[0].start, span_words[-1].end, ent.id, ent.type,
                         "ner", "ner"))
    return sorted(hits + added, key=lambda h: h.first)


def link(kb: KnowledgeBase, body: str, sentences: Sequence[Span] = (),
         published: str | None = None, tokens: Sequence[Token] = (), tagger: Any = None
         ) -> tuple[list[Hit], dict[str, Entity]]:
    """All hits in ``body`` and the entities they name (KB entities and new NER ones)."""
    words = tx.words(body)
    date = _date(published)
    hits = match(kb, words, _sentence_ends(words, sentences))
    hits = resolve.typos(kb, words, hits)
    new: dict[str, Entity] = {}
    local: dict[str, tuple[str, str]] = {}
    if tagger is not None and tokens:
        spans = _ner_spans(tagger, tokens, sentences)
        hits = _ner_hits(kb, body, words, hits, spans, new, local)
    learned: dict[str, str] = {}
    hits = resolve.roles(kb, words, hits, date, learned)
    for eid, country in learned.items():
        new[eid] = dataclasses.replace(new[eid], country=country)
    hits = resolve.shorts(kb, words, hits, date, local)
    ents = {h.entity_id: new.get(h.entity_id) or kb.entities[h.entity_id] for h in hits}
    return hits, ents


def link_text(kb: KnowledgeBase, text: str, published: str | None = None) -> list[Hit]:
    """Hits of a plain string (one sentence assumed, no NER)."""
    return link(kb, text, (), published)[0]


def place_of_event(kb: KnowledgeBase, place: Place, published: str | None) -> Place:
    """Fill entity id, country and coordinates of a place text like "Wostotschny, Russland"."""
    if place.entity_id is not None or not place.text:
        return place
    parts = [p.strip() for p in place.text.split(",") if p.strip()]
    found = [kb.lookup(p, published) for p in parts]
    main = next((e for e in found if e is not None), None)
    if main is None:
        return place
    country = main.country or next((e.country for e in found[1:] if e and e.country), None)
    return dataclasses.replace(place, entity_id=main.id, country=country or place.country,
                               lat=main.lat if main.lat is not None else place.lat,
                               lon=main.lon if main.lon is not None else place.lon)


@dataclasses.dataclass
class EntityStage:
    kb: KnowledgeBase
    settings: Mapping[str, Any]
    name: str = "entities"
    requires: tuple[str, ...] = ("article", "sentences", "tokens")
    assigns: tuple[str, ...] = ("mentions", "entities", "article")
    _tagger: Any = dataclasses.field(default=None, repr=False)
    _tagger_loaded: bool = dataclasses.field(default=False, repr=False)

    def __reduce__(self) -> tuple[Any, tuple[Mapping[str, Any]]]:
        # Rebuilt from the settings in another process: the KB is cached there, not pickled.
        return (make_stage, (dict(self.settings),))

    def tagger(self) -> Any:
        if not self._tagger_loaded:
            self._tagger_loaded = True
            if self.settings.get("ner", {}).get("enabled", True):
                try:
                    from .ner import load_tagger
                except ImportError:
                    return None
                self._tagger = load_tagger(self.settings)
        return self._tagger

    def __call__(self, doc: Doc) -> Doc:
        if doc.article is None or not is_codable(doc, self.settings):
            return doc
        art: Article = doc.article
        hits, ents = link(self.kb, art.body, doc.sentences, art.published, doc.tokens,
                          self.tagger())
        starts = [s.start for s in doc.sentences]
        mentions = tuple(
            Mention(art.id, max(0, bisect.bisect_right(starts, h.start) - 1) if starts else 0,
                    h.start, h.end, art.body[h.start:h.end], h.entity_id, h.type, h.source)
            for h in hits)
        if art.place_of_event is not None:
            place = place_of_event(self.kb, art.place_of_event, art.published)
            if place.entity_id:
                ents.setdefault(place.entity_id, self.kb.entities[place.entity_id])
            art = dataclasses.replace(art, place_of_event=place)
        return dataclasses.replace(doc, mentions=mentions, entities=ents, article=art)


def make_stage(settings: Mapping[str, Any]) -> EntityStage:
    return EntityStage(load_kb(settings), settings)
