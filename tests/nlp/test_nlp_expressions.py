"""The table of German number, quantity and date expressions (written before tuning)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "nlp_case_check", Path(__file__).resolve().parent / "nlp_case_check.py")
assert _spec and _spec.loader
cc = importlib.util.module_from_spec(_spec)
sys.modules["nlp_case_check"] = cc
_spec.loader.exec_module(cc)

CASES = cc.load_cases()


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 200


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=c.id, marks=[pytest.mark.xfail(reason="known failure", strict=False)]
                  if c.status == "xfail" else []) for c in CASES],
)
def test_expression(case: "cc.Case") -> None:
    ok, found = cc.check(case)
    assert ok, f"expected {case.expect!r}; found: {found}"
