"""Where a rule's documentation is on the web: docs/rules.md of the repository awesome-lint comes from.

`AWESOME_LINT_DOCS_URL` (the GitHub Action sets it to the action's own repository and ref) or else the
`Documentation` project URL of the installed package is the page; each rule is its `## CODE name` section.
"""

from __future__ import annotations

import os

from awesome_lint.text import github_anchor

ENV_DOCS_URL = "AWESOME_LINT_DOCS_URL"


def docs_page() -> str | None:
    """The URL of docs/rules.md, or None when neither the environment nor the package metadata names one."""
    if os.environ.get(ENV_DOCS_URL):
        return os.environ[ENV_DOCS_URL]
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        urls = metadata("awesome-lint").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    for item in urls:
        label, _, url = item.partition(",")
        if label.strip().casefold() == "documentation" and url.strip():
            return url.strip()
    return None


def rule_url(code: str, name: str, page: str | None = None) -> str | None:
    """The URL of one rule's section (`page` default: docs_page())."""
    page = page or docs_page()
    if page is None:
        return None
    return f"{page.split('#')[0]}#{github_anchor(f'{code} {name}')}"
