"""spaCy's blank German tokenization, memoised per white-space delimited chunk.

spaCy's tokenizer cuts a text at white space and tokenizes every chunk on its own (prefixes,
suffixes, infixes, special cases: all within the chunk; a special case that would match
across white space is never applied, as its text would contain the space). So the tokens
of a text are the tokens of its chunks, and those can be memoised: ``token_spans(text)``
looks every chunk up in a per-process memo (:mod:`lagebild.nlp.chunkfacts`) and asks spaCy
only for the chunks it has not seen yet (all of a text's new chunks in one call, one chunk
per line). The result equals
``spacy.blank("de").tokenizer(text)`` without its white-space tokens, several times faster
than building spaCy's ``Doc`` (checked on all of 10kGNAD by ``bench/nlp_throughput.py``'s
comparison and by ``tests/nlp/test_nlp_sentences.py``).
"""
from __future__ import annotations

import functools
import itertools
import operator
from typing import Any

from .chunkfacts import facts
from .lexicon import chunks as lexicon_chunks

#: The pieces of a chunk that is one token (most are); compared by identity.
WHOLE = 0
#: The pieces of a chunk of several tokens: their texts, starts and ends within the chunk.
Pieces = tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]] | int


@functools.lru_cache(maxsize=1)
def spacy_tokenizer() -> Any:
    """spaCy's blank German tokenizer (built once)."""
    import spacy

    return spacy.blank("de").tokenizer


def learn(chunks: list[str]) -> dict[str, Pieces]:
    """The tokens of ``chunks`` (white-space free), from spaCy in one call."""
    from spacy.attrs import IDX, IS_SPACE, LENGTH

    memo: dict[str, Pieces] = {}
    joined = "\n".join(chunks)  # "\n" is a token of its own: chunks stay apart
    rows = spacy_tokenizer()(joined).to_array([IDX, LENGTH, IS_SPACE]).tolist()
    k, offset = 0, 0
    pieces: list[tuple[int, int]] = []
    bounds = [0]
    for c in chunks:
        offset += len(c) + 1
        bounds.append(offset)
    for a, length, space in rows:
        if space:
            continue
        while a >= bounds[k + 1]:  # the token belongs to a later chunk
            _store(memo, chunks[k], pieces)
            pieces = []
            k += 1
        pieces.append((a - bounds[k], a - bounds[k] + length))
    _store(memo, chunks[k], pieces)
    for c in chunks[k + 1:]:  # defensive: chunks without tokens (never for non-space text)
        memo.setdefault(c, ((), (), ()))
    return memo


def _store(memo: dict[str, Pieces], chunk: str, pieces: list[tuple[int, int]]) -> None:
    if pieces == [(0, len(chunk))]:
        memo[chunk] = WHOLE
    else:
        memo[chunk] = (tuple(chunk[x:y] for x, y in pieces), tuple(x for x, _ in pieces),
                       tuple(y for _, y in pieces))


_PIECES = operator.attrgetter("pieces")


def token_spans(text: str) -> tuple[list[str], list[int], list[int]]:
    """(token texts, starts, ends) of the non-space tokens of spaCy's blank German tokenizer."""
    words, fixed = lexicon_chunks(text)[:2]
    chunks, starts = list(words), list(fixed)  # fresh lists: they are returned
    found = list(map(_PIECES, facts(text)))
    several = map(operator.is_not, found, itertools.repeat(WHOLE))
    split = list(itertools.compress(range(len(found)), several))
    ends = list(map(operator.add, starts, map(len, chunks)))
    # Chunks of several tokens ("Welt.", "(dpa)") are replaced by their tokens, in place, from
    # the end (the indices before i stay valid); the other chunks are tokens as they are.
    for i in reversed(split):
        texts, xs, ys = found[i]  # type: ignore[misc]
        shift = starts[i].__add__
        chunks[i:i + 1] = texts
        starts[i:i + 1] = map(shift, xs)
        ends[i:i + 1] = map(shift, ys)
    return chunks, starts, ends
