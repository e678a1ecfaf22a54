"""Score the event coder on the hand-coded validation set (dev and held-out splits apart).

Mentions come from the small test gazetteer (tests/extract/data/test_kb.jsonl: invented
states XA-XF plus some real ones), quantities and dates from lagebild.nlp, so that the
coder is measured on its own. Usage:

    python bench/events_validation.py [--show [--split dev2]]   # --show lists errors of one split (dev)

Splits: dev/heldout (the first set), fresh, dev2/heldout2 (non-delivery types, full articles);
every split found in the file is reported.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from lagebild.config import load_settings
from lagebild.extract.resources import load_lexicon
from lagebild.extract.validation import code_text, load_gazetteer, load_jsonl, score_all

DATA = Path(__file__).resolve().parents[1] / "tests" / "extract" / "data"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="list misses and false events (dev split)")
    ap.add_argument("--split", default="dev", help="the split whose errors --show lists (default dev)")
    ap.add_argument("--kb", action="store_true",
                    help="use the whole pipeline (knowledge-base linker) instead of the test gazetteer; "
                         "only sentences without invented states (XA-XF) are scored")
    args = ap.parse_args()
    settings = load_settings()
    lex = load_lexicon(tuple(settings["kb"]["packs"]))
    gaz = load_gazetteer(DATA / "test_kb.jsonl")
    cases = load_jsonl(DATA / "validation.jsonl")
    t0 = time.perf_counter()
    results: dict[str, list] = {}
    unrelated = {"sentences": 0, "false": 0}
    if args.kb:
        from lagebild.library import analyse_body
        from lagebild.model import to_dict

        cases = [c for c in cases if "XA XB XC XD XE XF".split() and not any(
            x in c["text"] for x in ("Arvan", "Borland", "Borgrad", "Ceru", "Drav", "Estrav", "Fenmark",
                                     "Fenholm", "Arvstadt", "Arven", "Borsk", "Halm", "Ostrup", "Morav"))]
    for c in cases:
        if args.kb:
            doc = analyse_body(c["text"], published=c.get("published"), settings=settings)
            mine = [to_dict(e) for e in doc.events]
        else:
            mine = code_text(c["text"], gaz, lex, c.get("published"))
        results.setdefault(c["split"], []).append((f"{c['id']}: {c['text'][:90]}", c["events"], mine))
        if not c["events"]:
            unrelated["sentences"] += 1
            unrelated["false"] += len(mine)
    dt = time.perf_counter() - t0
    for split, rows in results.items():
        sc = score_all(rows)
        print(f"{split:8s} ({len(rows)} sentences): {sc.line()}")
        if args.show and split == args.split:
            for x in sc.missed:
                print("  MISSED", x)
            for x in sc.false_events:
                print("  FALSE ", x)
            for x in sc.wrong:
                print("  WRONG ", x[:300])
    print(f"unrelated-news sentences (no expected event): {unrelated['sentences']}, "
          f"events coded on them: {unrelated['false']}")
    print(f"{len(cases)} sentences coded in {dt:.2f}s")


if __name__ == "__main__":
    sys.exit(main())
