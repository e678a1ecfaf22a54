"""Sentences and tokens for German text.

Plain functions (offsets are character offsets into the text given):

* ``split(text) -> list[Span]``: sentence spans. A line break always ends a sentence (a
  headline or list item ends at its line). Inside a line a sentence ends after ``.``, ``!``,
  ``?`` or ``…`` (and any closing quotes or brackets) followed by white space, unless the
  period belongs to an abbreviation (``resources/de/abbreviations.tsv``), an initial, an
  ordinal or a date ("am 4. Juni", "der 1. FC", "am 3.10. kam"; but a number before an
  article or pronoun is no ordinal: "ab dem 3. Unsere ..."), or the next word starts in
  lower case. A lower-case start is still a new sentence after a closed quotation when a
  new one opens („… ab.“ „wir …“) and after a period that ends a full word, not an
  abbreviation (``abbreviations.tsv``, ``sentence-nonfinal.tsv``, word shape: "Hauptstr.").
  An emoticon after a space (":-)", ";)") ends a sentence before a capital. Inside a
  punctuated sentence a small logistic-regression model
  (:mod:`lagebild.nlp.boundary_model`, weights ``resources/models/sentence-boundary.tsv``)
  and a few rules (datelines, headings in capitals, a bracketed note or quoted headline
  opening a sentence, a new quotation right after a closed one) add boundaries WITHOUT
  punctuation (a headline or list line glued to the next sentence: "Regierung will zügig
  entscheiden Die Regierung werde ..."). They favour precision but also split some titles
  ("im Film Das Boot"); setting ``[sentences] bare_boundaries = false`` (default true) or
  ``split(text, bare=False)`` switches them off.
* ``tokenize(text) -> list[Token]``: spaCy's blank German tokenizer (memoised per chunk:
  :mod:`lagebild.nlp.tokenizer`), tokens
  carrying lemmas (:func:`lagebild.nlp.lemmas.lemma`) and ``is_sent_start``.
* ``annotate(text) -> (sentences, tokens)``: both at once (what the stage does).

Stage ``sentences`` (requires article; assigns sentences, tokens).
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from typing import Any, Mapping

from ..model import Doc, Span, Token
from .boundary_model import boundary_model, inside_quote, start_cuts, text_cuts, word_classes
from .lemmas import lemma, memo
from .lexicon import abbreviations, calendar, word_list
from .tokenizer import spacy_tokenizer, token_spans

#: End of a sentence candidate: terminal punctuation plus closing quotes/brackets, then space.
_CANDIDATE = re.compile(
    r"(?:[.!?]+|…)[\"“”»«‘’'\)\]]*(?:\s+[:;]-?[()DP](?=\s))?(?=\s)"
)
# The look-behinds come after the first character, so that the regex engine can skip
# quickly to the candidate characters (the same matches as a look-behind in front).
_GLUED = re.compile(r"[.!?](?<=[a-zäöüß]{2}[.!?])(?=[A-ZÄÖÜ][a-zäöüß])")  # "eingetroffen.Der"
#: A colon or semicolon after a word, or an emoticon after a space: "war super :-) Wir
#: kommen wieder" (one alternative: both start at the same characters, so the scan stays fast).
_COLON = re.compile(r"[:;](?:(?<=\w[:;])(?=\s)|(?<=\s[:;])-?[()DP]+(?=\s))")
#: The three kinds of candidates in one pass (they never overlap, so the matches are theirs).
_BOUNDARY = re.compile(f"{_CANDIDATE.pattern}|{_COLON.pattern}|{_GLUED.pattern}")
_LINE = re.compile(r"[^\n]+")
_ORDINAL = re.compile(r"\d{1,3}\.(?:\d{1,2}\.)?")
_INITIAL = re.compile(r"[A-ZÄÖÜ]\.")
_ATTRIBUTIVE = ("nde", "nden", "ige", "igen", "iche", "ichen", "ische", "ischen")
_LEAD = "\"„“”»«‘’'`([{"
_RULE_OPEN = "(„»`\""  # a sentence opening with one of these may start with a note or headline
_TRAIL = ".,;:!?)]\"“”»«’'"
_CLOSE_QUOTE = "\"“”»«’'"
_OPEN_QUOTE = "\"„“»«‘'`"
#: A full word before a period (four letters or more, one capital at most), not cut short
#: like an abbreviation ("Hauptstr.", "Aufl.", "ursprüngl.", "Jahrh.").
_WORD = re.compile(r"[A-ZÄÖÜa-zäöüß][a-zäöüß]{3,}(?<![bdfgkpstvwzß][lr])(?<![^aeiouäöüc]h)")


@functools.lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    return word_list("sentence_starters.tsv")


@functools.lru_cache(maxsize=1)
def _nonfinal() -> frozenset[str]:
    return word_list("sentence-nonfinal.tsv")


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


def _lower_start(text: str, m: re.Match[str], raw_next: str, line_start: int) -> bool:
    """A sentence that starts in lower case (sloppy or quoted text): after sentence
    punctuation with a closing quote when a new quotation opens („… ab.“ „wir …“), or
    after a period that ends a full word (not an abbreviation) ("... verkauft. danach ...")."""
    punct = m.group(0)
    if punct[0] in ".!?" and punct[-1] in _CLOSE_QUOTE and raw_next[:1] in _OPEN_QUOTE:
        return True
    if punct != ".":
        return False
    chunk, _ = _word_before(text, m.start() + 1, line_start)
    word = chunk.lstrip(_LEAD)
    return bool(_WORD.fullmatch(word[:-1])) and word not in abbreviations() \
        and word not in _nonfinal()


def _is_boundary(text: str, m: re.Match[str], line_start: int, line_end: int) -> bool:
    punct = m.group(0)
    if punct in (":", ";"):  # only before a word that opens a main clause
        return _next_word(text, m.end(), line_end) in _starters()
    raw_next = _next_word(text, m.end(), line_end)
    nxt = raw_next.lstrip(_LEAD)
    if punct[0] in ":;":  # an emoticon: before a capital or at the end of the line
        return not nxt or nxt[0].isupper()
    if not nxt:
        return m.end() >= line_end or not text[m.end():line_end].strip()
    if nxt[0].islower():
        return _lower_start(text, m, raw_next, line_start)
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
        month = calendar().get(nxt.rstrip(_TRAIL).lower())
        if month is not None and month.kind == "month":
            return False
        prev, prev_start = _word_before(text, max(chunk_start - 1, line_start), line_start)
        prev = prev.lstrip(_LEAD)
        if not prev or prev.endswith((".", "!", "?", ":")):
            return False  # the number of a list item (at the start of a line or sentence)
        if word_classes().get(nxt) in ("det", "pron"):
            return True  # no ordinal before an article or pronoun: "ab dem 3. Unsere Gäste ..."
        if prev.lower() in _ordinal_before():
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
    for m in _BOUNDARY.finditer(text, start, end):
        if _is_boundary(text, m, start, end):
            e = m.end()
            _add_stripped(text, s, e, out)
            s = e
    _add_stripped(text, s, end, out)
    return out


def _add_stripped(text: str, a: int, b: int, out: list[Span]) -> None:
    """Append ``[a, b)`` without its leading and trailing white space, unless it is blank."""
    seg = text[a:b]
    core = seg.strip()
    if core:
        a += len(seg) - len(seg.lstrip())
        out.append(Span(a, a + len(core)))


def _with_rule_cuts(text: str, sp: Span, cuts: list[int], anywhere: list[int]) -> list[int]:
    """``cuts`` plus the rule boundaries inside ``sp`` (see :mod:`.boundary_model`)."""
    extra = start_cuts(text, sp.start, sp.end) if text[sp.start] in _RULE_OPEN else []
    lo, hi = bisect.bisect_right(anywhere, sp.start), bisect.bisect_left(anywhere, sp.end)
    extra += anywhere[lo:hi]
    extra = [c for c in extra if sp.start < c < sp.end and not inside_quote(text, sp.start, c)]
    return sorted(set(cuts).union(extra)) if extra else cuts


def split(text: str, *, bare: bool = True) -> list[Span]:
    """Sentence spans of ``text`` (see the module docstring); ``bare=False`` leaves out
    the boundaries without punctuation (:mod:`lagebild.nlp.boundary_model`)."""
    out: list[Span] = []
    for line in _LINE.finditer(text):
        if line.group(0).strip():
            out.extend(_line_sentences(text, line.start(), line.end()))
    if not bare:
        return out
    model = boundary_model()
    cut: list[Span] = []
    anywhere = text_cuts(text)
    for sp in out:
        s = sp.start
        cuts = model.cuts(text, sp.start, sp.end) if model is not None else []
        if anywhere or text[s] in _RULE_OPEN:
            cuts = _with_rule_cuts(text, sp, cuts, anywhere)
        for c in cuts:
            _add_stripped(text, s, c, cut)
            s = c
        if s == sp.start:
            cut.append(sp)
        else:
            _add_stripped(text, s, sp.end, cut)
    return cut


def _make_tokens(words: list[str], starts: list[int], ends: list[int], lemmas: list[str],
                 flags: list[bool]) -> list[Token]:
    """``Token`` records for parallel lists, built without the frozen dataclass ``__init__``
    (tokens are the most numerous records: several times faster). The objects are the
    same as ``Token(...)`` gives (fields, equality, repr, pickling)."""
    new = object.__new__
    if hasattr(Token, "__slots__"):  # slotted Token: set the slots through their descriptors
        s_text, s_start, s_end = Token.text.__set__, Token.start.__set__, Token.end.__set__  # type: ignore[attr-defined]
        s_lemma, s_first = Token.lemma.__set__, Token.is_sent_start.__set__  # type: ignore[attr-defined]
        out: list[Token] = []
        append = out.append
        for w, a, b, lem, first in zip(words, starts, ends, lemmas, flags):
            tok = new(Token)
            s_text(tok, w)
            s_start(tok, a)
            s_end(tok, b)
            s_lemma(tok, lem)
            s_first(tok, first)
            append(tok)
        return out
    set_dict = object.__setattr__
    out = []
    append = out.append
    for w, a, b, lem, first in zip(words, starts, ends, lemmas, flags):
        tok = new(Token)
        set_dict(tok, "__dict__", {"text": w, "start": a, "end": b, "lemma": lem, "is_sent_start": first})
        append(tok)
    return out


def _cut_at_sentences(text: str, cuts: list[int], starts: list[int], ends: list[int]
                      ) -> tuple[list[int], list[int], list[bool]]:
    """Token spans cut again where a sentence starts inside a token, and the sentence-start
    flag of every token (a token starting exactly at a sentence start)."""
    flags = [False] * len(starts)
    inside: dict[int, list[int]] = {}
    for c in cuts:
        i = bisect.bisect_right(starts, c) - 1
        if i < 0:
            continue
        if starts[i] == c:
            flags[i] = True
        elif c < ends[i]:
            inside.setdefault(i, []).append(c)
        # else: the cut lies in white space between tokens
    if inside:  # rare path: a sentence starts inside a spaCy token
        for i in sorted(inside, reverse=True):
            points = [starts[i], *inside[i], ends[i]]
            starts[i:i + 1] = points[:-1]
            ends[i:i + 1] = points[1:]
            flags[i:i + 1] = [flags[i]] + [True] * (len(points) - 2)
    return starts, ends, flags


def annotate(text: str, *, bare: bool = True) -> tuple[list[Span], list[Token]]:
    """Sentences and tokens (with lemmas and sentence starts) of ``text``.

    Tokens are spaCy's, cut again where a sentence starts inside one; ``bare`` as in
    :func:`split`.
    """
    sentences = split(text, bare=bare)
    words, starts, ends = token_spans(text)
    n = len(starts)
    starts, ends, flags = _cut_at_sentences(text, [s.start for s in sentences], starts, ends)
    if len(starts) != n:  # a token was cut at a sentence start
        words = [text[a:b] for a, b in zip(starts, ends)]
    lemmas = list(map(memo().get, words))  # the memo knows nearly every form
    if None in lemmas:
        lemmas = [found if found is not None else lemma(w) for w, found in zip(words, lemmas)]
    return sentences, _make_tokens(words, starts, ends, lemmas, flags)


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
        bare = bool(self.settings.get("sentences", {}).get("bare_boundaries", True))
        sentences, tokens = annotate(doc.article.body, bare=bare)
        return dataclasses.replace(doc, sentences=tuple(sentences), tokens=tuple(tokens))


def make_stage(settings: Mapping[str, Any]) -> SentenceStage:
    spacy_tokenizer()  # build once, at construction
    return SentenceStage(settings)
