"""Rule AL307 `shared-url`."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Annotated, NamedTuple
from urllib.parse import urlsplit

from awesome_lint.model import Entry, Link
from awesome_lint.rules._options import Option
from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import brief, title_read
from awesome_lint.urls import canonical_url


def _slug_words(url: str) -> str:
    """The words of a URL's path, for comparing with titles (`.../5647-binaryconnect-training.pdf`)."""
    from awesome_lint.dedup import normalize_title

    try:
        path = urlsplit(url).path
    except ValueError:
        path = url
    return normalize_title(re.sub(r"\.(?:pdf|html?)$", "", path, flags=re.IGNORECASE).replace("-", " "))


_CANDIDATES = 20
"""In a group of more distinct titles, the reference title is chosen among the ones cited most often."""


class Options(NamedTuple):
    """Options of `shared-url`."""

    min_title_similarity: Annotated[
        float, Option("token_set_ratio (0-100) below which two titles are different papers", low=0, high=100)
    ] = 60


@rule(
    "AL307",
    "shared-url",
    "warning",
    "one paper URL cited for two different papers (a copy-paste slip)",
    options=Options,
    cost=1,
    shares="titles",
)
def shared_url(ctx: Context, options: Options) -> Iterator[Issue]:
    """One paper URL cited by entries whose titles are clearly different papers. Two different papers cannot
    live at one URL: one of the entries carries a copy-paste slip and readers following it land on the wrong
    paper. URLs are compared in canonical form (arXiv ids, CVF and NeurIPS pages by id); titles are compared
    with rapidfuzz `token_set_ratio` after normalisation. The entry whose title disagrees with the majority of
    the group (or, in a tie, with the words of the URL) is reported. Entries with similar titles are
    duplicates of one paper, which `duplicate-paper` reports. Entries whose title the parser could not read (a
    venue's name, `paper`) are not compared.

    Bad:

        - [Binaryconnect: Training deep neural networks](http://papers.nips.cc/paper/5647-binaryconnect.pdf)
        - [Deepburning: automatic generation of fpga-based learning accelerators](http://papers.nips.cc/paper/5647-binaryconnect.pdf)

    Good:

        - [Binaryconnect: Training deep neural networks](http://papers.nips.cc/paper/5647-binaryconnect.pdf)
        - [Deepburning: automatic generation of fpga-based learning accelerators](https://doi.org/10.1145/2897937.2898003)
    """
    threshold = options.min_title_similarity
    groups: dict[str, list[tuple[Entry, Link]]] = defaultdict(list)
    for entry in ctx.papers:
        seen: set[str] = set()
        read: bool | None = None  # title_read(entry), asked once, when the entry has a paper URL
        for link in entry.paper_links:
            key = canonical_url(link.url) if link.url else ""
            if key and key not in seen:
                if read is None:
                    read = title_read(entry)
                if not read:
                    break
                seen.add(key)
                groups[key].append((entry, link))
    for members in groups.values():
        if len(members) < 2:
            continue
        from rapidfuzz import fuzz, process  # imported only for a URL that two entries cite

        from awesome_lint.dedup import normalize_title

        titles = [normalize_title(entry.title) for entry, _link in members]
        distinct = list(dict.fromkeys(titles))
        if len(distinct) < 2:
            continue
        copies = Counter(titles)
        # Each candidate's support: how many members have a title similar to it. The candidates are every title,
        # or in a large group the titles cited most often, so the work grows with the group, not its square.
        candidates = sorted(distinct, key=lambda t: -copies[t])[:_CANDIDATES]
        similar = {
            c: {
                t
                for t, _score, _i in process.extract(
                    c, distinct, scorer=fuzz.token_set_ratio, limit=None, score_cutoff=threshold
                )
            }
            for c in candidates
        }
        if len(similar[candidates[0]]) == len(distinct):
            continue  # every title is close to the one cited most: copies of one paper
        slug = _slug_words(members[0][1].url)
        first = {t: i for i, t in reversed(list(enumerate(titles)))}
        ref = max(
            candidates,
            key=lambda c: (sum(copies[t] for t in similar[c]), fuzz.token_set_ratio(c, slug), -first[c]),
        )
        ref_entry = members[first[ref]][0]
        for title, (_entry, link) in zip(titles, members, strict=True):
            if title not in similar[ref]:
                yield Issue(
                    link.span,
                    f"this URL is also cited for '{brief(ref_entry.title)}' (line {ref_entry.span.line}); "
                    "check the link",
                )
