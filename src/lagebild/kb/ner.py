"""Statistical German NER: a CRF (python-crfsuite) over GermEval 2014 outer-level classes.

``load_tagger(settings)`` returns a :class:`Tagger` for the shipped weights
``resources/models/<settings["ner"]["model"]>`` (``None`` when ``[ner] enabled`` is false or
the file is missing: the knowledge base then works alone). ``Tagger.tag(tokens)`` gives one
outer-level BIO tag per token over the 12 GermEval classes (PER, ORG, LOC, OTH and their
``deriv``/``part`` variants); :func:`spans` turns tags into ``(start, end, label)`` token spans
(``end`` exclusive).

Training data: the GermEval 2014 *test* and *dev* splits together (7,300 sentences), because
the 24,000-sentence train split is not available here. Honest scores therefore come from the
same features and settings trained on *test* only and scored on *dev*, and from k-fold
cross-validation over test + dev (``python bench/ner_germeval.py --test-dev --cv 3``). The
shipped weights ``resources/models/ner-crf.model`` were produced by::

    lagebild train-ner
    # = --train ../shared/data/germeval2014/NER-de-test.tsv
    #   --train ../shared/data/germeval2014/NER-de-dev.tsv --c1 0.1 --c2 0.05 --max-iter 300
    #   --out src/lagebild/resources/models/ner-crf.model (c1/c2 chosen by 3-fold CV on the
    #   test split only)

The features (:mod:`.ner_features`) use the shipped lists ``ner-places.tsv``, ``ner-names.tsv``
(:mod:`.ner_gazetteer`), ``ner-kb.tsv`` and ``ner-cues.tsv`` (:mod:`.ner_lexicon`); after
changing features or lists, retrain. ``Tagger.tag`` also accepts BIOES models (it returns BIO).
A ``Tagger`` is not thread-safe: use one per process (``load_tagger`` caches it; it pickles by
reopening its file).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Sequence

from ..config import resource_path
from .ner_eval import CLASSES, spans, to_bio
from .ner_features import FEATURE_VERSION, sentence_features

__all__ = ["CLASSES", "FEATURE_VERSION", "Tagger", "load_tagger", "model_path", "spans"]


class Tagger:
    """A loaded CRF model; cheap to call, one instance per process (see ``load_tagger``)."""

    def __init__(self, path: str | Path) -> None:
        import pycrfsuite

        self.path = Path(path)
        self._crf = pycrfsuite.Tagger()
        try:
            self._crf.open(str(self.path))
        except (OSError, ValueError) as exc:
            raise ValueError(f"{self.path}: cannot open CRF model ({exc})") from None
        self.labels: tuple[str, ...] = tuple(self._crf.labels())
        self.feature_version = _check_features(self.path)
        sentence_features(["Start"])  # build the gazetteers now, not on the first sentence

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        # crfsuite handles do not pickle; reopen the same file in the other process.
        return (Tagger, (str(self.path),))

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """Outer-level BIO tags, one per token (``[]`` for no tokens)."""
        if not tokens:
            return []
        clean = [t if t and not t.isspace() else "_" for t in tokens]
        return to_bio(self._crf.tag(sentence_features(clean)))

    def tag_spans(self, tokens: Sequence[str]) -> list[tuple[int, int, str]]:
        """Entity spans ``(start, end, label)`` of ``tokens``; ``end`` is exclusive."""
        return spans(tokens, self.tag(tokens))


def _check_features(path: Path) -> str | None:
    """The feature version recorded beside the model (``<model>.json``); a model trained
    with other features than this code computes would tag badly, so that is an error."""
    import json

    meta = path.with_name(path.name + ".json")
    if not meta.is_file():
        return None
    try:
        version = json.loads(meta.read_text("utf-8")).get("feature_version")
    except (OSError, ValueError, AttributeError) as exc:
        raise ValueError(f"{meta}: cannot read the model's training record ({exc})") from None
    if version != FEATURE_VERSION:
        raise ValueError(f"{path}: trained with features {version!r}, but this lagebild "
                         f"computes {FEATURE_VERSION!r}; retrain with 'lagebild train-ner'")
    return str(version)


def model_path(settings: Mapping[str, Any]) -> Path:
    """Where the weights named in ``settings["ner"]["model"]`` live."""
    name = str(settings.get("ner", {}).get("model", "ner-crf.model"))
    p = Path(name).expanduser()
    return p if p.is_absolute() else resource_path("models", name)


@lru_cache(maxsize=4)
def _load(path: str) -> Tagger:
    return Tagger(path)


def load_tagger(settings: Mapping[str, Any]) -> Tagger | None:
    """The shared tagger for ``settings``, or ``None`` when disabled or without weights."""
    ner = settings.get("ner", {})
    if not ner.get("enabled", True):
        return None
    path = model_path(settings)
    if not path.is_file():
        return None
    return _load(str(path))
