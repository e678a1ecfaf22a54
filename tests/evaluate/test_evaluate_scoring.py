"""The scorer on a tiny invented gold file and hand-made contract records."""
from __future__ import annotations

import copy
from typing import Any

import pytest

from lagebild.evaluate import score
from lagebild.evaluate.gold import in_period, match_articles, period

GOLD: dict[str, Any] = {
    "seeds": {
        "a01_lieferung.txt": {
            "kept": ["Die Regierung in Paris bestätigte die Lieferung"],
            "metadata": {"title": "Frankreich liefert Polen Haubitzen", "author": "Erika Muster",
                         "published": "2025-03-02T10:15", "outlet": "beispiel.de",
                         "image_credit": "Foto: Max Bild", "tags": ["Polen", "Frankreich"]},
            "boilerplate_removed": ["Jetzt Newsletter abonnieren"],
            "related_teasers": 2,
            "repairs": [{"broken": "Haubi tzen", "fixed": "Haubitzen"}],
            "entities": [{"id": "FR", "type": "COUNTRY", "forms": ["Frankreich"]},
                         {"id": "Caesar", "type": "WEAPON", "forms": ["Caesar-Haubitzen"]}],
            "events": [
                {"type": "AID", "actor": "FR", "target": "PL", "item": "weapons",
                 "quantity": {"value": 12, "qualifier": "approx"}, "certainty": "reported",
                 "attribution": "PL", "time": {"start": "2025-02"}},
                {"type": "CONSULT", "actor": "PL", "target": "FR"},
                {"type": "SUPPORT", "actor": "DE", "target": "PL", "optional": True},
            ],
            "quotes": [{"speaker": "Q1", "starts_with": "Wir stehen", "channel": "Radio"}],
            "dates": [{"text": "im Februar", "value": "2025-02"}],
        },
        "a02_gipfel.txt": {
            "metadata": {"outlet": None, "published": None},
            "events": [{"type": "AGREE", "actor": "PL", "target": "FR"}],
        },
    },
    "cross_source": {
        "stories": [["a01_lieferung.txt", "a02_gipfel.txt"]],
        "corroborated": [{"actor": "FR", "target": "PL", "item": "weapons",
                          "articles": ["a01", "a02"], "quantities": ["approx 12"],
                          "conflict": False}],
    },
}

BODY1 = ("Frankreich hat Polen im Februar rund zwölf Caesar-Haubitzen übergeben. "
         "Die Regierung in Paris bestätigte die Lieferung am Sonntag. "
         "„Wir stehen an der Seite unserer Partner“, sagte die Ministerin.")


def perfect_records() -> dict[str, list[dict]]:
    a1 = {"id": "id1", "path": "/data/in/a01_lieferung.txt", "title": "Frankreich liefert Polen Haubitzen",
          "author": "Erika Muster", "published": "2025-03-02T10:15:00", "outlet": "www.beispiel.de",
          "image_credits": ["Foto: Max Bild"], "tags": ["Frankreich", "Polen"], "body": BODY1,
          "related_teasers": ["Teaser eins", "Teaser zwei"], "story_id": "s1"}
    a2 = {"id": "id2", "url": "https://x.example/a02_gipfel.txt", "outlet": None, "published": None,
          "body": "Polen und Frankreich unterzeichneten ein Abkommen.", "story_id": "s1"}
    start = BODY1.index("Caesar-Haubitzen")
    mentions = [
        {"article_id": "id1", "text": "Frankreich", "start": 0, "end": 10, "entity_id": "FR", "type": "COUNTRY"},
        {"article_id": "id1", "text": "Caesar-Haubitzen", "start": start, "end": start + 16,
         "entity_id": "caesar", "type": "WEAPON"},
    ]
    entities = [{"id": "FR", "type": "COUNTRY", "name": "France"},
                {"id": "caesar", "type": "WEAPON", "name": "CAESAR", "aliases": ["Caesar-Haubitze"]},
                {"id": "Q1", "type": "PER", "name": "Ministerin X"}]
    events = [
        {"id": "e1", "article_id": "id1", "type": "AID", "actor": {"country": "FR"},
         "target": {"country": "PL"}, "item": {"text": "Haubitzen", "category": "weapons"},
         "quantity": {"value": 12, "qualifier": "approx"}, "certainty": "reported",
         "attribution": {"text": "nach polnischen Angaben", "country": "PL"},
         "time": {"start": "2025-02-01", "end": "2025-02-28", "granularity": "month"}},
        {"id": "e2", "article_id": "id1", "type": "CONSULT", "actor": {"country": "FR"},
         "target": {"country": "PL"}},  # reversed direction still matches
        {"id": "e3", "article_id": "id1", "type": "SUPPORT", "actor": {"country": "DE"},
         "target": {"country": "PL"}},  # optional: not an error
        {"id": "e4", "article_id": "id2", "type": "AGREE", "actor": {"country": "PL"},
         "target": {"country": "FR"}},
    ]
    quotes = [{"article_id": "id1", "speaker": "Q1", "text": "„Wir stehen an der Seite unserer Partner“",
               "channel": "radio", "start": 0, "end": 5}]
    claims = [{"id": "c1", "type": "AID", "actor": "FR", "target": "PL", "item": "weapons",
               "articles": ["id1", "id2"], "quantities": [{"value": 12, "qualifier": "approx"}],
               "conflict": False}]
    stories = [{"id": "s1", "articles": ["id1", "id2"]}]
    return {"articles": [a1, a2], "events": events, "mentions": mentions, "entities": entities,
            "quotes": quotes, "claims": claims, "stories": stories}


