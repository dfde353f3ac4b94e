"""Rule AL001 `unused-suppression`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from awesome_lint.findings import Edit, Fix
from awesome_lint.model import Document
from awesome_lint.regex import lazy_compile
from awesome_lint.rules._lists import indent_width
from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import brief

if TYPE_CHECKING:
    from awesome_lint.suppress import Directive, Problem

_LIST_ITEM = lazy_compile(r"[ \t>]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_ONE_LINE_BLOCK = lazy_compile(r"(?:#{1,6}(?:[ \t]|$)|<!--.*-->[ \t]*$)")
"""An unindented line that is a block of its own (an ATX heading, an HTML comment): it continues nothing, and
nothing continues it."""
CODE = "AL001"
FORMS = "awesome-lint-disable, -enable, -disable-line or -disable-next-line"


@rule(
    CODE,
    "unused-suppression",
    "warning",
    "a suppression comment naming an unknown rule, or switching off nothing",
    fix="safe",
    reads_suppressions=True,
)
def unused_suppression(ctx: Context) -> Iterator[Issue]:
    """A `<!-- awesome-lint-disable... -->` comment that names a rule that does not exist, or switches off no
    finding, like ruff's RUF100. A misspelt name silences nothing, so the finding it was written for shows up
    anyway, and a comment left behind after the entry was fixed hides the next real problem on its line. An
    `enable` that ends no disable is reported too, and so is an `awesome-lint-` comment of an unknown form
    (`awesome-lint-disable-nextline`), which does nothing.

    A name is called unused only when this run could have seen it used: every rule it names ran on the file,
    and none of them is a link rule (the `--links` rules find different things from run to run, as servers
    time out). So a comment for a rule that is not selected or is ignored for the file is left alone (another
    configuration may need it), and so is one disabling a link rule or every rule (naming none). Where a
    `disable` range and a comment for one line both switch a finding off, the range is the one used. A comment
    that disables `unused-suppression` itself is never reported: that keeps a comment this rule would remove.

    The fix removes the unknown and unused names, or the whole comment when nothing in it is used (its line
    too when it stands alone there), and keeps the rendering: a comment line between two lines of text leaves
    a blank line (the comment ended the paragraph above), and one between two list items goes, joining the two
    lists into the one the list rules already read. Where no edit keeps the rendering (an indented comment next
    to a blank line or between two lines of text, a comment before a more deeply indented line) the removal is
    only suggested. A comment of an unknown form is reported, not removed.

    Bad:

        <!-- awesome-lint-disable-next-line mojibake -->
        - [Deep compression](https://arxiv.org/abs/1510.00149)

    Good:

        <!-- awesome-lint-disable-next-line mojibake -->
        - [Squeezedet: Uniï¬ed, small, low power fully convolutional neural networks](https://arxiv.org/abs/1612.01051)
    """
    suppressions = ctx.suppressions
    if suppressions is None:
        return
    doc = ctx.document
    problems = list(suppressions.problems(CODE))
    if not problems:
        return
    # Lines that go as a whole: comments alone on an unindented line (an indented one is judged on its own).
    gone = {
        p.directive.line
        for p in problems
        if p.whole and _alone(doc, p.directive) and not indent_width(doc.lines[p.directive.line - 1])
    }
    around = _Around(doc, gone)
    for problem in problems:
        d = problem.directive
        span = doc.span(d.start, d.end)
        if d.known:
            yield Issue(span, _message(problem), _fix(doc, problem, around))
        else:
            yield Issue(span, f"unknown comment `awesome-lint-{d.action}`, which does nothing; write {FORMS}")


def _message(problem: Problem) -> str:
    """What is wrong with a comment's names, and what to remove."""
    d = problem.directive
    verb = "ends no disable in use" if d.action == "enable" else "suppresses nothing"
    parts = [f"unknown rule `{brief(n.text, 40)}`" for n in problem.unknown]
    parts += [f"`{n.text}` {verb}" for n in problem.unused]
    if not d.names:
        parts.append(f"it {verb}")
    removal = "remove the comment" if problem.whole else f"remove {'them' if len(parts) > 1 else 'it'} from the comment"
    return f"`awesome-lint-{d.action}` comment: {', '.join(parts)}; {removal}"


def _fix(doc: Document, problem: Problem, around: _Around) -> Fix:
    """Remove the whole comment, or rewrite its names without the unknown and unused ones."""
    d = problem.directive
    if problem.whole:
        start, end, safe = _comment_extent(doc, d, around)
        return Fix((Edit.replace(doc.span(start, end), ""),), "remove the suppression comment", safe)
    dropped = {id(n) for n in (*problem.unknown, *problem.unused)}
    first, last = d.names[0].start, d.names[-1].end
    separator = ", " if "," in doc.text[first:last] else " "
    kept = separator.join(n.text for n in d.names if id(n) not in dropped)
    return Fix((Edit.replace(doc.span(first, last), kept),), "remove the unused names from the comment")


def _alone(doc: Document, d: Directive) -> bool:
    """Whether a comment is all there is on its line."""
    line_start = doc.line_start(d.line)
    text = doc.lines[d.line - 1]
    return not text[: d.start - line_start].strip() and not text[d.end - line_start :].strip()


class _Around:
    """What stays around each line once the comments on the `gone` lines are removed with their lines: the
    nearest line before and after that stays, the next one that is not blank, and the lines of list items."""

    def __init__(self, doc: Document, gone: set[int]) -> None:
        lines = doc.lines
        self.gone = gone
        self.last = len(lines) - (lines[-1] == "")
        self.before = [0] * (len(lines) + 2)
        self.after = [0] * (len(lines) + 2)
        self.following = [0] * (len(lines) + 2)
        kept = 0
        for n in range(1, len(lines) + 1):
            self.before[n] = kept
            kept = kept if n in gone else n
        kept = text = 0
        for n in range(len(lines), 0, -1):
            self.after[n], self.following[n] = kept, text
            if n <= self.last and n not in gone:
                kept = n
                text = n if lines[n - 1].strip() else text
        self.items: set[int] = set()
        for entry in doc.entries:
            if _LIST_ITEM.match(lines[entry.span.line - 1]):
                self.items.update(range(entry.span.line, entry.span.end_line + 1))


def _comment_extent(doc: Document, d: Directive, around: _Around) -> tuple[int, int, bool]:
    """The text offsets a comment's removal takes, and whether removing them keeps the rendering (else the fix
    is only suggested)."""
    lines = doc.lines
    line_start = doc.line_start(d.line)
    text = lines[d.line - 1]
    if not _alone(doc, d):
        before_text, after_text = text[: d.start - line_start], text[d.end - line_start :]
        if before_text.strip() and not after_text.strip():
            return line_start + len(before_text.rstrip()), line_start + len(text), True
        return d.start, d.end + len(after_text) - len(after_text.lstrip()), True
    # A comment line ends the blocks around it (a paragraph, a list, a table). Alone on its line, it goes with
    # the line; across a run of such lines, a blank line left doubled, leading or trailing goes too.
    gone = around.gone
    before, after, following = around.before[d.line] or None, around.after[d.line] or None, around.following[d.line]
    indent = indent_width(text)
    # A line indented deeper than the comment would join the block above it, whatever the fix leaves.
    safe = not following or indent_width(lines[following - 1]) <= indent
    blank_before = before is None or not lines[before - 1].strip()
    if indent and (blank_before or after is None or not lines[after - 1].strip()):
        safe = False  # an indented comment next to a blank line may be what makes a list item loose
    if d.line == len(lines):  # the last line, with no newline after it
        return (line_start if d.line - 1 in gone or d.line == 1 else line_start - 1), len(doc.text), safe
    start, end = line_start, doc.line_start(d.line + 1)
    if after is None:
        if before is not None and blank_before and d.line - 1 not in gone:
            start = doc.line_start(d.line - 1)
    elif before is not None and not blank_before and lines[after - 1].strip() and after == d.line + 1:
        ends = any(_ONE_LINE_BLOCK.match(lines[n - 1]) for n in (before, after))
        joins_items = before in around.items and _LIST_ITEM.match(lines[after - 1]) is not None
        # Between two lines of text the line stays, blank, to keep them apart (an indented comment sits in a list
        # item, which the blank line would loosen); next to a heading or another comment, or between two list
        # items (joining the two lists into the one the list rules read), it goes.
        if not ends and not joins_items:
            end -= 1
            safe = safe and not indent
    elif blank_before and after == d.line + 1 and not lines[after - 1].strip():
        end = doc.line_start(after + 1) if after < len(lines) else len(doc.text)
    return start, end, safe
