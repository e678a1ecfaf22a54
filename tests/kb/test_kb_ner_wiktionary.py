"""The Wiktionary noun lexicon behind the NER's ``wk`` features: file, loader, features."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from lagebild.config import resource_path
from lagebild.kb.ner_features import sentence_features
from lagebild.kb.ner_wiktionary import (LEXICON_FILE, WiktLexicon, lexicon_rows, read_lexicon,
                                        token_kinds, wiktionary, write_lexicon)


def test_shipped_lexicon_has_provenance_and_loads() -> None:
    path = resource_path("models", LEXICON_FILE)
    head = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()[:4]
    assert any("Derived by the lagebild authors" in h and "CC BY-SA" in h for h in head)
    assert any(h.startswith("# columns:") for h in head)
    lex = wiktionary()
    assert len(lex.single) > 100_000
    assert "noun" in token_kinds("Soldaten", lex)
    assert "topo" in token_kinds("Hamburg", lex)


@pytest.mark.parametrize("content, error", [
    ("# header\nHaus\tnoun\nGarten\n", r"lex\.tsv:3: expected 'form<TAB>kinds'"),
    ("Haus\tnoun\nOber wiesen\ttopo\n", r"lex\.tsv:2: expected"),
    ("Haus\tnoun,dorf\n", r"lex\.tsv:1: unknown kind 'dorf'"),
])
def test_bad_lines_name_file_and_line(tmp_path: Path, content: str, error: str) -> None:
    f = tmp_path / "lex.tsv"
    f.write_text(content, "utf-8")
    with pytest.raises(ValueError, match=error):
        read_lexicon(f)


def test_unreadable_gzip_is_a_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "lex.tsv.gz"
    f.write_bytes(b"not gzip at all")
    with pytest.raises(ValueError, match=r"lex\.tsv\.gz: cannot read the noun lexicon"):
        read_lexicon(f)


def test_rebuild_from_a_hand_made_csv(tmp_path: Path) -> None:
    csv_file = tmp_path / "nouns.csv"
    csv_file.write_text(
        "lemma,pos,genus,nominativ singular,genitiv singular,nominativ plural\n"
        "Zwiebelturm,Substantiv,m,Zwiebelturm,Zwiebelturms,Zwiebeltürme\n"
        "Quellbach,\"Substantiv,Toponym\",n,Quellbach,Quellbachs,\n"
        "Ottilde,\"Substantiv,Vorname\",f,Ottilde,Ottildes,\n"
        "Grünes Tal,\"Substantiv,Toponym,Wortverbindung\",n,Grünes Tal,,\n"
        "-ling,\"Affix,Substantiv,Suffix\",m,-ling,,\n", "utf-8")
    rows = lexicon_rows(csv_file)
    assert rows["Zwiebeltürme"] == {"noun"} and rows["Quellbachs"] == {"topo"}
    assert rows["Ottilde"] == {"first"}
    assert "Grünes Tal" not in rows and "-ling" not in rows
    out = tmp_path / "lex.tsv.gz"
    assert write_lexicon(out, csv_file) == len(rows)
    assert read_lexicon(out).single["Zwiebelturms"] == ("noun",)


def test_token_kinds_all_caps_and_unknown() -> None:
    lex = WiktLexicon({"Quellbach": ("topo",), "Haus": ("noun",)})
    assert token_kinds("QUELLBACH", lex) == ("topo",)
    assert token_kinds("Zzyzxbert", lex) == ()


def test_features_mark_common_nouns_compounds_and_names() -> None:
    toks = ["Die", "Panzerlieferungen", "nach", "Hamburg", "verzögern", "sich", "."]
    feats = sentence_features(toks)
    assert "wk=topo" in feats[3]
    # an unlisted long word ending in a common noun is marked as a compound
    assert "wk=noun" in feats[1] or "wk_comp=noun" in feats[1]
    assert "1:wk=topo" in feats[2]
