"""Configuration: `[tool.awesome-lint]` in pyproject.toml or `.awesome-lint.toml`, validated, with defaults."""

from __future__ import annotations

import fnmatch
import math
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from awesome_lint.errors import UserError
from awesome_lint.findings import SEVERITIES

CONFIG_NAMES = (".awesome-lint.toml", "awesome-lint.toml", "pyproject.toml")  # first found in a folder wins
LINK_TYPES: dict[str, type | tuple[type, ...]] = {
    "cache": str,
    "accept": int,
    "exclude": str,
    "dead-after": int,
    "timeout": (int, float),
    "arxiv-api": str,
    "arxiv-delay": (int, float),
    "workers": int,
    "per-host": int,
}
SYNC_TYPES: dict[str, type | tuple[type, ...]] = {
    "folder": str,
    "github-api": str,
    "github-raw": str,
    "timeout": (int, float),
    "allow-private": bool,
}
KNOWN_KEYS = {
    "select", "ignore", "per-file-ignores", "exclude", "fail-on", "rules", "dedup", "output-format", "links",
    "merge", "sync", "cache",
}  # fmt: skip
LINK_KEYS = set(LINK_TYPES)
MERGE_KEYS = {"sources"}
LINK_RANGES: dict[str, tuple[float, float]] = {
    "accept": (100, 599),
    "dead-after": (1, 3650),
    "timeout": (0.1, 3600),
    "arxiv-delay": (0, 3600),
    "workers": (1, 512),
    "per-host": (1, 512),
}
MAX_CONFIG_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Config:
    """Settings for a run; CLI flags override what the file says."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    fail_on: str = "warning"
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    dedup: dict[str, float] = field(default_factory=dict)
    links: dict[str, Any] = field(default_factory=dict)
    sources: tuple[Any, ...] = ()  # sources.SourceEntry, from [[merge.sources]]
    sync: dict[str, Any] = field(default_factory=dict)
    output_format: str = "text"
    cache: bool | str = True
    """The lint cache: True for the user cache folder, a folder (relative to `root`), or False for none."""
    root: Path = field(default_factory=Path.cwd)
    source: str | None = None

    def with_overrides(self, **changes: Any) -> Config:
        """A copy with the given (non-None) settings replaced."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def relative(self, path: str) -> str:
        """`path` relative to the config's folder, with `/` separators, for glob matching."""
        try:
            rel = Path(os.path.abspath(path)).relative_to(self.root.resolve())
        except ValueError:
            rel = Path(path)
        return rel.as_posix()

    def is_excluded(self, path: str) -> bool:
        """Whether a path matches one of the `exclude` globs."""
        rel = self.relative(path)
        return any(
            fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(Path(rel).name, pattern) for pattern in self.exclude
        )

    def files(self, paths: Sequence[str]) -> list[str]:
        """The Markdown files of the given files and folders that `exclude` does not exclude."""
        from awesome_lint.source import expand_paths

        return [path for path in expand_paths(list(paths)) if not self.is_excluded(path)]

    def ignored_for(self, path: str) -> tuple[str, ...]:
        """Rule selectors ignored for one file by `per-file-ignores`."""
        rel = self.relative(path)
        out: list[str] = []
        for pattern, selectors in self.per_file_ignores.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(Path(rel).name, pattern):
                out.extend(selectors)
        return tuple(out)

    def rule_options(self) -> dict[str, Any]:
        """Typed options of the rules configured under `rules`, validated against the rule registry."""
        from awesome_lint.rules import configure

        return configure(self.rules)

    def dedup_config(self) -> Any:
        """The matcher's thresholds, defaults overridden by `[tool.awesome-lint.dedup]`."""
        from awesome_lint.dedup import DedupConfig

        overrides: dict[str, Any] = {key.replace("-", "_"): value for key, value in self.dedup.items()}
        return DedupConfig(**overrides)


