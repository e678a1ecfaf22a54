"""Numbers and quantities in German text (CONTRACT.md quantity).

``find_quantities(text, tokens=None, sentences=None) -> list[Quantity]`` finds digits with
German separators (11.000, 11 000, 10'000, 1,5), number words (fünf, zwölftausend, eine
Million, 1,5 Millionen, ein Dutzend), abbreviations (Mio., Mrd., Tsd.), vague plurals
(Hunderttausende: ``more_than`` 100000), ranges (10.000 bis 12.000, zwischen 3 und 4
Millionen: ``low``/``high``, ``value`` the midpoint), qualifiers before the number
(``resources/de/qualifiers.tsv``), units (``resources/de/units.tsv``: symbols, measure
words such as Tonnen or Euro, counted nouns such as Soldaten -> person) and the counted
noun (``counts``). ``Quantity.text``/``start``/``end`` cover the whole phrase, from the
qualifier to the counted noun ("mindestens 11.000 nordkoreanische Soldaten").

Not quantities: years (a four-digit number 1000-2100 after a date word or not followed by
a noun), dates and times (12.03.2025, 3.10., 14:30, "von 9 bis 17 Uhr"), scores (2:1),
ordinals ("am 4. Juni", "der 1. FC", "in der 12. und 78. Minute", "zum dritten Mal"), periods
after a temporal preposition ("vor zwei Jahren": a date), numbers glued to letters ("90er",
"5G"; but "5km" is 5 km), phone numbers and identifiers ("Resolution 2397 des ...").
``tokens`` is accepted for interface symmetry; the text is scanned directly (faster).

Stage ``quantities`` (requires article, sentences, tokens; assigns quantities).
"""
from __future__ import annotations

import dataclasses
import functools
import itertools
import operator
import re
from typing import Any, Mapping, NamedTuple, Sequence

from ..model import Doc, Quantity, Span, Token
from .lemmas import lemma
from .anchors import anchors
from .lexicon import calendar, digit_spans, qualifiers, units, word_list, word_positions
from .numwords import fraction, is_anchor, parse_digits, parse_word, part, scale, vague

_LEX = re.compile(
    r"(?P<num>\d{1,3}(?:(?P<sep>[.'’]|[ \u00a0\u202f](?=\d{3}(?!\d)))\d{3})(?:(?P=sep)\d{3})*"
    r"(?:,\d+)?(?![\d])|\d+(?:,\d+)?(?:[.:/]\d+)*)"
    r"|(?P<word>[^\W\d_]+(?:-[^\W\d_]+)*)"
    r"|(?P<sym>[%€$])"
    r"|(?P<punct>\S)"
)
_PHONE_REST = r"\d{1,5}\)?[ /-]?\d{3,}(?:[ /-]?\d{2,})*"
#: +49 30 1234567, (030) 123 456, 0171/1234567 (not after a digit, "." or ","); every branch
#: starts with a character (look-behinds after it) so that the regex engine skips fast.
_PHONE = re.compile(
    r"(?:\+\d{1,3}(?:[ /-]?\(?\d{2,}\)?){2,}"
    rf"|\((?<![\d.,]\()0{_PHONE_REST}|0(?<![\d.,]0){_PHONE_REST})"
)
_ADJECTIVE = re.compile(r"[a-zäöüß][a-zäöüß-]*(?:e|en|er|es|em)")
_NOT_ADJECTIVE = frozenset({"und", "oder", "bis", "pro", "je", "mehr", "weniger", "rund", "etwa",
                            "jede", "jeden", "jeder", "eine", "einen", "einer", "einem", "des",
                            "der", "den", "dem", "die", "an", "wegen", "seien", "waren", "wurden",
                            "haben", "hatten", "sollen", "werden", "kamen", "gingen", "legten"})
_RANGE_WORDS = frozenset({"bis", "–", "-", "—"})
_PERIOD_WORDS = frozenset({"mio", "mrd", "tsd", "mill", "ca", "rd", "mind", "max"})
_TIME_WORDS = frozenset({"uhr", "h"})
_TEMPORAL = frozenset({"vor", "seit", "nach", "binnen", "innerhalb", "in"})


@functools.lru_cache(maxsize=1)
def _time_units() -> frozenset[str]:
    """Period words (Jahren, Monaten, Wochen, Tagen) from resources/de/relative_dates.tsv."""
    from .lexicon import read_tsv

    return frozenset(w for w, kind, _, _ in read_tsv("relative_dates.tsv", 4) if kind == "unit")


