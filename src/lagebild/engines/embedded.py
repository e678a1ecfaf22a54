"""The embedded engine: batches of inputs, worker processes, one SQLite writer.

Per-document stages run in worker processes (or in-process for small jobs); only this
module's main loop writes to the store, one transaction per batch. A document that fails
becomes a stored rejection; what was stored before is never lost.
"""
from __future__ import annotations

import dataclasses
import json
import os
import signal
import threading
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Any, BinaryIO, Callable, Iterable, Iterator, Mapping, TypeVar

from ..ingest.sources import Input, iter_inputs, now_iso
from ..model import Doc, RawDoc, Rejection
from ..pipeline import Pipeline, check_stage_names
from ..store import Store, input_key

T = TypeVar("T")
Progress = Callable[["IngestSummary"], None]


@dataclass
class IngestSummary:
    """What one ingest or reprocess run did (printed by the CLI)."""

    stored: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    rejected_before: int = 0
    duplicates: int = 0
    non_german: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def seen(self) -> int:
        return self.stored + self.updated + self.unchanged + self.rejected + self.rejected_before

    def to_dict(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out["reasons"] = dict(self.reasons)
        return out


class _Timeout(Exception):
    pass


def _raise_timeout(signum: int, frame: Any) -> None:
    raise _Timeout()


@lru_cache(maxsize=2)
def _pipeline_for(settings_json: str) -> Pipeline:
    return Pipeline.from_settings(json.loads(settings_json))


def process_raw(settings_json: str, raw: RawDoc) -> Doc:
    """Run the configured pipeline on one input (in a worker or in-process)."""
    settings = json.loads(settings_json)
    timeout = float(settings.get("ingest", {}).get("timeout_s", 0) or 0)
    pipe = _pipeline_for(settings_json)
    use_alarm = timeout > 0 and threading.current_thread() is threading.main_thread()
    if use_alarm:
        old = signal.signal(signal.SIGALRM, _raise_timeout)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return pipe.run(Doc(raw=raw), now_iso)
    except _Timeout:
        return Doc(raw=raw, rejection=Rejection(raw.source, "timeout",
                                                f"processing took longer than {timeout:g} s", now_iso()))
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


class Engine:
    """Runs the pipeline over inputs and writes the results to one store."""

    def __init__(self, store: Store, settings: Mapping[str, Any], workers: int | None = None,
                 progress: Progress | None = None) -> None:
        self.store = store
        self.settings = settings
        self.settings_json = json.dumps(settings, sort_keys=True)
        cfg = settings.get("ingest", {})
        self.batch_size = int(cfg.get("batch_size", 200))
        wanted = int(cfg.get("workers", 0)) if workers is None else workers
        self.workers = wanted if wanted > 0 else min(os.cpu_count() or 1, 4)
        self.progress = progress
        self._pool: ProcessPoolExecutor | None = None
        # Names are checked now; the stages themselves (models, lexicons) are built on the
        # first document that needs work, so re-ingesting known inputs costs no start-up.
        check_stage_names(settings)

    # ------------------------------------------------------------------ public
    def ingest(self, paths: Iterable[str], stdin: BinaryIO | None = None) -> IngestSummary:
        summary = IngestSummary()
        t0 = time.perf_counter()
        try:
            for batch in _chunks(iter_inputs(paths, self.settings, stdin), self.batch_size):
                self._ingest_batch(batch, summary)
        finally:
            self._close_pool()
        summary.seconds = time.perf_counter() - t0
        return summary

    def reprocess(self) -> IngestSummary:
        summary = IngestSummary()
        t0 = time.perf_counter()
        try:
            for batch in _chunks(self.store.iter_raw(), self.batch_size):
                self._write(self._run(batch), summary, replace=True)
        finally:
            self._close_pool()
        summary.seconds = time.perf_counter() - t0
        return summary

    # ------------------------------------------------------------------ internals
    def _ingest_batch(self, batch: list[Input], summary: IngestSummary) -> None:
        raws = [x for x in batch if isinstance(x, RawDoc)]
        rejections = [x for x in batch if isinstance(x, Rejection)]
        known = self.store.known_ids(r.article_id for r in raws)
        keys = {id(r): input_key(r.source, r.data) for r in raws}
        known_rej = self.store.known_rejections(keys.values())
        todo: list[RawDoc] = []
        seen: set[str] = set()
        for raw in raws:
            if raw.article_id in known or raw.article_id in seen:
                summary.unchanged += 1
            elif keys[id(raw)] in known_rej:
                summary.rejected_before += 1
            else:
                seen.add(raw.article_id)
                todo.append(raw)
        with self.store.transaction():
            for rej in rejections:
                self._save_rejection(rej, input_key(rej.source, rej.detail.encode()), summary)
        self._write(self._run(todo), summary, replace=False)

    def _run(self, raws: list[RawDoc]) -> list[Doc]:
        if not raws:
            return []
        _pipeline_for(self.settings_json)  # build here: forked workers inherit it
        if self.workers <= 1 or len(raws) < 8:
            return [process_raw(self.settings_json, r) for r in raws]
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers)
        return list(self._pool.map(process_raw, [self.settings_json] * len(raws), raws,
                                   chunksize=max(1, len(raws) // (self.workers * 4))))

    def _close_pool(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def _save_rejection(self, rej: Rejection, key: str, summary: IngestSummary) -> None:
        if self.store.save_rejection(rej, key):
            summary.rejected += 1
            summary.reasons[rej.reason] += 1
        else:
            summary.rejected_before += 1

    def _write(self, docs: list[Doc], summary: IngestSummary, replace: bool) -> None:
        at = now_iso()
        with self.store.transaction():
            for doc in docs:
                if doc.rejection is not None or doc.article is None:
                    rej = doc.rejection or Rejection(doc.raw.source, "empty", "no article", at)
                    self._save_rejection(rej, input_key(doc.raw.source, doc.raw.data), summary)
                    continue
                art = doc.article
                dup = self.store.earliest_with_hash(art.content_hash, art.id)
                if dup != art.duplicate_of:
                    doc = dataclasses.replace(doc, article=dataclasses.replace(art, duplicate_of=dup))
                summary.duplicates += dup is not None
                summary.non_german += bool(art.language and art.language != "de")
                if not replace:
                    self.store.save_raw(doc.raw, at)
                self.store.save_doc(doc)
                if replace:
                    summary.updated += 1
                else:
                    summary.stored += 1
        if self.progress:
            self.progress(summary)
