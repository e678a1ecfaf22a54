"""Every entity form listed in ../shared/gold/seeds.yaml links to gold's id (reads ../shared
at run time; skipped in a fresh clone). The raw seed text is linked directly."""
from __future__ import annotations

import pytest
import yaml

from lagebild.config import load_settings
from lagebild.kb import load_kb
from lagebild.kb.linker import link


def _id_ok(gold_id: str, entity_id: str, kb_entity) -> bool:
    if entity_id == gold_id:
        return True
    if (gold_id.isupper() and len(gold_id) <= 3) or (gold_id[:1] == "Q" and gold_id[1:].isdigit()):
        return False
    names = {kb_entity.name.lower(), *(a.lower() for a in kb_entity.aliases)}
    return gold_id.lower() in names


def test_gold_entity_forms_link_to_gold_ids(shared_dir) -> None:
    from lagebild.nlp.sentences import annotate

    settings = load_settings(env={})
    settings["ner"]["enabled"] = False
    kb = load_kb(settings)
    gold = yaml.safe_load((shared_dir / "gold" / "seeds.yaml").read_text("utf-8"))
    missing = []
    for name, g in gold["seeds"].items():
        body = (shared_dir / "seeds" / name).read_text("utf-8")
        sents, toks = annotate(body)
        hits, ents = link(kb, body, sents, (g.get("metadata") or {}).get("published"), toks)
        for e in g.get("entities", []):
            for form in e["forms"]:
                if not any(body[h.start:h.end] == form and _id_ok(str(e["id"]), h.entity_id,
                                                                  ents[h.entity_id]) for h in hits):
                    missing.append((name[:3], form, e["id"]))
    assert not missing
