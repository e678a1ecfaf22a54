"""The comparison shared by bench/clean_seeds.py and bench/clean_sample.py: one cleaned
article against its gold entry (boilerplate left, kept snippets lost, metadata fields)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from lagebild.model import Article

META_KEYS = ("title", "author", "published", "outlet")


@dataclass
class CleanTally:
    """Running counts over the articles compared so far."""

    left: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    meta_bad: list[str] = field(default_factory=list)
    meta_n: int = 0
    meta_ok: int = 0

    def meta(self, ok: bool, why: str) -> None:
        self.meta_n += 1
        self.meta_ok += ok
        if not ok:
            self.meta_bad.append(why)

    def lines(self) -> list[str]:
        return [f"boilerplate left: {len(self.left)}" + "".join(f"\n  {x}" for x in self.left),
                f"kept snippets lost: {len(self.lost)}" + "".join(f"\n  {x}" for x in self.lost),
                f"metadata equal: {self.meta_ok}/{self.meta_n}"
                + "".join(f"\n  {x}" for x in self.meta_bad)]


def compare_article(tally: CleanTally, name: str, a: Article, g: Mapping[str, Any]) -> None:
    """Boilerplate strings still in the body, kept snippets missing, and the metadata keys
    (title, author, published, outlet, image_credit) that gold gives."""
    tally.left += [f"{name}: {s!r}" for s in g.get("boilerplate_removed", []) if s in a.body]
    tally.lost += [f"{name}: {s!r}" for s in g.get("kept", []) if s not in a.body]
    md = g.get("metadata", {})
    for k in META_KEYS:
        if k in md:
            val = getattr(a, k)
            if k == "published" and val and md[k] and len(val) > len(md[k]):
                val = val[: len(md[k])]  # gold gives local time without offset
            tally.meta(val == md[k], f"{name} {k}: got {getattr(a, k)!r}, want {md[k]!r}")
    if "image_credit" in md:
        tally.meta(md["image_credit"] in a.image_credits,
                   f"{name} image_credit: got {a.image_credits!r}, want {md['image_credit']!r}")
