"""Near-duplicates and claims on hand-built records (invented texts, fictional states XB/XS)."""
from __future__ import annotations

from typing import Any

from lagebild.aggregate import build_claims, find_duplicates, run_all
from lagebild.aggregate.claims import ClaimSettings, independent_sources

TEXT = ("Die Regierung von Bordurien hat nach eigenen Angaben eine weitere Lieferung von "
        "Aufklärungsdrohnen an das Nachbarland Syldavien abgeschlossen. Der Verteidigungsminister "
        "sprach am Dienstag in der Hauptstadt von einem wichtigen Schritt für die Sicherheit der "
        "Region. Beobachter der Vereinten Nationen zeigten sich besorgt und verlangten Aufklärung "
        "über Herkunft und Zahl der Geräte. Die Opposition kritisierte die Geheimhaltung scharf "
        "und forderte eine Debatte im Parlament noch vor der Sommerpause.")
OTHER = ("Der Tabellenführer gewann das Derby vor ausverkauftem Haus mit drei zu eins. Zwei Tore "
         "fielen nach Standardsituationen, der Trainer lobte die Moral seiner Mannschaft und "
         "kündigte für die kommende Woche eine Pause für mehrere angeschlagene Spieler an.")


def art(aid: str, body: str, published: str | None = None, outlet: str | None = None,
        **kw: Any) -> dict[str, Any]:
    return {"id": aid, "body": body, "published": published, "outlet": outlet, **kw}


def ev(eid: str, aid: str, etype: str, actor: str | None, target: str | None, item: str | None = None,
       **kw: Any) -> dict[str, Any]:
    return {"id": eid, "article_id": aid, "type": etype, "sentence": kw.pop("sentence", 0),
            "actor": {"text": actor, "country": actor} if actor else None,
            "target": {"text": target, "country": target} if target else None,
            "item": {"text": item, "category": item} if item else None, **kw}


# --------------------------------------------------------------------------- dedup
def test_near_copy_is_found_and_points_to_the_earliest() -> None:
    edited = TEXT.replace("am Dienstag", "am späten Dienstag") + " Eine Stellungnahme steht aus."
    arts = [art("late", edited, "2025-05-02T09:00"), art("early", TEXT, "2025-05-01T08:00"),
            art("sport", OTHER, "2025-05-01")]
    d = find_duplicates(arts)
    assert [(p.a, p.b) for p in d.pairs] == [("early", "late")]
    assert 0.7 <= d.pairs[0].jaccard < 1
    assert d.duplicate_of == {"late": "early"}


