"""Event scoring with the rules of ``../shared/tools/seeds_check.py``, reproduced exactly.

Matching: same type (AID and COOPERATE count as one), same ``actor.country``, same
``target.country`` (a gold event without target accepts any), same ``item.category`` where
gold gives one; CONSULT and AGREE count in either direction. Recall counts required gold
events found; precision counts distinct (type, actor, target, item) tuples per article,
leaving out those that only match an event that gold marks optional.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from .gold import attribution_matches, id_matches, in_period

AID_LIKE = frozenset({"AID", "COOPERATE"})
SYMMETRIC = ("CONSULT", "AGREE")


def country(role: Any) -> str | None:
    if not role:
        return None
    return role if isinstance(role, str) else role.get("country") or role.get("entity_id")


def category(item: Any) -> str | None:
    return item.get("category") if isinstance(item, Mapping) else item


def matches(g: Mapping[str, Any], e: Mapping[str, Any]) -> bool:
    if not (e.get("type") == g["type"] or (g["type"] in AID_LIKE and e.get("type") in AID_LIKE)):
        return False
    actor, target = country(e.get("actor")), country(e.get("target"))
    if g["type"] in SYMMETRIC and g.get("target") and (actor, target) == (g["target"], g["actor"]):
        actor, target = target, actor
    if actor != g.get("actor"):
        return False
    if g.get("target") and target != g["target"]:
        return False
    return not g.get("item") or category(e.get("item")) == g["item"]


def quantity_ok(g: Mapping[str, Any], e: Mapping[str, Any]) -> bool:
    q, want = e.get("quantity") or {}, g["quantity"]

    def close(a: Any, b: Any) -> bool:
        try:
            return abs(float(a) - float(b)) <= 0.01 * abs(float(b))
        except (TypeError, ValueError):
            return False

    return (("value" not in want or close(q.get("value"), want["value"]))
            and ("qualifier" not in want or q.get("qualifier") == want["qualifier"])
            and ("unit" not in want or q.get("unit") == want["unit"]))


def time_ok(g: Mapping[str, Any], e: Mapping[str, Any]) -> bool:
    want = (g.get("time") or {}).get("start")
    return in_period((e.get("time") or {}).get("start"), want)


def place_ok(g: Mapping[str, Any], e: Mapping[str, Any],
             entities: Mapping[str, Mapping[str, Any]]) -> bool:
    place = e.get("place") or {}
    want = str(g["place"])
    return (id_matches(want, place.get("entity_id"), entities)
            or str(place.get("text") or "").casefold() == want.casefold())


@dataclass
class EventTally:
    """Counts summed over articles (as seeds_check prints them)."""

    found: int = 0
    n_gold: int = 0
    right: int = 0
    n_sys: int = 0
    checks: dict[str, list[int]] = field(default_factory=dict)  # name -> [n, ok]
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def check(self, name: str, ok: bool) -> None:
        cell = self.checks.setdefault(name, [0, 0])
        cell[0] += 1
        cell[1] += int(ok)


def _label(e: Mapping[str, Any]) -> str:
    item = category(e.get("item"))
    return (f"{e.get('type')} {country(e.get('actor'))}->{country(e.get('target'))}"
            + (f" {item}" if item else ""))


def tally_article(tally: EventTally, key: str, gold_events: Sequence[Mapping[str, Any]],
                  mine: Sequence[Mapping[str, Any]],
                  entities: Mapping[str, Mapping[str, Any]]) -> None:
    pairs, right, extra = match_gold(gold_events, mine)
    tally.n_gold += len(pairs)
    for g, hits in pairs:
        if hits:
            tally.found += 1
        else:
            tally.missed.append(f"{key[:3]}: {_label(g)}")
        if "quantity" in g:
            tally.check("quantity", any(quantity_ok(g, e) for e in hits))
        if "certainty" in g:
            tally.check("certainty", any(e.get("certainty") == g["certainty"] for e in hits))
        if "attribution" in g:
            tally.check("attribution", any(attribution_matches(g["attribution"], e.get("attribution"),
                                                               entities) for e in hits))
        if (g.get("time") or {}).get("start"):
            tally.check("time", any(time_ok(g, e) for e in hits))
        if g.get("place"):
            tally.check("place", any(place_ok(g, e, entities) for e in hits))
    tally.right += len(right)
    tally.n_sys += len(right) + len(extra)
    tally.wrong.extend(f"{key[:3]}: {_label(e)}" for e in extra)


def event_key(e: Mapping[str, Any]) -> tuple[Any, ...]:
    """What makes two coded events the same for precision: (type, actor, target, item)."""
    return (e.get("type"), country(e.get("actor")), country(e.get("target")), category(e.get("item")))


Event = Mapping[str, Any]


def match_gold(gold: Sequence[Event], mine: Sequence[Event],
               ) -> tuple[list[tuple[Event, list[Event]]], list[Event], list[Event]]:
    """Each required gold event with the system events matching it, then the distinct system
    events judged right and extra (:func:`judge_distinct`); optional gold events are only
    used for that judgement."""
    req = [g for g in gold if not g.get("optional")]
    opt = [g for g in gold if g.get("optional")]
    right, extra = judge_distinct(req, opt, mine)
    return [(g, [e for e in mine if matches(g, e)]) for g in req], right, extra


def judge_distinct(req: Sequence[Mapping[str, Any]], opt: Sequence[Mapping[str, Any]],
                   mine: Sequence[Mapping[str, Any]],
                   ) -> tuple[list[Mapping[str, Any]], list[Mapping[str, Any]]]:
    """Distinct system events (seeds_check rules) that match a required gold event, and those
    that match neither a required nor an optional one (events matching only an optional gold
    event count for neither precision side)."""
    right: list[Mapping[str, Any]] = []
    extra: list[Mapping[str, Any]] = []
    for e in {event_key(e): e for e in mine}.values():
        if any(matches(g, e) for g in req):
            right.append(e)
        elif not any(matches(g, e) for g in opt):
            extra.append(e)
    return right, extra
