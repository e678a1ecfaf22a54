"""Knowledge-base data files: schema of the shipped packs and file:line errors."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lagebild.config import load_settings
from lagebild.kb import KBError, known_names, load_kb
from lagebild.kb.loader import load
from lagebild.model import ENTITY_TYPES, ITEM_CATEGORIES

FICTIONAL = Path(__file__).resolve().parent / "data" / "fictional"


@pytest.fixture(scope="module")
def kb():
    return load_kb(load_settings(env={}))


def test_shipped_packs_load_and_follow_the_schema(kb) -> None:
    assert len(kb) > 5000
    for ent in kb:
        assert ent.type in ENTITY_TYPES
        assert ent.qid is None or re.fullmatch(r"Q\d+", ent.qid), ent
        if ent.type == "WEAPON":
            assert ent.category in ITEM_CATEGORIES, ent
        if ent.type in ("COUNTRY", "PER", "MEDIA", "WEAPON", "LOC"):
            assert ent.country, f"{ent.id} has no country"
        if ent.type == "LOC":
            assert ent.lat is not None and ent.lon is not None, ent


def test_every_iso_country_is_there_with_german_and_english_names(kb) -> None:
    import pycountry

    for c in pycountry.countries:
        ent = kb.get(c.alpha_2)
        assert ent is not None and ent.type == "COUNTRY" and ent.country == c.alpha_2
        assert ent.names.get("de") and ent.names.get("en")


def test_every_data_file_has_a_provenance_header() -> None:
    from lagebild.config import resource_path

    for pack in ("base", "rukp"):
        for f in resource_path("packs", pack).iterdir():
            if f.suffix in (".jsonl", ".tsv", ".txt") and f.name.startswith(("kb_", "role_", "type_", "places_")):
                assert f.read_text("utf-8").startswith("#"), f


def test_international_organisations_stand_for_themselves(kb) -> None:
    for code in ("UN", "EU", "NATO", "IAEA", "OSCE", "ASEAN", "G7"):
        assert kb.get(code).country == code


def _pack(tmp_path: Path, lines: list[str], name: str = "kb_test.jsonl") -> Path:
    d = tmp_path / "pack"
    d.mkdir(exist_ok=True)
    (d / name).write_text("# test pack\n" + "\n".join(lines) + "\n", "utf-8")
    return d


GOOD = json.dumps({"id": "XA", "type": "COUNTRY", "name": "Norvania", "country": "XA"})


@pytest.mark.parametrize("bad, reason", [
    ('{"id": "x", "type": "PER", "name": "A"', "invalid JSON"),
    ('{"id": "x", "type": "PERSON", "name": "A"}', "type 'PERSON'"),
    ('{"id": "x", "type": "PER", "name": "A", "qid": "Q12a"}', "qid"),
    ('{"id": "Q5", "type": "PER", "name": "A", "qid": "Q6"}', "is a QID"),
    ('{"id": "x", "aliases": ["b"]}', "lacks 'type'"),
    ('{"id": "x", "type": "PER", "name": "A", "colour": "red"}', "unknown keys"),
    ('{"id": "x", "type": "WEAPON", "name": "A", "category": "lasers"}', "category"),
    ('{"id": "x", "type": "PER", "name": "A", "roles": [{"role": "king", "of": "XA"}]}', "role 'king'"),
    ('{"id": "x", "type": "PER", "name": "A", "roles": [{"role": "head_of_state", "of": "XA", "from": "2020-13-01"}]}', "ISO date"),
    ('{"id": "x", "type": "LOC", "name": "A", "lat": 123}', "'lat'"),
    ('{"id": "x", "type": "COUNTRY", "name": "A", "adj": ["Groß"]}', "lower case"),
    ('["id", "x"]', "one JSON object"),
])
def test_a_malformed_line_fails_with_file_and_line(tmp_path: Path, bad: str, reason: str) -> None:
    d = _pack(tmp_path, [GOOD, bad])
    with pytest.raises(KBError) as exc:
        load([str(d)])
    msg = str(exc.value)
    assert msg.startswith(f"{d / 'kb_test.jsonl'}:3: "), msg  # header is line 1
    assert reason in msg


def test_malformed_role_phrase_row_names_its_line(tmp_path: Path) -> None:
    d = _pack(tmp_path, [GOOD])
    (d / "role_phrases.tsv").write_text("# x\nChef\thead_of_state\t\tno\nBoss\tboss\t\tno\n", "utf-8")
    with pytest.raises(KBError, match=r"role_phrases.tsv:3: role 'boss'"):
        load([str(d)])


def test_a_later_pack_extends_an_entity_and_a_user_pack_is_a_path(tmp_path: Path) -> None:
    d = _pack(tmp_path, ['{"id": "XA", "aliases": ["Velmora"], "adj": ["norvanisch"]}'])
    kb = load([str(FICTIONAL), str(d)])
    assert "Velmora" in kb.get("XA").aliases
    assert kb.lookup("Velmora").id == "XA"
    with pytest.raises(KBError, match="not found"):
        load([str(tmp_path / "nope")])


def test_known_names_holds_names_words_and_role_phrases() -> None:
    names = known_names({"kb": {"packs": [str(FICTIONAL)]}})
    assert {"Tarek Volmar", "Volmar", "Tarek", "norvanisch", "Velmorachef", "Sturmfalke-7"} <= names
    assert "Sturmfalke" in names


def test_african_union_does_not_swallow_australia(kb) -> None:
    assert kb.get("AU").type == "COUNTRY" and kb.get("african-union").country == "AU"


def test_extending_an_id_with_another_type_fails(tmp_path: Path) -> None:
    d = _pack(tmp_path, [GOOD, '{"id": "XA", "type": "ORG", "name": "Other"}'])
    with pytest.raises(KBError, match=r"kb_test.jsonl:3: id 'XA' is already a COUNTRY"):
        load([str(d)])
