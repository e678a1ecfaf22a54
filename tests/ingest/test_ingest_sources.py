from __future__ import annotations

import io
import json
from pathlib import Path

from lagebild.config import load_settings
from lagebild.ingest.sources import iter_inputs, sniff_format
from lagebild.ingest.urls import canonical_url, domain_of
from lagebild.model import RawDoc, Rejection

SETTINGS = load_settings(env={})


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"text": "Hallo Welt", "url": "https://www.example.de/a?utm_source=x"}) + "\n"
                 + "{not json\n\n" + json.dumps({"title": "ohne Text"}) + "\n", encoding="utf-8")
    out = list(iter_inputs([str(f)], SETTINGS))
    assert isinstance(out[0], RawDoc) and out[0].fmt == "json" and out[0].hints["text"] == "Hallo Welt"
    assert isinstance(out[1], Rejection) and out[1].reason == "malformed_json" and out[1].source.endswith("a.jsonl:2")
    assert isinstance(out[2], Rejection) and out[2].source.endswith(":4")


def test_folder_is_read_recursively_and_hidden_files_skipped(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Text B")
    (tmp_path / "a.html").write_text("<html><body><p>Hallo</p></body></html>")
    (tmp_path / ".hidden.txt").write_text("geheim")
    out = list(iter_inputs([str(tmp_path)], SETTINGS))
    assert [(Path(o.source).name, o.fmt) for o in out] == [("a.html", "html"), ("b.txt", "text")]


def test_missing_path_is_a_rejection_not_an_error(tmp_path: Path) -> None:
    out = list(iter_inputs([str(tmp_path / "nope.txt")], SETTINGS))
    assert isinstance(out[0], Rejection) and out[0].reason == "not_found"


def test_too_large(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_bytes(b"x" * 100)
    settings = {**SETTINGS, "ingest": {**SETTINGS["ingest"], "max_bytes": 10}}
    (rej,) = iter_inputs([str(f)], settings)
    assert isinstance(rej, Rejection) and rej.reason == "too_large"


def test_stdin_is_sniffed() -> None:
    (doc,) = iter_inputs(["-"], SETTINGS, stdin=io.BytesIO(b"<html><body>x</body></html>"))
    assert isinstance(doc, RawDoc) and doc.fmt == "html" and doc.source == "<stdin>"
    assert sniff_format(b"Politik\nTitel") == "text"


def test_ids_are_stable_and_url_based() -> None:
    a = RawDoc(source="a", data=b"x", fmt="text", url="http://www.Example.de/a/?utm_medium=m#top")
    b = RawDoc(source="b", data=b"y", fmt="text", url="https://example.de/a")
    assert a.article_id == b.article_id
    c = RawDoc(source="c", data=b"x", fmt="text")
    d = RawDoc(source="d", data=b"x", fmt="text")
    assert c.article_id == d.article_id != a.article_id
    assert canonical_url("https://example.de/a?b=2&a=1") == "https://example.de/a?a=1&b=2"
    assert domain_of("https://www.news.de/politik/1") == "news.de"
    assert domain_of("/local/path.txt") is None
