"""The typed Python API. CLI commands, the REST API and the web UI call these functions.

Example::

    from lagebild import library as lb
    summary = lb.ingest(["pages/"], db="news.db")
    with lb.open_store("news.db") as store:
        for event in store.iter_records("events"):
            print(event["type"], event["actor"], event["target"])

    doc = lb.process_text(open("page.txt").read())      # one page, nothing stored
    doc = lb.analyse_body("Nordkorea liefert Russland Munition.", published="2025-06-04")
"""
from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Mapping, Sequence

from .config import load_settings, resource_path, store_path
from .engines.embedded import Engine, IngestSummary, Progress
from .ingest.sources import now_iso
from .model import Article, Doc, RawDoc, stable_hash
from .pipeline import Pipeline
from .store import Store, open_store as _open_store
from .version import pipeline_version

#: Stages that turn a page into an article; `analyse_body` starts after them.
PAGE_STAGES = ("extract", "clean", "language")


def _settings(settings: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return settings if settings is not None else load_settings()


def open_store(db: str | Path | None = None, settings: Mapping[str, Any] | None = None) -> Store:
    """Open (and create or migrate) the store at ``db`` or the configured default."""
    return _open_store(store_path(_settings(settings), str(db) if db else None))


def ingest(paths: Iterable[str], db: str | Path | None = None,
           settings: Mapping[str, Any] | None = None, stdin: BinaryIO | None = None,
           progress: Progress | None = None, workers: int | None = None,
           aggregate_after: bool = True) -> IngestSummary:
    """Read, clean, analyse and store every input under ``paths`` (``-`` = stdin)."""
    settings = _settings(settings)
    with open_store(db, settings) as store:
        summary = Engine(store, settings, workers=workers, progress=progress).ingest(paths, stdin)
        if aggregate_after and (summary.stored or summary.updated):
            aggregate(store, settings)
        return summary


def reprocess(db: str | Path | None = None, settings: Mapping[str, Any] | None = None,
              progress: Progress | None = None, workers: int | None = None) -> IngestSummary:
    """Run the current stages again over every stored raw input, updating records in place."""
    settings = _settings(settings)
    with open_store(db, settings) as store:
        summary = Engine(store, settings, workers=workers, progress=progress).reprocess()
        aggregate(store, settings)
        return summary


def aggregate(store: Store, settings: Mapping[str, Any] | None = None) -> dict[str, int]:
    """Cross-document stages: near-duplicates, stories and claims over the whole store.

    Returns counts. Does nothing (and says so with zero counts) when the aggregation
    modules are not installed in this build.
    """
    if importlib.util.find_spec("lagebild.aggregate.claims") is None:
        return {"claims": 0, "stories": 0}
    from .aggregate import run_all

    claims, stories, story_of, duplicate_of = run_all(
        list(store.iter_records("articles")), list(store.iter_records("events")),
        list(store.iter_records("mentions")), _settings(settings))
    with store.transaction():
        store.replace_aggregates(claims, stories, story_of, duplicate_of)
    return {"claims": len(claims), "stories": len(stories)}


def process_text(text: str, published: str | None = None, url: str | None = None,
                 settings: Mapping[str, Any] | None = None) -> Doc:
    """Run the whole pipeline on one page given as text; nothing is stored."""
    settings = _settings(settings)
    hints = {k: v for k, v in (("published", published), ("url", url)) if v}
    raw = RawDoc(source="<text>", data=text.encode("utf-8"), fmt="text", url=url, hints=hints)
    return Pipeline.from_settings(settings).run(Doc(raw=raw), now_iso)


def analyse_body(text: str, published: str | None = None,
                 settings: Mapping[str, Any] | None = None,
                 stages: Sequence[str] | None = None) -> Doc:
    """Analyse ``text`` as an already clean German article body (no cleaning, no language check).

    Runs the configured stages after the page stages (repair, sentences, quantities,
    dates, entities, events, quotes), or only those named in ``stages``.
    """
    settings = _settings(settings)
    names = [n for n in settings["pipeline"]["stages"] if n not in PAGE_STAGES]
    if stages is not None:
        names = [n for n in names if n in stages]
    raw = RawDoc(source="<text>", data=text.encode("utf-8"), fmt="text")
    art = Article(id=stable_hash(b"raw:" + raw.data), content_hash=stable_hash(text), body=text,
                  published=published, language="de", pipeline_version=pipeline_version(settings))
    pipe = Pipeline.from_settings(settings, only=names, provided=("text", "meta", "article"))
    return pipe.run(Doc(raw=raw, text=text, article=art), now_iso)


def sample_corpus_path() -> Path:
    """Folder of the invented sample corpus shipped with the package."""
    return resource_path("sample", "articles")


def demo(db: str | Path, settings: Mapping[str, Any] | None = None,
         progress: Progress | None = None) -> IngestSummary:
    """Ingest the bundled sample corpus into a fresh store at ``db``."""
    db = Path(db)
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    return ingest([str(sample_corpus_path())], db=db, settings=settings, progress=progress)


def article_view(store: Store, article_id: str) -> dict[str, Any] | None:
    """An article with its mentions, events and quotes (for `show` and the REST API)."""
    art = store.get_article(article_id)
    if art is None:
        return None
    out = dict(art)
    for kind in ("events", "quotes", "mentions"):
        out[kind] = store.records_for(kind, art["id"])
    return out


def replace_settings(settings: Mapping[str, Any], **sections: Mapping[str, Any]) -> dict[str, Any]:
    """Copy of ``settings`` with some sections' keys overridden (for tests and tools)."""
    out = {k: dict(v) if isinstance(v, Mapping) else v for k, v in settings.items()}
    for name, values in sections.items():
        out[name] = {**out.get(name, {}), **values}
    return out


__all__ = [
    "open_store", "ingest", "reprocess", "aggregate", "process_text", "analyse_body",
    "sample_corpus_path", "demo", "article_view", "replace_settings", "IngestSummary",
]
