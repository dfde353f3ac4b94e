"""Command line: thin click glue around the library (argument parsing, output, exit codes)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from awesome_lint import __version__
from awesome_lint.errors import UserError

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


def user_errors(func: F) -> F:
    """Turn UserError into `awesome-lint: error: ...` on stderr and exit code 2."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except UserError as exc:
            click.echo(f"awesome-lint: error: {exc}", err=True)
            sys.exit(EXIT_ERROR)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="awesome-lint")
def main() -> None:
    """Parse, lint, deduplicate, link-check and merge curated Markdown paper lists."""


@main.command("parse")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format; json follows the documented schema 1.",
)
@user_errors
def parse_command(paths: tuple[str, ...], fmt: str) -> None:
    """Parse lists into the common document model and print it.

    PATHS are Markdown files or directories (a directory means every *.md in it).
    """
    from awesome_lint.model import documents_to_json
    from awesome_lint.parse import parse_file
    from awesome_lint.report.progress import Progress
    from awesome_lint.source import expand_paths

    with Progress() as progress:
        documents = [parse_file(path) for path in progress.files(expand_paths(paths), "parsing")]
    if fmt == "json":
        _echo(json.dumps(documents_to_json(documents), ensure_ascii=False, indent=1))
        return
    lines: list[str] = []
    for doc in documents:
        counts = {kind: sum(1 for e in doc.entries if e.kind == kind) for kind in ("paper", "resource", "other")}
        lines.append(
            f"{doc.path}: {doc.title or '(untitled)'}: {len(doc.entries)} entries "
            f"({counts['paper']} papers, {counts['resource']} resources, {counts['other']} other), "
            f"{len(doc.iter_sections())} sections"
        )
        for entry in doc.entries:
            facts = [str(entry.year)] if entry.year else []
            if entry.venue:
                facts.append(entry.venue)
            if entry.arxiv_id:
                facts.append(f"arXiv:{entry.arxiv_id}")
            extra = f" ({', '.join(facts)})" if facts else ""
            lines.append(f"  {doc.path}:{entry.span.line}:{entry.span.column}: {entry.kind}: {entry.title}{extra}")
    _echo("\n".join(lines))


