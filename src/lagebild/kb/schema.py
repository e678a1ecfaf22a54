"""Schema of the knowledge-base data files; every error names ``file:line: reason``.

Entity files (``kb_*.jsonl`` in a pack folder): one JSON object a line, ``#`` lines are
comments (provenance and columns). Keys:

==========  ==========================================================================
id          required. ISO alpha-2 (countries), Wikidata QID, or a slug
type        PER | ORG | COUNTRY | LOC | WEAPON | MEDIA (required for a new id)
name        canonical name, English where one exists (required for a new id)
names       {"de": ..., "en": ...}
aliases     other surface forms (spellings, transliterations, metonyms)
adj         German adjective stems, lower case ("russisch"); inflected forms match
short       short forms used after a full mention ("Putin", "Kim")
country     ISO alpha-2 or an international organisation's code (UN, EU, NATO, ...)
lat, lon    coordinates of places
category    a weapon's item category (CONTRACT.md vocabulary); an organisation's kind
            (ORG_CATEGORIES: government, company, party, ...): the event coder takes only
            state organs and international bodies as state actors
qid         Wikidata id, ``Q`` and digits
roles       [{"role", "of", "from", "to"}]: offices with ISO dates (``to`` null = current)
==========  ==========================================================================

A record whose id already exists (from an earlier file or pack) extends it: lists are
joined, other given keys replace the earlier values.

Role phrases (``role_phrases.tsv``): phrase, role, country (may be empty), compound_only.
Type cues (``type_cues.tsv``): word, type.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Mapping

from ..model import ENTITY_TYPES, ITEM_CATEGORIES

QID = re.compile(r"^Q\d+$")
#: Kinds of organisation (``category`` of an ORG or MEDIA record).
ORG_CATEGORIES = frozenset({
    "government", "ministry", "military", "intelligence", "agency", "parliament", "state",
    "international", "alliance", "company", "party", "club", "ngo", "court", "media",
    "religious", "university"})
ROLES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister",
         "vice_president", "spokesperson", "secretary_general")
LIST_KEYS = ("aliases", "adj", "short", "roles")
STR_KEYS = ("type", "name", "country", "category", "qid")
KEYS = frozenset(("id", "names", "lat", "lon", *LIST_KEYS, *STR_KEYS))
_COUNTRYISH = re.compile(r"^[A-Z][A-Z0-9]{1,5}$")


class KBError(ValueError):
    """A knowledge-base data file is malformed; the message starts with ``file:line:``."""


def _fail(where: str, reason: str) -> KBError:
    return KBError(f"{where}: {reason}")


def _date(value: Any, where: str, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _fail(where, f"{what} must be an ISO date or null")
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        raise _fail(where, f"{what} {value!r} is not an ISO date (YYYY-MM-DD)") from None
    return value


def check_role(role: Any, where: str) -> dict[str, Any]:
    if not isinstance(role, Mapping):
        raise _fail(where, "each role must be an object {role, of, from, to}")
    unknown = set(role) - {"role", "of", "from", "to"}
    if unknown:
        raise _fail(where, f"unknown role keys {sorted(unknown)}")
    if role.get("role") not in ROLES:
        raise _fail(where, f"role {role.get('role')!r} is not one of {', '.join(ROLES)}")
    of = role.get("of")
    if not isinstance(of, str) or not _COUNTRYISH.match(of):
        raise _fail(where, f"role 'of' must be a country or organisation code, got {of!r}")
    start, end = _date(role.get("from"), where, "from"), _date(role.get("to"), where, "to")
    if start and end and end < start:
        raise _fail(where, f"role ends ({end}) before it starts ({start})")
    return {"role": role["role"], "of": of, "from": start, "to": end}


def check_record(obj: Any, where: str, is_new: bool) -> dict[str, Any]:
    """Validate one entity line; ``is_new`` when its id is not known from an earlier line."""
    if not isinstance(obj, dict):
        raise _fail(where, "a line must hold one JSON object")
    unknown = set(obj) - KEYS
    if unknown:
        raise _fail(where, f"unknown keys {sorted(unknown)}")
    rid = obj.get("id")
    if not isinstance(rid, str) or not rid.strip():
        raise _fail(where, "'id' must be a non-empty string")
    if is_new:
        for k in ("type", "name"):
            if not obj.get(k):
                raise _fail(where, f"new entity {rid!r} lacks {k!r} (or extends an unknown id)")
    for k in STR_KEYS:
        if k in obj and obj[k] is not None and not isinstance(obj[k], str):
            raise _fail(where, f"{k!r} must be a string")
    for k in LIST_KEYS:
        if k in obj and not isinstance(obj[k], list):
            raise _fail(where, f"{k!r} must be a list")
    for k in ("aliases", "adj", "short"):
        for v in obj.get(k, []):
            if not isinstance(v, str) or not v.strip():
                raise _fail(where, f"{k!r} must hold non-empty strings, got {v!r}")
    for v in obj.get("adj", []):
        if v != v.lower():
            raise _fail(where, f"adjective stem {v!r} must be lower case")
    if "type" in obj and obj["type"] not in ENTITY_TYPES:
        raise _fail(where, f"type {obj['type']!r} is not one of {', '.join(ENTITY_TYPES)}")
    if obj.get("qid") is not None and not QID.match(obj["qid"]):
        raise _fail(where, f"qid {obj['qid']!r} does not match ^Q\\d+$")
    if QID.match(rid) and obj.get("qid") not in (None, rid):
        raise _fail(where, f"id {rid!r} is a QID but qid is {obj.get('qid')!r}")
    if obj.get("country") is not None and not _COUNTRYISH.match(obj["country"]):
        raise _fail(where, f"country {obj['country']!r} is not a code like 'RU' or 'UN'")
    cat = obj.get("category")
    if cat is not None and cat not in ITEM_CATEGORIES and cat not in ORG_CATEGORIES:
        raise _fail(where, f"category {cat!r} is neither an item category nor an organisation"
                           f" kind ({', '.join(sorted(ORG_CATEGORIES))})")
    if obj.get("type") == "WEAPON" and is_new and not obj.get("category"):
        raise _fail(where, f"weapon {rid!r} needs a category")
    names = obj.get("names", {})
    if not isinstance(names, dict) or not all(isinstance(v, str) for v in names.values()):
        raise _fail(where, "'names' must map language codes to strings")
    for k, lo, hi in (("lat", -90, 90), ("lon", -180, 180)):
        v = obj.get(k)
        if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))
                              or not lo <= v <= hi):
            raise _fail(where, f"{k!r} must be a number in [{lo}, {hi}]")
    out = dict(obj)
    out["roles"] = [check_role(r, where) for r in obj.get("roles", [])]
    return out


def check_role_phrase(cols: list[str], where: str) -> tuple[str, str, str | None, bool]:
    if len(cols) != 4:
        raise _fail(where, f"expected 4 tab-separated columns, got {len(cols)}")
    phrase, role, country, compound = (c.strip() for c in cols)
    if not phrase:
        raise _fail(where, "empty phrase")
    if role not in ROLES:
        raise _fail(where, f"role {role!r} is not one of {', '.join(ROLES)}")
    if country and not _COUNTRYISH.match(country):
        raise _fail(where, f"country {country!r} is not a code")
    if compound not in ("yes", "no"):
        raise _fail(where, "compound_only must be yes or no")
    return phrase, role, country or None, compound == "yes"


def check_cue(cols: list[str], where: str) -> tuple[str, str]:
    if len(cols) != 2 or not cols[0].strip():
        raise _fail(where, "expected word<TAB>type")
    if cols[1].strip() not in ENTITY_TYPES:
        raise _fail(where, f"type {cols[1].strip()!r} is not one of {', '.join(ENTITY_TYPES)}")
    return cols[0].strip(), cols[1].strip()
