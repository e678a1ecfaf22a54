from __future__ import annotations

import io
import json
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from lagebild.api import make_app, serve
from lagebild.config import load_settings
from lagebild.engines.embedded import Engine
from lagebild.library import replace_settings
from lagebild.store import open_store
from support_stages import FAKE_STAGES

SETTINGS = replace_settings(load_settings(env={}), pipeline={"stages": FAKE_STAGES})


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Titel A\nDie Raketen wurden geliefert.", encoding="utf-8")
    (src / "b.txt").write_text("", encoding="utf-8")
    path = tmp_path / "s.db"
    with open_store(path) as store:
        Engine(store, SETTINGS, workers=1).ingest([str(src)])
    return path


def call(app: Any, path: str, query: str = "", method: str = "GET", body: bytes = b"") -> tuple[str, Any]:
    env = {"PATH_INFO": path, "QUERY_STRING": query, "REQUEST_METHOD": method,
           "CONTENT_LENGTH": str(len(body)), "wsgi.input": io.BytesIO(body)}
    seen: dict[str, str] = {}
    out = b"".join(app(env, lambda status, headers: seen.update(status=status)))
    return seen["status"], (json.loads(out) if path.startswith("/api") else out.decode())


def test_routes(db: Path) -> None:
    app = make_app(db, SETTINGS)
    status, stats = call(app, "/api/stats")
    assert status == "200 OK" and stats["articles"] == 1 and stats["rejections"] == 1
    status, hits = call(app, "/api/articles", "q=Raketen")
    assert [h["title"] for h in hits] == ["Titel A"]
    status, art = call(app, f"/api/articles/{hits[0]['id']}")
    assert status == "200 OK" and art["events"] == [] and "Raketen" in art["body"]
    assert call(app, "/api/rejections")[1][0]["reason"] == "empty"
    assert call(app, "/api/events", "type=AID")[1] == []
    assert "<title>lagebild" in call(app, "/")[1]


def test_errors_are_json(db: Path) -> None:
    app = make_app(db, SETTINGS)
    assert call(app, "/api/nope")[0].startswith("404")
    assert call(app, "/api/articles/abcdef12")[0].startswith("404")
    status, body = call(app, "/api/events", "limit=-3")
    assert status.startswith("400") and "limit" in body["error"]
    status, body = call(app, "/api/articles", "q=%22open")
    assert status.startswith("400") and "bad search query" in body["error"]
    assert call(app, "/api/stats", method="DELETE")[0].startswith("405")
    assert call(app, "/api/analyse", method="POST", body=b"  ")[0].startswith("400")


def test_real_server_on_loopback(db: Path) -> None:
    server = serve(db, "127.0.0.1", 0, SETTINGS, quiet=True)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/api/stats"
        with urllib.request.urlopen(url, timeout=5) as r:
            assert json.loads(r.read())["articles"] == 1
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(url.replace("stats", "missing"), timeout=5)
    finally:
        server.shutdown()
        server.server_close()