class _Tok(NamedTuple):
    kind: str  # num, word, sym, punct, phone
    text: str
    start: int
    end: int
    low: str


_LOW = operator.itemgetter(4)  # _Tok.low


@functools.lru_cache(maxsize=1)
def _year_context() -> frozenset[str]:
    cal = {k for k, v in calendar().items() if v.kind in ("month", "season")}
    return frozenset(word_list("year_context.tsv") | cal)


@functools.lru_cache(maxsize=1)
def _max_qualifier_len() -> int:
    return max(len(k) for k in qualifiers())


_UNIT_START = frozenset("€$%")


def _plain_year(text: str, a: int, b: int) -> bool:
    """A bare 19xx/20xx not followed by a noun or a unit symbol: a year, never a quantity."""
    if b - a != 4 or text[a:a + 2] not in ("19", "20") or (a and text[a - 1] in ".,'’"):
        return False
    after = text[b:b + 2]
    return not after or not (after[0] in _UNIT_START or after[0] in ".,'’" or (
        after[0] == " " and len(after) > 1 and (after[1].isupper() or after[1] in _UNIT_START)))


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged windows around digits and number words: quantities are only looked for there."""
    hits = [(a, b) for a, b in digit_spans(text)
            if b - a != 4 or not _plain_year(text, a, b)]  # a year has four digits
    for w in anchors(text)[0]:
        hits.extend((a, a + len(w)) for a in word_positions(text, w))
    hits.sort()
    out: list[tuple[int, int]] = []
    for start, end in hits:
        a = text.rfind(" ", 0, max(0, start - 30)) + 1
        b = min(len(text), end + 70)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


#: :data:`_LEX` with the white space before a token and without groups, for ``findall`` (a
#: list of strings): the same tokens, as every non-space character starts one. The grouped
#: number is spelt out per separator instead of the back-reference (the same matches: the
#: separator is one character, so only its branch can match).
_LEX_FLAT = re.compile(
    r"\s*(?:\d{1,3}(?:(?:\.\d{3})+|(?:'\d{3})+|(?:’\d{3})+"
    r"|(?: (?=\d{3}(?!\d))\d{3})(?: \d{3})*|(?:\u00a0(?=\d{3}(?!\d))\d{3})(?:\u00a0\d{3})*"
    r"|(?:\u202f(?=\d{3}(?!\d))\d{3})(?:\u202f\d{3})*)"
    r"(?:,\d+)?(?![\d])|\d+(?:,\d+)?(?:[.:/]\d+)*"
    r"|[^\W\d_]+(?:-[^\W\d_]+)*"
    r"|[%€$]"
    r"|\S)"
)


@functools.lru_cache(maxsize=10_000)
def _kind(ch: str) -> str:
    """Token kind of a token starting with ``ch`` (as :data:`_LEX`'s groups decide it)."""
    m = _LEX.match(ch)
    return m.lastgroup if m is not None and m.lastgroup != "sep" else "num"  # type: ignore[return-value]


def _may_start(word: str) -> bool:
    """A token a quantity can start at: a number, a number word or "ein..." (see :func:`_lex`)."""
    kind = _kind(word[0])
    if kind == "num":
        return True
    return kind == "word" and (word.lower().startswith("ein") or is_anchor(word))


_MEMO_MAX = 500_000


@functools.lru_cache(maxsize=1)
def _start_memo() -> dict[str, bool]:
    """token -> :func:`_may_start` (a plain dict: faster than an ``lru_cache`` for the many
    tokens of a text; cleared beyond 500,000 tokens)."""
    return {}


def _may_start_all(words: Sequence[str]) -> list[bool]:
    """:func:`_may_start` of every token, memoised."""
    memo = _start_memo()
    flags = list(map(memo.get, words))
    if None in flags:
        new = {w for w, f in zip(words, flags) if f is None}
        if len(memo) + len(new) > _MEMO_MAX:
            memo.clear()
            new = set(words)
        memo.update(zip(new, map(_may_start, new)))
        flags = list(map(memo.__getitem__, words))
    return flags


def _lex(text: str, pos: int = 0, endpos: int | None = None) -> tuple[list[_Tok], list[int]]:
    """Tokens of ``text[pos:endpos]``: numbers, words (an abbreviation such as "Mio." with
    its period), symbols, other characters; a number inside a phone number is ``phone``.
    Also the indices of the tokens a quantity can start at (numbers, number words, "ein...").

    Built with C-level maps over ``findall`` (no Python code per token)."""
    endpos = len(text) if endpos is None else endpos
    found = _LEX_FLAT.findall(text, pos, endpos)  # white space + token
    if not found:
        return [], []
    words = list(map(str.lstrip, found))
    lens = list(map(len, words))
    ends = list(itertools.accumulate(map(len, found), initial=pos))
    del ends[0]
    starts = list(map(operator.sub, ends, lens))
    lows = list(map(str.lower, words))
    if not _PERIOD_WORDS.isdisjoint(lows):  # "Mio.": the word takes its period
        for k in reversed([k for k, low in enumerate(lows) if low in _PERIOD_WORDS]):
            b = ends[k]
            if text[b:b + 1] == "." and _kind(words[k][0]) == "word":
                words[k] += "."
                lows[k] += "."
                ends[k] = b + 1
                if k + 1 < len(starts) and starts[k + 1] == b:
                    del words[k + 1], lows[k + 1], starts[k + 1], ends[k + 1]
    kinds = list(map(_kind, map(operator.itemgetter(0), words)))
    flags = _may_start_all(words)
    phones = _phones(text, pos, endpos)
    if phones:
        for k, (kind, a) in enumerate(zip(kinds, starts)):
            if kind == "num" and any(p <= a < q for p, q in phones):
                kinds[k], flags[k] = "phone", False
    toks = list(map(tuple.__new__, itertools.repeat(_Tok), zip(kinds, words, starts, ends, lows)))
    return toks, list(itertools.compress(range(len(toks)), flags))


def _phones(text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
    """Phone numbers in ``text[pos:endpos]`` (at least six digits)."""
    return [(m.start(), m.end()) for m in _PHONE.finditer(text, pos, endpos)
            if sum(c.isdigit() for c in m.group(0)) >= 6]


def _is_capitalised(t: _Tok) -> bool:
    return t.kind == "word" and t.text[0].isupper()


def _sentence_initial(toks: list[_Tok], i: int, starts: set[int]) -> bool:
    if toks[i].start in starts:
        return True
    if i == 0:
        return toks[i].start == 0
    prev = toks[i - 1]
    return prev.kind == "punct" and prev.text in "\"„“”»«:(–-"


def _core(toks: list[_Tok], i: int, starts: set[int], ends: set[int]) -> tuple[float, int, bool] | None:
    """(value, index after the core, vague) for a number starting at token i, else None."""
    t = toks[i]
    if t.kind == "num":
        v = parse_digits(t.text)
        if v is None:
            return None
        j = i + 1
        if j < len(toks) and toks[j].text == "." and toks[j].start == t.end and toks[j].end not in ends:
            return None  # ordinal or date: "am 4. Juni", "der 1. FC"
        if j < len(toks) and toks[j].kind == "word" and toks[j].start == t.end \
                and _unit_of(toks[j].text) is None:
            return None  # "90er Jahre", "5G", "3fach"
        return v, j, False
    if t.kind != "word":
        return None
    low = t.low
    if low in ("ein", "eine", "einen", "einem", "einer"):
        j = i + 1
        frac = fraction(toks[j].text) if j < len(toks) and toks[j].kind == "word" else None
        if frac is not None:
            j += 1
        if j < len(toks) and toks[j].kind == "word" and scale(toks[j].text) is not None:
            return (frac or 1.0), j, False  # "eine Million", "ein Dutzend", "eine halbe Milliarde"
        if frac is None and j < len(toks) and toks[j].kind == "word" and part(toks[j].text):
            return 1.0, j, False  # "ein Drittel": the share is read by the caller
        return None  # the article
    v = vague(t.text)
    if v is not None and (t.text[0].isupper()):
        return v, i + 1, True
    v = parse_word(t.text)
    if v is None:
        return None
    if t.text[0].isupper() and not _sentence_initial(toks, i, starts):
        return None  # "die deutsche Elf"
    return v, i + 1, False


def _scaled(toks: list[_Tok], i: int, value: float) -> tuple[float, int]:
    if i < len(toks) and toks[i].kind == "word":
        s = scale(toks[i].text)
        if s is not None:
            return value * s, i + 1
    return value, i


def _qualifier(toks: list[_Tok], i: int) -> tuple[str, int] | None:
    table = qualifiers()
    for n in range(min(_max_qualifier_len(), i), 0, -1):
        words = tuple(map(_LOW, toks[i - n:i]))
        if words in table and all(t.kind == "word" or t.text == "." for t in toks[i - n:i]):
            return table[words], i - n
    return None


@functools.lru_cache(maxsize=1)
def _count_suffixes() -> tuple[tuple[str, str], ...]:
    """Counted-noun lemmas usable as the last part of a compound ("Marinesoldat")."""
    return tuple((k, u.unit) for k, u in units().items() if u.kind == "count" and len(k) >= 4)


@functools.lru_cache(maxsize=50_000)
def _unit_of(word: str) -> tuple[str, str] | None:
    """(unit, kind) of a symbol or noun from units.tsv, also for compounds of counted nouns."""
    table = units()
    lem = lemma(word).lower()
    hit = table.get(word.lower()) or table.get(lem)
    if hit:
        return hit.unit, hit.kind
    for key, unit in _count_suffixes():
        if lem.endswith(key):
            return unit, "count"
    return None


def _year_like(toks: list[_Tok], i: int, value: float, j: int) -> bool:
    t = toks[i]
    if not (t.kind == "num" and len(t.text) == 4 and t.text.isdigit() and 1000 <= value <= 2100):
        return False
    if i > 0 and toks[i - 1].low in _year_context():
        return True
    nxt = toks[j] if j < len(toks) else None
    return not (nxt is not None and (nxt.kind == "sym" or (_is_capitalised(nxt)
                                                            and nxt.low not in calendar())))


@functools.lru_cache(maxsize=1)
def _label_nouns() -> frozenset[str]:
    """Nouns that make the number after them a label ("Artikel 5"): number_labels.tsv."""
    return word_list("number_labels.tsv")


@functools.lru_cache(maxsize=1)
def _preposition_verbs() -> frozenset[str]:
    """Verbs taking "über" as a preposition ("verfügt über"): preposition_verbs.tsv."""
    return word_list("preposition_verbs.tsv")


def _preposition_uber(toks: list[_Tok], k: int) -> bool:
    """Whether "über" at token ``k`` belongs to a verb before it ("verfügt [nach eigenen
    Angaben] über 1.300 Panzer") rather than meaning "more than"."""
    verbs = _preposition_verbs()
    for t in toks[max(0, k - 5):k][::-1]:
        if t.kind == "punct" and t.text != ".":
            return False
        if t.kind == "word" and t.text.islower() and lemma(t.text).lower() in verbs:
            return True
    return False


def _identifier(toks: list[_Tok], i: int, j: int, starts: set[int]) -> bool:
    """``Resolution 2397 des ...``, ``Artikel 5``: a number naming something after a noun."""
    if i == 0 or toks[i].kind != "num":
        return False
    prev = toks[i - 1]
    label = prev.low if prev.text != "." or i < 2 else toks[i - 2].low + "."
    if label in _label_nouns():
        return True
    if not _is_capitalised(prev) or _unit_of(prev.text) or prev.start in starts:
        return False
    nxt = toks[j] if j < len(toks) else None
    return nxt is None or not (nxt.kind == "sym" or _is_capitalised(nxt)
                               or (nxt.kind == "word" and scale(nxt.text) is not None))


def _tail(toks: list[_Tok], j: int, ends: set[int]) -> tuple[str | None, str | None, int]:
    """(unit, counted noun, index after the phrase) for the words after a number."""
    unit = None
    if j < len(toks) and (toks[j].kind == "sym" or toks[j].text.islower()):
        u = _unit_of(toks[j].text)  # "%", "€", "km", "kg", "t"
        if u is not None and (toks[j].kind == "sym" or u[1] == "measure"):
            unit = u[0]
            j += 1
    k = j
    while k < len(toks) and k - j < 2 and toks[k].kind == "word" and \
            _ADJECTIVE.fullmatch(toks[k].text) and toks[k].low not in _NOT_ADJECTIVE:
        k += 1
    if k < len(toks) and _is_capitalised(toks[k]) and toks[k].start not in ends \
            and toks[k - 1].end not in ends:
        noun = toks[k]
        u = _unit_of(noun.text)
        if u and u[1] in ("measure", "symbol"):
            unit = unit or u[0]
            m = k + 1
            if m < len(toks) and _is_capitalised(toks[m]) and toks[m].low not in calendar():
                return unit, toks[m].text, m + 1
            return unit, None, k + 1
        if noun.low in calendar() or noun.low in _TIME_WORDS:
            return unit, None, j
        return unit or (u[0] if u else None), noun.text, k + 1
    return unit, None, j


def find_quantities(text: str, tokens: Sequence[Token] | None = None,
                    sentences: Sequence[Span] | None = None) -> list[Quantity]:
    """Quantities in ``text`` (offsets into ``text``); see the module docstring."""
    if sentences is None:
        from .sentences import split

        sentences = split(text)
    starts = {s.start for s in sentences}
    ends = {s.end for s in sentences}
    out: list[Quantity] = []
    for a, b in _windows(text):
        out.extend(_scan(text, *_lex(text, a, b), starts, ends))
    return out


def _scan(text: str, toks: list[_Tok], starters: list[int], starts: set[int], ends: set[int]
          ) -> list[Quantity]:
    """Quantities beginning at the tokens ``starters`` (see :func:`_lex`)."""
    out: list[Quantity] = []
    resume = 0  # the tokens before it belong to a phrase already read
    for i in starters:
        if i < resume:
            continue
        core = _core(toks, i, starts, ends)
        if core is None:
            continue
        value, j, is_vague = core
        value, j = _scaled(toks, j, value)
        share = None
        if not is_vague and j < len(toks) and toks[j].kind == "word" and toks[j].text[0].isupper():
            share = part(toks[j].text)  # "zwei Drittel", "drei Viertel"
            if share is not None:
                value, j = value * share, j + 1
        if j < len(toks) and toks[j].low in _TIME_WORDS or \
                (not is_vague and (_year_like(toks, i, value, j) or _identifier(toks, i, j, starts))):
            resume = j
            continue
        first = i
        low = high = None
        qualifier = "more_than" if is_vague else "exact"
        if j + 1 < len(toks) and toks[j].low in _RANGE_WORDS and toks[j + 1].low != "zu":
            second = _core(toks, j + 1, starts, ends)
            if second is not None and not second[2]:
                v2, j2 = _scaled(toks, second[1], second[0])
                factor = v2 / second[0] if second[0] else 1.0
                low, high = (value * factor if j2 > second[1] and value < second[0] else value), v2
                qualifier, j = "range", j2
        if qualifier != "range" and first >= 1 and toks[first - 1].low == "zwischen" \
                and j + 1 < len(toks) and toks[j].low == "und":
            second = _core(toks, j + 1, starts, ends)
            if second is not None and not second[2]:
                v2, j2 = _scaled(toks, second[1], second[0])
                low = value * (v2 / second[0]) if j2 > second[1] and value < second[0] else value
                high, qualifier, j = v2, "range", j2
                first -= 1
        if j < len(toks) and toks[j].low in _TIME_WORDS:
            resume = j  # "von 9 bis 17 Uhr": a time span
            continue
        if qualifier == "range":
            value = (low + high) / 2 if low is not None and high is not None else value
        else:
            q = _qualifier(toks, first)
            if q is not None and not (toks[q[1]].low == "über" and q[1] == first - 1
                                      and _preposition_uber(toks, q[1])):
                qualifier, first = q
        unit = None
        if first >= 1 and toks[first - 1].kind == "sym":
            unit = _unit_of(toks[first - 1].text)[0] if _unit_of(toks[first - 1].text) else None
            first -= 1
        tail_unit, counts, end = _tail(toks, j, ends)
        if counts and counts.lower() in _time_units() and first >= 1 and toks[first - 1].low in _TEMPORAL:
            resume = max(end, i + 1)  # "vor zwei Jahren", "seit drei Wochen": a date, not a quantity
            continue
        unit = unit or ("share" if share is not None else tail_unit) or "item"
        a, b = toks[first].start, toks[end - 1].end
        out.append(Quantity(text[a:b], float(value), low, high, unit, qualifier, a, b, counts))
        resume = max(j, i + 1)
    return out


@dataclasses.dataclass(frozen=True)
class QuantityStage:
    settings: Mapping[str, Any]
    name: str = "quantities"
    requires: tuple[str, ...] = ("article", "sentences", "tokens")
    assigns: tuple[str, ...] = ("quantities",)

    def __call__(self, doc: Doc) -> Doc:
        from ..pipeline import is_codable

        if doc.article is None or not is_codable(doc, self.settings):
            return doc
        found = find_quantities(doc.article.body, doc.tokens, doc.sentences)
        return dataclasses.replace(doc, quantities=tuple(found))


def make_stage(settings: Mapping[str, Any]) -> QuantityStage:
    return QuantityStage(settings)
