#!/usr/bin/env python3
"""Entity stage speed on 10kGNAD (../shared/data/10kGNAD/test.csv), as a ratio to spaCy's blank
German tokenizer over the same texts in the same run. Sentences and tokens are computed first
(not timed); the timed part is `kb.linker.link` (KB rules, and NER when --ner).

Usage: python bench/kb_speed.py [--limit N] [--ner] [--top K]
"""
from __future__ import annotations

import argparse
import collections
import csv
import os
import sys
import time
from pathlib import Path

SHARED = Path(os.environ.get("LAGEBILD_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--ner", action="store_true", help="also run the NER tagger")
    ap.add_argument("--top", type=int, default=0, help="print the K most frequent mentions")
    args = ap.parse_args()
    path = SHARED / "data" / "10kGNAD" / "test.csv"
    if not path.exists():
        print(f"../shared not found: {path}")
        return 0
    import spacy

    from lagebild.config import load_settings
    from lagebild.kb import load_kb
    from lagebild.kb.linker import link
    from lagebild.nlp.sentences import annotate

    with path.open(encoding="utf-8") as fh:
        texts = [row[1] for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) > 1]
    if args.limit:
        texts = texts[: args.limit]
    settings = load_settings()
    kb = load_kb(settings)
    tagger = None
    if args.ner:
        from lagebild.kb.ner import load_tagger
        tagger = load_tagger(settings)
    prepared = [(t, *annotate(t)) for t in texts]
    tok = spacy.blank("de").tokenizer
    for t in texts[:20]:
        tok(t)  # warm-up
    t0 = time.perf_counter()
    n_tokens = sum(len(tok(t)) for t in texts)
    t_spacy = time.perf_counter() - t0
    for t, s, k in prepared[:20]:
        link(kb, t, s, None, k, tagger)  # warm-up (caches)
    counts: collections.Counter[tuple[str, str, str]] = collections.Counter()
    t0 = time.perf_counter()
    n_mentions = 0
    for t, s, k in prepared:
        hits, _ents = link(kb, t, s, None, k, tagger)
        n_mentions += len(hits)
        if args.top:
            counts.update((t[h.start:h.end], h.entity_id, h.kind) for h in hits)
    t_link = time.perf_counter() - t0
    print(f"10kGNAD test: {len(texts)} articles, {n_tokens} spaCy tokens, {n_mentions} mentions"
          f" (NER {'on' if tagger else 'off'})")
    print(f"spaCy blank tokenizer: {t_spacy:.2f} s ({n_tokens / t_spacy:,.0f} tokens/s)")
    print(f"entity stage (link):   {t_link:.2f} s ({n_tokens / t_link:,.0f} tokens/s)")
    print(f"ratio entity stage / blank tokenization: {t_link / t_spacy:.1f}x")
    for (surface, eid, kind), n in counts.most_common(args.top):
        print(f"{n:6d}  {surface!r} -> {eid} [{kind}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
