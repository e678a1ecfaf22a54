"""The REST API (a small WSGI app over :mod:`lagebild.library`) and its server."""
from __future__ import annotations

from .rest import make_app, serve

__all__ = ["make_app", "serve"]
