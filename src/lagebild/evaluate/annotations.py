"""Date annotations for scoring: dates are not stored as records, so the evaluator runs the
dates stage again over the stored bodies of the gold articles."""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from .gold import match_articles


def date_annotations(articles: Iterable[Mapping[str, Any]], keys: Iterable[str],
                     settings: Mapping[str, Any] | None = None) -> tuple[dict[str, dict] | None, str]:
    """``article id -> {"dates": [...]}`` for the gold articles, and a note; ``(None, note)``
    when the stages cannot run (dates are then reported as n/a)."""
    from .. import library
    from ..model import to_dict

    out: dict[str, dict] = {}
    try:
        for art in match_articles(keys, articles).values():
            body = str(art.get("body") or "")
            doc = library.analyse_body(body, published=art.get("published"), settings=settings,
                                       stages=("sentences", "dates"))
            if doc.body != body:
                continue  # offsets would not point into the stored body
            out[str(art["id"])] = {"dates": [to_dict(d) for d in doc.dates]}
    except Exception as exc:  # noqa: BLE001 - a stage that cannot run leaves dates n/a
        return None, f"dates: n/a ({type(exc).__name__}: {exc})"
    return out, ""
