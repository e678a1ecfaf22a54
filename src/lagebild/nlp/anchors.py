"""Anchor words of the quantity and date finders, found per white-space chunk.

Both finders look only at windows around digits and their anchor words.
``anchors(text) -> (number anchors, date anchors)``: the distinct maximal runs of letters in
``text`` that are number anchors (:func:`lagebild.nlp.numwords.is_anchor`: number words,
scale words, vague plurals) and date anchors (:func:`lagebild.nlp.dates.anchor_words`:
month and weekday names, "vergangenen", "gestern", ...). A run of letters never spans white
space, so the runs are found per chunk (:func:`of_chunk`), memoised with the other facts
of the chunk (:mod:`lagebild.nlp.chunkfacts`): most chunks recur, so a text costs little.
"""
from __future__ import annotations

import functools
import itertools
import operator
import re
from typing import Mapping

from .chunkfacts import facts
from .numwords import is_anchor

_LETTERS = re.compile(r"[^\W\d_]+")  # maximal runs of letters
#: Of a chunk: () without anchors (most chunks), else (number anchors, date anchors).
Found = tuple[()] | tuple[tuple[str, ...], tuple[str, ...]]
_ANCHORS = operator.attrgetter("anchors")


@functools.lru_cache(maxsize=1)
def _date_words() -> Mapping[str, str]:
    from .dates import anchor_words  # dates imports this module

    return anchor_words()


def of_chunk(chunk: str) -> Found:
    """The number and date anchor words among the letter runs of ``chunk``."""
    runs = _LETTERS.findall(chunk)
    if not runs:
        return ()
    dates = _date_words()
    numbers = tuple(filter(is_anchor, runs))
    in_dates = tuple(filter(dates.__contains__, runs))
    return (numbers, in_dates) if numbers or in_dates else ()


@functools.lru_cache(maxsize=4)
def anchors(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(number anchors, date anchors) among the letter runs of ``text`` (cached for the last
    few texts)."""
    hits = list(filter(None, map(_ANCHORS, facts(text))))  # the chunks with anchors
    if not hits:
        return frozenset(), frozenset()
    return (frozenset(itertools.chain.from_iterable(h[0] for h in hits)),
            frozenset(itertools.chain.from_iterable(h[1] for h in hits)))
