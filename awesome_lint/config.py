"""Configuration: `[tool.awesome-lint]` in pyproject.toml or `.awesome-lint.toml`, validated, with defaults."""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from awesome_lint.errors import UserError
from awesome_lint.findings import SEVERITIES
from awesome_lint.report import FORMATS

CONFIG_NAMES = (".awesome-lint.toml", "pyproject.toml")
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
    "title-threshold": (int, float),
}
KNOWN_KEYS = {"select", "ignore", "per-file-ignores", "exclude", "fail-on", "rules", "dedup", "output-format", "links"}
LINK_KEYS = set(LINK_TYPES)


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
    output_format: str = "text"
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
        """Typed options of the rules configured under `rules`, validated against the rule registry.

        `title-threshold` under `links` is the default of `arxiv-title-mismatch`'s option of that name.
        """
        from awesome_lint.rules import configure

        tables = {name: dict(table) for name, table in self.rules.items()}
        if "title-threshold" in self.links:
            tables.setdefault("arxiv-title-mismatch", {}).setdefault("title-threshold", self.links["title-threshold"])
        return configure(tables)

    def dedup_config(self) -> Any:
        """The matcher's thresholds, defaults overridden by `[tool.awesome-lint.dedup]`."""
        from awesome_lint.dedup import DedupConfig

        return DedupConfig(**{key.replace("-", "_"): value for key, value in self.dedup.items()})


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


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: cannot read config ({getattr(exc, 'strerror', None) or exc})") from None
    return parse_toml(text, str(path))


def find_config(start: Path | None = None) -> Path | None:
    """The nearest `.awesome-lint.toml`, or `pyproject.toml` with a `[tool.awesome-lint]` table, upwards."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        dotfile = folder / CONFIG_NAMES[0]
        if dotfile.is_file():
            return dotfile
        pyproject = folder / CONFIG_NAMES[1]
        if pyproject.is_file() and "awesome-lint" in _load_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def load_config(path: str | Path | None = None, start: Path | None = None) -> Config:
    """Load and validate the config file given, or the one found from `start`; defaults when there is none."""
    found = Path(path) if path is not None else find_config(start)
    if found is None:
        return Config(root=(start or Path.cwd()).resolve())
    if not found.is_file():
        raise UserError(f"{found}: config file not found")
    data = _load_toml(found)
    table = data.get("tool", {}).get("awesome-lint", {}) if found.name == "pyproject.toml" else data
    return parse_config(table, found)


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
    from awesome_lint.dedup import DedupConfig

    allowed = {f.name.replace("_", "-") for f in fields(DedupConfig)}
    bad = sorted(set(dedup) - allowed)
    if bad:
        raise UserError(f"{where}: unknown dedup setting '{bad[0]}' (known: {', '.join(sorted(allowed))})")
    for key, value in dedup.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise UserError(f"{where}: dedup setting '{key}' must be a number, not {value!r}")
    links = table.get("links", {})
    if not isinstance(links, dict) or set(links) - LINK_KEYS:
        bad_key = sorted(set(links) - LINK_KEYS)[0] if isinstance(links, dict) else "links"
        raise UserError(f"{where}: unknown links setting '{bad_key}' (known: {', '.join(sorted(LINK_KEYS))})")
    for key, value in links.items():
        kind = LINK_TYPES[key]
        if key in ("accept", "exclude"):
            ok = isinstance(value, list) and all(isinstance(v, kind) and not isinstance(v, bool) for v in value)
        else:
            ok = isinstance(value, kind) and not isinstance(value, bool)
        if not ok:
            raise UserError(f"{where}: links setting '{key}' has the wrong type ({value!r})")
    output_format = table.get("output-format", "text")
    if output_format not in FORMATS:
        raise UserError(f"{where}: 'output-format' must be one of {', '.join(FORMATS)}, not {output_format!r}")
    config = Config(
        select=strings("select") or ("ALL",),
        ignore=strings("ignore"),
        per_file_ignores={k: tuple(v) for k, v in per_file.items()},
        exclude=strings("exclude"),
        fail_on=fail_on,
        rules={k: dict(v) for k, v in rules.items()},
        dedup=dict(dedup),
        links=dict(links),
        output_format=output_format,
        root=path.parent.resolve(),
        source=str(path),
    )
    return config
