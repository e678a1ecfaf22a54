#!/usr/bin/env python3
"""Score the five seeds with `lagebild eval` and check its event figures against the
independent reference scorer ../shared/tools/seeds_check.py.

Ingests ../shared/seeds into a temporary store (full pipeline + aggregation), prints the
eval report (JSON figures condensed to one line per metric), the stories and claims found,
and then runs seeds_check.py on the same installed `lagebild` for comparison.

Usage: python bench/eval_seeds.py
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lagebild import library
from lagebild.evaluate import load_gold, score
from lagebild.evaluate.annotations import date_annotations

SHARED = Path(os.environ.get("LAGEBILD_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
KINDS = ("articles", "events", "mentions", "entities", "quotes", "claims", "stories")


def main() -> None:
    if not (SHARED / "seeds").is_dir():
        sys.exit(f"../shared not found: {SHARED}")
    gold = load_gold(SHARED / "gold" / "seeds.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "seeds.db"
        t0 = time.perf_counter()
        library.ingest([str(SHARED / "seeds")], db=db)
        print(f"ingested the seeds in {time.perf_counter() - t0:.1f} s")
        with library.open_store(db) as store:
            recs = {k: list(store.iter_records(k)) for k in KINDS}
            rejections = list(store.iter_records("rejections"))
    ann, note = date_annotations(recs["articles"], list(gold.articles))
    report = score(gold, *(recs[k] for k in KINDS), annotations=ann, rejections=rejections)
    if note:
        print(note)
    for t in report.tables:
        for r in t.rows:
            val = "n/a" if r.score is None else f"{r.score:.3f}"
            extra = "" if r.n is None else f" ({r.correct}/{r.n})"
            print(f"  {t.name}.{r.metric:14s} {val}{extra}")
    name = {a["id"]: Path(str(a.get("path") or a.get("url") or "?")).name[:3] for a in recs["articles"]}
    print(f"stories: {len(recs['stories'])}")
    for s in recs["stories"]:
        print(f"  {[name.get(a, a) for a in s['articles']]} {s['title'][:70]!r}")
    print(f"claims: {len(recs['claims'])}")
    for c in sorted(recs["claims"], key=lambda c: -len(c["articles"]))[:12]:
        print(f"  {c['type']} {c['actor']}->{c['target']} {c['item']}: articles "
              f"{[name.get(a, a) for a in c['articles']]} corroboration {c['corroboration']}"
              + (f" CONFLICT {c['conflict_reason']}" if c["conflict"] else ""))
    exe = shutil.which("lagebild")
    tool = SHARED / "tools" / "seeds_check.py"
    if exe and tool.is_file():
        print("reference scorer (seeds_check.py):")
        out = subprocess.run([sys.executable, str(tool), "--exe", exe], capture_output=True, text=True)
        print("  " + (out.stdout or out.stderr).strip().replace("\n", "\n  "))


if __name__ == "__main__":
    main()
