"""Facts about white-space delimited chunks, memoised per process with one look-up per chunk.

``facts(text) -> tuple[Facts, ...]``: for every chunk of :func:`lagebild.nlp.lexicon.chunks`
(cached for the last few texts) its ``code`` for the scrape repairer
(:func:`lagebild.nlp.repair.chunk_code`: unknown word, lower-case noun), its ``pieces``, the
tokens of spaCy's blank German tokenizer (:func:`lagebild.nlp.tokenizer.learn`), and its
``anchors``, the number and date anchor words in it (:func:`lagebild.nlp.anchors.of_chunk`).
The chunks of a text mostly recur, so the repairer, the tokenizer and the anchor-word finder
share one dict look-up per chunk; the facts of new chunks are found together (their spaCy
tokens in one call).
"""
from __future__ import annotations

import functools
from typing import TYPE_CHECKING, NamedTuple

from .lexicon import chunks

if TYPE_CHECKING:
    from .anchors import Found
    from .tokenizer import Pieces

_MEMO_MAX = 500_000


class Facts(NamedTuple):
    code: int
    pieces: Pieces
    anchors: Found


@functools.lru_cache(maxsize=1)
def _memo() -> dict[str, Facts]:
    """chunk -> :class:`Facts` (a plain dict of strings and tuples; cleared beyond 500,000)."""
    return {}


def _learn(new: list[str]) -> dict[str, Facts]:
    from .anchors import of_chunk  # these modules use this one
    from .repair import chunk_code
    from .tokenizer import learn

    pieces = learn(new)
    return {c: Facts(chunk_code(c), pieces[c], of_chunk(c)) for c in new}


@functools.lru_cache(maxsize=4)
def facts(text: str) -> tuple[Facts, ...]:
    """The :class:`Facts` of every chunk of ``text``, in order."""
    words = chunks(text)[0]
    memo = _memo()
    found = list(map(memo.get, words))
    if not all(found):  # None: a chunk not seen yet
        new = {c for c, f in zip(words, found) if f is None}
        if len(memo) + len(new) > _MEMO_MAX:
            memo.clear()
            new = set(words)
        memo.update(_learn(sorted(new)))
        found = list(map(memo.__getitem__, words))
    return tuple(found)
