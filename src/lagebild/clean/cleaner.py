"""Stage ``clean``: decoded text + metadata -> :class:`~lagebild.model.Article`.

The body is cleaned line by line and inside lines, driven by the pattern files in
``resources/de`` (boilerplate, credits, metadata, sections) plus structural rules (teaser
blocks, tables of contents, paywall and author boxes, image captions above a lone credit,
page footers). Everything removed is counted in ``warnings``; teasers go to
``related_teasers`` (as their headlines), credits to ``image_credits`` (captions are not
article text and leave the body); agency datelines ("Berlin (dpa) -") stay in the text and
are noted in ``warnings``. Metadata precedence:
container hints > HTML metadata > what the text states. Nothing is guessed: a date or an
outlet the page does not state stays null.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, ClassVar, Mapping

from ..config import resource_path
from ..ingest.urls import domain_of
from ..model import Article, Doc, Place, stable_hash
from ..pipeline import StageFailure
from .boilerplate import BoilerplateMatcher
from .boxes import box_pass, caption_pass, key_points_pass
from .inline import CreditFinder
from .lines import strip_bullet
from .metadata import MetaReader, norm_domain
from .header import dateline_pass, footer_dates_pass, header_pass
from .passes import Tools, form_pass, markup_pass, pattern_pass
from .patterns import de_path, load_credits, load_meta, load_rules, load_sections
from .teasers import footer_pass, teaser_pass, toc_pass
from .work import METADATA, STRUCTURAL, Work


@dataclass(frozen=True)
class Cleaned:
    """What the cleaner made of one text (before the article record is built)."""

    body: str
    title: str | None
    author: str | None
    published: str | None
    outlet: str | None
    image_credits: tuple[str, ...]
    tags: tuple[str, ...]
    related_teasers: tuple[str, ...]
    place: str | None
    best_reference: str | None
    further_sources: tuple[str, ...]
    warnings: tuple[str, ...]


@functools.lru_cache(maxsize=4)
def load_tools(boilerplate: str = "boilerplate.tsv") -> Tools:
    return Tools(
        BoilerplateMatcher(load_rules(str(de_path(boilerplate)))),
        CreditFinder(load_credits(str(de_path("credits.tsv")))),
        MetaReader(load_meta(str(de_path("metadata.tsv")), str(resource_path("de", "calendar.tsv")))),
        load_sections(str(de_path("sections.tsv"))),
    )


def _run_passes(text: str, tools: Tools, known_title: str | None, structural: bool) -> Work:
    w = Work(text.split("\n"), function_words=tools.meta.vocab.function_words)
    markup_pass(w, tools)
    headers = pattern_pass(w, tools)
    form_pass(w, tools)
    key_points_pass(w)
    header_pass(w, tools, known_title)
    footer_dates_pass(w, tools)
    dateline_pass(w, tools)
    if structural:
        box_pass(w)
        caption_pass(w)
        toc_pass(w)
        teaser_pass(w, headers)
        footer_pass(w)
    return w


def _kept_share(w: Work) -> float:
    """Share of the lines left after the exact patterns that the structural rules keep."""
    content = [i for i, line in enumerate(w.lines)
               if line.strip() and (w.drop[i] is None or w.drop[i] in STRUCTURAL)]
    if not content:
        return 1.0
    return sum(1 for i in content if w.drop[i] is None) / len(content)


def _body(w: Work) -> str:
    out: list[str] = []
    for i, line in enumerate(w.lines):
        if w.drop[i] is not None:
            continue
        line = strip_bullet(line) if line.strip() else ""
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip("\n")


def _warnings(w: Work) -> list[str]:
    counts = Counter(r for r in w.drop if r is not None)
    order = list(dict.fromkeys(r for r in w.drop if r is not None))
    msgs = []
    for reason in order:
        n = counts[reason]
        verb = "moved to metadata" if reason in METADATA else "removed"
        msgs.append(f"{verb}: {reason} ({n} line{'s' if n > 1 else ''})")
    return msgs + w.notes


def clean_text(text: str, *, known_title: str | None = None, min_kept_ratio: float = 0.3,
               boilerplate: str = "boilerplate.tsv") -> Cleaned:
    """Clean one text; ``known_title`` (from hints or HTML) is removed from the body top."""
    tools = load_tools(boilerplate)
    w = _run_passes(text, tools, known_title, structural=True)
    notes: list[str] = []
    if _kept_share(w) < min_kept_ratio and any(r in STRUCTURAL for r in w.drop):
        share = _kept_share(w)
        w = _run_passes(text, tools, known_title, structural=False)
        notes.append(f"doubt: structural rules would keep only {share:.0%} of the lines; "
                     "only exact pattern matches were removed")
    found = w.found
    published = found.get("date_published")
    if not published and found.get("date_updated"):
        published = found["date_updated"]
        notes.append("doubt: publication time taken from an update time")
    outlet = min(w.outlets)[1] if w.outlets else None
    place = found.get("form_place") or found.get("form_region") or found.get("form_place_header")
    return Cleaned(
        body=_body(w), title=found.get("title"), author=found.get("author"), published=published,
        outlet=outlet, image_credits=tuple(w.credits), tags=tuple(w.tags),
        related_teasers=tuple(w.teasers), place=place, best_reference=found.get("best_reference"),
        further_sources=tuple(found.get("further_sources", ())), warnings=tuple(_warnings(w) + notes),
    )


def removed_lines(text: str, *, known_title: str | None = None,
                  boilerplate: str = "boilerplate.tsv") -> list[tuple[str, str]]:
    """(reason, line) for every line the cleaner takes out of ``text`` (diagnostics)."""
    w = _run_passes(text, load_tools(boilerplate), known_title, structural=True)
    return [(r, line) for r, line in zip(w.drop, w.lines) if r is not None and line.strip()]


def place_country(text: str, packs: tuple[str, ...]) -> str | None:
    """ISO code of the country a place text names ("Musterdorf, Frankreich" -> FR), looked up
    part by part from the end in the knowledge base; None when no part is known (the linker
    fills the place's entity later)."""
    try:
        from ..kb import lookup
    except ImportError:  # pragma: no cover - the kb package is part of lagebild
        return None
    settings = {"kb": {"packs": list(packs)}}
    for part in reversed([p.strip() for p in re.split(r"[,/(]", text) if p.strip(" )")]):
        try:
            ent = lookup(settings, part.strip(" )"))
        except Exception:  # noqa: BLE001 - a broken pack must not stop the cleaner
            return None
        if ent is not None:
            return ent.id if ent.type == "COUNTRY" else ent.country
    return None


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _published(value: Any, tools: Tools) -> str | None:
    if not value:
        return None
    return tools.meta.parse_date(str(value))


@dataclass(frozen=True)
class CleanStage:
    min_kept_ratio: float = 0.3
    boilerplate: str = "boilerplate.tsv"
    version: str = ""
    kb_packs: tuple[str, ...] = ()
    name: ClassVar[str] = "clean"
    requires: ClassVar[tuple[str, ...]] = ("raw", "text", "meta")
    assigns: ClassVar[tuple[str, ...]] = ("article",)

    def __call__(self, doc: Doc) -> Doc:
        raw, meta = doc.raw, doc.meta
        hints: Mapping[str, Any] = meta.get("hints", {})
        page: Mapping[str, Any] = meta.get("page", {})
        known_title = hints.get("title") or page.get("title")
        c = clean_text(doc.text, known_title=known_title, min_kept_ratio=self.min_kept_ratio,
                       boilerplate=self.boilerplate)
        if not c.body.strip():
            raise StageFailure("empty", "no article text left after cleaning: "
                               + "; ".join(c.warnings)[:300])
        tools = load_tools(self.boilerplate)
        warnings = list(meta.get("notes", ())) + list(c.warnings)
        url = raw.url or hints.get("url") or page.get("url")
        url = url if url and _is_url(str(url)) else None
        outlet = (norm_domain(hints.get("outlet")) or hints.get("outlet") or domain_of(url)
                  or norm_domain(page.get("sitename")) or c.outlet)
        published = _published(hints.get("published"), tools)
        if hints.get("published") and not published:
            warnings.append(f"doubt: unreadable date in the input: {hints['published']!r}")
        published = published or _published(page.get("published"), tools) or c.published
        place = Place(text=c.place, country=place_country(c.place, self.kb_packs)) if c.place else None
        tags = tuple(hints.get("tags") or page.get("tags") or c.tags)
        credits = list(c.image_credits)
        for caption in page.get("captions", ()):
            hit = tools.credits.find(caption)
            if hit is not None and hit.credit not in credits:
                credits.append(hit.credit)
        article = Article(
            id=raw.article_id,
            content_hash=stable_hash(" ".join(c.body.split())),
            url=url,
            path=None if _is_url(raw.source) else raw.source,
            outlet=outlet,
            title=known_title or c.title,
            author=hints.get("author") or page.get("author") or c.author,
            published=published,
            body=c.body,
            image_credits=tuple(credits),
            tags=tags,
            related_teasers=c.related_teasers,
            place_of_event=place,
            best_reference=c.best_reference,
            further_sources=c.further_sources,
            warnings=tuple(warnings),
            pipeline_version=self.version,
            source_format=raw.fmt,
        )
        return dataclasses.replace(doc, article=article)


def make_stage(settings: Mapping[str, Any]) -> CleanStage:
    from ..version import pipeline_version

    cfg = settings.get("clean", {})
    load_tools(cfg.get("boilerplate", "boilerplate.tsv"))  # fail early on a broken data file
    return CleanStage(
        min_kept_ratio=float(cfg.get("min_kept_ratio", 0.3)),
        boilerplate=cfg.get("boilerplate", "boilerplate.tsv"),
        version=pipeline_version(settings),
        kb_packs=tuple(settings.get("kb", {}).get("packs", ())),
    )
