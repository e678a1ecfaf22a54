"""Line passes of the cleaner, part 1: markup, pattern boilerplate, credits and form-style
footers (the page header and footer dates are in ``header``)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .boilerplate import BoilerplateMatcher
from .inline import CreditFinder, fix_markup, only_markup
from .lines import collapse_spaces, paragraph_like
from .metadata import MetaReader
from .work import Work

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
        if m and m.kind == "footer" and line.lstrip().startswith("©") and _chain_credit(w, tools, i, line):
            continue  # "© APA/AFP/Name": a photo credit, not the page's copyright
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


def _chain_credit(w: Work, tools: Tools, i: int, line: str) -> bool:
    """A copyright line that names an agency and a photographer is an image credit."""
    hit = tools.credits.find(line)
    if hit is None or hit.before or hit.after or not tools.credits.photographer_chain(hit.credit):
        return False
    w.add_credit(hit.credit)
    w.remove(i, "image credit")
    return True


def _credit(w: Work, tools: Tools, i: int, line: str) -> None:
    hit = tools.credits.find(line)
    if hit is None:
        return
    if (not hit.before and not hit.after and tools.credits.is_agency(line.strip(" ()"))
            and not any(paragraph_like(x) for x in w.lines[i + 1:])):
        w.remove(i, "agency signature")  # "dpa-AFX" closing the text: its source, not a photo
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
