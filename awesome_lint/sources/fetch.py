"""Resolve sources to a commit and download them, through the link checker's HTTP layer (`links.http`).

GitHub: the default branch and a ref's commit come from the REST API (`/repos/O/R`, `/repos/O/R/commits/REF`),
a missing path from `/repos/O/R/readme`; the file itself from raw file hosting at that commit. An https URL is
downloaded as it is (it has no commit). A token from the environment (`FetchSettings.token`) goes to the GitHub
API and raw hosting only, never to a plain URL, and is dropped when a redirect leaves the host it was sent to.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from awesome_lint.errors import UserError
from awesome_lint.source import MAX_BYTES, Source, decode
from awesome_lint.sources import FetchSettings, Spec, parse_spec

if TYPE_CHECKING:
    from awesome_lint.links.http import Download, HttpChecker

API_HEADERS = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
RAW_HEADERS = {"Accept": "text/markdown, text/plain;q=0.9, */*;q=0.5"}
_SHA = re.compile(r"[0-9a-f]{40}")


@dataclass(frozen=True, slots=True)
class Resolved:
    """Where a source's bytes are: the download URL, and for GitHub the commit and the file's path in it."""

    spec: Spec
    url: str
    commit: str | None = None
    path: str | None = None


class Fetcher:
    """Resolves and downloads sources; `read` downloads each name once for the fetcher's lifetime."""

    def __init__(self, settings: FetchSettings) -> None:
        self.settings = settings
        self._http: HttpChecker | None = None
        self._read: dict[str, Source] = {}
        self.requests = 0

    def resolve(self, spec: Spec, known: tuple[str, str] | None = None) -> Resolved:
        """Where a source's bytes are now: for GitHub, the commit its ref (default: the default branch) names and
        the file in it (`known` (commit, path) saves asking for the README's path again); a URL as is."""
        if spec.kind == "url":
            return Resolved(spec, spec.url)
        commit = self.commit(spec)
        path = known[1] if known is not None and known[0] == commit else None
        return self.pinned(spec, commit, path)

    def commit(self, spec: Spec) -> str:
        """The commit a GitHub source's ref names now (a full commit id is taken as it is)."""
        where = f"{spec.owner}/{spec.repo}"
        repo = f"/repos/{quote(spec.owner)}/{quote(spec.repo)}"
        ref = spec.ref
        if ref is not None and _SHA.fullmatch(ref):
            return ref
        if ref is None:
            private = "the token cannot read it" if self.settings.token else "GITHUB_TOKEN gives access"
            info = self._api(spec, repo, f"no repository {where} (or it is private: {private})")
            ref = info.get("default_branch") if isinstance(info, dict) else None
            if not isinstance(ref, str) or not ref:
                raise UserError(f"{spec.text}: the GitHub API gave no default branch for {where}")
        missing = f"no branch, tag or commit '{ref}' in {where}"
        found = self._api(spec, f"{repo}/commits/{quote(ref, safe='')}", missing)
        commit = found.get("sha") if isinstance(found, dict) else None
        if not isinstance(commit, str) or not _SHA.fullmatch(commit):
            raise UserError(f"{spec.text}: the GitHub API gave no commit for '{ref}' in {where}")
        return commit

    def pinned(self, spec: Spec, commit: str, path: str | None = None) -> Resolved:
        """A GitHub source at a known commit (the README's path asked from the API when neither knows it)."""
        path = path or spec.path
        if path is None:
            where = f"{spec.owner}/{spec.repo}"
            readme = self._api(
                spec,
                f"/repos/{quote(spec.owner)}/{quote(spec.repo)}/readme?ref={commit}",
                f"{where} has no README at {commit[:7]}",
            )
            path = readme.get("path") if isinstance(readme, dict) else None
            if not isinstance(path, str) or not path:
                raise UserError(f"{spec.text}: the GitHub API gave no README path for {where}")
        url = f"{self.settings.github_raw}/{quote(spec.owner)}/{quote(spec.repo)}/{commit}/{quote(path)}"
        return Resolved(spec, url, commit, path)

    def download(self, resolved: Resolved) -> bytes:
        """The file's bytes (at most the size a list file may have)."""
        spec = resolved.spec
        if resolved.commit is not None:
            missing = f"{spec.owner}/{spec.repo} has no file '{resolved.path}' at {resolved.commit[:7]}"
        else:
            missing = f"not found: {resolved.url}"
        return self._get(spec, resolved.url, RAW_HEADERS, missing, github=resolved.commit is not None)

    def read(self, name: str) -> Source:
        """Resolve, download and decode the list a source names; the spec as written is its path."""
        if name not in self._read:
            spec = parse_spec(name)
            self._read[name] = decode(self.download(self.resolve(spec)), name)
        return self._read[name]

    def close(self) -> None:
        """Close the HTTP session."""
        if self._http is not None:
            self._http.close()
            self._http = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # HTTP

    def _checker(self) -> HttpChecker:
        if self._http is None:
            from awesome_lint.links.http import HttpChecker

            self._http = HttpChecker(
                timeout=self.settings.timeout,
                retries=self.settings.retries,
                workers=1,
                per_host=1,
                allow_private=self.settings.allow_private,
            )
        return self._http

    def _api(self, spec: Spec, path: str, missing: str) -> Any:
        url = f"{self.settings.github_api}{path}"
        body = self._get(spec, url, API_HEADERS, missing, github=True)
        try:
            return json.loads(body)
        except ValueError:
            raise UserError(f"{spec.text}: {url} did not answer with JSON; is the GitHub API address right?") from None

    def _get(self, spec: Spec, url: str, headers: dict[str, str], missing: str, github: bool = False) -> bytes:
        """The body of url; `github` (the API or raw hosting) carries the token, when one is set."""
        checker = self._checker()
        before = checker.stats.requests
        token = self.settings.token if github else None
        got = checker.fetch(url, headers, max_bytes=MAX_BYTES, credential=f"Bearer {token}" if token else None)
        self.requests += checker.stats.requests - before
        if got.result.outcome == "alive":
            return got.body
        raise UserError(f"{spec.text}: {failure(got, missing)}")


def failure(got: Download, missing: str) -> str:
    """Why a download failed, in words: missing, GitHub's rate limit, a refused address, or the checker's reason."""
    result = got.result
    if result.status in (403, 429) and got.headers.get("x-ratelimit-remaining") == "0":
        reset = got.headers.get("x-ratelimit-reset", "")
        when = time.strftime(" (it resets at %H:%M UTC)", time.gmtime(int(reset))) if reset.isdigit() else ""
        return f"GitHub API rate limit exceeded{when}"
    if result.outcome == "dead":
        return f"{missing} ({result.reason or result.status})"
    if result.status == 422 and "/commits/" in result.url:
        return missing
    if result.outcome == "skipped" and result.reason.startswith("private address"):
        return f"{result.url}: refused, {result.reason} (allow-private = true in the sync settings allows it)"
    return f"cannot download {result.url}: {result.reason}"
