"""Scrape repair: words broken or fused by a careless scraper, judged by word frequency.

``repair_text(text, protected=frozenset(), min_zipf_gain=1.5) -> (repaired, repairs)``
applies five kinds of repair, each only when the result is clearly better:

* split word: ``Waffe nlieferungen`` -> ``Waffenlieferungen`` (one part is no word, or a
  noun written in lower case, and the joined word is a common word);
* stray genitive s: ``Nordkorea s Machthaber`` -> ``Nordkoreas Machthaber``;
* fused words: ``Machthaberempfangen worden`` -> ``Machthaber empfangen worden`` (an unknown
  word that is a common noun followed by a common verb form, and followed itself by an
  auxiliary, a modal or "zu": ``resources/de/repair_verb_context.tsv``);
* domain glued to the next word: ``picturedesk.comist`` -> ``picturedesk.com ist``;
* quote mark glued to words: ``schätze"die`` -> ``schätze "die`` (which side gets the space
  follows from whether the mark opens or closes a quotation in its paragraph).

Frequencies are wordfreq's German Zipf values; the dictionary is simplemma's (case-sensitive).
Words in ``protected`` (e.g. :func:`lagebild.kb.known_names`) are never split or joined.
Each :class:`~lagebild.model.Repair` has offsets into the text before repair.

Stage ``repair`` (requires article; assigns article (body, warnings), repairs): the body is
replaced by the repaired text and every repair is recorded as an article warning.
"""
from __future__ import annotations

import dataclasses
import functools
import itertools
import math
import operator
import re
from typing import Any, Iterable, Mapping, Sequence

from ..model import Doc, Repair
from .lemmas import dictionary, frequency, frequency_table
from .chunkfacts import facts
from .lexicon import chunks, word_list, word_positions

_EDGE = "\"'„“”»«‚‘’.,;:!?()[]"
_STRAY_S = re.compile(r"([A-ZÄÖÜ](?<![\w-][A-ZÄÖÜ])[a-zäöüß]{2,}) s(?=[ ,.;:])")
_FUSED = re.compile(r"([A-ZÄÖÜ](?<![\w-][A-ZÄÖÜ])[a-zäöüß]{9,}) ([a-zäöüß]+)(?![\w-])")
_DOMAIN = re.compile(
    r"(?<![\w.])([\w-]+\.(?:com|net|org|de|at|ch|eu|info|tv|fm|ru|uk))([a-zäöüß]{2,})(?![\w.])"
)
_DOMAIN_GATE = re.compile(r"\.(?:com|net|org|de|at|ch|eu|info|tv|fm|ru|uk)[a-zäöüß]{2}")
_STRAY_S_GATE = re.compile(r" s[ ,.;:](?<=[a-zäöüß] s[ ,.;:])")  # literal first: fast search
_QUOTE = re.compile(r'["„](?<=\w["„])(?=\w)')
_PARA = re.compile(r"[^\n]+")


@functools.lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """wordfreq Zipf value of ``word`` (lower-cased); 0.0 when unknown."""
    f = frequency(word)
    return math.log10(f) + 9.0 if f > 0 else 0.0


def _in_dict(word: str) -> bool:
    return dictionary().get(word) is not None


def _lower_noun(word: str) -> bool:
    """A noun written in lower case: the dictionary knows only the capitalised form."""
    return word.islower() and not _in_dict(word) and _in_dict(word.capitalize())


@functools.lru_cache(maxsize=1)
def _never() -> frozenset[str]:
    return word_list("repair_never.tsv")


@functools.lru_cache(maxsize=200_000)
def _known(word: str) -> bool:
    return zipf(word) > 0 or _in_dict(word)


def _unknown(word: str) -> bool:
    """Neither a frequent word (wordfreq) nor a dictionary form, and all letters."""
    return word.casefold() not in frequency_table() and word.isalpha() and not _in_dict(word)


_MEMO_MAX = 500_000


@functools.lru_cache(maxsize=1)
def _chunk_memo() -> dict[str, int]:
    """part -> :func:`chunk_code` for texts not spaced by single spaces (a per-process
    memo; cleared beyond 500,000 parts)."""
    return {}


def chunk_code(chunk: str) -> int:
    """Of the chunk without its edge punctuation, bits: 1 an unknown word (:func:`_unknown`),
    2 a lower-case noun (:func:`_lower_noun`), 4 all letters and not :func:`_known` (with
    wordfreq's data the same words as 1)."""
    word = chunk.strip(_EDGE)
    return int(_unknown(word)) | 2 * int(_lower_noun(word)) | 4 * int(word.isalpha() and not _known(word))


