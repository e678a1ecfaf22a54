"""Sentence-boundary F1 and noun/proper-noun lemma accuracy on UD German GSD (dev, test).

Protocol (issue 4): the sentences of each file are joined in order with a single space into
chunks of 20 (no newlines); predicted sentence starts inside a chunk (the chunk's own start
left out) are scored against the true ones. Lemmas: every NOUN and PROPN word of the file,
``lagebild.nlp.lemmas.lemma(form)`` against the UD lemma; simplemma alone is printed too.

The no-punctuation boundary model (``lagebild.nlp.boundary_model``) ships weights trained
on UD GSD DEV only (``bench/nlp_sentence_model.py``): the test figures are held out, the dev
figures are not. Both are printed with and without it (``split(text, bare=False)``).
``--gnad`` prints every boundary the model and the bare rules add on the 10kGNAD texts, and
every punctuation boundary before a lower-case word (news precision guards).

Usage: python bench/nlp_sentences.py [--show N] [--gnad]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from nlp_common import gnad_texts, ud_sentences  # noqa: E402

from lagebild.nlp.lemmas import lemma  # noqa: E402
from lagebild.nlp.sentences import split  # noqa: E402


def boundary_f1(sents: list[list[tuple[str, str, str]]], show: int, model: bool = True
                ) -> tuple[float, float, float]:
    tp = fp = fn = 0
    shown = bare = 0
    for i in range(0, len(sents), 20):
        texts = [s[0][1] for s in sents[i:i + 20]]
        chunk = " ".join(texts)
        gold, pos = set(), 0
        for t in texts:
            if pos:
                gold.add(pos)
                bare += not chunk[:pos].rstrip().endswith((".", "!", "?", ":", ";", '"', "'", ")", "…"))
            pos += len(t) + 1
        pred = {sp.start for sp in split(chunk, bare=model)} - {0}
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
        for kind, errs in (("FP", pred - gold), ("FN", gold - pred)):
            for e in sorted(errs):
                if shown < show:
                    print(f"  {kind}: ...{chunk[max(0, e - 40):e]}|{chunk[e:e + 30]}...")
                    shown += 1
    if show >= 0:
        print(f"  true boundaries after no punctuation at all (headlines, reviews): {bare} of {tp + fn}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def lemma_accuracy(sents: list[list[tuple[str, str, str]]]) -> tuple[float, float, int]:
    import simplemma

    words = [(f, l) for s in sents for f, l, u in s[1:] if u in ("NOUN", "PROPN")]
    ours = sum(lemma(f) == l for f, l in words) / len(words)
    base = sum(simplemma.lemmatize(f, "de") == l for f, l in words) / len(words)
    return ours, base, len(words)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", type=int, default=0, help="print up to N boundary errors")
    ap.add_argument("--gnad", action="store_true", help="print the model's new 10kGNAD boundaries")
    args = ap.parse_args()
    for name in ("dev", "test"):
        sents = ud_sentences(name)
        p, r, f = boundary_f1(sents, args.show)
        p0, r0, f0 = boundary_f1(sents, -1, model=False)
        ours, base, n = lemma_accuracy(sents)
        tag = "model TRAINED on dev" if name == "dev" else "held out: model trained on dev"
        print(f"UD GSD {name} ({tag}): {len(sents)} sentences; boundary P={p:.4f} R={r:.4f} F1={f:.4f} "
              f"(punctuation only P={p0:.4f} R={r0:.4f} F1={f0:.4f}); "
              f"NOUN+PROPN lemma accuracy {ours:.4f} (simplemma alone {base:.4f}, n={n})")
    if args.gnad:
        texts, new = gnad_texts(), 0
        for text in texts:
            added = {s.start for s in split(text)} - {s.start for s in split(text, bare=False)}
            for x in sorted(added):
                new += 1
                print(f"  {new}: ...{text[max(0, x - 45):x]!r} | {text[x:x + 30]!r}")
        print(f"10kGNAD: {len(texts)} texts, {new} boundaries added by the model (judge each by eye)")
        lower = 0
        for text in texts:
            for sp in split(text, bare=False):
                head = text[sp.start:sp.start + 30]
                if sp.start and head.lstrip("\"„“»«‘'`([{")[:1].islower():
                    lower += 1
                    print(f"  L{lower}: ...{text[max(0, sp.start - 45):sp.start]!r} | {head!r}")
        print(f"10kGNAD: {lower} punctuation boundaries before a lower-case word (judge each by eye)")


if __name__ == "__main__":
    main()
