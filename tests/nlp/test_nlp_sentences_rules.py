"""Sentence-boundary rules beyond plain punctuation (invented German sentences): emoticons,
a new quotation after a closed one, a lower-case start after a full word (punctuation
rules); datelines, headings in capitals, bracketed notes, quoted headlines, a new quotation
right after a closed one without punctuation (rules of the bare-boundary pass); and what
must NOT split."""
from __future__ import annotations

import pytest

from lagebild.nlp.sentences import split


def sentences(text: str, *, bare: bool = True) -> list[str]:
    return [text[s.start:s.end] for s in split(text, bare=bare)]


@pytest.mark.parametrize("text,expected", [
    # an emoticon ends a review sentence
    ("Das Frühstück war reichlich :-) Wir kommen sicher wieder.",
     ["Das Frühstück war reichlich :-)", "Wir kommen sicher wieder."]),
    ("Die Bedienung blieb immer freundlich ;) Parken kostet nichts.",
     ["Die Bedienung blieb immer freundlich ;)", "Parken kostet nichts."]),
    ("Leider war das Zimmer kalt :( Ansonsten passte alles.",
     ["Leider war das Zimmer kalt :(", "Ansonsten passte alles."]),
    # a closed quotation followed by a new one, even in lower case
    ('Der Sprecher sagte: "Wir lehnen den Plan ab." "ich halte das für falsch", erwiderte die Landrätin.',
     ['Der Sprecher sagte: "Wir lehnen den Plan ab."', '"ich halte das für falsch", erwiderte die Landrätin.']),
    ("Die Kammer blieb hart: „Es gibt keinen Aufschub.“ „nur so geht es weiter“, hieß es.",
     ["Die Kammer blieb hart: „Es gibt keinen Aufschub.“", "„nur so geht es weiter“, hieß es."]),
    # a period after a full word, then a sentence starting in lower case (sloppy text)
    ("Die Halle wurde gestern geräumt. danach kamen die Gutachter.",
     ["Die Halle wurde gestern geräumt.", "danach kamen die Gutachter."]),
    ("Der Fluss trat im Süden über die Ufer. viele Keller liefen voll.",
     ["Der Fluss trat im Süden über die Ufer.", "viele Keller liefen voll."]),
    # a number with a period before an article or pronoun is no ordinal
    ("Die Ferien beginnen am 3. Unsere Kinder freuen sich.",
     ["Die Ferien beginnen am 3.", "Unsere Kinder freuen sich."]),
    ("Der Verein steht auf Platz 4. Er hofft auf mehr.",
     ["Der Verein steht auf Platz 4.", "Er hofft auf mehr."]),
    # a month name in brackets after a date ordinal
    ("Das Konzert am Samstag (14. März) fällt aus. Karten gelten weiter.",
     ["Das Konzert am Samstag (14. März) fällt aus.", "Karten gelten weiter."]),
])
def test_punctuation_rules_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
    assert sentences(text, bare=False) == expected  # these are punctuation rules


