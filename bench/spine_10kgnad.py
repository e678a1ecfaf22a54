"""10kGNAD through the full ingest path: rejections, share of body characters kept,
docs/s, peak memory, and the cost of re-ingesting the same input.

    python bench/spine_10kgnad.py [--limit N] [--stages extract,clean,language] [--workers N]

10kGNAD is already clean text, so every character the cleaner drops is a loss: the
target is >= 99 % kept and 0 rejections.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import gnad_texts  # noqa: E402

from lagebild import library  # noqa: E402
from lagebild.config import load_settings  # noqa: E402


def _norm_len(text: str) -> int:
    return len("".join(unicodedata.normalize("NFC", text).split()))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--stages", default=None, help="comma-separated subset of the configured stages")
    ap.add_argument("--workers", type=int, default=None)
    args = ap.parse_args()
    texts = gnad_texts(args.limit)
    settings = load_settings()
    if args.stages:
        keep = args.stages.split(",")
        settings = library.replace_settings(
            settings, pipeline={"stages": [s for s in settings["pipeline"]["stages"] if s in keep]})
    tmp = Path(tempfile.mkdtemp())
    src = tmp / "gnad.jsonl"
    src.write_text("".join(json.dumps({"text": t, "url": f"https://example.invalid/gnad/{i}"}) + "\n"
                           for i, t in enumerate(texts)), encoding="utf-8")
    db = tmp / "gnad.db"
    t0 = time.perf_counter()
    first = library.ingest([str(src)], db=db, settings=settings, workers=args.workers)
    t1 = time.perf_counter()
    second = library.ingest([str(src)], db=db, settings=settings, workers=args.workers)
    t2 = time.perf_counter()
    with library.open_store(db, settings) as store:
        arts = {a["url"]: a for a in store.iter_records("articles")}
    kept_chars = sum(_norm_len(a["body"]) for a in arts.values())
    in_chars = sum(_norm_len(t) for t in texts)
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    print(f"stages: {', '.join(settings['pipeline']['stages'])}")
    print(f"articles in: {len(texts)}  stored: {first.stored}  rejected: {first.rejected} {dict(first.reasons)}")
    print(f"body characters kept (non-space, NFC): {kept_chars / in_chars:.4%}")
    worst = sorted(arts.values(), key=lambda a: _norm_len(a['body']) / max(1, _norm_len(texts[int(a['url'].rsplit('/', 1)[1])])))[:3]
    for a in worst:
        i = int(a["url"].rsplit("/", 1)[1])
        print(f"  lowest kept: #{i} {_norm_len(a['body']) / max(1, _norm_len(texts[i])):.1%}")
    print(f"first ingest: {t1 - t0:.1f} s = {len(texts) / (t1 - t0):.1f} docs/s; peak RSS {peak:.0f} MiB")
    print(f"re-ingest: {t2 - t1:.2f} s, added {second.stored} rows, unchanged {second.unchanged};"
          f" ratio {(t2 - t1) / (t1 - t0):.3f} of the first run (target < 0.1)")


if __name__ == "__main__":
    main()
