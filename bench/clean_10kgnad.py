#!/usr/bin/env python3
"""Run the 10kGNAD test split (already clean news text) through extract + clean as JSONL
records and measure what the cleaner takes away: rejections (target 0), the share of body
characters kept (target >= 99 %), docs/s, and the kinds of removal (to spot false ones).

Usage: python bench/clean_10kgnad.py [--limit N] [--examples K]
(reads ../shared/data/10kGNAD/test.csv; LAGEBILD_SHARED overrides ../shared)
"""
from __future__ import annotations

import argparse
import csv
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

from lagebild.clean import cleaner, extract, language
from lagebild.config import load_settings
from lagebild.model import Doc, RawDoc
from lagebild.pipeline import StageFailure

SHARED = Path(os.environ.get("LAGEBILD_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))


def _chars(text: str) -> int:
    return len(re.sub(r"\s+", "", text))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--examples", type=int, default=3, help="removed lines shown per kind")
    ap.add_argument("--lines", action="store_true",
                    help="stress test: one sentence per line, so that the line rules "
                         "(titles, teasers, footers) see every sentence")
    args = ap.parse_args()
    path = SHARED / "data" / "10kGNAD" / "test.csv"
    if not path.exists():
        print(f"../shared not found at {SHARED}: nothing to measure")
        return 0
    csv.field_size_limit(10**9)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";", quotechar="'"))
    if args.limit:
        rows = rows[: args.limit]
    settings = load_settings()
    ex, cl, lg = extract.make_stage(settings), cleaner.make_stage(settings), language.make_stage(settings)
    langs: Counter[str] = Counter()
    rejected: list[str] = []
    kinds: Counter[str] = Counter()
    docs_with: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    chars_in = chars_out = 0
    worst: list[tuple[float, int]] = []
    spent = 0.0
    for no, row in enumerate(rows, 1):
        text = row[1] if len(row) > 1 else ""
        if args.lines:
            text = "\n".join(re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"])", text))
        raw = RawDoc(source=f"{path}:{no}", data=b"", fmt="json", hints={"text": text})
        t1 = time.perf_counter()
        try:
            doc = lg(cl(ex(Doc(raw=raw))))
        except StageFailure as exc:
            rejected.append(f"line {no}: {exc.reason}: {exc.detail[:80]}")
            continue
        finally:
            spent += time.perf_counter() - t1
        a = doc.article
        assert a is not None
        langs[a.language or "none"] += 1
        n_in, n_out = _chars(text), _chars(a.body)
        chars_in += n_in
        chars_out += n_out
        worst.append((n_out / n_in if n_in else 1.0, no))
        for w in a.warnings:
            kind = re.sub(r"\s*\(\d+.*?\)\s*$", "", w)
            kinds[kind] += 1
        for kind in {re.sub(r"\s*\(\d+.*?\)\s*$", "", w) for w in a.warnings}:
            docs_with[kind] += 1
        for reason, line in cleaner.removed_lines(text):
            examples.setdefault(reason, []).append(f"line {no}: {line[:150]}")
    dt = spent
    n = len(rows)
    print(f"mode: {'one sentence per line' if args.lines else 'text as given'}")
    print(f"articles: {n}, rejections: {len(rejected)}" + "".join(f"\n  {r}" for r in rejected[:20]))
    share = chars_out / chars_in if chars_in else 1.0
    print(f"body characters kept (non-space): {chars_out}/{chars_in} = {share:.4%}")
    print(f"speed (extract+clean+language): {n / dt:.1f} docs/s ({dt:.2f} s)")
    print(f"languages: {dict(langs)}")
    print("removals and notes (documents affected):")
    for kind, cnt in docs_with.most_common():
        print(f"  {cnt:5d}  {kind}")
    worst.sort()
    print("lowest kept shares: " + ", ".join(f"line {no}: {s:.1%}" for s, no in worst[:5]))
    for kind, exs in examples.items():
        print(f"removed as {kind}: {len(exs)} lines; e.g.")
        for e in exs[: args.examples]:
            print(f"  {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
