"""Deterministic dump of the language layer's output on all 10kGNAD texts (a regression check).

For every text of 10kGNAD (``../shared/data/10kGNAD/test.csv``, in file order) one JSON
line with the repairs, the sentences, the tokens (offsets, lemma, sentence start), the
quantities and the dates (resolved against a fixed publication date), computed exactly as
``bench/nlp_throughput.py`` runs the layer (stages on the repaired text). Two dumps of the same code are byte-identical;
compare a dump before and after a change with ``diff`` (or ``cmp``).

``--skip-sentences`` leaves out everything that depends on the sentence splitter
(sentences, the tokens' sentence-start flags and cuts, the quantities): for comparing dumps
across a change of ``lagebild/nlp/sentences.py``.

Usage: python bench/nlp_layer_dump.py OUT.jsonl [--skip-sentences]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from nlp_common import gnad_texts  # noqa: E402

from lagebild.model import to_dict  # noqa: E402
from lagebild.nlp.dates import find_dates  # noqa: E402
from lagebild.nlp.numbers import find_quantities  # noqa: E402
from lagebild.nlp.repair import repair_text  # noqa: E402
from lagebild.nlp.sentences import annotate  # noqa: E402
from lagebild.nlp.tokenizer import token_spans  # noqa: E402

PUBLISHED = "2016-03-01T12:00"


def record(text: str, skip_sentences: bool) -> dict[str, Any]:
    body, repairs = repair_text(text)
    rec: dict[str, Any] = {"repairs": [to_dict(r) for r in repairs]}
    if skip_sentences:
        words, starts, ends = token_spans(body)
        from lagebild.nlp.lemmas import lemma

        rec["tokens"] = [[a, b, lemma(w)] for w, a, b in zip(words, starts, ends)]
    else:
        sentences, tokens = annotate(body)
        rec["sentences"] = [[s.start, s.end] for s in sentences]
        rec["tokens"] = [[t.start, t.end, t.lemma, int(t.is_sent_start)] for t in tokens]
        rec["quantities"] = [to_dict(q) for q in find_quantities(body, tokens, sentences)]
    rec["dates"] = [[d.start, d.end, to_dict(d.time)] for d in find_dates(body, PUBLISHED)]
    return rec


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--skip-sentences", action="store_true")
    args = ap.parse_args()
    items = gnad_texts()
    with open(args.out, "w", encoding="utf-8") as fh:
        for i, text in enumerate(items):
            rec = record(text, args.skip_sentences)
            fh.write(json.dumps({"i": i, **rec}, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(items)} texts dumped to {args.out}")


if __name__ == "__main__":
    main()
