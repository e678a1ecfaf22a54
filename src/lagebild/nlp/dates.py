"""Date mentions in German text, resolved against the publication date.

``find_dates(text, published) -> list[DateMention]``: absolute dates ("04.06.2025",
"4. Juni 2025", "Juni 2024", "im Jahr 2023", "Anfang 2025", "Herbst 2022", "Winter 2023/24",
"im dritten Quartal 2024") and relative ones ("gestern", "am Dienstag", "vergangene Woche",
"im Oktober vergangenen Jahres", "seit vergangenem Herbst", "Ende vergangenen Jahres",
"vor zwei Jahren", "in diesem Sommer", "des Vorjahres", "Ende der Woche", "zum Jahresende",
"in den 1990er Jahren"), each with a
``TimeValue(text, start, end, granularity)``: ``start``/``end`` are ISO dates (inclusive),
granularity one of day, week, month, season, quarter, half, part_of_year (Anfang/Mitte/Ende
of a year or of a month), year. ``published`` is an ISO 8601 string or None; without it a
relative expression (or a day without a year) keeps ``start``/``end`` None, never today.

Conventions: a weekday ("am Dienstag", "am Dienstagabend") is the last such day on or before
publication, or the next one when its sentence is in the future ("will", "soll", "wird":
:mod:`lagebild.nlp.tense`); "am (vergangenen) Wochenende" the last Saturday-Sunday; a month
or season without a year ("im August", "im Frühjahr") lies in the publication year, except a
month after the publication month in a past-tense sentence (last year's) or one before it in
a future sentence (next year's);
"vergangenen Herbst" is the last autumn that ended before publication; seasons are
meteorological (see :mod:`lagebild.nlp.datecalc`). A leading preposition ("seit", "im")
belongs to the mention's text. The words are data (``resources/de/relative_dates.tsv``,
``calendar.tsv``, ``year_context.tsv``); the grammar combining them is below.

Stage ``dates`` (requires article, sentences; assigns dates).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from typing import Any, Mapping, Sequence

from ..model import DateMention, Doc, TimeValue
from . import datecalc as dc
from .anchors import anchors
from .lexicon import calendar, digit_spans, qualifiers, read_tsv, word_list, word_positions
from .numwords import parse_word
from .tense import sentence_tense

Resolved = tuple[dc.Range | None, str] | None  # None: not a date after all


@functools.lru_cache(maxsize=1)
def _vocab() -> dict[str, dict[str, tuple[str, str]]]:
    """kind -> {word: (value, granularity)} from relative_dates.tsv."""
    out: dict[str, dict[str, tuple[str, str]]] = {}
    for word, kind, value, gran in read_tsv("relative_dates.tsv", 4):
        out.setdefault(kind, {})[word] = (value, gran)
    return out


def _alt(words: Sequence[str], capital: bool = True, lower: bool = True, bounded: bool = True) -> str:
    forms: set[str] = set()
    for w in words:
        if lower:
            forms.add(w)
        if capital:
            forms.add(w[:1].upper() + w[1:])
    parts = [re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True)]
    body = "(?:" + "|".join(parts) + ")"
    return r"(?<!\w)" + body + r"(?!\w)" if bounded else body


def _cal_alt(kind: str) -> str:
    return _alt([k for k, v in calendar().items() if v.kind == kind], lower=False)


_YEAR = r"(?<![\d.,/])(?:1[0-9]{3}|20[0-9]{2}|2100)(?![\d]|[.,]\d)"


@functools.lru_cache(maxsize=1)
def _rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    v = _vocab()
    prep = _alt(list(v["prefix"]))
    mod = _alt(list(v["modifier"]))
    part = _alt(list(v["part"]), lower=False)
    ordinal = _alt(list(v["ordinal"]), capital=False)
    period = _alt(list(v["period"]), lower=False)
    unit = _alt(list(v["unit"]), lower=False)
    dei = _alt(list(v["deictic"]))
    month, wday, season = _cal_alt("month"), _cal_alt("weekday"), _cal_alt("season")
    daypart = _alt(list(v["daypart"]), capital=False, bounded=False)
    wday_stem = _alt([k for k, c in calendar().items() if c.kind == "weekday"], lower=False, bounded=False)
    yearpart = _alt(list(v["yearpart"]), lower=False)
    qual = _alt([" ".join(k) for k in qualifiers()], capital=False)
    y = rf"(?P<y>{_YEAR})"
    of_year = rf"(?:(?:des\s+)?(?P<ymod>{mod})\s+Jahres|(?P<ythis>des)\s+Jahres|{y})"
    p = rf"(?:(?<!\w)(?P<prep>{prep})\s+)?"
    raw = {
        "numeric": rf"{p}(?<![\d.])(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}}(?!\d))?",
        "iso": r"(?P<y>\d{4})(?<![\d-]\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d])",
        "day_month": rf"{p}(?:(?P<wd>{wday}),?\s+(?:den\s+)?)?(?<![\d.])(?P<d>\d{{1,2}})\.\s?"
                     rf"(?P<mn>{month})(?:\s+{y})?",
        "part_month": rf"{p}(?P<part>{part})\s+(?P<mn>{month})(?:\s+{y})?",
        "part_year": rf"{p}(?P<part>{part})\s+{of_year}",
        "month": rf"{p}(?:(?P<mod>{mod})\s+)?(?P<mn>{month})(?:\s+{of_year})?",
        "season": rf"{p}(?:(?P<mod>{mod})\s+)?(?P<s>{season})(?:\s+(?:(?P<ymod>{mod})\s+Jahres"
                  rf"|{y}(?:/(?P<y2>\d{{2,4}}))?))?",
        "period": rf"{p}(?P<ord>{ordinal})\s+(?P<per>{period})(?:\s+{of_year})?",
        "relative": rf"{p}(?P<mod>{mod})\s+(?P<unit>{unit})(?!\w)",
        "ago": rf"(?<!\w)[Vv]or\s+(?:{qual}\s+)?(?P<n>\d+|[a-zäöüß]+)\s+(?P<unit>{unit})(?!\w)",
        "weekday": rf"{p}(?:(?P<mod>{mod})\s+)?(?<!\w)(?P<wd>{wday_stem})(?:{daypart})?(?!\w)",
        "weekend": rf"{p}(?:(?P<mod>{mod})\s+)?(?<!\w)Wochenende(?!\w)",
        "yearpart": rf"{p}(?:zum\s+|zu\s+)?(?P<yp>{yearpart})(?:\s+{y})?",
        "part_period": rf"{p}(?P<part>{part})\s+(?:des|der|dieses|dieser)\s+(?:(?P<mod>{mod})\s+)?"
                       rf"(?P<per2>Monats|Woche)(?!\w)",
        "decade": r"(?:(?<!\w)(?:[Ii]n\s+den|[Dd]er|[Dd]ie|[Ss]eit\s+den)\s+)?(?<![\w.])"
                  r"(?P<dec>(?:1[0-9]|20)?[0-9]0)er(?:\s+|-)Jahren?(?!\w)",
        "deictic": rf"{p}(?:(?:des|dem|im)\s+)?(?<!\w)(?P<dei>{dei})(?!\w)",
        "year": rf"{p}(?:(?P<jahr>[Jj]ahre?s?)\s+)?{y}",
    }
    return tuple((name, re.compile(pattern)) for name, pattern in raw.items())


#: Which anchor kinds a rule needs (any one of them in its window).
_NEEDS = {
    "numeric": {"num"}, "iso": {"num"}, "day_month": {"month"}, "part_month": {"month"},
    "part_year": {"part"}, "month": {"month"}, "season": {"season"}, "period": {"ordinal"},
    "relative": {"modifier"}, "ago": {"vor"}, "weekday": {"weekday"}, "deictic": {"deictic"},
    "year": {"num"}, "weekend": {"weekend"}, "yearpart": {"yearpart"}, "part_period": {"part"},
    "decade": {"num"},
}


@functools.lru_cache(maxsize=1)
def _gates() -> dict[str, re.Pattern[str]]:
    """A part every match of a rule contains (beyond its anchor word): a text or window
    without it is not scanned by the rule (faster; the same matches)."""
    unit = re.compile(_alt(list(_vocab()["unit"]), lower=False, bounded=False))
    return {
        "numeric": re.compile(r"\d\.\d{1,2}\."),
        "iso": re.compile(r"\d{4}-\d{2}-\d{2}"),
        "decade": re.compile(r"\d0er"),
        "year": re.compile(r"1\d{3}|20\d{2}|2100"),
        "relative": unit,
        "ago": unit,
    }


@functools.lru_cache(maxsize=1)
def anchor_words() -> dict[str, str]:
    """Word -> anchor kind: every date expression contains one of these words (or a digit)."""
    v = _vocab()
    out: dict[str, str] = {"vor": "vor", "Vor": "vor", "Wochenende": "weekend"}
    for kind in ("modifier", "deictic", "part", "ordinal", "yearpart"):
        for w in v[kind]:
            out[w] = out[w[:1].upper() + w[1:]] = kind
    for name, c in calendar().items():
        if name.isalpha():
            out[name[:1].upper() + name[1:]] = c.kind
            if c.kind == "weekday":  # "Dienstagabend"
                out.update({name.capitalize() + part: "weekday" for part in v["daypart"]})
    return out


def _windows(text: str) -> list[tuple[int, int, frozenset[str]]]:
    """Merged character windows around the anchors (30 characters before, 60 after: runs of
    digits and anchor words), with the anchor kinds in each."""
    table = anchor_words()
    hits = [(a, b, "num") for a, b in digit_spans(text)]
    n = len(text)
    for w in anchors(text)[1]:  # the anchor words are all letters
        found = word_positions(text, w)
        # as a whole word (\w+) somewhere: neither neighbour is "_" (word_positions: not alnum)
        if any((a == 0 or text[a - 1] != "_") and (a + len(w) == n or text[a + len(w)] != "_")
               for a in found):
            hits.extend((a, a + len(w), table[w]) for a in found)
    hits.sort()
    out: list[tuple[int, int, frozenset[str]]] = []
    lo = hi = -1
    kinds: set[str] = set()
    for start, end, kind in hits:
        a, b = max(0, start - 30), min(n, end + 60)
        if hi >= 0 and a <= hi:
            hi = max(hi, b)
            kinds.add(kind)
        else:
            if hi >= 0:
                out.append((lo, hi, frozenset(kinds)))
            lo, hi, kinds = a, b, {kind}
    if hi >= 0:
        out.append((lo, hi, frozenset(kinds)))
    return out


def _iso(r: dc.Range | None) -> tuple[str | None, str | None]:
    return (r[0].isoformat(), r[1].isoformat()) if r else (None, None)


def _cal(name: str) -> int:
    return calendar()[name.lower()].value


def _modval(word: str | None) -> int | None:
    return None if word is None else int(_vocab()["modifier"][word.lower()][0])


def _year_of(g: dict[str, str | None], pub: dt.date | None) -> int | None:
    """Year named by the groups (y, ymod, ythis); the publication year when none is named."""
    if g.get("y"):
        return int(g["y"])  # type: ignore[arg-type]
    if pub is None:
        return None
    if g.get("ymod"):
        return pub.year + (_modval(g["ymod"]) or 0)
    return pub.year


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" „\"“»«(")
    return not before or before[-1] in ".!?:\n"


def _resolve(name: str, m: re.Match[str], text: str, pub: dt.date | None) -> Resolved:
    g = m.groupdict()
    named = bool(g.get("y"))
    if name in ("numeric", "iso"):
        d, mo = int(g["d"]), int(g["m"])
        if g.get("y"):
            yr = int(g["y"])
        elif pub is None:
            return (None, "day") if 1 <= mo <= 12 and 1 <= d <= 31 else None
        else:
            yr = pub.year
        return (dc.day(dt.date(yr, mo, d)), "day") if dc.valid_day(yr, mo, d) else None
    if name == "day_month":
        yr, mo, d = _year_of(g, pub), _cal(g["mn"]), int(g["d"])
        if yr is None:
            return None, "day"
        return (dc.day(dt.date(yr, mo, d)), "day") if dc.valid_day(yr, mo, d) else None
    if name == "part_month":
        yr = _year_of(g, pub)
        part = _vocab()["part"][g["part"].lower()][0]
        return (dc.part_of_month(yr, _cal(g["mn"]), part) if yr else None), "part_of_year"
    if name == "part_year":
        yr = _year_of(g, pub)
        part = _vocab()["part"][g["part"].lower()][0]
        return (dc.part_of_year(yr, part) if yr else None), "part_of_year"
    if name == "month":
        if not (g.get("prep") or g.get("mod") or named or g.get("ymod") or g.get("ythis")):
            return None  # "August Bebel", "Mai Thi"
        mo = _cal(g["mn"])
        if pub is None and not named:
            return None, "month"
        if g.get("mod") and not named:
            off = _modval(g["mod"]) or 0
            yr = pub.year  # type: ignore[union-attr]
            if off < 0 and mo >= pub.month:  # type: ignore[union-attr]
                yr -= 1
            elif off > 0 and mo <= pub.month:  # type: ignore[union-attr]
                yr += 1
            return dc.month(yr, mo), "month"
        yr = _year_of(g, pub)
        if pub is not None and not (named or g.get("ymod") or g.get("ythis")) and mo != pub.month:
            tense = sentence_tense(text, m.start(), m.end())
            if tense == "past" and mo > pub.month:
                yr = pub.year - 1  # "Im November stieg ...", published in January
            elif tense == "future" and mo < pub.month:
                yr = pub.year + 1  # "Im März soll ... beginnen", published in June
        return dc.month(yr, mo), "month"  # type: ignore[arg-type]
    if name == "season":
        if not (g.get("prep") or g.get("mod") or named or g.get("ymod")):
            return None  # "Ron Sommer", "Minister Winter"
        first = _cal(g["s"])
        if named:
            return dc.season(int(g["y"]), first), "season"
        if pub is None:
            return None, "season"
        if g.get("ymod"):
            return dc.season(pub.year + (_modval(g["ymod"]) or 0), first), "season"
        return dc.season_instance(pub, first, _modval(g.get("mod")) or 0), "season"
    if name == "period":
        k = int(_vocab()["ordinal"][g["ord"].lower()][0])
        gran = _vocab()["period"][g["per"].lower()][1]
        if gran == "half" and k > 2:
            return None
        yr = _year_of(g, pub)
        if yr is None:
            return None, gran
        return (dc.quarter(yr, k) if gran == "quarter" else dc.half(yr, k)), gran
    if name == "relative":
        unit = g["unit"].lower()
        if unit.endswith(("en", "e")) and unit not in ("woche",):
            return None  # "in den letzten Jahren": a stretch, not a period
        gran = _vocab()["unit"][unit][1]
        return (dc.shift(pub, gran, _modval(g["mod"]) or 0) if pub else None), gran
    if name == "ago":
        n = int(g["n"]) if g["n"].isdigit() else (1 if g["n"] in ("einem", "einer") else parse_word(g["n"]))
        if not n:
            return None
        gran = _vocab()["unit"][g["unit"].lower()][1]
        return (dc.shift(pub, gran, -int(n)) if pub else None), gran
    if name == "weekday":
        if not (g.get("prep") or g.get("mod")):
            return None
        if pub is None:
            return None, "day"
        wd, off = _cal(g["wd"]), _modval(g.get("mod")) or 0
        if not off and pub.weekday() != wd and sentence_tense(text, m.start(), m.end()) == "future":
            off = 1  # "Am Donnerstag will der Rat entscheiden": the coming Thursday
        return dc.day(dc.weekday_before(pub, wd, off)), "day"
    if name == "weekend":
        if not (g.get("prep") or g.get("mod")):
            return None  # "am ersten Wochenende"
        if pub is None:
            return None, "day"
        off = _modval(g.get("mod")) or 0
        sunday = dc.weekday_before(pub, 6, off)  # the weekend that ended last (or the next one)
        return (sunday - dt.timedelta(days=1), sunday), "day"
    if name == "yearpart":
        yr = _year_of(g, pub)
        part = _vocab()["yearpart"][g["yp"].lower()][0]
        return (dc.part_of_year(yr, part) if yr else None), "part_of_year"
    if name == "part_period":
        part = _vocab()["part"][g["part"].lower()][0]
        off = _modval(g.get("mod")) or 0
        if g["per2"] == "Woche":
            return (dc.shift(pub, "week", off) if pub else None), "week"
        if pub is None:
            return None, "part_of_year"
        yr, mo = dc.add_months(pub.year, pub.month, off)
        return dc.part_of_month(yr, mo, part), "part_of_year"
    if name == "decade":
        dec = g["dec"]
        start = int(dec) if len(dec) == 4 else (2000 if dec in ("00", "10") else 1900) + int(dec)
        return (dt.date(start, 1, 1), dt.date(start + 9, 12, 31)), "year"
    if name == "deictic":
        word = g["dei"]
        off, gran = _vocab()["deictic"][word.lower()]
        if gran == "day" and word[0].isupper() and not _sentence_start(text, m.start("dei")):
            return None  # "am Morgen", "Heute" as a title
        if gran == "day" and g.get("prep") and g["prep"].lower() == "am":
            return None
        if word.lower() == "heute" and text[:m.start("dei")].rstrip().lower().endswith(" von") \
                and not text[m.end():m.end() + 4].lower().startswith((" an", " ab")):
            return None  # "die Jugend von heute", "von heute auf morgen": no day
        if word.lower() == "morgen" and re.search(r"\bvon\s+heute\s+auf\s*$", text[:m.start("dei")], re.I):
            return None
        return (dc.shift(pub, gran, int(off)) if pub else None), gran
    if name == "year":
        yr = int(g["y"])
        if not g.get("jahr"):
            before = text[:m.start("y")].split()
            after = text[m.end():m.end() + 30].split()
            ctx = before[-1].lower() if before else ""
            nxt = after[0] if after else ""
            if ctx not in _year_context() and (nxt[:1] in ("%", "€", "$") or (
                    nxt[:1].isupper() and nxt.rstrip(".,;:").lower() not in calendar())):
                return None  # "1500 Soldaten", "2000 Euro"
        return dc.year(yr), "year"
    return None


@functools.lru_cache(maxsize=1)
def _year_context() -> frozenset[str]:
    return word_list("year_context.tsv") | {k for k, v in calendar().items() if v.kind in ("month", "season")}


def find_dates(text: str, published: str | None = None) -> list[DateMention]:
    """Date mentions in ``text`` (offsets into ``text``), resolved against ``published``."""
    pub = dc.parse_published(published)
    found: list[tuple[int, int, int, DateMention]] = []
    windows = _windows(text)
    seen: set[tuple[int, int, int]] = set()
    gates = _gates()
    for order, (name, rx) in enumerate(_rules()):
        need, gate = _NEEDS[name], gates.get(name)
        spans = [(a, b) for a, b, kinds in windows if not need.isdisjoint(kinds)]
        if gate is not None and spans:  # only the windows (not the whole text) are searched
            spans = [(a, b) for a, b in spans if gate.search(text, a, b)]
        for m in (m for a, b in spans for m in rx.finditer(text, a, b)):
            if (m.start(), m.end(), order) in seen:
                continue
            seen.add((m.start(), m.end(), order))
            try:
                res = _resolve(name, m, text, pub)
            except (ValueError, OverflowError):  # "vor 8000 Jahren": outside the calendar
                res = None
            if res is None:
                continue
            rng, gran = res
            start, end = _iso(rng)
            s = m.group(0)
            found.append((m.start(), m.end(), order,
                          DateMention(s, m.start(), m.end(), TimeValue(s, start, end, gran))))
    found.sort(key=lambda x: (-(x[1] - x[0]), x[2], x[0]))
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for a, b, _, mention in found:
        if any(a < q and p < b for p, q in taken):
            continue
        taken.append((a, b))
        out.append(mention)
    return sorted(out, key=lambda d: d.start)


@dataclasses.dataclass(frozen=True)
class DateStage:
    settings: Mapping[str, Any]
    name: str = "dates"
    requires: tuple[str, ...] = ("article", "sentences")
    assigns: tuple[str, ...] = ("dates",)

    def __call__(self, doc: Doc) -> Doc:
        from ..pipeline import is_codable

        if doc.article is None or not is_codable(doc, self.settings):
            return doc
        found = find_dates(doc.article.body, doc.article.published)
        return dataclasses.replace(doc, dates=tuple(found))


def make_stage(settings: Mapping[str, Any]) -> DateStage:
    _rules()
    return DateStage(settings)
