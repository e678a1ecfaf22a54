"""Typed KB names and cue words behind the NER features: files, loaders, features."""
from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.config import resource_path
from lagebild.kb.ner_features import sentence_features
from lagebild.kb.ner_lexicon import (CUES_FILE, KB_FILE, adj_stem, kb_names, read_cues,
                                     read_kb_names, suffix_cue)


@pytest.mark.parametrize("name", [KB_FILE, CUES_FILE])
def test_lexicon_files_have_provenance(name: str) -> None:
    head = resource_path("models", name).read_text("utf-8").splitlines()[:8]
    assert head[0].startswith("# ")
    assert any("by the lagebild authors" in h for h in head)
    assert any(h.startswith("# columns:") for h in head)


def test_shipped_lexicon_loads() -> None:
    names = kb_names()
    assert len(names.single) > 1000 and names.multi and names.adj
    assert adj_stem("französischen") == "französisch"
    assert adj_stem("schönen") is None
    assert suffix_cue("Landwirtschaftsministerium") == "ORG"
    assert suffix_cue("ministerium") is None  # lower-case: not a name


@pytest.mark.parametrize("reader, name, content, error", [
    (read_kb_names, "kb.tsv", "# header\nBrunnhausen\tLOC\nKlaffke\tPERSON\n", r"kb\.tsv:3: class must be"),
    (read_kb_names, "kb.tsv", "Brunnhausen\n", r"kb\.tsv:1: expected 2"),
    (read_cues, "cues.tsv", "# header\nGmbH\tORG\thead\nWerft\tORG\tending\n", r"cues\.tsv:3: kind must be"),
])
def test_bad_lines_name_file_and_line(tmp_path: Path, reader, name: str, content: str, error: str) -> None:
    f = tmp_path / name
    f.write_text(content, "utf-8")
    with pytest.raises(ValueError, match=error):
        reader(f)


def test_cues_loader(tmp_path: Path) -> None:
    f = tmp_path / "cues.tsv"
    f.write_text("GmbH\tORG\thead\nWERFT\tORG\tsuffix\nRegisseur\tPER\ttrigger\n", "utf-8")
    c = read_cues(f)
    assert c.head == {"GmbH": "ORG"} and c.trigger == {"Regisseur": "PER"}
    assert c.suffix == (("werft", "ORG"),)


def test_lexical_features_on_invented_sentence() -> None:
    toks = ("Die Brauerei Kessler GmbH aus Charkiw zeigte im Heimatministerium den Film "
            "„ Der stille Hafen “ und lobte russische SPD-Freunde .").split()
    feats = dict(zip(range(len(toks)), sentence_features(toks)))
    at = {t: i for i, t in enumerate(toks)}
    assert "cueh=ORG" in feats[at["GmbH"]]
    assert "1:cueh=ORG" in feats[at["Kessler"]]
    assert "kb=LOC" in feats[at["Charkiw"]]
    assert "cues=ORG" in feats[at["Heimatministerium"]]
    assert "cuet=OTH" in feats[at["Film"]]
    assert "inq_first" in feats[at["Der"]] and "inq" in feats[at["Hafen"]]
    assert "inq" not in feats[at["und"]] and "inq" not in feats[at["Film"]]
    assert "kbadj" in feats[at["russische"]]
    assert "hy_kb=ORG" in feats[at["SPD-Freunde"]]


def test_er_place_form_feature() -> None:
    toks = "Der Itzehoer Stadtrat tagte .".split()
    assert "er_name" in sentence_features(toks)[1]
    assert "er_name" not in sentence_features(toks)[2]
