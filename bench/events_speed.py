"""Event coder on 10kGNAD (../shared/data/10kGNAD/test.csv): speed and events per topic.

Runs the language and knowledge stages once (not timed), then times the events stage alone
and, in the same run, spaCy's blank German tokenizer over the same texts; prints the ratio.
Events per topic label show how often the coder fires on sport, culture or economy news
(a proxy for false events). Usage: python bench/events_speed.py [--limit N] [--sample FILE]
"""
from __future__ import annotations

import argparse
import collections
import csv
import json
import os
import sys
import time
from pathlib import Path

from lagebild.config import load_settings
from lagebild.library import analyse_body
from lagebild.model import to_dict
from lagebild.pipeline import load_stage

SHARED = Path(os.environ.get("LAGEBILD_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--sample", default=None, help="write every coded event with its sentence here (JSONL)")
    args = ap.parse_args()
    path = SHARED / "data" / "10kGNAD" / "test.csv"
    if not path.exists():
        sys.exit(f"../shared not found: {path}")
    rows = list(csv.reader(path.open(encoding="utf-8"), delimiter=";", quotechar="'"))
    if args.limit:
        rows = rows[:args.limit]
    settings = load_settings()
    before = [n for n in settings["pipeline"]["stages"] if n not in ("events", "quotes")]
    docs = [(label, analyse_body(text, settings=settings, stages=before)) for label, text in rows]
    stage = load_stage("events", settings)
    t0 = time.perf_counter()
    coded = [(label, stage(doc)) for label, doc in docs]
    t_events = time.perf_counter() - t0
    import spacy
    tok = spacy.blank("de").tokenizer
    t0 = time.perf_counter()
    n_tokens = sum(len(tok(doc.article.body)) for _, doc in docs)
    t_tok = time.perf_counter() - t0
    per_label: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    out = open(args.sample, "w", encoding="utf-8") if args.sample else None
    for label, doc in coded:
        per_label[label][0] += 1
        per_label[label][1] += len(doc.events)
        if out:
            for e in doc.events:
                sent = doc.sentences[e.sentence]
                out.write(json.dumps({"label": label, "sentence": doc.article.body[sent.start:sent.end],
                                      "event": to_dict(e)}, ensure_ascii=False) + "\n")
    print(f"{len(docs)} articles, {n_tokens} tokens")
    print(f"events stage: {t_events:.2f}s; spaCy blank tokenizer: {t_tok:.2f}s; "
          f"ratio events/tokenization = {t_events / t_tok:.1f}x")
    for label, (n, e) in sorted(per_label.items()):
        print(f"  {label:15s} {n:4d} articles, {e:4d} events ({e / n:.2f} per article)")


if __name__ == "__main__":
    main()