def test_truncated_copy_counts_by_containment_and_threshold_is_configurable() -> None:
    half = TEXT[: len(TEXT) // 2]
    arts = [art("full", TEXT, "2025-05-01"), art("short", half, "2025-05-03")]
    assert find_duplicates(arts).duplicate_of == {"short": "full"}
    assert find_duplicates(arts, containment=1.01).duplicate_of == {}
    near = [art("x", TEXT), art("y", TEXT.replace("Dienstag", "Mittwoch"))]
    assert find_duplicates(near).duplicate_of == {"y": "x"}
    assert find_duplicates(near, threshold=0.99, containment=1.01).duplicate_of == {}


def test_different_articles_are_not_duplicates_and_empty_bodies_are_ignored() -> None:
    arts = [art("a", TEXT), art("b", OTHER), art("c", ""), art("d", "")]
    assert find_duplicates(arts).pairs == ()


# --------------------------------------------------------------------------- claims
def claim_for(claims: list, item: str | None, actor: str = "XB") -> Any:
    hits = [c for c in claims if c.item == item and c.actor == actor]
    assert len(hits) == 1, claims
    return hits[0]


def test_events_merge_across_outlets_with_corroboration_and_no_conflict() -> None:
    arts = [art("a1", TEXT, "2025-05-01", "eins.example"), art("a2", "x", "2025-05-02", "zwei.example"),
            art("a3", "x", "2025-05-03", "drei.example"), art("a4", "x", "2025-05-04", "eins.example")]
    evs = [
        ev("e1", "a1", "AID", "XB", "XS", "drones", quantity={"text": "mindestens 200", "value": 200,
                                                          "qualifier": "at_least", "unit": "item"},
           attribution={"text": "laut UN-Beobachtern", "entity_id": "UN", "country": "UN"},
           certainty="reported"),
        ev("e2", "a2", "COOPERATE", "XB", "XS", "drones", quantity={"text": "über 200", "value": 200,
                                                                "qualifier": "more_than"}),
        ev("e3", "a3", "AID", "XB", "XS", "drones"),  # a syndicated copy of a2
        ev("e4", "a4", "AID", "XB", "XS", "drones"),  # same outlet as a1
        ev("e5", "a1", "AID", "XB", "XS", "money"),  # another item: another claim
    ]
    claims = build_claims(evs, arts, duplicate_of={"a3": "a2"})
    c = claim_for(claims, "drones")
    assert c.type == "AID" and c.target == "XS"
    assert c.events == ("e1", "e2", "e3", "e4") and c.articles == ("a1", "a2", "a3", "a4")
    assert c.corroboration == 2
    assert c.outlets == ("drei.example", "eins.example", "zwei.example")
    assert c.sources == ("UN",)
    assert [q["qualifier"] for q in c.quantities] == ["at_least", "more_than"]
    assert not c.conflict and c.conflict_reason is None
    assert (c.first_seen, c.last_seen) == ("2025-05-01", "2025-05-04")
    assert claim_for(claims, "money").corroboration == 1


def test_quantities_beyond_tolerance_conflict_with_a_reason() -> None:
    arts = [art("a1", "x", outlet="eins.example"), art("a2", "x", outlet="zwei.example")]
    evs = [ev("e1", "a1", "AID", "XB", "XS", "weapons", quantity={"value": 50, "qualifier": "exact", "text": "50"}),
           ev("e2", "a2", "AID", "XB", "XS", "weapons", quantity={"value": 500, "qualifier": "exact", "text": "500"})]
    c = claim_for(build_claims(evs, arts), "weapons")
    assert c.conflict and "quantities differ" in (c.conflict_reason or "")
    evs[1]["quantity"] = {"value": 52, "qualifier": "approx"}
    assert not claim_for(build_claims(evs, arts), "weapons").conflict
    evs[1].update(quantity={"value": 500, "qualifier": "exact"}, certainty="planned")
    assert not claim_for(build_claims(evs, arts), "weapons").conflict  # a plan is no contradiction


def test_denied_and_asserted_contradict() -> None:
    arts = [art("a1", "x"), art("a2", "x")]
    evs = [ev("e1", "a1", "AID", "XB", "XS", "weapons", certainty="asserted"),
           ev("e2", "a2", "AID", "XB", "XS", "weapons", certainty="denied")]
    c = claim_for(build_claims(evs, arts), "weapons")
    assert c.conflict and "certainties contradict" in (c.conflict_reason or "")


def test_a_denial_by_a_party_nearby_marks_the_claim() -> None:
    arts = [art("a1", "x")]
    evs = [ev("e1", "a1", "AID", "XS", "XB", "missiles", certainty="alleged", sentence=4),
           ev("e2", "a1", "REJECT", "XB", None, certainty="denied", sentence=6),
           ev("e3", "a1", "AID", "XS", "XB", "training", sentence=20)]  # too far from the denial
    claims = build_claims(evs, arts)
    c = claim_for(claims, "missiles", actor="XS")
    assert c.conflict and "denied by XB" in (c.conflict_reason or "")
    assert not claim_for(claims, "training", actor="XS").conflict


def test_a_targetless_denial_joins_the_claim_it_denies() -> None:
    arts = [art("a1", "x", outlet="eins.example"), art("a2", "x", outlet="zwei.example")]
    evs = [ev("e1", "a1", "AID", "XS", "XB", "missiles", certainty="reported", sentence=2),
           ev("e2", "a2", "AID", "XS", None, "missiles", certainty="denied", sentence=0),
           ev("e3", "a2", "REJECT", "XB", None, certainty="denied", sentence=0),
           ev("e4", "a2", "AID", "XS", "XB", "missiles", certainty="alleged", sentence=7)]
    c = claim_for(build_claims(evs, arts), "missiles", actor="XS")
    assert c.events == ("e1", "e2", "e4") and c.corroboration == 2
    assert "certainties contradict: denied by XS" in (c.conflict_reason or "")
    assert "denied by XB, XS in article a2" in (c.conflict_reason or "")  # denials before the statement


def test_incompatible_times_split_and_unresolved_joins() -> None:
    arts = [art("a1", "x"), art("a2", "x"), art("a3", "x")]
    evs = [ev("e1", "a1", "AID", "XB", "XS", "petroleum", time={"start": "2019-03-01", "end": "2019-03-31"}),
           ev("e2", "a2", "AID", "XB", "XS", "petroleum", time={"start": "2025-01-01", "end": "2025-12-31"}),
           ev("e3", "a3", "AID", "XB", "XS", "petroleum", time={"start": None})]
    claims = [c for c in build_claims(evs, arts) if c.item == "petroleum"]
    assert len(claims) == 2
    assert sorted(len(c.events) for c in claims) == [1, 2]
    merged = build_claims(evs, arts, settings={"time_slack_days": 4000})
    assert len(merged) == 1


def test_symmetric_types_merge_in_either_direction_and_actorless_events_are_left_out() -> None:
    arts = [art("a1", "x"), art("a2", "x")]
    evs = [ev("e1", "a1", "CONSULT", "XS", "XB"), ev("e2", "a2", "CONSULT", "XB", "XS"),
           ev("e3", "a2", "AID", None, "XS", "drones")]
    claims = build_claims(evs, arts)
    assert len(claims) == 1 and claims[0].events == ("e1", "e2")


def test_independent_sources_count_outlets_and_copies_once() -> None:
    arts = {"a": {"outlet": "www.eins.example"}, "b": {"outlet": "eins.example"}, "c": {}, "d": {}}
    assert independent_sources(["a", "b", "c", "d"], arts, {"d": "c"}) == 2
    assert independent_sources(["c", "d"], arts, {}) == 2


def test_claim_ids_are_stable_and_settings_parse() -> None:
    arts = [art("a1", "x")]
    evs = [ev("e1", "a1", "AID", "XB", "XS", "drones")]
    assert build_claims(evs, arts)[0].id == build_claims(evs, arts)[0].id
    assert ClaimSettings.from_mapping({"time_slack_days": "30"}).time_slack_days == 30


def test_run_all_returns_everything() -> None:
    arts = [art("a1", TEXT, "2025-05-01", "eins.example"), art("a2", TEXT + " Ende.", "2025-05-02", "zwei.example")]
    evs = [ev("e1", "a1", "AID", "XB", "XS", "drones"), ev("e2", "a2", "AID", "XB", "XS", "drones")]
    claims, stories, story_of, dups = run_all(arts, evs, [], {})
    assert dups == {"a2": "a1"}
    assert claims[0].corroboration == 1  # the copy does not corroborate
    assert len(stories) == 1 and story_of == {"a1": stories[0].id, "a2": stories[0].id}
