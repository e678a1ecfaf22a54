"""Cleaner rules, one invented noisy German page per rule class."""
from __future__ import annotations

from lagebild.clean.cleaner import clean_text, removed_lines

PARA_A = ("Die Stadtwerke haben am Mittwoch eine neue Leitung für Fernwärme in Betrieb genommen. "
          "Damit sollen im kommenden Winter rund 4000 Haushalte zusätzlich versorgt werden.")
PARA_B = ("Nach Angaben des Betreibers kostete das Projekt knapp 30 Millionen Euro. Ein Teil des Geldes "
          "stammt aus einem Förderprogramm des Landes, wie eine Sprecherin bestätigte.")
PARA_C = ("Kritik kam von der Opposition im Stadtrat, die höhere Preise für die Kunden befürchtet. "
          "Der Oberbürgermeister wies die Vorwürfe am Abend zurück.")


def test_teaser_block_after_header_goes_to_related_teasers():
    text = "\n".join([PARA_A, "Lesen Sie auch:", "- Neue Radwege am Ring fertig",
                      "- Hallenbad schließt für drei Monate", "- Streit um Parkgebühren eskaliert",
                      PARA_B])
    c = clean_text(text)
    assert c.related_teasers == ("Neue Radwege am Ring fertig", "Hallenbad schließt für drei Monate",
                                 "Streit um Parkgebühren eskaliert")
    assert "Lesen Sie" not in c.body and "Hallenbad" not in c.body
    assert PARA_A in c.body and PARA_B in c.body
    assert "removed: teaser block (3 lines)" in c.warnings


def test_real_list_items_after_a_teaser_header_stay():
    items = ["- Die Leitung verläuft auf einer Länge von zwölf Kilometern unter der Altstadt.",
             "- Bauarbeiten an der Brücke dauerten länger als geplant, weil Fundamente fehlten."]
    c = clean_text("\n".join([PARA_A, "Lesen Sie außerdem:", *items, PARA_B]))
    assert "zwölf Kilometern" in c.body and "Fundamente fehlten" in c.body
    assert c.related_teasers == ()
    assert "Lesen Sie außerdem" not in c.body


def test_quotes_and_quoted_list_items_stay():
    quote = '• "Wir werden die Preise in diesem Jahr nicht erhöhen", sagte die Geschäftsführerin.'
    c = clean_text("\n".join([PARA_A, "Das könnte Sie auch interessieren:", "", quote, PARA_C]))
    assert "Wir werden die Preise" in c.body and PARA_C in c.body


def test_header_and_headline_on_one_line():
    c = clean_text("\n".join([PARA_A, "Mehr zum Thema: Warum Fernwärme teurer wird", PARA_B]))
    assert c.related_teasers == ("Warum Fernwärme teurer wird",)
    assert "Mehr zum Thema" not in c.body and PARA_B in c.body


def test_similar_news_block_with_read_more_links():
    teasers = ["Bahnstreik trifft PendlerDie Gewerkschaft ruft erneut zum Ausstand auf. Betroffen ist der Regionalverkehr.",
               "Neuer Rekord am FlughafenIm Sommer starteten so viele Maschinen wie nie zuvor...",
               "– Schlagersängerin überrascht FansBei einem Konzert kündigte sie eine Pause an."]
    lines = [PARA_A, PARA_B, "Similar News:Hier finden Sie weitere Meldungen aus anderen Quellen."]
    for t in teasers:
        lines += [t, "Weiterlesen »"]
    c = clean_text("\n".join(lines))
    assert len(c.related_teasers) == 3
    assert c.related_teasers[2].startswith("Schlagersängerin")
    assert c.body == PARA_A + "\n" + PARA_B


def test_read_more_pairs_without_header_and_a_single_link():
    lines = [PARA_A, PARA_B, "Hochwasser an der Elbe sinkt langsam", "Weiterlesen »",
             "Zoo freut sich über Nachwuchs bei den Pinguinen", "mehr lesen"]
    c = clean_text("\n".join(lines))
    assert len(c.related_teasers) == 2 and "Pinguinen" not in c.body
    single = clean_text("\n".join([PARA_A, PARA_B, "Weiterlesen »"]))
    assert PARA_B in single.body and "Weiterlesen" not in single.body
    assert any(w.startswith("doubt: a single read-more") for w in single.warnings)


def test_social_newsletter_share_and_ad_lines():
    text = "\n".join([
        "Artikel teilen:", PARA_A, "Anzeige", PARA_B, "Kurze Werbeeinblendung",
        "Folgen Sie beispielblatt.de auch bei Instagram und TikTok! Hier gibt es Videos aus der Region.",
        "Melden Sie sich jetzt für unseren kostenlosen Newsletter an", PARA_C,
        "Per Mail teilen | Facebook | WhatsApp"])
    c = clean_text(text)
    assert c.body == "\n".join([PARA_A, PARA_B, PARA_C])
    assert c.outlet == "beispielblatt.de"
    kinds = {r for r, _ in removed_lines(text)}
    assert {"share", "ad", "social", "newsletter"} <= kinds


