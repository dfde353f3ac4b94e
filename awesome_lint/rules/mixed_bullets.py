"""Rule AL206 `mixed-bullets`."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.findings import Edit, Fix
from awesome_lint.rules._lists import list_runs
from awesome_lint.rules._registry import Context, Issue, rule


@rule(
    "AL206", "mixed-bullets", "warning", "one bullet list mixing `-`, `*`, `+`", fix="safe", cost=1, shares="list-runs"
)
def mixed_bullets(ctx: Context) -> Iterator[Issue]:
    """Reports items of one bullet list (same depth, with nothing but blank lines, comments or nested items
    between them) whose bullet character differs from the list's first item. CommonMark starts a new list
    when the bullet changes, so `-` followed by `*` renders as two lists with extra spacing between them,
    and the source looks careless. The safe fix replaces the bullet character.

    Bad:

        - [Reading List 5](https://github.com/sun254/awesome-model-compression-and-acceleration)
        * [CNN中千奇百怪的卷积方式大汇总](https://zhuanlan.zhihu.com/p/29367273)

    Good:

        - [Reading List 5](https://github.com/sun254/awesome-model-compression-and-acceleration)
        - [CNN中千奇百怪的卷积方式大汇总](https://zhuanlan.zhihu.com/p/29367273)
    """
    for run in list_runs(ctx):
        if run[0].number is not None:
            continue
        bullet = run[0].marker
        for entry in run[1:]:
            if entry.marker == bullet:
                continue
            start = ctx.document.offsets(entry.span)[0]
            span = ctx.document.span(start, start + 1)
            fix = None
            if ctx.document.source(span) == entry.marker:
                fix = Fix((Edit.replace(span, bullet),), f"replace `{entry.marker}` with `{bullet}`")
            yield Issue(
                span,
                f"bullet `{entry.marker}` in a list that starts with `{bullet}` (line {run[0].span.line}); "
                f"use `{bullet}` for every item",
                fix,
            )
