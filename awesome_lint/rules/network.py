"""Network rules (AL5xx): what the link checker found; they report nothing unless links were checked."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.model import Entry, Link, Span
from awesome_lint.rules.registry import Context, Issue, rule


def _links(ctx: Context) -> Iterator[tuple[Entry, Link]]:
    for entry in ctx.document.entries:
        for link in entry.links:
            yield entry, link


@rule("AL501", "dead-link", "error", "a link the server says is gone (404, 410, a name that does not exist)")
def dead_link(ctx: Context) -> Iterator[Issue]:
    """A link whose server answered that the page is gone: HTTP 404 or 410 (also at the end of a redirect
    chain), or a host name that does not exist while other names resolved in the same run. A timeout, a 429,
    a 5xx or a bot wall is never "dead" (see `unknown-link`). With `--dead-after N`, a link is reported here
    only after it failed on N different days (the cache keeps each URL's history), so one bad night does not
    turn every pull request red.

    Bad:

        - [Scalpel](http://www-personal.umich.edu/~jiecaoyu/papers/gone.pdf)

    Good:

        - [Scalpel](https://dl.acm.org/doi/10.1145/3079856.3080215)
    """
    net = ctx.network
    if net is None:
        return
    for _entry, link in _links(ctx):
        result = net.urls.get(link.url.strip())
        if result is None or result.outcome != "dead":
            continue
        days = net.failing_days.get(result.url, 1)
        if net.dead_after > 1 and days < net.dead_after:
            continue
        status = f"HTTP {result.status}" if result.status else result.reason
        yield Issue(link.span, f"dead link ({status}): {result.url}; update or remove it")


@rule("AL502", "unknown-link", "info", "a link that could not be checked (timeout, 429, 5xx, bot wall, offline)")
def unknown_link(ctx: Context) -> Iterator[Issue]:
    """A link the checker could not confirm either way: a timeout, a 429 or 5xx answer, a 401/403 bot wall,
    a TLS error, or a machine that looks offline. Reported for information, not failing by default
    (`--fail-on info` makes it fail). A link that died once but not yet on `--dead-after` days is reported
    here too.

    Bad:

        - [A paper](https://slow.example.org/paper.pdf)

    Good:

        - [A paper](https://arxiv.org/abs/1707.01209)
    """
    net = ctx.network
    if net is None:
        return
    for _entry, link in _links(ctx):
        result = net.urls.get(link.url.strip())
        if result is None:
            continue
        if result.outcome == "unknown":
            yield Issue(link.span, f"could not check {result.url}: {result.reason or 'no answer'}")
        elif result.outcome == "dead" and net.dead_after > 1:
            days = net.failing_days.get(result.url, 1)
            if days < net.dead_after:
                yield Issue(
                    link.span, f"{result.url} failed on {days} of the {net.dead_after} days needed to call it dead"
                )


def _arxiv_places(entry: Entry) -> Iterator[tuple[str, Span, int | None]]:
    """Each arXiv id of an entry with the span to report it on (its link, or the entry for a cited id) and
    the version the link asks for (None for no version or a cited id)."""
    from awesome_lint.arxiv_id import parse_url

    seen = set()
    for link in entry.links:
        found = parse_url(link.url)
        if found is not None and found.id not in seen:
            seen.add(found.id)
            yield found.id, link.span, found.version
    for cited in entry.cited_arxiv_ids:
        if cited not in seen:
            seen.add(cited)
            yield cited, entry.span, None


@rule("AL503", "arxiv-not-found", "error", "an arXiv id or version that arXiv does not have, or a withdrawn paper")
def arxiv_not_found(ctx: Context) -> Iterator[Issue]:
    """An arXiv id (in a link or cited in the text) that the arXiv API does not know, a link to a version the
    paper does not have (`v9` of a paper with two versions leads nowhere), or a paper withdrawn by its
    authors. Checked through the API in batches, never by fetching abs or pdf pages (which answer CI runners
    with 403). An id that cannot exist as written (`1404.00736`, month 13) is never sent to arXiv: it is
    `malformed-arxiv-id`, which `check-links` reports too.

    Bad:

        - [A paper](https://arxiv.org/abs/1707.01209v9)

    Good:

        - [A paper](https://arxiv.org/abs/1707.01209)
    """
    net = ctx.network
    if net is None:
        return
    from awesome_lint.arxiv_id import is_valid

    for entry in ctx.document.entries:
        for arxiv_id, span, version in _arxiv_places(entry):
            record = net.arxiv.get(arxiv_id)
            if record is None or not is_valid(arxiv_id):
                continue
            if record.exists is False:
                yield Issue(span, f"arXiv has no paper {arxiv_id} ({record.reason or 'not found'}); fix the id")
            elif record.withdrawn:
                yield Issue(span, f"arXiv:{arxiv_id} was withdrawn by its authors; cite another version")
            elif record.exists and version and record.version and version > record.version:
                yield Issue(
                    span,
                    f"arXiv has no version {version} of {arxiv_id} (the latest is v{record.version}), so the link"
                    f" leads nowhere; link `{arxiv_id}v{record.version}` or drop `v{version}`",
                )


def _verdicts(ctx: Context, decision: str) -> Iterator[tuple[str, Span, str, str]]:
    """(id, span, arXiv's title, evidence) of each arXiv id whose record the title check judges `decision`."""
    net = ctx.network
    if net is None:
        return
    from awesome_lint.title_match import Claim

    for entry in ctx.document.entries:
        if entry.kind != "paper" or not entry.title:
            continue
        claim = Claim.of(entry)
        for arxiv_id, span, _version in _arxiv_places(entry):
            verdict = net.verdict(claim, arxiv_id)
            if verdict is not None and verdict.decision == decision:
                yield arxiv_id, span, net.arxiv[arxiv_id].title, verdict.explain()


@rule("AL504", "arxiv-title-mismatch", "error", "an arXiv link that points at a different paper")
def arxiv_title_mismatch(ctx: Context) -> Iterator[Issue]:
    """arXiv's record for the id is a different paper from the one the entry names: the id is wrong (a typo,
    or a copy-paste from the entry above). The title check weighs each title word by how rare it is (over the
    checked lists' titles and a built-in background), so two papers of one field that share "deep neural
    networks" still differ; a dropped nickname or subtitle, a typo, mojibake or case do not make a title
    different. The authors (when the list names them) and the year (an arXiv record years after the list's
    year) settle titles that are neither clearly alike nor clearly apart; when the evidence stays mixed the link
    is reported as `arxiv-title-differs` instead.

    Bad:

        - [Learning Sparse Neural Networks through L0 Regularization](https://arxiv.org/abs/1711.01312)

    Good:

        - [Learning Sparse Neural Networks through L0 Regularization](https://arxiv.org/abs/1712.01312)
    """
    for arxiv_id, span, title, why in _verdicts(ctx, "different"):
        yield Issue(span, f'this link points at a different paper: arXiv:{arxiv_id} is "{title}" ({why})')


@rule("AL505", "arxiv-title-differs", "warning", "an arXiv link whose record's title differs: renamed or wrong id?")
def arxiv_title_differs(ctx: Context) -> Iterator[Issue]:
    """arXiv's record for the id is neither clearly the paper the entry names nor clearly another one: the
    titles share telling words but differ elsewhere, and the authors and year do not settle it. Either the paper
    was renamed between versions (then update the title to arXiv's) or the id points at a related paper (then
    fix the id). Reported as a warning, not an error: only a reader can tell.

    Bad:

        - [ResBinNet: Residual Binary Neural Network](https://arxiv.org/abs/1711.01243)

    Good:

        - [ReBNet: Residual Binarized Neural Network](https://arxiv.org/abs/1711.01243)
    """
    for arxiv_id, span, title, why in _verdicts(ctx, "mixed"):
        yield Issue(span, f'title differs from arXiv\'s: renamed or wrong id? arXiv:{arxiv_id} is "{title}" ({why})')
