"""The German language data files: they load, have provenance headers, and errors name file:line."""
from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.config import resource_path
from lagebild.nlp import lexicon

MINE = ["abbreviations.tsv", "calendar.tsv", "number_words.tsv", "units.tsv", "qualifiers.tsv",
        "relative_dates.tsv", "lemma_exceptions.tsv", "ordinal_context.tsv", "sentence_starters.tsv",
        "year_context.tsv", "repair_never.tsv", "repair_verb_context.tsv"]


@pytest.mark.parametrize("name", MINE)
def test_file_has_header(name: str) -> None:
    lines = resource_path("de", name).read_text("utf-8").splitlines()
    assert lines[0].startswith("#") and any("columns" in x for x in lines if x.startswith("#"))


def test_loaders() -> None:
    assert lexicon.abbreviations()["z.B."] == "general"
    assert lexicon.calendar()["jänner"].value == 1
    assert lexicon.units()["soldat"].unit == "person"
    assert lexicon.qualifiers()[("mehr", "als")] == "more_than"
    assert lexicon.number_words()["scale"]["mrd."] == 1e9


def test_malformed_line_names_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "bad.tsv").write_text("# header\nok\tfine\nbroken\n", "utf-8")
    monkeypatch.setattr(lexicon, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    with pytest.raises(lexicon.LexiconError, match=r"bad\.tsv:3: expected 2"):
        lexicon.read_tsv("bad.tsv", 2)
