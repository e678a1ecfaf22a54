"""Compare the CRF NER with a spaCy NER trained from scratch on the same data (CPU).

Training split: GermEval 2014 *test* (5,100 sentences); scored split: GermEval 2014 *dev*.
spaCy gets a blank German pipeline (no pretrained vectors: none can be installed) with the
default ``ner`` model, trained for ``--epochs`` passes; the best epoch on dev is NOT picked
(that would tune on the scored split): the figure after the last epoch is reported.

    python bench/ner_spacy_compare.py --epochs 12
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from typing import Sequence

from lagebild.kb import ner_train
from lagebild.kb.ner_eval import Sentence, read_tsv, score, spans


def _tags_from_doc(doc, n: int) -> list[str]:  # type: ignore[no-untyped-def]
    tags = ["O"] * n
    for ent in doc.ents:
        tags[ent.start] = "B-" + ent.label_
        for i in range(ent.start + 1, ent.end):
            tags[i] = "I-" + ent.label_
    return tags


def main() -> int:
    import spacy
    from spacy.tokens import Doc, Span
    from spacy.training import Example
    from spacy.util import minibatch

    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    data = ner_train.shared_dir() / "data" / "germeval2014"
    if not (data / "NER-de-dev.tsv").is_file():
        print(f"../shared not found: {data}")
        return 1
    train = read_tsv(data / "NER-de-test.tsv")
    dev = read_tsv(data / "NER-de-dev.tsv")
    spacy.util.fix_random_seed(args.seed)
    nlp = spacy.blank("de")
    nlp.add_pipe("ner")

    def example(s: Sentence) -> Example:
        gold = Doc(nlp.vocab, words=list(s.tokens))
        gold.ents = [Span(gold, a, b, label=lab) for a, b, lab in spans(s.tokens, s.tags)]
        return Example(Doc(nlp.vocab, words=list(s.tokens)), gold)

    examples = [example(s) for s in train]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(args.seed)
    t_train = time.perf_counter()
    for epoch in range(args.epochs):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=32):
            nlp.update(batch, drop=0.2, sgd=optimizer, losses=losses)
        print(f"epoch {epoch + 1}: loss {losses.get('ner', 0):.0f} "
              f"({time.perf_counter() - t_train:.0f} s)", flush=True)
    ner = nlp.get_pipe("ner")
    t0 = time.perf_counter()
    preds: list[Sequence[str]] = []
    for s in dev:
        doc = ner(Doc(nlp.vocab, words=list(s.tokens)))
        preds.append(_tags_from_doc(doc, len(s.tokens)))
    dt = time.perf_counter() - t0
    rep = score((s.tags, p) for s, p in zip(dev, preds))
    print(f"\nspaCy {spacy.__version__} blank 'de' + ner, {args.epochs} epochs, "
          f"trained on GermEval 2014 TEST, scored on GermEval 2014 DEV:")
    print("\n".join(rep.lines()))
    print(f"spaCy tagging speed: {len(dev) / dt:.0f} sentences/s (1 process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
