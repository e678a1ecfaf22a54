"""Sentences and tokens for German text.

Plain functions (offsets are character offsets into the text given):

* ``split(text) -> list[Span]``: sentence spans. A line break always ends a sentence (a
  headline or list item ends at its line). Inside a line a sentence ends after ``.``, ``!``,
  ``?`` or ``…`` (and any closing quotes or brackets) followed by white space, unless the
  period belongs to an abbreviation (``resources/de/abbreviations.tsv``), an initial, an
  ordinal or a date ("am 4. Juni", "der 1. FC", "am 3.10. kam"), or the next word starts
  in lower case.
* ``tokenize(text) -> list[Token]``: spaCy's blank German tokenizer (built once), tokens
  carrying lemmas (:func:`lagebild.nlp.lemmas.lemma`) and ``is_sent_start``.
* ``annotate(text) -> (sentences, tokens)``: both at once (what the stage does).

Stage ``sentences`` (requires article; assigns sentences, tokens).
"""
from __future__ import annotations

import dataclasses
import functools
import re
from typing import Any, Mapping

from ..model import Doc, Span, Token
from .lemmas import lemma, memo
from .lexicon import abbreviations, calendar, word_list

#: End of a sentence candidate: terminal punctuation plus closing quotes/brackets, then space.
_CANDIDATE = re.compile(
    r"(?:[.!?]+|…)[\"“”»«‘’'\)\]]*(?:\s+[:;]-?[()DP](?=\s))?(?=\s)"
)
_GLUED = re.compile(r"(?<=[a-zäöüß]{2})[.!?](?=[A-ZÄÖÜ][a-zäöüß])")  # "eingetroffen.Der"
_COLON = re.compile(r"(?<=\w)[:;](?=\s)")
_LINE = re.compile(r"[^\n]+")
_ORDINAL = re.compile(r"\d{1,3}\.(?:\d{1,2}\.)?")
_INITIAL = re.compile(r"[A-ZÄÖÜ]\.")
_ATTRIBUTIVE = ("nde", "nden", "ige", "igen", "iche", "ichen", "ische", "ischen")
_LEAD = "\"„“”»«‘’'`([{"


@functools.lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import spacy

    return spacy.blank("de").tokenizer


@functools.lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    return word_list("sentence_starters.tsv")


@functools.lru_cache(maxsize=1)
def _ordinal_before() -> frozenset[str]:
    return word_list("ordinal_context.tsv")


def _word_before(text: str, end: int, line_start: int) -> tuple[str, int]:
    """The white-space delimited chunk ending at ``end`` and its start offset."""
    i = text.rfind(" ", line_start, end)
    start = line_start if i < 0 else i + 1
    return text[start:end], start


_NEXT = re.compile(r"\s*(\S*)")


def _next_word(text: str, pos: int, line_end: int) -> str:
    m = _NEXT.match(text, pos, line_end)
    return m.group(1) if m else ""


def _is_boundary(text: str, m: re.Match[str], line_start: int, line_end: int) -> bool:
    punct = m.group(0)
    if punct in (":", ";"):  # only before a word that opens a main clause
        return _next_word(text, m.end(), line_end) in _starters()
    nxt = _next_word(text, m.end(), line_end).lstrip(_LEAD)
    if not nxt:
        return m.end() >= line_end or not text[m.end():line_end].strip()
    if nxt[0].islower():
        return False
    if not punct.startswith("."):
        return True
    chunk, chunk_start = _word_before(text, m.start() + 1, line_start)
    chunk = chunk.lstrip(_LEAD)
    if punct.startswith("...") or punct.startswith("…"):
        return True
    kind = abbreviations().get(chunk)
    if kind is not None:
        return kind == "final"
    if "." in chunk[:-1] and re.fullmatch(r"(?:[A-Za-zÄÖÜäöü]\.)+", chunk):
        return False  # z.B., u.a., U.S.
    if _INITIAL.fullmatch(chunk):
        return False
    if _ORDINAL.fullmatch(chunk):
        if nxt.rstrip(".,").lower() in calendar() and calendar()[nxt.rstrip(".,").lower()].kind == "month":
            return False
        prev, prev_start = _word_before(text, max(chunk_start - 1, line_start), line_start)
        if prev.lower() in _ordinal_before() or prev.endswith((".", "!", "?", ":")):
            return False  # an ordinal or date, or the number of a list item
        if prev.islower() and prev.endswith(_ATTRIBUTIVE):
            return False  # "die am Donnerstag stattfindende 63. Konferenz"
        if prev.lower() in ("und", "bis", "oder", "–", "-") and prev_start > line_start:
            before, _ = _word_before(text, prev_start - 1, line_start)
            if _ORDINAL.fullmatch(before.rstrip(",")):
                return False  # "in der 12. und 78. Minute", "am 3. und 4. Juni"
    return True


