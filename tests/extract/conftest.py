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


def _reduce(code: Callable[..., list[dict[str, Any]]], certainty: bool) -> Callable[[str], set[tuple]]:
    def run(text: str) -> set[tuple]:
        return {(e["type"], (e["actor"] or {}).get("country"), (e["target"] or {}).get("country"),
                 *((e["certainty"],) if certainty else ())) for e in code(text, published="2025-03-10T10:00")}
    return run


@pytest.fixture(scope="module")
def triples(code: Callable[..., list[dict[str, Any]]]) -> Callable[[str], set[tuple]]:
    """``triples(text)`` -> {(type, actor country, target country)}."""
    return _reduce(code, certainty=False)


@pytest.fixture(scope="module")
def quads(code: Callable[..., list[dict[str, Any]]]) -> Callable[[str], set[tuple]]:
    """``quads(text)`` -> {(type, actor country, target country, certainty)}."""
    return _reduce(code, certainty=True)
