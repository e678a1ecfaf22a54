"""Single rules that make the cleaner hold on pages of unseen outlets (invented text)."""
from __future__ import annotations

import pytest

from lagebild.clean.cleaner import clean_text, removed_lines
from lagebild.clean.lines import split_glued

P1 = ("Die Werft hat am Dienstag den Auftrag für vier Patrouillenboote erhalten. "
      "Die Schiffe sollen ab dem kommenden Jahr an die Küstenwache übergeben werden.")
P2 = ("Nach Angaben des Unternehmens sichert der Auftrag rund 600 Arbeitsplätze. "
      "Die Gewerkschaft begrüßte die Entscheidung ausdrücklich.")


@pytest.mark.parametrize("line,head", [
    ("Werft erhält GroßauftragDie Schiffe gehen an die Küstenwache.", "Werft erhält Großauftrag"),
    ("Neue Regeln für PendlerAb Montag gilt ein anderer Takt.", "Neue Regeln für Pendler"),
    ("Konzern stellt neues iPhone-Zubehör vor", None),
    ("Streit um YouTube-Kanal der Stadt", None),
    ("Die BaFin warnt vor falschen Anlageberatern", None),
])
def test_split_glued_teasers(line, head):
    got = split_glued(line)
    assert (got[0] if got else None) == head


def test_glued_teasers_after_a_header_are_stored_as_headlines():
    c = clean_text("\n".join([P1, "Auch interessant:", "Werft erhält GroßauftragDie Schiffe gehen an die Küstenwache.",
                              "Neue Regeln für PendlerAb Montag gilt ein anderer Takt.", P2]))
    assert c.related_teasers == ("Werft erhält Großauftrag", "Neue Regeln für Pendler")
    assert c.body == P1 + "\n" + P2


@pytest.mark.parametrize("dateline,agency", [
    ("Kiel (dpa) - ", "dpa"), ("LONDON (Reuters) – ", "Reuters"), ("Genf (sda/AFP): ", "sda/AFP"),
    ("Frankfurt/Main (dpa-AFX) - ", "dpa-AFX"),
])
def test_agency_datelines_stay_in_the_text_and_are_noted(dateline, agency):
    c = clean_text(dateline + P1 + "\n" + P2)
    assert c.body.startswith(dateline.strip()) and c.title is None
    assert f"metadata: agency dateline: {agency}" in c.warnings


def test_a_place_in_parentheses_is_no_agency_dateline():
    c = clean_text("Kiel (Schleswig-Holstein) - " + P1)
    assert not any("agency dateline" in w for w in c.warnings)


def test_place_and_date_line_in_the_header_sets_published_but_not_in_the_text():
    c = clean_text("\n".join(["Werft erhält Großauftrag", "Kiel, 14.02.2025", P1, P2]))
    assert c.published == "2025-02-14" and "Kiel, 14.02.2025" not in c.body
    text = "\n".join([P1, "Kiel, 14.02.2025 war für die Werft ein guter Tag, sagte der Betriebsrat.", P2])
    assert clean_text(text).body == text


def test_question_title_needs_a_page_header():
    q = "Wer baut die Boote für die Küstenwache?"
    assert clean_text("\n".join([q, P1, P2])).title is None
    c = clean_text("\n".join(["Wirtschaft", q, P1, P2]))
    assert c.title == q and q not in c.body
    c = clean_text("\n".join([q, "Von Jana Beispiel", P1, P2]))
    assert c.title == q and c.author == "Jana Beispiel"


def test_ticker_times_alone_go_and_times_in_sentences_stay():
    text = "\n".join([P1, "09:15 Uhr", "Um 09:15 Uhr lief das erste Boot vom Stapel.", "+++ 10:02 +++", P2])
    c = clean_text(text)
    assert "09:15 Uhr\n" not in c.body and "+++ 10:02 +++" not in c.body
    assert "Um 09:15 Uhr lief das erste Boot vom Stapel." in c.body
    assert c.published is None


def test_paywall_box_ends_at_running_text():
    text = "\n".join([P1, "Jetzt weiterlesen mit Beispiel Plus", "Nur 2,99 € im Monat. Jederzeit kündbar.", P2])
    c = clean_text(text)
    assert c.body == P1 + "\n" + P2
    assert "removed: paywall box (1 line)" in c.warnings


def test_author_box_takes_only_the_bio_below_it():
    text = "\n".join([P1, P2, "Über die Autorin", "Jana Beispiel berichtet seit 2015 über Schifffahrt und Häfen."])
    c = clean_text(text)
    assert c.body == P1 + "\n" + P2


def test_copyright_with_photographer_is_a_credit_and_agency_alone_is_a_source():
    c = clean_text("\n".join(["Werft erhält Großauftrag", "© APA/dpa/Erika Platzhalter", P1, P2, "© SID"]))
    assert c.image_credits == ("APA/dpa/Erika Platzhalter",)
    assert "©" not in c.body
    c = clean_text("\n".join([P1, P2, "dpa-AFX"]))
    assert c.image_credits == () and c.body == P1 + "\n" + P2


