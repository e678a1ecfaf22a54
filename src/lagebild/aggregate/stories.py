"""Stories: articles that report the same story.

Pairwise similarity of articles combines three signals, each IDF-weighted over the corpus so
that what every article shares (the two states of a long-running conflict) counts little and
what is particular (an organisation, a place, a report) counts much:

* body: TF-IDF cosine of title + body words (corpus IDF times a background weight from
  general German word frequencies);
* entities: cosine of the linked entity ids (mention counts, IDF-weighted);
* events: cosine of the coded (type, actor, target, item) keys (IDF-weighted);

* time: 1 for the same day, falling linearly to 0 at the window's edge;

The score is the weighted mean of the signals both articles have (body 0.5, entities 0.3,
events 0.2, time 0.2): an article without coded events or without a date is not penalised
for it. Sentences that recur
in three or more articles (site boilerplate, "full text no longer available" stubs) are
left out of the body signal. Articles published more than ``story_window_days`` apart are
never joined (an unknown date does not block). Near-duplicates always share a story. Groups
form by average-linkage agglomeration over the candidate pairs, which does not chain
unrelated articles through a middle one. Each story gets a title, its top entities,
start/end, its claims and an extractive summary whose sentences are cited to their articles.
"""
from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any, Mapping, Sequence

from ..model import Claim, Story, stable_hash
from .claims import claim_key
from .dedup import order_key
from .text import TfIdf, Vector, centroid, cosine, normalise, sentences, words

W_BODY, W_ENTITIES, W_EVENTS, W_TIME = 0.5, 0.3, 0.2, 0.2
MAX_POSTING = 200  # terms shared by more articles than this (or 2 %) do not propose candidates
SENTENCE_END = re.compile(r"[.!?][\"'\u201c\u201d\u00bb)]?$")
REPEATED_SENTENCE = 3  # a sentence found in this many articles is boilerplate, not content


@dataclass(frozen=True)
class StorySettings:
    story_threshold: float = 0.3
    story_window_days: int = 10
    story_min_articles: int = 2
    story_top_entities: int = 8
    summary_sentences: int = 4

    @classmethod
    def from_mapping(cls, m: Mapping[str, Any] | None) -> "StorySettings":
        m = m or {}
        return cls(**{k: type(getattr(cls, k))(m[k]) for k in cls.__dataclass_fields__ if k in m})


def _idf_vectors(bags: Sequence[Counter[str]]) -> list[dict[str, float]]:
    """Cosine-ready vectors; a key in every bag weighs 0 (log((N+1)/(df+1)))."""
    n = len(bags)
    df: Counter[str] = Counter()
    for b in bags:
        df.update(b.keys())
    return [normalise({k: (1 + math.log(c)) * math.log((n + 1) / (df[k] + 1)) for k, c in b.items()})
            for b in bags]


def _day(iso: Any) -> date | None:
    try:
        return date.fromisoformat(str(iso)[:10]) if iso else None
    except ValueError:
        return None


@dataclass
class _Features:
    ids: list[str]
    body: list[dict[str, float]]
    ents: list[dict[str, float]]
    evs: list[dict[str, float]]
    days: list[date | None]
    tfidf: TfIdf

    def similarity(self, i: int, j: int, window: int) -> float:
        di, dj = self.days[i], self.days[j]
        if di and dj and abs((di - dj).days) > window:
            return 0.0
        total, weight = W_BODY * cosine(self.body[i], self.body[j]), W_BODY
        for w, vecs in ((W_ENTITIES, self.ents), (W_EVENTS, self.evs)):
            if vecs[i] and vecs[j]:  # a signal counts only where both articles have it
                total += w * cosine(vecs[i], vecs[j])
                weight += w
        if di and dj:  # closeness in time: 1 on the same day, 0 at the window's edge
            total += W_TIME * max(0.0, 1 - abs((di - dj).days) / (window + 1))
            weight += W_TIME
        return total / weight


def _content(arts: Sequence[Mapping[str, Any]]) -> list[str]:
    """Bodies without sentences that recur in many articles (site boilerplate, stubs)."""
    split = []
    df: Counter[str] = Counter()
    for a in arts:
        body = str(a.get("body") or "")
        sents = [" ".join(body[s:e].split()) for s, e in sentences(body)]
        split.append(sents)
        df.update(set(sents))
    return ["\n".join(x for x in sents if df[x] < REPEATED_SENTENCE) for sents in split]


