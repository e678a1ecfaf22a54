"""Metadata from page text: titles, bylines, dates, outlets, credits, tags, form footers."""
from __future__ import annotations

import pytest

from lagebild.clean.cleaner import clean_text, load_tools
from lagebild.clean.lines import split_fused_tags

BODY = ("Der Landtag hat am Donnerstag mit knapper Mehrheit ein neues Polizeigesetz beschlossen. "
        "Die Opposition kündigte an, vor dem Verfassungsgericht dagegen zu klagen.")
BODY2 = ("Innenministerin und Gewerkschaft der Polizei begrüßten die Entscheidung. Kritiker sehen "
         "dagegen die Bürgerrechte in Gefahr, weil Daten länger gespeichert werden dürfen.")


@pytest.fixture(scope="module")
def meta():
    return load_tools().meta


@pytest.mark.parametrize("line,iso", [
    ("04.06.2025 08.48", "2025-06-04T08:48"),
    ("4. Juni 2025, 10:15 Uhr", "2025-06-04T10:15"),
    ("Veröffentlicht am 17. Jänner 2024 um 9:05 Uhr", "2024-01-17T09:05"),
    ("Mittwoch, 03.07.2024", "2024-07-03"),
    ("2025-06-04T08:48", "2025-06-04T08:48"),
    ("Stand: 12.12.23, 18:30 Uhr", "2023-12-12T18:30"),
    ("1. Okt. 2022 | 07:00", "2022-10-01T07:00"),
])
def test_date_lines(meta, line, iso):
    hit = meta.date_line(line)
    assert hit is not None and hit.iso == iso


@pytest.mark.parametrize("line", [
    "Am 4. Juni 2025 trafen sich die Außenminister in Brüssel zu Gesprächen.",
    "31.02.2024 12:00",  # no such day
    "Die Quote lag bei 12.5 Prozent",
])
def test_sentences_and_impossible_dates_are_not_date_lines(meta, line):
    assert meta.date_line(line) is None


@pytest.mark.parametrize("line,author,outlet", [
    ("Von beispielblatt.de-Redakteurin Carla Mustermann", "Carla Mustermann", "beispielblatt.de"),
    ("Von Jan-Ole Beispiel und Mara von Testhausen", "Jan-Ole Beispiel und Mara von Testhausen", None),
    ("Ein Kommentar von Peter Platzhalter, Berlin", "Peter Platzhalter", None),
    ("Von unserem Korrespondenten Luis Beispiel", "Luis Beispiel", None),
])
def test_bylines(meta, line, author, outlet):
    by = meta.byline(line)
    assert by is not None and by.author == author and by.outlet == outlet


def test_a_sentence_starting_with_von_is_no_byline(meta):
    assert meta.byline("Von Berlin aus fliegt die Delegation weiter nach Warschau") is None


def test_header_metadata_and_title_not_on_the_first_line():
    text = "\n".join(["Ausland", "", "SachsenPolitikSicherheit", "",
                      "Landtag beschließt umstrittenes Polizeigesetz",
                      "Abgeordnete bei der Abstimmung im Plenarsaal. Foto: picture alliance/dpa | Erika Platzhalter",
                      "Von Redakteur Tom Beispiel | 4. Juni 2025, 10:15 Uhr", "", BODY, BODY2])
    c = clean_text(text)
    assert c.title == "Landtag beschließt umstrittenes Polizeigesetz"
    assert c.tags == ("Sachsen", "Politik", "Sicherheit")
    assert c.author == "Tom Beispiel"
    assert c.published == "2025-06-04T10:15"
    assert c.image_credits == ("picture alliance/dpa | Erika Platzhalter",)
    assert c.body == BODY + "\n" + BODY2
    assert c.outlet is None  # not stated: never guessed


def test_no_date_in_the_page_means_null():
    c = clean_text("Neues Polizeigesetz beschlossen\n" + BODY + "\nIm Jahr 2019 war ein erster Entwurf gescheitert.")
    assert c.published is None


def test_update_time_is_used_only_as_a_flagged_fallback():
    c = clean_text("\n".join([BODY, BODY2, "Stand: 05.06.2025, 14:02 Uhr"]))
    assert c.published == "2025-06-05T14:02"
    assert any("update time" in w for w in c.warnings)


