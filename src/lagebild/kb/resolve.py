"""Context rules on top of the KB matches: role phrases, short forms, typos.

* Role phrases ("Kremlchef", "Russlands Präsident", "US-Präsident", "Nordkorea-Machthaber",
  "der Präsident der USA") resolve to the office holder on the article's date; a person
  named right after the phrase ("US-Präsident Joe Biden") wins over the date rule.
* Short forms ("Putin", "Kim") link to an entity with that short form mentioned in full in
  the same document; otherwise only when the KB has a single entity with it and it is not a
  common German word. A state in front ("Nordkorea-Kim") picks among that state's people.
* Typos: a rare long word one edit away from a long KB name; a misspelt acronym (two adjacent
  letters swapped) only when a cue word of the entity's type stands just before it
  ("die Nachrichtenagentur KCAN").
"""
from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from . import text as tx
from .knowledge import END, KnowledgeBase, deletes
from .matcher import Hit

TYPO_MAX_ZIPF = 2.5  # a misspelling is a rare word
#: Types a misspelt single word may be corrected to; place names are too many and too
#: alike ("Brentford"/"Brantford") for a one-edit rule.
TYPO_TYPES = ("PER", "ORG", "MEDIA", "WEAPON")
CUE_WINDOW = 3


def _country(kb: KnowledgeBase, hit: Hit) -> str | None:
    ent = kb.entities.get(hit.entity_id)
    return ent.country if ent is not None else None


def _lookup_norm(table: Mapping[str, object], w: str, endings: Iterable[str] = tx.ENDINGS
                 ) -> object | None:
    found = table.get(w)
    if found is None:
        for e in endings:
            if w.endswith(e) and len(w) - len(e) >= 2:
                found = table.get(w[: -len(e)])
                if found is not None:
                    break
    return found


def _by_last(hits: Sequence[Hit]) -> dict[int, Hit]:
    return {h.last: h for h in hits}


def _by_first(hits: Sequence[Hit]) -> dict[int, Hit]:
    return {h.first: h for h in hits}


def _covered(hits: Sequence[Hit], n: int) -> list[bool]:
    cov = [False] * n
    for h in hits:
        for k in range(h.first, h.last):
            cov[k] = True
    return cov


def _is_state(kb: KnowledgeBase, h: Hit) -> bool:
    return h.type == "COUNTRY" or (h.type == "ORG" and _country(kb, h) == h.entity_id)


def roles(kb: KnowledgeBase, words: Sequence[tx.Word], hits: list[Hit], date: str | None,
          learned: dict[str, str] | None = None) -> list[Hit]:
    """Add role-phrase hits; a hit absorbs the state mention that qualifies it.

    A person right after the phrase is the one meant ("US-Präsident Joe Biden"); when that
    person is not in the KB (found by NER), ``learned`` receives its country. An unknown
    capitalised word right after the phrase (a name nobody recognised) blocks the date rule."""
    cov = _covered(hits, len(words))
    ends, starts = _by_last(hits), _by_first(hits)
    added: list[Hit] = []
    dropped: set[Hit] = set()
    for j, w in enumerate(words):
        if cov[j] or not w.text[:1].isupper():
            continue
        rp = _lookup_norm(kb.role_phrases, w.norm, ("s", "en", "n", "es"))
        if rp is None:
            continue
        first, last, country = j, j + 1, rp.country  # type: ignore[attr-defined]
        qual: Hit | None = None
        prev = ends.get(j)
        if prev is not None and w.hyphen_before and _country(kb, prev):
            qual = prev
        elif rp.compound_only:  # type: ignore[attr-defined]
            continue
        elif country is None:
            if (prev is not None and prev.type == "COUNTRY" and tx.joinable(w.sep)
                    and (prev.kind == "adj" or words[prev.last - 1].text.endswith("s"))):
                qual = prev
            else:
                nxt = starts.get(j + 1)
                if (nxt is None and j + 2 < len(words) and words[j + 1].norm in kb.link_words
                        and tx.joinable(words[j + 1].sep)):
                    nxt = starts.get(j + 2)
                    genitive_ok = True
                else:
                    genitive_ok = nxt is not None and words[nxt.last - 1].text.endswith("s")
                if (nxt is not None and nxt.type == "COUNTRY" and genitive_ok
                        and tx.joinable(words[j + 1].sep)):
                    qual = nxt
        if qual is not None:
            country = _country(kb, qual)
            first, last = min(first, qual.first), max(last, qual.last)
        if country is None:
            continue
        after = starts.get(last)
        if after is not None and after.type == "PER" and _country(kb, after) in (country, None):
            pid: str | None = after.entity_id  # apposition: "US-Präsident Joe Biden"
            if after.entity_id not in kb.entities and learned is not None:
                learned.setdefault(after.entity_id, country)
        elif (after is None and last < len(words) and tx.joinable(words[last].sep)
              and words[last].text[:1].isupper() and not tx.is_common_word(words[last].text)
              and not tx.is_noun(words[last].text)):
            continue  # "US-Präsident Carter": someone the KB does not know
        elif qual is not None and not _is_state(kb, qual):
            continue  # "CSU-Chef": a party's or firm's chef is no state office
        else:
            pid = kb.holder(rp.role, country, date)  # type: ignore[attr-defined]
        if pid is None:
            continue
        if qual is not None:
            dropped.add(qual)
        added.append(Hit(first, last, words[first].start, words[last - 1].end, pid, "PER",
                         "rule", "role"))
    return sorted([h for h in hits if h not in dropped] + added, key=lambda h: h.first)