def run(recs: dict[str, list[dict]], gold: dict | None = None, **kw: Any):
    return score(gold or GOLD, recs["articles"], recs["events"], recs["mentions"], recs["entities"],
                 recs["quotes"], recs["claims"], recs["stories"], **kw)


ANN = {"id1": {"dates": [{"text": "im Februar", "start": 21, "end": 31,
                          "time": {"start": "2025-02-01", "end": "2025-02-28"}}]}}


def test_perfect_run_scores_one_everywhere() -> None:
    report = run(perfect_records(), annotations=ANN)
    scores = report.metrics()
    assert scores, "no metrics"
    bad = {k: v for k, v in scores.items() if v is not None and v != 1.0}
    assert not bad, bad
    assert scores["stories.apart"] is None  # no pair of articles that gold keeps apart
    for key in ("metadata.title", "metadata.image_credit", "events.recall", "events.precision",
                "events.quantity", "events.attribution", "events.time", "entities.linked",
                "quotes.full", "dates.resolved", "stories.pairs", "claims.corroborated",
                "claims.quantities", "repairs.fixed", "teasers.count", "boilerplate.kept"):
        assert scores[key] == 1.0, key


def test_dates_are_na_without_annotations() -> None:
    report = run(perfect_records())
    assert report.metrics()["dates.found"] is None
    assert any("dates" in n for n in report.notes)


def test_missing_event_lowers_recall() -> None:
    recs = perfect_records()
    recs["events"] = [e for e in recs["events"] if e["id"] != "e4"]
    r = run(recs).row("events.recall")
    assert (r.n, r.correct) == (3, 2)
    assert run(recs).metrics()["events.precision"] == 1.0


def test_extra_unrelated_event_lowers_precision() -> None:
    recs = perfect_records()
    recs["events"].append({"id": "e9", "article_id": "id2", "type": "ASSAULT",
                           "actor": {"country": "XA"}, "target": {"country": "XB"}})
    rep = run(recs)
    assert rep.row("events.precision").n == 4 and rep.row("events.precision").correct == 3
    assert rep.metrics()["events.recall"] == 1.0
    assert 0 < rep.metrics()["events.f1"] < 1


def test_duplicate_tuples_count_once_for_precision() -> None:
    recs = perfect_records()
    recs["events"].append(dict(recs["events"][0], id="e1b"))
    assert run(recs).metrics()["events.precision"] == 1.0


def test_cooperate_counts_as_aid_and_wrong_item_does_not() -> None:
    recs = perfect_records()
    recs["events"][0] = dict(recs["events"][0], type="COOPERATE")
    assert run(recs).metrics()["events.recall"] == 1.0
    recs["events"][0] = dict(recs["events"][0], item={"category": "drones"})
    assert run(recs).metrics()["events.recall"] < 1.0


def test_metadata_null_must_be_null_and_wrong_values_fail() -> None:
    recs = perfect_records()
    recs["articles"][1] = dict(recs["articles"][1], outlet="erfunden.de")
    recs["articles"][0] = dict(recs["articles"][0], author="Jemand Anders",
                               image_credits=["Foto: Andere Agentur"])
    rep = run(recs)
    assert rep.row("metadata.outlet").correct == 1 and rep.row("metadata.outlet").n == 2
    assert rep.metrics()["metadata.author"] == 0.0
    assert rep.metrics()["metadata.image_credit"] == 0.0


def test_boilerplate_left_and_text_lost_are_counted() -> None:
    recs = perfect_records()
    body = "Jetzt Newsletter abonnieren\nFrankreich hat Polen zwölf Haubi tzen übergeben."
    recs["articles"][0] = dict(recs["articles"][0], body=body)
    rep = run(recs)
    assert rep.metrics()["boilerplate.removed"] == 0.0
    assert rep.metrics()["boilerplate.kept"] == 0.0
    assert rep.metrics()["repairs.fixed"] == 0.0
    assert rep.row("boilerplate.removed").misses


def test_entity_linked_to_wrong_id_fails_and_name_rule_is_case_insensitive() -> None:
    recs = perfect_records()
    recs["entities"][1] = {"id": "caesar", "type": "WEAPON", "name": "caesar"}
    assert run(recs).metrics()["entities.linked"] == 1.0
    recs["mentions"][0] = dict(recs["mentions"][0], entity_id="DE")
    assert run(recs).metrics()["entities.linked"] == 0.5


