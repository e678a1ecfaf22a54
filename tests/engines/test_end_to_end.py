"""The real pipeline end to end: bad inputs, re-ingest, demo, the README example."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import lagebild
from lagebild import library
from lagebild.cli import main

GOOD = ("Politik\n\nRegierung legt Haushaltsentwurf vor\n\nDie Regierung in Berlin hat am Montag "
        "einen Entwurf vorgelegt. Er soll im Herbst im Parlament beraten werden.\n")
LATIN = ("Wirtschaft\n\nÖlpreis steigt über 90 Dollar\n\nDer Preis für ein Barrel der Sorte Brent "
         "stieg am Dienstag um fünf Prozent. Händler verwiesen auf die Förderkürzungen.\n")
TRUNCATED = ("<html><head><title>Stürme über Norddeutschland</title></head><body><article>"
             "<h1>Stürme über Norddeutschland</h1><p>Der Wetterdienst warnt vor Orkanböen an der "
             "Küste. Die Fähren zu den Inseln fallen am Mittwoch aus.</p><p>Auch im Binnenland")


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("inputs")
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "image.bin").write_bytes(bytes(range(256)) * 8)
    (root / "latin.txt").write_bytes(LATIN.encode("cp1252"))
    (root / "truncated.html").write_text(TRUNCATED, encoding="utf-8")
    return root


def test_bad_inputs_are_rejected_with_reasons_and_good_ones_stored(tmp_path: Path, bad_folder: Path) -> None:
    db = tmp_path / "s.db"
    s = library.ingest([str(bad_folder)], db=db, workers=1)
    assert (s.stored, s.rejected) == (3, 2)
    assert s.reasons == {"empty": 1, "binary": 1}
    with library.open_store(db) as store:
        bodies = {Path(a["path"]).name: a for a in store.iter_records("articles")}
        assert "Förderkürzungen" in bodies["latin.txt"]["body"]
        assert bodies["latin.txt"]["title"] == "Ölpreis steigt über 90 Dollar"
        assert "Orkanböen" in bodies["truncated.html"]["body"]
        before = store.counts()
    again = library.ingest([str(bad_folder)], db=db, workers=1)
    assert (again.stored, again.rejected, again.unchanged, again.rejected_before) == (0, 0, 3, 2)
    with library.open_store(db) as store:
        assert store.counts() == before


def test_readme_example_codes_the_event() -> None:
    doc = lagebild.analyse_body(
        "Nach Angaben des Pentagons hat Nordkorea mindestens 11.000 Soldaten nach Russland geschickt.",
        published="2025-06-04")
    (ev,) = doc.events
    assert (ev.type, ev.actor.country, ev.target.country, ev.item.category) == ("AID", "KP", "RU", "military_personnel")
    assert (ev.quantity.value, ev.quantity.qualifier, ev.certainty) == (11000, "at_least", "reported")
    assert ev.attribution is not None and ev.attribution.country == "US"


def test_demo_runs_on_the_sample_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "demo.db"
    try:
        main(["demo", "--db", str(db)])
    except SystemExit as exc:
        assert not exc.code
    out = capsys.readouterr().out
    assert "Found:" in out and "Some events:" in out
    with library.open_store(db) as store:
        counts = store.counts()
        assert counts["articles"] >= 25 and counts["rejections"] == 2 and counts["events"] > 10
        assert counts["non_german"] == 1
        english = [a for a in store.iter_records("articles") if a["language"] != "de"]
        assert english and not store.records_for("events", english[0]["id"])
    main(["export", "events", "--db", str(db), "--format", "jsonl", "-o", str(tmp_path / "ev.jsonl")])
    rows = [json.loads(x) for x in (tmp_path / "ev.jsonl").read_text().splitlines()]
    assert all(r["pipeline_version"] for r in rows)
