"""A small fake of the parts of GitHub that `awesome-lint sync` uses, for tests on 127.0.0.1.

`FakeGitHub().install(server)` serves the REST API under `/api` (`/repos/O/R` with `default_branch`,
`/repos/O/R/commits/REF` with the commit's `sha`, `/repos/O/R/readme?ref=SHA` with the README's `path`) and raw
file hosting under `/raw` (`/O/R/SHA/PATH`), and returns the two base URLs. `push(owner, repo, files)` makes a
commit on a branch. Unknown repositories and files are 404 and unknown refs 422, with GitHub's JSON messages.
`rate_limit_next(n, retry_after)` answers the next n API requests with 429 and Retry-After; `exhaust()`
answers every API request as an exhausted rate limit does (403, X-RateLimit-Remaining: 0, X-RateLimit-Reset).
A repository pushed with `private=True` is 404 unless the request carries `Authorization: Bearer TOKEN` with the
fake's `token`; `authorization` logs the header each request carried.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from werkzeug import Request, Response

if TYPE_CHECKING:
    from pytest_httpserver import HTTPServer

_REPO = re.compile(r"/api/repos/(?P<owner>[^/]+)/(?P<repo>[^/]+)(?P<rest>/.*)?")
_RAW = re.compile(r"/raw/(?P<owner>[^/]+)/(?P<repo>[^/]+)/(?P<sha>[0-9a-f]{40})/(?P<path>.+)")
RESET_AT = 1_900_000_000  # X-RateLimit-Reset the fake sends when exhausted (a fixed time, so tests can name it)


@dataclass
class Repo:
    """One repository: branches and tags by name, commits by sha (each a snapshot of every file)."""

    default_branch: str = "main"
    private: bool = False
    refs: dict[str, str] = field(default_factory=dict)
    commits: dict[str, dict[str, bytes]] = field(default_factory=dict)


@dataclass
class FakeGitHub:
    """Repositories by (owner, name), a request log, and queued rate-limit answers."""

    repos: dict[tuple[str, str], Repo] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)
    authorization: list[tuple[str, str | None]] = field(default_factory=list)
    token: str = "ghp_fake0token"
    _rate_limited: list[str] = field(default_factory=list)
    _exhausted: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def install(self, server: HTTPServer) -> tuple[str, str]:
        """Serve the API and raw hosting on server; return (API base URL, raw base URL)."""
        server.expect_request(re.compile(r"^/api/.*")).respond_with_handler(self.api)
        server.expect_request(re.compile(r"^/raw/.*")).respond_with_handler(self.raw)
        return server.url_for("/api"), server.url_for("/raw")

    def push(
        self, owner: str, repo: str, files: dict[str, str | bytes], branch: str = "main", private: bool = False
    ) -> str:
        """Commit a snapshot of files on branch (creating the repository); returns the commit sha."""
        found = self.repos.setdefault((owner, repo), Repo(default_branch=branch, private=private))
        snapshot = {path: data.encode("utf-8") if isinstance(data, str) else data for path, data in files.items()}
        parent = found.refs.get(branch, "")
        digest = hashlib.sha1(parent.encode() + json.dumps(sorted((p, d.hex()) for p, d in snapshot.items())).encode())
        sha = digest.hexdigest()
        found.commits[sha] = snapshot
        found.refs[branch] = sha
        return sha

    def tag(self, owner: str, repo: str, name: str, sha: str) -> None:
        """Point a tag (or branch) name at an existing commit."""
        self.repos[(owner, repo)].refs[name] = sha

    def rate_limit_next(self, n: int, retry_after: str = "1") -> None:
        """Answer the next n API requests with 429 Too Many Requests and this Retry-After."""
        self._rate_limited.extend([retry_after] * n)

    def exhaust(self) -> None:
        """Answer every API request from now on as an exhausted primary rate limit."""
        self._exhausted = True

    @property
    def api_requests(self) -> list[str]:
        """The API paths asked, in order."""
        return [entry for entry in self.log if entry.startswith("/api/")]

    # handlers

    def api(self, request: Request) -> Response:
        """Answer one REST API request as api.github.com does."""
        target = request.path + (f"?{request.query_string.decode()}" if request.query_string else "")
        with self._lock:
            self.log.append(target)
            self.authorization.append((target, request.headers.get("Authorization")))
            retry_after = self._rate_limited.pop(0) if self._rate_limited else None
        if retry_after is not None:
            return _json({"message": "You have exceeded a secondary rate limit."}, 429, {"Retry-After": retry_after})
        if self._exhausted:
            headers = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(RESET_AT)}
            return _json({"message": "API rate limit exceeded for 127.0.0.1."}, 403, headers)
        m = _REPO.fullmatch(request.path)
        repo = self._visible(request, self.repos.get((m.group("owner"), m.group("repo"))) if m else None)
        if m is None or repo is None:
            return _json({"message": "Not Found"}, 404)
        rest = m.group("rest") or ""
        if rest == "":
            return _json({"full_name": f"{m.group('owner')}/{m.group('repo')}", "default_branch": repo.default_branch})
        if rest.startswith("/commits/"):
            ref = rest[len("/commits/") :]
            sha = repo.refs.get(ref) or (ref if ref in repo.commits else None)
            if sha is None:
                return _json({"message": f"No commit found for SHA: {ref}"}, 422)
            return _json({"sha": sha, "commit": {"message": "update"}})
        if rest == "/readme":
            sha = request.args.get("ref") or repo.refs[repo.default_branch]
            files = repo.commits.get(repo.refs.get(sha, sha), {})
            path = next((p for p in sorted(files) if "/" not in p and p.lower().startswith("readme")), None)
            if path is None:
                return _json({"message": "Not Found"}, 404)
            return _json({"name": path, "path": path, "sha": hashlib.sha1(files[path]).hexdigest()})
        return _json({"message": "Not Found"}, 404)

    def raw(self, request: Request) -> Response:
        """Serve a file at a commit as raw.githubusercontent.com does."""
        with self._lock:
            self.log.append(request.path)
            self.authorization.append((request.path, request.headers.get("Authorization")))
        m = _RAW.fullmatch(request.path)
        repo = self._visible(request, self.repos.get((m.group("owner"), m.group("repo"))) if m else None)
        data = repo.commits.get(m.group("sha"), {}).get(m.group("path")) if m and repo else None
        if data is None:
            return Response("404: Not Found", status=404, mimetype="text/plain")
        return Response(data, status=200, mimetype="text/plain")

    def _visible(self, request: Request, repo: Repo | None) -> Repo | None:
        """The repository if this request may see it: a private one only with the token, as GitHub answers."""
        if repo is not None and repo.private and request.headers.get("Authorization") != f"Bearer {self.token}":
            return None
        return repo


def _json(data: object, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(json.dumps(data), status=status, headers=headers or {}, mimetype="application/json")