def test_ordinary_sentences_with_marker_words_stay():
    body = ("Die Anzeige gegen den Bürgermeister wurde inzwischen zurückgezogen, teilte die Staatsanwaltschaft mit.\n"
            "Ähnliche Fälle gab es zuletzt in mehreren Landkreisen, wie das Ministerium bestätigte.\n"
            "Aktuelle Nachrichten aus der Region deuten auf eine Einigung hin.\n"
            "Mehr zum Thema Wohnungsbau will die Stadt im Herbst vorlegen, sagte der Sprecher.\n"
            "Weitere Artikel des Gesetzes sollen im Herbst geändert werden, kündigte die Ministerin an.\n"
            "Folgen hatte der Streit auch für die Koalition, die seitdem als zerstritten gilt.")
    c = clean_text(body)
    assert c.body == body and c.related_teasers == ()


def test_html_remnants_are_repaired():
    c = clean_text(f"<pDie Feuerwehr rückte mit 40 Kräften aus.</p>\n{PARA_A} &amp; mehr\n<div class=\"ad\"></div>\n{PARA_B}")
    assert c.body.startswith("Die Feuerwehr rückte")
    assert "<" not in c.body and "&amp;" not in c.body and "& mehr" in c.body
    assert any(w.startswith("removed: html remnant") for w in c.warnings)


def test_footer_lines_and_navigation():
    text = "\n".join(["Startseite > Politik > Inland", "Neue Leitung für 4000 Haushalte", PARA_A, PARA_B,
                      "Ähnliche Artikel", "Schaltfläche \"Zurück zum Anfang\"", "© 2024 Beispiel Medien GmbH",
                      "Impressum", "Datenschutz"])
    c = clean_text(text)
    assert c.title == "Neue Leitung für 4000 Haushalte"
    assert c.body == PARA_A + "\n" + PARA_B


def test_table_of_contents_at_the_top_goes_and_sub_headings_stay():
    text = "\n".join([
        "Fernwärme für die Altstadt", "- Bauarbeiten dauern bis Herbst", "- Kosten steigen deutlich",
        PARA_A, "Bauarbeiten dauern bis Herbst", PARA_B, "Lesen Sie außerdem noch:", "",
        "Kosten steigen deutlich", "", PARA_C])
    c = clean_text(text)
    assert c.title == "Fernwärme für die Altstadt"
    assert c.body.count("Bauarbeiten dauern bis Herbst") == 1
    # the sub-heading right after the "read also" header repeats the table of contents: it stays
    assert "Kosten steigen deutlich" in c.body and c.related_teasers == ()
    assert PARA_C in c.body and "Lesen Sie" not in c.body
    assert "removed: table of contents (2 lines)" in c.warnings


def test_share_menu_items_after_share_header():
    text = "\n".join(["  • Artikel teilen:", "  • Wärmepumpen gefragt wie nie", "  • Handwerk sucht Fachkräfte",
                      "", PARA_A, PARA_B])
    c = clean_text(text)
    assert c.body == PARA_A + "\n" + PARA_B


def test_trailing_footer_keywords_and_short_leftovers():
    text = "\n".join([PARA_A, PARA_B, "Stadtwerke Energie Fernwärme Heizkosten Winter",
                      "Neueste Nachrichten aus der Region", "Seitenende", "Kontaktformular"])
    c = clean_text(text)
    assert c.body == PARA_A + "\n" + PARA_B
    assert c.tags[:3] == ("Stadtwerke", "Energie", "Fernwärme")


def test_min_kept_ratio_falls_back_to_exact_patterns():
    lines = [PARA_A] + [f"- Kurzmeldung Nummer {i} aus dem Ressort" for i in range(8)]
    text = "\n".join(["Meistgelesen", *lines[1:], PARA_A])
    c = clean_text(text, min_kept_ratio=0.9)
    assert "Kurzmeldung Nummer 3" in c.body
    assert any(w.startswith("doubt: structural rules") for w in c.warnings)
    strict = clean_text(text, min_kept_ratio=0.0)
    assert "Kurzmeldung" not in strict.body


def test_single_line_clean_text_is_untouched():
    text = (f"{PARA_A} {PARA_B} {PARA_C} Wien – Auch in Österreich wird über Fernwärme gestritten. "
            "Dort kündigten die Versorger an, ihre Netze bis 2030 auszubauen.")
    c = clean_text(text)
    assert c.body == text and c.warnings == () and c.title is None


def test_a_lone_short_line_is_text_not_a_title():
    c = clean_text("Kurzmeldung ohne Punkt am Ende")
    assert c.body == "Kurzmeldung ohne Punkt am Ende" and c.title is None


def test_more_footer_notes_and_read_on_headers():
    text = "\n".join([PARA_A, PARA_B, "Dieser Artikel wurde mit Material der Agenturen dpa und AFP erstellt.",
                      "(dpa/afp)", "Zum Weiterlesen:", "Wärmepumpe oder Fernwärme? Ein Vergleich der Kosten"])
    c = clean_text(text)
    assert c.body == PARA_A + "\n" + PARA_B
    assert c.related_teasers == ("Wärmepumpe oder Fernwärme? Ein Vergleich der Kosten",)


def test_header_without_separator_is_a_label_not_a_teaser():
    c = clean_text("\n".join([PARA_A, PARA_B, "Mehr aus dem Ressort Wirtschaft"]))
    assert c.related_teasers == () and c.body == PARA_A + "\n" + PARA_B
