"""Invented pages in the layouts of outlets the cleaner was not written against
(``data/clean_outlets.yaml``): what must go, what must stay, and the metadata."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from lagebild.clean.cleaner import Cleaned, clean_text

DATA = Path(__file__).resolve().parent / "data" / "clean_outlets.yaml"
PAGES: dict[str, dict[str, Any]] = yaml.safe_load(DATA.read_text("utf-8"))["pages"]
META = ("title", "author", "published", "outlet")


def problems(page: dict[str, Any], c: Cleaned) -> list[str]:
    """Every way the cleaned page differs from what the analyst expects (empty: all good)."""
    out = [f"left in body: {s!r}" for s in page.get("gone", []) if s in c.body + "\n"]
    out += [f"lost from body: {s!r}" for s in page.get("kept", []) if s not in c.body]
    for key in META:
        if key in page and getattr(c, key) != page[key]:
            out.append(f"{key}: want {page[key]!r}, got {getattr(c, key)!r}")
    out += [f"credit missing: {s!r} (got {c.image_credits})" for s in page.get("credits", [])
            if s not in c.image_credits]
    out += [f"teaser missing: {s!r} (got {c.related_teasers})" for s in page.get("teasers", [])
            if s not in c.related_teasers]
    if "teaser_count" in page and len(c.related_teasers) != page["teaser_count"]:
        out.append(f"teasers: want {page['teaser_count']}, got {len(c.related_teasers)}")
    out += [f"warning missing: {s!r}" for s in page.get("warnings", [])
            if not any(s in w for w in c.warnings)]
    return out


def test_the_fixture_file_is_well_formed() -> None:
    assert len(PAGES) >= 25
    allowed = {"text", "gone", "kept", "credits", "teasers", "teaser_count", "warnings", *META}
    for name, page in PAGES.items():
        assert set(page) <= allowed, name
        assert page["text"].strip() and page.get("kept"), name


@pytest.mark.parametrize("name", sorted(PAGES))
def test_unseen_outlet_page(name: str) -> None:
    page = PAGES[name]
    c = clean_text(page["text"])
    assert problems(page, c) == [], f"{name}\n--- body ---\n{c.body}\n--- warnings ---\n{c.warnings}"
