"""Evaluation against gold files and the regression gate behind ``lagebild eval``."""
from __future__ import annotations

from .gate import BaselineError, Violation, check, load_baseline, save_baseline, updated_floors
from .gold import Gold, GoldError, load_gold
from .report import Report, Row, Table
from .scoring import score

__all__ = ["score", "load_gold", "Gold", "GoldError", "Report", "Row", "Table", "check",
           "load_baseline", "save_baseline", "updated_floors", "Violation", "BaselineError"]
