"""A folder with an empty file, a binary file, a cp1252 file and a truncated HTML file
(plus a good text and a bad JSONL line): what is stored, what is rejected and why.

    python bench/spine_bad_inputs.py
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

GOOD = "Politik\n\nRegierung plant neues Gesetz\n\nDie Regierung in Berlin hat am Montag einen Entwurf vorgelegt. Er soll im Herbst beraten werden.\n"
CP1252 = "Wirtschaft\n\nÖlpreis steigt über 90 Dollar\n\nDer Preis für ein Barrel der Sorte Brent stieg am Dienstag um fünf Prozent. Händler verwiesen auf die Förderkürzungen.\n"
HTML = ("<html><head><title>Stürme über Norddeutschland</title><meta name=\"author\" content=\"Erika Muster\">"
        "</head><body><article><h1>Stürme über Norddeutschland</h1><p>Der Deutsche Wetterdienst warnt vor "
        "Orkanböen an der Küste. Die Fähren nach Helgoland fallen am Mittwoch aus.</p><p>Auch im Binnenland")


def make_folder(root: Path) -> None:
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "image.bin").write_bytes(bytes(range(256)) * 8)
    (root / "latin.txt").write_bytes(CP1252.encode("cp1252"))
    (root / "truncated.html").write_text(HTML, encoding="utf-8")
    (root / "feed.jsonl").write_text('{"text": "Kurzmeldung: Der Bahnstreik ist beendet, die Züge fahren wieder."}\n{"text": \n')


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    folder = tmp / "inputs"
    folder.mkdir()
    make_folder(folder)
    db = tmp / "bad.db"
    exe = [sys.executable, "-m", "lagebild.cli.__main__"]
    r = subprocess.run([*exe, "ingest", str(folder), "--db", str(db)], capture_output=True, text=True)
    print(f"exit code: {r.returncode}\n{r.stdout}{r.stderr}")
    r = subprocess.run([*exe, "export", "rejections", "--db", str(db), "--format", "csv"], capture_output=True, text=True)
    print(r.stdout)
    r = subprocess.run([*exe, "export", "articles", "--db", str(db), "--format", "csv"], capture_output=True, text=True)
    import csv, io  # noqa: E401
    for row in csv.DictReader(io.StringIO(r.stdout)):
        print(f"stored: {Path(row['path'] or row['url'] or '').name:16} title={row['title']!r} body[:60]={row['body'][:60]!r}")


if __name__ == "__main__":
    main()
