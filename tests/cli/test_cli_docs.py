"""Fails when a command, option or setting is undocumented (datasette-style)."""
from __future__ import annotations

import re
from pathlib import Path

import click

from lagebild.cli import cli
from lagebild.config import defaults_text

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme() -> None:
    missing = [name for name in cli.commands if f"`lagebild {name}" not in README]
    assert not missing, f"commands missing from README's command table: {missing}"


def test_every_command_and_option_has_help() -> None:
    for name, cmd in cli.commands.items():
        assert cmd.help, f"command {name} has no help text"
        for p in cmd.params:
            if isinstance(p, click.Option) and p.name not in ("help",):
                assert p.help, f"option {p.opts} of {name} has no help text"


def test_every_setting_is_commented_and_every_section_in_readme() -> None:
    lines = defaults_text().splitlines()
    for i, line in enumerate(lines):
        if re.match(r"^[a-z_]+\s*=", line):
            prev = lines[i - 1].strip()
            assert prev.startswith("#"), f"setting {line.split('=')[0].strip()!r} has no comment above it"
        if m := re.match(r"^\[([a-z_]+)\]", line):
            assert f"`{m.group(1)}`" in README, f"settings section [{m.group(1)}] not named in README"


def test_readme_opens_with_the_two_commands_ci_runs() -> None:
    block = README.split("```")[1].strip().splitlines()
    assert len(block) == 2 and "lagebild demo" in block[0] and "pytest" in block[1]
    assert "pytest" in (ROOT / ".ci" / "run").read_text()
