"""Line passes of the cleaner, part 1: markup, pattern boilerplate, credits, form-style
footers and the page header (title, byline, date, section labels, tag runs)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .boilerplate import BoilerplateMatcher
from .inline import CreditFinder, fix_markup, only_markup
from .lines import collapse_spaces, headline_like, is_bullet, paragraph_like, split_fused_tags, squash
from .metadata import MetaReader
from .work import Work

#: How many kept lines from the top are searched for title, byline and date.
HEADER_LINES = 10
#: How many kept lines from the bottom are searched for dates, sources and signatures.
FOOTER_LINES = 8
#: "Berlin – Die Regierung …": a dateline opens running text, never a title
_DATELINE = re.compile(r"^[A-ZÄÖÜ][\w./-]*(?:[ /][A-ZÄÖÜ][\w./-]*){0,3}(?: \([\w/ ]{2,20}\))? [–—-] ")
#: Ranks of outlet evidence, lower wins.
OUTLET_BYLINE, OUTLET_SIGNATURE, OUTLET_PATTERN, OUTLET_COPYRIGHT = 10, 20, 30, 40


@dataclass(frozen=True)
class Tools:
    boilerplate: BoilerplateMatcher
    credits: CreditFinder
    meta: MetaReader
    sections: frozenset[str]


def markup_pass(w: Work, tools: Tools) -> None:
    """HTML remnants out of every line; inline read-more markers noted."""
    fixed = 0
    for i, line in enumerate(w.lines):
        if only_markup(line):
            w.lines[i] = ""
            fixed += 1
            continue
        line, n = fix_markup(line)
        fixed += n
        stripped, kinds = tools.boilerplate.strip_inline(line)
        if stripped.strip():  # a line that is nothing but the marker is handled as a line
            line = stripped
            w.teaser_marked[i] = "read_more" in kinds
        w.lines[i] = collapse_spaces(line)
    if fixed:
        w.notes.append(f"removed: html remnant ({fixed}x)")


def pattern_pass(w: Work, tools: Tools) -> list[tuple[int, str]]:
    """Boilerplate lines, credits, signatures, tag lists. Returns the teaser headers found
    as (line index, text after the header on the same line)."""
    headers: list[tuple[int, str]] = []
    for i, line in enumerate(w.lines):
        if not line:
            continue
        m = tools.boilerplate.match(line)
        if m:
            if m.outlet:
                w.outlets.append((OUTLET_PATTERN, m.outlet))
            if m.kind == "footer" and (o := tools.meta.copyright_outlet(line)):
                w.outlets.append((OUTLET_COPYRIGHT, o))
            w.remove(i, "teaser header" if m.kind == "teaser_header" else m.kind.replace("_", " "))
            if m.kind == "teaser_header":
                headers.append((i, m.rest if m.separated else ""))
            continue
        if outlet := tools.meta.signature_outlet(line):
            w.outlets.append((OUTLET_SIGNATURE, outlet))
            w.remove(i, "footer signature")
            continue
        if (tags := tools.meta.tags_line(line)) is not None:
            w.add_tags(tags)
            w.remove(i, "tags")
            continue
        _credit(w, tools, i, line)
    return headers


def _credit(w: Work, tools: Tools, i: int, line: str) -> None:
    hit = tools.credits.find(line)
    if hit is None:
        return
    w.add_credit(hit.credit)
    if not hit.before and not hit.after:
        w.remove(i, "image credit")
    elif hit.after:
        w.lines[i] = hit.after
        w.notes.append("removed: image credit at line start" + (" (glued to the next word)" if hit.glued else ""))
    elif len(hit.before.split()) <= 40 and not paragraph_like(hit.before) or len(hit.before.split()) <= 25:
        w.remove(i, "image caption")
    else:
        w.lines[i] = hit.before
        w.notes.append("removed: image credit at line end")


def form_pass(w: Work, tools: Tools) -> None:
    """Form-style footers: a label line ("Beste Referenz") and its short value lines."""
    i = 0
    n = len(w.lines)
    while i < n:
        field = tools.meta.footer_label(w.lines[i]) if w.live(i) else None
        if field is None:
            i += 1
            continue
        w.remove(i, "footer form")
        values: list[str] = []
        j = i + 1
        while j < n:
            line = w.lines[j]
            if not line.strip():
                if values:
                    break
                j += 1
                continue
            if tools.meta.footer_label(line) or not w.live(j) or len(line.split()) > 12:
                break
            values.append(line.strip())
            w.remove(j, "footer form")
            j += 1
        _form_value(w, field, values)
        i = j


def _form_value(w: Work, field: str, values: list[str]) -> None:
    if not values:
        return
    if field in ("place", "region", "place_header"):
        w.found.setdefault(f"form_{field}", values[0])
    elif field == "best_reference":
        w.first("best_reference", values[0])
    elif field == "further_sources":
        srcs = [s.strip() for v in values for s in re.split(r",|;|\s\|\s", v) if s.strip()]
        w.found.setdefault("further_sources", [])
        w.found["further_sources"].extend(s for s in srcs if s not in w.found["further_sources"])
    elif field == "event_kind":
        w.notes.append(f"metadata: event kind stated as {values[0]!r}")


def _is_section(text: str, sections: frozenset[str]) -> bool:
    """A section label or breadcrumb: known section names, or short parts joined by "|"/">"
    ("Alpenpost | Ausland") with no sentence punctuation."""
    parts = [p.strip() for p in re.split(r"\s*[>›»|/]\s*", text) if p.strip()]
    if parts and all(p.casefold() in sections for p in parts):
        return True
    return (len(parts) >= 2 and bool(re.search(r"\s[>›»|]\s", text)) and not re.search(r"[.!?:,]", text)
            and all(len(p.split()) <= 3 for p in parts))


def _byline(w: Work, tools: Tools, i: int, text: str) -> bool:
    """A byline, or a line of byline and date parts: metadata taken, line removed."""
    by = tools.meta.byline(text)
    hit = None
    if by is None:
        both = tools.meta.composite(text)
        if both is None or both[1] is None:
            return False
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


def header_pass(w: Work, tools: Tools, known_title: str | None) -> None:
    """Title, byline, date, section labels and tag runs at the top of the page."""
    title_key = squash(known_title) if known_title else None
    title_open = True
    seen = 0
    for i in w.live_indices():
        if seen >= HEADER_LINES:
            break
        seen += 1
        text = w.lines[i]
        if title_key and squash(text) == title_key:
            w.remove(i, "title")
            title_open = False
            continue
        if (hit := tools.meta.date_line(text)) is not None:
            w.first(f"date_{hit.kind}", hit.iso)
            w.remove(i, "date line")
            continue
        if _byline(w, tools, i, text):
            continue
        if " " not in text.strip() and (tags := split_fused_tags(text.strip())):
            w.add_tags(tags)
            w.remove(i, "tags")
            continue
        if title_open and not any(w.live(j) for j in range(i + 1, len(w.lines))):
            break  # the last line left is the text itself, never a title or a label
        if title_open:
            if _is_section(text, tools.sections):
                w.remove(i, "section label")
                continue
            if (not is_bullet(text) and len(text.split()) >= 3 and headline_like(text, max_words=30)
                    and not _DATELINE.match(text)):
                w.found["title"] = text.strip()
                w.remove(i, "title")
                title_open = False
                continue
            if len(text.split()) <= 3 and not is_bullet(text) and not re.search(r"[.!?:]$", text):
                w.remove(i, "section label")
                continue
            title_open = False  # running text comes first: the page has no title line
        if paragraph_like(text) and not is_bullet(text):
            break


def footer_dates_pass(w: Work, tools: Tools) -> None:
    """Dates and sources stated in the last lines ("Stand: …", "Quelle: …")."""
    for i in w.live_indices()[-FOOTER_LINES:]:
        text = w.lines[i]
        if (hit := tools.meta.date_line(text)) is not None:
            w.first(f"date_{hit.kind}", hit.iso)
            w.remove(i, "date line")
        elif _byline(w, tools, i, text):
            continue
        elif (srcs := tools.meta.sources_line(text)) is not None:
            w.found.setdefault("further_sources", [])
            w.found["further_sources"].extend(s for s in srcs if s not in w.found["further_sources"])
            w.remove(i, "footer form")
