"""Settings: the commented defaults file shipped with the package, a user file, env vars.

Precedence, lowest first: ``resources/defaults.toml`` < user file (``--config`` or
``LAGEBILD_CONFIG``) < environment variables ``LAGEBILD_<SECTION>__<KEY>``.
"""
from __future__ import annotations

import copy
import json
import os
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

ENV_PREFIX = "LAGEBILD_"


class ConfigError(ValueError):
    """A settings file or variable cannot be read."""


def defaults_text() -> str:
    return resources.files("lagebild").joinpath("resources/defaults.toml").read_text("utf-8")


def _merge(base: dict[str, Any], over: Mapping[str, Any], where: str) -> None:
    for key, value in over.items():
        if key not in base:
            raise ConfigError(f"{where}: unknown setting {key!r}")
        if isinstance(base[key], dict):
            if not isinstance(value, Mapping):
                raise ConfigError(f"{where}: {key!r} must be a table")
            _merge(base[key], value, f"{where}.{key}")
        else:
            base[key] = copy.deepcopy(value)


def _parse_env_value(raw: str) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return raw


def load_settings(path: str | os.PathLike[str] | None = None,
                  env: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Return the merged settings as a plain nested dict."""
    env = os.environ if env is None else env
    settings: dict[str, Any] = tomllib.loads(defaults_text())
    path = path or env.get(ENV_PREFIX + "CONFIG")
    if path:
        p = Path(path).expanduser()
        try:
            user = tomllib.loads(p.read_text("utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"settings file not found: {p}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"settings file {p} is not valid TOML: {exc}") from None
        _merge(settings, user, str(p))
    for key, raw in env.items():
        if not key.startswith(ENV_PREFIX) or "__" not in key:
            continue
        section, _, name = key[len(ENV_PREFIX):].lower().partition("__")
        _merge(settings, {section: {name: _parse_env_value(raw)}}, f"environment {key}")
    return settings


def store_path(settings: Mapping[str, Any], override: str | None = None) -> Path:
    return Path(override or settings["store"]["path"]).expanduser()


def resource_path(*parts: str) -> Path:
    """Filesystem path of a file shipped under ``lagebild/resources``."""
    return Path(str(resources.files("lagebild").joinpath("resources", *parts)))
