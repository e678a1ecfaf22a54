#!/usr/bin/env python3
"""Measure near-duplicate detection and story grouping on 10kGNAD (../shared/data).

Near-duplicates: every 5th article gets a perturbed copy (words replaced, a sentence dropped,
a line appended, or the text truncated); the script prints pair precision/recall per kind
of copy and the time. Stories: there is no story gold for 10kGNAD, so it prints how many
stories form and their topic-label purity (share of same-story pairs with one label), a
sanity check that unrelated news is not merged.

Usage: python bench/eval_aggregate.py [--limit N]
"""
from __future__ import annotations

import argparse
import csv
import itertools
import os
import random
import sys
import time
from pathlib import Path

from lagebild.aggregate import build_stories, find_duplicates

SHARED = Path(os.environ.get("LAGEBILD_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))


def load(limit: int) -> list[tuple[str, str]]:
    path = SHARED / "data" / "10kGNAD" / "test.csv"
    if not path.is_file():
        sys.exit(f"../shared not found: {path}")
    with path.open(encoding="utf-8") as fh:
        rows = [(r[0], r[1]) for r in csv.reader(fh, delimiter=";", quotechar="'") if len(r) >= 2]
    return rows[:limit]


def perturb(text: str, kind: str, rnd: random.Random) -> str:
    words = text.split()
    if kind == "replace5":
        for i in rnd.sample(range(len(words)), max(1, len(words) // 20)):
            words[i] = "xxx"
        return " ".join(words)
    if kind == "drop_sentence":
        parts = text.split(". ")
        if len(parts) > 2:
            del parts[rnd.randrange(1, len(parts) - 1)]
        return ". ".join(parts)
    if kind == "append":
        return text + "\nMehr zum Thema lesen Sie in unserer Ausgabe von morgen. Folgen Sie uns."
    if kind == "truncate60":
        return " ".join(words[: int(len(words) * 0.6)])
    raise ValueError(kind)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=1028)
    args = ap.parse_args()
    rows = load(args.limit)
    rnd = random.Random(3)
    kinds = ["replace5", "drop_sentence", "append", "truncate60"]
    arts, truth, kind_of = [], set(), {}
    for i, (label, text) in enumerate(rows):
        arts.append({"id": f"o{i}", "body": text, "label": label, "published": None})
    for n, i in enumerate(range(0, len(rows), 5)):
        kind = kinds[n % len(kinds)]
        cid = f"c{i}"
        arts.append({"id": cid, "body": perturb(rows[i][1], kind, rnd), "label": rows[i][0],
                     "published": None})
        truth.add(frozenset((f"o{i}", cid)))
        kind_of[frozenset((f"o{i}", cid))] = kind
    t0 = time.perf_counter()
    d = find_duplicates(arts)
    dt = time.perf_counter() - t0
    found = {frozenset((p.a, p.b)) for p in d.pairs}
    tp = found & truth
    print(f"near-duplicates over {len(arts)} articles ({len(truth)} planted copies): "
          f"{dt:.2f} s")
    print(f"  pairs found {len(found)}, right {len(tp)}: precision {len(tp) / max(1, len(found)):.3f}, "
          f"recall {len(tp) / len(truth):.3f}")
    for kind in kinds:
        want = {p for p in truth if kind_of[p] == kind}
        print(f"  {kind:14s} recall {len(want & found) / len(want):.3f} ({len(want & found)}/{len(want)})")
    extra = sorted(found - truth, key=lambda p: sorted(p))
    print(f"  pairs not planted (real near-copies in the corpus or errors): {len(extra)}")
    originals = arts[: len(rows)]
    t0 = time.perf_counter()
    stories, _ = build_stories(originals, [], [])
    dt = time.perf_counter() - t0
    label = {a["id"]: a["label"] for a in originals}
    pairs = [p for s in stories for p in itertools.combinations(s.articles, 2)]
    pure = sum(label[a] == label[b] for a, b in pairs)
    sizes = sorted((len(s.articles) for s in stories), reverse=True)
    print(f"stories over {len(originals)} articles (no dates, no entities): {dt:.2f} s")
    print(f"  {len(stories)} stories holding {sum(sizes)} articles; largest {sizes[:5]}")
    print(f"  topic purity of same-story pairs: {pure / max(1, len(pairs)):.3f} ({pure}/{len(pairs)})")
    for s in stories[:3]:
        print(f"  e.g. {len(s.articles)} articles, labels {sorted({label[a] for a in s.articles})}:"
              f" {s.title[:70]!r}")


if __name__ == "__main__":
    main()
