"""Link rules (AL3xx): insecure and malformed URLs, arXiv link style, versions and ids, repeated URLs."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from urllib.parse import urlsplit

from awesome_lint import arxiv_id
from awesome_lint.arxiv_id import ArxivId
from awesome_lint.errors import UserError
from awesome_lint.findings import Edit, Fix
from awesome_lint.model import Entry, Link, Span
from awesome_lint.rules.registry import Context, Issue, rule
from awesome_lint.urls import DEFAULT_HTTPS_HOSTS, canonical_url, serves_https

_ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "ftp"})
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
_SPACE = re.compile(r"\s")
# How a link target that was meant as a URL starts: a scheme, `www.`, a path, or an anchor.
_URLISH = re.compile(r"[ \t]*<?(?:[A-Za-z][A-Za-z0-9+.\-]*:|www\.|\.{0,2}/|#)")


# --- helpers shared with awesome_lint.rules.text -------------------------------------------------


def source_range(ctx: Context, span: Span) -> tuple[int, int]:
    """The [start, end) offsets of a span in the LF-normalised document text."""
    return ctx.text_offset(span), ctx.index.offset(span.end_line - 1, span.end_column - 1)


def source_text(ctx: Context, span: Span) -> tuple[int, str]:
    """The text offset where a span starts, and its LF-normalised source text."""
    start, end = source_range(ctx, span)
    return start, ctx.document.text[start:end]


def edit(ctx: Context, start: int, end: int, text: str) -> Edit:
    """An edit replacing text offsets [start, end) of the document text, as file byte offsets."""
    span = ctx.span(start, end)
    return Edit(span.start, span.end, text)


def label_end(raw: str) -> int:
    """Index of the `]` that closes the label of a link written as `[label]...`; -1 if there is none."""
    if not raw.startswith("["):
        return -1
    depth = 0
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def url_offset(ctx: Context, link: Link) -> int | None:
    """Text offset of the first character of a link's URL in the source; None when it is not written there."""
    if not link.url:
        return None
    start, raw = source_text(ctx, link.span)
    found = raw.find(link.url, max(label_end(raw), 0))
    return None if found < 0 else start + found


