"""Stories on hand-built records: invented German articles about fictional states, sport and weather."""
from __future__ import annotations

import re
from typing import Any

from lagebild.aggregate import build_claims, build_stories
from lagebild.aggregate.text import sentences

ARTICLES: list[dict[str, Any]] = [
    {"id": "d1", "outlet": "eins.example", "published": "2025-04-07T10:00",
     "title": "Bordurien liefert Syldavien Aufklärungsdrohnen",
     "body": "Bordurien hat dem Nachbarland Syldavien nach Angaben aus Klow rund dreihundert "
             "Aufklärungsdrohnen geliefert. Die Übergabe fand demnach bereits im März an der "
             "Grenzstation Dbrnouk statt. Der syldavische Verteidigungsminister bestätigte den "
             "Eingang der Drohnen und sprach von einer neuen Phase der Zusammenarbeit. "
             "Die Vereinten Nationen prüfen, ob die Lieferung gegen das Embargo verstößt."},
    {"id": "d2", "outlet": "zwei.example", "published": "2025-04-08T07:30",
     "title": "Drohnen für Syldavien: Embargo-Prüfer alarmiert",
     "body": "Nach der Lieferung von Aufklärungsdrohnen aus Bordurien an Syldavien haben die "
             "Embargo-Prüfer der Vereinten Nationen eine Untersuchung eingeleitet. In Klow hieß "
             "es, die rund 300 Drohnen seien an der Grenzstation Dbrnouk übergeben worden. "
             "Bordurien bestreitet einen Verstoß gegen das Embargo und spricht von ziviler Technik."},
    {"id": "d3", "outlet": "drei.example", "published": "2025-04-09",
     "title": "Syldaviens Minister verteidigt Drohnen-Deal mit Bordurien",
     "body": "Der Verteidigungsminister Syldaviens hat die Übernahme bordurischer "
             "Aufklärungsdrohnen verteidigt. Die Drohnen aus Bordurien dienten allein der "
             "Überwachung der Grenze bei Dbrnouk, sagte er in Klow. Die Vereinten Nationen "
             "wollen das Embargo gegen beide Länder dennoch überprüfen."},
    {"id": "f1", "outlet": "sport.example", "published": "2025-04-08",
     "title": "Derbysieg für den Tabellenführer",
     "body": "Der Tabellenführer hat das Derby gegen den Stadtrivalen mit drei zu eins gewonnen. "
             "Vor ausverkauftem Stadion trafen der Kapitän doppelt und ein Einwechselspieler. "
             "Der Trainer lobte die Moral seiner Mannschaft nach dem Derbysieg."},
    {"id": "f2", "outlet": "ball.example", "published": "2025-04-08",
     "title": "Kapitän entscheidet das Derby",
     "body": "Mit zwei Toren hat der Kapitän das Derby für den Tabellenführer entschieden. Der "
             "Stadtrivale kam im ausverkauften Stadion nur zum Ehrentreffer, der Trainer des "
             "Tabellenführers sprach von einem verdienten Derbysieg."},
    {"id": "w1", "outlet": "wetter.example", "published": "2025-04-08",
     "title": "Sturmtief bringt Regen und Schnee",
     "body": "Ein Sturmtief bringt zur Wochenmitte kräftigen Regen und in den Bergen Schnee. Der "
             "Wetterdienst warnt vor Sturmböen an der Küste und rät, Gartenmöbel zu sichern."},
    {"id": "d9", "outlet": "eins.example", "published": "2025-07-20",
     "title": "Bordurien wählt ein neues Parlament",
     "body": "In Bordurien hat die Wahl eines neuen Parlaments begonnen. Beobachter aus Syldavien "
             "und den Vereinten Nationen verfolgen die Abstimmung, die als Test für die Regierung gilt."},
]


def mention(aid: str, eid: str, n: int = 1) -> list[dict[str, Any]]:
    return [{"article_id": aid, "entity_id": eid, "text": eid, "start": 0, "end": 1} for _ in range(n)]


