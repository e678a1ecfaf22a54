"""The language layer's fast paths give what their plain definitions give (invented texts)."""
from __future__ import annotations

import itertools
import re

import pytest

from lagebild.nlp import numbers, repair
from lagebild.nlp.anchors import anchors
from lagebild.nlp.dates import anchor_words
from lagebild.nlp.lexicon import chunks, digit_spans
from lagebild.nlp.numwords import is_anchor

TEXTS = [
    "Die Ausfuhren stiegen im vergangenen Jahr um rund 12 000 Tonnen auf 1,5 Millionen Tonnen.",
    "  Am Dienstagabend  kamen\tzwölftausend Besucher,\nmehr als im Vorjahr (zehntausend).  ",
    "Seit Anfang März 2024 wurden 10'000 Mann und drei\u00a0Dutzend Fahrzeuge verlegt – bis Ende Mai.",
    "Mio. 3 oder 3 Mio. Euro? Zwischen 1.000 und 2.000 Container, Tel. 0171/1234567, 5km weiter.",
    "Der Hafen_Ausbau kostet 4,2 Mrd. €; vor zwei Jahren waren es 3\u202f000\u202f000 $ weniger.",
    "",
    "   ",
    "Waffe nlieferungen an Nordkorea s Machthaberempfangen worden, heißt es.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_chunks_are_the_white_space_split(text: str) -> None:
    words, starts, single = chunks(text)
    expected = [(m.group(0), m.start()) for m in re.finditer(r"\S+", text)]
    assert list(zip(words, starts)) == expected
    assert single == (text == " ".join(text.split()))


@pytest.mark.parametrize("text", TEXTS)
def test_anchors_are_the_letter_runs_that_anchor(text: str) -> None:
    runs = set(re.findall(r"[^\W\d_]+", text))
    table = anchor_words()
    assert anchors(text) == ({w for w in runs if is_anchor(w)}, {w for w in runs if w in table})


@pytest.mark.parametrize("text", TEXTS)
def test_digit_spans(text: str) -> None:
    assert digit_spans(text) == tuple(m.span() for m in re.finditer(r"\d+", text))


def _grouped_tokens(text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
    return [m.span() for m in numbers._LEX.finditer(text, pos, endpos)]


def _flat_tokens(text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
    out, p = [], pos
    for full in numbers._LEX_FLAT.findall(text, pos, endpos):
        out.append((p + len(full) - len(full.lstrip()), p + len(full)))
        p += len(full)
    return out


@pytest.mark.parametrize("text", TEXTS + ["1 2345 und 12 345 678,5 sowie 1.000'000 und 10’000’000"])
def test_flat_lexer_gives_the_same_tokens(text: str) -> None:
    for pos, endpos in itertools.product(range(0, len(text) + 1, 3), range(0, len(text) + 1, 5)):
        if pos <= endpos:
            assert _flat_tokens(text, pos, endpos) == _grouped_tokens(text, pos, endpos)


def _all_pair_repairs(text: str) -> list[object]:
    """Split-word repairs with every adjacent pair as a candidate (no pre-selection)."""
    parts = [p.strip(repair._EDGE) for p in text.split(" ")]
    freq, unknown = repair.frequency_table(), repair._unknown
    pairs = {(a, b) for a, b in zip(parts, parts[1:])
             if b[:1].islower() and (unknown(b) or unknown(a) or (a[:1].isupper() and (a + b).casefold() in freq))
             and a.isalpha() and b.isalpha() and len(a) > 1}
    out = []
    for a, b in sorted(pairs):
        for start in repair.word_positions(text, f"{a} {b}"):
            out.extend(repair._split_one(text, start, a, b, frozenset(), 1.5))
    return out


@pytest.mark.parametrize("text", [
    "Die Regierung stoppte alle Rüstungs exporte und Waffe nlieferungen in die Region.",
    "Der Vertrag sei unter zeichnet worden, sagte die Sprecherin der Bundes regierung.",
    "Die Landesregierung hat am Dienstag ein Förder programm für Wärme pumpen vorgestellt.",
])
def test_split_candidates_lose_no_repair(text: str) -> None:
    assert list(repair._split_repairs(text, frozenset(), 1.5)) == _all_pair_repairs(text)
