"""Structural rules for boxes that a pattern line opens (a paywall offer, an author box)
and for image captions that sit on their own line above a credit line."""
from __future__ import annotations

import re

from .lines import is_bullet, paragraph_like, several_sentences
from .work import Work

#: Reason of the opening line -> (reason for the box lines, most lines, most words per line).
BOXES: dict[str, tuple[str, int, int]] = {
    "paywall": ("paywall box", 4, 20),
    "author box": ("author box", 2, 60),
}
#: Lines removed above a credit: header furniture, never running text.
_HEADER_REASONS = frozenset({"title", "byline", "date line", "section label", "share", "tags", "media",
                             "consent", "nav", "image credit", "image caption", "social"})
#: "Berlin – …", "Berlin (dpa) - …": running text, never a caption
_DATELINE = re.compile(r"^[A-ZÄÖÜ][\w./-]*(?:[ /][A-ZÄÖÜ][\w./-]*){0,3}(?: \([^()]{2,30}\))? [–—-] ")
#: A caption is at most this many words.
CAPTION_WORDS = 30
#: A caption between the lede and a credit is at most this many words.
LEDE_CAPTION_WORDS = 20


def box_pass(w: Work) -> None:
    """The short lines right below a paywall offer or an "about the author" line belong to
    that box: they go up to a blank line or the first paragraph of running text."""
    for i, reason in enumerate(list(w.drop)):
        if reason not in BOXES:
            continue
        box_reason, most, max_words = BOXES[reason]
        taken = 0
        for j in range(i + 1, len(w.lines)):
            if taken >= most or not w.lines[j].strip():
                break
            if not w.live(j):
                if w.drop[j] in (reason, box_reason):
                    continue
                break  # another kind of boilerplate ends the box
            text = w.lines[j]
            n = len(text.split())
            if n > max_words or (box_reason == "paywall box" and paragraph_like(text)):
                break
            w.remove(j, box_reason)
            taken += 1


def _after_title(w: Work, i: int) -> bool:
    q = w.prev_nonblank(i)
    return q is not None and w.drop[q] == "title"


def caption_pass(w: Work) -> None:
    """A credit alone on its line ("Foto: Name/dpa") below a short line that itself follows
    the page header (byline, date, share buttons): that line is the image caption, not
    article text. Right below the title it may be the lede, and below running text the end
    of a paragraph: there it stays."""
    for i, reason in enumerate(list(w.drop)):
        if reason != "image credit":
            continue
        p = w.prev_nonblank(i)
        if p is None or not w.live(p):
            continue
        text = w.lines[p]
        if (len(text.split()) > CAPTION_WORDS or is_bullet(text) or _DATELINE.match(text)
                or several_sentences(text)  # a caption is one sentence
                or not text[:1].isupper()):  # a lower-case start continues text cut by a credit
            continue
        q = w.prev_nonblank(p)
        below_lede = (q is not None and w.live(q) and _after_title(w, q) and not _DATELINE.match(w.lines[q])
                      and len(text.split()) <= LEDE_CAPTION_WORDS)  # a dateline opens the body, no lede
        if below_lede:
            q = w.prev_nonblank(q)  # title / lede / caption / credit
        if q is None or w.drop[q] not in _HEADER_REASONS:
            continue
        if w.drop[q] == "title" and not below_lede:
            w.notes.append("doubt: the line between the title and a lone image credit was kept "
                           "(a lede or a caption)")
            continue
        if not any(w.live(j) and paragraph_like(w.lines[j]) for j in range(i + 1, len(w.lines))):
            continue  # the caption would be the last text of the page
        w.remove(p, "caption above credit")
        w.notes.append("doubt: the line above a lone image credit was taken as its caption")


def key_points_pass(w: Work) -> None:
    """The points below a key-points header ("Das Wichtigste in Kürze") stay as text but
    are marked so that the header pass never takes one of them as the title. The line
    right before the first paragraph is not a point: it is the title or a lede."""
    for i, reason in enumerate(w.drop):
        if reason != "summary":
            continue
        points: list[int] = []
        for j in range(i + 1, min(len(w.lines), i + 8)):
            if not w.lines[j].strip():
                if points:
                    break
                continue
            if not w.live(j) or len(w.lines[j].split()) > 30:
                break
            if paragraph_like(w.lines[j]):
                points = points[:-1]
                break
            points.append(j)
        w.key_points.update(points)
