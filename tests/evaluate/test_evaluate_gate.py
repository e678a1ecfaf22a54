"""The regression gate: floors, updates, and the `lagebild eval` command around them."""
from __future__ import annotations

import importlib.util
import json
import os
import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, strategies as st

from lagebild.cli import cli
from lagebild.cli import eval_cmds
from lagebild.evaluate import Report, Row, Table, check, updated_floors
from lagebild.evaluate.events_score import matches, quantity_ok

from .test_evaluate_scoring import GOLD, perfect_records


def report_with(**scores: float | None) -> Report:
    rows = tuple(Row(k.split(".")[1], 1, None, v) for k, v in scores.items())
    return Report("g.yaml", (Table("events", rows),))


def test_floor_violation_fails_the_gate() -> None:
    rep = report_with(**{"events.recall": 0.5, "events.precision": 0.9})
    v = check(rep, {"events.recall": 0.6, "events.precision": 0.9})
    assert [x.metric for x in v] == ["events.recall"]
    assert "events.recall" in str(v[0])


def test_metric_no_longer_measured_fails() -> None:
    v = check(report_with(**{"events.recall": None}), {"events.recall": 0.1})
    assert v and "not measured" in str(v[0])


def test_update_never_lowers_without_allow_regression() -> None:
    rep = report_with(**{"events.recall": 0.4, "events.precision": 0.95})
    floors = {"events.recall": 0.5, "events.precision": 0.9}
    new, changes = updated_floors(rep, floors)
    assert new["events.recall"] == 0.5  # kept
    assert new["events.precision"] == 0.95  # raised
    assert check(rep, new)  # still failing
    new2, _ = updated_floors(rep, floors, allow_regression=True)
    assert new2["events.recall"] == 0.4 and not check(rep, new2)


def test_floors_round_down_so_a_rerun_passes() -> None:
    rep = report_with(**{"events.recall": 2 / 3})
    new, _ = updated_floors(rep, {})
    assert new["events.recall"] <= 2 / 3 and not check(rep, new)


# --------------------------------------------------------------------------- the command
@pytest.fixture()
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    gold = tmp_path / "gold.yaml"
    gold.write_text(yaml.safe_dump(GOLD, allow_unicode=True), "utf-8")
    recs = {**perfect_records(), "rejections": []}
    monkeypatch.setattr(eval_cmds, "_records", lambda db, settings: recs)
    return {"gold": str(gold), "baseline": str(tmp_path / "eval" / "baseline.json"), "recs": recs}


def invoke(env: dict[str, Any], *args: str) -> Any:
    from lagebild.cli.common import CliError

    res = CliRunner().invoke(cli, ["eval", "--gold", env["gold"], "--baseline", env["baseline"],
                                   "--no-dates", *args])
    code = 1 if isinstance(res.exception, CliError) else res.exit_code
    return code, res.output + (str(res.exception) if isinstance(res.exception, CliError) else "")


def test_cli_pins_then_fails_on_regression_then_allows_it(cli_env: dict[str, Any]) -> None:
    code, out = invoke(cli_env, "--update-baseline")
    assert code == 0, out
    floors = json.loads(Path(cli_env["baseline"]).read_text())["floors"]["gold.yaml"]
    assert floors["events.recall"] == 1.0 and "metadata.title" in floors
    cli_env["recs"]["events"].pop()  # lose an event: recall drops
    code, out = invoke(cli_env)
    assert code == 1 and "events.recall" in out
    code, out = invoke(cli_env, "--update-baseline")  # does not lower
    assert code == 1
    assert json.loads(Path(cli_env["baseline"]).read_text())["floors"]["gold.yaml"]["events.recall"] == 1.0
    code, out = invoke(cli_env, "--update-baseline", "--allow-regression")
    assert code == 0, out
    assert json.loads(Path(cli_env["baseline"]).read_text())["floors"]["gold.yaml"]["events.recall"] < 1.0


