"""Checks of the bundled sample corpus itself (src/lagebild/resources/sample).

These tests do not run the pipeline: they make sure the corpus and its gold file
(expected.yaml) are complete, consistent with each other, carry the bad inputs they claim
to carry, and share no text with the read-only material in ../shared.
"""
from __future__ import annotations

import csv
import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "lagebild" / "resources" / "sample"
ARTICLES = SAMPLE / "articles"
EXPECTED = SAMPLE / "expected.yaml"
JSONL = ARTICLES / "sample.jsonl"
JSONL_FIELDS = {"url", "title", "published", "outlet"}
HTML_META = ('property="og:title"', 'property="article:published_time"', 'name="author"', 'property="og:site_name"')
MIN_SENTENCE = 70


def _gold() -> dict[str, Any]:
    data = yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and isinstance(data.get("seeds"), dict), "expected.yaml: no 'seeds' mapping"
    return data


def _records() -> list[dict[str, Any]]:
    lines = JSONL.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _raw(key: str, entry: dict[str, Any]) -> str:
    """The raw text of one gold entry: a file decoded with its encoding, or a JSONL record's body."""
    if key.startswith("sample.jsonl:"):
        record = _records()[int(key.split(":", 1)[1]) - 1]
        return str(record.get("text") or record.get("html"))
    return (ARTICLES / key).read_bytes().decode(entry.get("encoding", "utf-8"))


def _visible(key: str, entry: dict[str, Any]) -> str:
    """The raw text with tags, scripts and entities removed (roughly what a reader sees)."""
    text = _raw(key, entry)
    if entry.get("format", "").endswith("html"):
        text = re.sub(r"<head>.*?</head>", " ", text, flags=re.S)
        text = re.sub(r"<[^>]*>?", " ", text)
        text = html.unescape(text)
    return text


def _article_entries() -> dict[str, dict[str, Any]]:
    """Gold entries that are articles (stored, with metadata), not bad inputs."""
    return {k: v for k, v in _gold()["seeds"].items() if v.get("status", "stored") == "stored"}


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    for line in text.splitlines():
        for part in re.split(r"(?<=[.!?])\s+", line):
            sentence = " ".join(part.split())
            if len(sentence) >= MIN_SENTENCE:
                out.append(sentence)
    return out


# --------------------------------------------------------------------- the corpus itself ----

def test_sample_file_count_in_range() -> None:
    files = [p for p in ARTICLES.rglob("*") if p.is_file()]
    assert 20 <= len(files) <= 40, f"{len(files)} files in {ARTICLES}"


def test_sample_gold_keys_exist_and_cover_every_file() -> None:
    gold = _gold()["seeds"]
    records = _records()
    for key in gold:
        if key.startswith("sample.jsonl:"):
            line = int(key.split(":", 1)[1])
            assert 1 <= line <= len(records), f"expected.yaml: {key} has no JSONL line"
        else:
            assert (ARTICLES / key).is_file(), f"expected.yaml names a missing file: {key}"
    files = {p.relative_to(ARTICLES).as_posix() for p in ARTICLES.rglob("*") if p.is_file()}
    covered = {k for k in gold if ":" not in k} | {"sample.jsonl"}
    assert files - covered == set(), f"files without gold entry: {sorted(files - covered)}"
    assert {f"sample.jsonl:{i}" for i in range(1, len(records) + 1)} <= set(gold)


def test_sample_cp1252_file_is_not_utf8() -> None:
    cp = [k for k, v in _gold()["seeds"].items() if v.get("encoding") == "cp1252"]
    assert len(cp) == 1
    data = (ARTICLES / cp[0]).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = data.decode("cp1252")
    assert "ü" in text and "„" in text, "cp1252 file should hold umlauts and German quotes"


def test_sample_bad_inputs() -> None:
    gold = _gold()["seeds"]
    rejected = {k: v["reason"] for k, v in gold.items() if v.get("status") == "rejected"}
    assert set(rejected.values()) == {"binary", "empty"}
    for key, reason in rejected.items():
        data = (ARTICLES / key).read_bytes()
        if reason == "binary":
            assert b"\x00" in data, f"{key}: a binary file needs NUL bytes"
        else:
            assert data == b"", f"{key}: should be empty"


def test_sample_jsonl_parses_with_fields() -> None:
    records = _records()
    assert len(records) == 4
    kinds = set()
    for i, record in enumerate(records, 1):
        assert JSONL_FIELDS <= set(record), f"sample.jsonl:{i}: missing {JSONL_FIELDS - set(record)}"
        assert ("text" in record) != ("html" in record), f"sample.jsonl:{i}: needs text or html"
        kinds.add("text" if "text" in record else "html")
    assert kinds == {"text", "html"}


def test_sample_html_pages_have_meta_and_one_is_truncated() -> None:
    pages = sorted(ARTICLES.glob("*.html"))
    assert len(pages) == 4
    truncated = 0
    for page in pages:
        source = page.read_text(encoding="utf-8")
        for meta in HTML_META:
            assert meta in source, f"{page.name}: no {meta}"
        assert "<nav" in source and ("<footer" in source or "<aside" in source), f"{page.name}: no nav/footer/aside"
        truncated += not source.rstrip().endswith("</html>")
    assert truncated == 1


