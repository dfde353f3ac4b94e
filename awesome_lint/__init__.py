"""awesome-lint: parse, lint, deduplicate, link-check and merge curated Markdown paper lists."""

__version__ = "0.1.0"
