"""Date mentions beyond the expression table: unresolved without a date, robustness, stage."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from lagebild.model import Article, Doc, RawDoc
from lagebild.nlp import datecalc as dc
from lagebild.nlp.dates import find_dates, make_stage


def test_relative_stays_unresolved_without_published() -> None:
    for d in find_dates("Gestern und vergangene Woche, im Herbst vergangenen Jahres.", None):
        assert d.time.start is None and d.time.end is None and d.time.granularity


def test_bad_published_counts_as_none() -> None:
    (d,) = find_dates("Gestern kam er.", "not a date")
    assert d.time.start is None


def test_offsets_point_into_text() -> None:
    text = "Die Gespräche begannen im Oktober 2023 und endeten Anfang 2024."
    found = find_dates(text, "2024-05-01")
    assert [text[d.start:d.end] for d in found] == ["im Oktober 2023", "Anfang 2024"]
    assert found[1].time.granularity == "part_of_year"


def test_far_relative_dates_do_not_raise() -> None:
    assert find_dates("Vor 8000 Jahren lebten hier Menschen.", "2025-01-01") == []


def test_season_instances() -> None:
    pub = dc.parse_published("2025-01-10")
    assert pub is not None
    assert dc.season_instance(pub, 12, 0)[0].isoformat() == "2024-12-01"
    assert dc.season_instance(pub, 12, -1)[0].isoformat() == "2023-12-01"
    assert dc.season_instance(pub, 6, 1)[0].isoformat() == "2025-06-01"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="0123456789 .,/-Imvorgesternam Juni Herbst vergangenen Jahres Ende Anfang Quartal ersten",
               max_size=80))
def test_never_raises(text: str) -> None:
    for d in find_dates(text, "2025-06-04"):
        assert text[d.start:d.end] == d.text
        assert d.time.granularity in dc.__dict__.get("GRANULARITIES", (
            "day", "week", "month", "season", "quarter", "half", "part_of_year", "year"))


def test_stage_uses_published() -> None:
    body = "Am Dienstag kam der Minister."
    doc = Doc(raw=RawDoc("t", b"", "text"),
              article=Article(id="a", body=body, language="de", published="2025-06-04T08:48"))
    out = make_stage({})(doc)
    assert out.dates[0].time.start == "2025-06-03"


def test_weekday_compounds_weekends_decades() -> None:
    found = {d.text: d.time for d in find_dates(
        "Am Dienstagabend kam er. Am Wochenende regnete es. In den 1990er Jahren nicht.",
        "2025-06-04T08:48")}
    assert found["Am Dienstagabend"].start == "2025-06-03"
    assert (found["Am Wochenende"].start, found["Am Wochenende"].end) == ("2025-05-31", "2025-06-01")
    assert found["In den 1990er Jahren"].end == "1999-12-31"


def test_bare_weekend_needs_a_preposition() -> None:
    assert find_dates("Nach Verläufen am ersten Wochenende sank die Zahl.", "2025-06-04") == []
