"""Rough tense of the sentence around a date: future/planned, past or unknown.

Used to resolve a weekday or a month named without a year: "Am Donnerstag will der Rat
entscheiden" is the next Thursday, "Im November stieg die Zahl" (published in January) is
last November. The cue words are data (``resources/de/tense_cues.tsv``); a lower-case word that
simplemma lemmatises to a verb infinitive it does not start with ("stieg" -> "steigen") and that
does not end in -t like a present form with a changed vowel ("trifft"), a weak preterite
("sagte") or a participle ("gestiegen") counts as past. Present tense ("Im November
finden Wahlen statt") gives ``None``: the caller keeps its default.
"""
from __future__ import annotations

import functools
import re

from .lexicon import read_tsv

_SENT_END = re.compile(r"[.!?\n]\s")
_WORD = re.compile(r"[^\W\d_]+")
_REACH = 400


@functools.lru_cache(maxsize=1)
def _cues() -> dict[str, str]:
    out: dict[str, str] = {}
    for word, kind in read_tsv("tense_cues.tsv", 2):
        if kind not in ("future", "past", "report"):
            raise ValueError(f"tense_cues.tsv: {word}: kind must be future, past or report, "
                             f"got {kind!r}")
        out[word] = kind
    return out


@functools.lru_cache(maxsize=50_000)
def _past_form(word: str) -> bool:
    """A lower-case past verb form: a strong preterite or a participle."""
    if len(word) < 4:
        return False
    try:
        import simplemma
    except ImportError:  # pragma: no cover - a dependency
        return False
    lem = str(simplemma.lemmatize(word, lang="de"))
    if lem == word or not lem.islower() or not lem.endswith("en") or len(lem) < 5:
        return False
    stem = lem[:-2]
    if word.startswith(stem):
        # present forms (stem + e/st/t/en) are not past; "-te(n)" weak preterites are
        return word[len(stem):] in ("te", "ten", "test", "tet", "ete", "eten")
    if word.startswith("ge"):
        return True  # participle: "gestiegen", "gesagt"
    # a changed stem: "kam", "stieg", "lagen", "wusste" are past; "trifft", "gibt" (present
    # with a vowel change) end in -t
    return word.endswith("en") or not word.endswith("t")


def sentence_tense(text: str, start: int, end: int) -> str | None:
    """"future", "past" or ``None`` for the sentence holding ``text[start:end]``.

    A future cue wins over a past one only when no past cue is present; both present (or
    neither) gives ``None``."""
    a = lo = max(0, start - _REACH)  # a sentence is looked at within _REACH characters
    for m in _SENT_END.finditer(text, lo, start):
        a = m.end()
    m = _SENT_END.search(text, end, end + _REACH)
    b = m.start() + 1 if m else min(len(text), end + _REACH)
    cues = _cues()
    future = past = False
    for w in _WORD.findall(text, a, b):
        if not w.islower():
            continue
        kind = cues.get(w)
        if kind == "future":
            future = True
        elif kind == "past" or (kind is None and _past_form(w)):
            past = True
    if future and not past:
        return "future"
    if past and not future:
        return "past"
    return None
