"""The NER gazetteer data files: shipped headers, loaders, file:line errors."""
from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.config import resource_path
from lagebild.kb.ner_features import sentence_features
from lagebild.kb.ner_gazetteer import (NAMES_FILE, PLACES_FILE, read_person_names,
                                       read_place_names)


@pytest.mark.parametrize("name", [NAMES_FILE, PLACES_FILE])
def test_shipped_files_have_provenance(name: str) -> None:
    path = resource_path("models", name)
    head = path.read_text("utf-8").splitlines()[:4]
    assert head[0].startswith("# ") and any("Derived by the lagebild authors" in h for h in head)
    assert any(h.startswith("# columns:") for h in head)


def test_shipped_lists_load() -> None:
    names = read_person_names(resource_path("models", NAMES_FILE))
    assert len(names.first) > 1000 and len(names.last) > 1000
    places = read_place_names(resource_path("models", PLACES_FILE))
    assert len(places) > 10_000


def test_person_names_bad_kind(tmp_path: Path) -> None:
    f = tmp_path / "names.tsv"
    f.write_text("# header\nAnnegret\tfirst\nZwirbel\tmiddle\n", "utf-8")
    with pytest.raises(ValueError, match=r"names\.tsv:3: kind must be"):
        read_person_names(f)


def test_person_names_bad_columns(tmp_path: Path) -> None:
    f = tmp_path / "names.tsv"
    f.write_text("Annegret\n", "utf-8")
    with pytest.raises(ValueError, match=r"names\.tsv:1: expected"):
        read_person_names(f)


def test_place_names_bad_line(tmp_path: Path) -> None:
    f = tmp_path / "places.tsv"
    f.write_text("# header\nOberwiesental\nUnter\twiesen\n", "utf-8")
    with pytest.raises(ValueError, match=r"places\.tsv:3: "):
        read_place_names(f)


def test_features_german_cues() -> None:
    toks = ["Die", "bayerische", "Staatskanzlei", "lobte", "Putin-Gegner", "in", "Wien", "."]
    feats = sentence_features(toks)
    assert len(feats) == len(toks)
    assert "isch" in feats[1]
    assert "hy_first=putin" in feats[4] and "hy_last=gegner" in feats[4]
    assert "gaz" in feats[6] and "BOS" in feats[0] and "EOS" in feats[7]
    assert sentence_features([]) == []
