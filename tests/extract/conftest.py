"""Fixtures for the event-coder tests: the coder on the fictional test KB (no real states)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest

from lagebild.extract.resources import load_lexicon
from lagebild.extract.validation import code_text, load_gazetteer

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def code() -> Callable[..., list[dict[str, Any]]]:
    """``code(text, published=None, ...)`` -> event dicts (one sentence per line)."""
    gaz = load_gazetteer(DATA / "test_kb.jsonl")
    lex = load_lexicon(("base", "rukp"))

    def run(text: str, **kw: Any) -> list[dict[str, Any]]:
        return code_text(text, gaz, lex, **kw)
    return run
