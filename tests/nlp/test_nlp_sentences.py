"""Sentence splitting, tokens and lemmas (invented German news sentences)."""
from __future__ import annotations

import pytest

from lagebild.model import Article, Doc, RawDoc, Token
from lagebild.nlp.lemmas import lemma
from lagebild.nlp.sentences import annotate, make_stage, split, tokenize


def sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split(text)]


@pytest.mark.parametrize("text,expected", [
    ("Die Regierung tagte am 4. Juni in Berlin. Danach sprach der Kanzler.",
     ["Die Regierung tagte am 4. Juni in Berlin.", "Danach sprach der Kanzler."]),
    ("Der 1. FC Köln verlor. Die Fans waren enttäuscht.",
     ["Der 1. FC Köln verlor.", "Die Fans waren enttäuscht."]),
    ("Es kamen z. B. Dr. Meier und Prof. Schulz, u. a. aus Wien. Sie blieben.",
     ["Es kamen z. B. Dr. Meier und Prof. Schulz, u. a. aus Wien.", "Sie blieben."]),
    ("Er sagte: „Wir liefern nichts.“ Dann ging er.",
     ["Er sagte: „Wir liefern nichts.“", "Dann ging er."]),
    ("»Das ist falsch!«, rief sie. Niemand antwortete.",
     ["»Das ist falsch!«, rief sie.", "Niemand antwortete."]),
    ("Hochwasser im Süden\nDie Pegel steigen weiter.",
     ["Hochwasser im Süden", "Die Pegel steigen weiter."]),
    ("Die Punkte:\n- mehr Geld\n- mehr Personal",
     ["Die Punkte:", "- mehr Geld", "- mehr Personal"]),
    ("Die Frist endet am 3.10. um Mitternacht. Danach nicht mehr.",
     ["Die Frist endet am 3.10. um Mitternacht.", "Danach nicht mehr."]),
    ("Der Preis stieg auf 1,5 Mio. Euro. Das ist viel.",
     ["Der Preis stieg auf 1,5 Mio. Euro.", "Das ist viel."]),
    ("Die Gäste kamen an.Danach begann das Fest.",
     ["Die Gäste kamen an.", "Danach begann das Fest."]),
    ("Sie zieht eine klare Bilanz: Die Lage ist ernst.",
     ["Sie zieht eine klare Bilanz:", "Die Lage ist ernst."]),
    ("Dagegen stimmten drei Staaten: Russland, China und Iran.",
     ["Dagegen stimmten drei Staaten: Russland, China und Iran."]),
    ("Wer hat gewonnen? Das Team aus Graz.", ["Wer hat gewonnen?", "Das Team aus Graz."]),
])
def test_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_split_empty_and_blank() -> None:
    assert split("") == []
    assert split("  \n\n ") == []


def test_tokens_have_offsets_lemmas_and_sentence_starts() -> None:
    text = "Russlands Präsident traf Nordkoreas Machthaber. Putins Soldaten warten."
    sents, toks = annotate(text)
    assert all(text[t.start:t.end] == t.text for t in toks)
    assert [t.text for t in toks if t.is_sent_start] == ["Russlands", "Putins"]
    assert {t.text: t.lemma for t in toks}["Soldaten"] == "Soldat"
    assert isinstance(toks[0], Token) and toks[0] == Token(toks[0].text, 0, 9, toks[0].lemma, True)
    assert tokenize(text) == toks


@pytest.mark.parametrize("word,expected", [
    ("Russlands", "Russland"), ("Putins", "Putin"), ("Nordkoreas", "Nordkorea"),
    ("Soldaten", "Soldat"), ("Raketen", "Rakete"), ("NATO", "NATO"), ("Paris", "Paris"),
    ("", ""), ("11.000", "11.000"),
])
def test_lemma(word: str, expected: str) -> None:
    assert lemma(word) == expected


def _doc(body: str, language: str | None = "de") -> Doc:
    return Doc(raw=RawDoc("t", body.encode(), "text"), article=Article(id="a", body=body, language=language))


def test_stage_assigns_sentences_and_tokens() -> None:
    stage = make_stage({"language": {"code_only": ["de"]}})
    doc = stage(_doc("Erster Satz. Zweiter Satz."))
    assert len(doc.sentences) == 2 and doc.tokens[0].text == "Erster"
    assert stage.requires == ("article",) and stage.assigns == ("sentences", "tokens")


def test_stage_leaves_other_languages_alone() -> None:
    stage = make_stage({"language": {"code_only": ["de"]}})
    doc = _doc("This is English. Really.", language="en")
    assert stage(doc) is doc
