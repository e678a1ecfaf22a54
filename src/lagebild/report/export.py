"""Export stored records as JSONL, CSV or Parquet (CONTRACT.md "export").

JSONL keeps the contract shape. CSV and Parquet are flat: nested objects become dotted
columns (``actor.country``) and lists become JSON strings. An export always writes its
output, empty when there are no records.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Mapping

from ..model import RECORD_CLASSES

FORMATS = ("jsonl", "csv", "parquet")


def flatten(record: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and value:
            out.update(flatten(value, name + "."))
        elif isinstance(value, Mapping):
            out[name] = None
        elif isinstance(value, (list, tuple)):
            out[name] = json.dumps(value, ensure_ascii=False)
        else:
            out[name] = value
    return out


def _columns(kind: str, rows: list[dict[str, Any]]) -> list[str]:
    """Stable column order: the record's own fields first, then what the rows add."""
    cols: list[str] = []
    seen: set[str] = set()
    cls = RECORD_CLASSES[kind]
    for f in cls.__dataclass_fields__:  # type: ignore[attr-defined]
        for row in rows:
            for c in row:
                if (c == f or c.startswith(f + ".")) and c not in seen:
                    seen.add(c)
                    cols.append(c)
        if f not in seen and not any(c.startswith(f + ".") for c in seen):
            seen.add(f)
            cols.append(f)
    for row in rows:
        for c in row:
            if c not in seen:
                seen.add(c)
                cols.append(c)
    return cols


def write_jsonl(records: Iterable[Mapping[str, Any]], fh: IO[str]) -> int:
    n = 0
    for rec in records:
        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(kind: str, records: Iterable[Mapping[str, Any]], fh: IO[str]) -> int:
    rows = [flatten(r) for r in records]
    writer = csv.DictWriter(fh, fieldnames=_columns(kind, rows), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return len(rows)


def write_parquet(kind: str, records: Iterable[Mapping[str, Any]], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [flatten(r) for r in records]
    cols = _columns(kind, rows)
    arrays = {}
    for c in cols:
        values = [r.get(c) for r in rows]
        kinds = {type(v) for v in values if v is not None}
        if kinds - {int, float, bool} or len(kinds) > 1 and bool in kinds:
            values = [None if v is None else (v if isinstance(v, str) else json.dumps(v)) for v in values]
        elif kinds == {int, float}:
            values = [None if v is None else float(v) for v in values]
        arrays[c] = pa.array(values) if kinds else pa.array(values, type=pa.string())
    pq.write_table(pa.table(arrays), str(path))
    return len(rows)


def export_records(kind: str, records: Iterator[Mapping[str, Any]], fmt: str,
                   out: str | None, stdout: IO[str]) -> int:
    """Write ``records`` of ``kind`` in ``fmt`` to file ``out`` (``-``/None: stdout)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not out or out == "-":
            raise ValueError("parquet export needs an output file: use -o FILE")
        return write_parquet(kind, records, Path(out))
    if out and out != "-":
        with open(out, "w", encoding="utf-8", newline="") as fh:
            return write_jsonl(records, fh) if fmt == "jsonl" else write_csv(kind, records, fh)
    buf = io.StringIO()
    n = write_jsonl(records, buf) if fmt == "jsonl" else write_csv(kind, records, buf)
    stdout.write(buf.getvalue())
    return n
