"""URL canonicalisation: one key per resource, whatever spelling a list used for it."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qs, unquote, urlsplit

from awesome_lint import arxiv_id
from awesome_lint.regex import lazy_compile

# Hosts known to serve every page over https too: `http://` links to them can be upgraded safely.
DEFAULT_HTTPS_HOSTS: tuple[str, ...] = (
    *arxiv_id.HOSTS,
    "github.com",
    "gitlab.com",
    "openaccess.thecvf.com",
    "www.cv-foundation.org",
    "papers.nips.cc",
    "papers.neurips.cc",
    "proceedings.neurips.cc",
    "openreview.net",
    "proceedings.mlr.press",
    "www.aaai.org",
    "aaai.org",
    "dl.acm.org",
    "ieeexplore.ieee.org",
    "link.springer.com",
    "www.semanticscholar.org",
    "pdfs.semanticscholar.org",
    "www.jmlr.org",
    "jmlr.org",
    "*.github.io",
)
_CVF = lazy_compile(r"/(?:html|papers)/(?:[^/]+/)?([^/]+?)(?:\.html|\.pdf)?$")
_NIPS = lazy_compile(r"^/paper(?:_files/paper/\d+/hash)?/(\d+)(?:-[^/]*)?$")
_DOI = lazy_compile(r"^/(10\.\d{4,9}/\S+)$")


@lru_cache(maxsize=arxiv_id.URL_MEMO)
def canonical_url(url: str) -> str:
    """A comparison key: arXiv, DOI, OpenReview, CVF and NeurIPS pages by id; other URLs lower-cased, without
    scheme, `www.`, default ports, fragments, tracking queries and trailing slashes.
    """
    raw = url.strip()
    if not raw:
        return ""
    found = arxiv_id.parse_url(raw)
    if found is not None:
        return f"arxiv:{found.id}"
    if "//" not in raw:
        raw = "//" + raw
    try:
        parts = urlsplit(raw)
        host = (parts.hostname or "").lower().removeprefix("www.")
    except ValueError:
        return raw.lower()
    path = unquote(parts.path).rstrip("/")
    query = parse_qs(parts.query)
    if host in ("doi.org", "dx.doi.org"):
        m = _DOI.match(path)
        if m:
            return f"doi:{m.group(1).lower()}"
    if host == "openreview.net" and "id" in query:
        return f"openreview:{query['id'][0]}"
    if host == "openaccess.thecvf.com" or host.endswith("cv-foundation.org"):
        m = _CVF.search(path)
        if m:
            return f"cvf:{m.group(1).lower().removesuffix('_paper')}"
    if host in ("papers.nips.cc", "papers.neurips.cc", "proceedings.neurips.cc"):
        m = _NIPS.match(path.removesuffix(".pdf"))
        if m:
            return f"nips:{m.group(1)}"
    if host == "ieeexplore.ieee.org":
        number = query.get("arnumber", [None])[0] or (re.findall(r"/document/(\d+)", path) or [None])[0]
        if number:
            return f"ieee:{number}"
    kept = sorted((k, v) for k, vs in query.items() for v in vs if not k.startswith("utm_"))
    q = "&".join(f"{k}={v}" for k, v in kept)
    return f"{host}{path.lower() if host == 'github.com' else path}" + (f"?{q}" if q else "")


def serves_https(host: str, hosts: list[str] | tuple[str, ...] = DEFAULT_HTTPS_HOSTS) -> bool:
    """Whether a host is on the https allow-list; `*.example.org` stands for every subdomain of example.org."""
    host = host.lower()
    for allowed in hosts:
        allowed = allowed.lower()
        if (allowed.startswith("*.") and host.endswith(allowed[1:])) or host == allowed:
            return True
    return False


def upgrade_https(url: str, hosts: list[str] | tuple[str, ...] = DEFAULT_HTTPS_HOSTS) -> str:
    """`http://` -> `https://` for hosts on the allow-list; any other URL unchanged."""
    if url[:7].lower() != "http://":
        return url
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return url
    return "https://" + url[7:] if serves_https(host, hosts) else url
