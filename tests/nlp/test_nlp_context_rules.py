"""Context rules of the number and date finders: tense of the sentence around a weekday or a
month, label nouns before numbers, "über" after a verb, fraction nouns, "von heute"."""
from __future__ import annotations

import pytest

from lagebild.nlp.dates import find_dates
from lagebild.nlp.numbers import find_quantities
from lagebild.nlp.tense import sentence_tense

PUB = "2025-06-04T09:00"  # a Wednesday


@pytest.mark.parametrize("text, tense", [
    ("Am Donnerstag will die Kommission über das Paket entscheiden.", "future"),
    ("Im Oktober soll die Brücke eröffnet werden.", "future"),
    ("Die Ministerin könnte im Herbst zurücktreten.", "future"),
    ("Im Februar stieg die Zahl der Anträge deutlich.", "past"),
    ("Die Preise sind im Januar gesunken.", "past"),
    ("Im März hatten die Behörden gewarnt.", "past"),
    ("Am Montag tagt der Ausschuss.", None),  # present: the caller keeps its default
    ("Er rechne ab Oktober mit ersten Lieferungen, sagte der Sprecher.", None),
    ("Am Freitag trifft sich die Runde.", None),
])
def test_sentence_tense(text: str, tense: str | None) -> None:
    assert sentence_tense(text, 0, 3) == tense


def _dates(text: str) -> list[tuple[str, str | None]]:
    return [(d.text, d.time.start) for d in find_dates(text, PUB)]


def test_weekday_in_a_future_sentence_is_the_coming_one() -> None:
    assert _dates("Am Freitag will der Stadtrat abstimmen.") == [("Am Freitag", "2025-06-06")]
    assert _dates("Am Freitag stimmte der Stadtrat ab.") == [("Am Freitag", "2025-05-30")]
    # the same weekday as publication stays that day
    assert _dates("Am Mittwoch will der Stadtrat abstimmen.") == [("Am Mittwoch", "2025-06-04")]


def test_month_without_year_follows_the_tense() -> None:
    assert _dates("Im September fiel der Umsatz um zwei Prozent.") == [("Im September", "2024-09-01")]
    assert _dates("Im Februar soll die neue Linie starten.") == [("Im Februar", "2026-02-01")]
    assert _dates("Im September beginnt das neue Schuljahr.") == [("Im September", "2025-09-01")]
    assert _dates("Im Februar fiel der Umsatz.") == [("Im Februar", "2025-02-01")]


def test_von_heute_is_no_day() -> None:
    assert _dates("Die Städte von heute wachsen schnell.") == []
    assert _dates("Das änderte sich von heute auf morgen.") == []
    assert _dates("Von heute an gilt das Verbot.") == [("heute", "2025-06-04")]


def _quantities(text: str) -> list[tuple[str, float, str, str]]:
    return [(q.text, round(q.value, 4), q.unit, q.qualifier) for q in find_quantities(text)]


@pytest.mark.parametrize("text", [
    "Artikel 12 der Satzung regelt den Austritt.",
    "Laut Absatz 3 ist das erlaubt.",
    "Die Zahl steht auf Seite 14 des Berichts.",
    "Das regelt § 7 des Gesetzes.",
    "Der Zug fährt von Gleis 9 ab.",
])
def test_numbers_after_label_nouns_are_no_quantities(text: str) -> None:
    assert _quantities(text) == []


def test_uber_after_a_verb_is_a_preposition() -> None:
    assert _quantities("Die Flotte verfügt über 40 Schiffe.") == [("40 Schiffe", 40.0, "item", "exact")]
    assert _quantities("Der Verband berichtete über 12 Fälle.")[0][3] == "exact"
    assert _quantities("Die Behörde meldete, dass über 40 Schiffe fehlen.")[0][3] == "more_than"
    assert _quantities("Über 40 Schiffe liefen aus.")[0][3] == "more_than"


@pytest.mark.parametrize("text, value, qualifier", [
    ("Zwei Drittel der Befragten stimmten zu.", 0.6667, "exact"),
    ("Fast ein Viertel der Lieferungen fehlte.", 0.25, "approx"),
    ("Mehr als drei Fünftel der Mittel flossen ab.", 0.6, "more_than"),
])
def test_fraction_nouns_give_shares(text: str, value: float, qualifier: str) -> None:
    (got,) = _quantities(text)
    assert got[1:] == (value, "share", qualifier)
