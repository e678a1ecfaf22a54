"""Longest-match search of KB surface forms in a word sequence.

Inflection-tolerant: a word that is not in the index as written is tried without one German
ending (``text.ENDINGS``: "Südkoreas", "russischen", "Vereinigten"). Hyphen compounds are
separate words, so "Putin-Lieferung" finds "Putin" and "US-Angaben" finds "US". One word of a
form of three or more words may differ by one edit, when it is at least six letters long and
the first word matches ("Internationl Atomic Energy Agency").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from . import text as tx
from .knowledge import END, AliasEntry, KnowledgeBase

FUZZY_MIN = 6  # letters of a word allowed one edit inside a long form
FUZZY_FORM_WORDS = 3


@dataclass(frozen=True)
class Hit:
    """A linked stretch of words ``[first, last)`` (word indexes), with char offsets."""

    first: int
    last: int
    start: int
    end: int
    entity_id: str
    type: str
    source: str = "kb"  # kb | ner | rule
    kind: str = "alias"  # name | alias | adj | short | role | typo | acronym | ner


@dataclass(frozen=True)
class _Cand:
    last: int
    entry: AliasEntry
    inflected: int
    fuzzy: bool


def _children(node: Mapping[str, Any], w: str, first: bool, fuzzy_left: bool
              ) -> list[tuple[Mapping[str, Any], int, bool, bool]]:
    """(child, inflected, fuzzy, name_ok): name_ok when a name may end with this word."""
    out: list[tuple[Mapping[str, Any], int, bool, bool]] = []
    child = node.get(w)
    if child is not None:
        out.append((child, 0, False, True))
    for stem, ending in tx.variants(w):
        child = node.get(stem)
        if child is not None:
            out.append((child, 1, False, tx.name_ending_ok(stem, ending)))
    if fuzzy_left and not first and len(w) >= FUZZY_MIN and not out:
        for k, child in node.items():
            if k != END and len(k) >= FUZZY_MIN and abs(len(k) - len(w)) <= 1 and tx.damerau1(k, w):
                out.append((child, 1, True, True))
    return out


def _case_ok(entry: AliasEntry, words: Sequence[tx.Word], i: int) -> bool:
    return all(tx.case_ok(a, words[i + k].text) for k, a in enumerate(entry.surface))


def candidates(kb: KnowledgeBase, words: Sequence[tx.Word], i: int, limit: int) -> list[_Cand]:
    """Every KB form that starts at word ``i`` and ends before word ``limit``."""
    out: list[_Cand] = []
    stack: list[tuple[Mapping[str, Any], int, int, bool]] = [(kb.trie, i, 0, False)]
    while stack:
        node, j, infl, fuzzy = stack.pop()
        if j >= limit or (j > i and not tx.joinable(words[j].sep)):
            continue
        for child, add, fz, name_ok in _children(node, words[j].norm, j == i, not fuzzy):
            for e in child.get(END, ()):
                n = len(e.surface)
                if (fz or fuzzy) and n < FUZZY_FORM_WORDS:
                    continue
                if not name_ok and e.kind != "adj":
                    continue
                if _case_ok(e, words, i):
                    out.append(_Cand(j + 1, e, infl + add, fuzzy or fz))
            if len(child) > (1 if END in child else 0):
                stack.append((child, j + 1, infl + add, fuzzy or fz))
    return out


def _rank(kb: KnowledgeBase, c: _Cand) -> tuple[int, int, int, int, int]:
    return (c.last, -int(c.fuzzy), -c.inflected, -int(c.entry.kind == "adj"),
            -kb.order.get(c.entry.entity_id, 0))


def match(kb: KnowledgeBase, words: Sequence[tx.Word], sent_end: Sequence[int]) -> list[Hit]:
    """Greedy left-to-right longest matches; ``sent_end[j]`` is the index after the last word
    of word ``j``'s sentence (forms never cross a sentence end)."""
    hits: list[Hit] = []
    i, n = 0, len(words)
    while i < n:
        cands = candidates(kb, words, i, sent_end[i])
        if not cands:
            i += 1
            continue
        best = max(cands, key=lambda c: _rank(kb, c))
        ent = kb.entities[best.entry.entity_id]
        kind = "typo" if best.fuzzy else best.entry.kind
        hits.append(Hit(i, best.last, words[i].start, words[best.last - 1].end, ent.id,
                        ent.type, "rule" if best.fuzzy else "kb", kind))
        i = best.last
    return hits
