"""The ``lagebild`` command: a thin click layer over :mod:`lagebild.library`.

Each command group lives in its own module with a ``register(group)`` function; this module
only assembles them and turns every expected error into one clear line (exit 1 for a
command that cannot run, 2 for bad usage), never a traceback.
"""
from __future__ import annotations

import importlib
import sys

import click

from .. import __version__
from .common import CliError

COMMAND_MODULES = (
    "lagebild.cli.store_cmds",   # ingest, export, search, show, stats, reprocess, demo
    "lagebild.cli.eval_cmds",    # eval
    "lagebild.cli.nlp_cmds",     # annotate
    "lagebild.cli.ner_cmds",     # eval-ner, train-ner
    "lagebild.cli.event_cmds",   # events
    "lagebild.cli.serve_cmds",   # serve (REST API + web UI)
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lagebild")
def cli() -> None:
    """lagebild: a sourced situation picture from German news pages.

    Ingest pages into a local store, then search, inspect, export and evaluate what the
    pipeline found: clean articles, entities, coded events, quotes, claims and stories.
    """


for _name in COMMAND_MODULES:
    importlib.import_module(_name).register(cli)


def main(argv: list[str] | None = None) -> None:
    try:
        cli.main(args=argv, prog_name="lagebild", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except CliError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
