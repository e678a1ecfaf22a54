"""Knowledge base and entity linking.

Public API (for the other stages and the faces):

* :func:`load_kb(settings) <load_kb>` -> :class:`KnowledgeBase`: the packs named in
  ``settings["kb"]["packs"]`` (folder names under ``resources/packs/`` or paths), loaded once
  per process and cached. Malformed data raises :class:`KBError` (``file:line: reason``).
* :meth:`KnowledgeBase.lookup(text, published=None) <KnowledgeBase.lookup>` -> ``Entity | None``:
  resolve a surface string ("Kremlchef", "nordkoreanischen", "Nachrichtenagentur KCAN",
  "US") to a canonical entity, e.g. for the events coder's actors, targets and attributions.
  ``published`` (ISO date) picks the holder of a role phrase; None means the current holder.
* :meth:`KnowledgeBase.get(entity_id) <KnowledgeBase.get>` -> ``Entity | None``.
* :func:`known_names(settings) <known_names>` -> ``frozenset[str]``: every surface form the KB
  knows (names, aliases, adjective stems, short forms, role phrases) plus the capitalised
  words of multi-word ones that are not ordinary German words ("Kim", "Sinmun"; not
  "für", "Haus"), as written; the scrape repairer must not split or fuse these.
* The pipeline stage ``entities`` lives in :mod:`lagebild.kb.linker` (``make_stage``);
  :func:`lagebild.kb.linker.link_text` links a plain string without a Doc.
* NER: :mod:`lagebild.kb.ner` (``load_tagger``), used by the linker when ``[ner] enabled``.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Mapping

from .knowledge import KnowledgeBase
from .schema import KBError

__all__ = ["KBError", "KnowledgeBase", "known_names", "load_kb", "lookup"]


def _packs(settings: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(settings.get("kb", {}).get("packs", ["base"]))


@lru_cache(maxsize=4)
def _load(packs: tuple[str, ...]) -> KnowledgeBase:
    from .loader import load

    return load(packs)


def load_kb(settings: Mapping[str, Any]) -> KnowledgeBase:
    """The knowledge base of ``settings`` (cached per pack list)."""
    return _load(_packs(settings))


@lru_cache(maxsize=4)
def _names(packs: tuple[str, ...]) -> frozenset[str]:
    from . import text as tx

    kb = _load(packs)
    out = set(kb.surfaces)
    for s in kb.surfaces:
        parts = tx.surface_tokens(s)
        if len(parts) > 1:
            out.update(w for w in parts if len(w) > 1 and w[:1].isupper()
                       and not tx.is_common_word(w) and not tx.is_noun(w))
    return frozenset(out)


def known_names(settings: Mapping[str, Any]) -> frozenset[str]:
    """Surface forms the KB knows, as written (see the module docstring)."""
    return _names(_packs(settings))


def lookup(settings: Mapping[str, Any], text: str, published: str | None = None) -> Any:
    """Shortcut for ``load_kb(settings).lookup(text, published)``."""
    return load_kb(settings).lookup(text, published)
