"""Readers: paths, folders and stdin → :class:`RawDoc` or :class:`Rejection`.

Format by file ending, else by sniffing the first bytes:

* ``.jsonl``/``.ndjson``/``.json``: one article a line (``text`` or ``html``, optional
  ``url``, ``title``, ``published``, ``outlet``, ``author``, ``tags``); a ``.json`` file may
  also hold one object or a list of them. A bad line is rejected as ``malformed_json`` with
  ``path:line``; the other lines go on.
* ``.html``/``.htm``: a web page; ``.warc``/``.warc.gz``: the HTML responses of a web archive
  (target URI as url); ``.rss``/``.atom``/``.xml``: feed entries (link, title, date).
* anything else: plain text, or HTML when it starts like markup. Binary or empty files are
  passed on so that the extract stage stores the right rejection reason.
"""
from __future__ import annotations

import io
import json
import os
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator, Mapping, Union

from ..model import RawDoc, Rejection

Input = Union[RawDoc, Rejection]

JSONL_ENDINGS = (".jsonl", ".ndjson", ".json")
HTML_ENDINGS = (".html", ".htm", ".xhtml")
WARC_ENDINGS = (".warc", ".warc.gz")
FEED_ENDINGS = (".rss", ".atom", ".xml")
#: Record fields that are content, not metadata hints.
_CONTENT_KEYS = ("text", "html", "body", "content")


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class ReadOptions:
    max_bytes: int = 20_000_000

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> "ReadOptions":
        return cls(max_bytes=int(settings.get("ingest", {}).get("max_bytes", 20_000_000)))


def _reject(source: str, reason: str, detail: str) -> Rejection:
    return Rejection(source=source, reason=reason, detail=detail, at=now_iso())


def sniff_format(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<div")):
        return "html"
    if head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head):
        return "feed"
    if head.startswith(b"warc/"):
        return "warc"
    if head.startswith(b"{") and data.count(b"\n") >= 0:
        return "jsonl"
    return "text"


def _format_of(path: Path, data: bytes) -> str:
    name = path.name.lower()
    if name.endswith(JSONL_ENDINGS):
        return "jsonl"
    if name.endswith(HTML_ENDINGS):
        return "html"
    if name.endswith(WARC_ENDINGS):
        return "warc"
    if name.endswith(FEED_ENDINGS):
        return "feed"
    return sniff_format(data)


def _record_to_raw(record: Any, source: str, line: bytes) -> Input:
    if not isinstance(record, dict):
        return _reject(source, "malformed_json", "a record must be a JSON object")
    content = next((record[k] for k in _CONTENT_KEYS if isinstance(record.get(k), str)), None)
    if content is None:
        return _reject(source, "malformed_json", "record has no 'text' or 'html' string field")
    hints = {k: v for k, v in record.items() if k not in _CONTENT_KEYS}
    hints["text" if "html" not in record else "html"] = content
    url = record.get("url") if isinstance(record.get("url"), str) else None
    return RawDoc(source=source, data=line, fmt="json", url=url or None, hints=hints)


def read_jsonl(data: bytes, source: str) -> Iterator[Input]:
    stripped = data.lstrip()
    if stripped.startswith(b"["):  # a JSON array of records
        try:
            records = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            yield _reject(source, "malformed_json", str(exc)[:200])
            return
        for i, rec in enumerate(records, 1):
            yield _record_to_raw(rec, f"{source}:{i}", json.dumps(rec, sort_keys=True).encode())
        return
    for lineno, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            record = json.loads(line.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            yield _reject(where, "encoding", f"JSONL line is not UTF-8: {exc}"[:200])
            continue
        except json.JSONDecodeError as exc:
            yield _reject(where, "malformed_json", str(exc)[:200])
            continue
        yield _record_to_raw(record, where, line.strip())


def read_warc(stream: BinaryIO, source: str) -> Iterator[Input]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for n, rec in enumerate(ArchiveIterator(stream), 1):
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            ctype = (rec.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                continue
            url = rec.rec_headers.get_header("WARC-Target-URI")
            yield RawDoc(source=f"{source}#{n}", data=rec.content_stream().read(), fmt="html",
                         url=url, hints={"url": url} if url else {})
    except (ArchiveLoadFailed, OSError, ValueError) as exc:
        yield _reject(source, "malformed_warc", str(exc)[:200])


def read_feed(data: bytes, source: str) -> Iterator[Input]:
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield _reject(source, "malformed_feed", str(feed.get("bozo_exception", "unreadable feed"))[:200])
        return
    for n, entry in enumerate(feed.entries, 1):
        content = ""
        if entry.get("content"):
            content = entry["content"][0].get("value", "")
        content = content or entry.get("summary", "")
        if not content:
            yield _reject(f"{source}#{n}", "empty", "feed entry has no content or summary")
            continue
        hints: dict[str, Any] = {"html": content}
        for key, field in (("title", "title"), ("url", "link"), ("author", "author")):
            if entry.get(field):
                hints[key] = entry[field]
        if entry.get("published_parsed"):
            hints["published"] = datetime(*entry["published_parsed"][:6]).isoformat(timespec="minutes")
        yield RawDoc(source=f"{source}#{n}", data=json.dumps(hints, sort_keys=True).encode(),
                     fmt="json", url=hints.get("url"), hints=hints)


def read_bytes(data: bytes, source: str, fmt: str) -> Iterator[Input]:
    if fmt == "jsonl":
        yield from read_jsonl(data, source)
    elif fmt == "warc":
        yield from read_warc(io.BytesIO(data), source)
    elif fmt == "feed":
        yield from read_feed(data, source)
    else:
        yield RawDoc(source=source, data=data, fmt=fmt)


def _read_file(path: Path, opts: ReadOptions) -> Iterator[Input]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > opts.max_bytes and not path.name.lower().endswith(JSONL_ENDINGS + WARC_ENDINGS):
            yield _reject(source, "too_large", f"{size} bytes > limit {opts.max_bytes}")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield _reject(source, "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}")
        return
    yield from read_bytes(data, source, _format_of(path, data))


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def iter_inputs(paths: Iterable[str], settings: Mapping[str, Any],
                stdin: BinaryIO | None = None) -> Iterator[Input]:
    """Yield a RawDoc or a Rejection for every article found under ``paths``.

    ``-`` reads standard input. A path that does not exist is a rejection
    (``not_found``), not an error: the other inputs are still read.
    """
    opts = ReadOptions.from_settings(settings)
    for raw_path in paths:
        if raw_path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read()
            yield from read_bytes(data, "<stdin>", sniff_format(data))
            continue
        path = Path(raw_path).expanduser()
        if path.is_dir():
            for f in _walk(path):
                yield from _read_file(f.resolve(), opts)
        elif path.exists():
            yield from _read_file(path.resolve(), opts)
        else:
            yield _reject(str(path), "not_found", "no such file or directory")
