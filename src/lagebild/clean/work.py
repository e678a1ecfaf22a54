"""The cleaner's scratch state for one document: its lines, which are removed and why,
and the metadata found so far. Local to one call; never shared between documents."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .lines import split_glued

#: Removal reasons that come from structural rules (undone when too much would go).
STRUCTURAL = frozenset({
    "table of contents", "share menu", "teaser block", "teaser block without header",
    "trailing footer line", "section label", "author box", "paywall box", "caption above credit",
})
#: Reasons whose lines moved into metadata (they do not count as removed text).
METADATA = frozenset({"title", "byline", "date line", "tags", "footer form", "footer signature",
                      "image credit", "image caption"})


@dataclass
class Work:
    lines: list[str]
    drop: list[str | None] = field(default_factory=list)
    teaser_marked: list[bool] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    found: dict[str, Any] = field(default_factory=dict)
    credits: list[str] = field(default_factory=list)
    teasers: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    outlets: list[tuple[int, str]] = field(default_factory=list)  # (rank, domain)
    toc_keys: set[str] = field(default_factory=set)
    function_words: frozenset[str] = frozenset()  # from metadata.tsv, for sub-heading shapes
    key_points: set[int] = field(default_factory=set)  # lines of a key-points box: text, never a title

    def __post_init__(self) -> None:
        n = len(self.lines)
        self.drop = self.drop or [None] * n
        self.teaser_marked = self.teaser_marked or [False] * n

    def live(self, i: int) -> bool:
        """Line ``i`` is still kept and not blank."""
        return self.drop[i] is None and bool(self.lines[i].strip())

    def live_indices(self, start: int = 0, stop: int | None = None) -> list[int]:
        stop = len(self.lines) if stop is None else stop
        return [i for i in range(start, stop) if self.live(i)]

    def next_nonblank(self, i: int) -> int | None:
        for j in range(i + 1, len(self.lines)):
            if self.lines[j].strip():
                return j
        return None

    def prev_nonblank(self, i: int) -> int | None:
        for j in range(i - 1, -1, -1):
            if self.lines[j].strip():
                return j
        return None

    def remove(self, i: int, reason: str) -> None:
        if self.drop[i] is None:
            self.drop[i] = reason

    def add_tags(self, tags: list[str]) -> None:
        for t in tags:
            if t and t not in self.tags:
                self.tags.append(t)

    def add_teaser(self, text: str) -> None:
        """A teaser of another article, stored as its headline (a glued lede is cut off)."""
        text = " ".join(text.split()).strip(" -–—•")
        if glued := split_glued(text):
            text = glued[0]
        if text and text not in self.teasers:
            self.teasers.append(text)

    def add_credit(self, text: str) -> None:
        if text and text not in self.credits:
            self.credits.append(text)

    def first(self, key: str, value: Any) -> None:
        """Keep the first value found for a metadata key."""
        if value and not self.found.get(key):
            self.found[key] = value
