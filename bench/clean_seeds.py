#!/usr/bin/env python3
"""Extract + clean the five seed articles and compare with gold (../shared/gold/seeds.yaml).

Prints: boilerplate strings left in a body (target 0), kept snippets lost (target 0),
metadata fields equal to gold (title, author, published, image_credit, outlet; null where
gold says null), related teasers of seed 002 (gold: 6), seed 004's tags, place of event,
best reference and further sources. Gold "repairs" (split words) are the repair stage's
work and are not scored here, except credit text glued to a word.

Usage: python bench/clean_seeds.py [--show]   (LAGEBILD_SHARED overrides ../shared)
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import yaml

from lagebild.clean import cleaner, extract
from lagebild.config import load_settings
from lagebild.model import Doc, RawDoc

sys.path.insert(0, str(Path(__file__).resolve().parent))
from clean_common import CleanTally, compare_article  # noqa: E402

SHARED = Path(os.environ.get("LAGEBILD_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="print every cleaned article")
    args = ap.parse_args()
    gold_file = SHARED / "gold" / "seeds.yaml"
    if not gold_file.exists():
        print(f"../shared not found at {SHARED}: nothing to measure")
        return 0
    gold = yaml.safe_load(gold_file.read_text("utf-8"))["seeds"]
    settings = load_settings()
    ex, cl = extract.make_stage(settings), cleaner.make_stage(settings)
    tally = CleanTally()
    t0 = time.perf_counter()
    arts = {}
    for name, g in gold.items():
        path = SHARED / "seeds" / name
        doc = cl(ex(Doc(raw=RawDoc(source=str(path), data=path.read_bytes(), fmt="text"))))
        a = doc.article
        assert a is not None
        arts[name] = a
        compare_article(tally, name[:3], a, g)
        for rep in g.get("repairs", []):
            if ".com" in rep["broken"] and rep["broken"] in a.body:
                tally.left.append(f"{name[:3]}: glued credit {rep['broken']!r}")
    dt = time.perf_counter() - t0
    print(f"seeds cleaned: {len(arts)} in {dt:.2f} s")
    print("\n".join(tally.lines()))
    for name, g in gold.items():
        want = g.get("related_teasers")
        if want is not None:
            got = len(arts[name].related_teasers)
            print(f"related teasers {name[:3]}: {got} (gold {want}) {'OK' if got == want else 'MISMATCH'}")
    for name, g in gold.items():
        md = g.get("metadata", {})
        a = arts[name]
        checks = []
        if "tags" in md:
            checks.append(("tags", list(a.tags), md["tags"], list(a.tags) == md["tags"]))
        if "place_of_event" in md:
            got = a.place_of_event.text if a.place_of_event else None
            checks.append(("place_of_event.text", got, md["place_of_event"]["text"], got == md["place_of_event"]["text"]))
            if "country" in md["place_of_event"]:
                cc = a.place_of_event.country if a.place_of_event else None
                checks.append(("place_of_event.country", cc, md["place_of_event"]["country"],
                               cc == md["place_of_event"]["country"]))
        if "best_reference" in md:
            checks.append(("best_reference", a.best_reference, md["best_reference"], a.best_reference == md["best_reference"]))
        if "further_sources" in md:
            checks.append(("further_sources", list(a.further_sources), md["further_sources"],
                           list(a.further_sources) == md["further_sources"]))
        for key, got, want, ok in checks:
            print(f"{name[:3]} {key}: {got!r} (gold {want!r}) {'OK' if ok else 'MISMATCH'}")
    if args.show:
        for name, a in arts.items():
            print(f"\n===== {name}\nwarnings: {list(a.warnings)}\nteasers: {list(a.related_teasers)}\n{a.body}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
