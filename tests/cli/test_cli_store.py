from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.cli import main
from lagebild.model import RECORD_KINDS
from support_stages import FAKE_STAGES


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        main(list(argv))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def env(tmp_path: Path) -> dict[str, str]:
    cfg = tmp_path / "cfg.toml"
    cfg.write_text("[pipeline]\nstages = %s\n" % json.dumps(FAKE_STAGES))
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Titel A\nNordkorea liefert Munition.", encoding="utf-8")
    (src / "b.txt").write_text("Titel B\nDas Wetter bleibt mild.", encoding="utf-8")
    (src / "leer.txt").write_text("")
    return {"cfg": str(cfg), "src": str(src), "db": str(tmp_path / "s.db"), "tmp": str(tmp_path)}


def test_ingest_then_reingest(capsys: pytest.CaptureFixture[str], env: dict[str, str]) -> None:
    code, out, _ = run(capsys, "ingest", env["src"], "--db", env["db"], "--config", env["cfg"])
    assert code == 0
    assert "Stored 2 articles" in out and "Rejected 1 input (empty: 1)" in out
    code, out, _ = run(capsys, "ingest", env["src"], "--db", env["db"], "--config", env["cfg"], "--json")
    assert code == 0 and json.loads(out)["unchanged"] == 2 and json.loads(out)["stored"] == 0


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_every_record_kind(capsys: pytest.CaptureFixture[str], env: dict[str, str], fmt: str) -> None:
    run(capsys, "ingest", env["src"], "--db", env["db"], "--config", env["cfg"])
    for kind in RECORD_KINDS:
        out_file = Path(env["tmp"]) / f"{kind}.{fmt}"
        code, _, err = run(capsys, "export", kind, "--db", env["db"], "--config", env["cfg"],
                           "--format", fmt, "-o", str(out_file))
        assert code == 0, err
        assert out_file.exists()
    if fmt == "jsonl":
        rows = [json.loads(x) for x in (Path(env["tmp"]) / "articles.jsonl").read_text().splitlines()]
        assert sorted(r["title"] for r in rows) == ["Titel A", "Titel B"]
    if fmt == "parquet":
        import pyarrow.parquet as pq
        assert pq.read_table(Path(env["tmp"]) / "articles.parquet").num_rows == 2
        assert pq.read_table(Path(env["tmp"]) / "events.parquet").num_rows == 0


def test_search_show_stats(capsys: pytest.CaptureFixture[str], env: dict[str, str]) -> None:
    run(capsys, "ingest", env["src"], "--db", env["db"], "--config", env["cfg"])
    code, out, _ = run(capsys, "search", "Munition", "--db", env["db"], "--json")
    hits = json.loads(out)
    assert code == 0 and [h["title"] for h in hits] == ["Titel A"]
    code, out, _ = run(capsys, "show", hits[0]["id"][:8], "--db", env["db"])
    assert code == 0 and "Nordkorea liefert Munition." in out
    code, out, _ = run(capsys, "stats", "--db", env["db"], "--json")
    assert code == 0 and json.loads(out)["counts"]["articles"] == 2


def test_errors_are_one_line_without_traceback(capsys: pytest.CaptureFixture[str], env: dict[str, str]) -> None:
    blocker = Path(env["tmp"]) / "blocker"
    blocker.write_text("x")
    code, _, err = run(capsys, "ingest", env["src"], "--db", str(blocker / "x" / "s.db"), "--config", env["cfg"])
    assert code == 1 and err.startswith("Error: cannot open store") and "Traceback" not in err
    code, _, err = run(capsys, "show", "nope", "--db", env["db"])
    assert code == 1 and "no single article" in err
    code, _, err = run(capsys, "ingest", env["src"], "--config", str(Path(env["tmp"]) / "missing.toml"))
    assert code == 1 and "settings file not found" in err
    code, _, err = run(capsys, "export", "widgets", "--db", env["db"])
    assert code == 2 and "Invalid value" in err
    code, _, err = run(capsys, "search", '"open', "--db", env["db"])
    assert code == 1 and "bad search query" in err
