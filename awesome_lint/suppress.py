"""Inline suppression comments (`<!-- awesome-lint-disable[-next-line|-line] CODE -->`, `-enable`): which findings
they switch off, and which of them switch off nothing."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterator
from typing import NamedTuple

from awesome_lint.model import Document
from awesome_lint.regex import lazy_compile

_COMMENT = lazy_compile(r"<!--\s*awesome-lint-([A-Za-z][\w-]*)(.*?)-->", re.DOTALL)
_NAME = lazy_compile(r"[^\s,]+")
ACTIONS = ("disable", "enable", "disable-line", "disable-next-line")
BLANKET = -1
"""The name index that stands for a comment naming no rule (every rule)."""


class Name(NamedTuple):
    """A rule code, code prefix or name written in a comment: its text offsets and the codes it stands for."""

    text: str
    start: int
    end: int
    codes: frozenset[str]


class Directive(NamedTuple):
    """One `<!-- awesome-lint-... -->` comment: its 1-based line, text offsets, form, names and codes.

    `codes` are the rule codes of its names, or every rule's code when it names none.
    """

    line: int
    start: int
    end: int
    action: str
    names: tuple[Name, ...]
    codes: frozenset[str]

    @property
    def known(self) -> bool:
        """Whether the comment is one of the four forms (`disable`, `enable`, `disable-line`, `disable-next-line`)."""
        return self.action in ACTIONS

    def covering(self, code: str) -> int | None:
        """The index of the first name standing for `code` (BLANKET for a comment naming none); None if none does."""
        if code not in self.codes:
            return None
        if not self.names:
            return BLANKET
        return next(i for i, name in enumerate(self.names) if code in name.codes)


def parse_directives(document: Document, resolve: Callable[[str], list[str]]) -> list[Directive]:
    """Every `awesome-lint-` comment of the document: the HTML comments the parser found (none in code), each on
    one line.

    `resolve` turns a code, prefix or name into rule codes; "ALL" must give every rule's code.
    """
    out: list[Directive] = []
    if "awesome-lint-" not in document.text:
        return out
    everything = frozenset(resolve("ALL"))
    for span in document.comments:
        if span.end_line != span.line:
            continue
        start, text = document.offsets(span)[0], document.source(span)
        m = _COMMENT.fullmatch(text)
        if m is None:
            continue
        names = tuple(
            Name(n.group(0), start + n.start(), start + n.end(), frozenset(resolve(n.group(0))))
            for n in _NAME.finditer(text, m.start(2), m.end(2))
        )
        codes = frozenset().union(*(n.codes for n in names)) if names else everything
        out.append(Directive(span.line, start + m.start(), start + m.end(), m.group(1), names, codes))
    return out


class Problem(NamedTuple):
    """A comment `unused-suppression` reports: an unknown form, or names that are unknown or switch off nothing.

    `whole` is true when nothing in the comment is needed, so the whole comment can go.
    """

    directive: Directive
    unknown: tuple[Name, ...] = ()
    unused: tuple[Name, ...] = ()
    whole: bool = False


class Suppressions:
    """Answers whether a finding of a rule on a line is switched off by a comment, and counts which comment did.

    `judged` holds the codes of the rules that ran on the document and always report the same findings (not the
    link rules): only names standing for such rules alone can be found unused.
    """

    def __init__(self, directives: list[Directive], judged: Collection[str] = frozenset()) -> None:
        self.directives = directives
        self.judged = frozenset(judged)
        self.used: set[tuple[int, int]] = set()
        self.ranges = [i for i, d in enumerate(directives) if d.action in ("disable", "enable")]
        # For each code, the lines where a range comment switches it off or on, and which name did it.
        self._changes: dict[str, tuple[list[int], list[tuple[int, int] | None]]] = {}
        for i in self.ranges:
            d = directives[i]
            for code in d.codes:
                lines, states = self._changes.setdefault(code, ([], []))
                index = d.covering(code)
                lines.append(d.line)
                states.append((i, index) if d.action == "disable" and index is not None else None)
        self.single: dict[int, list[int]] = {}
        for i, d in enumerate(directives):
            if d.action == "disable-next-line":
                self.single.setdefault(d.line + 1, []).append(i)
            elif d.action == "disable-line":
                self.single.setdefault(d.line, []).append(i)

    def suppressed(self, line: int, code: str) -> bool:
        """True when `code` is disabled on `line`; the comment that disables it is counted as used.

        A range (`disable` ... `enable`) takes precedence over a comment for one line, so a line comment
        inside a range that already disables its rule is the one left unused.
        """
        state: tuple[int, int] | None = None
        changes = self._changes.get(code)
        if changes is not None:
            lines, states = changes
            at = bisect_right(lines, line) - 1
            state = states[at] if at >= 0 else None
        if state is None:
            for i in self.single.get(line, ()):
                index = self.directives[i].covering(code)
                if index is not None:
                    state = (i, index)
                    break
        if state is None:
            return False
        self.used.add(state)
        return True

    def problems(self, exempt: str) -> Iterator[Problem]:
        """Each comment with an unknown form or with names that are unknown or unused, in document order.

        A disabling comment whose codes include `exempt` (the code of the rule asking) is never reported.
        """
        needed = self._needed_enables(exempt)
        for i, d in enumerate(self.directives):
            if not d.known:
                yield Problem(d)
                continue
            keep = [needed[(i, k)] if d.action == "enable" else self._stays(i, k, exempt) for k in _indexes(d)]
            if all(keep):
                continue
            unknown = tuple(n for n in d.names if not n.codes)
            unused = tuple(n for n, kept in zip(d.names, keep, strict=False) if not kept and n.codes)
            yield Problem(d, unknown, unused, whole=not any(keep))

    def _stays(self, i: int, index: int, exempt: str) -> bool:
        """Whether a name of a disabling comment stays: it switched something off, or cannot be judged here."""
        d = self.directives[i]
        if exempt in d.codes:
            return True
        codes = _codes(d, index)
        return bool(codes) and ((i, index) in self.used or not codes <= self.judged)

    def _needed_enables(self, exempt: str) -> dict[tuple[int, int], bool]:
        """For each name of each `enable` comment: whether it ends a disable that stays (once unused ones go)."""
        disabled: dict[str, bool] = {}
        needed: dict[tuple[int, int], bool] = {}
        for i in self.ranges:
            d = self.directives[i]
            for index in _indexes(d):
                codes = _codes(d, index)
                if d.action == "disable":
                    if self._stays(i, index, exempt):
                        disabled.update(dict.fromkeys(codes, True))
                else:
                    needed[(i, index)] = any(disabled.get(code, False) for code in codes)
                    disabled.update(dict.fromkeys(codes, False))
        return needed


def _indexes(d: Directive) -> range:
    """The name indexes of a comment: one per name, or BLANKET alone for a comment naming none."""
    return range(len(d.names)) if d.names else range(BLANKET, BLANKET + 1)


def _codes(d: Directive, index: int) -> frozenset[str]:
    """The codes one name of a comment stands for (every rule's for BLANKET)."""
    return d.codes if index == BLANKET else d.names[index].codes
