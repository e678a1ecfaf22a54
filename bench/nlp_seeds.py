"""Seed checks of the language layer against ../shared/gold/seeds.yaml (read at run time).

* dates: for every gold ``dates`` entry, the mention with that text (case-insensitive) must
  be found in the seed text and resolve to gold's value, with the seed's gold ``published``
  as the publication date. Values: "2024-10" (start in that month), "2024-autumn" (start
  in Sep-Nov), "2024-late" (Ende ...: start in Sep-Dec), "2023" (start in that year).
* repairs: see bench/nlp_repair.py.

Usage: python bench/nlp_seeds.py
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from nlp_common import shared_dir  # noqa: E402

from lagebild.nlp.dates import find_dates  # noqa: E402
from lagebild.nlp.repair import repair_text  # noqa: E402

SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 12),
           "early": (1, 4), "mid": (5, 8), "late": (9, 12)}


def value_ok(start: str | None, value: str) -> bool:
    if start is None:
        return False
    d = dt.date.fromisoformat(start)
    parts = str(value).split("-")
    if d.year != int(parts[0]):
        return False
    if len(parts) == 1:
        return True
    if parts[1].isdigit():
        return d.month == int(parts[1])
    lo, hi = SEASONS[parts[1]]
    return lo <= d.month <= hi


def main() -> None:
    gold = yaml.safe_load((shared_dir() / "gold" / "seeds.yaml").read_text("utf-8"))["seeds"]
    n = ok = 0
    for name, g in gold.items():
        if not g.get("dates"):
            continue
        published = (g.get("metadata") or {}).get("published")
        text, _ = repair_text((shared_dir() / "seeds" / name).read_text("utf-8"))
        found = find_dates(text, published)
        for want in g["dates"]:
            n += 1
            hits = [d for d in found if d.text.lower() == want["text"].lower()]
            good = any(value_ok(d.time.start, want["value"]) for d in hits)
            ok += good
            got = ", ".join(f"{d.time.start}..{d.time.end} {d.time.granularity}" for d in hits) or "not found"
            print(f"  {name[:3]} {'OK  ' if good else 'FAIL'} {want['text']!r} gold {want['value']}: {got}")
    print(f"seed dates resolved right: {ok}/{n}")


if __name__ == "__main__":
    main()