@pytest.mark.parametrize("text", [
    # abbreviations, also word-like ones, before lower-case words
    "Es kamen z. B. die Eltern der Schüler.",
    "Die Kosten stiegen ca. um zehn Prozent.",
    "Genannt wurden u. a. die Schulen und Kindergärten.",
    "Die Preise fielen bzw. stagnierten im Herbst.",
    "Das Buch erschien in der zweiten Aufl. bei einem kleinen Verlag.",
    "Die Praxis liegt in der Hauptstr. neben der Apotheke.",
    "Die Kirche stammt aus dem 12. Jahrh. und wurde oft umgebaut.",
    "Geladen waren Dr. Weber, Prof. Lindner und Nr. 5 der Liste.",
    # ordinals and dates, list items
    "Am 4. Juni beginnt der 3. Bauabschnitt.",
    "Der 1. FC Neustadt spielt in der 3. Liga.",
    "Die Sitzung vom 12. März wurde auf den 3. April verschoben.",
    # quotes: a closing quote followed by lower case, a quoted word at the start
    'Sie nannte das Projekt "Zukunft" "eher ein Wunschbild" und lachte.',
    'Er sagte: "Wir warten." und ging hinaus.',
    '"Offene" Fragen gibt es nach der Sitzung noch viele.',
    "„Schwierig“ Sei die Lage nicht, meinte der Experte.",
    # emoticon-like characters inside a sentence
    "Das Spiel endete 3:2 nach Verlängerung.",
    "Die Ausstellung (bis 4. Mai) zeigt Werke aus Prag.",
    # capitals that are acronyms, not headings
    "Die NATO und die OSZE beraten mit der UNESCO über die Hilfe.",
    "Laut einer Umfrage des STANDARD sind viele Leser zufrieden.",
])
def test_no_boundary(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize("text,expected", [
    # a closed quotation (no punctuation), then a new one opening with a capital
    ('Die Zeitung titelte "Kein Geld für neue Brücken" "Die Lage ist ernst", sagte der Kämmerer.',
     ['Die Zeitung titelte "Kein Geld für neue Brücken"', '"Die Lage ist ernst", sagte der Kämmerer.']),
    ("Er warb für ``Ruhe und Besonnenheit'' ``Wir schaffen das'', rief er.",
     ["Er warb für ``Ruhe und Besonnenheit''", "``Wir schaffen das'', rief er."]),
    ("Der Slogan lautet „Heimat braucht Zukunft“ „Das ist hohl“, spottete die Opposition.",
     ["Der Slogan lautet „Heimat braucht Zukunft“", "„Das ist hohl“, spottete die Opposition."]),
    # a headline glued to a sentence that opens with a possessive determiner
    ("Trainer verlässt den Verein Sein Nachfolger steht schon fest.",
     ["Trainer verlässt den Verein", "Sein Nachfolger steht schon fest."]),
    # datelines
    ("Streit um Windräder MÜNCHEN, 3. Mai (dpa). Der Landtag hat das Gesetz beschlossen.",
     ["Streit um Windräder", "MÜNCHEN, 3. Mai (dpa).", "Der Landtag hat das Gesetz beschlossen."]),
    ("Hafen bleibt geschlossen BAD KREUZNACH (epd / kna). Die Stadt prüft weitere Schritte.",
     ["Hafen bleibt geschlossen", "BAD KREUZNACH (epd / kna).", "Die Stadt prüft weitere Schritte."]),
    # a heading in capitals between two sentences
    ("Die Sitzung endete spät. WIRTSCHAFTSNACHRICHTEN Frankfurter Banken melden Gewinne.",
     ["Die Sitzung endete spät.", "WIRTSCHAFTSNACHRICHTEN", "Frankfurter Banken melden Gewinne."]),
    ("Bericht von Anna Berg AUS DEM GERICHTSSAAL Zwei Zeugen sagten aus.",
     ["Bericht von Anna Berg", "AUS DEM GERICHTSSAAL", "Zwei Zeugen sagten aus."]),
    # a bracketed note after a sentence
    ("Die Gespräche gehen weiter. (Siehe auch Seite 4) Wir berichten morgen.",
     ["Die Gespräche gehen weiter.", "(Siehe auch Seite 4)", "Wir berichten morgen."]),
    ("Die Sperre gilt bis Montag. (red, 4.5.2021) Ergebnisse der Gemeinderatswahl folgen.",
     ["Die Sperre gilt bis Montag.", "(red, 4.5.2021)", "Ergebnisse der Gemeinderatswahl folgen."]),
    # a quoted headline of several words, then the report
    ("Die Debatte läuft. „Mehr Geld für kleine Schulen“ Viele Eltern unterstützen die Forderung.",
     ["Die Debatte läuft.", "„Mehr Geld für kleine Schulen“", "Viele Eltern unterstützen die Forderung."]),
    ("Der Wahlkampf beginnt. ``Kein Pakt mit den Extremen'' Mit diesem Satz trat sie an.",
     ["Der Wahlkampf beginnt.", "``Kein Pakt mit den Extremen''", "Mit diesem Satz trat sie an."]),
])
def test_bare_rules_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
    assert len(sentences(text, bare=False)) < len(expected)  # switched off with the model


def test_numbered_list_items_keep_their_number() -> None:
    text = "Die Forderungen:\n1. Der Haushalt wird geprüft.\n2. Die Schulen bekommen mehr Geld."
    assert sentences(text) == ["Die Forderungen:", "1. Der Haushalt wird geprüft.",
                               "2. Die Schulen bekommen mehr Geld."]
    assert sentences("Die Forderungen: 1. Der Haushalt wird geprüft.") == [
        "Die Forderungen: 1. Der Haushalt wird geprüft."]


def test_no_bare_boundary_before_a_heading_inside_a_quotation() -> None:
    text = "„Wir lesen täglich die WIRTSCHAFTSNACHRICHTEN Frankfurter Zeitungen“, sagte er."
    assert sentences(text) == [text]
