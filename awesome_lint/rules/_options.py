"""Typed rule options: a rule's `Options` dataclass, read from its config table, checked, and documented."""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import MISSING, Field, field, fields
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints


def option(default: Any, doc: str, *, low: float | None = None, high: float | None = None) -> Any:
    """A field of a rule's Options: its default, a one-line description, and the range a number must be in."""
    return field(default=default, metadata={"doc": doc, "low": low, "high": high})


def option_fields(options: type) -> list[tuple[str, Field[Any], Any]]:
    """(config key, field, type) of every option, in declaration order; keys are kebab-case."""
    hints = get_type_hints(options)
    return [(f.name.replace("_", "-"), f, hints[f.name]) for f in fields(options)]


def defaults(options: type | None) -> dict[str, Any]:
    """Each option's default as it is written in TOML (tuples as lists)."""
    if options is None:
        return {}
    return {key: _toml_value(f.default) for key, f, _kind in option_fields(options) if f.default is not MISSING}


def options_doc(options: type | None) -> str:
    """The `Options:` section of a rule's docs: each option as a TOML line with its default, after its description."""
    if options is None:
        return ""
    lines = ["Options:", ""]
    for key, f, _kind in option_fields(options):
        value = _toml_value(f.default)
        written = _toml(value)
        if len(written) > 80 and isinstance(value, list):
            written = "[\n" + "".join(f"        {_toml(item)},\n" for item in value) + "    ]"
        lines += [f"    # {f.metadata['doc']}", f"    {key} = {written}"]
    return "\n".join(lines)


def read_options(options: type, table: Mapping[str, Any]) -> Any:
    """An Options instance from a config table of known keys; ValueError names the first bad value."""
    known = {key: (f, kind) for key, f, kind in option_fields(options)}
    values = {}
    for key, value in table.items():
        f, kind = known[key]
        values[f.name] = _convert(key, value, kind, f.metadata)
    return options(**values)


def _convert(key: str, value: Any, kind: Any, metadata: Mapping[str, Any]) -> Any:
    """A TOML value checked against an option's type (and range); strings stand for one-item lists."""
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        kind = next(arg for arg in get_args(kind) if arg is not type(None))
        origin = get_origin(kind)
    if origin is Literal:
        choices = get_args(kind)
        if isinstance(value, str) and value.lower() in choices:
            return value.lower()
        listed = ", ".join(f'"{c}"' for c in choices[:-1]) + f' or "{choices[-1]}"'
        raise ValueError(f"{key} must be {listed}, not {value!r}")
    if origin is tuple:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            raise ValueError(f"{key} must be a list of strings, not {value!r}")
        return tuple(items)
    if kind is str:
        if not isinstance(value, str):
            raise ValueError(f"{key} must be a string, not {value!r}")
        return value
    number_types = (int,) if kind is int else (int, float)
    if isinstance(value, bool) or not isinstance(value, number_types):
        what = "a whole number" if kind is int else "a number"
        raise ValueError(f"{key} must be {what}, not {value!r}")
    low, high = metadata.get("low"), metadata.get("high")
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = f"between {low:g} and {high:g}" if low is not None and high is not None else f"at least {low:g}"
        raise ValueError(f"{key} must be {bounds}, not {value!r}")
    return kind(value)


def _toml_value(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _toml(value: Any) -> str:
    """A default as TOML source: strings quoted, lists bracketed, numbers as Python writes them."""
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if isinstance(value, str):
        import json  # only the docs write TOML; a lint run never does

        return json.dumps(value, ensure_ascii=False)
    return repr(value)
