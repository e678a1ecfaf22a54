"""Typed name lists and cue words behind the CRF NER's lexical features.

Two shipped data files in ``resources/models/`` (fixed files, so that the trained weights do
not shift when a user adds a knowledge-base pack):

- ``ner-kb.tsv``: the names, aliases and adjectives of the lagebild knowledge-base packs
  ``base`` and ``rukp`` with their NER class (countries and places -> LOC, organisations and
  media -> ORG, persons -> PER, weapon systems -> OTH, country adjectives -> ADJ), plus the
  German, Austrian and Swiss subdivisions from pycountry (:func:`write_kb_names`);
- ``ner-cues.tsv``: hand-written cue words (``AG``, ``-ministerium``, ``Film``; see its header).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from ..config import resource_path
from .knowledge import END
from .ner_gazetteer import data_rows as _rows

KB_FILE = "ner-kb.tsv"
CUES_FILE = "ner-cues.tsv"
KB_CLASSES = ("PER", "ORG", "LOC", "OTH", "ADJ")
CUE_CLASSES = ("PER", "ORG", "LOC", "OTH")
CUE_KINDS = ("head", "suffix", "trigger")
KB_PACKS = ("base", "rukp")
_TYPE_CLASS = {"COUNTRY": "LOC", "LOC": "LOC", "ORG": "ORG", "MEDIA": "ORG", "PER": "PER",
               "WEAPON": "OTH"}
_MAX_TOKENS = 5
_ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")


@dataclass(frozen=True)
class TypedNames:
    """KB names by class: single tokens, multi-token names by first token, adjective stems."""

    single: dict[str, frozenset[str]]
    multi: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    adj: frozenset[str]


def read_kb_names(path: str | Path) -> TypedNames:
    """Load a ``name<TAB>class`` file (see the module docstring)."""
    p = Path(path)
    single: dict[str, set[str]] = {}
    multi: dict[str, set[tuple[tuple[str, ...], str]]] = {}
    adj: set[str] = set()
    for n, (name, cls) in _rows(p, 2):
        if cls not in KB_CLASSES:
            raise ValueError(f"{p}:{n}: class must be one of {', '.join(KB_CLASSES)}, "
                             f"got {cls!r}")
        if cls == "ADJ":
            adj.add(name.lower())
            continue
        toks = tuple(name.split(" "))
        if len(toks) == 1:
            single.setdefault(name, set()).add(cls)
        else:
            multi.setdefault(toks[0], set()).add((toks, cls))
    return TypedNames({k: frozenset(v) for k, v in single.items()},
                      {k: tuple(sorted(v, key=lambda x: (-len(x[0]), x[1])))
                       for k, v in multi.items()},
                      frozenset(adj))


@lru_cache(maxsize=1)
def kb_names() -> TypedNames:
    """The shipped typed name list (empty when the file is absent)."""
    path = resource_path("models", KB_FILE)
    if not path.is_file():
        return TypedNames({}, {}, frozenset())
    return read_kb_names(path)


def adj_stem(lower: str) -> str | None:
    """The known country adjective that ``lower`` inflects ("russischen" -> "russisch")."""
    names = kb_names()
    for end in _ADJ_ENDINGS:
        if lower.endswith(end) and lower[:len(lower) - len(end)] in names.adj:
            return lower[:len(lower) - len(end)]
    return None


@dataclass(frozen=True)
class Cues:
    """Cue words: ``head`` and ``trigger`` words as written, ``suffix`` endings lower-cased."""

    head: dict[str, str]
    trigger: dict[str, str]
    suffix: tuple[tuple[str, str], ...]  # longest first


def read_cues(path: str | Path) -> Cues:
    """Load a ``word<TAB>class<TAB>kind`` cue file."""
    p = Path(path)
    kinds: dict[str, dict[str, str]] = {k: {} for k in CUE_KINDS}
    for n, (word, cls, kind) in _rows(p, 3):
        if cls not in CUE_CLASSES:
            raise ValueError(f"{p}:{n}: class must be one of {', '.join(CUE_CLASSES)}, "
                             f"got {cls!r}")
        if kind not in CUE_KINDS:
            raise ValueError(f"{p}:{n}: kind must be one of {', '.join(CUE_KINDS)}, "
                             f"got {kind!r}")
        kinds[kind][word.lower() if kind == "suffix" else word] = cls
    suffix = tuple(sorted(kinds["suffix"].items(), key=lambda x: -len(x[0])))
    return Cues(kinds["head"], kinds["trigger"], suffix)


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The shipped cue words (empty when the file is absent)."""
    path = resource_path("models", CUES_FILE)
    if not path.is_file():
        return Cues({}, {}, ())
    return read_cues(path)


def suffix_cue(word: str) -> str | None:
    """The class of a cue ending of a capitalised compound ("Innenministerium" -> ORG)."""
    if not word[:1].isupper():
        return None
    lw = word.lower()
    for end, cls in cues().suffix:
        if len(lw) >= len(end) + 3 and lw.endswith(end):
            return cls
    return None


def _walk(trie: Any) -> Iterator[Any]:
    """Every alias entry stored in the knowledge base's surface trie."""
    for key, node in trie.items():
        if key == END:
            yield from node
        else:
            yield from _walk(node)


def kb_name_rows(packs: tuple[str, ...] = KB_PACKS) -> set[tuple[str, str]]:
    """``(name, class)`` rows from the KB packs and pycountry subdivisions."""
    from . import load_kb

    kb = load_kb({"kb": {"packs": list(packs)}})
    rows: set[tuple[str, str]] = set()
    for entry in _walk(kb.trie):
        ent = kb.get(entry.entity_id)
        if ent is None:
            continue
        if entry.kind == "adj":
            cls: str | None = "ADJ"
        else:
            cls = _TYPE_CLASS.get(ent.type)
        if cls and 0 < len(entry.surface) <= _MAX_TOKENS:
            rows.add((" ".join(entry.surface), cls))
    for ent in kb:
        cls = _TYPE_CLASS.get(ent.type)
        for form in (ent.name, *ent.names.values(), *ent.aliases):
            toks = form.split()
            if cls and 0 < len(toks) <= _MAX_TOKENS:
                rows.add((" ".join(toks), cls))
    try:
        import pycountry

        for sub in pycountry.subdivisions:
            if sub.country_code in ("DE", "AT", "CH"):
                rows.add((sub.name, "LOC"))
    except ImportError:  # pragma: no cover
        pass
    return {(unicodedata.normalize("NFC", n), c) for n, c in rows
            if "\t" not in n and n.strip() == n and n}


def write_kb_names(out: str | Path, packs: tuple[str, ...] = KB_PACKS) -> int:
    """Write ``ner-kb.tsv`` from the KB packs; returns the number of rows."""
    import pycountry

    rows = sorted(kb_name_rows(packs))
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(f"# Typed names for the lagebild CRF NER features.\n"
                 f"# Derived by the lagebild authors from the lagebild knowledge-base packs "
                 f"{', '.join(packs)} (names, aliases, country adjectives) and pycountry "
                 f"{pycountry.__version__} subdivisions of DE, AT, CH;\n"
                 f"# rebuilt with lagebild.kb.ner_lexicon.write_kb_names.\n"
                 f"# columns: name<TAB>class ({'|'.join(KB_CLASSES)})\n")
        for name, cls in rows:
            fh.write(f"{name}\t{cls}\n")
    return len(rows)