@main.command("merge")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", default="-", show_default=True, help="Write the merged list here; - is stdout.")
@click.option("--report", "report_path", default=None, help="Write the merge report (JSON) here; - is stdout.")
@click.option("--stats", "stats_path", default=None, help="Write a stats page (Markdown with Mermaid charts) here.")
@click.option("--taxonomy", "taxonomy_path", default=None, help="Topic taxonomy TOML instead of the built-in one.")
@click.option("--title", default=None, help='Title of the merged list.  [default: "Awesome Model Compression"]')
@click.option("--description", default=None, help="The paragraph under the title instead of the generated one.")
@click.option(
    "--source-url",
    "source_urls",
    multiple=True,
    metavar="NAME=URL",
    help="Credit an upstream list (by file name) with this URL instead of its path; repeatable.",
)
@click.option("--arxiv", "use_arxiv", is_flag=True, help="Fill titles, authors and years from arXiv metadata.")
@click.option("--arxiv-api", default=None, help="arXiv API URL template [env AWESOME_LINT_ARXIV_API].")
@click.option("--cache", "cache_path", default=None, help="Link cache file (SQLite) for arXiv metadata.")
@click.option("--offline", is_flag=True, help="With --arxiv: use cached metadata only.")
@click.option("--config", "config_path", default=None, help="Config file instead of the one found from here.")
@user_errors
def merge_command(
    paths: tuple[str, ...],
    output: str,
    report_path: str | None,
    stats_path: str | None,
    taxonomy_path: str | None,
    title: str | None,
    description: str | None,
    source_urls: tuple[str, ...],
    use_arxiv: bool,
    arxiv_api: str | None,
    cache_path: str | None,
    offline: bool,
    config_path: str | None,
) -> None:
    """Merge lists into one canonical list, one entry per paper, with a report of every source.

    PATHS are Markdown files or directories (a directory means every *.md in it except README.md).
    A summary table goes to stderr.
    """
    from awesome_lint.config import load_config
    from awesome_lint.merge import (
        DEFAULT_TITLE,
        format_summary,
        load_taxonomy,
        merge_documents,
        merge_inputs,
        report_json,
        skip_merged,
    )
    from awesome_lint.parse import parse_file
    from awesome_lint.report.progress import Progress
    from awesome_lint.source import write_atomic

    urls: dict[str, str] = {}
    for item in source_urls:
        name, sep, url = item.partition("=")
        if not sep or not name.strip() or not url.strip():
            raise UserError(f"--source-url {item!r}: expected NAME=URL")
        urls[name.strip()] = url.strip()
    config = load_config(config_path)
    taxonomy = load_taxonomy(taxonomy_path)
    with Progress() as progress:
        files = merge_inputs(paths)
        documents, skipped = skip_merged([parse_file(path) for path in progress.files(files, "parsing")], paths)
        for item in skipped:
            click.echo(f"merge: skipped {item.path}: {item.reason}", err=True)
        if not documents:
            raise UserError("nothing to merge: every input is a list written by awesome-lint merge (see above)")
        records = None
        if use_arxiv:
            from awesome_lint.links.check import arxiv_metadata

            records, requests = arxiv_metadata(
                documents,
                arxiv_api or config.links.get("arxiv-api"),
                cache_path or config.links.get("cache"),
                offline,
                float(config.links.get("arxiv-delay", 3.0)),
            )
            found = sum(1 for record in records.values() if record.exists)
            click.echo(f"arxiv: {found} of {len(records)} ids found ({requests} requests)", err=True)
        result = merge_documents(
            documents,
            taxonomy,
            title=DEFAULT_TITLE if title is None else title,
            arxiv=records,
            dedup=config.dedup_config(),
            description=description,
            link_base="." if output == "-" else os.path.dirname(output) or ".",
            source_urls=urls,
            skipped=skipped,
            progress=progress,
        )
    if output == "-":
        _echo(result.markdown.removesuffix("\n"))
    else:
        write_atomic(output, result.markdown.encode("utf-8"))
    if report_path == "-":
        _echo(report_json(result.report).removesuffix("\n"))
    elif report_path is not None:
        write_atomic(report_path, report_json(result.report).encode("utf-8"))
    if stats_path is not None:
        from awesome_lint.merge.stats import stats_markdown

        stats = stats_markdown(result.report, DEFAULT_TITLE if title is None else title, taxonomy.names)
        write_atomic(stats_path, stats.encode("utf-8"))
    click.echo(format_summary(result.report.summary), err=True)


@main.command("dupes")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--explain", is_flag=True, help="Show the signal and score that joined each member.")
@click.option("--config", "config_path", default=None, help="Config file instead of the one found from here.")
@user_errors
def dupes_command(paths: tuple[str, ...], fmt: str, explain: bool, config_path: str | None) -> None:
    """List papers cited more than once, within and across lists.

    PATHS are Markdown files or directories (a directory means every *.md in it). Thresholds come from
    `[tool.awesome-lint.dedup]`.
    """
    from awesome_lint.config import load_config
    from awesome_lint.dedup import cluster_entries, duplicate_clusters
    from awesome_lint.parse import parse_file
    from awesome_lint.report.clusters import render_clusters
    from awesome_lint.report.progress import Progress
    from awesome_lint.source import expand_paths

    config = load_config(config_path)
    with Progress() as progress:
        files = [path for path in expand_paths(paths) if not config.is_excluded(path)]
        papers = [
            (path, entry)
            for path in progress.files(files, "parsing")
            for entry in parse_file(path).entries
            if entry.kind == "paper"
        ]
        progress("finding duplicates", 0, len(papers))
        clusters = duplicate_clusters(cluster_entries([entry for _path, entry in papers], config.dedup_config()))
        progress("finding duplicates", len(papers), len(papers))
    _echo(render_clusters(clusters, papers, fmt, explain))


def _split(values: tuple[str, ...]) -> tuple[str, ...] | None:
    """`--select A,B --select C` -> ("A", "B", "C"); None when the option was not given."""
    if not values:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


_FORMATS = click.Choice(["text", "json", "github", "sarif"])


