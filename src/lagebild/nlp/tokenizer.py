"""spaCy's blank German tokenization, memoised per white-space delimited chunk.

spaCy's tokenizer cuts a text at white space and tokenizes every chunk on its own (prefixes,
suffixes, infixes, special cases: all within the chunk; a special case that would match
across white space is never applied, as its text would contain the space). So the tokens
of a text are the tokens of its chunks, and those can be memoised: ``token_spans(text)``
looks every chunk up in a per-process memo and asks spaCy only for the chunks it has not
seen yet (all of a text's new chunks in one call, one chunk per line). The result equals
``spacy.blank("de").tokenizer(text)`` without its white-space tokens, several times faster
than building spaCy's ``Doc`` (checked on all of 10kGNAD by ``bench/nlp_throughput.py``'s
comparison and by ``tests/nlp/test_nlp_sentences.py``).
"""
from __future__ import annotations

import functools
import itertools
import operator
import re
from typing import Any

_SPLIT = re.compile(r"(\s+)")  # \s is str.isspace, as in spaCy's loop
_MEMO_MAX = 500_000
#: Memo value of a chunk that is one token (most are); compared by identity.
WHOLE = 0
#: Memo value of a chunk of several tokens: their texts, starts and ends within the chunk.
Pieces = tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]] | int


@functools.lru_cache(maxsize=1)
def spacy_tokenizer() -> Any:
    """spaCy's blank German tokenizer (built once)."""
    import spacy

    return spacy.blank("de").tokenizer


@functools.lru_cache(maxsize=1)
def _memo() -> dict[str, Pieces]:
    """chunk -> its tokens (:data:`Pieces`; :data:`WHOLE` for one token covering it). A plain
    dict of strings and tuples; cleared beyond 500,000 chunks."""
    return {}


def _learn(chunks: list[str], memo: dict[str, Pieces]) -> None:
    """Tokenize ``chunks`` (new to the memo) with spaCy in one call and memoise them."""
    from spacy.attrs import IDX, IS_SPACE, LENGTH

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


def _store(memo: dict[str, Pieces], chunk: str, pieces: list[tuple[int, int]]) -> None:
    if pieces == [(0, len(chunk))]:
        memo[chunk] = WHOLE
    else:
        memo[chunk] = (tuple(chunk[x:y] for x, y in pieces), tuple(x for x, _ in pieces),
                       tuple(y for _, y in pieces))


def token_spans(text: str) -> tuple[list[str], list[int], list[int]]:
    """(token texts, starts, ends) of the non-space tokens of spaCy's blank German tokenizer."""
    memo = _memo()
    parts = _SPLIT.split(text)  # chunk, white space, chunk, ..., chunk (first/last may be "")
    offsets = list(itertools.accumulate(map(len, parts), initial=0))
    chunks, starts = parts[0::2], offsets[0:len(parts):2]
    if chunks and not chunks[-1]:
        del chunks[-1], starts[-1]
    if chunks and not chunks[0]:
        del chunks[0], starts[0]
    found = list(map(memo.get, chunks))
    if None in found:  # chunks not seen before: ask spaCy
        new = {c for c, f in zip(chunks, found) if f is None}
        if len(memo) + len(new) > _MEMO_MAX:
            memo.clear()
            new = set(chunks)
        _learn(sorted(new), memo)
        found = list(map(memo.__getitem__, chunks))
    ends = list(map(operator.add, starts, map(len, chunks)))
    split = list(itertools.compress(range(len(chunks)), map(operator.is_not, found, itertools.repeat(WHOLE))))
    if not split:  # every chunk is one token
        return chunks, starts, ends
    words: list[str] = []
    t_starts: list[int] = []
    t_ends: list[int] = []
    prev = 0
    for i in split:  # chunks of several tokens ("Welt.", "(dpa)"); the others are copied
        words += chunks[prev:i]
        t_starts += starts[prev:i]
        t_ends += ends[prev:i]
        texts, xs, ys = found[i]
        words += texts
        shift = starts[i].__add__
        t_starts += map(shift, xs)
        t_ends += map(shift, ys)
        prev = i + 1
    words += chunks[prev:]
    t_starts += starts[prev:]
    t_ends += ends[prev:]
    return words, t_starts, t_ends
