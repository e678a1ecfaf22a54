"""HTML pages: main text and metadata with trafilatura, a plain lxml fallback for pages
trafilatura gives up on (truncated or tiny files), and publication times from meta tags."""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from ..pipeline import StageFailure

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?\s*>")
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
               "article", "blockquote", "ul", "ol", "header", "footer", "figcaption", "pre")
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "head", "nav",
              "form", "button")
#: meta names/properties that give the publication time, best first
_DATE_META = (
    "article:published_time", "og:article:published_time", "datepublished",
    "publication_date", "pubdate", "publishdate", "date", "dc.date", "dc.date.issued",
    "dcterms.created", "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime",
)
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?"
                  r"(Z|[+-]\d{2}:?\d{2})?)?")


@dataclass(frozen=True)
class HtmlResult:
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    fallback: bool = False  # True when trafilatura gave nothing and lxml text was used
    truncated: str | None = None  # why the page looks cut off, if it does


def truncation(html: str) -> str | None:
    """Why an HTML page looks truncated (None when it ends properly)."""
    tail = html.rstrip()[-2000:]
    if tail.rfind("<") > tail.rfind(">"):
        return "the file ends inside a tag"
    if not re.search(r"</html\s*>\s*$", tail, re.I) and not re.search(r"</body\s*>", tail, re.I):
        return "no closing </body> or </html> tag"
    return None


def iso_from_meta(value: str) -> str | None:
    """ISO 8601 (minute precision, offset kept) from a meta-tag date, None if unreadable."""
    m = _ISO.match(value or "")
    if not m:
        return None
    y, mo, d, hh, mm, ss, tz = m.groups()
    out = f"{y}-{mo}-{d}"
    if hh is not None:
        out += f"T{hh}:{mm}" + (f":{ss}" if ss and ss != "00" else "")
        if tz:
            out += "+00:00" if tz == "Z" else (tz if ":" in tz else f"{tz[:3]}:{tz[3:]}")
    return out


def _jsonld_dates(tree: Any) -> list[str]:
    found = []
    for node in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(node.text or "")
        except (json.JSONDecodeError, TypeError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if isinstance(item.get("datePublished"), str):
                    found.append(item["datePublished"])
                stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
    return found


def _meta_published(tree: Any) -> str | None:
    values: dict[str, str] = {}
    for node in tree.xpath("//meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        if key in _DATE_META and node.get("content") and key not in values:
            values[key] = node.get("content")
    for key in _DATE_META:
        if key in values and (iso := iso_from_meta(values[key])):
            return iso
    for value in _jsonld_dates(tree):
        if iso := iso_from_meta(value):
            return iso
    return None


def _head_title(tree: Any) -> str | None:
    for node in tree.xpath('//meta[@property="og:title" or @name="twitter:title"]'):
        if (node.get("content") or "").strip():
            return " ".join(node.get("content").split())
    title = tree.findtext(".//title")
    return " ".join(title.split()) if title and title.strip() else None


_CAPTION_XPATH = ("//figcaption | //*[contains(@class, 'credit') or contains(@class, 'copyright')"
                  " or contains(@class, 'caption') or contains(@class, 'bildnachweis')]")


def _captions(tree: Any) -> list[str]:
    """Texts of figure captions and credit elements (where image credits live)."""
    out: list[str] = []
    for node in tree.xpath(_CAPTION_XPATH):
        text = " ".join(node.text_content().split())
        if text and len(text) <= 400 and text not in out:
            out.append(text)
    return out


def _lxml_text(tree: Any) -> str:
    """Visible text with a line break per block element (fallback extraction)."""
    for bad in tree.xpath("|".join(f"//{t}" for t in _DROP_TAGS)):
        if bad.getparent() is not None:
            bad.drop_tree()
    for el in tree.iter(*_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
    text = tree.text_content()
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def parse_tree(html: str) -> Any:
    import lxml.html
    from lxml.etree import ParserError

    try:
        return lxml.html.document_fromstring(html)
    except (ParserError, ValueError):
        return None


def extract_html(html: str, url: str | None = None) -> HtmlResult:
    """Main text and metadata of an HTML page. Raises StageFailure ``not_html``/``empty``."""
    import trafilatura

    if not _TAG.search(html):
        raise StageFailure("not_html", "no HTML tags found")
    tree = parse_tree(html)
    if tree is None:
        raise StageFailure("not_html", "lxml cannot parse the page")
    published = _meta_published(tree)
    head_title = _head_title(tree)
    captions = _captions(tree)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            favor_recall=True, deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # noqa: BLE001 - trafilatura fails on odd pages; fall back below
        doc = None
    meta: dict[str, Any] = {}
    text = ""
    if doc is not None:
        get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
        text = get("text") or ""
        for key in ("title", "author", "date", "sitename", "url", "description", "hostname"):
            if value := get(key):
                meta[key] = value
        tags = [t for k in ("tags", "categories") for t in (get(k) or [])]
        if tags:
            meta["tags"] = [t.strip() for t in ",".join(tags).split(",") if t.strip()]
    if captions:
        meta["captions"] = captions
    if head_title and not meta.get("title"):
        meta["title"] = head_title
    if published:
        meta["published"] = published
    elif meta.get("date"):
        meta["published"] = iso_from_meta(str(meta["date"]))
    meta.pop("date", None)
    fallback = False
    if not text.strip():
        text = _lxml_text(tree)
        fallback = True
    if not text.strip():
        raise StageFailure("empty", "the HTML page holds no text")
    return HtmlResult(text, {k: v for k, v in meta.items() if v}, fallback, truncation(html))
