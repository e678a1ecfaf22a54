"""Language stage: lingua restricted to the configured candidates."""
from __future__ import annotations

import dataclasses

import pytest

from lagebild.clean.language import LanguageStage, detect, make_stage
from lagebild.config import load_settings
from lagebild.model import Article, Doc, RawDoc

CANDS = ("de", "en", "fr", "es", "it", "nl", "pl", "ru", "uk", "tr")


@pytest.mark.parametrize("text,lang", [
    ("Der Gemeinderat hat am Montagabend beschlossen, die Gebühren für Kindergärten zu senken.", "de"),
    ("The city council decided on Monday evening to cut fees for kindergartens across the region.", "en"),
    ("Le conseil municipal a décidé lundi soir de baisser les frais de garderie dans la région.", "fr"),
    ("Городской совет в понедельник решил снизить плату за детские сады в регионе.", "ru"),
])
def test_detect(text, lang):
    assert detect(text, CANDS) == lang


def test_short_texts_count_as_german():
    assert detect("Hello world", CANDS, min_chars=40) == "de"


def _doc(body: str, title: str | None = None) -> Doc:
    return Doc(raw=RawDoc(source="x", data=b"", fmt="text"), article=Article(id="a", body=body, title=title))


def test_stage_flags_non_german_articles():
    stage = make_stage(load_settings())
    out = stage(_doc("The port authority said container traffic rose sharply in the first quarter of the year."))
    assert out.article.language == "en"
    assert any(w.startswith("not German: coded as none") for w in out.article.warnings)
    de = stage(_doc("Der Hafen meldet für das erste Quartal einen deutlichen Anstieg beim Containerumschlag."))
    assert de.article.language == "de" and de.article.warnings == ()


def test_stage_without_article_is_a_no_op():
    doc = Doc(raw=RawDoc(source="x", data=b"", fmt="text"))
    assert LanguageStage(candidates=("de", "en"))(doc) is doc


def test_unknown_candidate_code_is_an_error():
    with pytest.raises(ValueError, match="unknown ISO"):
        detect("Ein ausreichend langer deutscher Satz über das Wetter in Hamburg.", ("de", "xx"))


def test_stage_is_picklable_and_immutable():
    import pickle

    stage = make_stage(load_settings())
    assert pickle.loads(pickle.dumps(stage)) == stage
    with pytest.raises(dataclasses.FrozenInstanceError):
        stage.min_chars = 3  # type: ignore[misc]
