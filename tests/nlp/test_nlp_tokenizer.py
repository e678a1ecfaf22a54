"""The chunk-memoised tokenizer gives exactly spaCy's blank German tokens (without spaces)."""
from __future__ import annotations

import csv
import os
import pickle
from pathlib import Path

import pytest

from lagebild.model import Token
from lagebild.nlp.sentences import annotate
from lagebild.nlp.tokenizer import spacy_tokenizer, token_spans

SHARED = Path(os.environ.get("LAGEBILD_SHARED", Path(__file__).resolve().parents[2] / ".." / "shared"))

TEXTS = [
    "",
    "   ",
    "Der Minister sagte am 3. März in Brüssel: „Wir liefern 1,5 Mio. Tonnen.“",
    "Die Firma (gegr. 1998) verkaufte z.B. 12.000 Stück, d.h. 20% mehr als 2019!!",
    "Er schrieb:-) und dann :) sowie : - ) und 8) – alles auf www.example.org/seite?x=1.",
    "Zeile eins\n\nZeile zwei\tmit Tab  und doppeltem  Leerzeichen\u00a0und NBSP. ",
    "Die CDU/CSU-Fraktion, die SPD und o.ä. Gruppen trafen sich i.d.R. am Mo. um 9:30 Uhr.",
    "„Zitat“, »noch eins«, 'einfach' und \"gerade\"... Ende?!",
    "E-Mail an info@beispiel.de oder +49 (0)30 123456; Preis: 3.499,99 € bzw. $12.",
]


def _spacy(text: str) -> tuple[list[str], list[int], list[int]]:
    doc = spacy_tokenizer()(text)
    toks = [t for t in doc if not t.is_space]
    return [t.text for t in toks], [t.idx for t in toks], [t.idx + len(t) for t in toks]


@pytest.mark.parametrize("text", TEXTS)
def test_token_spans_equal_spacy(text: str) -> None:
    assert token_spans(text) == _spacy(text)
    assert token_spans(text) == _spacy(text)  # again, from the memo


def test_token_spans_equal_spacy_on_10kgnad_sample() -> None:
    path = SHARED / "data" / "10kGNAD" / "test.csv"
    if not path.is_file():
        pytest.skip(f"../shared not found: {SHARED}")
    with open(path, encoding="utf-8", newline="") as fh:
        texts = [row[1] for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) >= 2][:150]
    for text in texts:
        assert token_spans(text) == _spacy(text)


def test_tokens_are_plain_token_records() -> None:
    _, tokens = annotate("Die Regierung lieferte 500 Panzer. Danach kam nichts.")
    first = tokens[0]
    assert first == Token("Die", 0, 3, first.lemma, True)
    assert pickle.loads(pickle.dumps(tokens)) == tokens
    assert [t.is_sent_start for t in tokens].count(True) == 2
