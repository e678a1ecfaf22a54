"""The event coder on invented sentences about invented states (tests/extract/data/test_kb.jsonl)."""
from __future__ import annotations


import pytest

from lagebild.model import DateMention, TimeValue



def key(e: dict) -> tuple:
    return (e["type"], (e["actor"] or {}).get("country"), (e["target"] or {}).get("country"),
            (e["item"] or {}).get("category"))


def keys(evs: list[dict]) -> set[tuple]:
    return {key(e) for e in evs}


def test_active_with_dative_recipient(code):
    assert keys(code("Cerulien liefert Estravien neue Kampfdrohnen.")) == {("AID", "XC", "XE", "drones")}


def test_passive_with_von_and_an(code):
    evs = code("Die Granaten wurden von Fenmark an Dravonien übergeben.")
    assert keys(evs) == {("AID", "XF", "XD", "ammunition")}


def test_recipient_as_object_with_mit(code):
    assert keys(code("Dravonien hat die cerulische Marine mit Marschflugkörpern ausgerüstet.")) == {
        ("AID", "XD", "XC", "missiles")}


def test_support_verb_construction_zur_verfuegung(code):
    assert keys(code("Arvanien stellte Fenmark 400 Soldaten zur Verfügung.")) == {
        ("AID", "XA", "XF", "military_personnel")}


def test_receive_frame_reverses_roles(code):
    assert keys(code("Borlandien bekam aus Estravien mehrere Haubitzen.")) == {("AID", "XE", "XB", "weapons")}


def test_nominalisation_with_possessive_genitive(code):
    evs = code("Fenmarks Munitionslieferungen an Borlandien sind umstritten.")
    assert keys(evs) == {("AID", "XF", "XB", "ammunition")}


def test_coordination_gives_two_items_and_in_return_reverses(code):
    evs = code("Dravonien liefert Cerulien Raketen und Granaten und erhält im Gegenzug Erdöl.")
    assert keys(evs) == {("AID", "XD", "XC", "missiles"), ("AID", "XD", "XC", "ammunition"),
                         ("AID", "XC", "XD", "petroleum")}


def test_person_acting_for_a_state(code):
    assert keys(code("Kiro Drav schickte Präsident Tomas Arven weitere Drohnen.")) == {
        ("AID", "XD", "XA", "drones")}


def test_denial_gives_reject_and_denied_event(code):
    evs = code("Borlandien bestritt, Drohnen an Cerulien geliefert zu haben.")
    assert keys(evs) == {("REJECT", "XB", None, None), ("AID", "XB", "XC", "drones")}
    assert {e["certainty"] for e in evs} == {"denied"}


def test_negated_delivery_is_denied(code):
    evs = code("Fenmark liefert Dravonien keine Panzer.")
    aid = [e for e in evs if e["type"] == "AID"]
    assert aid and aid[0]["certainty"] == "denied"
    assert ("REJECT", "XF", None, None) in keys(evs)


@pytest.mark.parametrize("text,certainty", [
    ("Arvanien soll Borlandien Raketen geliefert haben.", "alleged"),
    ("Arvanien könnte Borlandien Raketen liefern.", "possible"),
    ("Arvanien plant, Borlandien Raketen zu liefern.", "planned"),
    ("Laut dem Borgrader Tageblatt hat Arvanien Borlandien Raketen geliefert.", "reported"),
    ("Arvanien soll nach Angaben aus Fenholm Borlandien Raketen geliefert haben.", "alleged"),
    ("Arvanien hat Borlandien Raketen geliefert.", "asserted"),
])
def test_certainty_order(code, text, certainty):
    evs = [e for e in code(text) if e["type"] == "AID"]
    assert len(evs) == 1 and evs[0]["certainty"] == certainty


def test_attribution_zufolge_and_say_clause(code):
    evs = code("Dem Staatssender DTV zufolge hat Cerulien Estravien Munition geliefert.")
    assert evs and evs[0]["attribution"]["country"] == "XD"
    evs = code("Jan Halm teilte mit, Fenmark habe Estravien Raketen übergeben.")
    assert evs and evs[0]["attribution"]["country"] == "XB" and evs[0]["certainty"] == "alleged"