def _features(arts: Sequence[Mapping[str, Any]], mentions: Sequence[Mapping[str, Any]],
              events: Sequence[Mapping[str, Any]]) -> _Features:
    ids = [str(a["id"]) for a in arts]
    index = {i: k for k, i in enumerate(ids)}
    ent_bags: list[Counter[str]] = [Counter() for _ in ids]
    ev_bags: list[Counter[str]] = [Counter() for _ in ids]
    for m in mentions:
        k = index.get(str(m.get("article_id")))
        if k is not None and m.get("entity_id"):
            ent_bags[k][str(m["entity_id"])] += 1
    for e in events:
        k = index.get(str(e.get("article_id")))
        key = claim_key(e)
        if k is not None and key:
            ev_bags[k]["|".join(x or "" for x in key)] += 1
    toks = [words(f"{a.get('title') or ''}\n{text}") for a, text in zip(arts, _content(arts))]
    tfidf = TfIdf(toks)
    return _Features(ids, [tfidf.vector(t) for t in toks], _idf_vectors(ent_bags),
                     _idf_vectors(ev_bags), [_day(a.get("published")) for a in arts], tfidf)


def _candidates(f: _Features, top_terms: int = 25, all_pairs_up_to: int = 300) -> set[tuple[int, int]]:
    """Pairs worth comparing: all of them for a small corpus, else pairs sharing at least two
    of their top terms or linked entities (terms held by many articles propose nothing)."""
    n = len(f.ids)
    if n <= all_pairs_up_to:
        return {(i, j) for i in range(n) for j in range(i + 1, n)}
    cap = max(MAX_POSTING, n // 50)
    postings: dict[str, list[int]] = defaultdict(list)
    for k in range(n):
        keys = sorted(f.body[k], key=f.body[k].__getitem__, reverse=True)[:top_terms]
        for key in (*keys, *(f"e:{e}" for e in f.ents[k])):
            postings[key].append(k)
    shared: Counter[tuple[int, int]] = Counter()
    for members in postings.values():
        if 1 < len(members) <= cap:
            shared.update((a, b) for x, a in enumerate(members) for b in members[x + 1:])
    return {p for p, c in shared.items() if c >= 2}


def _average_linkage(n: int, sims: Mapping[tuple[int, int], float], threshold: float,
                     initial: Sequence[Sequence[int]]) -> list[list[int]]:
    """Merge clusters while the mean pairwise similarity of the best pair >= threshold
    (pairs never compared count as 0)."""
    cluster_of = {}
    members: dict[int, list[int]] = {}
    for c, group in enumerate(initial):
        members[c] = list(group)
        for k in group:
            cluster_of[k] = c
    link: dict[int, dict[int, float]] = defaultdict(dict)  # cluster -> cluster -> sum of sims
    for (i, j), s in sims.items():
        a, b = cluster_of[i], cluster_of[j]
        if a != b:
            link[a][b] = link[a].get(b, 0.0) + s
            link[b][a] = link[b].get(a, 0.0) + s
    heap = [(-tot / (len(members[a]) * len(members[b])), a, b)
            for a in link for b, tot in link[a].items() if a < b]
    heapq.heapify(heap)
    next_id = len(initial)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if -neg < threshold:
            break
        if a not in members or b not in members:
            continue  # stale entry
        c, next_id = next_id, next_id + 1
        members[c] = members.pop(a) + members.pop(b)
        la, lb = link.pop(a, {}), link.pop(b, {})
        merged: dict[int, float] = defaultdict(float)
        for other, tot in (*la.items(), *lb.items()):
            if other in (a, b):
                continue
            merged[other] += tot
            link[other].pop(a, None)
            link[other].pop(b, None)
        for other, tot in merged.items():
            link[c][other] = tot
            link[other][c] = tot
            mean = tot / (len(members[c]) * len(members[other]))
            heapq.heappush(heap, (-mean, min(c, other), max(c, other)))
    return list(members.values())


def build_stories(articles: Sequence[Mapping[str, Any]], mentions: Sequence[Mapping[str, Any]],
                  events: Sequence[Mapping[str, Any]], claims: Sequence[Claim | Mapping[str, Any]] = (),
                  duplicate_of: Mapping[str, str] | None = None,
                  settings: StorySettings | Mapping[str, Any] | None = None,
                  ) -> tuple[list[Story], dict[str, str]]:
    """Stories of at least ``story_min_articles`` articles and ``article id -> story id``."""
    s = settings if isinstance(settings, StorySettings) else StorySettings.from_mapping(settings)
    dups = {str(k): str(v) for k, v in (duplicate_of or {}).items()}
    by_id = {str(a["id"]): a for a in articles}
    for aid, a in by_id.items():
        if a.get("duplicate_of") and aid not in dups and str(a["duplicate_of"]) in by_id:
            dups[aid] = str(a["duplicate_of"])
    roots = [a for a in articles if str(a["id"]) not in dups and (a.get("body") or "").strip()]
    copies: dict[str, list[str]] = defaultdict(list)
    for aid, root in dups.items():
        copies[root].append(aid)
    if not roots:
        return [], {}
    f = _features(roots, mentions, events)
    sims = {}
    for i, j in _candidates(f):
        sim = f.similarity(i, j, s.story_window_days)
        if sim > 0:
            sims[(i, j)] = sim
    groups = _average_linkage(len(roots), sims, s.story_threshold, [[k] for k in range(len(roots))])
    stories: list[Story] = []
    story_of: dict[str, str] = {}
    order = {str(a["id"]): order_key(a, k) for k, a in enumerate(articles)}
    for group in groups:
        member_ids = [f.ids[k] for k in group]
        all_ids = sorted({*member_ids, *(c for m in member_ids for c in copies.get(m, ()))},
                         key=lambda x: order.get(x, (True, "", 0)))
        if len(all_ids) < s.story_min_articles:
            continue
        story = _make_story(sorted(group, key=lambda k: order[f.ids[k]]), all_ids, f, by_id,
                            mentions, claims, s)
        stories.append(story)
        story_of.update({aid: story.id for aid in all_ids})
    stories.sort(key=lambda st: (st.start is None, st.start or "", st.id))
    return stories, story_of


def _make_story(group: list[int], all_ids: list[str], f: _Features, by_id: Mapping[str, Mapping[str, Any]],
                mentions: Sequence[Mapping[str, Any]], claims: Sequence[Claim | Mapping[str, Any]],
                s: StorySettings) -> Story:
    cen = centroid(f.body[k] for k in group)
    titled = [k for k in group if by_id[f.ids[k]].get("title")]
    best = max(titled, key=lambda k: cosine(f.body[k], cen), default=None)
    summary = summarise(group, f, by_id, cen, s.summary_sentences)
    title = str(by_id[f.ids[best]]["title"]) if best is not None else (
        summary[0]["text"] if summary else "")
    members = set(all_ids)
    arts_with: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    for m in mentions:
        aid, eid = str(m.get("article_id")), m.get("entity_id")
        if aid in members and eid:
            counts[str(eid)] += 1
            if (aid, str(eid)) not in seen:
                seen.add((aid, str(eid)))
                arts_with[str(eid)] += 1
    top = sorted(counts, key=lambda e: (-arts_with[e], -counts[e], e))[:s.story_top_entities]
    published = sorted(str(by_id[a]["published"]) for a in all_ids if by_id[a].get("published"))
    def get(c: Any, name: str) -> Any:  # a Claim or its contract dict
        return c.get(name) if isinstance(c, Mapping) else getattr(c, name)

    mine = [c for c in claims if members & set(get(c, "articles") or ())]
    mine.sort(key=lambda c: (-len(members & set(get(c, "articles") or ())),
                             -(get(c, "corroboration") or 0), str(get(c, "id"))))
    return Story(id="s" + stable_hash("story:" + all_ids[0], 15), title=title,
                 articles=tuple(all_ids), entities=tuple(top),
                 start=published[0] if published else None,
                 end=published[-1] if published else None,
                 claims=tuple(str(get(c, "id")) for c in mine), summary=tuple(summary))


def summarise(group: Sequence[int], f: _Features, by_id: Mapping[str, Mapping[str, Any]],
              cen: Vector, n: int, per_article: int = 2) -> list[dict[str, Any]]:
    """Extractive summary: sentences close to the story's centroid, lead sentences favoured,
    near-repeats skipped (MMR); each cited to its article with offsets into the body."""
    cands = []
    for rank, k in enumerate(group):
        aid = f.ids[k]
        body = str(by_id[aid].get("body") or "")
        for pos, (st, en) in enumerate(sentences(body)):
            text = body[st:en]
            if not 40 <= len(text) <= 400 or not SENTENCE_END.search(text):
                continue  # headings, credits and list fragments are no summary sentences
            vec = f.tfidf.vector(words(text))
            score = cosine(vec, cen) + (0.08 if pos < 2 else 0.0)
            cands.append((score, rank, pos, aid, st, en, text, vec))
    chosen: list[tuple] = []
    per: Counter[str] = Counter()
    while cands and len(chosen) < n:
        def mmr(c: tuple) -> float:
            return c[0] - 0.6 * max((cosine(c[7], x[7]) for x in chosen), default=0.0)
        pick = max(cands, key=mmr)
        cands.remove(pick)
        if per[pick[3]] >= per_article or (chosen and max(cosine(pick[7], x[7]) for x in chosen) > 0.6):
            continue
        per[pick[3]] += 1
        chosen.append(pick)
    chosen.sort(key=lambda c: (c[1], c[2]))
    return [{"text": c[6], "article_id": c[3], "start": c[4], "end": c[5]} for c in chosen]
