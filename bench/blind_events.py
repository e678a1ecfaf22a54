"""Score the event coder on the blind test set in tests/blind (invented articles, coded by hand).

Ingests tests/blind/articles with the installed pipeline (``lagebild.library.ingest``) into a
temporary store, exports the events and scores them against tests/blind/expected.yaml with
the matching rules of ../shared/tools/seeds_check.py (reproduced in
``lagebild.evaluate.events_score``): same type (AID and COOPERATE count as one; CONSULT and
AGREE in either direction), actor, target (absent in gold = any), item category where given.
Recall counts required gold events found; precision counts distinct (type, actor, target,
item) tuples per article, leaving out those that only match an optional gold event.

These texts must not be tuned on (see tests/blind/README.md): run this for a final measurement.
Usage: python bench/blind_events.py [--show]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any, Mapping

from lagebild import library as lb
from lagebild.evaluate.events_score import (EventTally, category, country, matches, quantity_ok,
                                            tally_article)
from lagebild.evaluate.gold import attribution_matches, load_gold, match_articles, norm

ROOT = Path(__file__).resolve().parents[1]
BLIND = ROOT / "tests" / "blind"


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _describe(e: Mapping[str, Any]) -> str:
    q = e.get("quantity") or {}
    att = (e.get("attribution") or {})
    return (f"{e.get('type')} {country(e.get('actor'))}->{country(e.get('target'))} "
            f"{category(e.get('item')) or '-'} cert={e.get('certainty')} "
            f"q={(q.get('value'), q.get('qualifier'), q.get('unit')) if q else None} "
            f"att={att.get('text') or att.get('country')} "
            f"time={(e.get('time') or {}).get('start')}")


def matched_checks(acc: dict[str, list[int]], gold_events: list[Mapping[str, Any]],
                   mine: list[Mapping[str, Any]], entities: Mapping[str, Mapping[str, Any]]) -> None:
    """Quantity, certainty and attribution checks over the required gold events that were found."""
    for g in gold_events:
        hits = [e for e in mine if matches(g, e)]
        if g.get("optional") or not hits:
            continue
        for name, ok in (
                ("quantity", lambda: any(quantity_ok(g, e) for e in hits)),
                ("certainty", lambda: any(e.get("certainty") == g["certainty"] for e in hits)),
                ("attribution", lambda: any(attribution_matches(g["attribution"], e.get("attribution"),
                                                                entities) for e in hits))):
            if name in g:
                cell = acc.setdefault(name, [0, 0])
                cell[0] += 1
                cell[1] += int(ok())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print every coded event per article")
    args = ap.parse_args()
    gold = load_gold(BLIND / "expected.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "blind.db"
        summary = lb.ingest([str(BLIND / "articles")], db=db, aggregate_after=False)
        with lb.open_store(db) as store:
            articles = list(store.iter_records("articles"))
            events = list(store.iter_records("events"))
            entities = {e["id"]: e for e in store.iter_records("entities")}
    arts = match_articles(gold.articles.keys(), articles)
    print(f"articles stored: {summary.stored}, rejected: {summary.rejected}, "
          f"matched to gold: {len(arts)}/{len(gold.articles)}")

    total = EventTally()
    unrelated_false = unrelated_raw = 0
    meta_n = meta_ok = 0
    on_matched: dict[str, list[int]] = {}
    for key, exp in gold.articles.items():
        art = arts.get(key) or {}
        mine = [e for e in events if e.get("article_id") == art.get("id")] if art else []
        gold_events = exp.get("events", []) or []
        tally_article(total, key, gold_events, mine, entities)
        matched_checks(on_matched, gold_events, mine, entities)
        one = EventTally()
        tally_article(one, key, gold_events, mine, entities)
        for field, want in (exp.get("metadata") or {}).items():
            meta_n += 1
            got = art.get(field)
            meta_ok += (norm(got) == norm(want)) if field == "title" else str(got or "").startswith(str(want))
        if not gold_events:
            unrelated_false += one.n_sys
            unrelated_raw += len(mine)
        print(f"\n== {key}: gold {one.found}/{one.n_gold} found, system {one.right}/{one.n_sys} distinct right"
              + ("" if art else "  (ARTICLE NOT FOUND)"))
        for m in one.missed:
            print(f"   miss : {m[4:]}")
        for w in one.wrong:
            print(f"   extra: {w[4:]}")
        if args.show:
            for e in mine:
                print(f"   coded: {_describe(e)}")

    p = total.right / total.n_sys if total.n_sys else 0.0
    r = total.found / total.n_gold if total.n_gold else 0.0
    print("\n== blind test set")
    print(f"events: P {p:.2f} R {r:.2f} F1 {_f1(p, r):.2f} "
          f"({total.found}/{total.n_gold} gold found, {total.right}/{total.n_sys} distinct events right)")
    print(f"false events on unrelated articles (11-16): {unrelated_false} distinct "
          f"({unrelated_raw} raw events)")
    for name in ("quantity", "certainty", "attribution"):
        n, ok = on_matched.get(name, [0, 0])
        print(f"{name} right on matched gold events: {ok}/{n}")
    for name in ("quantity", "certainty", "attribution", "time", "place"):
        n, ok = total.checks.get(name, [0, 0])
        if n:
            print(f"{name} right over all gold events that give it (seeds_check style): {ok}/{n}")
    print(f"metadata (title, published) right: {meta_ok}/{meta_n}")


if __name__ == "__main__":
    sys.exit(main())
