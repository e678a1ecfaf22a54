"""Line passes of the cleaner, part 1b: the page header (title, kicker and section labels,
bylines and author lines, date lines, tag runs, agency datelines) and the dates, sources and
signatures of the page footer."""
from __future__ import annotations

import re

from .lines import headline_like, is_bullet, paragraph_like, split_fused_tags, squash
from .metadata import DateHit, norm_domain
from .passes import OUTLET_BYLINE, OUTLET_SIGNATURE, Tools
from .work import Work

#: How many kept lines from the top are searched for title, byline and date.
HEADER_LINES = 10
#: After the first paragraph (a lede), this many more lines are searched for byline and date.
AFTER_LEDE_LINES = 4
#: How many kept lines from the bottom are searched for dates, sources and signatures.
FOOTER_LINES = 8
#: "Berlin – Die Regierung …": a dateline opens running text, never a title
_DATELINE = re.compile(r"^[A-ZÄÖÜ][\w./-]*(?:[ /][A-ZÄÖÜ][\w./-]*){0,3}(?: \([\w/ -]{2,20}\))? [–—-] ")
#: "Berlin (dpa) -", "PARIS (AFP).", "Genf (sda/Reuters):": the agencies in the parentheses
_AGENCY_DATELINE = re.compile(r"^[A-ZÄÖÜ][\w.'’-]*(?:[ /-][A-ZÄÖÜ][\w.'’-]*){0,3}\s*\((?P<ag>[^()]{2,40})\)\s*[–—:.-]")
_NAME_WORD = r"[A-ZÄÖÜ][a-zäöüßéèáàíóúçñ'’-]+"
#: "Irene Moser" or "Simon Keller, Bern": an author line without "Von"
_NAME_LINE = re.compile(rf"^(?P<name>{_NAME_WORD}(?:\s+(?:von |van |de |zu )?{_NAME_WORD}){{1,2}})"
                        rf"(?:,\s*{_NAME_WORD}(?:[ -]{_NAME_WORD})?)?$")
#: "Paris, 28.04.2025", "Frankfurt am Main, den 3. Juni 2025": a place and a date
_PLACE_DATE = re.compile(r"^(?P<place>[A-ZÄÖÜ][\w.'’-]*(?:[ /-](?:am |an der |im )?[A-ZÄÖÜ][\w.'’-]*){0,2}),\s*(?:den\s+)?(?P<date>.+)$")
#: "ntv.de, mli/dpa": the page's own domain, then author initials or agencies
_SIGNATURE_SOURCE = re.compile(r"^(?P<domain>[\w.-]+\.[a-z]{2,6}),\s*[a-z]{2,6}(?:\s*/\s*[\w-]{2,12})*$")
_SHORT_LABEL_END = re.compile(r"[.?:,;]$")
#: "krone.at", "Redaktion beispiel.de", "(kurier.at, apa)": the page names its own domain
_OWN_DOMAIN = re.compile(r"^(?:(?:redaktion|red\.|team|von)\s+)?\(?(?P<domain>[\w.-]+\.[a-z]{2,6})"
                         r"(?:\s*[,/]\s*[a-z]{2,6}){0,3}\)?$", re.I)


def _is_section(text: str, sections: frozenset[str]) -> bool:
    """A section label or breadcrumb: known section names, or short parts joined by "|"/">"
    ("Alpenpost | Ausland") with no sentence punctuation."""
    parts = [p.strip() for p in re.split(r"\s*[>›»|/]\s*", text) if p.strip()]
    if parts and all(p.casefold() in sections for p in parts):
        return True
    return (len(parts) >= 2 and bool(re.search(r"\s[>›»|]\s", text)) and not re.search(r"[.!?:,]", text)
            and all(len(p.split()) <= 3 for p in parts))


def _agency_part(tools: Tools, part: str) -> bool:
    """An agency ("dpa", "dpa-AFX"), an outlet's own name in lower case ("t-online",
    "ntv.de") or author initials ("pfl")."""
    part = part.strip()
    return (tools.credits.is_agency(part) or tools.credits.is_agency(part.split("-")[0])
            or bool(re.fullmatch(r"[a-z][a-z0-9]*(?:[.-][a-z0-9]+)+|[a-z]{2,5}", part)))


def _agency_byline(tools: Tools, text: str) -> str | None:
    """"Von t-online, dpa, pfl": a byline of agencies, outlets and initials (no author);
    returns what follows the label, None when the line is something else."""
    m = re.match(r"^(?:von|text)\s*:?\s+(?P<rest>.+)$", text.strip(), re.I)
    if not m or len(text.split()) > 10:
        return None
    parts = [p for p in re.split(r"\s*(?:,|/|&|\bund\b)\s*", m.group("rest")) if p.strip()]
    return m.group("rest").strip() if parts and all(_agency_part(tools, p) for p in parts) else None


