"""The rule data files load, and a malformed line is reported as file:line."""
from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.extract.resources import RuleFileError, load_lexicon, read_cues, read_items, read_triggers
from lagebild.model import EVENT_TYPES, ITEM_CATEGORIES


def test_shipped_rules_load():
    lex = load_lexicon(("base", "rukp"))
    assert {t.type for t in lex.triggers} <= set(EVENT_TYPES)
    assert {r.category for r in lex.items} <= set(ITEM_CATEGORIES)
    assert lex.item_of("artilleriegranaten").category == "ammunition"
    assert lex.item_of("flugabwehrraketen").category == "air_defense"
    assert lex.item_of("mitarbeiter") is None


def test_bad_lines_name_file_and_line(tmp_path: Path):
    bad = tmp_path / "t.tsv"
    bad.write_text("# header\nAID\tmilitary\tgive\tV\tliefer\n", "utf-8")
    with pytest.raises(RuleFileError, match=r"t.tsv:2: expected 8"):
        read_triggers(bad)
    bad.write_text("# header\nFLY\t-\tgive\tV\tx\t-\t-\t-\n", "utf-8")
    with pytest.raises(RuleFileError, match=r"t.tsv:2: unknown event type"):
        read_triggers(bad)
    bad.write_text("sweets\titem\tbonbon\n", "utf-8")
    with pytest.raises(RuleFileError, match=r"t.tsv:1: unknown item category"):
        read_items(bad)
    bad.write_text("certainty\tsure\tja\n", "utf-8")
    with pytest.raises(RuleFileError, match=r"t.tsv:1: unknown certainty"):
        read_cues(bad)
    bad.write_text("negation\tdenied\tkein(\n", "utf-8")
    with pytest.raises(RuleFileError, match=r"t.tsv:1: bad regular expression"):
        read_cues(bad)
