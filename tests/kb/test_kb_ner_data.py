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


@pytest.mark.parametrize("reader, name, content, error", [
    (read_person_names, "names.tsv", "# header\nAnnegret\tfirst\nZwirbel\tmiddle\n", r"names\.tsv:3: kind must be"),
    (read_person_names, "names.tsv", "Annegret\n", r"names\.tsv:1: expected"),
    (read_place_names, "places.tsv", "# header\nOberwiesental\nUnter\twiesen\n", r"places\.tsv:3: "),
])
def test_bad_lines_name_file_and_line(tmp_path: Path, reader, name: str, content: str, error: str) -> None:
    f = tmp_path / name
    f.write_text(content, "utf-8")
    with pytest.raises(ValueError, match=error):
        reader(f)


def test_features_german_cues() -> None:
    toks = ["Die", "bayerische", "Staatskanzlei", "lobte", "Putin-Gegner", "in", "Wien", "."]
    feats = sentence_features(toks)
    assert len(feats) == len(toks)
    assert "isch" in feats[1]
    assert "hy_first=putin" in feats[4] and "hy_last=gegner" in feats[4]
    assert "gaz" in feats[6] and "BOS" in feats[0] and "EOS" in feats[7]
    assert sentence_features([]) == []
