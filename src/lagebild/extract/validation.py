"""Scoring coded events against hand-coded expectations (the validation set, the seeds).

An expected event is found by a coded one of equal type (AID and COOPERATE are treated
alike), actor state and target state (no expected target: any target will do) and, when one
is expected, the same item category; CONSULT and AGREE may run either way. Recall is over
the required expectations; precision over the distinct (type, actor, target, item) tuples
coded, not counting those that match only an optional expectation (the rules of
../shared/tools/seeds_check.py).

Also a small gazetteer (:func:`gazetteer_mentions`) used to test the coder on sentences
about invented states without the knowledge-base stage.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from ..evaluate.events_score import event_key, match_gold
from ..model import Entity, Mention

ADJ_ENDINGS = ("e", "en", "er", "es", "em")


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    out = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: invalid JSON: {exc}") from None
    return out


@dataclass(frozen=True)
class Gazetteer:
    entities: Mapping[str, Entity]
    patterns: tuple[tuple[re.Pattern[str], str, str], ...]  # (pattern, entity id, type)


def load_gazetteer(path: Path) -> Gazetteer:
    ents: dict[str, Entity] = {}
    pats: list[tuple[int, re.Pattern[str], str, str]] = []
    for rec in load_jsonl(path):
        ents[rec["id"]] = Entity(rec["id"], rec["type"], rec["name"], country=rec.get("country"),
                                 category=rec.get("category"))
        for form in rec.get("forms", []):
            pats.append((len(form), re.compile(r"(?<![\w-])" + re.escape(form) + r"(?![\w])"),
                         rec["id"], rec["type"]))
        for stem in rec.get("adjectives", []):
            alt = "|".join(re.escape(stem + e) for e in ADJ_ENDINGS)
            pats.append((len(stem), re.compile(r"(?<![\w-])(?i:" + alt + r")(?![\w])"),
                         rec["id"], rec["type"]))
    pats.sort(key=lambda x: -x[0])
    return Gazetteer(ents, tuple((p, i, t) for _, p, i, t in pats))


def gazetteer_mentions(gaz: Gazetteer, text: str, article_id: str = "t", offset: int = 0,
                       sentence: int = 0) -> list[Mention]:
    taken: list[tuple[int, int]] = []
    out = []
    for pat, eid, etype in gaz.patterns:
        for m in pat.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append(Mention(article_id, sentence, m.start() + offset, m.end() + offset,
                               m.group(), eid, etype, "rule"))
    return sorted(out, key=lambda x: x.start)


def code_text(text: str, gaz: Gazetteer, lex: Any, published: str | None = None,
              article_id: str = "t", dates: Sequence[Any] | None = None,
              quantities: Sequence[Any] | None = None) -> list[dict[str, Any]]:
    """Code one text (one sentence per line) with gazetteer mentions and the language
    layer's quantities and dates; events as contract dicts."""
    from ..model import Span, to_dict
    from .events import code_document

    if quantities is None or dates is None:
        from ..nlp.dates import find_dates
        from ..nlp.numbers import find_quantities

        quantities = find_quantities(text) if quantities is None else quantities
        dates = find_dates(text, published) if dates is None else dates
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append(Span(pos, pos + len(line)))
        pos += len(line) + 1
    mentions = gazetteer_mentions(gaz, text, article_id)
    evs = code_document(text, article_id, spans, mentions, gaz.entities, quantities, dates, lex)
    return [to_dict(e) for e in evs]


# --------------------------------------------------------------------------- matching
@dataclass
class Score:
    found: int = 0
    gold: int = 0
    right: int = 0
    system: int = 0
    cert_ok: int = 0
    cert_n: int = 0
    qty_ok: int = 0
    qty_n: int = 0
    attr_ok: int = 0
    attr_n: int = 0
    false_events: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)  # matched, but certainty/quantity/attribution off

    @property
    def precision(self) -> float:
        return self.right / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        return (f"P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f} "
                f"({self.found}/{self.gold} expected found, {self.right}/{self.system} distinct right); "
                f"certainty {self.cert_ok}/{self.cert_n}, quantity {self.qty_ok}/{self.qty_n}, "
                f"attribution {self.attr_ok}/{self.attr_n}")


def _qty_ok(want: Mapping[str, Any], q: Mapping[str, Any] | None) -> bool:
    q = q or {}

    def close(a: Any, b: Any) -> bool:
        try:
            return abs(float(a) - float(b)) <= 0.01 * abs(float(b))
        except (TypeError, ValueError):
            return False
    return all(close(q.get(k), want[k]) for k in ("value", "low", "high") if k in want) and (
        "qualifier" not in want or q.get("qualifier") == want["qualifier"]) and (
        "unit" not in want or q.get("unit") == want["unit"])


def _attr_ok(want: str, a: Mapping[str, Any] | None) -> bool:
    if not a:
        return False
    w = want.lower()
    return any(str(a.get(k) or "").lower() == w for k in ("country", "entity_id")) or w in str(
        a.get("text") or "").lower()


def score_case(sc: Score, label: str, gold: Sequence[Mapping[str, Any]],
               mine: Sequence[Mapping[str, Any]]) -> None:
    pairs, right, extra = match_gold(gold, mine)
    sc.gold += len(pairs)
    for g, hits in pairs:
        if hits:
            sc.found += 1
        else:
            sc.missed.append(f"{label}: {g['type']} {g.get('actor')}>{g.get('target')} {g.get('item')}")
        checks = (("certainty", "cert", lambda e: e.get("certainty") == g["certainty"]),
                  ("quantity", "qty", lambda e: _qty_ok(g["quantity"], e.get("quantity"))),
                  ("attribution", "attr", lambda e: _attr_ok(g["attribution"], e.get("attribution"))))
        for name, short, ok in checks:
            if not g.get(name):
                continue
            good = any(ok(e) for e in hits)
            setattr(sc, f"{short}_n", getattr(sc, f"{short}_n") + 1)
            setattr(sc, f"{short}_ok", getattr(sc, f"{short}_ok") + good)
            if hits and not good:
                sc.wrong.append(f"{label}: {g['type']} {name}: want {g[name]!r}, got "
                                f"{[e.get(name) for e in hits]!r}")
    sc.right += len(right)
    sc.system += len(right) + len(extra)
    sc.false_events.extend(f"{label}: {event_key(e)}" for e in extra)


def score_all(cases: Iterable[tuple[str, Sequence[Mapping[str, Any]], Sequence[Mapping[str, Any]]]]) -> Score:
    sc = Score()
    for label, gold, mine in cases:
        score_case(sc, label, gold, mine)
    return sc
