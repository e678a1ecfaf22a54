"""Score pipeline output (contract-shaped dicts) against a gold file.

:func:`score` takes plain dicts as ``lagebild export`` writes them, so it works with any
store or engine. Articles are matched to gold keys by file name in ``path``/``url``; an
article that cannot be found counts every expectation about it as missed.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Callable, Mapping, Sequence

from .cross import score_claims, score_duplicates, score_stories
from .events_score import EventTally, matches, tally_article
from .gold import Gold, gold_from_dict, id_matches, in_period, match_articles, norm
from .report import Report, Row, Table

Records = Sequence[Mapping[str, Any]]
METADATA_FIELDS = ("title", "author", "published", "outlet", "image_credit", "tags",
                   "place_of_event", "best_reference", "further_sources")


# --------------------------------------------------------------------------- metadata
def _domain(value: Any) -> str:
    s = norm(value).casefold()
    s = re.sub(r"^[a-z]+://", "", s)
    return re.sub(r"^www\.", "", s).rstrip("/")


def _published_ok(want: str, got: Any) -> bool:
    got = str(got or "")
    want = str(want)
    return got.startswith(want) and (len(got) == len(want) or got[len(want)] in ":+-Z.")


def _place_ok(want: Mapping[str, Any], got: Any) -> bool:
    if not isinstance(got, Mapping):
        return False
    return all(norm(got.get(k) or "") == norm(v) for k, v in want.items() if v is not None)


def metadata_ok(field_name: str, want: Any, art: Mapping[str, Any]) -> bool:
    """Compare one gold metadata key with the article; a null in gold must come out null."""
    if field_name == "image_credit":
        credits = [norm(c) for c in art.get("image_credits") or ()]
        return (not credits) if want is None else norm(want) in credits
    got = art.get(field_name)
    if want is None:
        return got in (None, "", [], ())
    if got in (None, "", [], ()):
        return False
    if field_name == "published":
        return _published_ok(want, got)
    if field_name in ("outlet", "best_reference"):
        return _domain(got) == _domain(want)
    if field_name == "further_sources":
        return {_domain(x) for x in got} == {_domain(x) for x in want}
    if field_name == "tags":
        return sorted(norm(x) for x in got) == sorted(norm(x) for x in want)
    if field_name == "place_of_event":
        return _place_ok(want, got) if isinstance(want, Mapping) else norm(
            (got or {}).get("text", "")) == norm(want)
    return norm(got) == norm(want)


# --------------------------------------------------------------------------- per-article areas
class _Acc:
    """Collects n / correct / misses per metric, in first-seen order."""

    def __init__(self) -> None:
        self.cells: dict[str, list[Any]] = {}

    def add(self, metric: str, ok: bool, miss: str = "") -> None:
        cell = self.cells.setdefault(metric, [0, 0, []])
        cell[0] += 1
        cell[1] += int(ok)
        if not ok and miss:
            cell[2].append(miss)

    def rows(self, order: Sequence[str] = ()) -> list[Row]:
        names = [m for m in order if m in self.cells] + [m for m in self.cells if m not in order]
        return [Row.ratio(m, self.cells[m][0], self.cells[m][1], self.cells[m][2]) for m in names]


def _entity_ok(form: str, gold_id: str, body: str, mentions: Records,
               entities: Mapping[str, Mapping[str, Any]]) -> bool:
    """A gold surface form is linked when a mention with that text (or one overlapping an
    occurrence of it in the body) carries the gold entity."""
    want = norm(form)
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(form), body)]
    for m in mentions:
        text_hit = norm(m.get("text") or "") == want
        start, end = m.get("start", -1), m.get("end", -1)
        span_hit = any(start < e and s < end for s, e in spans)
        if (text_hit or span_hit) and id_matches(gold_id, m.get("entity_id"), entities):
            return True
    return False


def _quote_ok(g: Mapping[str, Any], q: Mapping[str, Any],
              entities: Mapping[str, Mapping[str, Any]], need_speaker: bool) -> bool:
    text = norm(q.get("text") or "").lstrip("\"'» ").strip()
    if "starts_with" in g and not text.startswith(norm(g["starts_with"])):
        return False
    if "contains" in g and norm(g["contains"]) not in norm(q.get("text") or ""):
        return False
    if not need_speaker:
        return True
    speaker = str(q.get("speaker") or "")
    sp_ok = id_matches(str(g["speaker"]), speaker, entities) or (
        speaker.casefold() == str(g["speaker"]).casefold())
    ch_ok = "channel" not in g or norm(q.get("channel") or "").casefold() == norm(
        g["channel"]).casefold()
    return sp_ok and ch_ok


def _date_hits(g: Mapping[str, Any], body: str, dates: Records) -> tuple[bool, bool]:
    text = str(g.get("text") or "")
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(text), body)] if text else []
    found = resolved = False
    for d in dates:
        dt = str(d.get("text") or "")
        overlap = any(d.get("start", -1) < e and s < d.get("end", -1) for s, e in spans)
        if overlap or (dt and text and (dt.casefold() in text.casefold()
                                        or text.casefold() in dt.casefold())):
            found = True
            if in_period((d.get("time") or {}).get("start"), g.get("value")):
                resolved = True
    return found, resolved


# --------------------------------------------------------------------------- main entry
def score(gold: Gold | Mapping[str, Any], articles: Records, events: Records, mentions: Records,
          entities: Records, quotes: Records, claims: Records, stories: Records,
          annotations: Mapping[str, Mapping[str, Any]] | None = None,
          rejections: Records = ()) -> Report:
    """Score contract records against ``gold``.

    ``annotations`` (optional) maps an article id or gold key to the output of
    ``lagebild annotate`` for that article's body; dates are scored only when it is given.
    ``rejections`` are needed for gold inputs with ``status: rejected``.
    """
    g = gold if isinstance(gold, Gold) else gold_from_dict(gold)
    found = match_articles(g.articles, articles)
    ent_index = {str(e.get("id")): e for e in entities}
    by_article: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for kind, recs in (("events", events), ("mentions", mentions), ("quotes", quotes)):
        for r in recs:
            by_article[str(r.get("article_id"))][kind].append(r)

    acc = {name: _Acc() for name in ("articles", "inputs", "metadata", "boilerplate", "teasers",
                                     "repairs", "dates", "entities", "quotes")}
    tally = EventTally()
    for key, exp in g.articles.items():
        if exp.get("status") == "rejected":
            acc["inputs"].add("rejected", rejected_ok(key, exp, rejections, found),
                              f"{key}: want rejection {exp.get('reason')!r}")
            continue
        art = found.get(key)
        acc["articles"].add("found", art is not None, key)
        art = art or {}
        have = art != {}
        body = str(art.get("body") or "")
        recs = by_article.get(str(art.get("id")), {}) if have else {}
        for f in METADATA_FIELDS:
            if f in (exp.get("metadata") or {}):
                want = exp["metadata"][f]
                acc["metadata"].add(f, have and metadata_ok(f, want, art),
                                    f"{key[:3]}: want {want!r}, got "
                                    f"{art.get('image_credits' if f == 'image_credit' else f)!r}")
        if "language" in exp:
            acc["metadata"].add("language", have and art.get("language") == exp["language"],
                                f"{key[:3]}: want {exp['language']}, got {art.get('language')}")
        if exp.get("warnings"):
            warns = " | ".join(map(str, art.get("warnings") or ())).casefold()
            acc["inputs"].add("warnings", have and any(str(w).casefold() in warns
                                                       for w in exp["warnings"]),
                              f"{key}: no warning with {exp['warnings']!r}")
        for s in exp.get("boilerplate_removed") or ():
            acc["boilerplate"].add("removed", have and s not in body, f"{key[:3]}: {s!r}")
        for s in exp.get("kept") or ():
            acc["boilerplate"].add("kept", have and s in body, f"{key[:3]}: {s!r}")
        if "related_teasers" in exp:
            n = len(art.get("related_teasers") or ())
            acc["teasers"].add("count", have and n == exp["related_teasers"],
                               f"{key[:3]}: want {exp['related_teasers']}, got {n}")
        for r in exp.get("repairs") or ():
            ok = have and r["broken"] not in body and r["fixed"] in body
            acc["repairs"].add("fixed", ok, f"{key[:3]}: {r['broken']!r}")
        if exp.get("dates") and annotations is not None:
            ann = annotations.get(str(art.get("id"))) or annotations.get(key) or {}
            for d in exp["dates"]:
                hit, res = _date_hits(d, body, ann.get("dates") or ())
                acc["dates"].add("found", have and hit, f"{key[:3]}: {d.get('text')!r}")
                acc["dates"].add("resolved", have and res, f"{key[:3]}: {d.get('text')!r}")
        for ge in exp.get("entities") or ():
            for form in ge.get("forms") or ():
                ok = have and _entity_ok(str(form), str(ge["id"]), body,
                                         recs.get("mentions", ()), ent_index)
                acc["entities"].add("linked", ok, f"{key[:3]}: {form!r} -> {ge['id']}")
        for gq in exp.get("quotes") or ():
            mine = recs.get("quotes", ())
            acc["quotes"].add("text", any(_quote_ok(gq, q, ent_index, False) for q in mine),
                              f"{key[:3]}: {gq.get('starts_with') or gq.get('contains')!r}")
            acc["quotes"].add("full", any(_quote_ok(gq, q, ent_index, True) for q in mine),
                              f"{key[:3]}: {gq.get('speaker')} "
                              f"{gq.get('starts_with') or gq.get('contains')!r}")
        if exp.get("events") or have:
            tally_article(tally, key, exp.get("events") or (), recs.get("events", ()), ent_index)
        for fe in exp.get("forbidden_events") or ():
            tally.check("forbidden", not any(matches(fe, e) for e in recs.get("events", ())))

    notes: list[str] = []
    if annotations is None and any(e.get("dates") for e in g.articles.values()):
        notes.append("dates: n/a (no annotations given)")
    order: dict[str, Sequence[str]] = {"metadata": METADATA_FIELDS,
                                       "boilerplate": ("removed", "kept")}
    tables = [Table(name, tuple(a.rows(order.get(name, ()))))
              for name, a in acc.items() if a.cells]
    if "dates" not in acc or not acc["dates"].cells:
        if any(e.get("dates") for e in g.articles.values()):
            tables.append(Table("dates", (Row.na("found", "no annotations given"),
                                          Row.na("resolved", "no annotations given"))))
    tables.append(Table("events", tuple(_event_rows(tally))))
    lookup: Callable[[str], str | None] = lambda ref: (
        str(found[k]["id"]) if (k := g.key_for(ref)) and k in found else None)
    if g.cross_source.get("near_duplicates") or any(e.get("near_duplicate_of") for e in g.articles.values()):
        tables.append(Table("duplicates", tuple(score_duplicates(g, found))))
    if g.cross_source.get("stories") or g.cross_source.get("unrelated"):
        tables.append(Table("stories", tuple(score_stories(g, lookup, stories, found))))
    if g.cross_source.get("corroborated") or g.cross_source.get("denied"):
        tables.append(Table("claims", tuple(score_claims(g, lookup, claims))))
    return Report(g.name, tuple(tables), tuple(notes))


def rejected_ok(key: str, exp: Mapping[str, Any], rejections: Records,
                found: Mapping[str, Any]) -> bool:
    """An input gold expects to be rejected: a rejection names it (with the reason, when
    gold gives one) and no article was stored for it."""
    if key in found:
        return False
    for r in rejections:
        src = str(r.get("source") or "").replace("\\", "/")
        if src.rsplit("/", 1)[-1] == key or src.endswith("/" + key):
            return "reason" not in exp or r.get("reason") == exp["reason"]
    return False


def _event_rows(t: EventTally) -> list[Row]:
    p = t.right / t.n_sys if t.n_sys else 0.0
    r = t.found / t.n_gold if t.n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    rows = [Row("precision", t.n_sys, t.right, p if t.n_sys or t.n_gold else None,
                tuple(t.wrong), "distinct (type, actor, target, item) per article"),
            Row("recall", t.n_gold, t.found, r if t.n_gold else None, tuple(t.missed),
                "required gold events found"),
            Row("f1", None, None, f1 if t.n_gold else None)]
    for name in ("quantity", "certainty", "attribution", "time", "place", "forbidden"):
        if name in t.checks:
            n, ok = t.checks[name]
            rows.append(Row.ratio(name, n, ok, note="traps not coded" if name == "forbidden"
                                  else "on matched gold events"))
    return rows