def _network_flags(func: F) -> F:
    """The link-checking options shared by `lint --links` and `check-links`."""
    flags = [
        click.option(
            "--cache", "cache_path", default=None, help="Link cache file (SQLite).  [default: user cache dir]"
        ),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the link cache."),
        click.option("--offline", is_flag=True, help="Answer from the cache only; make no request."),
        click.option(
            "--arxiv-api",
            default=None,
            help="arXiv API URL template with one {} for the query [env AWESOME_LINT_ARXIV_API].",
        ),
        click.option("--allow-private", is_flag=True, help="Also fetch private, loopback and link-local addresses."),
        click.option("--accept", multiple=True, help="Extra HTTP status codes that count as alive (comma-separated)."),
        click.option("--exclude-url", multiple=True, help="Regex of URLs not to check (repeatable)."),
        click.option(
            "--dead-after", type=click.IntRange(min=1), default=None, help="Days a link must fail to be dead."
        ),
        click.option(
            "--timeout", type=click.FloatRange(min=0.1), default=None, help="Seconds per request.  [default: 10]"
        ),
    ]
    for flag in reversed(flags):
        func = flag(func)
    return func


def _run(
    paths: tuple[str, ...],
    config: Any,
    *,
    fix: bool = False,
    diff: bool = False,
    since: str | None = None,
    network_flags: dict[str, Any] | None = None,
    summary_md: str | None = None,
) -> None:
    """Lint (optionally checking links first), print findings, and exit with the documented code."""
    from awesome_lint.findings import severity_rank
    from awesome_lint.lint import lint_paths
    from awesome_lint.report import render
    from awesome_lint.source import expand_paths

    files = [path for path in expand_paths(paths) if not config.is_excluded(path)]
    changed: dict[str, set[int] | None] | None = None
    if since is not None:
        from awesome_lint.gitdiff import changed_lines

        changed = {path: changed_lines(path, since) for path in files}
    network = None
    if network_flags is not None:
        network = _check_links(files, config, changed, network_flags)
    results = lint_paths(files, config, fix=fix or diff, write=fix and not diff, network=network)
    findings = [f for result in results for f in result.findings]
    if changed is not None:
        findings = [f for f in findings if changed[f.path] is None or f.span.line in changed[f.path]]  # type: ignore[operator]
    if diff:
        from awesome_lint.report.diff import fixes_diff

        text = fixes_diff(results)
        _echo(text or "No fixes to apply.")
        sys.exit(EXIT_FINDINGS if text else EXIT_OK)
    if summary_md and network is not None:
        from awesome_lint.report.summary import append_links_summary

        append_links_summary(summary_md, findings, network.summary())
    fixed = sum(result.applied for result in results)
    color = config.output_format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    output = render(findings, config.output_format, color=color, fixed=fixed)
    if output:
        _echo(output)
    threshold = severity_rank(config.fail_on)
    failing = any(severity_rank(f.severity) >= threshold for f in findings)
    sys.exit(EXIT_FINDINGS if failing else EXIT_OK)


def _check_links(
    files: list[str], config: Any, changed: dict[str, set[int] | None] | None, flags: dict[str, Any]
) -> Any:
    """Check the files' links (a progress bar on a terminal, none in CI) and print the summary to stderr."""
    from awesome_lint.links.check import arxiv_ids, checkable_urls, options_from, run_checks
    from awesome_lint.parse import parse_file
    from awesome_lint.report.progress import Progress

    options = options_from(
        config.links,
        arxiv_api=flags["arxiv_api"],
        cache_path=flags["cache_path"],
        no_cache=flags["no_cache"],
        offline=flags["offline"],
        allow_private=flags["allow_private"],
        accept=_split(flags["accept"]),
        exclude=tuple(flags["exclude_url"]),
        timeout=flags["timeout"],
        dead_after=flags["dead_after"],
    )
    with Progress(threshold=1) as progress:
        documents = [parse_file(path) for path in progress.files(files, "parsing")]
        total = sum(len(checkable_urls(d.entries)) + len(arxiv_ids(d.entries)) for d in documents)
        network = run_checks(documents, options, changed, progress=progress.counter("checking links", total))
    from awesome_lint.report.summary import links_summary_line

    summary = network.summary()
    click.echo(links_summary_line(summary), err=True)
    if summary["offline"]:
        click.echo("links: no host name resolved: this run looked offline, so no link was called dead", err=True)
    return network


