"""Checking one row of ``data/nlp_expressions.tsv`` (shared by the test and bench/nlp_expressions.py)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lagebild.nlp.dates import find_dates
from lagebild.nlp.numbers import find_quantities

TABLE = Path(__file__).resolve().parent / "data" / "nlp_expressions.tsv"


@dataclass(frozen=True)
class Case:
    line: int
    kind: str
    published: str | None
    text: str
    expect: str
    status: str

    @property
    def id(self) -> str:
        return f"{self.line}:{self.kind}:{self.text[:40]}"


def load_cases() -> list[Case]:
    cases = []
    for no, line in enumerate(TABLE.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 5:
            raise ValueError(f"{TABLE}:{no}: expected 5 fields, got {len(parts)}")
        kind, pub, text, expect, status = parts
        cases.append(Case(no, kind, None if pub == "-" else pub, text, expect, status))
    return cases


def _fields(expect: str) -> dict[str, str]:
    return dict(kv.split("=", 1) for kv in expect.split(";") if kv)


def _close(a: float | None, b: str) -> bool:
    return a is not None and abs(a - float(b)) <= 1e-6 + 1e-3 * abs(float(b))


def check(case: Case) -> tuple[bool, str]:
    """(passed, what was found) for one case."""
    if case.kind in ("quantity", "no_quantity"):
        found = find_quantities(case.text)
        shown = "; ".join(f"{q.text!r} v={q.value} lo={q.low} hi={q.high} {q.unit} {q.qualifier} "
                          f"counts={q.counts}" for q in found)
        if case.kind == "no_quantity":
            a = case.text.find(case.expect)
            b = a + len(case.expect)
            return not any(q.start < b and a < q.end for q in found), shown
        want = _fields(case.expect)
        for q in found:
            ok = True
            for k, v in want.items():
                got = getattr(q, k)
                ok &= _close(got, v) if k in ("value", "low", "high") else str(got) == v
            if ok:
                return True, shown
        return False, shown
    found_d = find_dates(case.text, case.published)
    shown = "; ".join(f"{d.text!r} {d.time.start}..{d.time.end} {d.time.granularity}" for d in found_d)
    if case.kind == "no_date":
        a = case.text.find(case.expect)
        b = a + len(case.expect)
        return not any(d.start < b and a < d.end for d in found_d), shown
    want = _fields(case.expect)
    for d in found_d:
        got = {"start": d.time.start or "-", "end": d.time.end or "-",
               "granularity": d.time.granularity, "text": d.text}
        if all(got[k] == v for k, v in want.items()):
            return True, shown
    return False, shown
