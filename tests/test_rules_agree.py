"""Rules agree: what one rule suggests (the edits of its fix, safe or not, and the replacement its message names)
never draws another rule's objection. A suggestion disagrees with rule Q when, once applied, Q reports a finding
the document did not have, or Q would rewrite text the suggestion wrote (Q's edits, reduced to the characters
they change, fall inside it). Checked on every suggestion of every rule on the five lists in lists/ and the real
lists in tests/data/real-lists/."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from conftest import DATA, SEED_LISTS

from awesome_lint.findings import Edit
from awesome_lint.parse import parse_bytes
from awesome_lint.rules import RULES, Context, Issue, Rule, ordered_rules, run_rules

REAL_LISTS = sorted(p for p in (DATA / "real-lists").glob("*.md") if p.name != "README.md")


@dataclass(frozen=True)
class Suggestion:
    """One rule's replacement for part of a document: the edits of a fix, or the text a message names."""

    rule: Rule
    edits: tuple[Edit, ...]
    what: str


def lint(data: bytes, name: str) -> list[tuple[Rule, Issue]]:
    """Every rule's issues on a document, with the default configuration (no opt-in rules) and no link check."""
    return list(run_rules(Context(parse_bytes(data, name)), [rule for rule in RULES.values() if not rule.opt_in]))


def suggestions_of(rule: Rule, issue: Issue) -> list[Suggestion]:
    """What an issue suggests: its fix's edits (safe or not) and the replacement its message names."""
    found = []
    if issue.fix is not None and issue.fix.edits:
        found.append(Suggestion(rule, issue.fix.edits, f"fix `{issue.fix.description}`"))
    if issue.suggestion is not None:
        found.append(Suggestion(rule, (issue.suggestion,), f"suggestion `{issue.suggestion.text}`"))
    return found


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two byte ranges share a byte, or one is an insertion strictly inside the other."""
    if a[0] == a[1]:
        return b[0] < a[0] < b[1]
    if b[0] == b[1]:
        return a[0] < b[0] < a[1]
    return a[0] < b[1] and b[0] < a[1]


def batches(suggestions: Sequence[Suggestion]) -> list[list[Suggestion]]:
    """The suggestions split into groups whose edits do not overlap, so each group applies at once."""
    groups: list[tuple[list[Suggestion], list[tuple[int, int]]]] = []
    for suggestion in sorted(suggestions, key=lambda s: min(e.start for e in s.edits)):
        ranges = [(e.start, e.end) for e in suggestion.edits]
        for group, taken in groups:
            if not any(_overlaps(r, t) or r == t for r in ranges for t in taken):
                group.append(suggestion)
                taken.extend(ranges)
                break
        else:
            groups.append(([suggestion], ranges))
    return [group for group, _taken in groups]


@dataclass(frozen=True)
class Applied:
    """A document with a group of suggestions applied: its bytes, and where each edit went (old and new ranges)."""

    data: bytes
    moves: tuple[tuple[int, int, int, int, Suggestion], ...]

    def start(self, offset: int) -> int:
        """Where an old offset that starts a span is now."""
        return self._move(offset, lambda old_start, old_end: old_start <= offset < old_end, start=True)

    def end(self, offset: int) -> int:
        """Where an old offset that ends a span is now."""
        return self._move(offset, lambda old_start, old_end: old_start < offset < old_end, start=False)

    def _move(self, offset: int, inside: Callable[[int, int], bool], start: bool) -> int:
        shift = 0
        for old_start, old_end, new_start, new_end, _s in self.moves:
            if inside(old_start, old_end):
                return new_start if start else new_end
            if offset >= old_end:
                shift = new_end - old_end
        return offset + shift


def apply(data: bytes, group: Iterable[Suggestion], newline: bytes) -> Applied:
    """Apply non-overlapping suggestions to a document's bytes (newlines in the document's own style)."""
    edits = sorted(((e, s) for s in group for e in s.edits), key=lambda pair: (pair[0].start, pair[0].end))
    out, moves, pos = bytearray(), [], 0
    for edit, suggestion in edits:
        out += data[pos : edit.start]
        text = edit.text.encode("utf-8").replace(b"\n", newline)
        moves.append((edit.start, edit.end, len(out), len(out) + len(text), suggestion))
        out += text
        pos = edit.end
    out += data[pos:]
    return Applied(bytes(out), tuple(moves))


def changed(data: bytes, edit: Edit) -> list[tuple[int, int]]:
    """The byte ranges an edit really changes: the edit reduced to the characters that differ."""
    old = data[edit.start : edit.end].decode("utf-8")
    matcher = SequenceMatcher(None, old, edit.text, autojunk=False)
    return [
        (edit.start + len(old[:a].encode("utf-8")), edit.start + len(old[:b].encode("utf-8")))
        for op, a, b, _c, _d in matcher.get_opcodes()
        if op != "equal"
    ]


def disagreements(data: bytes, name: str, extra: Sequence[Suggestion] = ()) -> tuple[list[str], int]:
    """Every disagreement between one rule's suggestions and another rule on a document, and how many suggestions
    were checked; `extra` adds suggestions of one's own (to show the check finds a bad one)."""
    newline = b"\r\n" if b"\r\n" in data else b"\n"
    before = lint(data, name)
    suggestions = [s for rule, issue in before for s in suggestions_of(rule, issue)] + list(extra)
    problems: list[str] = []
    for rule in ordered_rules():
        for group in batches([s for s in suggestions if s.rule.code == rule.code]):
            applied = apply(data, group, newline)
            after = lint(applied.data, name)
            problems += _new_findings(rule, before, after, applied)
            problems += _rewritten(rule, after, applied)
    return problems, len(suggestions)


