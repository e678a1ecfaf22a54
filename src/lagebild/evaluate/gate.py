"""The regression gate: floors per metric, pinned in a baseline file in the repository.

``eval/baseline.json`` holds one section per gold file (keyed by its file name)::

    {"version": 1, "floors": {"seeds.yaml": {"events.recall": 0.45, ...}}}

A run fails when a pinned metric scores under its floor, or is no longer measured.
Updating raises floors to the current scores; a floor only goes down when regressions are
explicitly allowed.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from .report import Report

BASELINE_VERSION = 1
EPS = 1e-9


class BaselineError(ValueError):
    """The baseline file cannot be read or written."""


@dataclass(frozen=True)
class Violation:
    metric: str
    floor: float
    score: float | None

    def __str__(self) -> str:
        got = "not measured" if self.score is None else f"{self.score:.4f}"
        return f"{self.metric}: {got} < floor {self.floor:.4f}"


def floor_of(score: float) -> float:
    """Round a score down to 4 decimals so that a rerun with the same output passes."""
    return math.floor(score * 10_000 + EPS) / 10_000


def load_baseline(path: str | Path) -> dict[str, Any]:
    p = Path(path)
    if not p.exists():
        return {"version": BASELINE_VERSION, "floors": {}}
    try:
        data = json.loads(p.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{p}: not valid JSON: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("floors", {}), dict):
        raise BaselineError(f"{p}: expected an object with a 'floors' mapping")
    for gold, floors in data.get("floors", {}).items():
        if not isinstance(floors, dict) or not all(
                isinstance(v, (int, float)) and 0 <= v <= 1 for v in floors.values()):
            raise BaselineError(f"{p}: floors.{gold}: expected metric -> number in [0, 1]")
    data.setdefault("floors", {})
    return data


def save_baseline(path: str | Path, data: Mapping[str, Any]) -> None:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    out = {"version": BASELINE_VERSION,
           "floors": {g: dict(sorted(f.items())) for g, f in sorted(data["floors"].items())}}
    p.write_text(json.dumps(out, indent=2, sort_keys=False) + "\n", "utf-8")


def check(report: Report, floors: Mapping[str, float]) -> list[Violation]:
    """Every pinned metric under its floor (or not measured any more)."""
    scores = report.metrics()
    out = []
    for metric, floor in sorted(floors.items()):
        got = scores.get(metric)
        if got is None or got < floor - EPS:
            out.append(Violation(metric, float(floor), got))
    return out


def updated_floors(report: Report, floors: Mapping[str, float],
                   allow_regression: bool = False) -> tuple[dict[str, float], list[str]]:
    """New floors and a list of changes. Floors rise to the current score; they only go
    down when ``allow_regression`` is true. Metrics not measured keep their floor."""
    new = dict(floors)
    changes: list[str] = []
    for metric, score in report.metrics().items():
        if score is None:
            continue
        target = floor_of(score)
        old = floors.get(metric)
        if old is None:
            new[metric] = target
            changes.append(f"{metric}: pinned at {target:.4f}")
        elif target > old + EPS or (allow_regression and target < old - EPS):
            new[metric] = target
            changes.append(f"{metric}: {old:.4f} -> {target:.4f}")
    return new, changes