def test_missing_article_counts_everything_as_missed() -> None:
    recs = perfect_records()
    recs["articles"] = recs["articles"][1:]
    rep = run(recs)
    assert rep.metrics()["articles.found"] == 0.5
    assert rep.metrics()["boilerplate.removed"] == 0.0
    assert rep.metrics()["metadata.title"] == 0.0


def test_story_split_and_claim_split_are_scored() -> None:
    recs = perfect_records()
    recs["stories"] = [{"id": "s1", "articles": ["id1"]}, {"id": "s2", "articles": ["id2"]}]
    for a in recs["articles"]:
        a.pop("story_id")
    recs["claims"] = [dict(recs["claims"][0], articles=["id1"], conflict=True)]
    rep = run(recs)
    assert rep.metrics()["stories.pairs"] == 0.0
    assert rep.metrics()["claims.corroborated"] == 0.0
    assert rep.metrics()["claims.articles"] == 0.5
    assert rep.metrics()["claims.conflict"] == 0.0


def test_wrong_quote_speaker_or_channel_fails_full_but_not_text() -> None:
    recs = perfect_records()
    recs["quotes"][0] = dict(recs["quotes"][0], channel="Zeitung")
    rep = run(recs)
    assert rep.metrics()["quotes.text"] == 1.0 and rep.metrics()["quotes.full"] == 0.0


def test_unrelated_gold_sections_are_ignored() -> None:
    gold = copy.deepcopy(GOLD)
    del gold["cross_source"]
    names = {t.name for t in run(perfect_records(), gold).tables}
    assert "stories" not in names and "claims" not in names


@pytest.mark.parametrize(("value", "inside", "outside"), [
    ("2024-10", "2024-10-31", "2024-11-01"),
    ("2024-autumn", "2024-09-01", "2024-12-01"),
    ("2024-late", "2024-12-31", "2024-08-31"),
    ("2023", "2023-06-15", "2024-01-01"),
    ("2024-winter", "2025-02-10", "2024-11-30"),
])
def test_periods(value: str, inside: str, outside: str) -> None:
    assert period(value) is not None
    assert in_period(inside, value) and not in_period(outside, value)


def test_article_matching_prefers_exact_file_names() -> None:
    arts = [{"id": "x", "path": "/c/b01.txt"}, {"id": "y", "path": "/c/ab01.txt"}]
    assert match_articles(["b01.txt"], arts)["b01.txt"]["id"] == "x"
    assert match_articles(["zz.txt"], arts) == {}


def test_sample_gold_extras_rejections_language_warnings_duplicates_traps() -> None:
    gold = {"seeds": {
        "b1.txt": {"language": "de", "warnings": ["truncat"],
                   "forbidden_events": [{"type": "REJECT", "actor": "XA"}], "events": []},
        "b2.txt": {"near_duplicate_of": "b1.txt"},
        "b3.txt": {},
        "bad.bin": {"status": "rejected", "reason": "binary"},
    }, "cross_source": {"near_duplicates": [["b1.txt", "b2.txt"]], "unrelated": ["b3.txt"]}}
    arts = [{"id": "1", "path": "/x/b1.txt", "language": "de", "warnings": ["input truncated"], "body": "a"},
            {"id": "2", "path": "/x/b2.txt", "duplicate_of": "1", "body": "a", "story_id": "s"},
            {"id": "3", "path": "/x/b3.txt", "body": "c", "story_id": "s"}]
    rejs = [{"source": "/x/bad.bin", "reason": "binary"}]
    rep = score(gold, arts, [], [], [], [], [], [], rejections=rejs)
    m = rep.metrics()
    assert m["inputs.rejected"] == 1.0 and m["inputs.warnings"] == 1.0
    assert m["metadata.language"] == 1.0 and m["articles.found"] == 1.0
    assert m["duplicates.found"] == 1.0 and m["duplicates.apart"] == 1.0
    assert m["events.forbidden"] == 1.0
    assert m["stories.unrelated"] == 0.0  # b3 shares story "s" with b2
    evs = [{"id": "e", "article_id": "1", "type": "REJECT", "actor": {"country": "XA"}}]
    arts[0]["duplicate_of"] = "3"
    rep = score(gold, arts, evs, [], [], [], [], [], rejections=[{"source": "/x/bad.bin", "reason": "empty"}])
    m = rep.metrics()
    assert m["events.forbidden"] == 0.0 and m["events.precision"] == 0.0
    assert m["inputs.rejected"] == 0.0
    assert m["duplicates.apart"] == 0.0  # b3 is in no group, but b1 is linked to it


def test_gold_files_load_and_cross_refs_resolve(shared_dir) -> None:  # type: ignore[no-untyped-def]
    from lagebild.config import resource_path
    from lagebild.evaluate import load_gold

    paths = [shared_dir / "gold" / "seeds.yaml", resource_path("sample", "expected.yaml")]
    for path in paths:
        if not path.is_file():
            continue
        g = load_gold(path)
        refs = [r for e in g.cross_source.get("corroborated") or () for r in e.get("articles") or ()]
        refs += [r for grp in g.cross_source.get("stories") or () for r in grp]
        assert refs and all(g.key_for(r) for r in refs), path
