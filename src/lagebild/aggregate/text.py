"""Text helpers shared by the cross-document stages: words, sentences, TF-IDF vectors.

Term weights combine the corpus's own IDF with a background weight from general German word
frequencies (wordfreq), so that similarity works on a handful of articles as well as on a
large store: a word frequent in all German text ("sagte", "Regierung") weighs little even
when the corpus is too small for its IDF to tell.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
# a sentence ends at . ! ? (optionally followed by a closing quote) before whitespace and an
# upper-case letter, a digit or an opening quote; or at a line break
_SENT_END = re.compile(r"(?<=[.!?])[\"'\u201c\u201d\u00bb]?\s+(?=[\"'\u201e\u00ab\u201cA-ZÄÖÜ0-9])|\n+")
_ABBREV_TAIL = re.compile(r"(?:\b[A-Za-zÄÖÜäöü]|\b\d{1,2})\.$")

Vector = Mapping[str, float]


def words(text: str) -> list[str]:
    return [w.casefold() for w in WORD_RE.findall(text)]


@lru_cache(maxsize=200_000)
def background_weight(word: str) -> float:
    """0 for the most common German words, up to 1 for rare ones (wordfreq Zipf scale)."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return 1.0
    z = zipf_frequency(word, "de")
    return max(0.0, min(1.0, (6.5 - z) / 4.5))


def sentences(body: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``body`` (a light splitter for summaries)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(body):
        if m.group(0).strip() == "" and "\n" not in m.group(0) and _ABBREV_TAIL.search(
                body[max(start, m.start() - 6):m.start()]):
            continue  # "z. B." or "3." (an ordinal) does not end a sentence
        _add(spans, body, start, m.start())
        start = m.end()
    _add(spans, body, start, len(body))
    return spans


def _add(spans: list[tuple[int, int]], body: str, start: int, end: int) -> None:
    seg = body[start:end]
    lead = len(seg) - len(seg.lstrip())
    seg = seg.strip()
    if seg:
        spans.append((start + lead, start + lead + len(seg)))


class TfIdf:
    """TF-IDF over a fixed set of documents; vectors are sparse dicts, L2-normalised."""

    def __init__(self, docs: Sequence[Iterable[str]], min_len: int = 3) -> None:
        self.min_len = min_len
        self.n = len(docs)
        df: Counter[str] = Counter()
        for d in docs:
            df.update({w for w in d if len(w) >= min_len})
        self.df = df

    def idf(self, word: str) -> float:
        return math.log((self.n + 1) / (self.df.get(word, 0) + 1)) + 1.0

    def vector(self, tokens: Iterable[str]) -> dict[str, float]:
        tf = Counter(w for w in tokens if len(w) >= self.min_len)
        vec = {w: (1 + math.log(c)) * self.idf(w) * background_weight(w) for w, c in tf.items()}
        return normalise(vec)


def normalise(vec: Mapping[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: v / norm for k, v in vec.items() if v} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def centroid(vectors: Iterable[Vector]) -> dict[str, float]:
    acc: Counter[str] = Counter()
    for v in vectors:
        acc.update(v)
    return normalise(acc)
