"""Measure the shipped CRF NER on GermEval 2014 (outer level, strict spans) and its speed.

Training split: GermEval 2014 *test* (5,100 sentences; the 24,000-sentence train split is not
available). Scored split: GermEval 2014 *dev* (2,200 sentences, never seen in training).

    python bench/ner_germeval.py              # score the shipped weights, time tagging
    python bench/ner_germeval.py --retrain    # first retrain into a temp file and score that
    python bench/ner_germeval.py --cv 3       # also 3-fold CV on the training split

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
from lagebild.kb.ner_eval import read_tsv, score
from lagebild.kb.ner_features import FEATURE_VERSION


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--retrain", action="store_true", help="train a fresh model first")
    ap.add_argument("--cv", type=int, default=0, help="k-fold CV on the training split")
    ap.add_argument("--c1", type=float, default=ner_train.DEFAULT_C1)
    ap.add_argument("--c2", type=float, default=ner_train.DEFAULT_C2)
    ap.add_argument("--max-iter", type=int, default=ner_train.DEFAULT_MAX_ITER)
    args = ap.parse_args()

    data = ner_train.shared_dir() / "data" / "germeval2014"
    train_file, dev_file = data / "NER-de-test.tsv", data / "NER-de-dev.tsv"
    if not dev_file.is_file():
        print(f"../shared not found: {dev_file} is missing (set LAGEBILD_SHARED)")
        return 1
    dev = read_tsv(dev_file)
    params = dict(c1=args.c1, c2=args.c2, max_iter=args.max_iter)
    print(f"feature version {FEATURE_VERSION}")
    print(f"training split: GermEval 2014 TEST ({train_file.name}); "
          f"scored split: GermEval 2014 DEV ({dev_file.name}, {len(dev)} sentences)")
    print("shipped weights were produced by: lagebild train-ner "
          f"--train {train_file} --c1 {ner_train.DEFAULT_C1} --c2 {ner_train.DEFAULT_C2} "
          f"--max-iter {ner_train.DEFAULT_MAX_ITER}")
    with tempfile.TemporaryDirectory() as tmp:
        if args.cv:
            train = read_tsv(train_file)
            rep = ner_train.cross_validate(train, tmp, k=args.cv, **params)
            print(f"\n{args.cv}-fold cross-validation on the TRAINING split "
                  f"({len(train)} sentences, {params}):")
            print("\n".join(rep.lines()))
        if args.retrain:
            res = ner_train.train(read_tsv(train_file), Path(tmp) / "fresh.model", **params)
            print(f"\nretrained {params} in {res.seconds:.0f} s")
            path = res.path
        else:
            path = model_path(load_settings(env={}))
        if not path.is_file():
            print(f"no weights at {path}; run 'lagebild train-ner'")
            return 1
        tagger = Tagger(path)
        t0 = time.perf_counter()
        preds = [tagger.tag(s.tokens) for s in dev]
        cold = time.perf_counter() - t0
        t0 = time.perf_counter()
        for s in dev:
            tagger.tag(s.tokens)
        warm = time.perf_counter() - t0
        rep = score((s.tags, p) for s, p in zip(dev, preds))
        print(f"\nmodel {path.name} ({path.stat().st_size / 1e6:.1f} MB); "
              f"trained on GermEval 2014 TEST, scored on GermEval 2014 DEV:")
        print("\n".join(rep.lines()))
        n_tok = sum(len(s.tokens) for s in dev)
        print(f"\ntagging speed (1 core, features included): first pass "
              f"{len(dev) / cold:.0f} sentences/s ({n_tok / cold:.0f} tokens/s); "
              f"warm caches {len(dev) / warm:.0f} sentences/s ({n_tok / warm:.0f} tokens/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
