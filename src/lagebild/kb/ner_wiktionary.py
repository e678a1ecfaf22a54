"""A German noun lexicon from Wiktionary behind the CRF NER's ``wk`` features.

In German every noun is capitalised, so capitalisation alone does not tell "Haus" from
"Merkel", and wordfreq (which folds case) does not either. The shipped file
``resources/models/ner-wiktionary.tsv.gz`` lists every inflected form of the nouns of the
German Wiktionary with the kind of noun it is:

- ``noun``: a common noun ("Häuser", "Soldaten") — evidence *against* a name;
- ``topo``: a place name ("Aachen"), ``first``/``last``: a given name or surname,
  ``eigen``: another proper name, ``abbr``: an abbreviation.

Only one-word forms are listed (names of several words gave no gain in a trial).
The file is derived by :func:`write_lexicon` from the ``german-nouns`` package (Wiktionary
DE, CC BY-SA 4.0); that package is needed only to rebuild the file, not to tag::

    pip install german-nouns==1.2.5
    python -c "from lagebild.kb.ner_wiktionary import write_lexicon; write_lexicon()"

The features change with the file: retrain (``lagebild train-ner``) after rebuilding it.
"""
from __future__ import annotations

import csv
import gzip
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from ..config import resource_path

LEXICON_FILE = "ner-wiktionary.tsv.gz"
KINDS = ("noun", "topo", "first", "last", "eigen", "abbr")
_CASE_PREFIXES = ("nominativ", "genitiv", "dativ", "akkusativ")
_SKIP_POS = frozenset({"Affix", "Gebundenes Lexem", "Suffix", "Redewendung", "Buchstabe"})


@dataclass(frozen=True)
class WiktLexicon:
    """One-word noun forms and their kinds."""

    single: dict[str, tuple[str, ...]]


def _kind(pos: set[str]) -> str:
    if "Toponym" in pos:
        return "topo"
    if "Vorname" in pos:
        return "first"
    if "Nachname" in pos:
        return "last"
    if "Eigenname" in pos or "Straßenname" in pos:
        return "eigen"
    if "Abkürzung" in pos:
        return "abbr"
    return "noun"


def lexicon_rows(csv_path: str | Path) -> dict[str, set[str]]:
    """``form -> kinds`` from the german-nouns CSV (one-word forms only)."""
    rows: dict[str, set[str]] = {}
    with open(csv_path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        cols = [i for i, c in enumerate(header) if c.startswith(_CASE_PREFIXES)]
        for row in reader:
            pos = set(row[1].split(","))
            if pos & _SKIP_POS:
                continue
            kind = _kind(pos)
            for form in {row[0], *(row[i] for i in cols if i < len(row))}:
                form = form.strip()
                if form[:1].isalpha() and not any(c.isspace() for c in form):
                    rows.setdefault(form, set()).add(kind)
    return rows


def write_lexicon(out: str | Path | None = None, csv_path: str | Path | None = None) -> int:
    """Rebuild the shipped file from the german-nouns package; returns the number of forms."""
    from importlib import metadata, util

    spec = util.find_spec("german_nouns")
    if csv_path is None and (spec is None or not spec.submodule_search_locations):
        raise ValueError("the german-nouns package is needed to rebuild the noun lexicon")
    src = Path(csv_path) if csv_path else Path(list(spec.submodule_search_locations)[0]) / "nouns.csv"
    dest = Path(out) if out else resource_path("models", LEXICON_FILE)
    rows = lexicon_rows(src)
    try:
        version = metadata.version("german-nouns")
    except metadata.PackageNotFoundError:
        version = "(version unknown)"
    with gzip.open(dest, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# German noun forms for the lagebild CRF NER features (kb/ner_wiktionary.py).\n"
                 f"# Derived by the lagebild authors from german-nouns {version} (German "
                 "Wiktionary, CC BY-SA 4.0; this file is under the same licence);\n"
                 "# rebuilt with lagebild.kb.ner_wiktionary.write_lexicon.\n"
                 f"# columns: form<TAB>kinds (comma-separated: {', '.join(KINDS)})\n")
        for form in sorted(rows):
            fh.write(f"{form}\t{','.join(k for k in KINDS if k in rows[form])}\n")
    return len(rows)


def read_lexicon(path: str | Path) -> WiktLexicon:
    """Load a (gzipped) ``form<TAB>kinds`` file; ``#`` lines are comments."""
    p = Path(path)
    try:
        raw = gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise ValueError(f"{p}: cannot read the noun lexicon ({exc})") from None
    single: dict[str, tuple[str, ...]] = {}
    seen: dict[str, tuple[str, ...]] = {}  # the few distinct kind columns, checked once
    for n, line in enumerate(text.split("\n"), 1):
        if not line or line[0] == "#":
            continue
        form, tab, col = line.partition("\t")
        if not tab or not form or "\t" in col or any(c.isspace() for c in form):
            raise ValueError(f"{p}:{n}: expected 'form<TAB>kinds', got {line!r}")
        kinds = seen.get(col)
        if kinds is None:
            kinds = tuple(col.split(","))
            bad = [k for k in kinds if k not in KINDS]
            if bad:
                raise ValueError(f"{p}:{n}: unknown kind {bad[0]!r} "
                                 f"(expected one of {', '.join(KINDS)})")
            seen[col] = kinds
        single[form] = kinds
    return WiktLexicon(single)


@lru_cache(maxsize=1)
def wiktionary() -> WiktLexicon:
    """The shipped lexicon (empty when the data file is absent)."""
    path = resource_path("models", LEXICON_FILE)
    if not path.is_file():
        return WiktLexicon({})
    return read_lexicon(path)


def token_kinds(token: str, lex: WiktLexicon) -> tuple[str, ...]:
    """The kinds of one token (an all-caps token is also looked up title-cased)."""
    kinds = lex.single.get(token)
    if kinds is None and token.isupper() and len(token) > 2:
        kinds = lex.single.get(token.title())
    return kinds or ()
