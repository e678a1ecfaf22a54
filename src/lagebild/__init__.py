"""lagebild: German-language news intelligence.

The typed library API lives in :mod:`lagebild.library`; the most used calls are
re-exported here::

    import lagebild
    doc = lagebild.analyse_body("Nordkorea liefert Russland Munition.", published="2025-06-04")
    for ev in doc.events:
        print(ev.type, ev.actor, ev.target)
"""
from __future__ import annotations

__version__ = "0.1.0"

from typing import Any

__all__ = ["__version__", "process_text", "analyse_body", "open_store", "ingest"]


def __getattr__(name: str) -> Any:  # lazy: `import lagebild` stays cheap
    if name in ("process_text", "analyse_body", "open_store", "ingest"):
        from . import library

        return getattr(library, name)
    raise AttributeError(name)
