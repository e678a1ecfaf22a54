"""The shipped CRF tagger and the eval-ner / train-ner commands."""
from __future__ import annotations

import importlib
import os
import pickle
import sys
import types
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from lagebild.config import load_settings
from lagebild.kb.ner import Tagger, load_tagger, model_path, spans
from lagebild.kb.ner_eval import TAGS

SENTENCE = ("Die Bürgermeisterin von Lindenhagen , Petra Sommerfeld , traf am Montag in "
            "Hamburg Vertreter der Deutschen Bahn und der französischen Regierung .").split()


def _settings(**ner: object) -> dict:
    s = load_settings(env={})
    s["ner"].update(ner)
    return s


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    t = load_tagger(_settings())
    if t is None:
        pytest.skip(f"no shipped NER weights at {model_path(_settings())}")
    return t


def test_tagger_tags_invented_sentence(tagger: Tagger) -> None:
    tags = tagger.tag(SENTENCE)
    assert len(tags) == len(SENTENCE) and set(tags) <= TAGS
    found = {(" ".join(SENTENCE[a:b]), label) for a, b, label in spans(SENTENCE, tags)}
    assert ("Hamburg", "LOC") in found
    assert any(label == "PER" and "Sommerfeld" in text for text, label in found)
    assert any(label == "LOCderiv" and text == "französischen" for text, label in found)
    assert tagger.tag([]) == []


def test_load_tagger_cached_and_picklable(tagger: Tagger) -> None:
    assert load_tagger(_settings()) is tagger
    clone = pickle.loads(pickle.dumps(tagger))
    assert clone.tag(SENTENCE) == tagger.tag(SENTENCE)


def test_load_tagger_none_when_disabled_or_missing(tmp_path: Path) -> None:
    assert load_tagger(_settings(enabled=False)) is None
    assert load_tagger(_settings(model=str(tmp_path / "absent.model"))) is None


def _ner_group() -> click.Group:
    try:
        mod = importlib.import_module("lagebild.cli.ner_cmds")
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("lagebild.cli."):
            raise
        # Another command module is not written yet: load ours without the CLI package init.
        import lagebild

        stub = types.ModuleType("lagebild.cli")
        stub.__path__ = [os.path.join(lagebild.__path__[0], "cli")]
        saved = sys.modules.get("lagebild.cli")
        sys.modules["lagebild.cli"] = stub
        try:
            mod = importlib.import_module("lagebild.cli.ner_cmds")
        finally:
            if saved is None:
                sys.modules.pop("lagebild.cli", None)
            else:
                sys.modules["lagebild.cli"] = saved
    group = click.Group()
    mod.register(group)
    return group


GOLD = ("#\tinvented sample\n"
        "1\tGestern\tO\tO\n2\tsprach\tO\tO\n3\tJonas\tB-PER\tO\n4\tBrandauer\tI-PER\tO\n"
        "5\tin\tO\tO\n6\tLeipzig\tB-LOC\tO\n7\t.\tO\tO\n\n"
        "#\tinvented sample\n"
        "1\tDie\tO\tO\n2\tspanische\tB-LOCderiv\tO\n3\tPresse\tO\tO\n4\tberichtete\tO\tO\n"
        "5\t.\tO\tO\n")


def test_eval_ner_cli(tmp_path: Path, tagger: Tagger) -> None:
    gold = tmp_path / "gold.tsv"
    gold.write_text(GOLD, "utf-8")
    out = tmp_path / "pred.tsv"
    res = CliRunner().invoke(_ner_group(), ["eval-ner", str(gold), "--predictions", str(out)])
    assert res.exit_code == 0, res.output
    assert "precision" in res.output and "F1" in res.output
    blocks = out.read_text("utf-8").strip("\n").split("\n\n")
    assert len(blocks) == 2
    rows = [line.split("\t") for line in blocks[0].splitlines()]
    assert [r[0] for r in rows][:3] == ["Gestern", "sprach", "Jonas"]
    assert all(len(r) == 3 and r[2] in TAGS for r in rows)
    assert rows[2][1] == "B-PER"


def test_eval_ner_cli_malformed(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("1\tHaus\tO\tO\n2\tGarten\tX-LOC\tO\n", "utf-8")
    res = CliRunner().invoke(_ner_group(),
                             ["eval-ner", str(bad), "--predictions", str(tmp_path / "o")])
    assert res.exit_code != 0
    assert "bad.tsv:2:" in str(res.exception)


def _train_tiny(tmp_path: Path) -> Path:
    gold = tmp_path / "gold.tsv"
    gold.write_text(GOLD, "utf-8")
    out = tmp_path / "tiny.model"
    res = CliRunner().invoke(_ner_group(), ["train-ner", "--train", str(gold), "--out",
                                            str(out), "--max-iter", "5"])
    assert res.exit_code == 0, res.output
    return out


def test_train_ner_cli_tiny(tmp_path: Path) -> None:
    t = Tagger(_train_tiny(tmp_path))
    assert len(t.tag(["Heute", "regnet", "es", "."])) == 4


def test_train_records_feature_version_and_tagger_checks_it(tmp_path: Path) -> None:
    import json

    from lagebild.kb.ner_features import FEATURE_VERSION
    from lagebild.kb.ner_train import meta_path

    out = _train_tiny(tmp_path)
    meta = json.loads(meta_path(out).read_text("utf-8"))
    assert meta["feature_version"] == FEATURE_VERSION and meta["sources"] == ["gold.tsv"]
    assert Tagger(out).feature_version == FEATURE_VERSION
    meta["feature_version"] = "de-crf-0"
    meta_path(out).write_text(json.dumps(meta), "utf-8")
    with pytest.raises(ValueError, match="trained with features 'de-crf-0'.*retrain"):
        Tagger(out)


def test_shipped_weights_match_the_feature_code(tagger: Tagger) -> None:
    from lagebild.kb.ner_features import FEATURE_VERSION

    assert tagger.feature_version == FEATURE_VERSION
