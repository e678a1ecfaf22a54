"""Score events and quotes of the per-document pipeline on the five seeds (../shared).

Runs the stages directly (no store) and applies the matching rules of
../shared/tools/seeds_check.py (lagebild.extract.validation implements the same rules).
Usage: python bench/events_seeds.py [--show]
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import yaml

from lagebild.config import load_settings
from lagebild.extract.validation import Score, score_case
from lagebild.ingest.sources import iter_inputs, now_iso
from lagebild.model import Doc, RawDoc, to_dict
from lagebild.pipeline import Pipeline

SHARED = Path(os.environ.get("LAGEBILD_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="print every coded event and quote")
    args = ap.parse_args()
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        sys.exit(f"../shared not found: {seeds}")
    gold = yaml.safe_load((SHARED / "gold" / "seeds.yaml").read_text())["seeds"]
    settings = load_settings()
    pipe = Pipeline.from_settings(settings)
    sc = Score()
    q_found = q_n = q_spk = q_ch = q_ch_n = 0
    for raw in iter_inputs([str(seeds)], settings):
        if not isinstance(raw, RawDoc):
            continue
        name = Path(raw.source).name
        doc = pipe.run(Doc(raw=raw), now_iso)
        evs = [to_dict(e) for e in doc.events]
        g = gold.get(name, {})
        score_case(sc, name[:3], g.get("events", []), evs)
        for gq in g.get("quotes", []):
            q_n += 1
            key = gq.get("starts_with") or gq.get("contains")
            hits = [q for q in doc.quotes if (q.text.startswith(key) if "starts_with" in gq else key in q.text)]
            q_found += bool(hits)
            q_spk += any(q.speaker == gq["speaker"] for q in hits)
            if "channel" in gq:
                q_ch_n += 1
                q_ch += any((q.channel or "").lower() == gq["channel"].lower() for q in hits)
        if args.show:
            print(f"== {name}: {len(evs)} events, {len(doc.quotes)} quotes")
            for e in evs:
                print("  ", e["type"], (e["actor"] or {}).get("country"), (e["target"] or {}).get("country"),
                      (e["item"] or {}).get("category"), e["certainty"],
                      e["quantity"] and (e["quantity"]["value"], e["quantity"]["qualifier"], e["quantity"]["unit"]),
                      e["attribution"] and e["attribution"]["text"], e["time"] and e["time"]["start"],
                      e["place"] and e["place"]["text"], "|", e["trigger"])
            for q in doc.quotes:
                print("   Q", q.speaker, q.channel, repr(q.text[:60]))
    print(f"seeds events: {sc.line()}")
    if args.show:
        for x in sc.missed + [f"FALSE {f}" for f in sc.false_events] + sc.wrong:
            print("  ", x)
    print(f"seeds quotes: {q_found}/{q_n} found, speaker right {q_spk}/{q_n}, channel right {q_ch}/{q_ch_n}")


if __name__ == "__main__":
    main()