def parse_toml(text: str, source: str) -> dict[str, Any]:
    """TOML text as a dict (tomllib, or tomli on Python 3.10); bad TOML is a UserError naming `source`."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{source}: invalid TOML: {exc}") from None
    except RecursionError:
        raise UserError(f"{source}: invalid TOML: nested too deeply") from None


def _load_toml(path: Path) -> dict[str, Any]:
    from awesome_lint.source import read_bytes

    data = read_bytes(path, MAX_CONFIG_BYTES)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: cannot read config (not valid UTF-8 at byte {exc.start})") from None
    return parse_toml(text, str(path))


def _tool_table(data: dict[str, Any], path: Path) -> dict[str, Any] | None:
    """`[tool.awesome-lint]` of a pyproject.toml, None when there is none; a non-table is a UserError."""
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise UserError(f"{path}: 'tool' must be a table, not {_shown(tool)}")
    table = tool.get("awesome-lint")
    if table is not None and not isinstance(table, dict):
        raise UserError(f"{path}: [tool.awesome-lint] must be a table, not {_shown(table)}")
    return table


def find_config(start: Path | None = None) -> Path | None:
    """The nearest `.awesome-lint.toml`, `awesome-lint.toml`, or `pyproject.toml` with a `[tool.awesome-lint]`
    table, upwards."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        try:
            for name in CONFIG_NAMES[:-1]:
                if (folder / name).is_file():
                    return folder / name
            pyproject = folder / CONFIG_NAMES[-1]
            if pyproject.is_file() and _tool_table(_load_toml(pyproject), pyproject) is not None:
                return pyproject
        except OSError as exc:
            from awesome_lint.source import os_problem

            raise os_problem(str(folder), exc, "cannot look for a config file") from None
    return None


def load_config(path: str | Path | None = None, start: Path | None = None) -> Config:
    """Load and validate the config file given, or the one found from `start`; defaults when there is none."""
    found = Path(path) if path is not None else find_config(start)
    if found is None:
        return Config(root=(start or Path.cwd()).resolve())
    data = _load_toml(found)
    table = (_tool_table(data, found) or {}) if found.name == "pyproject.toml" else data
    return parse_config(table, found)


def _shown(value: Any) -> str:
    """A value for an error message: tables and arrays by kind (they may nest deeply), others as written."""
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _out_of_range(value: Any, low: float, high: float, integer: bool) -> str | None:
    """Why a number is not acceptable (not a number, NaN, infinite, outside [low, high]), or None."""
    kind = "a whole number" if integer else "a number"
    if isinstance(value, bool) or not isinstance(value, int if integer else (int, float)):
        return f"must be {kind}, not {_shown(value)}"
    if not math.isfinite(value) or not low <= value <= high:
        upper = "" if math.isinf(high) else f" to {high:g}"
        return f"must be {kind} from {low:g}{upper}, not {_shown(value)}"
    return None


def link_setting_problem(key: str, value: Any) -> str | None:
    """Why a `[links]` value (or the matching command-line value) is not acceptable, or None."""
    kind = LINK_TYPES[key]
    if key in ("accept", "exclude"):
        if not isinstance(value, list) or not all(isinstance(v, kind) and not isinstance(v, bool) for v in value):
            return f"has the wrong type ({_shown(value)})"
        low, high = LINK_RANGES.get(key, (-math.inf, math.inf))
        return next((p for v in value if kind is int and (p := _out_of_range(v, low, high, True))), None)
    if isinstance(value, bool) or not isinstance(value, kind):
        return f"has the wrong type ({_shown(value)})"
    if key in LINK_RANGES:
        low, high = LINK_RANGES[key]
        return _out_of_range(value, low, high, kind is int)
    if isinstance(value, str) and not value.strip():
        return "must not be empty"
    return None


def _dedup_problem(key: str, value: Any, default: Any) -> str | None:
    """Why a `[dedup]` value is not acceptable: scores 0-100, ratios 0-1, counts whole numbers from 1."""
    integer = isinstance(default, int)
    if key.endswith("threshold"):
        return _out_of_range(value, 0, 100, integer)
    if key.endswith("ratio"):
        return _out_of_range(value, 0, 1, integer)
    return _out_of_range(value, 1 if integer else 0, math.inf, integer)


