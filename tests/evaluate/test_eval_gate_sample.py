"""The pinned quality gate on the bundled sample corpus: fails when any score drops under
its floor in eval/baseline.json (trafilatura-style regression gate; needs no ../shared)."""
from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_sample_corpus_stays_above_the_pinned_floors(capsys: pytest.CaptureFixture[str]) -> None:
    code = 0
    try:
        main(["eval", "--gold", "sample", "--baseline", str(ROOT / "eval" / "baseline.json")])
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    assert code == 0, "scores under their floors:\n" + "\n".join(
        line for line in (out.out + out.err).splitlines() if "UNDER FLOOR" in line or "floor" in line.lower())
