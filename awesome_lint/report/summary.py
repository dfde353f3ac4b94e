"""Markdown job summaries (`--summary-md`, the GitHub Action's `$GITHUB_STEP_SUMMARY`): each command appends a
section of its own; lint: counts per rule and a table of findings; links: counts per outcome, dead and wrong links."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from awesome_lint.errors import UserError
from awesome_lint.findings import Finding
from awesome_lint.report.text import printable

_FAILING = ("dead-link", "arxiv-not-found", "arxiv-title-mismatch", "arxiv-title-differs", "malformed-arxiv-id")
MAX_ROWS = 200  # findings listed in a lint summary; a job summary must stay under 1 MiB


_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_MARKDOWN = set("\\`*_{}[]()#+-.!|~:=^$%/@?;,")  # ASCII punctuation CommonMark lets a backslash escape


def _cell(text: str) -> str:
    """Text from a list or from arXiv as inert table-cell text: no HTML, no Markdown, no line breaks."""
    out = []
    for char in printable(" ".join(text.split())):
        if char in _ENTITIES:
            out.append(_ENTITIES[char])
        elif char in _MARKDOWN:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def _code(text: str) -> str:
    """A short code span, or escaped text when the span could be broken out of."""
    if any(char in text for char in "`|\n\r") or not text.isprintable():
        return _cell(text)
    return f"`{text}`"


def links_summary_markdown(findings: Sequence[Finding], summary: dict[str, Any]) -> str:
    """A `$GITHUB_STEP_SUMMARY` section: outcome counts, requests, and every dead or wrong link."""
    lines = [
        "## awesome-lint: links",
        "",
        "| alive | dead | unknown | skipped | requests | cache hits |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {summary['alive']} | {summary['dead']} | {summary['unknown']} | {summary['skipped']} "
        f"| {summary['requests']} | {summary['cache_hits']} |",
        "",
    ]
    if summary.get("offline"):
        lines += ["No host name resolved: the run looked offline, so no link was called dead.", ""]
    if summary.get("not_checked"):
        lines += [f"{_urls(len(summary['not_checked']))} not in the cache, so not checked (`--offline`).", ""]
    bad = [f for f in findings if f.name in _FAILING]
    if bad:
        lines += ["| where | rule | problem |", "| --- | --- | --- |"]
        lines += [f"| {_code(f'{f.path}:{f.span.line}')} | {f.name} | {_cell(f.message)} |" for f in bad]
    else:
        lines.append("No dead or wrong links.")
    return "\n".join(lines) + "\n"


def lint_summary_markdown(findings: Sequence[Finding]) -> str:
    """A `$GITHUB_STEP_SUMMARY` section: findings per rule (linked to the rule's docs) and the findings themselves."""
    from awesome_lint.report.ruledocs import docs_page, rule_url
    from awesome_lint.report.statistics import rule_counts

    lines = ["## awesome-lint: lint", ""]
    if not findings:
        return "\n".join([*lines, "No findings.", ""])
    files = len({f.path for f in findings})
    counts = {severity: sum(f.severity == severity for f in findings) for severity in ("error", "warning", "info")}
    by_severity = ", ".join(f"{n} {severity}" for severity, n in counts.items() if n)
    lines += [f"{len(findings)} findings in {files} {'file' if files == 1 else 'files'} ({by_severity}).", ""]
    page = docs_page()
    lines += ["| rule | severity | findings | fixable |", "| --- | --- | ---: | ---: |"]
    for count in rule_counts(findings):
        url = rule_url(count.code, count.name, page) if page else None
        rule = f"[{count.code}]({url}) `{count.name}`" if url else f"{count.code} `{count.name}`"
        lines.append(f"| {rule} | {count.severity} | {count.count} | {count.fixable} |")
    lines += ["", "| where | rule | severity | message |", "| --- | --- | --- | --- |"]
    lines += [
        f"| `{f.path}:{f.span.line}:{f.span.column}` | {f.code} | {f.severity} | {_cell(f.message)} |"
        for f in findings[:MAX_ROWS]
    ]
    if len(findings) > MAX_ROWS:
        lines += ["", f"... and {len(findings) - MAX_ROWS} more (run `awesome-lint lint` to see them all)."]
    return "\n".join(lines) + "\n"


def append_markdown(path: str, markdown: str) -> None:
    """Append a section to a summary file (a job summary collects every step's and command's sections)."""
    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(markdown if markdown.endswith("\n") else markdown + "\n")
    except OSError as exc:
        raise UserError(f"{path}: cannot write summary ({exc.strerror or exc})") from None


def append_links_summary(path: str, findings: Sequence[Finding], summary: dict[str, Any]) -> None:
    """Append the link check's section to a summary file."""
    append_markdown(path, links_summary_markdown(findings, summary))


def links_summary_line(summary: dict[str, Any]) -> str:
    """The summary a link check prints on stderr: one line, one more naming the URLs `--offline` did not check, and
    one naming the arXiv ids left unchecked."""
    line = (
        f"links: {summary['alive']} alive, {summary['dead']} dead, {summary['unknown']} unknown, "
        f"{summary['skipped']} skipped ({summary['urls']} URLs, {summary['arxiv_links']} arXiv links of "
        f"{summary['arxiv_ids']} ids); "
        f"{summary['requests']} requests, {summary['cache_hits']} cache hits"
    )
    not_checked: list[str] = summary.get("not_checked") or []
    if not_checked:
        shown = ", ".join(printable(url) for url in not_checked[:3])
        more = f" and {len(not_checked) - 3} more" if len(not_checked) > 3 else ""
        line += f"\nlinks: {_urls(len(not_checked))} not in the cache, so not checked (--offline): {shown}{more}"
    unchecked: dict[str, str] = summary.get("arxiv_unknown") or {}
    if unchecked:
        ids = sorted(unchecked)
        shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
        line += f"\nlinks: arXiv could not be asked about {shown} ({printable(unchecked[ids[0]]) or 'no answer'})"
    return line


def _urls(count: int) -> str:
    return "1 URL" if count == 1 else f"{count} URLs"
