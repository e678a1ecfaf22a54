"""Measure the CRF NER on GermEval 2014 (outer level, strict spans) and its tagging speed.

The shipped weights are trained on the GermEval 2014 *test* and *dev* splits together (7,300
sentences; the 24,000-sentence train split is not available), so no held-out GermEval split
is left for them. Honest figures therefore come from:

- ``--test-dev``: the same features and settings trained on the *test* split only (5,100
  sentences) into a temp file and scored on the *dev* split (2,200 sentences, unseen);
- ``--cv K``: K-fold cross-validation over the union (test + dev, 7,300 sentences): every
  sentence is scored by a model that did not see it.

    python bench/ner_germeval.py --test-dev          # train on TEST, score on DEV (~2 min)
    python bench/ner_germeval.py --cv 3              # 3-fold CV over TEST+DEV (~7 min)
    python bench/ner_germeval.py --curve             # learning curve: 1/4..all of TEST -> DEV
    python bench/ner_germeval.py                     # size and speed of the shipped weights

The shipped weights come from ``lagebild train-ner`` with the defaults printed below.
Reads ../shared (or $LAGEBILD_SHARED); prints figures, asserts nothing.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from lagebild.config import load_settings
from lagebild.kb import ner_train
from lagebild.kb.ner import Tagger, model_path
from lagebild.kb.ner_eval import Sentence, read_tsv, score
from lagebild.kb.ner_train import folds
from lagebild.kb.ner_features import FEATURE_VERSION


def _speed(tagger: Tagger, sentences: list[Sentence]) -> str:
    t0 = time.perf_counter()
    for s in sentences:
        tagger.tag(s.tokens)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    for s in sentences:
        tagger.tag(s.tokens)
    warm = time.perf_counter() - t0
    n_tok = sum(len(s.tokens) for s in sentences)
    return (f"tagging speed (1 core, features included, {len(sentences)} sentences): first "
            f"pass {len(sentences) / cold:.0f} sentences/s ({n_tok / cold:.0f} tokens/s); "
            f"warm caches {len(sentences) / warm:.0f} sentences/s ({n_tok / warm:.0f} tokens/s)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--test-dev", action="store_true",
                    help="train on the TEST split only and score on the DEV split")
    ap.add_argument("--cv", type=int, default=0, help="k-fold CV over TEST+DEV")
    ap.add_argument("--curve", action="store_true",
                    help="train on 1/4, 1/2, 3/4 of a shuffled TEST split, score each on DEV")
    ap.add_argument("--c1", type=float, default=ner_train.DEFAULT_C1)
    ap.add_argument("--c2", type=float, default=ner_train.DEFAULT_C2)
    ap.add_argument("--max-iter", type=int, default=ner_train.DEFAULT_MAX_ITER)
    args = ap.parse_args()

    test_file, dev_file = ner_train.germeval_files()
    if not (test_file.is_file() and dev_file.is_file()):
        print(f"../shared not found: {test_file} or {dev_file} is missing (set LAGEBILD_SHARED)")
        return 1
    test, dev = read_tsv(test_file), read_tsv(dev_file)
    params = dict(c1=args.c1, c2=args.c2, max_iter=args.max_iter)
    print(f"feature version {FEATURE_VERSION}; settings {params}")
    print(f"shipped weights were produced by: lagebild train-ner  (= --train {test_file} "
          f"--train {dev_file} --c1 {ner_train.DEFAULT_C1} --c2 {ner_train.DEFAULT_C2} "
          f"--max-iter {ner_train.DEFAULT_MAX_ITER}; trained on GermEval 2014 TEST+DEV)")
    with tempfile.TemporaryDirectory() as tmp:
        if args.test_dev:
            res = ner_train.train(test, Path(tmp) / "test-only.model", **params)
            tagger = Tagger(res.path)
            preds = [tagger.tag(s.tokens) for s in dev]
            rep = score((s.tags, p) for s, p in zip(dev, preds))
            print(f"\ntrained on GermEval 2014 TEST ({len(test)} sentences, {res.seconds:.0f} s),"
                  f" scored on GermEval 2014 DEV ({len(dev)} sentences, unseen):")
            print("\n".join(rep.lines()))
        if args.curve:
            print("\nlearning curve (train on part of TEST, score on DEV):")
            shuffled = [s for fold in folds(test, 4, seed=7) for s in fold]
            for q in (1, 2, 3):
                sub = shuffled[: len(test) * q // 4]
                res = ner_train.train(sub, Path(tmp) / f"curve-{q}.model", **params)
                preds = ner_train.predict(res.path, dev)
                rep = score((s.tags, p) for s, p in zip(dev, preds))
                print(f"  {len(sub):5d} training sentences: {rep.lines()[1]}")
        if args.cv:
            union = test + dev
            t0 = time.perf_counter()
            rep = ner_train.cross_validate(union, tmp, k=args.cv, **params)
            print(f"\n{args.cv}-fold cross-validation over GermEval 2014 TEST+DEV "
                  f"({len(union)} sentences, {time.perf_counter() - t0:.0f} s):")
            print("\n".join(rep.lines()))
    path = model_path(load_settings(env={}))
    if not path.is_file():
        print(f"no shipped weights at {path}; run 'lagebild train-ner'")
        return 1
    print(f"\nshipped model {path.name}: {path.stat().st_size / 1e6:.1f} MB "
          f"(trained on TEST+DEV: its score on either split is not a test figure)")
    print(_speed(Tagger(path), dev))
    return 0


if __name__ == "__main__":
    sys.exit(main())