def test_parenthesised_and_source_labelled_credits():
    c = clean_text("\n".join(["Werft erhält Großauftrag", "Ein Boot im Hafen von Kiel. (Foto: AFP)", P1,
                              "Quelle: picture alliance / AP | Max Platzhalter", P2, "Quelle: dpa/AFP"]))
    assert c.image_credits == ("AFP", "picture alliance / AP | Max Platzhalter")
    assert c.body == P1 + "\n" + P2
    assert c.further_sources == ("dpa", "AFP")


def test_lone_domain_line_states_the_outlet():
    assert clean_text("\n".join([P1, P2, "werftnachrichten-beispiel.de"])).outlet == "werftnachrichten-beispiel.de"


def test_subheading_after_plain_teasers_only_when_it_is_a_short_noun_phrase():
    block = ["Mehr zum Thema:", "Häfen investieren Milliarden in neue Kräne", "Werften suchen händeringend Fachkräfte"]
    c = clean_text("\n".join([P1, *block, "Kritik der Umweltverbände", P2]))
    assert "Kritik der Umweltverbände" in c.body and len(c.related_teasers) == 2
    c = clean_text("\n".join([P1, *block, "Warum Kiel profitiert", P2]))
    assert "Warum Kiel profitiert" not in c.body and len(c.related_teasers) == 3


def test_key_points_stay_but_are_never_the_title():
    text = "\n".join(["Das Wichtigste in Kürze", "Die Werft erhält vier Aufträge", "Rund 600 Stellen sind gesichert",
                      "Werft erhält Großauftrag", P1, P2])
    c = clean_text(text)
    assert c.title == "Werft erhält Großauftrag"
    assert "Die Werft erhält vier Aufträge" in c.body and "Das Wichtigste" not in c.body


def test_real_sentences_with_marker_words_stay():
    body = "\n".join([
        "Lesen Sie die Angebote genau, rät die Verbraucherzentrale, denn die Preise unterscheiden sich stark.",
        "Mehr als 100 Menschen demonstrierten vor dem Werkstor.",
        "Kommentare aus der Politik fielen zurückhaltend aus.",
        "Frage: Wie viele Boote baut die Werft im Jahr?",
        "Antwort: Etwa zwölf, sagt der Geschäftsführer.",
        "Teilen wollen die Partner den Gewinn zu gleichen Teilen.",
        "„Wir sind stolz.“",
    ])
    c = clean_text(P1 + "\n" + body)
    assert c.body == P1 + "\n" + body
    assert removed_lines(P1 + "\n" + body) == []


def test_closing_link_lines_go_but_a_closing_list_stays():
    c = clean_text("\n".join([P1, P2, "Regenradar", "Alle Warnungen", "Pollenflug"]))
    assert c.body == P1 + "\n" + P2
    text = "\n".join([P1, P2, "Zur Wahl stehen:", "Anna Beispiel", "Ole Platzhalter"])
    assert clean_text(text).body == text


#: Invented news sentences that use the words of boilerplate lines: no rule may match them.
REAL_SENTENCES = [
    "Mehr zum Thema Rüstungsexporte will die Regierung im Herbst im Bundestag vorlegen.",
    "Weitere Artikel des Abkommens regeln die Lieferung von Ersatzteilen bis 2030.",
    "Die Verwendung von Streumunition ist nach dem Abkommen verboten, betonte die Ministerin.",
    "Die Betrüger schickten die Mails direkt ins Postfach der Opfer, sagte ein Ermittler.",
    "Der Vertrag ist jederzeit kündbar, erklärte eine Sprecherin des Anbieters.",
    "Kommentare von Diplomaten fielen vorsichtig aus.",
    "Folgen hatte der Streit auch für die Koalition in Wien.",
    "Anzeige gegen den Bürgermeister erstattet",
    "Video zeigt den Start der Rakete vom Testgelände",
    "Hören wollte die Regierung davon nichts.",
    "Teilen sich Frankreich und Deutschland die Kosten, wird das Projekt billiger.",
    "Zustimmen müssen noch beide Kammern des Parlaments.",
    "Drucken lassen will die Behörde die neuen Ausweise erst im Herbst.",
    "Die Provision der Vermittler lag bei drei Prozent des Auftragswerts.",
    "Um 14:30 Uhr begann die Sitzung des Sicherheitsrats.",
    "Zurück in Kiew traf der Minister den Präsidenten.",
    "Sie müssen angemeldet sein, um an der Wahl teilzunehmen, sagte der Wahlleiter.",
    "Der Bericht von Amnesty International wurde von mehreren Regierungen kritisiert.",
    "Links: Die Grafik zeigt die Exporte der vergangenen zehn Jahre.",
    "Lesen Sie die Beipackzettel genau, rät die Apothekerkammer.",
    "Mehr als 100 Menschen wurden bei den Angriffen verletzt.",
    "Mehr: Das ist die Botschaft, die der Kanzler aus Washington mitbringt.",
]


@pytest.mark.parametrize("sentence", REAL_SENTENCES)
def test_no_boilerplate_rule_matches_a_real_sentence(sentence):
    from lagebild.clean.cleaner import load_tools

    assert load_tools().boilerplate.match(sentence) is None
    c = clean_text("\n".join([P1, sentence, P2]))
    assert sentence in c.body
