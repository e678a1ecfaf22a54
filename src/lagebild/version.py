"""``pipeline_version``: which code and which data produced a record.

It is ``<package version>+<digest>``, the digest covering every shipped resource file
(language data, packs, rule files, model weights) and the configured stage list, so a
rerun after a rule or pack change can be told apart from the first run.
"""
from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Any, Mapping

from . import __version__
from .config import resource_path


@functools.lru_cache(maxsize=8)
def _resources_digest(root: str) -> str:
    h = hashlib.sha256()
    base = Path(root)
    for p in sorted(base.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc":
            h.update(str(p.relative_to(base)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def pipeline_version(settings: Mapping[str, Any]) -> str:
    h = hashlib.sha256(_resources_digest(str(resource_path())).encode())
    h.update(json.dumps(settings.get("pipeline", {}), sort_keys=True).encode())
    h.update(json.dumps(settings.get("kb", {}), sort_keys=True).encode())
    return f"{__version__}+{h.hexdigest()[:10]}"
