"""URL canonicalisation: one key per resource, whatever spelling a list used for it."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

from awesome_lint import arxiv_id

_CVF = re.compile(r"/(?:html|papers)/(?:[^/]+/)?([^/]+?)(?:\.html|\.pdf)?$")
_NIPS = re.compile(r"^/paper(?:_files/paper/\d+/hash)?/(\d+)(?:-[^/]*)?$")
_DOI = re.compile(r"^/(10\.\d{4,9}/\S+)$")


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
