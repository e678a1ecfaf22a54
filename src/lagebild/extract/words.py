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
# subordinators that open a sentence with a clause of their own: "Wie das Ministerium mitteilte, ..."
LEAD_SUBORDINATORS = frozenset({"wie", "nachdem", "als", "während", "weil", "obwohl", "bevor"})
# auxiliaries that leave a clause open for its participle
AUXILIARIES = frozenset({"hat", "haben", "hatte", "hatten", "ist", "sind", "war", "waren", "wird", "werden",
                         "wurde", "wurden", "habe", "sei", "seien"})
# words after "zu" that show a preposition, not an infinitive: "zu allen Nachbarn"
ZU_NOT_VERB = frozenset({"allen", "beiden", "einem", "einer", "den", "dem", "der", "diesen", "diesem", "dieser",
                         "jenen", "seinen", "seinem", "seiner", "ihren", "ihrem", "ihrer", "unseren", "keinen",
                         "vielen", "anderen", "mehreren", "einigen", "zahlreichen", "weiteren"})
# words that open a clause of its own after an inserted relative clause
RESUME_STOP = frozenset({"und", "sowie", "oder", "aber", "sondern", "doch", "denn", "zumal", "so", "wie", "als"})
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
        if w.low == "zu" and w.i + 1 < hi and not words[w.i + 1].cap and not words[w.i + 1].is_punct \
                and words[w.i + 1].low not in ZU_NOT_VERB:
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
    seg_sub = False  # the current segment is a relative or subordinate clause opened by a comma
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
            seg_sub = False
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
                  and (words[nxt + 1].low in ("denen", "dem", "der", "den", "deren", "dessen", "welchem",
                                               "welcher", "welchen", "dessen", "was", "wem")
                       or (words[nxt + 1].low in ("die", "das") and next_end < n and next_end - nxt > 3
                           and not words[next_end - 1].cap and not words[next_end - 1].is_punct)))
        sub = rel_pp or lex.match("subordinator", words[nxt].low) is not None or lex.match(
            "certainty", words[nxt].low) in ("possible", "alleged")
        lead_sub = (not cuts and w.text == "," and words[0].low in LEAD_SUBORDINATORS and w.i > 2
                    and not words[w.i - 1].cap and not words[w.i - 1].is_punct)
        closes = (seg_sub and w.text == "," and not words[w.i - 1].cap and not words[w.i - 1].is_punct
                  and words[w.i - 1].low not in RESUME_STOP)  # an inserted clause ends with its verb
        if lead_sub or sub or before_gov or _is_zu_clause(words, nxt, next_end) or _has(lex, "say", words, nxt, next_end) or closes:
            cuts.append(nxt)
            seg_start = nxt
            seg_sub = (rel_pp or words[nxt].low in RELATIVE or words[nxt].low == "wie") and not closes
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
                                   and (words[lo + 1].low in ("denen", "dem", "der", "den", "deren", "welchem")
                                        or (words[lo + 1].low in ("die", "das") and hi - lo > 4
                                            and words[hi - 1].text == "," and not words[hi - 2].cap))):
            kind, parent = "rel", k - 1
        elif lex.match("subordinator", first) is not None and not (first in RELATIVE and words[lo - 1].text != ","):
            kind, parent = "sub", k - 1
        else:
            kind, parent = "main", k - 1
        if k == 1 and cuts and cuts[0] == lo and words[0].low in LEAD_SUBORDINATORS and kind == "main" \
                and not words[lo - 2].cap:
            clauses[0] = Clause(clauses[0].start, clauses[0].end, "sub", 1)  # "Wie X mitteilte, hat Y ..."
            parent = None
        clauses.append(Clause(lo, hi, kind, parent))
    return _resume(words, clauses, lex) or [Clause(0, n, "main", None)]


def _resumes(words: list[Word], clauses: list[Clause], k: int, lex: Lexicon) -> bool:
    """Clause k goes on with the clause that an inserted relative clause interrupted:
    "Der Minister, der erst im Mai ins Amt kam, hat X vorgeworfen ..."."""
    c, prev = clauses[k], clauses[k - 1]
    if prev.kind not in ("rel", "sub") or prev.parent is None or prev.parent >= k - 1 \
            or (prev.kind == "sub" and words[prev.start].low != "wie") or words[c.start - 1].text != ",":
        return False
    first = words[c.start].low
    if _has(lex, "say", words, c.start, c.end):
        return False  # "..., sagte eine Sprecherin": a reporting clause of its own
    if first in RESUME_STOP or words[c.start].cap or words[c.start].is_punct:
        return False
    if c.kind == "rel" and first in RELATIVE:
        return _unfinished(words, clauses[prev.parent]) and _ends_in_participle(words, c)
    if lex.match("prep", first) is not None:  # "in den vergangenen Monaten ... geliefert", not "in denen"
        return c.kind == "main" or (c.kind == "rel" and c.start + 1 < c.end
                                    and words[c.start + 1].low in ("den", "dem", "der"))
    return c.kind == "main" and lex.match("subordinator", first) is None


def _unfinished(words: list[Word], c: Clause) -> bool:
    """A clause with an auxiliary that breaks off after a noun: "X hat Y bei seinem Besuch in Z, ..."."""
    if c.end - c.start < 3 or words[c.end - 1].text != ",":
        return False
    return words[c.end - 2].low in AUXILIARIES or (  # "Fenmark hat, wie ..., der Lieferung zugestimmt"
        words[c.end - 2].cap and any(w.low in AUXILIARIES for w in words[c.start:c.end]))


def _ends_in_participle(words: list[Word], c: Clause) -> bool:
    """The clause ends with a past participle and no auxiliary of its own ("... zugesichert.")."""
    last = next((w for w in reversed(words[c.start:c.end]) if not w.is_punct), None)
    if last is None or last.cap or any(w.low in AUXILIARIES for w in words[c.start:c.end]):
        return False
    return bool(re.fullmatch(r"(\w{0,8}ge\w{3,}|(be|ver|er|zer|ent|über|unter)\w{3,})(t|en)", last.low))


def _resume(words: list[Word], clauses: list[Clause], lex: Lexicon) -> list[Clause]:
    """Merge each resumption into the clause it continues: that clause then spans the inserted
    relative clause, which stays a clause of its own (``clause_of`` finds the innermost)."""
    out = list(clauses)
    k = 1
    while k < len(out):
        if not _resumes(words, out, k, lex):
            k += 1
            continue
        m = out[k - 1].parent
        while out[m].kind in ("rel", "sub") and out[m].parent is not None and out[m].end == out[m + 1].start \
                and m + 1 < k - 1 and out[m + 1].kind in ("rel", "sub"):
            m = out[m].parent
        host = out[m]
        out[m] = Clause(host.start, out[k].end, host.kind, host.parent)
        del out[k]
        out = [Clause(c.start, c.end, c.kind, None if c.parent is None else
                      (c.parent if c.parent < k else (m if c.parent == k else c.parent - 1))) for c in out]
    return out


def clause_of(clauses: list[Clause], i: int) -> int:
    """The innermost clause holding word i (a clause may span an inserted relative clause)."""
    best = None
    for k, c in enumerate(clauses):
        if i in c and (best is None or c.end - c.start < clauses[best].end - clauses[best].start):
            best = k
    return len(clauses) - 1 if best is None else best


def owns(clauses: list[Clause], k: int, i: int) -> bool:
    """Word i belongs to clause k itself, not to a clause inserted into it."""
    return i in clauses[k] and clause_of(clauses, i) == k
