"""One call for the whole language layer on a plain text (the ``lagebild annotate`` command).

``annotate(text, published=None, protected=frozenset(), on_repaired=False) -> dict`` returns
the contract's annotate object: ``sentences``, ``quantities``, ``dates``, ``repairs``.

Offsets: ``repairs`` always point into the input text. By default the sentences,
quantities and dates are found on the input *as given* (so every offset refers to the
input); with ``on_repaired=True`` they are found on the repaired text, whose string is
then returned as ``text`` (the offsets refer to it, as in the pipeline, where the body is
repaired first).
"""
from __future__ import annotations

from typing import Any

from ..model import to_dict
from .dates import find_dates
from .datecalc import parse_published
from .numbers import find_quantities
from .repair import repair_text
from .sentences import annotate as split_and_tokenize


def annotate(text: str, published: str | None = None, protected: frozenset[str] = frozenset(),
             on_repaired: bool = False, with_tokens: bool = False) -> dict[str, Any]:
    if published is not None and parse_published(published) is None:
        raise ValueError(f"--published: not an ISO 8601 date: {published!r}")
    repaired, repairs = repair_text(text, protected)
    target = repaired if on_repaired else text
    sentences, tokens = split_and_tokenize(target)
    out: dict[str, Any] = {
        "sentences": [{"start": s.start, "end": s.end} for s in sentences],
        "quantities": [to_dict(q) for q in find_quantities(target, tokens, sentences)],
        "dates": [
            {"text": d.text, "start": d.start, "end": d.end,
             "time": to_dict(d.time)}
            for d in find_dates(target, published)
        ],
        "repairs": [to_dict(r) for r in repairs],
    }
    if on_repaired:
        out["text"] = repaired
    if with_tokens:
        out["tokens"] = [to_dict(t) for t in tokens]
    return out
