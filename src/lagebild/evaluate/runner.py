"""One evaluation run as the `lagebild eval` command does it: records from a store (or from a
corpus ingested into a temporary store), the report, and the gate against the baseline."""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from .annotations import date_annotations
from .gate import Violation, check, load_baseline, save_baseline, updated_floors
from .gold import Gold, match_articles
from .report import Report
from .scoring import score

KINDS = ("articles", "events", "mentions", "entities", "quotes", "claims", "stories", "rejections")


@dataclass(frozen=True)
class EvalResult:
    report: Report
    floors: Mapping[str, float]
    violations: tuple[Violation, ...]
    changes: tuple[str, ...]  # floor changes written by an update
    baseline: Path


def store_records(db: str | Path | None, settings: Mapping[str, Any]) -> dict[str, list[dict]]:
    from .. import library

    with library.open_store(db, settings) as store:
        return {k: list(store.iter_records(k)) for k in KINDS}


def corpus_records(corpus: str | Path, settings: Mapping[str, Any]) -> dict[str, list[dict]]:
    """Ingest ``corpus`` into a fresh temporary store and read its records back."""
    from .. import library

    with tempfile.TemporaryDirectory(prefix="lagebild-eval-") as tmp:
        db = Path(tmp) / "eval.db"
        library.ingest([str(corpus)], db=db, settings=settings)
        return store_records(db, settings)


def evaluate(gold: Gold, records: Mapping[str, list[dict]], baseline: Path,
             settings: Mapping[str, Any], dates: bool = True, update: bool = False,
             allow_regression: bool = False) -> EvalResult:
    ann, note = None, ""
    if dates and any(e.get("dates") for e in gold.articles.values()):
        ann, note = date_annotations(records["articles"], list(gold.articles), settings)
    report = score(gold, records["articles"], records["events"], records["mentions"],
                   records["entities"], records["quotes"], records["claims"], records["stories"],
                   annotations=ann, rejections=records.get("rejections", ()))
    notes = [note] if note else []
    if not match_articles(gold.articles, records["articles"]):
        notes.append(f"none of the {len(gold.articles)} articles of {gold.name} is in the store: "
                     "ingest them first (--db FILE) or pass --corpus PATH")
    if notes:
        report = Report(report.gold, report.tables, (*report.notes, *notes))
    base = load_baseline(baseline)
    floors = base["floors"].get(gold.name, {})
    changes: list[str] = []
    if update:
        floors, changes = updated_floors(report, floors, allow_regression)
        base["floors"][gold.name] = floors
        save_baseline(baseline, base)
    return EvalResult(report, floors, tuple(check(report, floors)), tuple(changes), baseline)
