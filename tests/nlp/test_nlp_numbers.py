"""Numbers and quantities beyond the expression table: parsing, offsets, robustness."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from lagebild.nlp.numbers import find_quantities
from lagebild.nlp.numwords import parse_digits, parse_number, parse_word


def test_parse_digits() -> None:
    assert parse_digits("11.000") == 11000
    assert parse_digits("11 000") == 11000
    assert parse_digits("10'000") == 10000
    assert parse_digits("1,5") == 1.5
    assert parse_digits("1.234.567,89") == 1234567.89
    assert parse_digits("3.10") is None
    assert parse_digits("14:30") is None


def test_parse_words() -> None:
    assert parse_word("zweiundzwanzig") == 22
    assert parse_word("dreihundertfünfzig") == 350
    assert parse_word("Zwölftausend") == 12000
    assert parse_word("einhundert") == 100
    assert parse_word("Achtung") is None
    assert parse_word("und") is None
    assert parse_number("fünf") == 5 and parse_number("2.500") == 2500


def test_quantity_offsets_and_text() -> None:
    text = "Laut Bericht wurden rund 4.000 Tonnen Reis und mindestens 300 Lastwagen geschickt."
    found = find_quantities(text)
    assert [q.value for q in found] == [4000, 300]
    for q in found:
        assert text[q.start:q.end] == q.text
    assert found[0].unit == "tonne" and found[0].qualifier == "approx"
    assert found[1].counts == "Lastwagen" and found[1].qualifier == "at_least"


def test_years_dates_and_ordinals_are_not_quantities() -> None:
    text = "Am 3. März 2021 trat er zum 2. Mal an; seit 2019 spielt er in Linz."
    assert find_quantities(text) == []


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="0123456789 .,'’-–:/€$%abcdeMioMrdTsd Euro Soldaten rund über bis zwischen und \n",
               max_size=80))
def test_never_raises_and_offsets_hold(text: str) -> None:
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text
        assert q.qualifier in ("exact", "approx", "at_least", "more_than", "at_most", "range")


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=999_999_999))
def test_german_thousands_round_trip(n: int) -> None:
    written = f"{n:,}".replace(",", ".")
    assert parse_digits(written) == n


def test_time_spans_and_periods_are_not_quantities() -> None:
    assert find_quantities("Die Sitzung dauerte von 9 bis 17 Uhr.") == []
    assert find_quantities("Haaland traf in der 12. und 78. Minute.") == []
    assert find_quantities("Der Krieg begann vor mehr als zwei Jahren.") == []
    (q,) = find_quantities("Die Debatte dauerte drei Stunden.")
    assert q.value == 3 and q.counts == "Stunden"


def test_glued_suffixes() -> None:
    assert find_quantities("In den 90er Jahren gab es das 5G-Netz nicht.") == []
    (q,) = find_quantities("Der Lauf führte über 5km durch den Wald.")
    assert q.value == 5 and q.unit == "km"


def test_attributive_ordinal_is_not_a_quantity() -> None:
    assert find_quantities("Die am Donnerstag stattfindende 63. Konferenz beginnt in Rom.") == []
