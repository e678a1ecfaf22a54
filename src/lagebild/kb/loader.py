"""Load knowledge-base packs (``resources/packs/<name>/`` or any folder) into a KnowledgeBase.

A pack folder may hold entity files ``kb_*.jsonl`` (read in name order), ``role_phrases.tsv``
and ``type_cues.tsv``; see :mod:`lagebild.kb.schema` for the columns. Packs load in the order
``settings["kb"]["packs"]`` names them; a later record with a known id extends that entity.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

from ..config import resource_path
from ..model import Entity
from . import schema
from . import text as tx
from .knowledge import END, AliasEntry, KnowledgeBase, RolePhrase, Tenure, deletes
from .schema import KBError

LONG_WORD = 7  # single-word forms at least this long take part in the typo rule


def pack_dirs(packs: Sequence[str]) -> list[Path]:
    """Folders of the named packs: a name under resources/packs/, or a path."""
    out = []
    for p in packs:
        path = Path(p).expanduser()
        if not path.is_absolute() and not (len(path.parts) > 1 and path.exists()):
            path = resource_path("packs", p)
        if not path.is_dir():
            raise KBError(f"knowledge-base pack {p!r} not found (looked in {path})")
        out.append(path)
    return out


def _lines(path: Path) -> Iterator[tuple[str, str]]:
    try:
        content = path.read_text("utf-8")
    except UnicodeDecodeError as exc:
        raise KBError(f"{path}:1: not UTF-8 ({exc.reason})") from None
    for no, line in enumerate(content.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield f"{path}:{no}", line


def read_jsonl(path: Path) -> Iterator[tuple[str, Any]]:
    for where, line in _lines(path):
        try:
            yield where, json.loads(line)
        except json.JSONDecodeError as exc:
            raise KBError(f"{where}: invalid JSON ({exc.msg} at column {exc.colno})") from None


def read_tsv(path: Path) -> Iterator[tuple[str, list[str]]]:
    for where, line in _lines(path):
        yield where, line.rstrip("\r").split("\t")


def _merge(old: dict[str, Any], new: Mapping[str, Any]) -> None:
    for k, v in new.items():
        if k in schema.LIST_KEYS:
            old[k] = [*old.get(k, []), *(x for x in v if x not in old.get(k, []))]
        elif k == "names":
            old["names"] = {**old.get("names", {}), **v}
        else:
            old[k] = v


def read_records(dirs: Iterable[Path]) -> tuple[dict[str, dict[str, Any]], list[str]]:
    records: dict[str, dict[str, Any]] = {}
    sources: list[str] = []
    for d in dirs:
        files = sorted(d.glob("kb_*.jsonl"))
        if not files:
            raise KBError(f"{d}: no kb_*.jsonl files in this pack")
        for f in files:
            sources.append(str(f))
            for where, obj in read_jsonl(f):
                rec = schema.check_record(obj, where, is_new=obj.get("id") not in records
                                          if isinstance(obj, dict) else True)
                if rec["id"] in records:
                    old_type = records[rec["id"]].get("type")
                    if rec.get("type") not in (None, old_type):
                        raise KBError(f"{where}: id {rec['id']!r} is already a {old_type}, "
                                      f"not a {rec['type']}")
                    _merge(records[rec["id"]], rec)
                else:
                    records[rec["id"]] = rec
    return records, sources


def _entity(rec: Mapping[str, Any]) -> Entity:
    names = dict(rec.get("names", {}))
    aliases = [a for a in (*names.values(), *rec.get("aliases", [])) if a != rec["name"]]
    return Entity(
        id=rec["id"], type=rec["type"], name=rec["name"], names=names,
        aliases=tuple(dict.fromkeys(aliases)), country=rec.get("country"),
        lat=rec.get("lat"), lon=rec.get("lon"), category=rec.get("category"),
        qid=rec.get("qid") or (rec["id"] if schema.QID.match(rec["id"]) else None),
    )


def _insert(trie: dict[str, Any], surface: str, entry_of: Any) -> None:
    toks = tx.surface_tokens(surface)
    if not toks:
        return
    node = trie
    for t in toks:
        node = node.setdefault(tx.norm(t), {})
    entries = node.setdefault(END, [])
    entry = entry_of(toks)
    if entry not in entries:
        entries.append(entry)


def build(records: Mapping[str, Mapping[str, Any]], role_rows: Sequence[RolePhrase] = (),
          cue_rows: Sequence[tuple[str, str]] = (), sources: Sequence[str] = (),
          link_words: Sequence[str] = ()) -> KnowledgeBase:
    entities = {rid: _entity(r) for rid, r in records.items()}
    trie: dict[str, Any] = {}
    shorts: dict[str, list[str]] = defaultdict(list)
    acronyms: dict[str, list[str]] = defaultdict(list)
    long_words: dict[str, set[str]] = defaultdict(set)
    tenures: dict[tuple[str, str], list[Tenure]] = defaultdict(list)
    surfaces: set[str] = set()
    for rid, rec in records.items():
        ent = entities[rid]
        for kind, forms in (("name", [ent.name]), ("alias", ent.aliases), ("adj", rec.get("adj", []))):
            for form in forms:
                surfaces.add(form)
                _insert(trie, form, lambda toks, k=kind: AliasEntry(rid, toks, k))
                toks = tx.surface_tokens(form)
                if len(toks) == 1 and tx.is_acronym(toks[0]) and toks[0].isalpha():
                    acronyms[toks[0]].append(rid)
                if len(toks) == 1 and len(toks[0]) >= LONG_WORD and kind != "adj":
                    for d in deletes(tx.norm(toks[0])):
                        long_words[d].add(tx.norm(toks[0]))
        for s in rec.get("short", []):
            surfaces.add(s)
            if rid not in shorts[tx.norm(s)]:
                shorts[tx.norm(s)].append(rid)
        for r in rec.get("roles", []):
            tenures[(r["role"], r["of"])].append(Tenure(rid, r["from"], r["to"]))
    for rows in tenures.values():  # latest first: "now" finds the open tenure at once
        rows.sort(key=lambda t: t.start or "", reverse=True)
    phrases = {tx.norm(p.phrase): p for p in role_rows}
    surfaces.update(p.phrase for p in role_rows)
    return KnowledgeBase(
        entities=entities, order={rid: i for i, rid in enumerate(entities)}, trie=trie,
        shorts={k: tuple(v) for k, v in shorts.items()},
        tenures={k: tuple(v) for k, v in tenures.items()}, role_phrases=phrases,
        cues={tx.norm(w): t for w, t in cue_rows},
        acronyms={k: tuple(v) for k, v in acronyms.items()},
        long_words={k: tuple(sorted(v)) for k, v in long_words.items()},
        link_words=frozenset(tx.norm(w) for w in link_words),
        sources=tuple(sources), surfaces=frozenset(surfaces),
    )


def load(packs: Sequence[str]) -> KnowledgeBase:
    """Read and check the packs, then build the indexes."""
    dirs = pack_dirs(packs)
    records, sources = read_records(dirs)
    for rid, rec in records.items():
        if "type" not in rec or "name" not in rec:
            raise KBError(f"{sources[-1]}: entity {rid!r} has no type or name")
    roles: list[RolePhrase] = []
    cues: list[tuple[str, str]] = []
    links: list[str] = []
    for d in dirs:
        if (d / "role_phrases.tsv").exists():
            sources.append(str(d / "role_phrases.tsv"))
            roles += [RolePhrase(*schema.check_role_phrase(c, w))
                      for w, c in read_tsv(d / "role_phrases.tsv")]
        if (d / "type_cues.tsv").exists():
            sources.append(str(d / "type_cues.tsv"))
            cues += [schema.check_cue(c, w) for w, c in read_tsv(d / "type_cues.tsv")]
        if (d / "role_links.tsv").exists():
            sources.append(str(d / "role_links.tsv"))
            for w, c in read_tsv(d / "role_links.tsv"):
                if len(c) != 1 or not c[0].strip():
                    raise KBError(f"{w}: expected one word")
                links.append(c[0].strip())
    return build(records, roles, cues, sources, links)