def test_sample_pages_are_short_news() -> None:
    for key, entry in _article_entries().items():
        words = len(_visible(key, entry).split())
        assert 120 <= words <= 400, f"{key}: {words} words"


def test_sample_gold_strings_occur_in_the_raw_page() -> None:
    """kept, boilerplate and repair strings of the gold must be in the page, or they test nothing."""
    for key, entry in _article_entries().items():
        raw = _raw(key, entry)
        for field in ("kept", "boilerplate_removed"):
            for snippet in entry.get(field, []):
                assert snippet in raw, f"{key}: {field} {snippet!r} not in the page"
        for repair in entry.get("repairs", []):
            assert repair["broken"] in raw, f"{key}: broken form {repair['broken']!r} not in the page"
        meta = entry.get("metadata", {})
        for field in ("title", "author", "image_credit", "best_reference"):
            if meta.get(field):
                assert meta[field] in raw, f"{key}: metadata {field} {meta[field]!r} not in the page"


def test_sample_gold_has_the_announced_mix() -> None:
    gold = _gold()
    entries = _article_entries()
    no_events = [k for k, v in entries.items() if v.get("events") == [] and v.get("language", "de") == "de"]
    assert len(no_events) >= 5, "unrelated news without events"
    assert sum(v.get("language") not in (None, "de") for v in entries.values()) == 1
    actors = {e.get("actor") for v in entries.values() for e in v.get("events", [])}
    assert len(actors - {"RU", "KP", None}) >= 6, "other states must act, not only RU and KP"
    cross = gold["cross_source"]
    assert len(cross["near_duplicates"]) == 3
    assert any(c.get("conflict") is True for c in cross["corroborated"])
    assert cross["denied"]
    keys = set(gold["seeds"])
    named = [a for group in cross["near_duplicates"] + cross["stories"] for a in group]
    named += cross["unrelated"] + [a for c in cross["corroborated"] for a in c["articles"] + c.get("may_include", [])]
    named += [d["article"] for d in cross["denied"]]
    assert set(named) <= keys, f"cross_source names unknown articles: {sorted(set(named) - keys)}"


def test_sample_near_duplicates_share_most_sentences() -> None:
    gold = _gold()
    entries = gold["seeds"]
    for group in gold["cross_source"]["near_duplicates"]:
        sets = [set(_sentences(_visible(k, entries[k]))) for k in group]
        for other in sets[1:]:
            shared = len(sets[0] & other) / max(1, min(len(sets[0]), len(other)))
            assert shared >= 0.6, f"{group}: only {shared:.0%} shared sentences"
        assert any(a != b for a in sets for b in sets), f"{group}: copies must be lightly edited"


# ------------------------------------------------------- no text taken from ../shared ----

def _shared_texts(shared: Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((shared / "seeds").glob("*"))]
    gnad = shared / "data" / "10kGNAD" / "test.csv"
    if gnad.is_file():
        with gnad.open(encoding="utf-8", newline="") as handle:
            texts += [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) > 1]
    return texts


@pytest.mark.shared
def test_sample_shares_no_sentence_with_shared(shared_dir: Path) -> None:
    texts = _shared_texts(shared_dir)
    assert texts, f"no seeds or 10kGNAD under {shared_dir}"
    theirs = {s for text in texts for s in _sentences(text)}
    joined = " ".join(" ".join(text.split()) for text in texts)
    for key, entry in _article_entries().items():
        for sentence in _sentences(_visible(key, entry)):
            assert sentence not in theirs, f"{key}: sentence copied from ../shared: {sentence[:60]}…"
            assert sentence not in joined, f"{key}: sentence found inside ../shared text: {sentence[:60]}…"


def test_sample_gold_loads_with_the_eval_loader() -> None:
    gold_module = pytest.importorskip("lagebild.evaluate.gold")
    gold = gold_module.load_gold(EXPECTED)
    assert set(gold.articles) == set(_gold()["seeds"])
    for entry in gold.cross_source.get("denied", []):
        assert re.match(r"\s*[A-Z]{2}\s*->\s*[A-Z]{2}\s*\w*$", entry["claim"]), entry["claim"]


ITEMS = {"ammunition", "missiles", "air_defense", "drones", "weapons", "military_personnel", "workers",
         "petroleum", "technology", "training", "money", "goods", "other"}
QUALIFIERS = {"exact", "approx", "at_least", "more_than", "at_most", "range"}
CERTAINTIES = {"asserted", "reported", "alleged", "possible", "planned", "denied"}


def test_sample_gold_uses_the_contract_vocabulary() -> None:
    gold = _gold()
    for key, entry in gold["seeds"].items():
        for event in entry.get("events", []) + entry.get("forbidden_events", []):
            where = f"{key}: {event}"
            assert event.get("item", "other") in ITEMS, where
            assert event.get("certainty", "asserted") in CERTAINTIES, where
            assert event.get("quantity", {}).get("qualifier", "exact") in QUALIFIERS, where
            assert re.fullmatch(r"[A-Z]{2}", event["actor"]), where
    for entry in gold["cross_source"]["denied"]:
        rest = entry["claim"].split("->")[1].split()[1:]
        assert not rest or rest[0] in ITEMS | {"arms"}, entry["claim"]
