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


@pytest.mark.parametrize("text,expected", [
    ("Regierung will Hilfspaket schnüren Die Ministerin kündigte am Montag neue Mittel an.",
     ["Regierung will Hilfspaket schnüren", "Die Ministerin kündigte am Montag neue Mittel an."]),
    ("Hochwasser bedroht Dörfer an der Elbe Am Wochenende stieg der Pegel weiter.",
     ["Hochwasser bedroht Dörfer an der Elbe", "Am Wochenende stieg der Pegel weiter."]),
    ("Streik bei der Bahn Wir rechnen mit Ausfällen, sagte ein Sprecher.",
     ["Streik bei der Bahn", "Wir rechnen mit Ausfällen, sagte ein Sprecher."]),
])
def test_split_without_punctuation(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
    assert [text[s.start:s.end] for s in split(text, bare=False)] == [text]


@pytest.mark.parametrize("text", [
    "Der Kritiker lobte den Film Das Boot als Meisterwerk.",
    "Laut der Zeitung Die Welt sinken die Preise.",
    "Die Partei Die Linke lehnte den Antrag ab.",
    "Wenn Sie mehr wissen wollen, fragen Sie die Behörde.",
    "In den vergangenen Tagen kamen Tausende Menschen zur Grenze.",
    "Der Zug fuhr am frühen Morgen ab.",
    "Der Minister sagte Die Lage sei ernst.",
    "Die Gespräche beginnen Mitte Juli in Genf.",
])
def test_no_boundary_inside_a_sentence(text: str) -> None:
    assert sentences(text) == [text]


def test_stage_setting_switches_the_model_off() -> None:
    body = "Streik bei der Bahn Wir rechnen mit Ausfällen."
    on = make_stage({"language": {"code_only": ["de"]}})
    off = make_stage({"language": {"code_only": ["de"]}, "sentences": {"bare_boundaries": False}})
    assert len(on(_doc(body)).sentences) == 2
    doc = off(_doc(body))
    assert len(doc.sentences) == 1 and sum(t.is_sent_start for t in doc.tokens) == 1


def test_boundary_model_file_errors(tmp_path) -> None:
    from lagebild.nlp.boundary_model import boundary_model, load_model

    assert boundary_model() is not None and 0.5 <= boundary_model().threshold < 1.0
    bad = tmp_path / "m.tsv"
    bad.write_text("# threshold: 0.9\nbias\t-1\nnc=det\tzwei\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"m\.tsv:3: weight is not a number"):
        load_model(str(bad))
    bad.write_text("bias -1\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"m\.tsv:1: expected"):
        load_model(str(bad))


def test_no_bare_boundary_inside_a_quotation() -> None:
    from lagebild.nlp.sentences import split

    text = "Das Land stehe „ohne Wenn und Aber“ an der Seite der Partner, sagte die Ministerin."
    assert len(split(text)) == 1
