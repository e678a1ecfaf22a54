"""Cross-document stages: near-duplicates, claims and stories (pure functions, no I/O).

:func:`run_all` is what the engine calls after ingest, with contract dicts read from the
store; it returns the claims, the stories, ``article id -> story id`` and
``article id -> duplicate_of``. Settings come from an optional ``[aggregate]`` section.
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

from ..model import Claim, Story
from .claims import ClaimSettings, build_claims
from .dedup import Duplicates, find_duplicates
from .stories import StorySettings, build_stories

__all__ = ["run_all", "find_duplicates", "build_claims", "build_stories", "Duplicates",
           "ClaimSettings", "StorySettings"]


def run_all(articles: Sequence[Mapping[str, Any]], events: Sequence[Mapping[str, Any]],
            mentions: Sequence[Mapping[str, Any]], settings: Mapping[str, Any] | None = None,
            ) -> tuple[list[Claim], list[Story], dict[str, str], dict[str, str]]:
    conf: Mapping[str, Any] = (settings or {}).get("aggregate") or {}
    dups = find_duplicates(articles, threshold=float(conf.get("duplicate_threshold", 0.5)),
                           containment=float(conf.get("duplicate_containment", 0.9)))
    claims = build_claims(events, articles, dups.duplicate_of, ClaimSettings.from_mapping(conf))
    stories, story_of = build_stories(articles, mentions, events, claims, dups.duplicate_of,
                                      StorySettings.from_mapping(conf))
    return claims, stories, story_of, dict(dups.duplicate_of)
