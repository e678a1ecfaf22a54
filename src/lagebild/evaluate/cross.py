"""Scores for the gold ``cross_source`` section: stories and merged claims."""
from __future__ import annotations

import itertools
from collections import Counter
import re
from typing import Any, Callable, Mapping, Sequence

from .events_score import category, country
from .gold import Gold
from .report import Row

Records = Sequence[Mapping[str, Any]]
Lookup = Callable[[str], "str | None"]
ARMS = frozenset({"ammunition", "missiles", "air_defense", "drones", "weapons"})


# --------------------------------------------------------------------------- stories
def story_of(stories: Records, articles: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    """Article id -> story id, from the stories' ``articles`` lists and articles' ``story_id``."""
    out: dict[str, str] = {}
    for a in articles.values():
        if a.get("story_id"):
            out[str(a["id"])] = str(a["story_id"])
    for s in stories:
        for aid in s.get("articles") or ():
            out[str(aid)] = str(s.get("id"))
    return out


def score_duplicates(gold: Gold, found: Mapping[str, Mapping[str, Any]]) -> list[Row]:
    """Syndication groups: each later copy must share a ``duplicate_of`` root with the
    group's first article; articles of no group must not be marked duplicates."""
    groups = [[str(x) for x in grp] for grp in gold.cross_source.get("near_duplicates") or ()]
    for key, exp in gold.articles.items():
        other = exp.get("near_duplicate_of")
        if other and not any(key in grp and str(other) in grp for grp in groups):
            groups.append([str(other), key])
    by_id = {str(a["id"]): a for a in found.values()}

    def root(key: str) -> str | None:
        art = found.get(gold.key_for(key) or key)
        aid = str(art["id"]) if art else None
        for _ in range(10):  # follow a short chain of links
            nxt = by_id.get(aid or "", {}).get("duplicate_of")
            if not nxt:
                break
            aid = str(nxt)
        return aid

    n = ok = 0
    misses: list[str] = []
    members: set[str] = set()
    for grp in groups:
        members.update(gold.key_for(x) or x for x in grp)
        for other in grp[1:]:
            n += 1
            hit = root(grp[0]) is not None and root(grp[0]) == root(other)
            ok += int(hit)
            if not hit:
                misses.append(f"{other} not a copy of {grp[0]}")
    rows = [Row.ratio("found", n, ok, misses, "copies linked to their group")]
    lone = [k for k in gold.articles if k in found and k not in members]
    roots = Counter(root(k) for k in gold.articles if k in found)
    wrong = [k for k in lone if roots[root(k)] > 1]
    rows.append(Row.ratio("apart", len(lone), len(lone) - len(wrong),
                          [f"{k} linked as a copy" for k in wrong], "articles of no group left unlinked"))
    return rows


def score_stories(gold: Gold, lookup: Lookup, stories: Records,
                  found: Mapping[str, Mapping[str, Any]]) -> list[Row]:
    sid = story_of(stories, found)
    gold_pairs: set[frozenset[str]] = set()
    together = apart = n_apart = 0
    misses: list[str] = []
    n_pairs = 0
    for group in gold.cross_source.get("stories") or ():
        for a, b in itertools.combinations([str(x) for x in group], 2):
            ka, kb = gold.key_for(a), gold.key_for(b)
            n_pairs += 1
            if ka and kb:
                gold_pairs.add(frozenset((ka, kb)))
            ia, ib = lookup(a), lookup(b)
            if ia and ib and sid.get(ia) and sid.get(ia) == sid.get(ib):
                together += 1
            else:
                misses.append(f"{a[:3]} + {b[:3]} not in one story")
    wrong: list[str] = []
    keys = [k for k in gold.articles if k in found]
    for ka, kb in itertools.combinations(keys, 2):
        if frozenset((ka, kb)) in gold_pairs:
            continue
        n_apart += 1
        ia, ib = str(found[ka]["id"]), str(found[kb]["id"])
        if sid.get(ia) and sid.get(ia) == sid.get(ib):
            wrong.append(f"{ka[:3]} + {kb[:3]} merged")
        else:
            apart += 1
    rows = [Row.ratio("pairs", n_pairs, together, misses, "gold same-story pairs found"),
            Row.ratio("apart", n_apart, apart, wrong, "pairs gold does not group, kept apart")]
    unrelated = [str(x) for x in gold.cross_source.get("unrelated") or ()]
    if unrelated:
        size: dict[str, int] = {}
        for aid, s in sid.items():
            size[s] = size.get(s, 0) + 1
        alone = []
        for ref in unrelated:
            aid = lookup(ref)
            alone.append(aid is not None and size.get(sid.get(aid, ""), 0) <= 1)
        rows.append(Row.ratio("unrelated", len(unrelated), sum(alone),
                              [f"{r} joined a story" for r, ok in zip(unrelated, alone) if not ok],
                              "unrelated news in no story with others"))
    return rows


# --------------------------------------------------------------------------- claims
def _claim_side(claim: Mapping[str, Any], side: str) -> str | None:
    return country(claim.get(side))


def _claim_matches(claim: Mapping[str, Any], actor: Any, target: Any,
                   items: frozenset[str] | None) -> bool:
    if _claim_side(claim, "actor") != actor:
        return False
    if target and _claim_side(claim, "target") != target:
        return False
    return items is None or category(claim.get("item")) in items


def _quantity_found(want: str, quantities: Sequence[Mapping[str, Any]]) -> bool:
    m = re.fullmatch(r"\s*(?:([a-z_]+)\s+)?([\d.,]+)\s*", str(want))
    if not m:
        return False
    qual, value = m[1], float(m[2].replace(",", ""))
    for q in quantities:
        try:
            v = float(q.get("value"))
        except (TypeError, ValueError):
            continue
        if abs(v - value) <= 0.01 * abs(value) and (qual is None or q.get("qualifier") == qual):
            return True
    return False


def _denied_in(claim: Mapping[str, Any], who: str) -> bool:
    if who in (claim.get("denied_by") or ()):
        return True
    reason = str(claim.get("conflict_reason") or "")
    return bool(claim.get("conflict")) and bool(re.search(rf"\b{re.escape(who)}\b", reason))


def score_claims(gold: Gold, lookup: Lookup, claims: Records) -> list[Row]:
    rows: list[Row] = []
    cells = {m: [0, 0, []] for m in ("corroborated", "articles", "quantities", "conflict")}

    def add(metric: str, ok: bool, miss: str) -> None:
        cells[metric][0] += 1
        cells[metric][1] += int(ok)
        if not ok:
            cells[metric][2].append(miss)

    for entry in gold.cross_source.get("corroborated") or ():
        items = frozenset({entry["item"]}) if entry.get("item") else None
        label = f"{entry.get('actor')}->{entry.get('target')} {entry.get('item') or ''}".strip()
        want = [str(r) for r in entry.get("articles") or ()]
        ids = [lookup(r) for r in want]
        cands = [c for c in claims if _claim_matches(c, entry.get("actor"), entry.get("target"), items)]
        best = max(cands, key=lambda c: sum(i in set(map(str, c.get("articles") or ())) for i in ids if i),
                   default=None)
        have = set(map(str, best.get("articles") or ())) if best else set()
        covered = [r for r, i in zip(want, ids) if i and i in have]
        add("corroborated", len(covered) == len(want), f"{label}: {len(covered)}/{len(want)} articles")
        for r in want:
            add("articles", r in covered, f"{label}: {r} missing")
        for q in entry.get("quantities") or ():
            add("quantities", bool(best) and _quantity_found(q, best.get("quantities") or ()),
                f"{label}: {q}")
        if "conflict" in entry:
            add("conflict", bool(best) and bool(best.get("conflict")) == bool(entry["conflict"]),
                f"{label}: conflict should be {entry['conflict']}")
    rows += [Row.ratio(m, c[0], c[1], c[2]) for m, c in cells.items() if c[0]]
    denied = _score_denied(gold, lookup, claims)
    if denied:
        rows.append(denied)
    return rows


def _score_denied(gold: Gold, lookup: Lookup, claims: Records) -> Row | None:
    n = ok = 0
    misses: list[str] = []
    for entry in gold.cross_source.get("denied") or ():
        m = re.match(r"\s*([A-Z]{2})\s*->\s*([A-Z]{2})\s*(\w*)", str(entry.get("claim", "")))
        if not m:
            continue
        rest = m[3]
        items = ARMS if rest in ("", "arms") else frozenset({rest})
        aid = lookup(str(entry.get("article")))
        cands = [c for c in claims if _claim_matches(c, m[1], m[2], items)
                 and aid in set(map(str, c.get("articles") or ()))]
        for who in entry.get("denied_by") or ():
            n += 1
            hit = any(_denied_in(c, str(who)) for c in cands)
            ok += int(hit)
            if not hit:
                misses.append(f"{entry.get('claim')}: denial by {who} not on the claim")
    return Row.ratio("denied", n, ok, misses, "denials attached to the denied claim") if n else None
