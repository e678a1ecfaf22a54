"""The shipped packs on invented German news sentences (no text from ../shared)."""
from __future__ import annotations

import pytest

from lagebild.config import load_settings
from lagebild.kb import load_kb
from lagebild.kb.linker import link_text


@pytest.fixture(scope="module")
def kb():
    return load_kb(load_settings(env={}))


def ids(kb, text: str, published: str | None = None) -> list[tuple[str, str]]:
    return [(text[h.start:h.end], h.entity_id) for h in link_text(kb, text, published)]


@pytest.mark.parametrize("text, surface, eid", [
    ("Der Kremlchef empfing gestern Gäste aus Asien.", "Kremlchef", "Q7747"),
    ("Das Weiße Haus reagierte zurückhaltend.", "Weiße Haus", "US"),
    ("In Pjöngjang wurde gefeiert.", "Pjöngjang", "KP"),
    ("Peking und Tokio verhandeln.", "Peking", "CN"),
    ("Aus Kyjiw kam scharfe Kritik.", "Kyjiw", "UA"),
    ("Laut US-Angaben wurden Raketen verlegt.", "US", "US"),
    ("Die MSMT-Staaten legten einen Bericht vor.", "MSMT", "MSMT"),
    ("Die nordkoreanisch-russischen Beziehungen vertiefen sich.", "nordkoreanisch", "KP"),
    ("Die britische Regierung schweigt.", "britische", "GB"),
    ("Ein Panzir-System wurde gesichtet.", "Panzir", "Pantsir"),
    ("Die Truppen erreichten Charkiw am Abend.", "Charkiw", "kharkiv"),
    ("Er flog nach Wladiwostok.", "Wladiwostok", "vladivostok"),
    ("Der UN-Sicherheitsrat tagt erneut.", "UN-Sicherheitsrat", "UN"),
    ("Die Nato warnt vor Eskalation.", "Nato", "NATO"),
    ("Die Agentur Yonhap meldete neue Starts.", "Yonhap", "Yonhap"),
])
def test_domain_forms(kb, text: str, surface: str, eid: str) -> None:
    assert (surface, eid) in ids(kb, text)


def test_us_president_depends_on_the_article_date(kb) -> None:
    text = "Der US-Präsident kündigte neue Sanktionen an."
    assert ids(kb, text, "2023-03-01") == [("US-Präsident", "Q6279")]
    assert ids(kb, text, "2019-03-01") == [("US-Präsident", "Q22686")]


def test_country_qualified_short_form(kb) -> None:
    assert ids(kb, "Nordkorea-Kim lobt die Armee.") == [("Nordkorea-Kim", "Q56226")]


def test_sport_and_weather_text_has_no_false_mentions(kb) -> None:
    text = ("Bei Regen und Wind verlor die Mannschaft am Samstag mit zwei Toren. Der Trainer "
            "sprach von einer schwachen Leistung, die Fans pfiffen. Morgen wird es sonnig, "
            "die Temperaturen steigen auf bis zu 25 Grad. Essen und Trinken waren teuer.")
    assert ids(kb, text) == []