def _new_findings(
    rule: Rule, before: list[tuple[Rule, Issue]], after: list[tuple[Rule, Issue]], applied: Applied
) -> list[str]:
    """Findings of other rules that the suggestions of `rule` brought in."""
    old = [(r.code, (applied.start(i.span.start), applied.end(i.span.end))) for r, i in before if r.code != rule.code]
    used: set[int] = set()
    problems = []
    for other, issue in after:
        if other.code == rule.code:
            continue
        span = (issue.span.start, issue.span.end)
        match = next(
            (
                k
                for k, (code, was) in enumerate(old)
                if k not in used and code == other.code and (was == span or _overlaps(was, span))
            ),
            None,
        )
        if match is None:
            near = [s.what for _a, _b, c, d, s in applied.moves if _overlaps((c, max(d, c + 1)), span)]
            problems.append(f"{rule.name} {', '.join(near) or 'suggestions'} -> new {other.name}: {issue.message}")
        else:
            used.add(match)
    return problems


def _rewritten(rule: Rule, after: list[tuple[Rule, Issue]], applied: Applied) -> list[str]:
    """Places where another rule would change text that a suggestion of `rule` wrote."""
    problems = []
    for other, issue in after:
        if other.code == rule.code:
            continue
        for theirs in suggestions_of(other, issue):
            for edit in theirs.edits:
                for change in changed(applied.data, edit):
                    for _a, _b, start, end, suggestion in applied.moves:
                        if start < end and _overlaps(change, (start, end)):
                            problems.append(
                                f"{rule.name} {suggestion.what} wrote "
                                f"{applied.data[start:end].decode('utf-8')!r}, which {other.name} would change "
                                f"({theirs.what}: {issue.message})"
                            )
    return problems


@pytest.mark.parametrize("path", SEED_LISTS + REAL_LISTS, ids=lambda p: p.name)
def test_no_suggestion_of_one_rule_draws_a_finding_of_another(path: Path) -> None:
    problems, _checked = disagreements(path.read_bytes(), path.name)
    assert problems == []


def test_the_real_lists_are_all_here() -> None:
    assert len(REAL_LISTS) == 8


def test_every_rule_that_suggests_something_on_the_lists_is_checked() -> None:
    suggesting = set()
    for path in SEED_LISTS + REAL_LISTS:
        for rule, issue in lint(path.read_bytes(), path.name):
            if suggestions_of(rule, issue):
                suggesting.add(rule.name)
    assert suggesting >= {"insecure-link", "arxiv-link-style", "arxiv-version", "malformed-arxiv-id"}


LINK = "- [ChannelNets](http://arxiv.org/pdf/1809.01330v1.pdf) arXiv:1809.01330\n"


def _link_suggestion(data: bytes, text: str) -> Suggestion:
    """A made-up arxiv-link-style suggestion replacing the first link's URL with `text`."""
    start = data.index(b"](") + 2
    return Suggestion(RULES["AL302"], (Edit(start, data.index(b")", start), text),), f"made-up `{text}`")


@pytest.mark.parametrize(
    ("text", "objector"),
    [
        ("http://arxiv.org/abs/1809.01330", "insecure-link"),  # https is insecure-link's
        ("https://arxiv.org/abs/1809.01330v1", "arxiv-version"),  # arxiv-version would drop the pin
        ("https://arxiv.org/abs/1809.01331", "arxiv-id-mismatch"),  # a new finding
    ],
)
def test_the_check_finds_a_suggestion_another_rule_objects_to(text: str, objector: str) -> None:
    data = LINK.encode()
    problems, _checked = disagreements(data, "t.md", [_link_suggestion(data, text)])
    assert problems and all(objector in p and "made-up" in p for p in problems), problems


def test_the_link_rules_agree_on_one_link() -> None:
    data = (LINK + "- [B](www.arxiv.org/abs/1608.08710)\n- [C](https://arxiv.org/pdf/1404.00736v2)\n").encode()
    issues = [(rule.name, issue) for rule, issue in lint(data, "t.md")]
    names = sorted(name for name, _issue in issues)
    on_each_line = [
        ["insecure-link", "arxiv-link-style", "arxiv-version"],
        ["arxiv-link-style", "bad-url"],
        ["arxiv-link-style", "arxiv-version", "malformed-arxiv-id"],
    ]
    assert names == sorted(name for line in on_each_line for name in line)
    suggested = {(name, i.span.line): i.suggestion.text for name, i in issues if i.suggestion is not None}
    assert suggested == {
        ("arxiv-link-style", 1): "https://arxiv.org/abs/1809.01330",
        ("arxiv-link-style", 2): "https://arxiv.org/abs/1608.08710",
        ("bad-url", 2): "https://arxiv.org/abs/1608.08710",
        ("arxiv-link-style", 3): "https://arxiv.org/abs/1404.0736",
    }
    assert disagreements(data, "t.md") == ([], 11)
