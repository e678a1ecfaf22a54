"""Events and quotes of the whole per-document pipeline on the five seeds (needs ../shared)."""
from __future__ import annotations

from pathlib import Path

import yaml

from lagebild.config import load_settings
from lagebild.extract.validation import Score, score_case
from lagebild.ingest.sources import iter_inputs, now_iso
from lagebild.model import Doc, RawDoc, to_dict
from lagebild.pipeline import Pipeline


def test_seed_events_and_quotes(shared_dir: Path):
    gold = yaml.safe_load((shared_dir / "gold" / "seeds.yaml").read_text())["seeds"]
    settings = load_settings()
    pipe = Pipeline.from_settings(settings)
    sc = Score()
    quotes_ok = quotes_n = 0
    for raw in iter_inputs([str(shared_dir / "seeds")], settings):
        if not isinstance(raw, RawDoc):
            continue
        doc = pipe.run(Doc(raw=raw), now_iso)
        g = gold[Path(raw.source).name]
        score_case(sc, raw.source, g.get("events", []), [to_dict(e) for e in doc.events])
        for gq in g.get("quotes", []):
            quotes_n += 1
            want = gq.get("starts_with") or gq.get("contains")
            quotes_ok += any(want in q.text and q.speaker == gq["speaker"]
                             and (q.channel or "").lower() == gq.get("channel", q.channel or "").lower()
                             for q in doc.quotes)
    assert sc.f1 >= 0.9, sc.line()
    assert sc.qty_ok == sc.qty_n and sc.cert_ok == sc.cert_n, sc.line()
    assert quotes_ok == quotes_n
