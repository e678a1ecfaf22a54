"""Stage ``extract``: raw bytes -> decoded main text + metadata found on the way.

* ``text``: the bytes decoded (BOM/UTF-8, else cp1252/latin-1) and normalised.
* ``html``: main text and page metadata through trafilatura (lxml fallback for pages it
  gives up on, e.g. truncated files).
* ``json``: a JSONL record; its ``text`` or ``html`` is in ``raw.hints`` (or in the raw
  record bytes), the other fields are container metadata.

``doc.meta`` holds ``source_format``, ``body_format``, ``encoding``, ``replacement_chars``,
``page`` (metadata read from the HTML) and ``hints`` (container metadata, which wins over
anything the cleaner finds in the text), plus ``notes`` (warnings for the article).
Rejections (``StageFailure``): empty, binary, encoding, too_large, malformed_json, not_html.
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any, ClassVar, Mapping

from ..model import Doc, RawDoc
from ..pipeline import StageFailure
from .encoding import check_binary, decode_bytes, normalise_text
from .html import extract_html

#: Container field names accepted for each metadata key, first match wins.
HINT_KEYS: dict[str, tuple[str, ...]] = {
    "url": ("url", "link", "canonical_url", "source_url"),
    "title": ("title", "headline"),
    "published": ("published", "date", "pubDate", "pub_date", "published_at", "datePublished",
                  "publication_date", "time"),
    "outlet": ("outlet", "domain", "site"),
    "author": ("author", "authors", "byline"),
    "tags": ("tags", "keywords", "categories"),
    "description": ("description", "summary", "lede"),
}


def hint_meta(hints: Mapping[str, Any]) -> dict[str, Any]:
    """Container metadata under the cleaner's key names (empty values dropped)."""
    out: dict[str, Any] = {}
    for key, names in HINT_KEYS.items():
        for name in names:
            value = hints.get(name)
            if isinstance(value, str):
                value = " ".join(value.split())
            if isinstance(value, (list, tuple)):
                value = [" ".join(str(v).split()) for v in value if str(v).strip()]
                if key in ("author",):
                    value = ", ".join(value)
            elif key == "tags" and isinstance(value, str):
                value = [t.strip() for t in value.replace(";", ",").split(",") if t.strip()]
            if value:
                out[key] = value
                break
    return out


def _json_record(raw: RawDoc) -> dict[str, Any]:
    record = dict(raw.hints)
    if record.get("text") or record.get("html") or not raw.data.strip():
        return record
    try:
        parsed = json.loads(decode_bytes(raw.data).text)
    except json.JSONDecodeError as exc:
        raise StageFailure("malformed_json", f"line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    if not isinstance(parsed, dict):
        raise StageFailure("malformed_json", f"expected a JSON object, got {type(parsed).__name__}")
    return {**parsed, **record}


@dataclass(frozen=True)
class ExtractStage:
    max_bytes: int = 20_000_000
    name: ClassVar[str] = "extract"
    requires: ClassVar[tuple[str, ...]] = ("raw",)
    assigns: ClassVar[tuple[str, ...]] = ("text", "meta")

    def _size(self, n: int, what: str) -> None:
        if n > self.max_bytes:
            raise StageFailure("too_large", f"{what} of {n} bytes exceeds ingest.max_bytes={self.max_bytes}")

    def __call__(self, doc: Doc) -> Doc:
        raw = doc.raw
        self._size(len(raw.data), "input")
        notes: list[str] = []
        meta: dict[str, Any] = {"source_format": raw.fmt}
        hints = dict(raw.hints)
        if raw.fmt == "json":
            record = _json_record(raw)
            hints = record
            body, body_format = (record.get("html"), "html") if record.get("html") else (record.get("text"), "text")
            if not isinstance(body, str) or not body.strip():
                raise StageFailure("empty", "the JSON record has no text or html")
            self._size(len(body.encode("utf-8", "replace")), "record body")
            text, encoding, replaced = body, "utf-8", body.count("\ufffd")
        elif raw.fmt in ("text", "html"):
            if not raw.data.strip():
                raise StageFailure("empty", "the input holds no bytes" if not raw.data else "the input is whitespace only")
            check_binary(raw.data)
            decoded = decode_bytes(raw.data, declared=raw.fmt == "html")
            text, encoding, replaced, body_format = decoded.text, decoded.encoding, decoded.replacements, raw.fmt
        else:
            raise StageFailure("unknown_format", f"unknown input format {raw.fmt!r}")
        if replaced:
            notes.append(f"encoding: {replaced} undecodable byte(s) replaced ({encoding})")
        if encoding not in ("utf-8", "ascii"):
            notes.append(f"encoding: decoded as {encoding}")
        if body_format == "html":
            result = extract_html(text, url=raw.url or hints.get("url"))
            text = result.text
            meta["page"] = result.meta
            if result.truncated:
                notes.append(f"extract: the HTML page looks truncated ({result.truncated}); kept the text found")
            if result.fallback:
                notes.append("extract: trafilatura found no main text; used the plain page text")
        text = normalise_text(text)
        if not text.strip():
            raise StageFailure("empty", "no text after decoding")
        meta.update(body_format=body_format, encoding=encoding, replacement_chars=replaced,
                    hints=hint_meta(hints), notes=notes)
        return dataclasses.replace(doc, text=text, meta=meta)


def make_stage(settings: Mapping[str, Any]) -> ExtractStage:
    return ExtractStage(max_bytes=int(settings.get("ingest", {}).get("max_bytes", 20_000_000)))
