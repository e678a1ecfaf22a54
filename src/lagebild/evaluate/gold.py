"""Gold files (the format of ``../shared/gold/seeds.yaml``) and the matching rules they state.

A gold file is YAML with a ``seeds`` mapping (file name -> expectations) and an optional
``cross_source`` section. This module loads and checks it, maps stored articles to gold
keys by file name, and implements the header's matching rules for ids, attributions and
periods ("2024-10", "2024-autumn", "2024-late", "2023").
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Iterable, Mapping

import yaml

ARTICLE_SECTIONS = ("seeds", "articles")
QID_RE = re.compile(r"^Q\d+$")
ISO2_RE = re.compile(r"^[A-Z]{2}$")

# named parts of a year: (first month, last month); "winter" runs into the next year
_PERIODS: dict[str, tuple[int, int]] = {
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14),
    "early": (1, 4), "mid": (5, 8), "late": (9, 12),
    "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12), "h1": (1, 6), "h2": (7, 12),
}


class _GoldLoader(yaml.SafeLoader):
    """Safe YAML loader that keeps zero-padded numbers (article refs such as ``003``) as text
    instead of reading them as (octal) integers."""


def _int_or_ref(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    text = loader.construct_scalar(node)
    if re.fullmatch(r"0\d+", str(text)):
        return str(text)
    return loader.construct_yaml_int(node)


_GoldLoader.add_constructor("tag:yaml.org,2002:int", _int_or_ref)


class GoldError(ValueError):
    """A gold file cannot be read or has the wrong shape."""


@dataclass(frozen=True)
class Gold:
    """A loaded gold file: per-article expectations plus the cross-source section."""

    path: str
    articles: Mapping[str, Mapping[str, Any]]
    cross_source: Mapping[str, Any]

    @property
    def name(self) -> str:
        return Path(self.path).name

    def key_for(self, ref: Any) -> str | None:
        """Gold key for a reference such as ``003`` (or the number 3), or a full file name."""
        ref = str(ref)
        if ref in self.articles:
            return ref
        hits = [k for k in self.articles if k.startswith(ref)]
        if len(hits) != 1 and ref.isdigit():  # a number: the key's leading digits
            hits = [k for k in self.articles
                    if (m := re.match(r"\d+", k)) and int(m[0]) == int(ref)]
        return hits[0] if len(hits) == 1 else None


def load_gold(path: str | Path) -> Gold:
    p = Path(path)
    try:
        data = yaml.load(p.read_text("utf-8"), Loader=_GoldLoader)  # noqa: S506 (safe loader)
    except FileNotFoundError:
        raise GoldError(f"gold file not found: {p}") from None
    except yaml.YAMLError as exc:
        raise GoldError(f"{p}: not valid YAML: {exc}") from None
    return gold_from_dict(data, str(p))


def gold_from_dict(data: Any, where: str = "<gold>") -> Gold:
    if not isinstance(data, Mapping):
        raise GoldError(f"{where}: expected a mapping at the top level")
    section = next((s for s in ARTICLE_SECTIONS if s in data), None)
    if section is None:
        raise GoldError(f"{where}: no 'seeds' (or 'articles') section")
    arts = data[section] or {}
    if not isinstance(arts, Mapping):
        raise GoldError(f"{where}: '{section}' must map file names to expectations")
    for key, exp in arts.items():
        if exp is not None and not isinstance(exp, Mapping):
            raise GoldError(f"{where}: {section}.{key}: expected a mapping")
        for ev in (exp or {}).get("events", []) or []:
            if not isinstance(ev, Mapping) or "type" not in ev or "actor" not in ev:
                raise GoldError(f"{where}: {section}.{key}: each event needs 'type' and 'actor'")
    cross = data.get("cross_source") or {}
    if not isinstance(cross, Mapping):
        raise GoldError(f"{where}: 'cross_source' must be a mapping")
    return Gold(where, {str(k): (v or {}) for k, v in arts.items()}, cross)


# --------------------------------------------------------------------------- articles <-> keys
def _refs(article: Mapping[str, Any]) -> list[str]:
    return [str(article[f]) for f in ("path", "url", "source") if article.get(f)]


def match_articles(keys: Iterable[str], articles: Iterable[Mapping[str, Any]]) -> dict[str, dict]:
    """Gold key -> article, matched by file name in ``path``/``url``.

    A reference whose last path component (before a ``:line`` suffix or query) equals the
    key wins; otherwise the key must occur in exactly one article's reference.
    """
    keys = list(keys)
    arts = list(articles)
    out: dict[str, dict] = {}
    for key in keys:
        exact, loose = [], []
        for a in arts:
            for ref in _refs(a):
                base = PurePosixPath(re.split(r"[?#]", ref.replace("\\", "/"))[0]).name
                if base == key or base.split(":")[0] == key:
                    exact.append(a)
                    break
                if key in ref:
                    loose.append(a)
                    break
        pick = exact or loose
        if pick:
            # several stored copies of one input: prefer the one that is not a duplicate
            pick.sort(key=lambda a: (a.get("duplicate_of") is not None, str(a.get("id"))))
            out[key] = dict(pick[0])
    return out


# --------------------------------------------------------------------------- id rules
def norm(text: Any) -> str:
    """Whitespace-collapsed, typographic quotes unified (for metadata comparisons)."""
    s = str(text)
    s = re.sub(r"[\u201c\u201d\u201e\u00ab\u00bb\u2033]", '"', s)
    s = re.sub(r"[\u2018\u2019\u201a\u2039\u203a]", "'", s)
    return " ".join(s.split())


def entity_names(entity: Mapping[str, Any] | None) -> set[str]:
    if not entity:
        return set()
    names = {entity.get("name"), entity.get("id"), *(entity.get("aliases") or ())}
    names.update((entity.get("names") or {}).values())
    return {str(n).casefold() for n in names if n}


def id_matches(gold_id: str, entity_id: str | None,
               entities: Mapping[str, Mapping[str, Any]]) -> bool:
    """The gold header's id rule: ISO codes and QIDs compare exactly; any other gold id is a
    canonical name that must equal the linked entity's name or one of its aliases (any case)."""
    if not entity_id:
        return False
    gold_id = str(gold_id)
    if QID_RE.match(gold_id) or ISO2_RE.match(gold_id):
        return entity_id == gold_id
    if entity_id == gold_id:
        return True
    return gold_id.casefold() in entity_names(entities.get(entity_id))


