"""Placeholder: commands of this module are added by the stage that owns it."""
from __future__ import annotations

import click


def register(group: click.Group) -> None:
    """Add this module's commands to ``group``."""
