"""Claims: events merged across articles when they say the same thing.

Same type (AID and COOPERATE as one; CONSULT and AGREE in either direction), same actor
country, same target country, same item category, and compatible time (intervals within
``time_slack_days`` of each other; an unresolved time is compatible with any). Pure
functions over contract dicts (events, articles); they return :class:`~lagebild.model.Claim`.

Corroboration counts independent outlets: articles of one outlet count once, near-duplicate
copies count once, and an article without a known outlet counts as its own source.
A claim is in conflict when its sources' quantities (same unit) cannot both be true within
a tolerance, when one source denies what another states, or when a denial in an article
(a ``denied`` event of a party to the claim, close to the claim's event) contradicts it.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Iterable, Mapping, Sequence

from ..model import Claim, stable_hash

AID_LIKE = frozenset({"AID", "COOPERATE"})
SYMMETRIC = frozenset({"CONSULT", "AGREE"})
AFFIRMED = frozenset({"asserted", "reported", "alleged"})
DENIABLE = frozenset({"AID", "COOPERATE", "AGREE"})
IRREALIS = frozenset({"planned", "possible"})
INF = float("inf")

Key = tuple[str, str, str | None, str | None]


@dataclass(frozen=True)
class ClaimSettings:
    time_slack_days: int = 366
    quantity_tolerance: float = 0.1  # relative, for exact figures
    approx_tolerance: float = 0.25  # relative, for "rund", "fast", "etwa"
    denial_window: int = 8  # sentences between a denial and the statement it may refer to

    @classmethod
    def from_mapping(cls, m: Mapping[str, Any] | None) -> "ClaimSettings":
        m = m or {}
        return cls(**{k: type(getattr(cls, k))(m[k]) for k in cls.__dataclass_fields__ if k in m})


def _country(role: Any) -> str | None:
    if not isinstance(role, Mapping):
        return role if isinstance(role, str) else None
    return role.get("country") or None


def claim_key(event: Mapping[str, Any]) -> Key | None:
    """(type, actor, target, item) under which an event merges; None without actor country."""
    etype = str(event.get("type") or "")
    actor, target = _country(event.get("actor")), _country(event.get("target"))
    if not etype or not actor:
        return None
    item = event.get("item")
    cat = item.get("category") if isinstance(item, Mapping) else None
    if etype in AID_LIKE:
        etype = "AID"
    if etype in SYMMETRIC and target and target < actor:
        actor, target = target, actor
    return (etype, actor, target, cat)


def _day(iso: Any) -> date | None:
    s = str(iso or "")[:10]
    try:
        return date.fromisoformat(s) if len(s) == 10 else (
            date.fromisoformat(s + "-01") if len(s) == 7 else date(int(s), 1, 1) if len(s) == 4 else None)
    except ValueError:
        return None


def _interval(event: Mapping[str, Any]) -> tuple[date, date] | None:
    t = event.get("time") or {}
    start = _day(t.get("start"))
    if start is None:
        return None
    end = _day(t.get("end")) or start
    return (start, max(start, end))


def split_by_time(events: Sequence[Mapping[str, Any]], slack_days: int) -> list[list[Mapping]]:
    """Clusters of time-compatible events; unresolved ones join the cluster holding an event
    of the same article, else the largest cluster."""
    timed = sorted(((iv, e) for e in events if (iv := _interval(e))), key=lambda p: p[0])
    clusters: list[list[Mapping]] = []
    ends: list[date] = []
    slack = timedelta(days=slack_days)
    for (start, end), e in timed:
        if clusters and start <= ends[-1] + slack:
            clusters[-1].append(e)
            ends[-1] = max(ends[-1], end)
        else:
            clusters.append([e])
            ends.append(end)
    loose = [e for e in events if _interval(e) is None]
    if not clusters:
        return [list(loose)] if loose else []
    for e in loose:
        same = [c for c in clusters if any(x.get("article_id") == e.get("article_id") for x in c)]
        (same[0] if same else max(clusters, key=len)).append(e)
    return clusters


# --------------------------------------------------------------------------- conflicts
def _bounds(q: Mapping[str, Any], s: ClaimSettings) -> tuple[float, float] | None:
    try:
        qual = q.get("qualifier") or "exact"
        if qual == "range":
            low, high = float(q.get("low")), float(q.get("high"))
            return low * (1 - s.quantity_tolerance), high * (1 + s.quantity_tolerance)
        v = float(q.get("value"))
    except (TypeError, ValueError):
        return None
    tol = s.approx_tolerance if qual == "approx" else s.quantity_tolerance
    if qual in ("at_least", "more_than"):
        return v * (1 - s.quantity_tolerance), INF
    if qual == "at_most":
        return 0.0, v * (1 + s.quantity_tolerance)
    return v * (1 - tol), v * (1 + tol)


def quantity_conflicts(quantities: Sequence[Mapping[str, Any]], s: ClaimSettings) -> list[str]:
    out = []
    for i, a in enumerate(quantities):
        for b in quantities[i + 1:]:
            same_unit = (a.get("unit") or "item") == (b.get("unit") or "item")
            # a plan ("will 3.000 schicken") does not contradict a figure for what happened
            same_mood = (a.get("certainty") in IRREALIS) == (b.get("certainty") in IRREALIS)
            if not same_unit or not same_mood or a.get("article_id") == b.get("article_id"):
                continue
            ba, bb = _bounds(a, s), _bounds(b, s)
            if ba and bb and (ba[1] < bb[0] or bb[1] < ba[0]):
                out.append(f"quantities differ: {a.get('text') or a.get('value')} ({a.get('source')}) "
                           f"vs {b.get('text') or b.get('value')} ({b.get('source')})")
    return out


def _source(event: Mapping[str, Any]) -> str | None:
    att = event.get("attribution")
    if not isinstance(att, Mapping):
        return None
    text = " ".join(str(att.get("text") or "").split())
    return att.get("entity_id") or att.get("country") or text or None


# --------------------------------------------------------------------------- building
def independent_sources(article_ids: Iterable[str], articles: Mapping[str, Mapping[str, Any]],
                        duplicate_of: Mapping[str, str]) -> int:
    """Outlets counted once, near-duplicate copies counted once."""
    units: dict[str, str] = {}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            x = parent[x]
        return x

    for aid in article_ids:
        a = articles.get(aid, {})
        root = duplicate_of.get(aid) or a.get("duplicate_of") or aid
        node = f"a:{root}"
        find(node)
        if a.get("outlet"):
            o = f"o:{str(a['outlet']).casefold().removeprefix('www.')}"
            parent[find(node)] = find(o)
        units[aid] = node
    return len({find(n) for n in units.values()})


def build_claims(events: Sequence[Mapping[str, Any]], articles: Sequence[Mapping[str, Any]],
                 duplicate_of: Mapping[str, str] | None = None,
                 settings: ClaimSettings | Mapping[str, Any] | None = None) -> list[Claim]:
    s = settings if isinstance(settings, ClaimSettings) else ClaimSettings.from_mapping(settings)
    dups = dict(duplicate_of or {})
    arts = {str(a["id"]): a for a in articles}
    groups: dict[Key, list[Mapping[str, Any]]] = defaultdict(list)
    for e in events:
        k = claim_key(e)
        if k is not None:
            groups[k].append(e)
    _attach_targetless(groups)
    denials = _denials(events)
    claims = []
    for key in sorted(groups, key=lambda k: tuple(x or "" for x in k)):
        for cluster in split_by_time(groups[key], s.time_slack_days):
            claims.append(_make_claim(key, cluster, arts, dups, denials, s))
    return claims


def _attach_targetless(groups: dict[Key, list[Mapping[str, Any]]]) -> None:
    """An event without a target ("Pjöngjang bestreitet, Raketen geliefert zu haben") is
    compatible with a claim of the same type, actor and item that names one: it joins that
    claim when there is exactly one, or the one holding an event of the same article."""
    for key in [k for k in groups if k[2] is None and k[0] not in SYMMETRIC]:
        cands = [k for k in groups if k[2] is not None and (k[0], k[1], k[3]) == (key[0], key[1], key[3])]
        if len(cands) > 1:
            arts = {e.get("article_id") for e in groups[key]}
            cands = [k for k in cands if any(e.get("article_id") in arts for e in groups[k])]
        if len(cands) == 1:
            groups[cands[0]].extend(groups.pop(key))


def _denials(events: Sequence[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    out: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for e in events:
        if e.get("certainty") == "denied" and _country(e.get("actor")):
            out[str(e.get("article_id"))].append(e)
    return out


def _pub_order(arts: Mapping[str, Mapping[str, Any]]) -> Any:
    return lambda aid: (arts.get(aid, {}).get("published") is None,
                        str(arts.get(aid, {}).get("published") or ""), aid)


def _make_claim(key: Key, events: list[Mapping[str, Any]], arts: Mapping[str, Mapping[str, Any]],
                dups: Mapping[str, str], denials: Mapping[str, list[Mapping[str, Any]]],
                s: ClaimSettings) -> Claim:
    etype, actor, target, item = key
    order = _pub_order(arts)
    events = sorted(events, key=lambda e: (order(str(e.get("article_id"))), str(e.get("id"))))
    art_ids = sorted({str(e.get("article_id")) for e in events}, key=order)
    outlets = sorted({str(arts[a]["outlet"]) for a in art_ids if arts.get(a, {}).get("outlet")})
    sources = sorted({src for e in events if (src := _source(e))})
    quantities, seen = [], set()
    for e in events:
        q = e.get("quantity")
        if not isinstance(q, Mapping) or q.get("value") is None and q.get("low") is None:
            continue
        aid = str(e.get("article_id"))
        src = _source(e) or arts.get(aid, {}).get("outlet") or aid
        sig = (aid, q.get("value"), q.get("unit"), q.get("qualifier"))
        if sig in seen:
            continue
        seen.add(sig)
        quantities.append({"event_id": e.get("id"), "article_id": aid, "source": src,
                           "certainty": e.get("certainty") or "asserted",
                           **{k: q.get(k) for k in ("text", "value", "low", "high", "unit", "qualifier")}})
    reasons = quantity_conflicts(quantities, s)
    deniers = sorted({_country(e.get("actor")) or "?" for e in events if e.get("certainty") == "denied"})
    if deniers and etype != "REJECT" and any((e.get("certainty") or "asserted") in AFFIRMED
                                             for e in events):  # a REJECT is a denial itself
        reasons.append(f"certainties contradict: denied by {', '.join(deniers)}, stated by another source")
    if etype in DENIABLE:
        reasons += _denial_reasons(events, (actor, target), denials, s)
    published = sorted(str(arts[a]["published"]) for a in art_ids if arts.get(a, {}).get("published"))
    first_event = str(events[0].get("id"))
    return Claim(
        id="c" + stable_hash("|".join(x or "" for x in key) + "|" + first_event, 15),
        type=etype, actor=actor, target=target, item=item,
        events=tuple(str(e.get("id")) for e in events), articles=tuple(art_ids),
        outlets=tuple(outlets), sources=tuple(sources),
        corroboration=independent_sources(art_ids, arts, dups),
        quantities=tuple(quantities), conflict=bool(reasons),
        conflict_reason="; ".join(reasons) or None,
        first_seen=published[0] if published else None,
        last_seen=published[-1] if published else None)


def _denial_reasons(events: Sequence[Mapping[str, Any]], parties: tuple[str | None, str | None],
                    denials: Mapping[str, list[Mapping[str, Any]]], s: ClaimSettings) -> list[str]:
    """Denials by a party to the claim, in the same article, at most ``denial_window``
    sentences before or after one of the claim's (non-denied) events."""
    by_article: dict[str, set[str]] = defaultdict(set)
    for e in events:
        aid = str(e.get("article_id"))
        if e.get("certainty") == "denied":
            continue
        for d in denials.get(aid, ()):
            who = _country(d.get("actor"))
            gap = int(d.get("sentence", 0) or 0) - int(e.get("sentence", 0) or 0)
            if who in parties and abs(gap) <= s.denial_window and d.get("id") != e.get("id"):
                by_article[aid].add(str(who))
    return [f"denied by {', '.join(sorted(w))} in article {aid}" for aid, w in sorted(by_article.items())]