_CODE = operator.attrgetter("code")


def _codes(parts: list[str]) -> list[int]:
    """:func:`chunk_code` of every part, memoised."""
    memo = _chunk_memo()
    codes = list(map(memo.get, parts, itertools.repeat(-1)))  # -1: not seen yet
    if -1 in codes:
        new = {p for p, c in zip(parts, codes) if c == -1}
        if len(memo) + len(new) > _MEMO_MAX:
            memo.clear()
            new = set(parts)
        memo.update(zip(new, map(chunk_code, new)))
        codes = list(map(memo.__getitem__, parts))
    return codes


def _split_repairs(text: str, protected: frozenset[str], gain: float) -> Iterable[Repair]:
    freq = frequency_table()
    words, _, single = chunks(text)
    if single:  # the parts are the chunks: their codes are memoised with their other facts
        raw: Sequence[str] = words
        codes = list(map(_CODE, facts(text)))
    else:  # the parts of text.split(" ") ("" between two spaces, line breaks inside)
        raw = text.split(" ")
        codes = _codes(raw)
    n = len(raw)
    hits = list(itertools.compress(range(n), codes))
    # Candidate pairs (i, i + 1): a part is unknown or not known, or the second part is a
    # noun written in lower case. _split_one joins a pair only when a part is "broken": not
    # known, or the second one such a noun; so no other pair can give a repair. The full
    # condition (that of all pairs) is checked below on these few.
    cand = set(hits)
    cand |= {i - 1 for i in cand}
    pairs = set()
    for i in cand:
        if 0 <= i < n - 1:
            a, b = raw[i].strip(_EDGE), raw[i + 1].strip(_EDGE)
            if b[:1].islower() and (
                    codes[i + 1] & 1 or codes[i] & 1 or (a[:1].isupper() and (a + b).casefold() in freq)) \
                    and a.isalpha() and b.isalpha() and len(a) > 1:
                pairs.add((a, b))
    for a, b in sorted(pairs):
        for start in word_positions(text, f"{a} {b}"):
            yield from _split_one(text, start, a, b, protected, gain)


def _split_one(text: str, start: int, a: str, b: str, protected: frozenset[str],
               gain: float) -> Iterable[Repair]:
    """The join of ``a b`` at ``start`` when one part is broken and the join a common word."""
    if a in protected or b in protected or a.lower() in _never():
        return
    joined = a + b
    zj = zipf(joined)
    if zj < 2.5:
        return
    broken_b = not _known(b) or (a[0].isupper() and _lower_noun(b))
    broken_a = not _known(a) and a[0].islower()
    if not (broken_b or broken_a):
        return
    if zj - min(zipf(a), zipf(b)) < gain and (_known(a) and _known(b)) and not _lower_noun(b):
        return
    end = start + len(a) + 1 + len(b)
    yield Repair(start, end, text[start:end], joined)


def _stray_s(text: str, protected: frozenset[str]) -> Iterable[Repair]:
    if _STRAY_S_GATE.search(text) is None:  # cheap test: every match contains one
        return
    for m in _STRAY_S.finditer(text):
        w = m.group(1)
        if w.endswith(("s", "x", "z", "ß")) or w.lower() in _never():
            continue
        yield Repair(m.start(), m.end(), m.group(0), w + "s")


@functools.lru_cache(maxsize=1)
def _fused_rx() -> re.Pattern[str]:
    """:data:`_FUSED` with the second word restricted to the verb context words (the same
    matches as testing ``group(2)`` afterwards, found faster)."""
    words = sorted((w for w in word_list("repair_verb_context.tsv") if re.fullmatch(r"[a-zäöüß]+", w)),
                   key=lambda w: (-len(w), w))
    return re.compile(_FUSED.pattern.replace("([a-zäöüß]+)", "(" + "|".join(words) + ")"))


def _fused(text: str, protected: frozenset[str], gain: float) -> Iterable[Repair]:
    for m in _fused_rx().finditer(text):
        w = m.group(1)
        if w in protected or _known(w):
            continue
        best: tuple[float, str, str] | None = None
        for i in range(4, len(w) - 3):
            x, y = w[:i], w[i:]
            lem = dictionary().get(y)
            if lem is None or not lem[:1].islower() or not lem.endswith(("en", "ern", "eln")):
                continue  # y must be a verb form
            if dictionary().get(y.capitalize()) is not None and m.group(2) != "worden":
                # y is also a noun ("Rennen", "Kosten", "Versprechen"): a compound, unless
                # "worden" follows, which only a participle can precede ("empfangen worden")
                continue
            if not _in_dict(x) or zipf(x) < 3.0 or zipf(y) < 3.0 or x.lower() in _never():
                continue
            if lem.endswith(("ung", "heit", "keit")):
                continue
            score = min(zipf(x), zipf(y))
            if score >= gain + 1.5 and (best is None or score > best[0]):
                best = (score, x, y)
        if best is not None:
            yield Repair(m.start(), m.start() + len(w), w, f"{best[1]} {best[2]}")


