"""The embedded store: one SQLite file (WAL), FTS5 over title and body, versioned schema.

Records are kept as contract JSON (``data`` column) beside a few indexed columns, so that
export gives back exactly what the pipeline produced. The raw input of every article is
kept too (``raw_inputs``), so that ``reprocess`` can run new rules over old inputs.
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from ..model import (RECORD_KINDS, Claim, Doc, Entity, RawDoc, Rejection, Story, stable_hash,
                     to_dict)
from .schema import MIGRATIONS, SCHEMA_VERSION


class StoreError(OSError):
    """The store cannot be opened or written."""


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)


class Store:
    """A lagebild store on disk. Use :func:`open_store`; close it or use it as a context."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            if str(path) != ":memory:":
                path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(str(path), timeout=30, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open store {path}: {exc}") from None

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def _migrate(self) -> None:
        self.conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        current = int(row[0]) if row else 0
        if current > SCHEMA_VERSION:
            raise StoreError(f"store schema {current} is newer than this lagebild ({SCHEMA_VERSION})")
        for version in range(current + 1, SCHEMA_VERSION + 1):
            with self.transaction():
                for stmt in MIGRATIONS[version]:
                    self.conn.execute(stmt)
                self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                                  (str(version),))

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0])

    # ------------------------------------------------------------------ ingest side
    def _existing(self, table: str, column: str, keys: Iterable[str]) -> set[str]:
        keys = list(keys)
        found: set[str] = set()
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            q = f"SELECT {column} FROM {table} WHERE {column} IN ({','.join('?' * len(chunk))})"
            found.update(r[0] for r in self.conn.execute(q, chunk))
        return found

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """The article ids whose raw input is already stored."""
        return self._existing("raw_inputs", "article_id", ids)

    def known_rejections(self, keys: Iterable[str]) -> set[str]:
        """The input keys already stored as rejections."""
        return self._existing("rejections", "input_key", keys)

    def save_raw(self, raw: RawDoc, at: str) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO raw_inputs(article_id, source, fmt, url, hints, data, ingested_at)"
            " VALUES (?,?,?,?,?,?,?)",
            (raw.article_id, raw.source, raw.fmt, raw.url, _dumps(dict(raw.hints)), raw.data, at),
        )

    def save_rejection(self, rej: Rejection, input_key: str) -> bool:
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO rejections(input_key, source, reason, detail, at) VALUES (?,?,?,?,?)",
            (input_key, rej.source, rej.reason, rej.detail, rej.at),
        )
        return cur.rowcount > 0

    def earliest_with_hash(self, content_hash: str, exclude: str) -> str | None:
        row = self.conn.execute(
            "SELECT id FROM articles WHERE content_hash=? AND id<>? AND duplicate_of IS NULL"
            " ORDER BY seq LIMIT 1", (content_hash, exclude)).fetchone()
        return row[0] if row else None

    def save_doc(self, doc: Doc) -> None:
        """Store the article of ``doc`` and everything found in it, replacing older results."""
        art = doc.article
        assert art is not None
        data = to_dict(art)
        aid = art.id
        old = self.conn.execute("SELECT seq FROM articles WHERE id=?", (aid,)).fetchone()
        cols = (aid, art.url, art.path, art.outlet, art.title, art.author, art.published,
                art.language, art.content_hash, art.duplicate_of, art.story_id,
                art.pipeline_version, art.body, _dumps(data))
        if old:
            self.conn.execute(
                "UPDATE articles SET url=?, path=?, outlet=?, title=?, author=?, published=?,"
                " language=?, content_hash=?, duplicate_of=?, story_id=?, pipeline_version=?,"
                " body=?, data=? WHERE id=?", (*cols[1:], aid))
            self.conn.execute("DELETE FROM articles_fts WHERE article_id=?", (aid,))
        else:
            self.conn.execute(
                "INSERT INTO articles(id, url, path, outlet, title, author, published, language,"
                " content_hash, duplicate_of, story_id, pipeline_version, body, data)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", cols)
        self.conn.execute("INSERT INTO articles_fts(article_id, title, body) VALUES (?,?,?)",
                          (aid, art.title or "", art.body))
        for table in ("mentions", "events", "quotes"):
            self.conn.execute(f"DELETE FROM {table} WHERE article_id=?", (aid,))
        self.conn.executemany(
            "INSERT INTO mentions(article_id, entity_id, start, data) VALUES (?,?,?,?)",
            [(aid, m.entity_id, m.start, _dumps(to_dict(m))) for m in doc.mentions])
        self.conn.executemany(
            "INSERT OR REPLACE INTO events(id, article_id, type, data) VALUES (?,?,?,?)",
            [(e.id, aid, e.type, _dumps(to_dict(e))) for e in doc.events])
        self.conn.executemany(
            "INSERT INTO quotes(article_id, start, data) VALUES (?,?,?)",
            [(aid, q.start, _dumps(to_dict(q))) for q in doc.quotes])
        self.upsert_entities(doc.entities.values())

    def upsert_entities(self, entities: Iterable[Entity]) -> None:
        self.conn.executemany(
            "INSERT OR REPLACE INTO entities(id, type, name, data) VALUES (?,?,?,?)",
            [(e.id, e.type, e.name, _dumps(to_dict(e))) for e in entities])

    def replace_aggregates(self, claims: Iterable[Claim], stories: Iterable[Story],
                           story_of: Mapping[str, str], duplicate_of: Mapping[str, str]) -> None:
        """Replace the cross-document results (claims, stories, story/duplicate links)."""
        self.conn.execute("DELETE FROM claims")
        self.conn.execute("DELETE FROM stories")
        self.conn.executemany("INSERT INTO claims(id, data) VALUES (?,?)",
                              [(c.id, _dumps(to_dict(c))) for c in claims])
        self.conn.executemany("INSERT INTO stories(id, data) VALUES (?,?)",
                              [(s.id, _dumps(to_dict(s))) for s in stories])
        for row in self.conn.execute("SELECT id, data FROM articles").fetchall():
            data = json.loads(row["data"])
            new_story = story_of.get(row["id"])
            new_dup = duplicate_of.get(row["id"])  # the aggregate's view is authoritative
            if data.get("story_id") != new_story or data.get("duplicate_of") != new_dup:
                data["story_id"], data["duplicate_of"] = new_story, new_dup
                self.conn.execute(
                    "UPDATE articles SET story_id=?, duplicate_of=?, data=? WHERE id=?",
                    (new_story, new_dup, _dumps(data), row["id"]))

    # ------------------------------------------------------------------ read side
    def iter_raw(self) -> Iterator[RawDoc]:
        for r in self.conn.execute("SELECT source, fmt, url, hints, data FROM raw_inputs ORDER BY rowid"):
            yield RawDoc(source=r["source"], data=bytes(r["data"]), fmt=r["fmt"], url=r["url"],
                         hints=json.loads(r["hints"]))

    def iter_records(self, kind: str) -> Iterator[dict[str, Any]]:
        """Contract-shaped dicts of one record kind (CONTRACT.md), in a stable order."""
        if kind not in RECORD_KINDS:
            raise ValueError(f"unknown record kind {kind!r}; choose one of {', '.join(RECORD_KINDS)}")
        if kind == "rejections":
            for r in self.conn.execute("SELECT source, reason, detail, at FROM rejections ORDER BY id"):
                yield dict(r)
            return
        order = {"articles": "seq", "mentions": "article_id, start", "entities": "id",
                 "events": "article_id, id", "quotes": "article_id, start",
                 "claims": "id", "stories": "id"}[kind]
        for r in self.conn.execute(f"SELECT data FROM {kind} ORDER BY {order}"):
            yield json.loads(r[0])

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT data FROM articles WHERE id=? OR id LIKE ? ORDER BY id LIMIT 2",
                                (article_id, article_id + "%")).fetchall()
        if len(row) != 1:
            return None
        return json.loads(row[0][0])

    def records_for(self, kind: str, article_id: str) -> list[dict[str, Any]]:
        order = "start" if kind in ("mentions", "quotes") else "json_extract(data, '$.start'), id"
        return [json.loads(r[0]) for r in self.conn.execute(
            f"SELECT data FROM {kind} WHERE article_id=? ORDER BY {order}", (article_id,))]

    def query_events(self, type: str | None = None, country: str | None = None,
                     article_id: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
        """Events filtered by PLOVER type, by a country on either side, by article."""
        rows = self.conn.execute(
            "SELECT data FROM events WHERE (?1 IS NULL OR type = ?1)"
            " AND (?2 IS NULL OR json_extract(data, '$.actor.country') = ?2"
            "      OR json_extract(data, '$.target.country') = ?2)"
            " AND (?3 IS NULL OR article_id = ?3) ORDER BY article_id, id LIMIT ?4",
            (type, country, article_id, limit)).fetchall()
        return [json.loads(r[0]) for r in rows]

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search (FTS5 syntax; plain words are ANDed). Best matches first."""
        try:
            rows = self.conn.execute(
                "SELECT a.id, a.title, a.published, a.outlet,"
                " snippet(articles_fts, 2, '[', ']', ' … ', 12) AS snippet"
                " FROM articles_fts JOIN articles a ON a.id = articles_fts.article_id"
                " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?",
                (query, limit)).fetchall()
        except sqlite3.OperationalError as exc:
            raise ValueError(f"bad search query {query!r}: {exc}") from None
        return [dict(r) for r in rows]

    def counts(self) -> dict[str, int]:
        out = {k: self.conn.execute(f"SELECT COUNT(*) FROM {k}").fetchone()[0] for k in RECORD_KINDS}
        out["duplicates"] = self.conn.execute(
            "SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]
        out["non_german"] = self.conn.execute(
            "SELECT COUNT(*) FROM articles WHERE language IS NOT NULL AND language<>'de'").fetchone()[0]
        return out

    def grouped(self, sql: str) -> list[tuple[Any, int]]:
        return [tuple(r) for r in self.conn.execute(sql).fetchall()]  # type: ignore[misc]


def input_key(source: str, data: bytes) -> str:
    """Key under which a rejected input is remembered, so re-ingesting adds no row."""
    return stable_hash(source.encode() + b"\0" + data)


def open_store(path: str | Path) -> Store:
    return Store(Path(path))
