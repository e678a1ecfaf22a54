"""Sentence boundaries WITHOUT punctuation: a small logistic-regression gap classifier.

UD-style text glues headlines, list items and review lines to the next sentence with a
plain space ("Minister tritt zurück Der Nachfolger ..."). For each gap between two
white-space chunks of a punctuated sentence where the left chunk ends in a letter or digit
(or a closing quote after one: a quoted headline, "... Natur''") and the right one is a typical sentence opener (``resources/de/sentence_openers.tsv`` and
``sentence-openers-extra.tsv``: articles, pronouns, prepositions, adverbs), :func:`gap_features` names a few features
(word classes and shapes of the words around the gap, the position in the sentence; no
word identities); the gap is never a boundary after a function word, a capitalised
article or preposition, or a noun that introduces a title ("im Film Das Boot"). Weights in ``resources/models/sentence-boundary.tsv`` (trained by
``bench/nlp_sentence_model.py`` on UD German GSD *dev* only, its real gaps plus synthetic
ones with the final punctuation stripped; feature names and numbers, no text) give a
logistic score; a gap is a boundary when the probability reaches the file's threshold.

One regex over the sentence finds the gaps before opener words; only those are scored,
so news text costs little. The same scan finds a closed quotation followed by a new one
that opens with a capital (:func:`requote`): a boundary without scoring.

Rules without a model (:func:`text_cuts`, :func:`start_cuts`): a boundary before a
dateline ("BERLIN, 6. Juli (dpa)."), around a heading in capitals of ten letters or more,
after a bracketed note ("(Siehe Seite 3)", "(red, 4.5.2021)") or a quoted headline of three
words or more that opens a sentence. No rule or model cut falls inside a quotation.
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from importlib import resources

from .lexicon import read_tsv, word_list

_LEAD = "\"„“”»«‘’'`([{"
_CLOSERS = "\"“«’'"  # closing quotes after the last word of a headline ("... Natur''")
_CHUNK = re.compile(r"\S+")
_CLASSES = ("det", "pron", "prep", "adv", "func", "title", "never")


def _shape(w: str) -> str:
    if not w:
        return "none"
    if w.isdigit():
        return "digit"
    if w.isupper() and len(w) > 1:
        return "upper"
    if w[0].isupper():
        return "cap"
    if w.islower():
        return "lower"
    return "other"


def _bucket(n: int) -> str:
    return str(n) if n < 4 else "4-6" if n < 7 else "7-10" if n < 11 else "11+"


def requote(text: str, start: int, at: int, prev: str, nxt: str) -> bool:
    """A quotation closes before ``at`` and a new one opens with a capital right after it:
    ``... zum Parteichef" "Die Basis hat entschieden", sagte ...`` (a straight ``"`` closes
    when an even number of them stands in ``text[start:at]``)."""
    if not (nxt.startswith(("``", '"', "„", "»")) and prev.endswith(("''", '"', "“", "«"))):
        return False
    core, head = prev.rstrip(_CLOSERS), nxt.lstrip(_LEAD)
    if not (core[-1:].isalnum() or core.endswith(":")) or not head[:1].isupper():
        return False
    return not inside_quote(text, start, at)


def is_candidate(prev: str, nxt: str) -> bool:
    """A gap worth scoring: ``prev`` ends in a letter or digit, ``nxt`` opens with a capital
    (not after a quote or bracket: that is mostly a title, "in (Die Brücke)")."""
    core = prev.rstrip(_CLOSERS)
    return bool(core) and core[-1].isalnum() and nxt[:1].isupper()


@functools.lru_cache(maxsize=1)
def word_classes() -> dict[str, str]:
    """``sentence_openers.tsv`` and ``sentence-openers-extra.tsv`` (the first wins) plus the
    words of ``sentence_starters.tsv`` (class adv)."""
    classes = {w: "adv" for w in word_list("sentence_starters.tsv")}
    for name in ("sentence-openers-extra.tsv", "sentence_openers.tsv"):
        for word, cls in read_tsv(name, 2):
            if cls not in _CLASSES:
                raise ValueError(f"{name}: unknown class {cls!r} of {word!r}")
            classes[word] = cls
    return classes


@functools.lru_cache(maxsize=1)
def _title_suffixes() -> tuple[str, ...]:
    nouns = [w.lower() for w, c in word_classes().items() if c == "title"]
    return tuple(nouns + [n + "s" for n in nouns] + [n + "es" for n in nouns])


def blocks(prev: str) -> bool:
    """No sentence ends after ``prev``: a function word, a capitalised article or preposition,
    or a noun that introduces a title (also as the end of a compound: "Tageszeitung", "Buchs")."""
    prev = prev.rstrip(_CLOSERS)
    if word_classes().get(prev) in ("func", "title", "det", "prep"):
        return True
    return prev[:1].isupper() and prev.lower().endswith(_title_suffixes())


def gap_features(words: list[str], i: int) -> list[str]:
    """Feature names of the gap before ``words[i]`` (``0 < i < len(words)``): word classes
    and shapes only (no word identities, so that little training data generalises)."""
    p, n = words[i - 1].rstrip(_CLOSERS), words[i].lstrip(_LEAD)
    nn = words[i + 1] if i + 1 < len(words) else ""
    cls = word_classes()
    nc = cls.get(n, "other")
    pc = "func" if blocks(p) else _shape(p)
    end = p[-1] if pc == "lower" else ""
    return [
        "bias", f"nc={nc}", f"pc={pc}", f"pc|nc={pc}|{nc}", f"nnc={_shape(nn)}",
        f"nc|nnc={nc}|{_shape(nn)}", f"pos={_bucket(i)}", f"rem={_bucket(len(words) - i)}",
        f"pend={end}", f"nq={words[i] != n}", f"pq={words[i - 1] != p}",
    ]


@dataclass(frozen=True)
class BoundaryModel:
    weights: dict[str, float]
    threshold: float
    openers: frozenset[str]  # right-hand words with a positive weight
    scan: re.Pattern[str]  # a gap before an opener, after a letter or digit

    def probability(self, words: list[str], i: int) -> float:
        w = self.weights
        z = sum(w.get(f, 0.0) for f in gap_features(words, i))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def cuts(self, text: str, start: int, end: int) -> list[int]:
        """Offsets inside ``text[start:end]`` (one punctuated sentence) where a new
        sentence starts without punctuation."""
        out: list[int] = []
        index: dict[int, int] = {}
        words: list[str] = []
        for m in self.scan.finditer(text, start, end):
            if not words:  # the sentence's chunks, once, on the first hit
                chunks = list(_CHUNK.finditer(text, start, end))
                words = [c.group(0) for c in chunks]
                index = {c.start(): k for k, c in enumerate(chunks)}
            i = index.get(m.end())
            if i and words[i][:1] in '`"„»' and requote(text, start, m.end(), words[i - 1], words[i]):
                out.append(m.end())
            elif i and is_candidate(words[i - 1], words[i]) and not blocks(words[i - 1]) \
                    and not inside_quote(text, start, m.end()) \
                    and self.probability(words, i) >= self.threshold:
                out.append(m.end())
        return out




#: A dateline opens a report: "BERLIN, 6. Juli (dpa).", "BAD EMS (epd) -" (the city in
#: capitals, an optional date, an agency tag in brackets, then punctuation or a dash). The
#: tag is found first (a literal bracket: fast), then the city before it.
_AGENCY = re.compile(r"\((?:[a-z]{2,4}|[A-Z]{2,4})(?:\s*/\s*(?:[a-z]{2,4}|[A-Z]{2,4}))*\)\s*[.:–-]")
_DATELINE = re.compile(
    r"(?<=\s)[A-ZÄÖÜ]{2,}(?:[ -][A-ZÄÖÜ]{2,}){0,2}(?:,\s*\d{1,2}\.\s*[A-ZÄÖÜ][a-zäöü]+\.?)?\s*$")
#: A heading in capitals ("WIRTSCHAFTSNACHRICHTEN", "AUS DEM GERICHTSSAAL"): a run of capital
#: words with one of ten letters or more (longer than any acronym).
_HEADING = re.compile(r"(?<!\S)(?:[A-ZÄÖÜ][A-ZÄÖÜ-]*[A-ZÄÖÜ] )*"
                      r"(?=[A-ZÄÖÜ-]*[A-ZÄÖÜ]{10})[A-ZÄÖÜ][A-ZÄÖÜ-]*[A-ZÄÖÜ]"
                      r"(?: [A-ZÄÖÜ][A-ZÄÖÜ-]*[A-ZÄÖÜ](?!\S))*(?!\S)")
#: A bracketed note opening a sentence, then a new sentence: "(Siehe Seite 3) Die ...".
_NOTE = re.compile(r"\([^()]{1,80}\)(?= [\"„»`]*[A-ZÄÖÜ])")
#: A quoted headline of three words or more opening a sentence, without punctuation of its
#: own, then a capitalised word: "„Kein Geld für neue Straßen“ Die Opposition ...".
_QUOTED_HEAD = re.compile(
    r"(?:„[^“”\"„]+?\w“|»[^«»]+?\w«|``[^'`]+?\w''|\"[^\"„“]+?\w\")(?= [A-ZÄÖÜ][a-zäöüß])")


_LONG_CAPITALS = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜ-]{8}[A-ZÄÖÜ]")


def text_cuts(text: str) -> list[int]:
    """Boundaries without punctuation found by rules anywhere in ``text`` (sorted): before
    a dateline, around a heading in capitals. The caller keeps those inside a sentence and
    outside a quotation."""
    out: list[int] = []
    for tag in _AGENCY.finditer(text):
        city = _DATELINE.search(text, max(0, tag.start() - 60), tag.start())
        if city:
            out.append(city.start())
    if _LONG_CAPITALS.search(text) is None:
        return out
    for m in _HEADING.finditer(text):
        before = text[max(0, m.start() - 40):m.start()].split()
        if before and before[-1][-1:].isalnum() and not blocks(before[-1]):
            out.append(m.start())
        nxt = text[m.end():m.end() + 40].split(None, 1)
        if nxt and nxt[0][:1].isupper() and not nxt[0].isupper():
            out.append(m.end() + 1)
    return sorted(set(out))


def start_cuts(text: str, start: int, end: int) -> list[int]:
    """A boundary after a bracketed note or a quoted headline that opens the sentence
    ``text[start:end]`` (empty when it opens with neither)."""
    if text.startswith("(", start):
        m = _NOTE.match(text, start, end)
        if m:
            return [m.end() + 1]
    elif text[start:start + 1] in ("„", "»", "`", '"'):
        m = _QUOTED_HEAD.match(text, start, end)
        if m and len(m.group(0).split()) >= 3:
            return [m.end() + 1]
    return []


def rule_cuts(text: str, start: int, end: int) -> list[int]:
    """All rule boundaries inside ``text[start:end]`` (one punctuated sentence): those of
    :func:`text_cuts` and :func:`start_cuts`, outside quotations."""
    found = start_cuts(text, start, end) + text_cuts(text[:end])
    return sorted({c for c in found if start < c < end and not inside_quote(text, start, c)})


def inside_quote(text: str, start: int, at: int) -> bool:
    """True when a German quotation opened in ``text[start:at]`` is not closed yet: a quote
    never holds a sentence boundary without punctuation („ohne Wenn und Aber“)."""
    seg = text[start:at]
    return seg.count("„") > seg.count("“") or seg.count("»") > seg.count("«") \
        or seg.count('"') % 2 == 1 or seg.count("``") > seg.count("''")


def _path() -> str:
    return str(resources.files("lagebild") / "resources" / "models" / "sentence-boundary.tsv")


@functools.lru_cache(maxsize=1)
def boundary_model() -> BoundaryModel | None:
    """The shipped model, or None when the weight file is absent."""
    try:
        return load_model(_path())
    except FileNotFoundError:
        return None


def load_model(path: str) -> BoundaryModel:
    """A model from a weight file (``# threshold: P`` header, ``feature<TAB>weight`` rows)."""
    fh = open(path, encoding="utf-8")
    weights: dict[str, float] = {}
    threshold = 1.0
    with fh:
        for no, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                if line.startswith("# threshold:"):
                    threshold = float(line.split(":", 1)[1])
                continue
            parts = line.split("\t")
            if len(parts) != 2:
                raise ValueError(f"{path}:{no}: expected 'feature<TAB>weight'")
            try:
                weights[parts[0]] = float(parts[1])
            except ValueError:
                raise ValueError(f"{path}:{no}: weight is not a number: {parts[1]!r}") from None
    openers = frozenset(w for w, c in word_classes().items()
                        if c not in ("func", "title", "never") and weights.get(f"nc={c}", 0.0) > -5.0)
    alts = "|".join(sorted(map(re.escape, openers), key=len, reverse=True)) or "(?!)"
    # white space first, then the look-behind: the regex engine skips quickly to the spaces
    scan = re.compile(rf"\s(?<=[\w\"“«’']\s)\s*(?=[{re.escape(_LEAD)}]*(?:{alts})(?:\s|$)|``|[\"„»])")
    return BoundaryModel(weights, threshold, openers, scan)
