"""Test helpers for rules: run one rule on a Markdown string, and apply its fixes."""

from __future__ import annotations

from typing import Any

from awesome_lint.fix import apply_fixes
from awesome_lint.parse import parse_bytes
from awesome_lint.rules import Context, Issue, resolve


def check(markdown: str | bytes, rule_name: str, **options: Any) -> list[Issue]:
    """Issues one rule reports on a Markdown document."""
    data = markdown.encode("utf-8") if isinstance(markdown, str) else markdown
    doc = parse_bytes(data, "test.md")
    (rule,) = resolve(rule_name)
    return list(rule.check(Context(doc, data, {rule_name: options})))


def fixed(markdown: str | bytes, rule_name: str, **options: Any) -> str:
    """The document after applying every safe fix of one rule once."""
    data = markdown.encode("utf-8") if isinstance(markdown, str) else markdown
    fixes = [issue.fix for issue in check(data, rule_name, **options) if issue.fix is not None]
    newline = "\r\n" if b"\r\n" in data else "\n"
    return apply_fixes(data, fixes, newline).data.decode("utf-8")