def _domains(text: str) -> Iterable[Repair]:
    if _DOMAIN_GATE.search(text) is None:  # cheap test: every match contains one
        return
    for m in _DOMAIN.finditer(text):
        tail = m.group(2)
        if zipf(tail) >= 3.0 and not _known(m.group(0)):
            yield Repair(m.start(), m.end(), m.group(0), f"{m.group(1)} {tail}")


def _quotes(text: str) -> Iterable[Repair]:
    if _QUOTE.search(text) is None:
        return
    for para in _PARA.finditer(text):
        line = para.group(0)
        count = 0
        glued = {m.start() for m in _QUOTE.finditer(line)}
        for i, ch in enumerate(line):
            if ch != '"':
                if ch == "„" and i in glued:
                    yield Repair(para.start() + i, para.start() + i + 1, ch, " " + ch)
                continue
            if i in glued:
                fix = ' "' if count % 2 == 0 else '" '
                yield Repair(para.start() + i, para.start() + i + 1, ch, fix)
            count += 1


def find_repairs(text: str, protected: frozenset[str] = frozenset(),
                 min_zipf_gain: float = 1.5) -> list[Repair]:
    """The repairs :func:`repair_text` would make, without overlaps, in text order."""
    cands = [*_domains(text), *_stray_s(text, protected), *_split_repairs(text, protected, min_zipf_gain),
             *_fused(text, protected, min_zipf_gain), *_quotes(text)]
    cands.sort(key=lambda r: (r.start, -(r.end - r.start)))
    out: list[Repair] = []
    for r in cands:
        if out and r.start < out[-1].end:
            if r.start >= out[-1].start and r.end <= out[-1].end:
                continue
            prev = out[-1]  # overlapping repairs: merge "Nordkorea s" + "Machthaberempfangen"
            if r.start > prev.start and r.start < prev.end:
                continue
        out.append(r)
    return out


def apply(text: str, repairs: list[Repair]) -> str:
    parts, pos = [], 0
    for r in repairs:
        parts.append(text[pos:r.start])
        parts.append(r.after)
        pos = r.end
    parts.append(text[pos:])
    return "".join(parts)


def repair_text(text: str, protected: frozenset[str] = frozenset(),
                min_zipf_gain: float = 1.5) -> tuple[str, list[Repair]]:
    """(repaired text, repairs with offsets into ``text``)."""
    repairs = find_repairs(text, protected, min_zipf_gain)
    return (apply(text, repairs), repairs) if repairs else (text, [])


def warning(r: Repair) -> str:
    return f"repair: {r.before!r} -> {r.after!r} at {r.start}"


@dataclasses.dataclass(frozen=True)
class RepairStage:
    settings: Mapping[str, Any]
    protected: frozenset[str]
    name: str = "repair"
    requires: tuple[str, ...] = ("article",)
    assigns: tuple[str, ...] = ("article", "repairs")

    def __call__(self, doc: Doc) -> Doc:
        from ..pipeline import is_codable

        cfg = self.settings.get("repair", {})
        if doc.article is None or not cfg.get("enabled", True) or not is_codable(doc, self.settings):
            return doc
        body, repairs = repair_text(doc.article.body, self.protected, float(cfg.get("min_zipf_gain", 1.5)))
        if not repairs:
            return doc
        art = dataclasses.replace(doc.article, body=body,
                                  warnings=(*doc.article.warnings, *map(warning, repairs)))
        return dataclasses.replace(doc, article=art, repairs=(*doc.repairs, *repairs))


def protected_names(settings: Mapping[str, Any]) -> frozenset[str]:
    """Names the repairer must not touch: :func:`lagebild.kb.known_names` (empty without a KB)."""
    try:
        from ..kb import known_names
    except ImportError:
        return frozenset()
    try:
        return known_names(settings)
    except Exception:  # noqa: BLE001 - a broken KB must not stop the repairer; names stay unprotected
        return frozenset()


def make_stage(settings: Mapping[str, Any]) -> RepairStage:
    return RepairStage(settings, protected_names(settings))
