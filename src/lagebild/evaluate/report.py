"""The evaluation report: one table per field, one row per metric."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Row:
    """One metric. ``score`` is ``correct / n`` unless given; None means not measured (n/a)."""

    metric: str
    n: int | None
    correct: int | None
    score: float | None
    misses: tuple[str, ...] = ()
    note: str = ""

    @classmethod
    def ratio(cls, metric: str, n: int, correct: int, misses: list[str] | tuple[str, ...] = (),
              note: str = "") -> "Row":
        return cls(metric, n, correct, (correct / n) if n else None, tuple(misses), note)

    @classmethod
    def na(cls, metric: str, note: str) -> "Row":
        return cls(metric, None, None, None, (), note)


@dataclass(frozen=True)
class Table:
    name: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Report:
    gold: str
    tables: tuple[Table, ...]
    notes: tuple[str, ...] = field(default=())

    def metrics(self) -> dict[str, float | None]:
        """``table.metric`` -> score (None when not measured)."""
        return {f"{t.name}.{r.metric}": r.score for t in self.tables for r in t.rows}

    def row(self, key: str) -> Row:
        table, _, metric = key.partition(".")
        for t in self.tables:
            if t.name == table:
                for r in t.rows:
                    if r.metric == metric:
                        return r
        raise KeyError(key)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "notes": list(self.notes),
            "tables": {
                t.name: [{"metric": r.metric, "n": r.n, "correct": r.correct, "score": r.score,
                          "misses": list(r.misses), "note": r.note} for r in t.rows]
                for t in self.tables
            },
        }
