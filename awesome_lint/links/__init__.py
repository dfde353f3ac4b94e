"""Link checking: arXiv ids through the arXiv API, other links over HTTP, a SQLite cache between runs."""

from awesome_lint import __version__

USER_AGENT = f"awesome-lint/{__version__} (Markdown paper list link checker)"
"""The User-Agent every request of the tool sends, so servers can tell who is asking."""
