"""Shape tests on single lines: bullets, headline-like vs. sentence-like, fused tag runs."""
from __future__ import annotations

import functools
import re

_BULLET = re.compile(r"^\s*(?:[-–—•*·▪►▸▶▷○●◦■□➤➔➜→❯]|\u2022)[\ufe0e\ufe0f]?\s*(?=\S)")
_SENT_END = re.compile(r"""[.!?…:;,]["'“”»«‘’)\]]*$""")
_FULL_STOP_END = re.compile(r"""(?<!\.\.)[.;:,]["'“”»«‘’)\]]*$|[!?]["'“”»«‘’]+$""")
#: a full stop after a word or a year, then a capital: two sentences ("12. Etappe" is an ordinal)
_TWO_SENTENCES = re.compile(r"""(?:[a-zäöüß)"“”»]|(?<!\d)\d{3,})\.["“”»]?\s+["„»]?[A-ZÄÖÜ]""")
_FUSED_SPLIT = re.compile(r"(?<=[a-zäöüß])(?=[A-ZÄÖÜ])")
_FUSED_RUN = re.compile(r"^(?:[A-ZÄÖÜ][a-zäöüß]{2,}(?:-[A-ZÄÖÜ]?[a-zäöüß]+)*){2,}$")
_CAP_TOKEN = re.compile(r"^[\"„“»«(]?[A-ZÄÖÜ0-9][\w.&'’-]*[\"“”«»)]?$")
_WS = re.compile(r"\s+")


def strip_bullet(line: str) -> str:
    return _BULLET.sub("", line).strip()


def is_bullet(line: str) -> bool:
    return bool(_BULLET.match(line))


def words(line: str) -> list[str]:
    return line.split()


def squash(line: str) -> str:
    """Comparison key: case-folded words only (for repeats of a line elsewhere)."""
    return " ".join(re.findall(r"\w+", line.casefold()))


def collapse_spaces(line: str) -> str:
    return _WS.sub(" ", line).strip()


def headline_like(line: str, max_words: int = 20) -> bool:
    """A short line that reads as a headline: no closing full stop, one sentence at most."""
    text = strip_bullet(line)
    n = len(text.split())
    if not 2 <= n <= max_words or len(text) > 180:
        return False
    if text.endswith(("...", "…")):
        return True  # a cut-off teaser
    if _FULL_STOP_END.search(text):
        return False
    return not _TWO_SENTENCES.search(text)


def several_sentences(line: str) -> bool:
    """The line holds two sentences or more ("… erhalten. Die Schiffe …")."""
    return bool(_TWO_SENTENCES.search(strip_bullet(line)))


def sentence_like(line: str) -> bool:
    """Reads as running text: ends like a sentence (or is long)."""
    text = strip_bullet(line)
    n = len(text.split())
    return n >= 30 or (n >= 4 and bool(_SENT_END.search(text)) and not text.endswith(":"))


def paragraph_like(line: str) -> bool:
    """A body paragraph: several words and a sentence end, or long."""
    text = strip_bullet(line)
    n = len(text.split())
    return n >= 30 or (n >= 10 and bool(_SENT_END.search(text)))


@functools.lru_cache(maxsize=4096)
def _zipf(word: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - a declared dependency
        return 3.0
    return zipf_frequency(word, "de")


def split_fused_tags(token: str) -> list[str] | None:
    """``WirtschaftEnergieKlima`` -> its words, when it is a run of known words and not
    itself a word (``PlayStation``-style brand names stay whole when known)."""
    if not _FUSED_RUN.match(token):
        return None
    parts = _FUSED_SPLIT.split(token)
    if len(parts) < 2 or _zipf(token.lower()) >= 1.5:
        return None
    if sum(_zipf(p.lower()) >= 1.5 for p in parts) < len(parts):
        return None
    return parts


_GLUE = re.compile(r"(?<=[a-zäöüß0-9)])(?=[A-ZÄÖÜ][a-zäöüß])")


def split_glued(line: str) -> tuple[str, str] | None:
    """``Opec-Treffen vertagtDie Förderländer …`` -> (headline, lede): a teaser whose
    headline and lede lost the break between them. The split is taken where a word of
    three or more letters runs into a common capitalised word (brand names such as
    ``YouTube`` or ``iPhone`` do not split)."""
    text = strip_bullet(line)
    for m in _GLUE.finditer(text):
        head, lede = text[: m.start()].strip(), text[m.start():].strip()
        left = re.search(r"[\wäöüß-]+$", head)
        right = re.match(r"[\wäöüß]+", lede)
        if not left or not right or len(re.sub(r"^.*-", "", left.group(0))) < 3:
            continue
        if len(head.split()) < 2 or _zipf(right.group(0).lower()) < 2.0:
            continue
        if _zipf((left.group(0) + right.group(0)).lower()) >= 1.5:
            continue  # a real word with a capital inside
        return head, lede
    return None


def tag_line(line: str) -> list[str] | None:
    """Tags of a line made only of tags: one fused run, or capitalised keywords without any
    sentence punctuation (``Russland Ukraine-Krieg Waffen``)."""
    text = strip_bullet(line).strip()
    if " " not in text:
        return split_fused_tags(text)
    tokens = text.split()
    if len(tokens) < 4 or len(tokens) > 20 or re.search(r"[.!?:;,()\[\]\"„“\d]", text):
        return None
    if not all(_CAP_TOKEN.match(t) for t in tokens):
        return None
    out: list[str] = []
    for tok in tokens:
        for part in split_fused_tags(tok) or [tok]:
            if part not in out:
                out.append(part)
    return out
