"""The lint cache: a file's findings kept under its bytes, the settings that decide them and the code that found
them, so linting an unchanged file again costs reading it and one small JSON file.

One entry per file and settings (`<folder>/<code fingerprint>/<slot>.json`, the slot a hash of the path and the
settings) holds the SHA-256 of the bytes it was made from, so an edited file replaces its entry instead of
adding one. The code fingerprint covers awesome-lint's own files (name, size, modification time), the parser's
and matcher's libraries, the Python version and the month (arXiv ids of a future month are impossible); when it
changes, the entries made by older code are left behind and all but the newest few of those folders removed.
Findings that depend on the network (`--links`) are never cached. Failing to read or write the cache is never an
error: the file is linted as if there were none.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from awesome_lint.clock import utc_month
from awesome_lint.config import Config
from awesome_lint.errors import UserError
from awesome_lint.findings import Edit, Finding, Fix
from awesome_lint.model import Span

FORMAT = 1
"""Changes whenever the layout of an entry changes."""
KEEP_FINGERPRINTS = 3
"""Folders of older code kept besides the current one (another installed version may still use them)."""
LIBRARIES = ("mistune", "rapidfuzz", "ftfy")
"""Libraries whose version can change findings: the Markdown parser, the title matcher, mojibake repair."""
PATTERNS = "patterns.json"
"""The compiled patterns' file in a code fingerprint's folder (entries are named by a hash, never so)."""
_ENTRY_OPENING = '{"sha256":"'
"""How every entry `put` writes begins (compact JSON, the digest first): what `get` checks before parsing."""
_FINGERPRINT_LENGTH = 16
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# awesome-lint's lint cache; see https://bford.info/cachedir/\n"


def default_folder() -> Path:
    """The lint cache folder in the user's cache directory (where the link cache is too)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("awesome-lint")) / "lint"


def _stat_key(path: str) -> list[Any]:
    try:
        st = os.stat(path)
    except OSError:
        return [path, None]
    return [path, st.st_size, st.st_mtime_ns]


@cache
def code_fingerprint() -> str:
    """A hash of everything besides the file and the settings that decides a file's findings."""
    return fingerprint_of(os.path.dirname(os.path.abspath(__file__)))


def fingerprint_of(package: str) -> str:
    """The code fingerprint with `package` as awesome-lint's folder: its files, the libraries, Python, the month."""
    from importlib.machinery import PathFinder

    from awesome_lint import __version__

    files: list[list[Any]] = []
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        relative = os.path.relpath(folder, package)
        for name in sorted(names):
            if not name.endswith(".pyc"):
                files.append([os.path.join(relative, name), *_stat_key(os.path.join(folder, name))[1:]])
    libraries = []
    for name in LIBRARIES:
        spec = PathFinder.find_spec(name)
        libraries.append(_stat_key(spec.origin) if spec is not None and spec.origin else [name, None])
    year, month = utc_month()  # arXiv ids of a month to come are malformed until it comes
    facts = [FORMAT, __version__, sys.version, sys.implementation.cache_tag, [year, month], files, libraries]
    return hashlib.sha256(json.dumps(facts).encode()).hexdigest()[:_FINGERPRINT_LENGTH]


def settings(config: Config, path: str) -> list[Any]:
    """What of the config decides a file's findings: the rules selected and ignored (for this file too), their
    options and the matcher's thresholds."""
    return [
        list(config.select),
        list(config.ignore),
        list(config.ignored_for(path)),
        config.rules,
        config.dedup,
    ]


def _finding_json(finding: Finding) -> list[Any]:
    s = finding.span
    fix = None
    if finding.fix is not None:
        fix = [finding.fix.description, finding.fix.safe, [[e.start, e.end, e.text] for e in finding.fix.edits]]
    span = [s.line, s.column, s.end_line, s.end_column, s.start, s.end]
    return [span, finding.code, finding.name, finding.severity, finding.message, fix]


def _finding(path: str, item: list[Any]) -> Finding:
    span, code, name, severity, message, fix = item
    made = None
    if fix is not None:
        description, safe, edits = fix
        made = Fix(tuple(Edit(start, end, text) for start, end, text in edits), description, safe)
    return Finding(path, Span(*span), code, name, severity, message, made)


class LintCache:
    """Findings by file bytes and settings, in one folder; the folder also keeps the compiled patterns (see
    `regex.PatternStore`), so a file that changed is parsed without compiling the parser's patterns again."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.root = Path(folder)
        self.folder = self.root / code_fingerprint()
        self.patterns = self.folder / PATTERNS
        """The compiled patterns' store (for `regex.keep_compiled`)."""

    def _entry(self, path: str, config: Config) -> Path:
        slot = json.dumps([path, os.path.abspath(path), settings(config, path)], default=repr, sort_keys=True)
        return self.folder / f"{hashlib.sha256(slot.encode()).hexdigest()[:32]}.json"

    def get(self, path: str, data: bytes, config: Config) -> list[Finding] | None:
        """The findings stored for these bytes of `path` under these settings, or None."""
        digest = hashlib.sha256(data).hexdigest()
        opening = f'{_ENTRY_OPENING}{digest}",'  # how `put` starts an entry of these bytes
        try:
            with open(self._entry(path, config), encoding="ascii") as handle:
                head = handle.read(len(opening))
                if head.startswith(_ENTRY_OPENING) and head != opening:
                    return None  # `put`'s entry of other bytes (the file was edited): not worth parsing
                entry = json.loads(head + handle.read())
            if entry["sha256"] != digest:
                return None
            return [_finding(path, item) for item in entry["findings"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, path: str, data: bytes, config: Config, findings: Sequence[Finding]) -> None:
        """Store the findings of these bytes of `path` under these settings (quietly not, if that fails)."""
        from awesome_lint.source import write_atomic

        entry = {"sha256": hashlib.sha256(data).hexdigest(), "findings": [_finding_json(f) for f in findings]}
        try:
            if not self.folder.is_dir():
                self._make_folder()
            write_atomic(self._entry(path, config), json.dumps(entry, separators=(",", ":")).encode("ascii"))
        except (OSError, UserError):
            return

    def _make_folder(self) -> None:
        """Create the folder for this code's entries, tag the cache as one, and remove older code's folders."""
        if not self.root.is_dir():
            self.root.mkdir(parents=True, exist_ok=True)
            (self.root / "CACHEDIR.TAG").write_text(_TAG, encoding="utf-8")
            (self.root / ".gitignore").write_text("# awesome-lint's lint cache\n*\n", encoding="utf-8")
        self.folder.mkdir(exist_ok=True)
        older = [
            d
            for d in self.root.iterdir()
            if d != self.folder and _is_fingerprint(d.name) and d.is_dir() and not d.is_symlink()
        ]
        older.sort(key=lambda d: d.stat().st_mtime, reverse=True)
        import shutil

        for stale in older[KEEP_FINGERPRINTS:]:
            shutil.rmtree(stale, ignore_errors=True)


def _is_fingerprint(name: str) -> bool:
    """Whether a folder name is a code fingerprint (only those folders are ever removed)."""
    return len(name) == _FINGERPRINT_LENGTH and all(c in "0123456789abcdef" for c in name)


def open_cache(setting: bool | str, root: Path) -> LintCache | None:
    """The cache a config's `cache` setting names: True for the default folder, a folder (relative to the config
    file's folder), or False for none."""
    if setting is False:
        return None
    if setting is True:
        return LintCache(default_folder())
    return LintCache(root / Path(setting).expanduser())
