"""Words and clauses of one sentence, as the event coder sees them.

The coder tokenises each sentence itself (a small regular expression) so that it does not
depend on the tokenizer's choices for compounds ("US-Angaben", "F-16-Kampfjets"); offsets
stay absolute offsets into the article body.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .resources import Lexicon

WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+(?:[-/.'’][^\W_]+)*-?|[^\w\s]")
CLAUSE_PUNCT = frozenset({",", ";", ":", "(", ")", "„", "“", '"', "»", "«", "?", "!"})
HARD_PUNCT = frozenset({";", ":", "?", "!"})
DASHES = frozenset({"–", "—", "-"})
QUOTES = frozenset({"„", "“", '"', "»", "«", "”"})
RELATIVE = frozenset({"der", "die", "das", "dem", "den", "deren", "dessen", "welche", "welcher",
                      "welches", "welchen"})


@dataclass(frozen=True)
class Word:
    i: int
    text: str
    low: str
    start: int
    end: int

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_punct(self) -> bool:
        return not self.text[:1].isalnum()


@dataclass(frozen=True)
class Clause:
    start: int  # first word index
    end: int  # one past the last word index
    kind: str  # main | sub (subordinate: dass, weil, ...) | zu (zu-infinitive) | rel | say
    parent: int | None  # index of the clause it depends on

    def __contains__(self, i: int) -> bool:
        return self.start <= i < self.end


def tokenize(text: str, offset: int = 0) -> list[Word]:
    return [Word(n, m.group(), m.group().lower(), m.start() + offset, m.end() + offset)
            for n, m in enumerate(WORD_RE.finditer(text))]


def _has(lex: Lexicon, kind: str, words: list[Word], lo: int, hi: int) -> bool:
    return any(lex.match(kind, w.low) is not None for w in words[lo:hi])


def _is_zu_clause(words: list[Word], lo: int, hi: int) -> bool:
    """A zu-infinitive clause: 'zu' before the last verb, or a fused 'anzugreifen' form."""
    for w in words[lo:hi]:
        if w.low == "zu" and w.i + 1 < hi and not words[w.i + 1].cap and not words[w.i + 1].is_punct:
            return True
        if re.fullmatch(r"(an|ab|aus|zurück|bereit|zu|ein|auf|vor|über|mit)zu\w{3,}en", w.low):
            return True
    return False


def _short_quote(words: list[Word], i: int) -> bool:
    """The quotation mark at i opens or closes a quotation of at most four words."""
    for j in range(i + 1, min(i + 6, len(words))):
        if words[j].text in QUOTES:
            return True
    for j in range(i - 1, max(i - 6, -1), -1):
        if words[j].text in QUOTES:
            return True
    return False


def split_clauses(words: list[Word], lex: Lexicon) -> list[Clause]:
    """Split at punctuation where a new clause begins; list commas stay inside a clause.

    A comma opens a new clause when the next word is a subordinator, when the part
    before it holds a verb of saying or a governing cue (bestreitet, plant, kündigte an),
    or when the part after it is a zu-infinitive.
    """
    cuts: list[int] = []
    seg_start = 0
    n = len(words)
    for w in words:
        if w.text not in CLAUSE_PUNCT and not (w.text in DASHES and w.i > 0):
            continue
        nxt = w.i + 1
        if nxt >= n:
            continue
        if w.text in QUOTES and _short_quote(words, w.i):
            continue  # a quoted name or phrase ("Reuters", "historischer Schritt") is no clause
        if w.text in HARD_PUNCT or w.text in {"(", ")"} or w.text in QUOTES:
            cuts.append(nxt)
            seg_start = nxt
            continue
        if w.text in DASHES:
            later = any(x.text in DASHES for x in words[nxt:])
            if words[nxt].cap and not later and w.i > 3:
                cuts.append(nxt)  # "... verantwortlich – Türkei droht Kurden"
                seg_start = nxt
            continue  # otherwise dashes bracket an aside inside the clause
        # comma
        next_end = next((x.i for x in words[nxt:] if x.text in CLAUSE_PUNCT), n)
        before_gov = (_has(lex, "say", words, seg_start, w.i)
                      or _has(lex, "agentive", words, seg_start, w.i)
                      or _has(lex, "certainty", words, seg_start, w.i)
                      or _has(lex, "suppress", words, seg_start, w.i))
        rel_pp = (lex.match("prep", words[nxt].low) is not None and nxt + 1 < n
                  and words[nxt + 1].low in ("denen", "dem", "der", "den", "deren", "dessen", "welchem",
                                              "welcher", "welchen", "dessen", "was", "wem"))
        sub = rel_pp or lex.match("subordinator", words[nxt].low) is not None or lex.match(
            "certainty", words[nxt].low) in ("possible", "alleged")
        if sub or before_gov or _is_zu_clause(words, nxt, next_end) or _has(lex, "say", words, nxt, next_end):
            cuts.append(nxt)
            seg_start = nxt
    bounds = [0, *cuts, n]
    clauses: list[Clause] = []
    for k in range(len(bounds) - 1):
        lo, hi = bounds[k], bounds[k + 1]
        first = words[lo].low if lo < n else ""
        if k == 0:
            kind, parent = "main", None
        elif _is_zu_clause(words, lo, hi) and (lex.match("subordinator", first) is None
                                               or first in RELATIVE or first in ("um", "ohne", "statt")):
            kind, parent = "zu", k - 1
        elif (first in RELATIVE and words[lo - 1].text == ",") or (lex.match("prep", first) is not None and hi - lo > 1
                                   and words[lo + 1].low in ("denen", "dem", "der", "den", "deren", "welchem")):
            kind, parent = "rel", k - 1
        elif lex.match("subordinator", first) is not None and not (first in RELATIVE and words[lo - 1].text != ","):
            kind, parent = "sub", k - 1
        else:
            kind, parent = "main", k - 1
        clauses.append(Clause(lo, hi, kind, parent))
    return clauses or [Clause(0, n, "main", None)]


def clause_of(clauses: list[Clause], i: int) -> int:
    for k, c in enumerate(clauses):
        if i in c:
            return k
    return len(clauses) - 1
