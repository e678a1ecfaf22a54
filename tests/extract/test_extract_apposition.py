"""Subjects written as an apposition of a head noun and a name ("Der Rüstungskonzern X liefert",
"Das Nachbarland X verurteilte"): invented sentences about the invented states of
tests/extract/data/test_kb.jsonl."""
from __future__ import annotations


import pytest


@pytest.mark.parametrize("text, want", [
    ("Der Rüstungskonzern Rheinmetall liefert Cerulien weitere 20 Haubitzen.", ("AID", "DE", "XC")),
    ("Der Konzern Rheinmetall hat Estravien 300 Granaten geliefert.", ("AID", "DE", "XE")),
    ("Der US-Hersteller Lockheed Martin liefert Fenmark zwölf Kampfjets.", ("AID", "US", "XF")),
    ("Das Nachbarland Fenmark liefert Cerulien 30 Haubitzen.", ("AID", "XF", "XC")),
    ("Der Inselstaat Dravonien verurteilte Borlandien scharf.", ("ACCUSE", "XD", "XB")),
])
def test_name_in_apposition_is_the_subject(triples, text, want):
    assert want in triples(text)


def test_company_in_apposition_acts_in_deliveries_only(triples):
    assert not triples("Der Rüstungskonzern Rheinmetall kritisierte Cerulien scharf.")


def test_arms_maker_from_a_state_gives_for_it_in_deliveries_only(triples):
    assert ("AID", "XF", "XC") in triples("Ein Waffenhersteller aus Fenmark hat Cerulien 300 Granaten geliefert.")
    assert ("AID", "XB", "XE") in triples("Der Rüstungskonzern aus Borlandien liefert Estravien neue Drohnen.")
    assert not triples("Der Rüstungskonzern aus Fenmark kritisierte Cerulien scharf.")


def test_radar_sets_are_delivered_items(triples):
    assert ("AID", "XF", "XC") in triples(
        "Das Verteidigungsministerium in Fenholm kündigte die Lieferung von Radargeräten an Cerulien an.")
    assert not triples("Der Wetterdienst in Fenholm stellte neue Regenradaranlagen auf.")
