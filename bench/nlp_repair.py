"""Scrape repair: gold repairs of the seeds and false repairs on clean text (10kGNAD).

1. For every seed with ``repairs`` in ../shared/gold/seeds.yaml, runs ``repair_text`` on the
   seed text and checks that no ``broken`` string is left and every ``fixed`` string is there.
2. On 10kGNAD's test split (clean text, so every repair there is a false repair) prints the
   number of repairs per 10,000 words and lists them (target: fewer than 1 per 10,000).
   Quote-mark repairs are counted too.

Usage: python bench/nlp_repair.py [--list N]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from nlp_common import gnad_texts, shared_dir  # noqa: E402

from lagebild.nlp.repair import repair_text  # noqa: E402


def seeds() -> None:
    gold = yaml.safe_load((shared_dir() / "gold" / "seeds.yaml").read_text("utf-8"))["seeds"]
    for name, g in gold.items():
        if not g.get("repairs"):
            continue
        text = (shared_dir() / "seeds" / name).read_text("utf-8")
        fixed, repairs = repair_text(text)
        ok = 0
        for r in g["repairs"]:
            good = r["broken"] not in fixed and r["fixed"] in fixed
            ok += good
            print(f"  {name[:3]} {'OK  ' if good else 'FAIL'} {r['broken']!r} -> {r['fixed']!r}")
        print(f"seed {name}: {ok}/{len(g['repairs'])} gold repairs done ({len(repairs)} repairs in all)")


def gnad(show: int) -> None:
    texts = gnad_texts()
    words = sum(len(t.split()) for t in texts)
    found = []
    for t in texts:
        found.extend((t, r) for r in repair_text(t)[1])
    print(f"10kGNAD test: {len(texts)} articles, {words} words, {len(found)} repairs "
          f"= {len(found) / words * 10000:.2f} per 10,000 words (target < 1)")
    for t, r in found[:show]:
        print(f"  {r.before!r} -> {r.after!r}  | ...{t[max(0, r.start - 40):r.end + 30]!r}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--list", type=int, default=50, help="print up to N 10kGNAD repairs")
    args = ap.parse_args()
    seeds()
    gnad(args.list)


if __name__ == "__main__":
    main()
