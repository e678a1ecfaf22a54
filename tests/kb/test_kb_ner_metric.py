"""Strict span metric and GermEval TSV reading of the CRF NER (no model needed)."""
from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.kb.ner_eval import (CLASSES, NerDataError, read_predictions, read_tsv, score,
                                  spans, write_predictions)


def test_twelve_outer_classes() -> None:
    assert len(CLASSES) == 12
    assert {"PER", "LOCderiv", "ORGpart", "OTH"} <= set(CLASSES)


def test_spans_conll_semantics() -> None:
    tags = ["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG", "B-OTHpart"]
    assert spans(tags, tags) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"),
                                 (5, 6, "ORG"), (6, 7, "OTHpart")]


def test_spans_length_mismatch() -> None:
    with pytest.raises(ValueError):
        spans(["a", "b"], ["O"])


def test_strict_match_counts() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O", "B-LOCderiv"]]
    pred = [["B-PER", "O", "O", "B-LOC"],      # PER too short -> fp + fn, LOC tp
            ["B-ORG", "O", "B-LOC"]]           # ORG tp, wrong label -> fp + fn
    rep = score(zip(gold, pred))
    assert (rep.overall.tp, rep.overall.fp, rep.overall.fn) == (2, 2, 2)
    assert rep.overall.precision == pytest.approx(50.0)
    assert rep.overall.recall == pytest.approx(50.0)
    assert rep.overall.f1 == pytest.approx(50.0)
    assert rep.per_class["LOC"].tp == 1 and rep.per_class["LOC"].fp == 1
    assert rep.per_class["LOCderiv"].fn == 1


def test_perfect_and_empty() -> None:
    tags = [["B-OTH", "I-OTH", "O"]]
    assert score(zip(tags, tags)).overall.f1 == pytest.approx(100.0)
    empty = score(zip([["O", "O"]], [["O", "O"]]))
    assert empty.overall.f1 == 0.0 and empty.overall.precision == 0.0


def test_read_tsv_and_roundtrip(tmp_path: Path) -> None:
    f = tmp_path / "gold.tsv"
    f.write_text("#\tinvented\t[2030-01-01]\n"
                 "1\tMarta\tB-PER\tO\n2\tKowalczyk\tI-PER\tO\n3\treist\tO\tO\n"
                 "4\tnach\tO\tO\n5\tLuzern\tB-LOC\tO\n\n"
                 "#\tinvented\n1\tDie\tO\tO\n2\tBrenner-Werke\tB-ORG\tB-LOCpart\n", "utf-8")
    sents = read_tsv(f)
    assert [len(s.tokens) for s in sents] == [5, 2]
    assert sents[1].tags == ("O", "B-ORG")
    out = tmp_path / "pred.tsv"
    write_predictions(out, [(s, list(s.tags)) for s in sents])
    back = read_predictions(out)
    assert back[0][0] == list(sents[0].tags) == back[0][1]


@pytest.mark.parametrize("body, line", [
    ("1\tHaus\tO\tO\n2\tBerg\n", 2),              # two columns with a non-tag
    ("1\tHaus\tB-PERSON\tO\n", 1),                # unknown class
    ("1\tHaus\tO\tO\n\n1\tEin Satz ohne Tabs\n", 3),
])
def test_malformed_tsv_names_file_and_line(tmp_path: Path, body: str, line: int) -> None:
    f = tmp_path / "bad.tsv"
    f.write_text(body, "utf-8")
    with pytest.raises(NerDataError, match=rf"bad\.tsv:{line}: "):
        read_tsv(f)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(NerDataError, match="file not found"):
        read_tsv(tmp_path / "nope.tsv")
