#!/usr/bin/env python3
"""Entity linking on the five seeds: every entity form of ../shared/gold/seeds.yaml must link
to gold's id; prints every mention so that false ones can be counted by hand.

The raw seed text goes straight through `nlp.sentences` and the entities stage (no cleaner),
so page furniture is linked too. Usage: python bench/kb_seeds.py [--all] [--no-ner]
(LAGEBILD_SHARED overrides the location of ../shared).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import yaml

from lagebild.config import load_settings
from lagebild.kb import load_kb
from lagebild.kb.linker import link
from lagebild.model import Entity

SHARED = Path(os.environ.get("LAGEBILD_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
_QID_OR_ISO = ("Q", )


def id_ok(gold_id: str, ent: Entity | None, eid: str) -> bool:
    if ent is None:
        return False
    if eid == gold_id:
        return True
    is_code = gold_id.isupper() and 2 <= len(gold_id) <= 3
    is_qid = gold_id[:1] == "Q" and gold_id[1:].isdigit()
    if is_code or is_qid:
        return False
    names = {ent.name.lower(), *(a.lower() for a in ent.aliases)}
    return gold_id.lower() in names


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--all", action="store_true", help="print every mention")
    ap.add_argument("--no-ner", action="store_true")
    args = ap.parse_args()
    if not (SHARED / "gold" / "seeds.yaml").exists():
        print(f"../shared not found: {SHARED}")
        return 0
    from lagebild.nlp.sentences import annotate

    settings = load_settings()
    kb = load_kb(settings)
    tagger = None
    if not args.no_ner:
        try:
            from lagebild.kb.ner import load_tagger
            tagger = load_tagger(settings)
        except ImportError:
            tagger = None
    print(f"NER: {'on' if tagger else 'off'}")
    gold = yaml.safe_load((SHARED / "gold" / "seeds.yaml").read_text())
    n_forms = n_ok = 0
    for name, g in gold["seeds"].items():
        body = (SHARED / "seeds" / name).read_text("utf-8")
        published = (g.get("metadata") or {}).get("published")
        sents, toks = annotate(body)
        hits, ents = link(kb, body, sents, published, toks, tagger)
        print(f"\n== {name} ({len(hits)} mentions)")
        for e in g.get("entities", []):
            for form in e["forms"]:
                n_forms += 1
                found = [h for h in hits if body[h.start:h.end] == form]
                good = [h for h in found if id_ok(str(e["id"]), ents.get(h.entity_id), h.entity_id)]
                n_ok += bool(good)
                status = "ok  " if good else "MISS"
                got = sorted({h.entity_id for h in found}) or "-"
                if not good or args.all:
                    print(f"  {status} {form!r:45} gold={e['id']} got={got}")
        if args.all:
            for h in hits:
                print(f"    [{h.source}/{h.kind}] {body[h.start:h.end]!r} -> {h.entity_id} ({h.type})")
    print(f"\ngold entity forms linked to gold's id: {n_ok}/{n_forms}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
