#!/usr/bin/env python3
"""Extract + clean + language over the bundled sample corpus (invented pages, written
before the cleaner was tuned on them) and compare with its expected.yaml: boilerplate left,
kept text lost, metadata equal, related-teaser counts, language, rejections.

Usage: python bench/clean_sample.py [--show NAME]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml

from lagebild.clean import cleaner, extract, language
from lagebild.config import load_settings, resource_path
from lagebild.ingest import iter_inputs
from lagebild.model import Doc, RawDoc
from lagebild.pipeline import StageFailure

sys.path.insert(0, str(Path(__file__).resolve().parent))
from clean_common import CleanTally, compare_article  # noqa: E402



def key_of(source: str, root: Path) -> str:
    path, _, line = source.rpartition(":") if source.rsplit(":", 1)[-1].isdigit() else (source, "", "")
    rel = Path(path).name
    return f"{rel}:{line}" if line else rel


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", default="", help="print the cleaned article whose key contains this")
    args = ap.parse_args()
    root = Path(str(resource_path("sample", "articles")))
    gold = yaml.safe_load((root.parent / "expected.yaml").read_text("utf-8"))["seeds"]
    settings = load_settings()
    stages = [extract.make_stage(settings), cleaner.make_stage(settings), language.make_stage(settings)]
    got: dict[str, object] = {}
    t0 = time.perf_counter()
    for item in iter_inputs([str(root)], settings):
        if not isinstance(item, RawDoc):
            got[key_of(item.source, root)] = f"rejected:{item.reason}"
            continue
        doc = Doc(raw=item)
        try:
            for st in stages:
                doc = st(doc)
            got[key_of(item.source, root)] = doc.article
        except StageFailure as exc:
            got[key_of(item.source, root)] = f"rejected:{exc.reason}"
    dt = time.perf_counter() - t0
    tally, teaser_bad, other = CleanTally(), [], []
    for name, g in gold.items():
        a = got.get(name)
        if g.get("status") == "rejected":
            if a != f"rejected:{g.get('reason')}":
                other.append(f"{name}: expected rejection {g.get('reason')}, got {a!r}"[:200])
            continue
        if a is None or isinstance(a, str):
            other.append(f"{name}: not stored ({a})")
            continue
        compare_article(tally, name, a, g)
        md = g.get("metadata", {})
        for k in ("tags", "best_reference", "further_sources"):
            if k in md:
                val = list(getattr(a, k)) if k != "best_reference" else a.best_reference
                tally.meta(val == md[k], f"{name} {k}: got {val!r}, want {md[k]!r}")
        if "place_of_event" in md:
            txt = a.place_of_event.text if a.place_of_event else None
            cc = a.place_of_event.country if a.place_of_event else None
            tally.meta(txt == md["place_of_event"].get("text") and cc == md["place_of_event"].get("country", cc),
                       f"{name} place_of_event: got {txt!r} ({cc}), want {md['place_of_event']!r}")
        if "related_teasers" in g and len(a.related_teasers) != g["related_teasers"]:
            teaser_bad.append(f"{name}: {len(a.related_teasers)} teasers, want {g['related_teasers']}: {list(a.related_teasers)}")
        if a.language != g.get("language", "de"):
            other.append(f"{name}: language {a.language}, want {g.get('language', 'de')}")
    print(f"sample inputs: {len(got)} in {dt:.2f} s")
    print("\n".join(tally.lines()))
    print(f"teaser counts wrong: {len(teaser_bad)}" + "".join(f"\n  {x}" for x in teaser_bad))
    print(f"other problems: {len(other)}" + "".join(f"\n  {x}" for x in other))
    if args.show:
        for name, a in got.items():
            if args.show in name and not isinstance(a, str):
                print(f"\n===== {name}\nwarnings: {list(a.warnings)}\nteasers: {list(a.related_teasers)}\n"
                      f"title: {a.title!r} author: {a.author!r} published: {a.published!r} outlet: {a.outlet!r}\n{a.body}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
