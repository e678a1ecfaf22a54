"""Word segmentation and surface normalisation shared by the KB loader and the linker.

The linker does its own word segmentation (letters and digits; hyphens, apostrophes and dots
separate words) so that hyphen compounds ("Putin-Lieferung", "US-Angaben") and
transliteration variants ("Kim Jong-un" / "Kim Jong Un") compare equal, whatever tokenizer
ran before. Offsets are character offsets into the text given.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+")
#: German inflection endings tried (in this order) when a word is not in the index as written:
#: genitive -s/-es/-ns, weak -n/-en, adjectival -e/-er/-es/-em/-en.
ENDINGS = ("s", "n", "es", "en", "e", "er", "em", "ns")
#: Endings a name (not an adjective) may take on its last word: genitive and demonym
#: ("Russlands", "Wiener"); -n only after -e ("den Niederlanden").
NAME_ENDINGS = ("s", "es", "ns", "er")
_MIN_STEM = 3


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int
    norm: str
    sep: str  # the characters between the previous word and this one ("" for the first)

    @property
    def hyphen_before(self) -> bool:
        return self.sep == "-"


def norm(word: str) -> str:
    """Comparison form of one word: case-folded (ß -> ss), apostrophes dropped."""
    return word.casefold()


def words(text: str, offset: int = 0) -> list[Word]:
    out: list[Word] = []
    prev_end = 0
    for m in _WORD.finditer(text):
        out.append(Word(m.group(), m.start() + offset, m.end() + offset, norm(m.group()),
                        text[prev_end:m.start()] if out else ""))
        prev_end = m.end()
    return out


def surface_tokens(text: str) -> tuple[str, ...]:
    """The words of a KB surface form as written (case kept)."""
    return tuple(m.group() for m in _WORD.finditer(text))


def key(text: str) -> tuple[str, ...]:
    """Index key of a surface form: its normalised words."""
    return tuple(norm(t) for t in surface_tokens(text))


def joinable(sep: str) -> bool:
    """Whether two words separated by ``sep`` may belong to one name ("Kim Jong-un",
    "St. Petersburg", "People's"); a line break or other punctuation ends a name."""
    if not sep or len(sep) > 3 or "\n" in sep:
        return False
    return all(c in " \t\u00a0-.'’" for c in sep) and sep.count(".") <= 1 and sep.count("-") <= 1


def variants(w: str) -> list[tuple[str, str]]:
    """``(stem, ending)`` pairs of ``w`` with one inflection ending removed."""
    out = []
    if len(w) > _MIN_STEM and not w.isdigit():
        for e in ENDINGS:
            if w.endswith(e) and len(w) - len(e) >= _MIN_STEM:
                out.append((w[: -len(e)], e))
    return out


def name_ending_ok(stem: str, ending: str) -> bool:
    """Whether a name's last word may carry ``ending`` (see NAME_ENDINGS)."""
    return not ending or ending in NAME_ENDINGS or (ending == "n" and stem.endswith("e"))


def is_acronym(token: str) -> bool:
    """All capitals (digits allowed), at least two letters or one letter and digits: "UN",
    "KCNA", "G7", "KN"."""
    letters = [c for c in token if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(token) >= 2 and len(token) <= 6


def case_ok(alias_token: str, text_token: str) -> bool:
    """Case agreement between a KB surface word and a text word.

    An acronym in the KB ("AU", "US") matches only an upper-case word; a short upper-case word
    in the text only an acronym; a capitalised KB word only a capitalised word; a lower-case
    KB word (an adjective stem, "dpa") any case."""
    if is_acronym(alias_token) and any(c.isalpha() for c in alias_token):
        return text_token.isupper() or text_token == alias_token
    if is_acronym(text_token) and text_token.isalpha() and len(text_token) <= 5:
        return False  # "PISA" is an acronym, not the town Pisa
    if alias_token[:1].isupper():
        return text_token[:1].isupper()
    return True


@lru_cache(maxsize=200_000)
def is_common_word(word: str) -> bool:
    """True when ``word`` is an ordinary German word, not a name.

    Verbs, adjectives and function words (their lemma is lower case in simplemma's German
    dictionary) and very frequent words (wordfreq Zipf >= 5.5) count as common.
    """
    import simplemma
    from wordfreq import zipf_frequency

    low = word.lower()
    if zipf_frequency(low, "de") >= 5.5:
        return True
    if not simplemma.is_known(low, lang="de"):
        return False
    lemma = simplemma.lemmatize(low, lang="de")
    return lemma[:1].islower()


@lru_cache(maxsize=100_000)
def is_noun(word: str) -> bool:
    """A capitalised word in simplemma's German dictionary at Zipf >= 2.5: a common noun
    unless a name list says otherwise."""
    import simplemma

    return word[:1].isupper() and simplemma.is_known(word, lang="de") and zipf(word) >= 2.5


_GLUED = re.compile(r"[a-zäöüß]([A-ZÄÖÜ][a-zäöüß]+)$")


def is_glued(word: str) -> bool:
    """Two words fused by a scrape ("HeleneDie"): a lower-upper switch before a common word."""
    m = _GLUED.search(word)
    return bool(m) and is_common_word(m.group(1))


@lru_cache(maxsize=100_000)
def is_compound_noun(word: str) -> bool:
    """``word`` ends in a known German noun of at least four letters ("Müllballons")."""
    import simplemma

    for k in range(3, len(word) - 3):
        tail = word[k:].capitalize()
        if simplemma.is_known(tail, lang="de") and zipf(tail) >= 2.0:
            return True
    return False


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "de")


def damerau1(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one edit (insert, delete, substitute or
    swap of two adjacent characters)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1:] == b[i + 1:]:
            return True  # substitution
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]
    if la > lb:
        return a[i + 1:] == b[i:]
    return a[i:] == b[i + 1:]


def slug(text: str) -> str:
    """Stable ASCII slug of a name ("Shigeru Ishiba" -> "shigeru-ishiba")."""
    import unicodedata

    text = text.translate(str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "ß": "ss"}))
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
