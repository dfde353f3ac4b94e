"""Regular expressions compiled on first use: importing a module compiles none of its patterns; with a pattern
store (`keep_compiled`), what compiling them produced is kept in a file, so a later run skips the compiler."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, AnyStr, cast

_FORWARDED = (
    "match",
    "fullmatch",
    "search",
    "sub",
    "subn",
    "split",
    "findall",
    "finditer",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)


class LazyPattern:
    """Stands for `re.compile(pattern, flags)` and compiles it when an attribute is first asked for; from then on
    the compiled pattern's methods sit on the instance, so a call costs what a call on the pattern costs."""

    def __init__(self, pattern: str | bytes, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # not a pattern attribute (copy and pickle ask for dunders before __init__ ran)
            raise AttributeError(name)
        pattern, flags = self._source
        compiled: re.Pattern[Any] = _store.compile(pattern, flags) if _store is not None else re.compile(pattern, flags)
        for attr in _FORWARDED:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._source[0]!r}, {self._source[1]!r})"


def lazy_compile(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:
    """`re.compile(pattern, flags)`, compiled when first used (for module-level patterns)."""
    return cast("re.Pattern[AnyStr]", LazyPattern(pattern, int(flags)))


class PatternStore:
    """The compiled form of patterns (what `re`'s compiler hands to `_sre.compile`) kept in a JSON file, read
    when a pattern is first compiled and written by `save` when new ones were compiled. Only CPython's `re`
    makes that form; anywhere else, or for a file that cannot be read or trusted, patterns are compiled."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = path
        self._known: dict[tuple[str, int], list[Any]] | None = None
        self._new: dict[tuple[str, int], list[Any]] = {}

    def compile(self, pattern: str | bytes, flags: int) -> re.Pattern[Any]:
        """`re.compile(pattern, flags)`, from the file when it holds the pattern."""
        if not isinstance(pattern, str) or _sre_compile is None:
            return re.compile(pattern, flags)
        key = (pattern, flags)
        stored = self._load().get(key)
        if stored is not None:
            try:
                return _from_form(pattern, stored)
            except (TypeError, ValueError, RuntimeError, IndexError, OverflowError):
                pass  # written by another Python: compiled afresh below
        made = _compiled_form(pattern, flags)
        if made is None:
            return re.compile(pattern, flags)
        self._new[key] = made
        return _from_form(pattern, made)

    def _load(self) -> dict[tuple[str, int], list[Any]]:
        if self._known is None:
            import json

            self._known = {}
            try:
                with open(self.path, encoding="utf-8") as handle:
                    stored = json.load(handle)
                if stored["made by"] == _MADE_BY:
                    self._known = {(row[0], row[1]): row[2:] for row in stored["patterns"] if len(row) == 7}
            except (OSError, ValueError, TypeError, IndexError, KeyError):
                pass
        return self._known

    def save(self) -> None:
        """Write the file with the patterns compiled since it was read (quietly not, if that fails)."""
        if not self._new:
            return
        import json

        from awesome_lint.errors import UserError
        from awesome_lint.source import write_atomic

        known = self._load()
        known.update(self._new)
        self._new = {}
        rows = [[pattern, flags, *form] for (pattern, flags), form in sorted(known.items())]
        stored = {"made by": _MADE_BY, "patterns": rows}
        try:
            write_atomic(self.path, json.dumps(stored, separators=(",", ":")).encode("utf-8"))
        except (OSError, UserError):
            return


def _from_form(pattern: str, form: list[Any]) -> re.Pattern[Any]:
    """The pattern `_sre.compile` makes of its compiled form (flags, code, groups, group index, index group)."""
    flags, code, groups, groupindex, indexgroup = form
    return cast("re.Pattern[Any]", _sre_compile(pattern, flags, code, groups, groupindex, tuple(indexgroup)))


def _compiled_form(pattern: str, flags: int) -> list[Any] | None:
    """What CPython's `re._compiler.compile` passes to `_sre.compile` besides the pattern, or None elsewhere."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return [flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, indexgroup]
    except (ImportError, AttributeError, TypeError):
        return None


try:
    import _sre  # type: ignore[import-not-found]

    _sre_compile: Any = _sre.compile
    _MADE_BY = f"{sys.version} {_sre.MAGIC}"
    """Which compiler made a stored form: the stored code is only good for the same `_sre`."""
except ImportError:  # not CPython
    _sre_compile = None
    _MADE_BY = ""

_store: PatternStore | None = None


@contextmanager
def keep_compiled(path: str | os.PathLike[str]) -> Iterator[PatternStore]:
    """While the block runs, patterns compile through a store in `path`; its new patterns are written at the end."""
    global _store
    previous, _store = _store, PatternStore(path)
    try:
        yield _store
    finally:
        store, _store = _store, previous
        store.save()