@main.command("lint")
@click.argument("paths", nargs=-1, required=True)
@click.option("--fix", is_flag=True, help="Apply safe fixes in place (atomically).")
@click.option("--diff", is_flag=True, help="Print the safe fixes as a unified diff; write nothing.")
@click.option("--format", "fmt", type=_FORMATS, default=None, help="Output format.  [default: text]")
@click.option("--select", multiple=True, help="Rules to run: codes, code prefixes or names (comma-separated).")
@click.option("--ignore", multiple=True, help="Rules to skip: codes, code prefixes or names (comma-separated).")
@click.option(
    "--fail-on",
    type=click.Choice(["info", "warning", "error"]),
    default=None,
    help="Exit 1 when a finding has this severity or higher.  [default: warning]",
)
@click.option("--since", "since", default=None, help="Report only findings on lines changed since this git ref.")
@click.option("--links", "check_links", is_flag=True, help="Also check links (arXiv API and HTTP); see check-links.")
@_network_flags
@click.option("--config", "config_path", default=None, help="Config file instead of the one found from here.")
@user_errors
def lint_command(
    paths: tuple[str, ...],
    fix: bool,
    diff: bool,
    fmt: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    since: str | None,
    check_links: bool,
    config_path: str | None,
    **network_flags: Any,
) -> None:
    """Check lists against the rules; exit 1 on findings at or above --fail-on, 2 on bad input.

    PATHS are Markdown files or directories (a directory means every *.md in it).
    """
    from awesome_lint.config import load_config

    config = load_config(config_path).with_overrides(
        select=_split(select), ignore=_split(ignore), fail_on=fail_on, output_format=fmt
    )
    _run(paths, config, fix=fix, diff=diff, since=since, network_flags=network_flags if check_links else None)


@main.command("check-links")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=_FORMATS, default=None, help="Output format.  [default: text]")
@click.option(
    "--fail-on",
    type=click.Choice(["unknown", "info", "warning", "error"]),
    default="error",
    show_default=True,
    help="Exit 1 on findings of this severity or higher; `unknown` also fails on links that could not be checked.",
)
@click.option("--since", "since", default=None, help="Check only links on lines changed since this git ref.")
@click.option("--summary-md", default=None, help="Append a Markdown summary here (e.g. $GITHUB_STEP_SUMMARY).")
@_network_flags
@click.option("--config", "config_path", default=None, help="Config file instead of the one found from here.")
@user_errors
def check_links_command(
    paths: tuple[str, ...],
    fmt: str | None,
    fail_on: str,
    since: str | None,
    summary_md: str | None,
    config_path: str | None,
    **flags: Any,
) -> None:
    """Check every link: arXiv ids through the arXiv API, other links over HTTP (cached).

    A link is dead only when its server says so (404, 410, a name that does not exist while others
    resolve); timeouts, 429, 5xx and bot walls are unknown. PATHS are Markdown files or directories.
    """
    from awesome_lint.config import load_config

    config = load_config(config_path).with_overrides(
        select=("AL5",), ignore=(), fail_on="info" if fail_on == "unknown" else fail_on, output_format=fmt
    )
    _run(paths, config, since=since, network_flags=flags, summary_md=summary_md)


@main.command("rules")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="markdown prints docs/rules.md.",
)
def rules_command(fmt: str) -> None:
    """List every rule: code, name, default severity, fixability and summary."""
    from awesome_lint.rules import RULES
    from awesome_lint.rules.docs import rules_markdown

    ordered = sorted(RULES.values(), key=lambda r: r.code)
    if fmt == "markdown":
        _echo(rules_markdown().rstrip("\n"))
    elif fmt == "json":
        _echo(
            json.dumps(
                [
                    {
                        "code": r.code,
                        "name": r.name,
                        "severity": r.severity,
                        "fixable": r.fixable,
                        "summary": r.summary,
                        "options": r.options,
                    }
                    for r in ordered
                ],
                indent=2,
            )
        )
    else:
        _echo(
            "\n".join(
                f"{r.code}  {r.name:<24} {r.severity:<8} {'fix' if r.fixable else '   '}  {r.summary}" for r in ordered
            )
        )


@main.command("rule")
@click.argument("name")
@user_errors
def rule_command(name: str) -> None:
    """Show one rule's documentation (by code or name)."""
    from awesome_lint.rules import resolve
    from awesome_lint.rules.docs import rule_markdown

    found = resolve(name)
    if len(found) != 1:
        raise UserError(f"unknown rule '{name}' (see `awesome-lint rules`)")
    _echo(rule_markdown(found[0]).rstrip("\n"))


def _echo(text: str) -> None:
    """Print to stdout, ending quietly when the reader goes away (`| head`)."""
    try:
        click.echo(text)
        sys.stdout.flush()
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_OK)
