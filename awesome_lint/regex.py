"""Regular expressions compiled on first use: importing a module compiles none of its patterns."""

from __future__ import annotations

import re
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
        compiled: re.Pattern[Any] = re.compile(pattern, flags)
        for attr in _FORWARDED:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._source[0]!r}, {self._source[1]!r})"


def lazy_compile(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:
    """`re.compile(pattern, flags)`, compiled when first used (for module-level patterns)."""
    return cast("re.Pattern[AnyStr]", LazyPattern(pattern, int(flags)))
