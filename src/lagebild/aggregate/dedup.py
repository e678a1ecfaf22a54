"""Near-duplicate articles: MinHash over word 5-gram shingles of the body, LSH banding for
candidates, exact Jaccard (and containment) to decide.

Pure function over contract article dicts; the earliest article of each group of copies
(by ``published``, then input order) is the original, the others get ``duplicate_of``.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

from .text import words

MERSENNE = (1 << 31) - 1


@dataclass(frozen=True)
class DuplicatePair:
    a: str  # the earlier article
    b: str
    jaccard: float
    containment: float


@dataclass(frozen=True)
class Duplicates:
    pairs: tuple[DuplicatePair, ...]
    duplicate_of: Mapping[str, str]  # later copy -> earliest article of its group


def shingles(text: str, n: int = 5) -> set[int]:
    """Hashed word n-grams of ``text`` (case-folded); texts shorter than n words give one."""
    ws = words(text)
    if not ws:
        return set()
    if len(ws) < n:
        return {zlib.crc32(" ".join(ws).encode("utf-8"))}
    return {zlib.crc32(" ".join(ws[i:i + n]).encode("utf-8")) for i in range(len(ws) - n + 1)}


def minhash(sh: Iterable[int], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    x = np.fromiter(sh, dtype=np.uint64)
    if x.size == 0:
        return np.full(a.shape, MERSENNE, dtype=np.uint64)
    return ((a[:, None] * x[None, :] + b[:, None]) % np.uint64(MERSENNE)).min(axis=1)


class _Groups:
    """Union-find keeping the earliest member (smallest order key) as the root."""

    def __init__(self, order: Mapping[str, tuple]) -> None:
        self.order = order
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: str, y: str) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx == ry:
            return
        if self.order[ry] < self.order[rx]:
            rx, ry = ry, rx
        self.parent[ry] = rx


def order_key(article: Mapping[str, Any], index: int) -> tuple:
    published = article.get("published")
    return (published is None, str(published or ""), index)


def find_duplicates(articles: Sequence[Mapping[str, Any]], threshold: float = 0.5,
                    containment: float = 0.9, shingle_size: int = 5, num_perm: int = 128,
                    bands: int = 32, min_shingles: int = 8, seed: int = 1) -> Duplicates:
    """Pairs of near-duplicate articles and the ``duplicate_of`` mapping.

    Two articles are near-duplicates when the Jaccard similarity of their shingle sets is at
    least ``threshold``, or when one is (almost) contained in the other (``containment`` of
    the smaller set, both having at least ``min_shingles`` shingles). Existing
    ``duplicate_of`` links of the input are kept in the groups.
    """
    if num_perm % bands:
        raise ValueError(f"num_perm ({num_perm}) must be a multiple of bands ({bands})")
    ids = [str(a["id"]) for a in articles]
    order = {i: order_key(a, k) for k, (i, a) in enumerate(zip(ids, articles))}
    sets = [shingles(str(a.get("body") or ""), shingle_size) for a in articles]
    rng = np.random.default_rng(seed)
    pa = rng.integers(1, MERSENNE, size=num_perm, dtype=np.uint64)
    pb = rng.integers(0, MERSENNE, size=num_perm, dtype=np.uint64)
    rows = num_perm // bands
    buckets: dict[tuple[int, bytes], list[int]] = {}
    for k, sh in enumerate(sets):
        if not sh:
            continue
        sig = minhash(sh, pa, pb)
        for band in range(bands):
            key = (band, sig[band * rows:(band + 1) * rows].tobytes())
            buckets.setdefault(key, []).append(k)
    candidates: set[tuple[int, int]] = set()
    for members in buckets.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                candidates.add((members[x], members[y]))
    groups = _Groups(order)
    pairs: list[DuplicatePair] = []
    for x, y in sorted(candidates):
        sx, sy = sets[x], sets[y]
        inter = len(sx & sy)
        jac = inter / len(sx | sy)
        small = min(len(sx), len(sy))
        cont = inter / small if small else 0.0
        if jac >= threshold or (small >= min_shingles and cont >= containment):
            a, b = sorted((ids[x], ids[y]), key=order.__getitem__)
            pairs.append(DuplicatePair(a, b, round(jac, 4), round(cont, 4)))
            groups.union(a, b)
    for i, a in zip(ids, articles):
        if a.get("duplicate_of") and str(a["duplicate_of"]) in order:
            groups.union(i, str(a["duplicate_of"]))
    mapping = {i: groups.find(i) for i in ids if groups.find(i) != i}
    return Duplicates(tuple(pairs), mapping)
