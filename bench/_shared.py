"""Helpers for the benchmark scripts: locating ../shared and reading 10kGNAD."""
from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    path = Path(os.environ.get("LAGEBILD_SHARED", ROOT.parent / "shared"))
    if not (path / "data").is_dir():
        sys.exit(f"../shared not found at {path}: this benchmark needs the shared data (set LAGEBILD_SHARED)")
    return path


def gnad_texts(limit: int | None = None) -> list[str]:
    """The 10kGNAD test split's article texts (label column dropped)."""
    path = shared_dir() / "data" / "10kGNAD" / "test.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [row[1] for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) >= 2]
    return rows[:limit] if limit else rows
