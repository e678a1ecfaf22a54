"""``lagebild annotate``: the German language layer on a text from stdin (CONTRACT.md)."""
from __future__ import annotations

import click

from .common import config_option, echo_json, handle_errors, published_option, read_stdin_text, settings_from


@click.command("annotate")
@published_option
@config_option
@click.option("--on-repaired", is_flag=True, default=False,
              help="Find sentences, quantities and dates on the repaired text (returned as "
                   "'text'); by default they are found on the input as given, so every offset "
                   "refers to the input. Repair offsets always refer to the input.")
@click.option("--tokens", "with_tokens", is_flag=True, default=False,
              help="Also list the tokens (text, offsets, lemma, sentence start).")
@handle_errors
def annotate_cmd(published: str | None, config: str | None, on_repaired: bool,
                 with_tokens: bool) -> None:
    """Annotate German text read from stdin; print one JSON object.

    Keys: sentences [{start, end}], quantities [{text, value, low, high, unit, qualifier,
    start, end, counts}], dates [{text, start, end, time: {text, start, end, granularity}}],
    repairs [{start, end, before, after}]. Offsets are character offsets into the input.
    Relative dates are resolved against --published; without it they stay unresolved.
    Names the knowledge base knows are never repaired.
    """
    from ..nlp.annotate import annotate
    from ..nlp.repair import protected_names

    settings = settings_from(config)
    text = read_stdin_text()
    echo_json(annotate(text, published, protected=protected_names(settings),
                       on_repaired=on_repaired, with_tokens=with_tokens))


def register(group: click.Group) -> None:
    """Add this module's commands to ``group``."""
    group.add_command(annotate_cmd)
