"""Typed rule options: a rule's `Options` (a NamedTuple whose fields are annotated with an `Option`), read from its
config table, checked, and documented."""

from __future__ import annotations

import types
from collections.abc import Mapping
from typing import Annotated, Any, Literal, NamedTuple, Union, get_args, get_origin, get_type_hints


class Option:
    """What a field of a rule's Options carries besides its type and default (`Annotated[int, Option(...)] = 2`): a
    one-line description, and the range a number must be in."""

    __slots__ = ("doc", "high", "low")

    def __init__(self, doc: str, *, low: float | None = None, high: float | None = None) -> None:
        self.doc = doc
        self.low = low
        self.high = high


class OptionField(NamedTuple):
    """One option of a rule: its kebab-case config key, field name, default, type and Option."""

    key: str
    name: str
    default: Any
    kind: Any
    option: Option


def option_fields(options: type) -> list[OptionField]:
    """Every option of an Options class, in declaration order (its annotations are read only here, when a config
    table or the docs need them)."""
    hints = get_type_hints(options, include_extras=True)
    found = []
    for name in options._fields:  # type: ignore[attr-defined]
        hint = hints[name]
        if get_origin(hint) is not Annotated:
            raise TypeError(f"{options.__qualname__}.{name}: an option is annotated with Annotated[type, Option(...)]")
        default = options._field_defaults[name]  # type: ignore[attr-defined]
        found.append(OptionField(name.replace("_", "-"), name, default, hint.__origin__, hint.__metadata__[0]))
    return found


def defaults(options: type | None) -> dict[str, Any]:
    """Each option's default as it is written in TOML (tuples as lists)."""
    if options is None:
        return {}
    return {f.key: _toml_value(f.default) for f in option_fields(options)}


def options_doc(options: type | None) -> str:
    """The `Options:` section of a rule's docs: each option as a TOML line with its default, after its description."""
    if options is None:
        return ""
    lines = ["Options:", ""]
    for f in option_fields(options):
        value = _toml_value(f.default)
        written = _toml(value)
        if len(written) > 80 and isinstance(value, list):
            written = "[\n" + "".join(f"        {_toml(item)},\n" for item in value) + "    ]"
        lines += [f"    # {f.option.doc}", f"    {f.key} = {written}"]
    return "\n".join(lines)


def read_options(options: type, table: Mapping[str, Any]) -> Any:
    """An Options instance from a config table of known keys; ValueError names the first bad value."""
    known = {f.key: f for f in option_fields(options)}
    values = {}
    for key, value in table.items():
        f = known[key]
        values[f.name] = _convert(key, value, f.kind, f.option)
    return options(**values)


def _convert(key: str, value: Any, kind: Any, option: Option) -> Any:
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
    low, high = option.low, option.high
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
