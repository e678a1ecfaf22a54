#!/usr/bin/env python3
"""Clean the invented pages of unseen outlet layouts (tests/clean/data/clean_outlets.yaml)
and print how many meet every expectation, and each problem of the others.

Usage: python bench/clean_outlets.py [NAME ...]   (names: print those pages' bodies too)
"""
from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

from lagebild.clean.cleaner import clean_text

TEST = Path(__file__).resolve().parents[1] / "tests" / "clean" / "test_clean_outlets.py"


def main() -> int:
    spec = importlib.util.spec_from_file_location("clean_outlets_test", TEST)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    wanted = set(sys.argv[1:])
    ok = 0
    t0 = time.perf_counter()
    for name, page in mod.PAGES.items():
        c = clean_text(page["text"])
        problems = mod.problems(page, c)
        ok += not problems
        for p in problems:
            print(f"{name}: {p}")
        if name in wanted:
            print(f"--- {name} body ---\n{c.body}\n--- warnings: {c.warnings}")
    print(f"outlet pages meeting every expectation: {ok}/{len(mod.PAGES)} "
          f"({time.perf_counter() - t0:.2f} s)")
    return 0 if ok == len(mod.PAGES) else 1


if __name__ == "__main__":
    sys.exit(main())