def _prefer(kb: KnowledgeBase, cands: Sequence[str], seen: Mapping[str, int], j: int,
            date: str | None) -> str:
    before = [c for c in cands if c in seen]
    if before:
        return max(before, key=lambda c: (seen[c] < j, -abs(seen[c] - j)))
    holders = [c for c in cands if kb.roles_of(c, date)]
    return holders[0] if holders else cands[0]


def shorts(kb: KnowledgeBase, words: Sequence[tx.Word], hits: list[Hit], date: str | None,
           local: Mapping[str, tuple[str, str]] | None = None) -> list[Hit]:
    """Add short-form hits. ``local`` maps a normalised short form to (entity id, type) of
    persons found by NER in this document."""
    cov = _covered(hits, len(words))
    seen: dict[str, int] = {}
    for h in hits:
        if h.kind in ("name", "alias", "role", "ner"):
            seen.setdefault(h.entity_id, h.first)
    ends = _by_last(hits)
    added: list[Hit] = []
    dropped: set[Hit] = set()
    for j, w in enumerate(words):
        if cov[j] or not w.text[:1].isupper() or len(w.text) < 2 or w.text.isupper():
            continue
        cands = _lookup_norm(kb.shorts, w.norm, ("s",))
        prev = ends.get(j)
        if cands is None:
            loc = local.get(w.norm) if local else None
            if loc is None and local and w.norm.endswith("s"):
                loc = local.get(w.norm[:-1])
            if loc is not None:
                added.append(Hit(j, j + 1, w.start, w.end, loc[0], loc[1], "rule", "short"))
            continue
        ids: Sequence[str] = cands  # type: ignore[assignment]
        first = j
        if prev is not None and w.hyphen_before and prev.type == "COUNTRY":
            ids = [c for c in ids if kb.entities[c].country == _country(kb, prev)]
            if not ids:
                continue
            first = prev.first
            dropped.add(prev)
            pid = _prefer(kb, ids, seen, j, date)
        elif any(c in seen for c in ids):
            pid = _prefer(kb, ids, seen, j, date)
        elif len(ids) == 1 and not tx.is_common_word(w.text):
            pid = ids[0]
        else:
            continue
        added.append(Hit(first, j + 1, words[first].start, w.end, pid,
                         kb.entities[pid].type, "rule", "short"))
    return sorted([h for h in hits if h not in dropped] + added, key=lambda h: h.first)


def _cue_type(kb: KnowledgeBase, words: Sequence[tx.Word], j: int) -> set[str]:
    out = set()
    for k in range(max(0, j - CUE_WINDOW), j):
        t = _lookup_norm(kb.cues, words[k].norm, ("n", "en", "s", "es", "e"))
        if t is not None:
            out.add(str(t))
    return out


def typos(kb: KnowledgeBase, words: Sequence[tx.Word], hits: list[Hit]) -> list[Hit]:
    """Add hits for misspelt long names and (with a type cue) misspelt acronyms."""
    cov = _covered(hits, len(words))
    added: list[Hit] = []
    for j, w in enumerate(words):
        if cov[j] or not w.text[:1].isupper():
            continue
        pid: str | None = None
        if w.text.isalpha() and w.text.isupper() and 3 <= len(w.text) <= 5:
            if w.text in kb.acronyms:
                continue
            types = _cue_type(kb, words, j)
            for k in range(len(w.text) - 1):
                swapped = w.text[:k] + w.text[k + 1] + w.text[k] + w.text[k + 2:]
                ok = [c for c in kb.acronyms.get(swapped, ()) if kb.entities[c].type in types]
                if ok:
                    pid = ok[0]
                    break
        elif (len(w.norm) >= 7 and tx.zipf(w.text) < TYPO_MAX_ZIPF
              and not tx.is_common_word(w.text)):
            forms = {f for d in deletes(w.norm) for f in kb.long_words.get(d, ())
                     if f != w.norm and tx.damerau1(f, w.norm)}
            ents = {e.entity_id for f in forms for e in kb.trie.get(f, {}).get(END, ())
                    if e.kind != "adj" and tx.case_ok(e.surface[0], w.text)
                    and kb.entities[e.entity_id].type in TYPO_TYPES}
            if len(ents) == 1:
                pid = ents.pop()
        if pid is not None:
            added.append(Hit(j, j + 1, w.start, w.end, pid, kb.entities[pid].type, "rule",
                             "typo"))
    return sorted(hits + added, key=lambda h: h.first)
