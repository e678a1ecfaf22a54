"""REST API and web UI over a store: thin routes, each calling one library function.

GET  /api/stats                      counts and breakdowns
GET  /api/articles?q=&limit=         full-text search (latest articles without q)
GET  /api/articles/<id>              one article with its events, quotes and mentions
GET  /api/events?type=&country=&article=&limit=
GET  /api/<kind>?limit=              entities, claims, stories, quotes, mentions, rejections
POST /api/analyse?published=ISO      German text in the body → events, quotes, mentions
GET  /                               the web UI (static page using the API)

Standard library only (wsgiref), bound to 127.0.0.1 by default.
"""
from __future__ import annotations

import json
import re
import socketserver
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from .. import library
from ..config import resource_path
from ..model import RECORD_KINDS, to_dict

StartResponse = Callable[[str, list[tuple[str, str]]], Any]
MAX_BODY = 2_000_000


class HttpError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _int(params: Mapping[str, list[str]], name: str, default: int, hi: int = 1000) -> int:
    raw = params.get(name, [str(default)])[0]
    if not raw.isdigit() or not 1 <= int(raw) <= hi:
        raise HttpError(400, f"{name} must be a whole number from 1 to {hi}")
    return int(raw)


def _one(params: Mapping[str, list[str]], name: str) -> str | None:
    values = params.get(name)
    return values[0] if values and values[0] else None


class Api:
    def __init__(self, db: str | Path, settings: Mapping[str, Any]) -> None:
        self.db = db
        self.settings = settings

    def route(self, method: str, path: str, params: Mapping[str, list[str]], body: bytes) -> Any:
        if method == "POST" and path == "/api/analyse":
            return self.analyse(body, _one(params, "published"))
        if method != "GET":
            raise HttpError(405, f"{method} is not allowed on {path}")
        with library.open_store(self.db, self.settings) as store:
            if path == "/api/stats":
                return store.counts()
            if path == "/api/articles":
                q = _one(params, "q")
                limit = _int(params, "limit", 20)
                if q:
                    return store.search(q, limit)
                return [{k: a.get(k) for k in ("id", "title", "published", "outlet", "language", "story_id")}
                        for a in islice(store.iter_records("articles"), limit)]
            if m := re.fullmatch(r"/api/articles/([0-9a-f]{4,64})", path):
                view = library.article_view(store, m.group(1))
                if view is None:
                    raise HttpError(404, f"no single article with id or prefix {m.group(1)}")
                return view
            if path == "/api/events":
                return store.query_events(_one(params, "type"), _one(params, "country"),
                                          _one(params, "article"), _int(params, "limit", 200))
            if m := re.fullmatch(r"/api/([a-z]+)", path):
                if m.group(1) in RECORD_KINDS:
                    return list(islice(store.iter_records(m.group(1)), _int(params, "limit", 200)))
        raise HttpError(404, f"no route {path}")

    def analyse(self, body: bytes, published: str | None) -> Any:
        if not body.strip():
            raise HttpError(400, "send German text in the request body")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise HttpError(400, "the request body must be UTF-8 text") from None
        doc = library.analyse_body(text, published=published, settings=self.settings)
        return {"events": to_dict(doc.events), "quotes": to_dict(doc.quotes),
                "mentions": to_dict(doc.mentions)}


def make_app(db: str | Path, settings: Mapping[str, Any] | None = None) -> Callable[..., Iterable[bytes]]:
    api = Api(db, settings if settings is not None else library.load_settings())
    page = Path(resource_path("web", "index.html")).read_bytes()

    def app(environ: Mapping[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "/")
        if path in ("/", "/index.html"):
            start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
            return [page]
        params = parse_qs(environ.get("QUERY_STRING", ""))
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
            if length > MAX_BODY:
                raise HttpError(413, f"request body over {MAX_BODY} bytes")
            body = environ["wsgi.input"].read(length) if length else b""
            result, status = api.route(environ.get("REQUEST_METHOD", "GET"), path, params, body), "200 OK"
        except HttpError as exc:
            result, status = {"error": str(exc)}, f"{exc.status} {_REASONS.get(exc.status, 'Error')}"
        except ValueError as exc:  # bad search syntax and similar user errors
            result, status = {"error": str(exc)}, "400 Bad Request"
        data = json.dumps(result, ensure_ascii=False).encode("utf-8")
        start_response(status, [("Content-Type", "application/json; charset=utf-8"),
                                ("Content-Length", str(len(data)))])
        return [data]

    return app


_REASONS = {400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 413: "Payload Too Large"}


class _ThreadingServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8750,
          settings: Mapping[str, Any] | None = None, quiet: bool = False) -> WSGIServer:
    """Create (not start) the HTTP server; call ``serve_forever()`` on the result."""
    return make_server(host, port, make_app(db, settings), server_class=_ThreadingServer,
                       handler_class=_QuietHandler if quiet else WSGIRequestHandler)
