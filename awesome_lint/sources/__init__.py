"""Upstream lists named instead of stored: `github:OWNER/REPO[@REF][:PATH]` and https URLs.

A spec is parsed here, resolved to a commit and downloaded by `sources.fetch` (through the link checker's HTTP
layer), and kept pinned in a folder by `sources.sync`. Every command that reads lists reads a spec as it reads
a file: `source.read_source` hands specs to `read_remote`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import unquote, urlsplit

from awesome_lint.errors import UserError
from awesome_lint.regex import lazy_compile
from awesome_lint.source import GITHUB, is_remote

if TYPE_CHECKING:
    from awesome_lint.source import Source
    from awesome_lint.sources.fetch import Fetcher

GITHUB_API = "https://api.github.com"
GITHUB_RAW = "https://raw.githubusercontent.com"
ENV_GITHUB_API = "AWESOME_LINT_GITHUB_API"
ENV_GITHUB_RAW = "AWESOME_LINT_GITHUB_RAW"
ENV_TOKENS = ("GITHUB_TOKEN", "GH_TOKEN")  # GitHub Actions' and the GitHub CLI's names, in that order
DEFAULT_FOLDER = "lists"
DEFAULT_TIMEOUT = 30.0

_OWNER = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})"
_REPO = r"[A-Za-z0-9._-]+"
_GITHUB_SPEC = lazy_compile(rf"(?P<owner>{_OWNER})/(?P<repo>{_REPO})(?:@(?P<ref>[^:\s]+))?(?::(?P<path>[^\s]+))?")
_GITHUB_WEB = lazy_compile(
    rf"/(?P<owner>{_OWNER})/(?P<repo>{_REPO}?)(?:\.git)?(?:/blob/(?P<ref>[^/]+)/(?P<path>.+))?/?"
)
_SLUG = lazy_compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Spec:
    """A parsed source: a file in a GitHub repository (at a ref, or the default branch), or an https URL."""

    text: str
    kind: Literal["github", "url"]
    owner: str = ""
    repo: str = ""
    ref: str | None = None
    path: str | None = None
    url: str = ""

    @property
    def home(self) -> str:
        """The page to credit: the repository for GitHub sources, the URL itself otherwise."""
        return f"https://github.com/{self.owner}/{self.repo}" if self.kind == "github" else self.url


def parse_spec(text: str) -> Spec:
    """Parse `github:OWNER/REPO[@REF][:PATH]` or an https URL (github.com repository and blob URLs become
    GitHub sources); anything else is a UserError."""
    name = text.strip()
    if name.startswith(GITHUB):
        m = _GITHUB_SPEC.fullmatch(name[len(GITHUB) :])
        if m is None:
            raise UserError(f"{text}: not a GitHub source; write github:OWNER/REPO[@REF][:PATH]")
        return _github(name, m.group("owner"), m.group("repo"), m.group("ref"), m.group("path"))
    parts = urlsplit(name)
    if parts.scheme.lower() != "https" or not parts.hostname:
        raise UserError(f"{text}: a source URL must start with https:// and name a host")
    if parts.hostname.lower() in ("github.com", "www.github.com"):
        m = _GITHUB_WEB.fullmatch(parts.path)
        if m is None or parts.query:  # a web page of GitHub, not a list: say how to name the file instead
            raise UserError(f"{text}: not a repository or file URL; write github:OWNER/REPO[@REF][:PATH]")
        path = unquote(m.group("path")) if m.group("path") else None
        return _github(name, m.group("owner"), m.group("repo"), m.group("ref"), path)
    return Spec(name, "url", url=name)


def _github(text: str, owner: str, repo: str, ref: str | None, path: str | None) -> Spec:
    repo = repo.removesuffix(".git")
    if path is not None:
        path = path.strip("/")
        if not path or any(part in ("", ".", "..") for part in path.split("/")):
            raise UserError(f"{text}: bad path in the repository: {path!r}")
    if not repo or repo in (".", ".."):
        raise UserError(f"{text}: bad repository name")
    return Spec(text, "github", owner=owner, repo=repo, ref=ref, path=path)


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """One configured upstream list: display name, spec, the URL credited, and its file in the sync folder."""

    name: str
    spec: Spec
    url: str
    file: str


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """Where GitHub is and how to reach it; from `[tool.awesome-lint.sync]`, the environment, or flags."""

    github_api: str = GITHUB_API
    github_raw: str = GITHUB_RAW
    timeout: float = DEFAULT_TIMEOUT
    allow_private: bool = False
    retries: int = 2
    token: str | None = field(default=None, repr=False)

    @classmethod
    def from_table(cls, table: Mapping[str, Any], **overrides: Any) -> FetchSettings:
        """Settings: the non-None `overrides` (flags), else the validated `sync` table, else the environment
        (base URLs, and the token: `GITHUB_TOKEN`, else `GH_TOKEN`), else the defaults."""
        values: dict[str, Any] = {
            "github_api": table.get("github-api") or os.environ.get(ENV_GITHUB_API) or GITHUB_API,
            "github_raw": table.get("github-raw") or os.environ.get(ENV_GITHUB_RAW) or GITHUB_RAW,
            "timeout": float(table.get("timeout", DEFAULT_TIMEOUT)),
            "allow_private": bool(table.get("allow-private", False)),
            "token": next((value.strip() for name in ENV_TOKENS if (value := os.environ.get(name, "")).strip()), None),
        }
        values.update({key: value for key, value in overrides.items() if value is not None})
        values["github_api"] = values["github_api"].rstrip("/")
        values["github_raw"] = values["github_raw"].rstrip("/")
        return cls(**values)


ENTRY_KEYS = ("name", "source", "url", "file")


def slug(name: str) -> str:
    """A file name stem from a display name: lower case, runs of other characters as one `-`."""
    return _SLUG.sub("-", name.casefold()).strip("-")


def parse_sources(value: Any, where: str) -> tuple[SourceEntry, ...]:
    """Validate the `merge.sources` array of tables; names and files must be unique, files plain `*.md` names."""
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise UserError(f"{where}: 'merge.sources' must be an array of tables ([[merge.sources]])")
    entries: list[SourceEntry] = []
    for number, item in enumerate(value, 1):
        at = f"{where}: merge.sources #{number}"
        unknown = sorted(set(item) - set(ENTRY_KEYS))
        if unknown:
            raise UserError(f"{at}: unknown key '{unknown[0]}' (known: {', '.join(ENTRY_KEYS)})")
        for key in ENTRY_KEYS:
            if key in item and (not isinstance(item[key], str) or not item[key].strip()):
                raise UserError(f"{at}: '{key}' must be a non-empty string")
        if "name" not in item or "source" not in item:
            raise UserError(f"{at}: 'name' and 'source' are required")
        spec = parse_spec(item["source"])
        file = item.get("file") or f"{slug(item['name'])}.md"
        if file in (".md", "") or "/" in file or "\\" in file or file.startswith(".") or not file.endswith(".md"):
            raise UserError(f"{at}: 'file' must be a plain *.md file name, not {file!r}")
        url = item.get("url", spec.home)
        if urlsplit(url).scheme not in ("https", "http"):
            raise UserError(f"{at}: 'url' must be an http(s) URL")
        entries.append(SourceEntry(" ".join(item["name"].split()), spec, url, file))
    for attr in ("name", "file"):
        seen: set[str] = set()
        for entry in entries:
            key = getattr(entry, attr).casefold()
            if key in seen:
                raise UserError(f"{where}: two sources with the {attr} '{getattr(entry, attr)}'")
            seen.add(key)
    return tuple(entries)


def sync_folder(root: Path, table: Mapping[str, Any], override: str | None = None) -> Path:
    """The sync folder: `override` (from the current folder), else `folder` in the sync settings (from the
    config's folder), else `lists/` there."""
    if override is not None:
        return Path(override)
    return root / table.get("folder", DEFAULT_FOLDER)


def shown(path: Path) -> str:
    """A path as the user sees it: relative to the current folder when below it."""
    from awesome_lint.source import path_below

    return path_below(path) or str(path)


def synced_files(config: Any) -> tuple[str, ...]:
    """The configured sources' files in the sync folder (what `merge` with no PATH merges); each must exist."""
    if not config.sources:
        raise UserError("no PATH given and no sources configured ([[tool.awesome-lint.merge.sources]])")
    folder = sync_folder(config.root, config.sync)
    files = [folder / entry.file for entry in config.sources]
    missing = next((file for file in files if not file.is_file()), None)
    if missing is not None:
        raise UserError(f"{shown(missing)}: not synced yet; run `awesome-lint sync` first")
    return tuple(shown(file) for file in files)


def merge_credits(entries: Sequence[SourceEntry], paths: Sequence[str]) -> dict[str, tuple[str, str]]:
    """What the merged list credits, by the file name `merge` knows a list by: (display name, upstream URL), from
    the configured sources, and for sources named on the command line, the spec and its home page."""
    credits = {entry.file: (entry.name, entry.url) for entry in entries}
    for path in paths:
        if is_remote(path):
            credits.setdefault(os.path.basename(path), (path, parse_spec(path).home))
    return credits


_active: Fetcher | None = None


def use_settings(settings: FetchSettings) -> None:
    """Set how this process reads remote sources (each command sets it from its config before reading)."""
    global _active
    from awesome_lint.sources.fetch import Fetcher

    if _active is not None:
        _active.close()
    _active = Fetcher(settings)


def read_remote(name: str) -> Source:
    """The decoded list a source names (downloaded once per process and settings)."""
    if _active is None:
        use_settings(FetchSettings.from_table({}))
    assert _active is not None
    return _active.read(name)
