"""Options and helpers shared by the command modules (datasette-style decorators)."""
from __future__ import annotations

import functools
import json
import sys
from typing import Any, Callable, TypeVar

import click

from ..config import ConfigError, load_settings

F = TypeVar("F", bound=Callable[..., Any])


class CliError(Exception):
    """An expected failure: printed as one line, exit code 1."""


def db_option(f: F) -> F:
    return click.option(
        "--db", "db", metavar="FILE", default=None,
        help="SQLite store to use (default: [store] path in the settings, "
             "~/.local/share/lagebild/lagebild.db).",
    )(f)


def config_option(f: F) -> F:
    return click.option(
        "--config", "config", metavar="FILE", default=None, envvar="LAGEBILD_CONFIG",
        help="User settings file (TOML) merged over the shipped defaults.",
    )(f)


def published_option(f: F) -> F:
    return click.option(
        "--published", metavar="ISO", default=None,
        help="Publication date/time (ISO 8601) that relative dates are resolved against.",
    )(f)


def settings_from(config: str | None) -> dict[str, Any]:
    try:
        return load_settings(config)
    except ConfigError as exc:
        raise CliError(str(exc)) from None


def read_stdin_text() -> str:
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def echo_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2))


def handle_errors(f: F) -> F:
    """Turn library errors (ValueError/OSError family) into one clear CLI line."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except (click.ClickException, CliError, BrokenPipeError):
            raise
        except (ValueError, OSError) as exc:
            raise CliError(str(exc)) from None

    return wrapper  # type: ignore[return-value]
