"""``lagebild events``: code German text from stdin into events (CONTRACT.md Event)."""
from __future__ import annotations

import click

from .common import config_option, echo_json, handle_errors, published_option, read_stdin_text, settings_from


@click.command("events")
@published_option
@config_option
@click.option("--quotes", "with_quotes", is_flag=True, default=False,
              help="Print {events: [...], quotes: [...]} instead of the list of events.")
@handle_errors
def events_cmd(published: str | None, config: str | None, with_quotes: bool) -> None:
    """Code the German article body read from stdin; print a JSON list of events.

    Each event has type (PLOVER), mode, actor and target ({text, entity_id, type, country}),
    item ({text, category}), quantity, time (resolved against --published; without it
    relative dates stay unresolved), place, attribution, certainty and confidence, with
    character offsets of its sentence into the input. The text is taken as an already clean
    body: no boilerplate removal and no language check.
    """
    from ..library import analyse_body
    from ..model import to_dict

    settings = settings_from(config)
    doc = analyse_body(read_stdin_text(), published=published, settings=settings)
    events = [to_dict(e) for e in doc.events]
    if with_quotes:
        echo_json({"events": events, "quotes": [to_dict(q) for q in doc.quotes]})
    else:
        echo_json(events)


def register(group: click.Group) -> None:
    """Add this module's commands to ``group``."""
    group.add_command(events_cmd)
