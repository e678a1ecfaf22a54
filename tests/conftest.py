"""Shared fixtures. `shared_dir` points at ../shared (read-only data); tests that need it
skip with a clear message when it is absent (a fresh clone)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))  # for support_stages (fake stages for engine tests)


def _shared() -> Path:
    env = os.environ.get("LAGEBILD_SHARED")
    return Path(env) if env else TESTS.parent.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = _shared()
    if not (path / "gold").is_dir():
        pytest.skip(f"../shared not found at {path}: data-dependent check skipped")
    return path