def test_credits_glued_agency_chain_and_licence():
    text = "\n".join([
        "Landtag beschließt Polizeigesetz",
        "ANNA BEISPIEL / AFP / picturedesk.comhat die Regierung am Donnerstag eine Mehrheit gefunden. "
        "Der Entwurf war zuvor mehrfach geändert worden.",
        "Foto: Landtag.example, CC BY-SA 4.0", BODY])
    c = clean_text(text)
    assert c.image_credits == ("ANNA BEISPIEL / AFP / picturedesk.com", "Landtag.example, CC BY-SA 4.0")
    assert "picturedesk" not in c.body and "hat die Regierung am Donnerstag" in c.body
    assert "CC BY" not in c.body


def test_text_that_only_mentions_photos_is_no_credit():
    line = "Die Ausstellung zeigt das Bild: Ein Mann rudert bei Sturm über den See und lacht."
    c = clean_text(BODY + "\n" + line)
    assert line in c.body and c.image_credits == ()


def test_signature_and_copyright_give_the_outlet():
    assert clean_text(BODY + "\n" + BODY2 + "\nabc/beispielblatt.de").outlet == "beispielblatt.de"
    c = clean_text(BODY + "\n© 2024 nachrichten-beispiel.at")
    assert c.outlet == "nachrichten-beispiel.at" and "©" not in c.body


def test_cited_domains_in_the_text_are_not_the_outlet():
    c = clean_text(BODY + " Das berichtete zuerst beispielquelle.de unter Berufung auf Insider.")
    assert c.outlet is None


def test_form_footer_fields():
    text = "\n".join([BODY, BODY2, "Ort des Geschehens", "", "Über diese Meldung", "Was ist passiert?",
                      "Unfall", "In welchen Regionen?", "Leipzig", "Genauer Ort bekannt?",
                      "Leipzig, Sachsen", "Beste Referenz", "beispielquelle.de", "Weitere Quellen",
                      "zweite-quelle.de, dritte-quelle.de", "", "Ähnliche Artikel"])
    c = clean_text(text)
    assert c.place == "Leipzig, Sachsen"
    assert c.best_reference == "beispielquelle.de"
    assert c.further_sources == ("zweite-quelle.de", "dritte-quelle.de")
    assert c.body == BODY + "\n" + BODY2


def test_tag_label_line():
    c = clean_text(BODY + "\nSchlagworte: Landtag, Polizei, Datenschutz")
    assert c.tags == ("Landtag", "Polizei", "Datenschutz") and "Schlagworte" not in c.body


@pytest.mark.parametrize("token,parts", [
    ("WirtschaftEnergieKlima", ["Wirtschaft", "Energie", "Klima"]),
    ("SportFußballBundesliga", ["Sport", "Fußball", "Bundesliga"]),
    ("Bundestag", None),
    ("Sommerfest", None),
    ("PlayStation", None),
])
def test_fused_tag_runs(token, parts):
    assert split_fused_tags(token) == parts


def test_weekday_abbreviations_on_date_lines(meta):
    assert meta.date_line("Sa., 14.09.2024, 20:31 Uhr").iso == "2024-09-14T20:31"
    assert meta.date_line("So viel 3.7.2024") is None


def test_composite_date_and_byline_line():
    c = clean_text("\n".join(["Landtag beschließt Polizeigesetz",
                              "13.05.2025 | 09:31 Uhr | Von beispielblatt.de-Redakteur Ole Platzhalter", BODY]))
    assert (c.published, c.author, c.outlet) == ("2025-05-13T09:31", "Ole Platzhalter", "beispielblatt.de")


def test_byline_at_the_end_with_agency_material():
    c = clean_text("\n".join([BODY, BODY2, "Von beispielblatt.de-Redakteurin Ida Platzhalter mit Material von dpa"]))
    assert c.author == "Ida Platzhalter" and c.outlet == "beispielblatt.de"
    assert c.body == BODY + "\n" + BODY2


def test_label_line_with_brand_and_section_is_no_title():
    c = clean_text("\n".join(["Beispielblatt | Inland", "Landtag beschließt Polizeigesetz", BODY]))
    assert c.title == "Landtag beschließt Polizeigesetz"


def test_place_country_from_the_knowledge_base():
    from lagebild.clean.cleaner import place_country
    from lagebild.config import load_settings

    packs = tuple(load_settings()["kb"]["packs"])
    assert place_country("Musterdorf, Frankreich", packs) == "FR"
    assert place_country("Musterdorf an der Musterbach", packs) is None