def test_attribution_is_not_an_actor(code):
    evs = code("Nach Angaben Arvaniens hat Dravonien Cerulien Panzer geliefert.")
    assert keys(evs) == {("AID", "XD", "XC", "weapons")}
    assert evs[0]["attribution"]["country"] == "XA"


def test_quantity_and_qualifiers(code):
    evs = code("Estravien hat Fenmark mehr als 3.000 Granaten geliefert.")
    assert evs[0]["quantity"]["value"] == 3000 and evs[0]["quantity"]["qualifier"] == "more_than"
    evs = code("Arvanien liefert Dravonien Erdöl und überschreitet das Limit von 200.000 Barrel.")
    q = evs[0]["quantity"]
    assert (q["value"], q["qualifier"], q["unit"]) == (200000, "more_than", "barrel")
    evs = code("Cerulien soll Borlandien mindestens ein Luftabwehrsystem geliefert haben.")
    assert (evs[0]["quantity"]["value"], evs[0]["quantity"]["qualifier"]) == (1, "at_least")


def test_time_is_the_clause_date_never_the_publication_date(code):
    text = "Im Mai lieferte Fenmark Estravien Munition."
    tv = TimeValue("Im Mai", "2025-05-01", "2025-05-31", "month")
    evs = code(text, dates=[DateMention("Im Mai", 0, 6, tv)], quantities=[])
    assert evs[0]["time"]["start"] == "2025-05-01"
    evs = code("Fenmark lieferte Estravien Munition.", published="2025-06-01", dates=[], quantities=[])
    assert evs[0]["time"] is None


def test_meeting_and_treaty_and_directed_types(code):
    assert ("CONSULT", "XE", "XF", None) in keys(code("Nils Ostrup traf in Fenholm Premierministerin Sara Fenn."))
    assert ("AGREE", "XA", "XB", None) in keys(code("Arvanien und Borlandien unterzeichneten ein Abkommen."))
    assert keys(code("Dravonien verhängte Sanktionen gegen Estravien.")) == {("SANCTION", "XD", "XE", None)}
    assert keys(code("Cerulische Kampfjets bombardierten Ziele in Borlandien.")) == {("ASSAULT", "XC", "XB", None)}


def test_implicit_actor_from_the_article_context(code):
    evs = code("Cerulien hat Dravonien Raketen geliefert.\nBeide Länder haben die Lieferung bestritten.")
    assert {("REJECT", "XC", None, None), ("REJECT", "XD", None, None)} <= keys(evs)


@pytest.mark.parametrize("text", [
    "Bayern München liefert sich mit Dortmund ein packendes Duell.",
    "Der Wetterdienst warnt vor Sturm in Borlandien.",
    "Amazon liefert vor Weihnachten Millionen Pakete aus.",
    "Arvanien trifft im Halbfinale auf Borlandien.",
    "Die Schauspielerin besuchte ihre Heimatstadt in Cerulien.",
    "Experten aus Fenmark warnen vor steigenden Preisen.",
])
def test_unrelated_news_gives_no_event(code, text):
    assert code(text) == []


def test_ids_are_stable(code):
    a = code("Fenmark liefert Borlandien Munition.")
    b = code("Fenmark liefert Borlandien Munition.")
    assert a[0]["id"] == b[0]["id"] and len(a[0]["id"]) == 16


def test_coordinated_senders_and_receivers(code):
    assert keys(code("Cerulien erhält Drohnen aus Arvanien und Fenmark.")) == {
        ("AID", "XA", "XC", "drones"), ("AID", "XF", "XC", "drones")}
    assert keys(code("Borlandien schickt Soldaten nach Estravien und Dravonien.")) == {
        ("AID", "XB", "XE", "military_personnel"), ("AID", "XB", "XD", "military_personnel")}


def test_aid_mode_and_cameo(code):
    e = code("Fenmark schickte Hilfsgüter nach Cerulien.")[0]
    assert (e["mode"], e["cameo"]) == ("humanitarian", "073")
    e = code("Fenmark schickte Granaten nach Cerulien.")[0]
    assert (e["mode"], e["cameo"]) == ("military", "072")
