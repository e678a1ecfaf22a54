"""Ingest: turn files, folders, stdin, JSONL, HTML, WARC and RSS into :class:`RawDoc` s.

Readers never clean or interpret text: they hand over bytes, a format and the metadata the
container itself states. What cannot be read becomes a :class:`~lagebild.model.Rejection`.
"""
from __future__ import annotations

from .sources import iter_inputs, Input

__all__ = ["iter_inputs", "Input"]