def _signature_source(w: Work, text: str) -> bool:
    """"Quelle: ntv.de, abc/dpa": the page's own domain, then initials and agencies."""
    rest = text.split(":", 1)[1].strip() if ":" in text else ""
    m = _SIGNATURE_SOURCE.match(rest)
    domain = norm_domain(m.group("domain")) if m else None
    if domain is None:
        return False
    w.outlets.append((OUTLET_SIGNATURE, domain))
    return True


def agency_dateline(tools: Tools, text: str) -> list[str] | None:
    """The agencies of a dateline that opens running text ("Berlin (dpa) - …")."""
    m = _AGENCY_DATELINE.match(text)
    if not m:
        return None
    parts = [p for p in re.split(r"\s*[/,]\s*", m.group("ag")) if p.strip()]
    if parts and all(tools.credits.is_agency(p) or tools.credits.is_agency(p.split("-")[0]) for p in parts):
        return parts
    return None


def _date_hit(tools: Tools, text: str) -> DateHit | None:
    """A date line, also one led by a place ("Paris, 28.04.2025")."""
    hit = tools.meta.date_line(text)
    if hit is None and (m := _PLACE_DATE.match(text.strip())) and len(text) <= 60:
        hit = tools.meta.date_line(m.group("date"))
    return hit


def _role_line(tools: Tools, text: str) -> bool:
    """"Korrespondent in Warschau": the job line under a byline."""
    roles = "|".join(re.escape(r) for r in tools.meta.vocab.byline_roles)
    return (len(text.split()) <= 6 and not re.search(r"[.!?]$", text)
            and bool(re.match(rf"^(?:{roles})(?:en|in|innen)?\b", text.strip())))


def _byline(w: Work, tools: Tools, i: int, text: str) -> bool:
    """A byline, or a line of byline and date parts: metadata taken, line removed."""
    by = tools.meta.byline(text)
    hit = None
    if by is None:
        both = tools.meta.composite(text)
        if both is None or both[1] is None:
            if _agency_byline(tools, text) is None:
                return False
            w.remove(i, "byline")
            return True
        hit, by = both
    w.first("author", by.author)
    if by.outlet:
        w.outlets.append((OUTLET_BYLINE, by.outlet))
    if hit is not None:
        w.first(f"date_{hit.kind}", hit.iso)
    elif by.rest and (iso := tools.meta.parse_date(by.rest)):
        w.first("date_published", iso)
    w.remove(i, "byline")
    return True


def _domain_line(w: Work, i: int, text: str) -> bool:
    """A line that is only a domain ("krone.at", "Redaktion beispiel.de") states the page's
    outlet."""
    m = _OWN_DOMAIN.match(text.strip())
    domain = norm_domain(m.group("domain")) if m else None
    if domain is None:
        return False
    w.outlets.append((OUTLET_SIGNATURE, domain))
    w.remove(i, "footer signature")
    return True


def _domain_date_line(w: Work, tools: Tools, i: int, text: str) -> bool:
    """"(kurier.at, apa) | Stand: 03.06.2025, 14:12": the outlet's signature and a date."""
    parts = [p.strip() for p in re.split(r"\s[|·•]\s", text) if p.strip()]
    own = [p for p in parts if _OWN_DOMAIN.match(p)]
    rest = " | ".join(p for p in parts if p not in own)
    if len(parts) < 2 or len(own) != 1 or not rest or (hit := tools.meta.date_line(rest)) is None:
        return False
    m = _OWN_DOMAIN.match(own[0])
    if m and (domain := norm_domain(m.group("domain"))):
        w.outlets.append((OUTLET_SIGNATURE, domain))
    w.first(f"date_{hit.kind}", hit.iso)
    w.remove(i, "date line")
    return True


def _next_live(w: Work, i: int) -> int | None:
    return next((j for j in range(i + 1, len(w.lines)) if w.live(j)), None)


def _meta_line(w: Work, tools: Tools, i: int, text: str, prev_byline: bool) -> bool:
    """Date, byline, author and domain lines of the header: metadata taken, line removed."""
    if (hit := _date_hit(tools, text)) is not None:
        w.first(f"date_{hit.kind}", hit.iso)
        w.remove(i, "date line")
        return True
    if _byline(w, tools, i, text) or _domain_line(w, i, text) or _domain_date_line(w, tools, i, text):
        return True
    if prev_byline and _role_line(tools, text):
        w.remove(i, "byline")
        return True
    nxt = _next_live(w, i)
    if (not w.found.get("author") and (m := _NAME_LINE.match(text.strip())) and nxt is not None
            and _date_hit(tools, w.lines[nxt]) is not None):
        w.first("author", m.group("name"))
        w.remove(i, "byline")
        return True
    return False


