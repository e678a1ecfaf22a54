"""Tiny fake stages for engine/CLI tests that must not depend on the real cleaner."""
from __future__ import annotations

import dataclasses
from typing import Any, Mapping

from lagebild.model import Article, Doc, stable_hash
from lagebild.pipeline import StageFailure


class FakeExtract:
    name = "extract"
    requires = ("raw",)
    assigns = ("text", "meta")

    def __call__(self, doc: Doc) -> Doc:
        if b"CRASH" in doc.raw.data:
            raise RuntimeError("simulated crash")
        text = doc.raw.hints.get("text") if doc.raw.fmt == "json" else doc.raw.data.decode("utf-8")
        if not str(text).strip():
            raise StageFailure("empty", "nothing but whitespace")
        return dataclasses.replace(doc, text=str(text), meta=dict(doc.raw.hints))


class FakeClean:
    name = "clean"
    requires = ("raw", "text", "meta")
    assigns = ("article",)

    def __init__(self, version: str) -> None:
        self.version = version

    def __call__(self, doc: Doc) -> Doc:
        body = doc.text.strip()
        art = Article(id=doc.raw.article_id, content_hash=stable_hash(body), body=body,
                      url=doc.raw.url, path=None if doc.raw.url else doc.raw.source,
                      title=body.splitlines()[0], pipeline_version=self.version, language="de")
        return dataclasses.replace(doc, article=art)


def make_extract(settings: Mapping[str, Any]) -> FakeExtract:
    return FakeExtract()


def make_clean(settings: Mapping[str, Any]) -> FakeClean:
    return FakeClean(settings.get("store", {}).get("test_version", "v1"))


FAKE_STAGES = ["support_stages:make_extract", "support_stages:make_clean"]
