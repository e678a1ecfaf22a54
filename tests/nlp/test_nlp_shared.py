"""Checks against ../shared (seed gold dates and repairs); skipped when ../shared is absent."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from lagebild.nlp.dates import find_dates
from lagebild.nlp.repair import repair_text

SHARED = Path(os.environ.get("LAGEBILD_SHARED", Path(__file__).resolve().parents[2] / ".." / "shared"))
pytestmark = pytest.mark.shared


def gold() -> dict:
    if not (SHARED / "gold" / "seeds.yaml").is_file():
        pytest.skip(f"../shared not found: {SHARED}")
    import yaml

    return yaml.safe_load((SHARED / "gold" / "seeds.yaml").read_text("utf-8"))["seeds"]


PARTS = {"autumn": (9, 11), "late": (9, 12), "early": (1, 4), "mid": (5, 8),
         "spring": (3, 5), "summer": (6, 8), "winter": (12, 12)}


def test_seed_dates_resolve_to_gold() -> None:
    n = 0
    for name, g in gold().items():
        text, _ = repair_text((SHARED / "seeds" / name).read_text("utf-8"))
        found = find_dates(text, (g.get("metadata") or {}).get("published"))
        for want in g.get("dates") or []:
            n += 1
            hits = [d for d in found if d.text.lower() == want["text"].lower() and d.time.start]
            assert hits, f"{name}: {want['text']!r} not found"
            start = dt.date.fromisoformat(hits[0].time.start)
            year, _, part = str(want["value"]).partition("-")
            assert start.year == int(year)
            if part.isdigit():
                assert start.month == int(part)
            elif part:
                lo, hi = PARTS[part]
                assert lo <= start.month <= hi
    assert n > 0


def test_seed_repairs_are_done() -> None:
    n = 0
    for name, g in gold().items():
        if not g.get("repairs"):
            continue
        fixed, _ = repair_text((SHARED / "seeds" / name).read_text("utf-8"))
        for r in g["repairs"]:
            n += 1
            assert r["broken"] not in fixed and r["fixed"] in fixed, r
    assert n > 0