def _line_sentences(text: str, start: int, end: int) -> list[Span]:
    out: list[Span] = []
    s = start
    found = [*_CANDIDATE.finditer(text, start, end), *_COLON.finditer(text, start, end),
             *_GLUED.finditer(text, start, end)]
    found.sort(key=lambda m: m.start())
    for m in found:
        if _is_boundary(text, m, start, end):
            out.append(Span(s, m.end()))
            s = m.end()
    out.append(Span(s, end))
    return [_strip(text, sp) for sp in out if text[sp.start:sp.end].strip()]


def _strip(text: str, sp: Span) -> Span:
    a, b = sp.start, sp.end
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return Span(a, b)


def split(text: str) -> list[Span]:
    """Sentence spans of ``text`` (see the module docstring)."""
    out: list[Span] = []
    for line in _LINE.finditer(text):
        if line.group(0).strip():
            out.extend(_line_sentences(text, line.start(), line.end()))
    return out


def _new_token(text: str, start: int, end: int, sent_start: bool,
               _new: Any = object.__new__, _set: Any = object.__setattr__) -> Token:
    """``Token(text, start, end, lemma(text), sent_start)``, built without the frozen
    dataclass ``__init__`` (3x faster: tokens are the most numerous records). The object is
    the same as ``Token(...)`` gives (fields, equality, repr, pickling)."""
    tok = _new(Token)
    _set(tok, "__dict__", {"text": text, "start": start, "end": end, "lemma": lemma(text),
                           "is_sent_start": sent_start})
    return tok


def annotate(text: str) -> tuple[list[Span], list[Token]]:
    """Sentences and tokens (with lemmas and sentence starts) of ``text``.

    Tokens are spaCy's, cut again where a sentence starts inside one.
    """
    from spacy.attrs import IDX, IS_SPACE, LENGTH

    sentences = split(text)
    cuts = [s.start for s in sentences]
    rows = _tokenizer()(text).to_array([IDX, LENGTH, IS_SPACE]).tolist()
    tokens: list[Token] = []
    append = tokens.append
    new, set_dict, known = object.__new__, object.__setattr__, memo().get  # hot loop: locals
    k, n = 0, len(cuts)
    next_cut = cuts[0] if cuts else -1
    for a, length, space in rows:
        if space:
            continue
        b = a + length
        if 0 <= next_cut < b:  # a sentence starts at or inside this token (rare path)
            while k < n and cuts[k] < a:
                k += 1
            first = k < n and cuts[k] == a
            if first:
                k += 1
            while k < n and cuts[k] < b:  # a sentence starts inside the token: cut it there
                append(_new_token(text[a:cuts[k]], a, cuts[k], first))
                a, first = cuts[k], True
                k += 1
            next_cut = cuts[k] if k < n else -1
            append(_new_token(text[a:b], a, b, first))
            continue
        word = text[a:b]
        tok = new(Token)
        set_dict(tok, "__dict__", {"text": word, "start": a, "end": b,
                                   "lemma": known(word) or lemma(word), "is_sent_start": False})
        append(tok)
    return sentences, tokens


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` with lemmas and ``is_sent_start``."""
    return annotate(text)[1]


@dataclasses.dataclass(frozen=True)
class SentenceStage:
    settings: Mapping[str, Any]
    name: str = "sentences"
    requires: tuple[str, ...] = ("article",)
    assigns: tuple[str, ...] = ("sentences", "tokens")

    def __call__(self, doc: Doc) -> Doc:
        from ..pipeline import is_codable

        if doc.article is None or not is_codable(doc, self.settings):
            return doc
        sentences, tokens = annotate(doc.article.body)
        return dataclasses.replace(doc, sentences=tuple(sentences), tokens=tuple(tokens))


def make_stage(settings: Mapping[str, Any]) -> SentenceStage:
    _tokenizer()  # build once, at construction
    return SentenceStage(settings)
