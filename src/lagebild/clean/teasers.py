"""Line passes of the cleaner, part 2 (structural rules): tables of contents, teaser blocks
after a "read also" header, read-more link lists, and the page footer after the last
paragraph. Real article text (full sentences, sub-headings of the article) always stays."""
from __future__ import annotations

import re

from .lines import (headline_like, is_bullet, paragraph_like, sentence_like, split_glued, squash, strip_bullet,
                    tag_line)
from .work import METADATA, Work

#: At most this many items in one teaser block.
MAX_TEASERS = 15
#: Teaser items are headline-like lines of at most this many words (a line followed by a
#: read-more link may be longer: headline and lede glued together).
TEASER_WORDS = 20


def _groups(w: Work) -> list[list[int]]:
    """Runs of kept bullet lines (blank or removed lines in between do not break a run)."""
    groups: list[list[int]] = []
    current: list[int] = []
    for i in w.live_indices():
        if is_bullet(w.lines[i]):
            current.append(i)
        else:
            if current:
                groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def toc_pass(w: Work) -> None:
    """A bullet list of headline-like items that repeats the article's own sub-headings
    (a table of contents), or that follows a share menu header, is navigation."""
    plain = {squash(w.lines[i]) for i in w.live_indices() if not is_bullet(w.lines[i])}
    for group in _groups(w):
        items = [w.lines[i] for i in group]
        if not all(headline_like(t) for t in items):
            continue
        keys = {squash(strip_bullet(t)) for t in items}
        prev = w.prev_nonblank(group[0])
        if keys & plain:
            for i in group:
                w.remove(i, "table of contents")
            w.toc_keys |= keys
        elif prev is not None and w.drop[prev] == "share":
            for i in group:
                w.remove(i, "share menu")


def _is_read_more(w: Work, i: int | None) -> bool:
    return i is not None and w.drop[i] == "read more"


def _teaser_item(w: Work, j: int, bullet_style: bool | None) -> bool:
    """Line ``j`` can be an item of the teaser block being read."""
    if not w.live(j):
        return False
    text = w.lines[j]
    if squash(strip_bullet(text)) in w.toc_keys:
        return False  # a sub-heading of the article itself
    if bullet_style is not None and is_bullet(text) != bullet_style:
        return False
    if w.teaser_marked[j] or _is_read_more(w, w.next_nonblank(j)):
        return len(text.split()) <= 80
    if headline_like(text, max_words=TEASER_WORDS):
        return True
    glued = split_glued(text)  # "Headline vertagtDie lede …"
    return (glued is not None and headline_like(glued[0], max_words=TEASER_WORDS)
            and sentence_like(glued[1]) and len(text.split()) <= 80)


