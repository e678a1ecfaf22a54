"""Scrape repair on invented broken text; clean text stays untouched."""
from __future__ import annotations

from lagebild.model import Article, Doc, RawDoc
from lagebild.nlp.repair import make_stage, repair_text


def test_split_word_is_joined() -> None:
    text, reps = repair_text("Die Regierung stoppte alle Rüstungs exporte in die Region.")
    assert "Rüstungsexporte" in text
    assert reps[0].before == "Rüstungs exporte" and reps[0].after == "Rüstungsexporte"


def test_stray_s_and_fused_words() -> None:
    src = "Der Minister sei von Frankreich s Präsidentenbegrüßt worden."
    text, reps = repair_text(src)
    assert "Frankreichs Präsidenten begrüßt worden" in text
    for r in reps:  # offsets into the text before repair
        assert src[r.start:r.end] == r.before


def test_fused_noun_and_verb() -> None:
    text, _ = repair_text("Der Vertrag sei vom Ministerunterzeichnet worden.")
    assert "Minister unterzeichnet worden" in text


def test_domain_glued_to_word() -> None:
    text, _ = repair_text("Foto: Max Muster / example.comist ein Beispiel.")
    assert "example.com ist" in text


def test_glued_quote_marks() -> None:
    text, _ = repair_text('Sie nannte das"eine Frechheit" und ging.')
    assert text == 'Sie nannte das "eine Frechheit" und ging.'


def test_clean_text_is_untouched() -> None:
    clean = ("Die Landesregierung hat am Dienstag ein Förderprogramm für Wärmepumpen vorgestellt. "
             "Die Bundesliga-Saison beginnt mit einem Heimspiel des FC Bayern. "
             "Anna Feldhammer, Sprecherin der Arbeitgeberverbände, kritisierte die Pläne.")
    assert repair_text(clean) == (clean, [])


def test_protected_names_are_not_joined() -> None:
    text = "Der Vertreter Kim Jong nannte die Lage ernst."
    assert repair_text(text, protected=frozenset({"Jong"}))[0] == text


def test_stage_records_repairs_as_warnings() -> None:
    body = "Geplant sind weitere Waffe nlieferungen."
    doc = Doc(raw=RawDoc("t", b"", "text"), article=Article(id="a", body=body, language="de"))
    out = make_stage({"kb": {"packs": []}})(doc)
    assert out.article is not None and "Waffenlieferungen" in out.article.body
    assert out.repairs and any(w.startswith("repair:") for w in out.article.warnings)


def test_stage_disabled() -> None:
    body = "Geplant sind weitere Waffe nlieferungen."
    doc = Doc(raw=RawDoc("t", b"", "text"), article=Article(id="a", body=body, language="de"))
    assert make_stage({"repair": {"enabled": False}, "kb": {"packs": []}})(doc) is doc


def test_compound_with_a_noun_reading_is_not_split() -> None:
    from lagebild.nlp.repair import repair_text

    for text in ("Das Drohnenrennen wurde am Sonntag abgesagt.",
                 "Diese Reformversprechen seien nichts wert, sagte sie.",
                 "Die Gerätekosten ist ein Thema für sich."):
        assert repair_text(text)[0] == text


def test_participle_before_worden_is_still_split() -> None:
    from lagebild.nlp.repair import repair_text

    body, repairs = repair_text("Der Minister sei am Flughafen vom Regierungschefempfangen worden.")
    assert "Regierungschef empfangen worden" in body and len(repairs) == 1
