"""Schema of the SQLite store and its migrations.

``MIGRATIONS[n]`` takes a store from version n-1 to n; a store opened by a newer lagebild
is migrated in place, one transaction per step. Never edit a released step: add one.
"""
from __future__ import annotations

SCHEMA_VERSION = 1

MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """CREATE TABLE raw_inputs (
            article_id TEXT PRIMARY KEY, source TEXT NOT NULL, fmt TEXT NOT NULL, url TEXT,
            hints TEXT NOT NULL, data BLOB NOT NULL, ingested_at TEXT NOT NULL)""",
        """CREATE TABLE articles (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, url TEXT, path TEXT,
            outlet TEXT, title TEXT, author TEXT, published TEXT, language TEXT,
            content_hash TEXT, duplicate_of TEXT, story_id TEXT, pipeline_version TEXT,
            body TEXT NOT NULL, data TEXT NOT NULL)""",
        "CREATE INDEX articles_hash ON articles(content_hash)",
        "CREATE INDEX articles_published ON articles(published)",
        "CREATE VIRTUAL TABLE articles_fts USING fts5(article_id UNINDEXED, title, body,"
        " tokenize='unicode61 remove_diacritics 0')",
        """CREATE TABLE mentions (
            id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, entity_id TEXT NOT NULL,
            start INTEGER NOT NULL, data TEXT NOT NULL)""",
        "CREATE INDEX mentions_article ON mentions(article_id)",
        "CREATE INDEX mentions_entity ON mentions(entity_id)",
        "CREATE TABLE entities (id TEXT PRIMARY KEY, type TEXT, name TEXT, data TEXT NOT NULL)",
        """CREATE TABLE events (
            id TEXT PRIMARY KEY, article_id TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL)""",
        "CREATE INDEX events_article ON events(article_id)",
        """CREATE TABLE quotes (
            id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, start INTEGER NOT NULL,
            data TEXT NOT NULL)""",
        "CREATE INDEX quotes_article ON quotes(article_id)",
        "CREATE TABLE claims (id TEXT PRIMARY KEY, data TEXT NOT NULL)",
        "CREATE TABLE stories (id TEXT PRIMARY KEY, data TEXT NOT NULL)",
        """CREATE TABLE rejections (
            id INTEGER PRIMARY KEY AUTOINCREMENT, input_key TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL, reason TEXT NOT NULL, detail TEXT, at TEXT NOT NULL)""",
    ),
}