def attribution_matches(gold: str, attribution: Mapping[str, Any] | None,
                        entities: Mapping[str, Mapping[str, Any]]) -> bool:
    """A country code matches ``attribution.country``; a name matches the attribution's
    entity name, an alias, or its text."""
    if not attribution:
        return False
    gold = str(gold)
    if ISO2_RE.match(gold):
        return attribution.get("country") == gold
    if id_matches(gold, attribution.get("entity_id"), entities):
        return True
    text = str(attribution.get("text") or "")
    return bool(re.search(rf"(?<!\w){re.escape(gold)}(?!\w)", text, re.IGNORECASE))


def period(value: Any) -> tuple[str, str] | None:
    """ISO date range ``(first, last)`` of a gold period, or None when it cannot be read."""
    s = str(value).strip().lower()
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", s)
    if m:
        y = int(m[1])
        if m[3]:
            d = f"{y:04d}-{int(m[2]):02d}-{int(m[3]):02d}"
            return d, d
        if m[2]:
            mo = int(m[2])
            return f"{y:04d}-{mo:02d}-01", f"{y:04d}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}"
        return f"{y:04d}-01-01", f"{y:04d}-12-31"
    m = re.fullmatch(r"(\d{4})-([a-z0-9]+)", s)
    if m and m[2] in _PERIODS:
        y, (first, last) = int(m[1]), _PERIODS[m[2]]
        ly, lm = (y + 1, last - 12) if last > 12 else (y, last)
        return f"{y:04d}-{first:02d}-01", f"{ly:04d}-{lm:02d}-{calendar.monthrange(ly, lm)[1]:02d}"
    return None


def in_period(iso: Any, value: Any) -> bool:
    """True when the ISO date ``iso`` (its first 10 characters) falls in the gold period."""
    rng = period(value)
    if not iso or rng is None:
        return False
    day = str(iso)[:10]
    if len(day) == 7:
        day += "-01"
    elif len(day) == 4:
        day += "-01-01"
    return rng[0] <= day <= rng[1]
