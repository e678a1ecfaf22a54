"""Training and cross-validation of the CRF NER (python-crfsuite, L-BFGS with L1+L2)."""
from __future__ import annotations

import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .ner_eval import Report, Sentence, score, to_bio
from .ner_features import FEATURE_VERSION, sentence_features

DEFAULT_C1 = 0.1
DEFAULT_C2 = 0.05
DEFAULT_MAX_ITER = 300


@dataclass(frozen=True)
class TrainResult:
    """Where the model went and how long training took."""

    path: Path
    sentences: int
    seconds: float


def meta_path(model: str | Path) -> Path:
    """The JSON file beside a model that records how it was trained (``<model>.json``)."""
    p = Path(model)
    return p.with_name(p.name + ".json")


def train(sentences: Sequence[Sentence], out: str | Path, *, c1: float = DEFAULT_C1,
          c2: float = DEFAULT_C2, max_iter: int = DEFAULT_MAX_ITER,
          sources: Sequence[str] = ()) -> TrainResult:
    """Train a CRF on ``sentences``; write the model to ``out`` and, beside it, ``out.json``
    with the feature version, settings and training data (the tagger checks the version)."""
    import json

    import pycrfsuite

    if not sentences:
        raise ValueError("no training sentences")
    t0 = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    for s in sentences:
        trainer.append(sentence_features(s.tokens), list(s.tags))
    trainer.set_params({
        "c1": c1,
        "c2": c2,
        "max_iterations": max_iter,
        "feature.possible_transitions": True,
    })
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    meta = {"feature_version": FEATURE_VERSION, "sentences": len(sentences),
            "c1": c1, "c2": c2, "max_iter": max_iter, "sources": list(sources)}
    meta_path(path).write_text(json.dumps(meta, indent=1) + "\n", "utf-8")
    return TrainResult(path, len(sentences), time.perf_counter() - t0)


def predict(model: str | Path, sentences: Sequence[Sentence]) -> list[list[str]]:
    """Tag ``sentences`` with the model file ``model``."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    try:
        return [to_bio(tagger.tag(sentence_features(s.tokens))) for s in sentences]
    finally:
        tagger.close()


def folds(sentences: Sequence[Sentence], k: int, seed: int = 13) -> list[list[Sentence]]:
    """Split ``sentences`` into ``k`` shuffled folds (deterministic for a seed)."""
    idx = list(range(len(sentences)))
    random.Random(seed).shuffle(idx)
    return [[sentences[i] for i in idx[f::k]] for f in range(k)]


def cross_validate(sentences: Sequence[Sentence], workdir: str | Path, *, k: int = 3,
                   c1: float = DEFAULT_C1, c2: float = DEFAULT_C2,
                   max_iter: int = DEFAULT_MAX_ITER, seed: int = 13) -> Report:
    """k-fold cross-validated strict span score of one (c1, c2) setting."""
    parts = folds(sentences, k, seed)
    pairs: list[tuple[Sequence[str], Sequence[str]]] = []
    for f in range(k):
        train_set = [s for g in range(k) if g != f for s in parts[g]]
        model = Path(workdir) / f"cv-{f}.crfsuite"
        train(train_set, model, c1=c1, c2=c2, max_iter=max_iter)
        preds = predict(model, parts[f])
        pairs.extend((s.tags, p) for s, p in zip(parts[f], preds))
        model.unlink(missing_ok=True)
        meta_path(model).unlink(missing_ok=True)
    return score(pairs)


def shared_dir() -> Path:
    """The read-only ``shared`` folder: ``$LAGEBILD_SHARED``, else ``<repo>/../shared``."""
    import os

    env = os.environ.get("LAGEBILD_SHARED")
    if env:
        return Path(env).expanduser()
    return Path(__file__).resolve().parents[3] / ".." / "shared"


def germeval_files() -> tuple[Path, Path]:
    """The GermEval 2014 (test, dev) split files in ``shared/data/germeval2014``."""
    data = shared_dir() / "data" / "germeval2014"
    return data / "NER-de-test.tsv", data / "NER-de-dev.tsv"


def default_train_files() -> list[Path]:
    """The shipped model's training data: the GermEval 2014 test and dev splits (7,300
    sentences; the 24,000-sentence train split is not available here)."""
    return list(germeval_files())
