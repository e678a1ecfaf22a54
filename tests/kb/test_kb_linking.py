"""Linking rules on a fictional world (invented states, people, outlets, weapons), so that
no real-world knowledge helps: petrarch2-style actor tests."""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from lagebild.kb import load_kb
from lagebild.kb.linker import link, link_text, make_stage
from lagebild.model import Article, Doc, Place, RawDoc, Span, Token

FICTIONAL = Path(__file__).resolve().parent / "data" / "fictional"
SETTINGS = {"kb": {"packs": [str(FICTIONAL)]}, "ner": {"enabled": False},
            "language": {"code_only": ["de"]}}


@pytest.fixture(scope="module")
def kb():
    return load_kb(SETTINGS)


def links(kb, text: str, published: str | None = None) -> list[tuple[str, str]]:
    return [(text[h.start:h.end], h.entity_id) for h in link_text(kb, text, published)]


def test_names_inflection_adjectives_and_longest_match(kb) -> None:
    got = links(kb, "Die Regierung Norvaniens lobte die sudesischen Partner der "
                    "Zentralen Nachrichtenagentur Norvaniens und die Ostmark-Inseln.")
    assert ("Norvaniens", "XA") in got
    assert ("sudesischen", "XB") in got
    assert ("Zentralen Nachrichtenagentur Norvaniens", "ZNA") in got
    assert ("Ostmark-Inseln", "XC") in got


def test_hyphen_compounds_link_their_first_part(kb) -> None:
    got = links(kb, "Nach BKS-Angaben ist die Volmar-Lieferung von Sturmfalke-Drohnen eingetroffen.")
    assert ("BKS", "XD") in got
    assert ("Volmar", "tarek-volmar") in got
    assert ("Sturmfalke", "Sturmfalke") in got


def test_metonyms_and_case(kb) -> None:
    assert links(kb, "Kastor widersprach Velmora.") == [("Kastor", "XB"), ("Velmora", "XA")]
    assert links(kb, "Die Bks und der kastor fehlen.") == []


@pytest.mark.parametrize("published, holder", [
    ("2015-05-02T10:00", "ilse-danoff"), ("2024-02-01", "tarek-volmar"), (None, "tarek-volmar")])
def test_role_phrase_resolved_at_the_article_date(kb, published, holder) -> None:
    for text in ("Der Velmorachef reiste ab.", "Norvaniens Präsident reiste ab.",
                 "Der norvanische Staatschef reiste ab.", "Der Velmora-Chef reiste ab.",
                 "Der Präsident der Republik Norvanien reiste ab.",
                 "Der Norvanien-Machthaber reiste ab."):
        got = links(kb, text, published)
        assert [e for _t, e in got] == [holder], (text, got)


def test_role_followed_by_a_name_links_to_that_name(kb) -> None:
    got = links(kb, "Norvaniens Präsident Ilse Danoff sprach.", "2024-01-01")
    assert got == [("Norvaniens Präsident", "ilse-danoff"), ("Ilse Danoff", "ilse-danoff")]


def test_role_word_without_a_state_is_not_a_mention(kb) -> None:
    assert links(kb, "Der Präsident des Vereins und der Chef reisten ab.") == []


def test_short_forms(kb) -> None:
    # "Ren" is ambiguous: only after a full mention, or with a state in front
    assert links(kb, "Ren sprach lange.") == []
    got = links(kb, "Ren Kalu traf Volmar. Danach sprach Ren vor der Presse.")
    assert got == [("Ren Kalu", "ren-kalu"), ("Volmar", "tarek-volmar"), ("Ren", "ren-kalu")]
    assert links(kb, "Sudesien-Ren sprach.") == [("Sudesien-Ren", "Q99990001")]
    assert links(kb, "Norvanien-Ren sprach.") == [("Norvanien-Ren", "ren-oda")]
    assert links(kb, "Volmars Rede.") == [("Volmars", "tarek-volmar")]


def test_typos_long_names_and_acronyms_with_a_type_cue(kb) -> None:
    assert links(kb, "Die Trilateral Maritim Surveillance Group berichtet.") == [
        ("Trilateral Maritim Surveillance Group", "TMSG")]
    assert links(kb, "Die Sturmfalce flog.") == [("Sturmfalce", "Sturmfalke")]
    assert links(kb, "Das meldete die Nachrichtenagentur NZA am Morgen.") == [("NZA", "ZNA")]
    assert links(kb, "Das meldete NZA am Morgen.") == []  # no cue
    assert links(kb, "Das meldete die Gruppe NZA am Morgen.") == []  # cue of another type


def test_typo_rule_never_turns_a_common_word_into_a_name(kb) -> None:
    assert links(kb, "Zum Abendbrot gab es Suppe.") == []
    assert links(kb, "Abendbrat liegt am Meer.") == [("Abendbrat", "abendbrat")]


def test_lookup(kb) -> None:
    assert kb.lookup("die Nachrichtenagentur NZA").id == "ZNA"
    assert kb.lookup("Velmorachef", "2012-01-01").id == "ilse-danoff"
    assert kb.lookup("Sudesiens").id == "XB"
    assert kb.lookup("norvanischen").id == "XA"
    assert kb.lookup("Präsident") is None
    assert kb.lookup("Irgendwer") is None
    assert kb.lookup("Volmar sagte") is None  # the match must reach the end


def _doc(text: str, language: str = "de", place: Place | None = None,
         published: str | None = None) -> Doc:
    art = Article(id="a1", body=text, language=language, place_of_event=place, published=published)
    sents, start = [], 0
    for m in re.finditer(r"[^.!?]+[.!?]?", text):
        if m.group().strip():
            sents.append(Span(m.start(), m.end()))
    toks = tuple(Token(m.group(), m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text))
    return Doc(raw=RawDoc("t", text.encode(), "text"), article=art, sentences=tuple(sents),
               tokens=toks)