def mask_code_spans(text: str) -> str:
    """The text with the contents of inline code spans (backticks included) blanked out."""
    return _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def brief(text: str, limit: int = 60) -> str:
    """Text shortened to `limit` characters for a one-line message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- arXiv link anatomy --------------------------------------------------------------------------


def _arxiv_parts(link: Link) -> tuple[ArxivId, int, str] | None:
    """The parsed id of an arXiv link, where its id text starts in the URL, and the path kind before it."""
    found = arxiv_id.parse_url(link.url)
    if found is None:
        return None
    pos = link.url.find(found.raw)
    if pos < 5 or link.url[pos - 1] != "/":
        return None
    return found, pos, link.url[: pos - 1].rsplit("/", 1)[-1].lower()


def _version_text(found: ArxivId) -> str:
    """The `vN` suffix of an id as written (empty when it has none)."""
    if found.version is None:
        return ""
    return found.raw[found.raw.lower().rfind("v") :]


def _all_links(ctx: Context) -> Iterator[tuple[Entry, Link]]:
    """Every link of every entry, in document order."""
    for entry in ctx.document.entries:
        for link in entry.links:
            yield entry, link


# --- AL301 ---------------------------------------------------------------------------------------


@rule(
    "AL301",
    "insecure-link",
    "warning",
    "`http://` link to a host that serves https",
    fixable=True,
    options={"https-hosts": list(DEFAULT_HTTPS_HOSTS)},
)
def insecure_link(ctx: Context) -> Iterator[Issue]:
    """An `http://` link to a site known to serve the same page over https. Plain-http links are downgraded by
    browsers, blocked by some networks and flagged by link checkers; for arXiv, GitHub, the CVF and NeurIPS
    proceedings, OpenReview and the other hosts on the allow-list the https URL is the same page, so the fix
    only adds the `s`. Hosts that are not on the list are left alone, because not every site serves https.

    Bad:

        - [Learning Efficient Object Detection Models](http://papers.nips.cc/paper/6676-learning.pdf)

    Good:

        - [Learning Efficient Object Detection Models](https://papers.nips.cc/paper/6676-learning.pdf)

    Options:

        https-hosts = ["arxiv.org", "github.com", "*.github.io", ...]  # hosts known to serve https;
                                                                      # `*.` matches every subdomain
    """
    hosts = ctx.option("insecure-link", "https-hosts")
    if isinstance(hosts, str):
        hosts = [hosts]
    for _entry, link in _all_links(ctx):
        if link.url[:7].lower() != "http://":
            continue
        try:
            host = (urlsplit(link.url).hostname or "").lower()
        except ValueError:
            continue
        if not host or not serves_https(host, hosts):
            continue
        fix = None
        start = url_offset(ctx, link)
        if start is not None:
            fix = Fix((edit(ctx, start, start + 5, "https:"),), "use https://")
        yield Issue(link.span, f"`http://{host}` link; {host} serves https, so write `https://`", fix)


# --- AL302 ---------------------------------------------------------------------------------------


def _arxiv_paper_links(ctx: Context) -> Iterator[tuple[Entry, Link, ArxivId, int, str]]:
    """Paper links to arXiv abs or pdf pages, with their parsed id, id position and path kind."""
    for entry, link in _all_links(ctx):
        if link.role != "paper":
            continue
        parts = _arxiv_parts(link)
        if parts is not None and parts[2] in ("abs", "pdf"):
            yield entry, link, *parts


@rule(
    "AL302",
    "arxiv-link-style",
    "warning",
    "arXiv paper link in the other style (abs vs pdf) than the list's",
    fixable=True,
    options={"style": "auto"},
)
def arxiv_link_style(ctx: Context) -> Iterator[Issue]:
    """arXiv paper links that do not use the list's link style: abstract pages or PDFs. One style keeps the
    list consistent and lets readers know where a click goes. arXiv asks that links point at the abstract page
    (`/abs/ID`), which shows the title, authors, all versions and the PDF link; a `/pdf/` link downloads one
    file. The fix rewrites only the path (`pdf` to `abs`, dropping `.pdf`, or the reverse) and keeps the
    scheme, host and any version as written.

    By default the style is the one most of the list's own arXiv links use, so the rule enforces the
    list's convention; set `style = "abs"` to require abstract pages everywhere.

    Bad:

        - [A Survey of Model Compression](https://arxiv.org/pdf/1710.09282.pdf)
        - [Rethinking the Value of Network Pruning](https://arxiv.org/abs/1810.05270)
        - [Pruning Filters for Efficient ConvNets](https://arxiv.org/abs/1608.08710)

    Good:

        - [A Survey of Model Compression](https://arxiv.org/abs/1710.09282)
        - [Rethinking the Value of Network Pruning](https://arxiv.org/abs/1810.05270)
        - [Pruning Filters for Efficient ConvNets](https://arxiv.org/abs/1608.08710)

    Options:

        style = "auto"  # "auto": whichever most of the list's arXiv links use (a tie counts as "abs");
                        # or "abs", or "pdf"
    """
    style = str(ctx.option("arxiv-link-style", "style")).lower()
    if style not in ("abs", "pdf", "auto"):
        raise UserError(f'arxiv-link-style: style must be "abs", "pdf" or "auto", not {style!r}')
    links = list(_arxiv_paper_links(ctx))
    if style == "auto":
        counts = Counter(kind for *_rest, kind in links)
        style = "pdf" if counts["pdf"] > counts["abs"] else "abs"
        why = f"most of this list's arXiv links ({counts[style]} of {len(links)}) use /{style}/"
    else:
        why = f"this list links arXiv {'abstract pages' if style == 'abs' else 'PDFs'}"
    for _entry, link, found, pos, kind in links:
        if kind == style:
            continue
        url_start = url_offset(ctx, link)
        end = pos + len(found.raw)
        suffix = link.url[end : end + 4]
        new_url = link.url[: pos - 4] + style + "/" + found.raw
        edits: list[Edit] = []
        if url_start is not None:
            edits.append(edit(ctx, url_start + pos - 4, url_start + pos - 1, style))
        if style == "abs" and suffix.lower() == ".pdf":
            if url_start is not None:
                edits.append(edit(ctx, url_start + end, url_start + end + 4, ""))
            new_url += link.url[end + 4 :]
        else:
            new_url += link.url[end:]
        fix = Fix(tuple(edits), f"link /{style}/ instead of /{kind}/") if edits else None
        what = "PDF" if kind == "pdf" else "abstract page"
        yield Issue(link.span, f"`{brief(link.url, 80)}` links the arXiv {what}, but {why}; use `{new_url}`", fix)


# --- AL303 ---------------------------------------------------------------------------------------


@rule("AL303", "arxiv-version", "info", "arXiv link pinned to one version", fixable=False)
def arxiv_version(ctx: Context) -> Iterator[Issue]:
    """An arXiv link pinned to one version of the paper (`abs/1809.01330v1`). A versioned link keeps pointing
    at that version after the authors post corrections or the camera-ready version; an unversioned link always
    shows the latest. Pinning is sometimes deliberate, so the fix (dropping the version) is offered but never
    applied by `--fix`.

    Bad:

        - [ChannelNets: Compact and Efficient Convolutional Neural Networks](https://arxiv.org/abs/1809.01330v1)

    Good:

        - [ChannelNets: Compact and Efficient Convolutional Neural Networks](https://arxiv.org/abs/1809.01330)
    """
    for _entry, link in _all_links(ctx):
        parts = _arxiv_parts(link)
        if parts is None or parts[0].version is None:
            continue
        found, pos, _kind = parts
        version = _version_text(found)
        fix = None
        url_start = url_offset(ctx, link)
        if url_start is not None:
            end = url_start + pos + len(found.raw)
            fix = Fix((edit(ctx, end - len(version), end, ""),), f"drop `{version}`", safe=False)
        yield Issue(
            link.span,
            f"`{found.raw}` links to version {found.version} only; drop `{version}` to link the latest version",
            fix,
        )


# --- AL304 ---------------------------------------------------------------------------------------


def _masked_entry_text(ctx: Context, entry: Entry) -> tuple[int, str]:
    """An entry's source text (start offset, text) with its links and code spans blanked out."""
    start, text = source_text(ctx, entry.span)
    chars = list(mask_code_spans(text))
    for link in entry.links:
        a, b = source_range(ctx, link.span)
        for i in range(max(a - start, 0), min(b - start, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return start, "".join(chars)


def _occurrences(text: str, needle: str) -> Iterator[int]:
    """Positions of `needle` in `text` that are not part of a longer id, number or word."""
    pos = text.find(needle)
    while pos >= 0:
        before = text[pos - 1] if pos else " "
        after = text[pos + len(needle)] if pos + len(needle) < len(text) else " "
        if not (before.isalnum() or before == ".") and not after.isdigit():
            yield pos
        pos = text.find(needle, pos + 1)


def _id_base(found: ArxivId) -> str:
    """The id as written, without its version suffix."""
    version = _version_text(found)
    return found.raw[: len(found.raw) - len(version)] if version else found.raw


def _malformed_issue(ctx: Context, found: ArxivId, start: int | None, where: Span) -> Issue:
    """The finding for a malformed (fixable when `start` is known) or impossible id written at `start`."""
    base = _id_base(found)
    if found.malformed:
        fix = None
        if start is not None:
            fix = Fix((edit(ctx, start, start + len(base), found.id),), f"write {found.id}")
        return Issue(
            where, f"arXiv id `{base}` has one digit too many (ids before 2015 have 4); write `{found.id}`", fix
        )
    return Issue(where, f"arXiv id `{base}` cannot exist (bad month or digit count); check the paper's real id")


@rule("AL304", "malformed-arxiv-id", "error", "malformed or impossible arXiv id", fixable=True)
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
            parts = _arxiv_parts(link)
            if parts is None:
                continue
            found, pos, _kind = parts
            if not found.malformed and arxiv_id.is_valid(found.id):
                continue
            url_start = url_offset(ctx, link)
            yield _malformed_issue(ctx, found, None if url_start is None else url_start + pos, link.span)
        if "arxiv" not in entry.text.lower():
            continue
        start, text = _masked_entry_text(ctx, entry)
        for found in arxiv_id.find_cited(text):
            if not found.malformed and arxiv_id.is_valid(found.id):
                continue
            base = _id_base(found)
            for pos in _occurrences(text, base):
                where = ctx.span(start + pos, start + pos + len(base))
                yield _malformed_issue(ctx, found, start + pos, where)


# --- AL305 ---------------------------------------------------------------------------------------


@rule("AL305", "arxiv-id-mismatch", "warning", "paper link and citation name different arXiv ids")
def arxiv_id_mismatch(ctx: Context) -> Iterator[Issue]:
    """The arXiv id of an entry's paper link differs from the id cited in the entry's text. One of the two is
    a copy-paste slip: readers who follow the link get a different paper from the one the citation names. Ids
    are compared after normalisation, so `1404.00736` equals `1404.0736` and versions are ignored. There is no
    automatic fix: check which one is right.

    Bad:

        - [Learning Sparse Neural Networks through L0 Regularization](https://arxiv.org/abs/1712.01312) arXiv:1711.01312

    Good:

        - [Learning Sparse Neural Networks through L0 Regularization](https://arxiv.org/abs/1712.01312) arXiv:1712.01312
    """
    for entry in ctx.document.entries:
        cited = list(entry.cited_arxiv_ids)
        if not cited:
            continue
        for link in entry.paper_links:
            found = arxiv_id.parse_url(link.url)
            if found is None or found.id in cited:
                continue
            yield Issue(
                link.span,
                f"link points at arXiv:{found.id} but the citation says arXiv:{cited[0]}; fix whichever is wrong",
            )


# --- AL306 ---------------------------------------------------------------------------------------


@rule("AL306", "duplicate-url", "warning", "the same URL twice in one entry")
def duplicate_url(ctx: Context) -> Iterator[Issue]:
    """The same URL linked twice in one entry (compared by canonical form). A repeated code or paper link is
    usually a copy-paste slip where a second, different link (another implementation, the project page) was
    meant; at best it is clutter.

    Bad:

        - [ShuffleNet](https://arxiv.org/abs/1707.01083) [[code]](https://github.com/a/b) [[code]](https://github.com/a/b)

    Good:

        - [ShuffleNet](https://arxiv.org/abs/1707.01083) [[code]](https://github.com/a/b)
    """
    for entry in ctx.document.entries:
        seen: dict[str, Link] = {}
        for link in entry.links:
            if not link.url or link.url.startswith("#"):
                continue
            key = canonical_url(link.url)
            if not key:
                continue
            first = seen.get(key)
            if first is None:
                seen[key] = link
                continue
            yield Issue(
                link.span,
                f"`{brief(link.url, 70)}` is already linked as [{brief(first.label, 40)}] in this entry; "
                "remove the repeat or link what was meant",
            )


# --- AL307 ---------------------------------------------------------------------------------------


def _slug_words(url: str) -> str:
    """The words of a URL's path, for comparing with titles (`.../5647-binaryconnect-training.pdf`)."""
    from awesome_lint.dedup import normalize_title

    try:
        path = urlsplit(url).path
    except ValueError:
        path = url
    return normalize_title(re.sub(r"\.(?:pdf|html?)$", "", path, flags=re.IGNORECASE).replace("-", " "))


@rule(
    "AL307",
    "shared-url",
    "warning",
    "one paper URL cited for two different titles",
    options={"min-title-similarity": 60},
)
def shared_url(ctx: Context) -> Iterator[Issue]:
    """One paper URL cited by entries whose titles are clearly different papers. Two different papers cannot
    live at one URL: one of the entries carries a copy-paste slip and readers following it land on the wrong
    paper. URLs are compared in canonical form (arXiv ids, CVF and NeurIPS pages by id); titles are compared
    with rapidfuzz `token_set_ratio` after normalisation. The entry whose title disagrees with the majority of
    the group (or, in a tie, with the words of the URL) is reported. Entries with similar titles are
    duplicates of one paper, which `duplicate-paper` reports.

    Bad:

        - [Binaryconnect: Training deep neural networks](http://papers.nips.cc/paper/5647-binaryconnect.pdf)
        - [Deepburning: automatic generation of fpga-based learning accelerators](http://papers.nips.cc/paper/5647-binaryconnect.pdf)

    Good:

        - [Binaryconnect: Training deep neural networks](http://papers.nips.cc/paper/5647-binaryconnect.pdf)
        - [Deepburning: automatic generation of fpga-based learning accelerators](https://doi.org/10.1145/2897937.2898003)

    Options:

        min-title-similarity = 60   # token_set_ratio (0-100) below which two titles are different papers
    """
    from rapidfuzz import fuzz

    from awesome_lint.dedup import normalize_title

    threshold = float(ctx.option("shared-url", "min-title-similarity"))
    groups: dict[str, list[tuple[Entry, Link]]] = defaultdict(list)
    for entry in ctx.papers:
        seen: set[str] = set()
        for link in entry.paper_links:
            key = canonical_url(link.url) if link.url else ""
            if key and key not in seen and normalize_title(entry.title):
                seen.add(key)
                groups[key].append((entry, link))
    for members in groups.values():
        if len(members) < 2:
            continue
        titles = [normalize_title(entry.title) for entry, _link in members]
        similar = [[fuzz.token_set_ratio(a, b) >= threshold for b in titles] for a in titles]
        if all(all(row) for row in similar):
            continue
        slug = _slug_words(members[0][1].url)
        ranks = [(sum(similar[i]), fuzz.token_set_ratio(titles[i], slug), -i) for i in range(len(members))]
        ref = max(range(len(members)), key=ranks.__getitem__)
        ref_entry = members[ref][0]
        for i, (_entry, link) in enumerate(members):
            if not similar[ref][i]:
                yield Issue(
                    link.span,
                    f"this URL is also cited for '{brief(ref_entry.title)}' (line {ref_entry.span.line}); "
                    "check the link",
                )


# --- AL308 ---------------------------------------------------------------------------------------


def _url_problem(url: str) -> str | None:
    """What is wrong with a link target, or None when it looks well-formed."""
    if _SPACE.search(url):
        return f"link target `{brief(url)}` contains whitespace; remove it or encode it as %20"
    if url.count("(") != url.count(")"):
        return f"link target `{brief(url)}` has unbalanced parentheses; fix or encode them (%28, %29)"
    m = _SCHEME.match(url)
    if m is None:
        if url.lower().startswith("www."):
            return f"link target `{brief(url)}` has no scheme, so it is a relative link; write `https://{url}`"
        return None
    scheme = m.group(1).lower()
    if len(scheme) == 1:
        return f"link target `{brief(url)}` is a local file path; link a web URL instead"
    if scheme not in _ALLOWED_SCHEMES:
        return f"link target `{brief(url)}` uses the `{scheme}:` scheme; link an http(s) URL instead"
    if scheme == "mailto":
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return f"link target `{brief(url)}` is not a valid URL; fix its host part"
    if not parts.netloc or not host:
        return f"link target `{brief(url)}` has no host; write `{scheme}://host/path`"
    return None


def _unparsed_links(ctx: Context, entry: Entry) -> Iterator[tuple[int, int, str]]:
    """`[label](url` sequences in an entry's source that Markdown did not read as links: text offsets, message."""
    if entry.text.count("](") <= sum(1 for link in entry.links if link.style in ("inline", "empty")):
        return
    start, masked = _masked_entry_text(ctx, entry)
    text = ctx.document.text[start : start + len(masked)]
    for m in re.finditer(r"(?<!\\)\]\(", masked):
        open_bracket = masked.rfind("[", 0, m.start())
        if open_bracket < text.rfind("\n", 0, m.start()) + 1:
            continue
        line_end = text.find("\n", m.end())
        rest = text[m.end() : len(text) if line_end < 0 else line_end]
        if not _URLISH.match(rest):
            continue
        close = rest.find(")")
        target = rest[:close] if close >= 0 else rest.split()[0]
        end = m.end() + (close + 1 if close >= 0 else len(target))
        shown = brief(text[open_bracket:end], 70)
        if close < 0:
            message = f"`{shown}` is not a link: the target has no closing `)`; add it"
        elif _SPACE.search(target.strip()):
            message = f"`{shown}` is not a link: its target contains whitespace; remove it or encode it as %20"
        elif target.count("(") != target.count(")"):
            message = f"`{shown}` is not a link: its target has unbalanced parentheses; encode them (%28, %29)"
        else:
            message = f"`{shown}` is not a link: unbalanced brackets or parentheses; fix its syntax"
        yield start + open_bracket, start + end, message


@rule("AL308", "bad-url", "error", "link target that is not a usable URL")
def bad_url(ctx: Context) -> Iterator[Issue]:
    """A link target that is not a usable web URL, or link syntax that did not become a link. Reported:
    whitespace inside a target, unbalanced parentheses, a scheme other than http, https, mailto or ftp
    (in-page `#anchors` and relative paths are fine), a URL without a host (`https:///x`, `http:/x`), a `www.`
    target without a scheme (GitHub renders it as a relative link), and `[label](target` text that Markdown
    did not read as a link at all, which readers see as raw brackets.

    Bad:

        - [Deep Compression](https:/arxiv.org/abs/1510.00149)
        - [Deep Compression](https://arxiv.org/abs/1510.00149 v2)

    Good:

        - [Deep Compression](https://arxiv.org/abs/1510.00149)
    """
    for entry in ctx.document.entries:
        broken = list(_unparsed_links(ctx, entry))
        for a, b, message in broken:
            yield Issue(ctx.span(a, b), message)
        for link in entry.links:
            if not link.url or link.url.startswith("#"):
                continue
            a, b = source_range(ctx, link.span)
            if any(x <= a and b <= y for x, y, _message in broken):
                continue
            problem = _url_problem(link.url)
            if problem is not None:
                yield Issue(link.span, problem)
