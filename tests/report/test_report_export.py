from __future__ import annotations

import csv
import io
import json

import pytest

from lagebild.report.export import export_records, flatten


def test_flatten_dots_nested_and_jsons_lists() -> None:
    rec = {"id": "e1", "actor": {"text": "Nordkorea", "country": "KP"}, "target": None,
           "quantity": {}, "tags": ["a", "b"]}
    assert flatten(rec) == {"id": "e1", "actor.text": "Nordkorea", "actor.country": "KP",
                            "target": None, "quantity": None, "tags": '["a", "b"]'}


def test_csv_columns_follow_record_fields() -> None:
    rows = [{"id": "e1", "type": "AID", "actor": {"country": "KP", "text": "Nordkorea"}, "target": None},
            {"id": "e2", "type": "AID", "actor": None, "target": {"country": "RU", "text": "Moskau"}}]
    buf = io.StringIO()
    assert export_records("events", iter(rows), "csv", None, buf) == 2
    header = next(csv.reader(io.StringIO(buf.getvalue())))
    assert header.index("actor.country") < header.index("target.country")
    assert "id" == header[0]


def test_empty_export_still_writes(tmp_path) -> None:
    out = tmp_path / "x.jsonl"
    assert export_records("claims", iter([]), "jsonl", str(out), io.StringIO()) == 0
    assert out.exists() and out.read_text() == ""


def test_parquet_needs_a_file() -> None:
    with pytest.raises(ValueError, match="needs an output file"):
        export_records("events", iter([]), "parquet", None, io.StringIO())


def test_jsonl_to_stdout_round_trips() -> None:
    buf = io.StringIO()
    rows = [{"id": "ä", "n": 1}]
    export_records("articles", iter(rows), "jsonl", "-", buf)
    assert [json.loads(x) for x in buf.getvalue().splitlines()] == rows