def test_stage_mentions_entities_and_place_of_event() -> None:
    stage = make_stage(SETTINGS)
    assert stage.requires == ("article", "sentences", "tokens")
    text = "In Kessport landete eine Maschine. Der Velmorachef begrüßte Ren Kalu."
    doc = stage(_doc(text, place=Place(text="Kessport, Sudesien"), published="2016-01-01"))
    got = [(m.sentence, m.text, m.entity_id, m.type) for m in doc.mentions]
    assert got == [(0, "Kessport", "kessport", "LOC"), (1, "Velmorachef", "ilse-danoff", "PER"),
                   (1, "Ren Kalu", "ren-kalu", "PER")]
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text
    assert doc.entities["ren-kalu"].country == "XB"
    pe = doc.article.place_of_event
    assert (pe.entity_id, pe.country, pe.lat) == ("kessport", "XB", 12.5)
    pe2 = stage(_doc("Text.", place=Place(text="Velmora"))).article.place_of_event
    assert (pe2.entity_id, pe2.country) == ("XA", "XA")


def test_stage_skips_non_german_articles() -> None:
    stage = make_stage(SETTINGS)
    doc = _doc("Volmar met Ren Kalu in Kessport.", language="en")
    assert stage(doc) is doc


class FakeTagger:
    """Tags two invented words as a person; everything else O."""

    def tag(self, tokens: list[str]) -> list[str]:
        out = []
        for i, t in enumerate(tokens):
            if t == "Jorin":
                out.append("B-PER")
            elif t == "Kastellan" and i and tokens[i - 1] == "Jorin":
                out.append("I-PER")
            elif t in ("Kastellan", "Meeresamt"):
                out.append("B-PER" if t == "Kastellan" else "B-ORG")
            elif t in ("Fischerei", "Bündnisrats"):
                out.append("B-ORG")
            elif t == "Küstenländer" and i and tokens[i - 1] == "Bündnisrats":
                out.append("I-ORG")
            else:
                out.append("O")
        return out


def test_ner_spans_become_entities_and_their_short_forms_follow() -> None:
    from lagebild.kb.linker import EntityStage

    stage = EntityStage(load_kb(SETTINGS), SETTINGS, _tagger=FakeTagger(), _tagger_loaded=True)
    text = "Jorin Kastellan traf Volmar. Kastellan sprach mit dem Meeresamt. Fischerei wuchs."
    doc = stage(_doc(text))
    got = [(m.text, m.entity_id, m.source) for m in doc.mentions]
    assert ("Jorin Kastellan", "jorin-kastellan", "ner") in got
    assert ("Kastellan", "jorin-kastellan", "rule") in got
    assert ("Volmar", "tarek-volmar", "rule") in got
    assert all(m.text != "Fischerei" for m in doc.mentions)  # a common noun stays unlinked
    assert doc.entities["jorin-kastellan"].type == "PER"


def test_ner_name_before_a_known_acronym_in_brackets_is_that_entity() -> None:
    from lagebild.kb.linker import EntityStage

    stage = EntityStage(load_kb(SETTINGS), SETTINGS, _tagger=FakeTagger(), _tagger_loaded=True)
    doc = stage(_doc("Laut dem Bericht des Bündnisrats Küstenländer (BKS) wuchs der Handel."))
    got = [(m.text, m.entity_id) for m in doc.mentions]
    assert ("Bündnisrats Küstenländer", "XD") in got and ("BKS", "XD") in got
    # an acronym that does not start like the name says nothing about it
    doc = stage(_doc("Laut dem Bericht des Bündnisrats Küstenländer (ZNA) wuchs der Handel."))
    got = [(m.text, m.entity_id) for m in doc.mentions]
    assert ("Bündnisrats Küstenländer", "bundnisrats-kustenlander") in got


def test_ner_disabled_or_absent_falls_back_to_the_kb() -> None:
    stage = make_stage(SETTINGS)  # ner.enabled = false
    assert stage.tagger() is None
    doc = stage(_doc("Jorin Kastellan traf Volmar."))
    assert [m.text for m in doc.mentions] == ["Volmar"]


def test_role_before_an_unknown_name_does_not_fall_back_to_the_office_holder(kb) -> None:
    assert links(kb, "Norvaniens Präsident Kolbert sprach.", "2024-01-01") == [("Norvaniens", "XA")]


def test_role_before_an_ner_person_gives_that_person_the_state() -> None:
    from lagebild.kb.linker import EntityStage

    stage = EntityStage(load_kb(SETTINGS), SETTINGS, _tagger=FakeTagger(), _tagger_loaded=True)
    doc = stage(_doc("Der sudesische Präsident Jorin Kastellan sprach."))
    got = [(m.text, m.entity_id) for m in doc.mentions]
    assert got == [("sudesische Präsident", "jorin-kastellan"),
                   ("Jorin Kastellan", "jorin-kastellan")]
    assert doc.entities["jorin-kastellan"].country == "XB"


def test_chef_of_an_organisation_is_not_the_head_of_state(kb) -> None:
    assert links(kb, "Der BKS-Chef reiste ab.") == [("BKS", "XD")]
    assert links(kb, "Der ZNA-Chef reiste ab.") == [("ZNA", "ZNA")]


def test_stage_pickles_by_its_settings() -> None:
    import pickle

    stage = make_stage(SETTINGS)
    again = pickle.loads(pickle.dumps(stage))
    assert len(pickle.dumps(stage)) < 10_000
    doc = _doc("Volmar traf Ren Kalu.")
    assert again(doc).mentions == stage(doc).mentions
