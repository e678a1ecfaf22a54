"""Pass rate of the expression table tests/nlp/data/nlp_expressions.tsv (numbers, quantities, dates).

Usage: python bench/nlp_expressions.py [--failures]
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("nlp_case_check", ROOT / "tests/nlp/nlp_case_check.py")
assert _spec and _spec.loader
cc = importlib.util.module_from_spec(_spec)
sys.modules["nlp_case_check"] = cc
_spec.loader.exec_module(cc)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--failures", action="store_true", help="print every failing case")
    args = ap.parse_args()
    total, passed = Counter(), Counter()
    xfail_passing = []
    for case in cc.load_cases():
        ok, found = cc.check(case)
        total[case.kind] += 1
        passed[case.kind] += ok
        if not ok and args.failures:
            print(f"FAIL [{case.status}] line {case.line} {case.kind}: {case.text}\n"
                  f"     expect {case.expect}\n     found  {found}")
        if ok and case.status == "xfail":
            xfail_passing.append(case.line)
    for kind in total:
        print(f"{kind:12s} {passed[kind]:4d}/{total[kind]:4d}")
    n, p = sum(total.values()), sum(passed.values())
    print(f"all          {p:4d}/{n:4d} = {p / n:.3f}")
    if xfail_passing:
        print(f"marked xfail but passing (lines): {xfail_passing}")


if __name__ == "__main__":
    main()
