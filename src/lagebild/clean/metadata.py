"""Metadata lines of German news pages: date lines, bylines, outlet signatures, form-style
footer fields ("Genauer Ort bekannt?" / value), tag lists. All vocabulary comes from
``metadata.tsv`` and ``calendar.tsv``."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .html import iso_from_meta
from .patterns import MetaVocab, alternation

DOMAIN = r"[a-z0-9][\w-]*(?:\.[\w-]+)*\.[a-z]{2,6}"
_DOMAIN_RX = re.compile(rf"^{DOMAIN}$", re.I)
_SIGNATURE = re.compile(rf"^\(?(?:[a-zäöü]{{2,5}}\s?/\s?)+(?P<outlet>{DOMAIN})\)?$")
_COPYRIGHT = re.compile(rf"(?:©|\(c\)|copyright)\s*(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?\s*)?(?P<outlet>{DOMAIN})\b", re.I)
_TIME = re.compile(r"(?<![\d.:])(?P<H>[01]?\d|2[0-3])[:.](?P<M>[0-5]\d)(?::[0-5]\d)?(?![\d])(?:\s*Uhr)?", re.I)


@dataclass(frozen=True)
class DateHit:
    iso: str
    kind: str  # published | updated


@dataclass(frozen=True)
class Byline:
    author: str
    outlet: str | None
    rest: str  # what followed the name (a date, a place)


def norm_domain(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip().lower().rstrip(".")
    value = value[4:] if value.startswith("www.") else value
    return value if _DOMAIN_RX.match(value) else None


def _valid(y: int, m: int, d: int) -> bool:
    if not 1990 <= y <= 2100:
        return False
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


class MetaReader:
    """Parses metadata lines with the vocabulary of ``metadata.tsv``."""

    def __init__(self, vocab: MetaVocab) -> None:
        self.vocab = vocab
        months = alternation(tuple(m for m, _ in vocab.months))
        self._month_no = dict(vocab.months)
        self._named = re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\.\s*(?P<mon>{months})(?!\w)\s*(?P<y>\d{{4}})", re.I)
        self._numeric = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4}|\d{2})(?![\d])"
                                   r"|(?<![\d/])(?P<d2>\d{1,2})/(?P<m2>\d{1,2})/(?P<y2>\d{4})(?![\d/])")
        self._iso = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)")
        words = [*vocab.date_published, *vocab.date_updated, *vocab.date_filler,
                 *(re.escape(w) for w in vocab.weekdays)]
        self._filler = re.compile(r"^(?:\s|[.:,|·•/()\[\]–—-]|" + "|".join(f"(?:{w})(?!\\w)" for w in words) + ")*$", re.I)
        self._updated = re.compile("|".join(f"(?:{w})" for w in vocab.date_updated), re.I)
        self._published = re.compile("|".join(f"(?:{w})" for w in vocab.date_published), re.I)
        roles = alternation(vocab.byline_roles)
        prefixes = alternation(vocab.byline_prefixes)
        name_word = r"[A-ZÄÖÜ][\w'’.-]*[\wäöüß]"
        name = rf"{name_word}(?:\s+(?:(?:von|van|de|der|den|zu|da|di|del|la|le|ten|al|el)\s+)?{name_word}){{1,3}}"
        self._byline = re.compile(
            rf"^(?i:{prefixes}):?\s+(?:(?:unserem|unserer|unseren)\s+)?"
            rf"(?:(?P<outlet>{DOMAIN})-)?(?:(?P<role>(?:{roles})(?:en|in|innen)?)\s+)?"
            rf"(?P<name>{name}(?:\s*(?:,|und|&)\s*{name})*)(?P<rest>.*)$")
        self._tags = re.compile(r"^(?:" + "|".join(vocab.tags_labels) + r")\s*:\s*(?P<tags>.+)$", re.I)
        self._sources = re.compile(r"^(?:" + "|".join(vocab.sources_labels) + r")\s*:\s*(?P<src>.+)$", re.I)

    # ------------------------------------------------------------------ dates
    def _date_at(self, line: str) -> tuple[tuple[int, int, int], tuple[int, int]] | None:
        for rx in (self._named, self._numeric):
            m = rx.search(line)
            if not m:
                continue
            g = m.groupdict()
            if g.get("d2"):  # "20/05/2025": day first, as written in Europe
                g = {"d": g["d2"], "m": g["m2"], "y": g["y2"]}
            d = int(g["d"])
            mo = self._month_no.get(g["mon"].casefold(), 0) if "mon" in g else int(g["m"])
            y = int(g["y"])
            y = y + 2000 if y < 100 else y
            if _valid(y, mo, d):
                return (y, mo, d), m.span()
        return None

    def parse_date(self, text: str) -> str | None:
        """ISO form of a date (and time) stated in ``text``: German formats or ISO."""
        m = self._iso.search(text)
        if m:
            return iso_from_meta(m.group(0))
        found = self._date_at(text)
        if not found:
            return None
        (y, mo, d), (s, e) = found
        iso = f"{y:04d}-{mo:02d}-{d:02d}"
        t = _TIME.search(text[e:]) or _TIME.search(text[:s])
        if t:
            iso += f"T{int(t.group('H')):02d}:{t.group('M')}"
        return iso

    def date_line(self, line: str) -> DateHit | None:
        """A line that states a date (and time) and nothing else but filler words."""
        if len(line) > 90:
            return None
        iso = self.parse_date(line)
        if not iso:
            return None
        rest = self._iso.sub(" ", line)
        rest = self._named.sub(" ", rest)
        rest = self._numeric.sub(" ", rest)
        rest = _TIME.sub(" ", rest)
        if not self._filler.match(rest):
            return None
        kind = "updated" if self._updated.search(line) and not self._published.search(line) else "published"
        return DateHit(iso, kind)

    # ------------------------------------------------------------------ bylines, outlets
    def byline(self, line: str) -> Byline | None:
        if len(line.split()) > 16:
            return None
        m = self._byline.match(line.strip())
        if not m:
            return None
        rest = m.group("rest").strip()
        if rest and not re.match(r"^(?:[,|·•–—(/-]|mit (?:material|agenturmaterial|informationen)\b)", rest, re.I):
            return None  # "Von Berlin aus flog …": not a byline
        author = re.sub(r"\s+", " ", m.group("name")).strip()
        return Byline(author, norm_domain(m.group("outlet")), rest.strip(" ,|·•–—-()/"))

    def composite(self, line: str) -> tuple[DateHit | None, Byline | None] | None:
        """A line of parts joined by ``|`` or ``·`` that are all date, time or byline parts
        ("13.05.2025 | 09:31 Uhr | Von …"): its date and byline."""
        parts = [p.strip() for p in re.split(r"\s[|·•]\s", line) if p.strip()]
        if len(parts) < 2 or len(line) > 160:
            return None
        bylines = [b for p in parts if (b := self.byline(p))]
        rest = " | ".join(p for p in parts if not self.byline(p))
        hit = self.date_line(rest) if rest else None
        if len(bylines) > 1 or (rest and hit is None):
            return None
        return hit, (bylines[0] if bylines else None)

    @staticmethod
    def signature_outlet(line: str) -> str | None:
        """``abc/example.de`` (author initials / outlet) closing an article."""
        m = _SIGNATURE.match(line.strip())
        return norm_domain(m.group("outlet")) if m else None

    @staticmethod
    def copyright_outlet(line: str) -> str | None:
        m = _COPYRIGHT.search(line)
        return norm_domain(m.group("outlet")) if m else None

    # ------------------------------------------------------------------ lists
    def tags_line(self, line: str) -> list[str] | None:
        m = self._tags.match(line.strip())
        if not m:
            return None
        return [t.strip() for t in re.split(r"[,;|•·]", m.group("tags")) if t.strip()]

    def sources_line(self, line: str) -> list[str] | None:
        m = self._sources.match(line.strip())
        if not m or len(m.group("src").split()) > 12:
            return None
        return [s.strip() for s in re.split(r",|;|\bund\b|/", m.group("src")) if s.strip()]

    def footer_label(self, line: str) -> str | None:
        text = line.strip()
        for rx, field in self.vocab.footer_labels:
            if rx.fullmatch(text):
                return field
        return None
