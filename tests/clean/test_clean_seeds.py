"""The five seed articles of ../shared against gold (skipped without ../shared)."""
from __future__ import annotations

import pytest

from lagebild.clean import cleaner, extract
from lagebild.config import load_settings
from lagebild.model import Doc, RawDoc

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seeds(shared_dir):
    yaml = pytest.importorskip("yaml")
    gold = yaml.safe_load((shared_dir / "gold" / "seeds.yaml").read_text("utf-8"))["seeds"]
    settings = load_settings()
    ex, cl = extract.make_stage(settings), cleaner.make_stage(settings)
    out = {}
    for name, g in gold.items():
        path = shared_dir / "seeds" / name
        out[name] = (g, cl(ex(Doc(raw=RawDoc(source=str(path), data=path.read_bytes(), fmt="text")))).article)
    return out


def test_no_boilerplate_left_and_no_text_lost(seeds):
    for name, (g, a) in seeds.items():
        for s in g.get("boilerplate_removed", []):
            assert s not in a.body, (name, s)
        for s in g.get("kept", []):
            assert s in a.body, (name, s)


def test_metadata_equals_gold(seeds):
    for name, (g, a) in seeds.items():
        md = g.get("metadata", {})
        for key in ("title", "author", "published", "outlet"):
            if key in md:
                assert getattr(a, key) == md[key], (name, key)
        if "image_credit" in md:
            assert md["image_credit"] in a.image_credits, name
        if "tags" in md:
            assert list(a.tags) == md["tags"]
        if "place_of_event" in md:
            assert a.place_of_event is not None and a.place_of_event.text == md["place_of_event"]["text"]
        if "best_reference" in md:
            assert a.best_reference == md["best_reference"]
        if "further_sources" in md:
            assert list(a.further_sources) == md["further_sources"]
        if "related_teasers" in g:
            assert len(a.related_teasers) == g["related_teasers"], name
