"""Lemmas for German word forms: simplemma's dictionary plus rules for names.

``lemma(word)`` is memoised (:func:`memo`) and cheap to call per token. Order of decisions:

1. ``resources/de/lemma_exceptions.tsv`` (case-sensitive word form -> lemma);
2. simplemma's German dictionary, case-sensitive (``Soldaten`` -> ``Soldat``), unless it
   gives the form itself;
3. simplemma's full lemmatizer (compounds, affixes), whose answer is kept only when it keeps
   the capitalisation of a capitalised word (a noun stays a noun);
4. a genitive rule for names and other capitalised words it does not know: ``Putins`` ->
   ``Putin``, ``Nordkoreas`` -> ``Nordkorea`` when the form without ``s`` is at least as
   frequent (wordfreq) as the form with it.

Measured on UD German GSD (nouns and proper nouns) by ``bench/nlp_sentences.py``.
"""
from __future__ import annotations

import functools
from typing import Callable, Mapping

from .lexicon import mapping

_GENITIVE_BLOCK = ("ss", "xs", "zs", "ßs", "us", "is", "os")


@functools.lru_cache(maxsize=1)
def dictionary() -> Mapping[str, str]:
    """simplemma's German form -> lemma dictionary (case-sensitive), loaded once."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    return DefaultDictionaryFactory().get_dictionary("de")  # type: ignore[return-value]


@functools.lru_cache(maxsize=1)
def frequency_table() -> Mapping[str, float]:
    """wordfreq's German frequencies (lower-case words), loaded once."""
    import wordfreq

    return wordfreq.get_frequency_dict("de")


@functools.lru_cache(maxsize=1)
def _full_lemmatizer() -> Callable[[str], str]:
    import simplemma

    return functools.partial(simplemma.lemmatize, lang="de")


def frequency(word: str) -> float:
    """wordfreq frequency of ``word`` in German (case-folded as wordfreq does), 0.0 if unknown."""
    return frequency_table().get(word.casefold(), 0.0)


_MEMO_MAX = 500_000


@functools.lru_cache(maxsize=1)
def memo() -> dict[str, str]:
    """The per-process lemma memo (word form -> lemma). A plain dict of strings: faster than
    an ``lru_cache`` and invisible to the cyclic garbage collector. Cleared when it grows
    beyond 500,000 forms."""
    return {}


def lemma(word: str) -> str:
    """The lemma of one German word form (the form itself when nothing better is known)."""
    table = memo()
    found = table.get(word)
    if found is None:
        if len(table) >= _MEMO_MAX:
            table.clear()
        found = table[word] = _lemma(word)
    return found


def _lemma(word: str) -> str:
    if not word or not word[0].isalpha():
        return word
    exc = mapping("lemma_exceptions.tsv").get(word)
    if exc is not None:
        return exc
    found = dictionary().get(word)
    if found is not None and found != word:
        return found
    capital = word[0].isupper()
    if capital and word.isupper() and len(word) > 1:
        return word  # acronyms: USA, NATO, MSMT
    guess = word if found is not None else _full_lemmatizer()(word)
    if capital and guess and not guess[0].isupper():
        guess = word
    if guess != word:
        return guess
    if capital and len(word) >= 4 and word.endswith("s") and not word.endswith(_GENITIVE_BLOCK):
        stem = word[:-1]
        if frequency(stem) >= frequency(word):
            return stem
    return word
