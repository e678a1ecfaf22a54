"""``lagebild annotate``: the contract's output shape, offsets into the input."""
from __future__ import annotations

import json

from click.testing import CliRunner

from lagebild.cli import cli

TEXT = ("Am Dienstag meldete das Ministerium mindestens 2.500 Soldaten an der Grenze. "
        "Die Truppen seien von Frankreich s Armeeverlegt worden.")


def run(*args: str, text: str = TEXT) -> dict:
    res = CliRunner().invoke(cli, ["annotate", *args], input=text.encode("utf-8"))
    assert res.exit_code == 0, res.output
    return json.loads(res.output)


def test_annotate_shape() -> None:
    out = run("--published", "2025-06-04T08:48")
    assert set(out) >= {"sentences", "quantities", "dates", "repairs"}
    (q,) = out["quantities"]
    assert {"text", "value", "low", "high", "unit", "qualifier", "start", "end", "counts"} <= set(q)
    assert q["value"] == 2500 and q["qualifier"] == "at_least" and q["counts"] == "Soldaten"
    (d,) = out["dates"]
    assert d["time"]["start"] == "2025-06-03" and d["time"]["granularity"] == "day"
    assert TEXT[d["start"]:d["end"]] == d["text"]
    assert TEXT[q["start"]:q["end"]] == q["text"]
    for r in out["repairs"]:
        assert TEXT[r["start"]:r["end"]] == r["before"]
    assert [TEXT[s["start"]:s["end"]][:5] for s in out["sentences"]] == ["Am Di", "Die T"]


def test_annotate_without_published_leaves_relative_dates_open() -> None:
    (d,) = run()["dates"]
    assert d["time"]["start"] is None


def test_annotate_on_repaired() -> None:
    out = run("--on-repaired")
    assert "Frankreichs" in out["text"]


def test_annotate_bad_published() -> None:
    res = CliRunner().invoke(cli, ["annotate", "--published", "yesterday"], input=b"Text.")
    assert res.exit_code != 0
