"""`lagebild events` reads German text on stdin and prints a JSON list of events."""
from __future__ import annotations

import json

from click.testing import CliRunner

from lagebild.cli import cli


def test_events_command_prints_contract_events():
    text = "Deutschland hat der Ukraine im März 2024 nach Angaben Berlins 40 Haubitzen geliefert."
    res = CliRunner().invoke(cli, ["events", "--published", "2024-05-01"], input=text)
    assert res.exit_code == 0, res.output
    evs = json.loads(res.output)
    assert isinstance(evs, list) and evs
    e = evs[0]
    assert (e["type"], e["actor"]["country"], e["target"]["country"], e["item"]["category"]) == (
        "AID", "DE", "UA", "weapons")
    assert e["quantity"]["value"] == 40 and e["time"]["start"] == "2024-03-01"
    assert e["certainty"] == "reported"


def test_events_command_on_unrelated_text():
    res = CliRunner().invoke(cli, ["events"], input="Der FC Bayern gewann das Spiel mit 3:1.")
    assert res.exit_code == 0 and json.loads(res.output) == []
