"""GermEval-style BIO reading and strict span scoring for the statistical NER.

The metric is the official GermEval 2014 outer-level one: a predicted entity counts only
when its span (first and last token) and its label (one of the 12 outer classes) equal a
gold entity exactly. Chunks are read with CoNLL semantics: an ``I-X`` that does not continue
an ``X`` chunk starts a new one.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

BASE_CLASSES: tuple[str, ...] = ("PER", "ORG", "LOC", "OTH")
CLASSES: tuple[str, ...] = tuple(
    base + variant for base in BASE_CLASSES for variant in ("", "deriv", "part"))
TAGS: frozenset[str] = frozenset(
    ["O"] + [f"{prefix}-{cls}" for cls in CLASSES for prefix in ("B", "I")])


class NerDataError(ValueError):
    """A malformed NER data or prediction file; the message starts with ``file:line:``."""


@dataclass(frozen=True)
class Sentence:
    """One tokenised sentence with its outer-level BIO tags."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True)
class Score:
    """Strict span counts and the derived precision, recall and F1 (in percent)."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return 100.0 * self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return 100.0 * self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Report:
    """Overall and per-class strict span scores."""

    overall: Score
    per_class: dict[str, Score]
    sentences: int
    tokens: int

    def lines(self) -> list[str]:
        o = self.overall
        out = [f"sentences {self.sentences}, tokens {self.tokens}, gold spans {o.tp + o.fn}, "
               f"predicted spans {o.tp + o.fp}",
               f"strict span (12 outer classes): precision {o.precision:.2f}  "
               f"recall {o.recall:.2f}  F1 {o.f1:.2f}"]
        for cls in CLASSES:
            s = self.per_class.get(cls)
            if s is None or s.tp + s.fp + s.fn == 0:
                continue
            out.append(f"  {cls:<9} P {s.precision:6.2f}  R {s.recall:6.2f}  F1 {s.f1:6.2f}"
                       f"  (gold {s.tp + s.fn}, predicted {s.tp + s.fp})")
        return out


def spans(tokens: Sequence[str], tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, end, label)`` of a BIO tag sequence; ``end`` is exclusive.

    ``tokens`` only fixes the length (it must match ``tags``). Unknown or ``O`` tags end a
    chunk; ``I-X`` after something other than ``B-X``/``I-X`` starts a chunk (CoNLL rule).
    """
    if len(tokens) != len(tags):
        raise ValueError(f"spans: {len(tokens)} tokens but {len(tags)} tags")
    out: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate(tags):
        prefix, _, cls = tag.partition("-")
        if prefix == "I" and cls and cls == label:
            continue
        if label:
            out.append((start, i, label))
            start, label = -1, ""
        if prefix in ("B", "I") and cls:
            start, label = i, cls
    if label:
        out.append((start, len(tags), label))
    return out


def to_bio(tags: Sequence[str]) -> list[str]:
    """BIOES (or BIO) tags back to BIO: ``S-`` -> ``B-``, ``E-`` -> ``I-``."""
    return ["B-" + t[2:] if t.startswith("S-") else "I-" + t[2:] if t.startswith("E-") else t
            for t in tags]


def score(pairs: Iterable[tuple[Sequence[str], Sequence[str]]]) -> Report:
    """Score ``(gold_tags, predicted_tags)`` sentence pairs with the strict span metric."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    n_sent = n_tok = 0
    for gold, pred in pairs:
        if len(gold) != len(pred):
            raise ValueError(f"sentence {n_sent + 1}: {len(gold)} gold tags "
                             f"but {len(pred)} predicted")
        n_sent += 1
        n_tok += len(gold)
        g = {s for s in spans(gold, gold) if s[2] in CLASSES}
        p = {s for s in spans(pred, pred) if s[2] in CLASSES}
        for s in g & p:
            tp[s[2]] += 1
        for s in p - g:
            fp[s[2]] += 1
        for s in g - p:
            fn[s[2]] += 1
    per = {c: Score(tp[c], fp[c], fn[c]) for c in CLASSES}
    overall = Score(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return Report(overall, per, n_sent, n_tok)


def _check_tag(tag: str, where: str) -> str:
    if tag not in TAGS:
        raise NerDataError(f"{where}: unknown tag {tag!r} (expected O or B-/I- with one of "
                           f"{', '.join(CLASSES)})")
    return tag


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text("utf-8").splitlines()
    except FileNotFoundError:
        raise NerDataError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise NerDataError(f"{path}: is a directory, not a file") from None
    except UnicodeDecodeError as exc:
        raise NerDataError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def read_tsv(path: str | Path) -> list[Sentence]:
    """Read a GermEval 2014 TSV file (``index<TAB>token<TAB>outer<TAB>inner``).

    ``#`` lines at a sentence start are source headers; blank lines separate sentences. Lines
    of two columns (``token<TAB>tag``) are accepted too. Only the outer tag is kept.
    """
    p = Path(path)
    sentences: list[Sentence] = []
    toks: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if toks:
            sentences.append(Sentence(tuple(toks), tuple(tags)))
            toks.clear()
            tags.clear()

    for n, line in enumerate(_read_lines(p), 1):
        where = f"{p}:{n}"
        if not line.strip():
            flush()
            continue
        if line.startswith("#") and not toks:
            continue
        cols = line.split("\t")
        if len(cols) >= 3 and cols[0].isdigit():
            token, tag = cols[1], cols[2]
        elif len(cols) == 2:
            token, tag = cols
        else:
            raise NerDataError(f"{where}: expected 'index<TAB>token<TAB>outer tag[<TAB>inner "
                               f"tag]' or 'token<TAB>tag', got {len(cols)} column(s)")
        if not token:
            raise NerDataError(f"{where}: empty token")
        toks.append(token)
        tags.append(_check_tag(tag.strip(), where))
    flush()
    if not sentences:
        raise NerDataError(f"{p}: no sentences found")
    return sentences


def write_predictions(path: str | Path, rows: Iterable[tuple[Sentence, Sequence[str]]]) -> None:
    """Write ``token<TAB>gold<TAB>predicted`` lines, a blank line between sentences."""
    try:
        with open(path, "w", encoding="utf-8") as fh:
            for sent, pred in rows:
                for tok, gold, tag in zip(sent.tokens, sent.tags, pred):
                    fh.write(f"{tok}\t{gold}\t{tag}\n")
                fh.write("\n")
    except OSError as exc:
        raise OSError(f"{path}: cannot write predictions ({exc.strerror or exc})") from None


def read_predictions(path: str | Path) -> list[tuple[list[str], list[str]]]:
    """Read a ``token<TAB>gold<TAB>predicted`` file back as (gold, predicted) sentence pairs."""
    p = Path(path)
    out: list[tuple[list[str], list[str]]] = []
    gold: list[str] = []
    pred: list[str] = []
    for n, line in enumerate(_read_lines(p), 1):
        if not line.strip():
            if gold:
                out.append((gold, pred))
                gold, pred = [], []
            continue
        cols = line.split("\t")
        if len(cols) != 3:
            raise NerDataError(f"{p}:{n}: expected 'token<TAB>gold<TAB>predicted', "
                               f"got {len(cols)} column(s)")
        gold.append(_check_tag(cols[1], f"{p}:{n}"))
        pred.append(_check_tag(cols[2], f"{p}:{n}"))
    if gold:
        out.append((gold, pred))
    return out
