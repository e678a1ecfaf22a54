"""Storage back-ends. The embedded default is SQLite (:mod:`lagebild.store.sqlite`)."""
from __future__ import annotations

from .sqlite import Store, StoreError, input_key, open_store

__all__ = ["Store", "StoreError", "input_key", "open_store"]
