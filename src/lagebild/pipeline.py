"""Per-document stages and the pipeline that chains them.

A stage is a small object with a ``name``, the :class:`~lagebild.model.Doc` fields it
``requires`` and the fields it ``assigns``, and a ``__call__(doc) -> doc`` that does no I/O.
:class:`Pipeline` checks when it is built that every requirement is assigned by an earlier
stage (spaCy-style), so a misordered configuration fails at start-up, not mid-corpus.

Stages are registered by name in :data:`STAGES` (a factory taking the settings); the
settings file's ``[pipeline] stages`` list picks and orders them.
"""
from __future__ import annotations

import dataclasses
import importlib
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping, Protocol, Sequence

from .model import Doc, Rejection

#: Doc fields available before any stage runs.
INITIAL_FIELDS = frozenset({"raw"})
DOC_FIELDS = frozenset(f.name for f in dataclasses.fields(Doc))


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Doc) -> Doc: ...


class PipelineError(ValueError):
    """The configured stages cannot run in this order."""


class StageFailure(Exception):
    """Raised by a stage to reject a document with a reason code (CONTRACT.md Rejection)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


# name -> "module:factory"; factories take the settings mapping and return a Stage.
# Imported lazily so that a command that needs no NER never loads its weights.
STAGES: dict[str, str] = {
    "extract": "lagebild.clean.extract:make_stage",
    "clean": "lagebild.clean.cleaner:make_stage",
    "language": "lagebild.clean.language:make_stage",
    "repair": "lagebild.nlp.repair:make_stage",
    "sentences": "lagebild.nlp.sentences:make_stage",
    "quantities": "lagebild.nlp.numbers:make_stage",
    "dates": "lagebild.nlp.dates:make_stage",
    "entities": "lagebild.kb.linker:make_stage",
    "events": "lagebild.extract.events:make_stage",
    "quotes": "lagebild.extract.quotes:make_stage",
}


def check_stage_names(settings: Mapping[str, Any]) -> None:
    """Fail early on a stage name that is neither registered nor ``module:factory``."""
    for name in settings.get("pipeline", {}).get("stages", []):
        if ":" not in name and name not in STAGES:
            raise PipelineError(f"unknown stage {name!r}; known: {', '.join(sorted(STAGES))}")


def load_stage(name: str, settings: Mapping[str, Any]) -> Stage:
    """Build the stage registered as ``name``, or a user stage given as ``"module:factory"``."""
    target = name if ":" in name else STAGES.get(name)
    if target is None:
        raise PipelineError(f"unknown stage {name!r}; known: {', '.join(sorted(STAGES))}")
    module, _, attr = target.partition(":")
    try:
        factory: Callable[[Mapping[str, Any]], Stage] = getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError) as exc:
        raise PipelineError(f"stage {name!r} cannot be loaded from {target!r}: {exc}") from None
    return factory(settings)


@dataclass(frozen=True)
class Pipeline:
    stages: tuple[Stage, ...]

    @classmethod
    def build(cls, stages: Iterable[Stage], provided: Iterable[str] = ()) -> "Pipeline":
        """Chain ``stages``, checking each one's requirements; ``provided`` names Doc fields
        the caller fills before the first stage (e.g. ``article`` for an already clean body)."""
        stages = tuple(stages)
        have = set(INITIAL_FIELDS) | set(provided)
        for st in stages:
            unknown = [f for f in (*st.requires, *st.assigns) if f not in DOC_FIELDS]
            if unknown:
                raise PipelineError(f"stage {st.name!r} names unknown Doc fields: {unknown}")
            missing = [f for f in st.requires if f not in have]
            if missing:
                raise PipelineError(
                    f"stage {st.name!r} requires {missing}, which no earlier stage assigns"
                )
            have.update(st.assigns)
        return cls(stages)

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any], only: Sequence[str] | None = None,
                      provided: Iterable[str] = ()) -> "Pipeline":
        names = list(settings.get("pipeline", {}).get("stages", []))
        if only is not None:
            names = [n for n in names if n in only]
        return cls.build((load_stage(n, settings) for n in names), provided)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def run(self, doc: Doc, now: Callable[[], str]) -> Doc:
        """Run every stage; a failure becomes the document's rejection, never an exception.

        A :class:`StageFailure` rejects with its reason. Any other exception rejects with
        reason ``stage_error`` while there is no article yet, and becomes a warning on the
        article afterwards: one bad document never stops a batch.
        """
        for st in self.stages:
            try:
                doc = st(doc)
            except StageFailure as exc:
                return dataclasses.replace(
                    doc, rejection=Rejection(doc.raw.source, exc.reason, exc.detail, now())
                )
            except Exception as exc:  # noqa: BLE001 - one error handler per document
                detail = f"stage {st.name}: {type(exc).__name__}: {exc}"[:500]
                if doc.article is not None:  # keep the article, note what failed
                    doc = doc.with_warning(f"stage_error: {detail}")
                    continue
                return dataclasses.replace(
                    doc, rejection=Rejection(doc.raw.source, "stage_error", detail, now())
                )
            if doc.rejection is not None:
                return doc
        return doc


def is_codable(doc: Doc, settings: Mapping[str, Any]) -> bool:
    """True when the article's language is one the coding stages handle (``language.code_only``).

    Stages after ``language`` (entities, events, quotes) return the doc unchanged otherwise:
    non-German articles are stored and flagged, not coded as German.
    """
    if doc.article is None:
        return False
    lang = doc.article.language
    return lang is None or lang in settings.get("language", {}).get("code_only", ["de"])
