"""Non-delivery event types, arms makers and approvals (invented sentences about the invented
states of tests/extract/data/test_kb.jsonl; none of them is in validation.jsonl)."""
from __future__ import annotations


import pytest


@pytest.mark.parametrize("text, want", [
    ("Der dravonische Präsident weilte zu Gesprächen in Arvstadt.", ("CONSULT", "XD", "XA")),
    ("Kanzlerin Petra Borsk hielt sich zu politischen Gesprächen in Fenholm auf.", ("CONSULT", "XB", "XF")),
    ("Die Verteidigungsminister Dravoniens und Fenmarks berieten über die Lage.", ("CONSULT", "XD", "XF")),
    ("Cerulien und Estravien unterschrieben einen Nichtangriffspakt.", ("AGREE", "XC", "XE")),
    ("In Dravo erzielten Borlandien und Fenmark eine Einigung über den Grenzverlauf.", ("AGREE", "XB", "XF")),
    ("Arvanien solidarisierte sich mit Estravien.", ("SUPPORT", "XA", "XE")),
    ("Fenmark bezichtigte Dravonien der Spionage.", ("ACCUSE", "XF", "XD")),
    ("Arvanien übte scharfe Kritik an Borlandien.", ("ACCUSE", "XA", "XB")),
    ("Borlandien stellte Cerulien ein Ultimatum.", ("THREATEN", "XB", "XC")),
    ("Das Parlament in Ceruna verwarf den Vorschlag Arvaniens.", ("REJECT", "XC", "XA")),
    ("Estravien legte bei der Regierung in Borgrad scharfen Protest ein.", ("PROTEST", "XE", "XB")),
    ("Fenmark appellierte an Dravonien, die Gefangenen freizulassen.", ("REQUEST", "XF", "XD")),
])
def test_non_delivery_types(quads, text, want):
    assert want in {k[:3] for k in quads(text)}


def test_threat_without_target_needs_its_actor_first(quads):
    assert ("THREATEN", "XD", None, "asserted") in quads("Dravonien drohte mit harten Gegenmaßnahmen.")
    assert not quads("Dravonien droht im Herbst die Staatspleite.")


def test_arms_maker_gives_for_its_state_only_in_deliveries(quads):
    assert ("AID", "XB", "XC", "asserted") in quads(
        "Der borländische Rüstungskonzern hat Cerulien 200 Haubitzen geliefert.")
    assert ("AID", "DE", "UA", "asserted") in quads("Rheinmetall schickt der Ukraine neue Munition.")
    assert not quads("Rheinmetall kritisierte die Bundesregierung scharf.")


def test_approval_of_a_sale_is_a_planned_delivery(quads):
    assert ("AID", "XA", "XE", "planned") in quads("Arvanien genehmigte den Verkauf von Haubitzen an Estravien.")
    assert ("AID", "XF", "XC", "planned") in quads(
        "Die Regierung in Fenholm gab grünes Licht für den Export von Granaten nach Cerulien.")


@pytest.mark.parametrize("text", [
    "Der Vorstand lehnte das Angebot des borländischen Investors ab.",
    "Die Gewerkschaft forderte die Arbeitgeber in Arvanien auf, die Löhne zu erhöhen.",
    "Der Trainer der Nationalmannschaft kritisierte den Schiedsrichter.",
    "Tausende Arvanier hielten sich illegal in Borlandien auf.",
    "Der Autohersteller aus Cerulien drohte mit der Schließung eines Werks.",
])
def test_no_state_event_in_other_news(quads, text):
    assert not quads(text)
