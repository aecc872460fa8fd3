"""Settings from the environment: each field of a settings dataclass from SPP_SERVER_<FIELD>, checked.

A bad value is a SettingsError whose message names the variable, what it must be and what it got, in
one sentence a person can act on (never a traceback): all the bad values at once, so a deployment is
fixed in one go. A value given on the command line (an override that is not None) wins.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from typing import Any, TypeVar

PREFIX = "SPP_SERVER_"
TRUE, FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}

T = TypeVar("T")


class SettingsError(Exception):
    """One or more settings have values the server cannot use."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems

    @property
    def message(self) -> str:
        return "; ".join(self.problems) + "."


def variable(field: dataclasses.Field[Any]) -> str:
    """The environment variable of a field: metadata env=..., else SPP_SERVER_<NAME>."""
    return field.metadata.get("env") or PREFIX + field.name.upper()


def _parse(field: dataclasses.Field[Any], raw: str) -> tuple[Any, str | None]:
    kind = str(field.type).replace(" ", "")
    name = variable(field)
    if kind in ("int", "int|None"):
        low = field.metadata.get("min", 1)
        text = raw.strip().replace("_", "")
        if not text.isdigit() or int(text) < low:
            what = "a whole number" + (f" of at least {low}" if low else " (0 or more)")
            return None, f"{name} must be {what} (it is {raw!r})"
        return int(text), None
    if kind == "bool":
        lowered = raw.strip().lower()
        if lowered not in TRUE | FALSE:
            return None, f"{name} must be 1 or 0 (also true/false, yes/no, on/off; it is {raw!r})"
        return lowered in TRUE, None
    choices = field.metadata.get("choices")
    value = raw.strip()
    if choices and value not in choices:
        return None, f"{name} must be one of {', '.join(choices)} (it is {raw!r})"
    return value, None


def from_environment(cls: type[T], environ: Mapping[str, str] | None = None, **overrides: object) -> T:
    """Build `cls` (a dataclass) from its defaults, then the environment, then the non-None overrides."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    problems: list[str] = []
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        if not field.init or field.metadata.get("env") is False:
            continue
        raw = environ.get(variable(field))
        if raw is None or raw == "":
            continue
        value, problem = _parse(field, raw)
        if problem:
            problems.append(problem)
        else:
            values[field.name] = value
    if problems:
        raise SettingsError(problems)
    values.update({k: v for k, v in overrides.items() if v is not None})
    return cls(**values)


def documented(cls: type[Any]) -> list[tuple[str, str, Any]]:
    """(variable, field name, default) of every setting, for docs and tests."""
    return [(variable(f), f.name, f.default) for f in dataclasses.fields(cls)
            if f.init and f.metadata.get("env") is not False]