MENTIONS = [m for aid, eid, n in [
    ("d1", "XB", 1), ("d1", "XS", 2), ("d1", "klow", 1), ("d1", "dbrnouk", 1), ("d1", "UN", 1),
    ("d2", "XB", 2), ("d2", "XS", 1), ("d2", "klow", 1), ("d2", "dbrnouk", 1), ("d2", "UN", 1),
    ("d3", "XB", 1), ("d3", "XS", 1), ("d3", "klow", 1), ("d3", "dbrnouk", 1), ("d3", "UN", 1),
    ("d9", "XB", 1), ("d9", "XS", 1), ("d9", "UN", 1),
] for m in mention(aid, eid, n)]

EVENTS = [
    {"id": f"e{aid}", "article_id": aid, "type": "AID", "sentence": 0,
     "actor": {"country": "XB"}, "target": {"country": "XS"}, "item": {"category": "drones"}}
    for aid in ("d1", "d2", "d3")
]


def story_sets(stories: list) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in stories}


def test_same_story_grouped_unrelated_news_kept_apart() -> None:
    stories, story_of = build_stories(ARTICLES, MENTIONS, EVENTS)
    groups = story_sets(stories)
    assert frozenset({"d1", "d2", "d3"}) in groups
    assert frozenset({"f1", "f2"}) in groups
    assert not any("w1" in g or "d9" in g for g in groups)  # alone: no story of one article
    assert "w1" not in story_of and story_of["d1"] == story_of["d3"]


def test_story_fields() -> None:
    claims = build_claims(EVENTS, ARTICLES)
    stories, _ = build_stories(ARTICLES, MENTIONS, EVENTS, claims)
    s = next(st for st in stories if "d1" in st.articles)
    assert s.articles == ("d1", "d2", "d3")
    assert s.start == "2025-04-07T10:00" and s.end == "2025-04-09"
    assert set(s.entities[:5]) == {"XB", "XS", "klow", "dbrnouk", "UN"}
    assert s.claims == (claims[0].id,)
    assert s.title in {a["title"] for a in ARTICLES[:3]}
    bodies = {a["id"]: a["body"] for a in ARTICLES}
    assert 1 <= len(s.summary) <= 4
    for entry in s.summary:  # every summary sentence is cited and its offsets hold
        assert bodies[entry["article_id"]][entry["start"]:entry["end"]] == entry["text"]
    assert len({e["article_id"] for e in s.summary}) >= 2


def test_time_window_and_duplicates() -> None:
    far = [dict(ARTICLES[0]), dict(ARTICLES[1], published="2025-09-01")]
    stories, _ = build_stories(far, MENTIONS, EVENTS)
    assert stories == []
    stories, story_of = build_stories(far, MENTIONS, EVENTS, duplicate_of={"d2": "d1"})
    assert story_sets(stories) == {frozenset({"d1", "d2"})}  # copies always share a story


def test_threshold_and_min_articles_are_settings() -> None:
    stories, _ = build_stories(ARTICLES, MENTIONS, EVENTS, settings={"story_threshold": 0.99})
    assert stories == []
    stories, story_of = build_stories(ARTICLES, MENTIONS, EVENTS, settings={"story_min_articles": 1})
    assert set(story_of) == {a["id"] for a in ARTICLES}


def test_story_ids_are_stable_when_articles_are_added() -> None:
    first, _ = build_stories(ARTICLES[:2], MENTIONS, EVENTS)
    later, _ = build_stories(ARTICLES, MENTIONS, EVENTS)
    assert first[0].id in {s.id for s in later}


def test_sentence_splitter_keeps_offsets() -> None:
    body = "Am 3. Mai kam der Minister. „Wir liefern“, sagte er.\nNeuer Absatz ohne Punkt"
    spans = sentences(body)
    assert [body[s:e] for s, e in spans] == ["Am 3. Mai kam der Minister.", "„Wir liefern“, sagte er.",
                                             "Neuer Absatz ohne Punkt"]
    assert all(not re.match(r"\s", body[s]) for s, _ in spans)