def test_cli_allow_regression_alone_is_a_usage_error(cli_env: dict[str, Any]) -> None:
    code, _ = invoke(cli_env, "--allow-regression")
    assert code == 2


def test_cli_json_output(cli_env: dict[str, Any]) -> None:
    code, out = invoke(cli_env, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["tables"]["events"][0]["metric"] == "precision"


def test_cli_missing_gold_is_one_clear_line(cli_env: dict[str, Any], tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["eval", "--gold", str(tmp_path / "nope.yaml")])
    assert "gold file not found" in str(res.exception)


# --------------------------------------------------------------------------- same rules as seeds_check
SHARED = Path(os.environ.get("LAGEBILD_SHARED", Path(__file__).resolve().parents[2] / ".." / "shared"))


def test_event_rules_equal_seeds_check() -> None:
    tool = SHARED / "tools" / "seeds_check.py"
    if not tool.is_file():
        pytest.skip(f"../shared not found: {tool}")
    spec = importlib.util.spec_from_file_location("seeds_check_ref", tool)
    ref = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(ref)  # type: ignore[union-attr]
    rnd = random.Random(7)
    types = ["AID", "COOPERATE", "CONSULT", "AGREE", "REJECT"]
    cs = ["AA", "BB", "CC", None]
    for _ in range(3000):
        g = {"type": rnd.choice(types[:4] + ["REJECT"]), "actor": rnd.choice(cs[:3])}
        if rnd.random() < 0.7:
            g["target"] = rnd.choice(cs[:3])
        if rnd.random() < 0.5:
            g["item"] = rnd.choice(["weapons", "drones"])
        g["quantity"] = {k: v for k, v in (("value", rnd.choice([10, 10.05, 11])),
                                            ("qualifier", rnd.choice(["exact", "approx"])))
                         if rnd.random() < 0.7}
        e = {"type": rnd.choice(types), "actor": {"country": rnd.choice(cs)},
             "target": rnd.choice([None, {"country": rnd.choice(cs)}]),
             "item": rnd.choice([None, {"category": rnd.choice(["weapons", "drones"])}]),
             "quantity": rnd.choice([None, {"value": rnd.choice([10, 10.2, 11]),
                                            "qualifier": rnd.choice(["exact", "approx"])}])}
        assert matches(g, e) == ref.matches(g, e), (g, e)
        assert quantity_ok(g, e) == ref.quantity_ok(g, e), (g, e)


def test_default_gold_missing_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lagebild.cli.common import CliError

    monkeypatch.delenv("LAGEBILD_SHARED", raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(eval_cmds, "REPO_ROOT", tmp_path / "repo")
    with pytest.raises(CliError, match="--gold"):
        eval_cmds.default_gold()
    gold = tmp_path / "shared" / "gold" / "seeds.yaml"
    gold.parent.mkdir(parents=True)
    gold.write_text("seeds: {}\n")
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    assert eval_cmds.default_gold() == gold.resolve()


scores_st = st.dictionaries(st.sampled_from(["a", "b", "c", "d"]),
                            st.one_of(st.none(), st.floats(0, 1)), max_size=4)


@given(scores_st, st.dictionaries(st.sampled_from(["events.a", "events.b", "events.x"]),
                                  st.floats(0, 1), max_size=3))
def test_update_property_floors_never_drop_and_the_run_then_passes_unless_regressed(
        scores: dict[str, float | None], floors: dict[str, float]) -> None:
    rep = report_with(**{f"events.{k}": v for k, v in scores.items()})
    new, _ = updated_floors(rep, floors)
    assert all(new[k] >= v for k, v in floors.items())
    measured = {k for k, v in rep.metrics().items() if v is not None}
    regressed = {v.metric for v in check(rep, floors)}
    assert {v.metric for v in check(rep, new)} == regressed
    lowered, _ = updated_floors(rep, floors, allow_regression=True)
    assert {v.metric for v in check(rep, lowered)} <= set(floors) - measured
