"""Source lists: items grouped into the lists they render as, and what separates two lists."""

from __future__ import annotations

from awesome_lint.model import Entry, Span
from awesome_lint.rules._registry import Context
from awesome_lint.rules._shared import QUOTE_PREFIX


def indent_width(line: str) -> int:
    """Columns of leading whitespace (a tab counts as four)."""
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4
        else:
            break
    return width


def blocking_indent(ctx: Context, first: Span, second: Span) -> int | None:
    """The smallest indentation of a line between two items (the lines after `first` ends and before `second`
    starts) that is neither blank nor one of HTML comments only, or None."""
    doc = ctx.document
    found: int | None = None
    for number in range(first.end_line + 1, second.line):
        line = doc.lines[number - 1]
        if not QUOTE_PREFIX.sub("", line).strip() or number in ctx.comment_lines:
            continue
        width = indent_width(line)
        found = width if found is None else min(found, width)
    return found


def list_kind(entry: Entry) -> str:
    """The list type an item belongs to: `ordered.`, `ordered)` or `bullet` (bullet characters may vary)."""
    return f"ordered{entry.marker}" if entry.number is not None else "bullet"


def list_runs(ctx: Context) -> list[list[Entry]]:
    """Items grouped into source lists: same depth and list type, with only blank lines, comments or nested
    items between them. Unlike CommonMark, a change of bullet character does not start a new list. Made once
    per document; callers must not change the lists."""
    return ctx.derived(_list_runs)


def _list_runs(ctx: Context) -> list[list[Entry]]:
    """The runs of `list_runs`, made."""
    entries = ctx.document.entries
    runs: list[list[Entry]] = []
    open_runs: dict[int, list[Entry]] = {}
    previous: Entry | None = None  # the item that ends last so far
    for entry in entries:
        if previous is not None:
            blocking = blocking_indent(ctx, previous.span, entry.span)
            if blocking is not None:
                for depth in [d for d, run in open_runs.items() if run[0].span.column - 1 >= blocking]:
                    runs.append(open_runs.pop(depth))
        for depth in [d for d in open_runs if d > entry.depth]:
            runs.append(open_runs.pop(depth))
        current = open_runs.get(entry.depth)
        if current is not None and list_kind(current[0]) == list_kind(entry):
            current.append(entry)
        else:
            if current is not None:
                runs.append(current)
            open_runs[entry.depth] = [entry]
        if previous is None or entry.span.end > previous.span.end:
            previous = entry
    runs.extend(open_runs.values())
    runs.sort(key=lambda run: run[0].span.start)
    return runs
