"""Helpers of the nlp benchmark scripts: locating ../shared (read at run time, never copied)."""
from __future__ import annotations

import csv
import os
import sys
from pathlib import Path


def shared_dir() -> Path:
    env = os.environ.get("LAGEBILD_SHARED")
    path = Path(env) if env else Path(__file__).resolve().parents[1] / ".." / "shared"
    if not path.is_dir():
        sys.exit(f"../shared not found: {path} (set LAGEBILD_SHARED)")
    return path.resolve()


def gnad_texts() -> list[str]:
    """The article texts of 10kGNAD's test split."""
    path = shared_dir() / "data" / "10kGNAD" / "test.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        return [row[1] for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) >= 2]


def ud_sentences(split: str) -> list[list[tuple[str, str, str]]]:
    """UD German GSD sentences of ``split`` (dev/test).

    Each sentence is a list: first ("#text", text, ""), then (form, lemma, upos) per word.
    """
    path = shared_dir() / "data" / "ud-german-gsd" / f"de_gsd-ud-{split}.conllu"
    out: list[list[tuple[str, str, str]]] = []
    cur: list[tuple[str, str, str]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# text = "):
                cur = [("#text", line[9:], "")]
            elif not line:
                if cur:
                    out.append(cur)
                cur = []
            elif not line.startswith("#"):
                p = line.split("\t")
                if len(p) == 10 and p[0].isdigit():
                    cur.append((p[1], p[2], p[3]))
    if cur:
        out.append(cur)
    return out


def germeval_sentences() -> list[list[str]]:
    """The token lists of the GermEval 2014 NER sentences (dev, then test file)."""
    out: list[list[str]] = []
    for name in ("NER-de-dev.tsv", "NER-de-test.tsv"):
        cur: list[str] = []
        with open(shared_dir() / "data" / "germeval2014" / name, encoding="utf-8") as fh:
            for line in fh:
                p = line.rstrip("\n").split("\t")
                if len(p) >= 2 and p[0].isdigit():
                    cur.append(p[1])
                elif not line.strip() and cur:
                    out.append(cur)
                    cur = []
        if cur:
            out.append(cur)
    return out