def _subheading_after(w: Work, items: list[int]) -> bool:
    """The last of several plain (non-bullet) items is the article's own sub-heading: it
    leads into running text and is short and shorter than the teasers before it."""
    if len(items) < 2 or is_bullet(w.lines[items[-1]]):
        return False
    last = items[-1]
    nxt = w.next_nonblank(last)
    if nxt is None or not w.live(nxt) or not paragraph_like(w.lines[nxt]) or w.teaser_marked[last]:
        return False
    text = w.lines[last]
    others = sorted(len(w.lines[i].split()) for i in items[:-1])
    lower = [t for t in re.findall(r"[\wäöüß-]+", text) if t[0].islower()]
    nominal = all(t.casefold() in w.function_words for t in lower)  # "Widerstand in der Bevölkerung"
    return (len(text.split()) <= 6 and not re.search(r"[:?!]", text) and nominal
            and len(text.split()) < others[len(others) // 2])


def _read_block(w: Work, start: int) -> list[int]:
    """Teaser items from line ``start`` on: blank lines and read-more links may sit between."""
    items: list[int] = []
    bullet_style: bool | None = None
    j = start
    blanks = 0
    while j < len(w.lines) and len(items) < MAX_TEASERS:
        text = w.lines[j]
        if not text.strip():
            blanks += 1
            if blanks > 1:
                break
            j += 1
            continue
        blanks = 0
        if w.drop[j] == "read more":
            j += 1
            continue
        if not _teaser_item(w, j, bullet_style):
            break
        if bullet_style is None:
            bullet_style = is_bullet(text)
        items.append(j)
        j += 1
    if _subheading_after(w, items):
        w.notes.append(f"doubt: kept {w.lines[items[-1]]!r} after a teaser block as a sub-heading")
        items.pop()
    # a lone item right before running text is the article's sub-heading, not a teaser
    if len(items) == 1 and not w.teaser_marked[items[0]] and not _is_read_more(w, w.next_nonblank(items[0])):
        nxt = w.next_nonblank(items[0])
        if nxt is not None and w.live(nxt) and paragraph_like(w.lines[nxt]) and not is_bullet(w.lines[items[0]]):
            return []
    return items


def teaser_pass(w: Work, headers: list[tuple[int, str]]) -> None:
    for h, rest in headers:
        items = _read_block(w, h + 1)
        if rest and not items and len(rest.split()) <= 30:
            w.add_teaser(rest)  # "Lesen Sie auch: <headline>" on one line
        for j in items:
            w.add_teaser(strip_bullet(w.lines[j]))
            w.remove(j, "teaser block")
    _read_more_lists(w)


def _read_more_headers(w: Work) -> None:
    """A read-more link that follows no headline ("Weiterlesen" after the last paragraph)
    heads a list of links below it."""
    for i in range(len(w.lines)):
        if w.drop[i] != "read more":
            continue
        prev = w.prev_nonblank(i)
        if prev is not None and w.live(prev) and not paragraph_like(w.lines[prev]):
            continue  # "headline / Weiterlesen": a pair, read below
        items = _read_block(w, i + 1)
        for j in items:
            w.add_teaser(strip_bullet(w.lines[j]))
            w.remove(j, "teaser block")
        if items:
            w.drop[i] = "teaser header"


def _read_more_lists(w: Work) -> None:
    """Without a header: two or more "headline … Weiterlesen" pairs form a teaser list."""
    _read_more_headers(w)
    marked = [i for i in range(len(w.lines)) if w.drop[i] == "read more" or (w.teaser_marked[i] and w.live(i))]
    if len(marked) < 2:
        if marked:
            w.notes.append("doubt: a single read-more link; the text before it was kept")
        return
    for i in marked:
        j = i if w.teaser_marked[i] else w.prev_nonblank(i)
        if j is not None and w.live(j) and len(w.lines[j].split()) <= 80:
            w.add_teaser(strip_bullet(w.lines[j]))
            w.remove(j, "teaser block")


def _has_sentence(text: str) -> bool:
    return bool(re.search(r"""[\w)"“”»][.!?]["“”»]?(\s|$)""", text)) and len(text.split()) >= 2


def footer_pass(w: Work) -> None:
    """After the last paragraph: a keyword tag line, headline-like link lists, and short
    leftovers that follow the first boilerplate line of the page footer."""
    live = w.live_indices()
    last = max((i for i in live if paragraph_like(w.lines[i]) or
                (is_bullet(w.lines[i]) and sentence_like(w.lines[i]))), default=None)
    if last is None:
        return
    footer_start = next((i for i in range(last + 1, len(w.lines))
                         if w.drop[i] is not None and w.drop[i] not in METADATA), None)
    for i in live:
        if i <= last:
            continue
        text = w.lines[i]
        nxt = w.next_nonblank(i)
        in_footer = footer_start is not None and i > footer_start
        if (in_footer or (nxt is not None and not w.live(nxt))) and (tags := tag_line(text)) is not None:
            w.add_tags(tags)
            w.remove(i, "tags")
        elif is_bullet(text) and headline_like(text) and in_footer:
            w.add_teaser(strip_bullet(text))
            w.remove(i, "teaser block without header")
        elif in_footer and len(text.split()) <= 12 and not _has_sentence(text):
            w.remove(i, "trailing footer line")
    _page_tail(w, last)


def _page_tail(w: Work, last: int) -> None:
    """The very end of the page after the last paragraph: short lines without a sentence
    ("Outlet/Videodienst", "Forum") that only boilerplate follows, and a closing run of two
    or more link-like lines ("Regenradar", "Alle Warnungen"), are page furniture. Lines with
    a colon or a digit may be facts ("Zuschauer: 41.500") and stay."""
    seen_removed = False
    for i in range(len(w.lines) - 1, last, -1):
        text = w.lines[i]
        if not text.strip():
            continue
        if not w.live(i):
            seen_removed = seen_removed or w.drop[i] not in METADATA
            continue
        if (not seen_removed or is_bullet(text) or len(text.split()) > 6 or _has_sentence(text)
                or re.search(r"""[.!?…:“”"»«]$|:|\d""", text)):
            break
        w.remove(i, "trailing footer line")
    links: list[int] = []
    for i in range(len(w.lines) - 1, last, -1):
        text = w.lines[i]
        if not w.live(i) or not text.strip():
            continue
        if len(text.split()) > 3 or is_bullet(text) or re.search(r"""[.!?:;,"„“”»«()]""", text):
            break
        links.append(i)
    before = w.prev_nonblank(links[-1]) if links else None
    if before is not None and w.live(before) and w.lines[before].rstrip().endswith(":"):
        return  # "Die Kandidaten:" and a list of names: text
    if len(links) >= 2:
        for i in links:
            w.remove(i, "trailing footer line")
