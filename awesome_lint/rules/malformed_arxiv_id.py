"""Rule AL304 `malformed-arxiv-id`."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint import arxiv_id
from awesome_lint.arxiv_id import ArxivId
from awesome_lint.findings import Edit, Fix
from awesome_lint.model import Entry, Span
from awesome_lint.rules._arxiv import arxiv_url, id_base
from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._source import masked_entry_text, source_text, url_offset


def _occurrences(text: str, needle: str) -> Iterator[int]:
    """Positions of `needle` in `text` that are not part of a longer id, number or word."""
    pos = text.find(needle)
    while pos >= 0:
        before = text[pos - 1] if pos else " "
        after = text[pos + len(needle)] if pos + len(needle) < len(text) else " "
        if not (before.isalnum() or before == ".") and not after.isdigit():
            yield pos
        pos = text.find(needle, pos + 1)


def _cited_outside_links(ctx: Context, entry: Entry, links: list[tuple[int, int]]) -> bool:
    """Whether the word `arXiv` occurs in an entry's source outside its links (at text offsets `links`), else no
    id is cited in prose."""
    start, text = source_text(ctx.document, entry.span)
    for m in arxiv_id.ARXIV_WORD.finditer(text):
        a, b = start + m.start(), start + m.end()
        if not any(x <= a and b <= y for x, y in links):
            return True
    return False


def _malformed_issue(ctx: Context, found: ArxivId, start: int | None, where: Span) -> Issue:
    """The finding for a malformed (fixable when `start` is known) or impossible id written at `start`."""
    base = id_base(found)
    if found.malformed:
        fix = None
        if start is not None:
            fix = Fix((Edit.replace(ctx.document.span(start, start + len(base)), found.id),), f"write {found.id}")
        return Issue(
            where, f"arXiv id `{base}` has one digit too many (ids before 2015 have 4); write `{found.id}`", fix
        )
    return Issue(where, f"arXiv id `{base}` cannot exist (bad month or digit count); check the paper's real id")


@rule("AL304", "malformed-arxiv-id", "error", "`1404.00736` for `1404.0736`, or an impossible id", fix="safe", cost=2)
def malformed_arxiv_id(ctx: Context) -> Iterator[Issue]:
    """An arXiv id that is malformed or cannot exist, in a link or in the citation text. Ids before 2015 have
    four digits after the dot (`1404.0736`); lists copied from some citation exports write them with a leading
    zero (`1404.00736`), which arXiv does not resolve. The fix rewrites the digits in place. Ids that cannot
    exist at all (month 13, four digits after 2014) are reported without a fix: only the paper itself can tell
    the right id.

    Bad:

        - [Exploiting Linear Structure](https://arxiv.org/pdf/1404.00736) arXiv preprint arXiv:1404.00736

    Good:

        - [Exploiting Linear Structure](https://arxiv.org/pdf/1404.0736) arXiv preprint arXiv:1404.0736
    """
    for entry in ctx.document.entries:
        for link in entry.links:
            url = arxiv_url(link)
            if url is None:
                continue
            found, pos = url.found, url.id_start
            if not found.malformed and arxiv_id.is_valid(found.id):
                continue
            url_start = url_offset(ctx.document, link)
            yield _malformed_issue(ctx, found, None if url_start is None else url_start + pos, link.span)
        if "arxiv" not in entry.text.lower():
            continue
        links = [ctx.document.offsets(link.span) for link in entry.links]
        if not _cited_outside_links(ctx, entry, links):
            continue
        start, text = masked_entry_text(ctx.document, entry, links)
        for found in arxiv_id.find_cited(text):
            if not found.malformed and arxiv_id.is_valid(found.id):
                continue
            base = id_base(found)
            for pos in _occurrences(text, base):
                where = ctx.document.span(start + pos, start + pos + len(base))
                yield _malformed_issue(ctx, found, start + pos, where)