def parse_config(table: dict[str, Any], path: Path) -> Config:
    """Validate a config table; every problem is a UserError naming the file and key."""
    where = f"{path}: [tool.awesome-lint]" if path.name == "pyproject.toml" else str(path)
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        raise UserError(f"{where}: unknown setting '{unknown[0]}' (known: {', '.join(sorted(KNOWN_KEYS))})")

    def strings(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise UserError(f"{where}: '{key}' must be a list of strings")
        return tuple(value)

    per_file = table.get("per-file-ignores", {})
    if not isinstance(per_file, dict) or not all(
        isinstance(v, list) and all(isinstance(x, str) for x in v) for v in per_file.values()
    ):
        raise UserError(f"{where}: 'per-file-ignores' must map globs to lists of rule codes or names")
    fail_on = table.get("fail-on", "warning")
    if fail_on not in SEVERITIES:
        raise UserError(f"{where}: 'fail-on' must be one of {', '.join(SEVERITIES)}")
    rules = table.get("rules", {})
    if not isinstance(rules, dict) or not all(isinstance(v, dict) for v in rules.values()):
        raise UserError(f"{where}: 'rules' must hold one table per rule name")
    dedup = table.get("dedup", {})
    if not isinstance(dedup, dict):
        raise UserError(f"{where}: 'dedup' must be a table, not {_shown(dedup)}")
    if dedup:
        _check_dedup(dedup, where)
    links = table.get("links", {})
    if not isinstance(links, dict):
        raise UserError(f"{where}: 'links' must be a table, not {_shown(links)}")
    if set(links) - LINK_KEYS:
        bad_key = sorted(set(links) - LINK_KEYS)[0]
        raise UserError(f"{where}: unknown links setting '{bad_key}' (known: {', '.join(sorted(LINK_KEYS))})")
    for key, value in links.items():
        problem = link_setting_problem(key, value)
        if problem:
            raise UserError(f"{where}: links setting '{key}' {problem}")
    sources, sync = _sources_and_sync(table, where)
    output_format = table.get("output-format", "text")
    from awesome_lint.report import FORMATS

    if output_format not in FORMATS:
        raise UserError(f"{where}: 'output-format' must be one of {', '.join(FORMATS)}, not {_shown(output_format)}")
    cache = table.get("cache", True)
    if not isinstance(cache, (bool, str)) or cache == "":
        raise UserError(f"{where}: 'cache' must be true, false or a folder, not {_shown(cache)}")
    config = Config(
        select=strings("select") or ("ALL",),
        ignore=strings("ignore"),
        per_file_ignores={k: tuple(v) for k, v in per_file.items()},
        exclude=strings("exclude"),
        fail_on=fail_on,
        rules={k: dict(v) for k, v in rules.items()},
        dedup=dict(dedup),
        links=dict(links),
        sources=sources,
        sync=sync,
        output_format=output_format,
        cache=cache,
        root=path.parent.resolve(),
        source=str(path),
    )
    return config


def _check_dedup(dedup: dict[str, Any], where: str) -> None:
    """Every `[dedup]` setting is a known threshold with a value in range."""
    from awesome_lint.dedup import DedupConfig

    defaults = {f.name.replace("_", "-"): f.default for f in fields(DedupConfig)}
    bad = sorted(set(dedup) - set(defaults))
    if bad:
        raise UserError(f"{where}: unknown dedup setting '{bad[0]}' (known: {', '.join(sorted(defaults))})")
    for key, value in dedup.items():
        problem = _dedup_problem(key, value, defaults[key])
        if problem:
            raise UserError(f"{where}: dedup setting '{key}' {problem}")


def _sources_and_sync(table: dict[str, Any], where: str) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """The `[[merge.sources]]` entries and the `[sync]` settings, validated."""
    merge = table.get("merge", {})
    if not isinstance(merge, dict) or set(merge) - MERGE_KEYS:
        bad_key = sorted(set(merge) - MERGE_KEYS)[0] if isinstance(merge, dict) else "merge"
        raise UserError(f"{where}: unknown merge setting '{bad_key}' (known: {', '.join(sorted(MERGE_KEYS))})")
    sources: tuple[Any, ...] = ()
    if "sources" in merge:
        from awesome_lint.sources import parse_sources

        sources = parse_sources(merge["sources"], where)
    sync = table.get("sync", {})
    if not isinstance(sync, dict) or set(sync) - set(SYNC_TYPES):
        bad_key = sorted(set(sync) - set(SYNC_TYPES))[0] if isinstance(sync, dict) else "sync"
        raise UserError(f"{where}: unknown sync setting '{bad_key}' (known: {', '.join(sorted(SYNC_TYPES))})")
    for key, value in sync.items():
        kind = SYNC_TYPES[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise UserError(f"{where}: sync setting '{key}' has the wrong type ({value!r})")
    if "timeout" in sync and sync["timeout"] <= 0:
        raise UserError(f"{where}: sync setting 'timeout' must be positive")
    return sources, dict(sync)
