from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.config import load_settings
from lagebild.engines.embedded import Engine
from lagebild.library import replace_settings
from lagebild.pipeline import PipelineError
from lagebild.store import open_store
from support_stages import FAKE_STAGES

BASE = replace_settings(load_settings(env={}), pipeline={"stages": FAKE_STAGES})


def _corpus(root: Path) -> Path:
    root.mkdir()
    (root / "a.txt").write_text("Erster Titel\nKörper eins.", encoding="utf-8")
    (root / "b.txt").write_text("Zweiter Titel\nKörper zwei.", encoding="utf-8")
    (root / "empty.txt").write_text("   \n")
    (root / "crash.txt").write_text("CRASH here")
    recs = [{"text": "Agentur\nGleicher Text.", "url": f"https://outlet{i}.de/x"} for i in (1, 2)]
    (root / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in recs) + "\n{broken\n")
    return root


@pytest.mark.parametrize("workers", [1, 2])
def test_ingest_stores_rejects_and_marks_duplicates(tmp_path: Path, workers: int) -> None:
    src = _corpus(tmp_path / "in")
    with open_store(tmp_path / "s.db") as store:
        s = Engine(store, BASE, workers=workers).ingest([str(src)])
        assert (s.stored, s.rejected, s.duplicates) == (4, 3, 1)
        assert s.reasons == {"empty": 1, "stage_error": 1, "malformed_json": 1}
        arts = {a["url"]: a for a in store.iter_records("articles") if a["url"]}
        first, second = arts["https://outlet1.de/x"], arts["https://outlet2.de/x"]
        assert first["duplicate_of"] is None and second["duplicate_of"] == first["id"]


def test_reingest_adds_nothing(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "in")
    with open_store(tmp_path / "s.db") as store:
        Engine(store, BASE, workers=1).ingest([str(src)])
        before = store.counts()
        again = Engine(store, BASE, workers=1).ingest([str(src)])
        assert store.counts() == before
        assert (again.stored, again.rejected, again.unchanged, again.rejected_before) == (0, 0, 4, 3)


def test_reprocess_updates_pipeline_version(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "in")
    with open_store(tmp_path / "s.db") as store:
        Engine(store, BASE, workers=1).ingest([str(src)])
        v2 = replace_settings(BASE, store={"test_version": "v2"})
        s = Engine(store, v2, workers=1).reprocess()
        assert s.updated == 4
        assert {a["pipeline_version"] for a in store.iter_records("articles")} == {"v2"}
        assert store.counts()["articles"] == 4


def test_unknown_stage_fails_before_reading(tmp_path: Path) -> None:
    bad = replace_settings(BASE, pipeline={"stages": ["nope"]})
    with open_store(tmp_path / "s.db") as store, pytest.raises(PipelineError, match="unknown stage"):
        Engine(store, bad)


def test_misordered_stages_fail_at_build(tmp_path: Path) -> None:
    bad = replace_settings(BASE, pipeline={"stages": list(reversed(FAKE_STAGES))})
    src = _corpus(tmp_path / "in")
    with open_store(tmp_path / "s.db") as store:
        with pytest.raises(PipelineError, match="requires"):
            Engine(store, bad).ingest([str(src)])
        assert store.counts()["articles"] == 0


def test_worker_pool_path(tmp_path: Path) -> None:
    src = tmp_path / "many"
    src.mkdir()
    for i in range(20):
        (src / f"{i:02}.txt").write_text(f"Titel {i}\nText {i}.")
    (src / "zz.txt").write_text("CRASH")
    with open_store(tmp_path / "s.db") as store:
        s = Engine(store, BASE, workers=2).ingest([str(src)])
        assert (s.stored, s.rejected) == (20, 1)
        assert sorted(a["title"] for a in store.iter_records("articles")) == sorted(f"Titel {i}" for i in range(20))
