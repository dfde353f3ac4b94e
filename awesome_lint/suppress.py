"""Inline suppression comments: `<!-- awesome-lint-disable[-next-line|-line] CODE -->` and `-enable`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_COMMENT = re.compile(r"<!--\s*awesome-lint-(disable-next-line|disable-line|disable|enable)\b(.*?)-->")
ALL = "ALL"


@dataclass(frozen=True, slots=True)
class Directive:
    """One comment: its 1-based line, its action and the rule codes it names (ALL when it names none)."""

    line: int
    action: str
    codes: frozenset[str]


def parse_directives(text: str, resolve: Callable[[str], list[str]]) -> list[Directive]:
    """Every suppression comment in the text; `resolve` turns a code or name into rule codes."""
    out: list[Directive] = []
    if "awesome-lint-" not in text:
        return out
    for number, line in enumerate(text.split("\n"), start=1):
        for m in _COMMENT.finditer(line):
            names = [n for n in re.split(r"[\s,]+", m.group(2).strip()) if n]
            codes = frozenset(code for name in names for code in resolve(name)) if names else frozenset({ALL})
            out.append(Directive(number, m.group(1), codes))
    return out


class Suppressions:
    """Answers whether a finding of a rule on a line is switched off by a comment."""

    def __init__(self, directives: list[Directive]) -> None:
        self.ranges = [d for d in directives if d.action in ("disable", "enable")]
        self.single: dict[int, set[str]] = {}
        for d in directives:
            if d.action == "disable-next-line":
                self.single.setdefault(d.line + 1, set()).update(d.codes)
            elif d.action == "disable-line":
                self.single.setdefault(d.line, set()).update(d.codes)

    def suppressed(self, line: int, code: str) -> bool:
        """True when `code` is disabled on `line`."""
        codes = self.single.get(line)
        if codes and (ALL in codes or code in codes):
            return True
        disabled = False
        for d in self.ranges:
            if d.line > line:
                break
            if ALL in d.codes or code in d.codes:
                disabled = d.action == "disable"
        return disabled