def _question_title_ok(w: Work, tools: Tools, i: int) -> bool:
    """A question or exclamation is a title only where the page has a header: something
    removed before it, or a byline or date line right after it."""
    if any(w.drop[j] is not None for j in range(i) if w.lines[j].strip()):
        return True
    j = i
    for _ in range(2):
        j = _next_live(w, j) if j is not None else None
        if j is None:
            return False
        line = w.lines[j]
        if _date_hit(tools, line) or tools.meta.byline(line) or tools.meta.composite(line):
            return True
    return False


def _kicker(w: Work, tools: Tools, i: int, text: str) -> bool:
    """"Waffen für Taiwan" above "USA genehmigen Raketenverkauf an Taipeh": a short line
    right above a longer headline is the kicker, the headline is the title."""
    n = len(text.split())
    j = _next_live(w, i)
    if n > 4 or j is None:
        return False
    nxt = w.lines[j]
    return (len(nxt.split()) > n and headline_like(nxt, max_words=30) and not is_bullet(nxt)
            and (nxt[:1].isalnum() or nxt[:1] in "\"„“»«'")
            and not _DATELINE.match(nxt) and not _is_section(nxt, tools.sections)
            and _date_hit(tools, nxt) is None and tools.meta.byline(nxt) is None
            and not _NAME_LINE.match(nxt.strip()) and j not in w.key_points)


def _title_or_label(w: Work, tools: Tools, i: int, text: str) -> str | None:
    """What an open header line is: "title", "label", "text" (running text comes first)."""
    if _is_section(text, tools.sections):
        return "label"
    if (not is_bullet(text) and len(text.split()) >= 3 and headline_like(text, max_words=30)
            and not _DATELINE.match(text)):
        if re.search(r"(?:[?!]|\.\.\.|…)$", text.rstrip(" \"'“”»«")) and not _question_title_ok(w, tools, i):
            w.notes.append("doubt: a question or exclamation on the first line was kept as text, "
                           "not taken as the title")
            return "text"
        return "label" if _kicker(w, tools, i, text) else "title"
    if len(text.split()) <= 3 and not is_bullet(text) and not _SHORT_LABEL_END.search(text):
        return "label"
    return "text"


def header_pass(w: Work, tools: Tools, known_title: str | None) -> None:
    """Title, byline, date, section labels and tag runs at the top of the page."""
    title_key = squash(known_title) if known_title else None
    title_open = True
    seen = 0
    after_lede: int | None = None  # lines searched since the first paragraph
    for i in w.live_indices():
        if seen >= HEADER_LINES or (after_lede is not None and after_lede >= AFTER_LEDE_LINES):
            break
        if i in w.key_points:
            continue
        seen += 1
        if after_lede is not None:
            after_lede += 1
        text = w.lines[i]
        prev = w.prev_nonblank(i)
        if title_key and squash(text) == title_key:
            w.remove(i, "title")
            title_open = False
            continue
        if _meta_line(w, tools, i, text, prev is not None and w.drop[prev] == "byline"):
            continue
        if after_lede is not None:
            if paragraph_like(text) and not is_bullet(text):
                break
            continue
        if " " not in text.strip() and (tags := split_fused_tags(text.strip())):
            w.add_tags(tags)
            w.remove(i, "tags")
            continue
        if title_open and not any(w.live(j) for j in range(i + 1, len(w.lines))):
            break  # the last line left is the text itself, never a title or a label
        if title_open:
            kind = _title_or_label(w, tools, i, text)
            if kind == "label":
                w.remove(i, "section label")
                continue
            if kind == "title":
                w.found["title"] = text.strip()
                w.remove(i, "title")
                title_open = False
                continue
            title_open = False  # running text comes first: the page has no title line
        if paragraph_like(text) and not is_bullet(text):
            after_lede = 0


def dateline_pass(w: Work, tools: Tools) -> None:
    """Agency datelines ("Berlin (dpa) - …") stay in the text; the agencies are noted."""
    for i in w.live_indices()[:HEADER_LINES]:
        if (agencies := agency_dateline(tools, w.lines[i])) is not None:
            w.notes.append(f"metadata: agency dateline: {'/'.join(agencies)}")
            return


def footer_dates_pass(w: Work, tools: Tools) -> None:
    """Dates, sources and signatures stated in the last lines ("Stand: …", "Quelle: …")."""
    for i in w.live_indices()[-FOOTER_LINES:]:
        text = w.lines[i]
        if (hit := _date_hit(tools, text)) is not None:
            w.first(f"date_{hit.kind}", hit.iso)
            w.remove(i, "date line")
        elif _byline(w, tools, i, text) or _domain_line(w, i, text):
            continue
        elif (srcs := tools.meta.sources_line(text)) is not None:
            w.remove(i, "footer form")
            if _signature_source(w, text):
                continue
            w.found.setdefault("further_sources", [])
            w.found["further_sources"].extend(s for s in srcs if s not in w.found["further_sources"])
