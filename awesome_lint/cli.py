"""Command line: thin click glue around the library (argument parsing, output, exit codes)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from awesome_lint import __version__
from awesome_lint.collector import paused_collection
from awesome_lint.errors import UserError
from awesome_lint.report import FORMATS
from awesome_lint.report.rules import RULE_FORMATS

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
            from awesome_lint.report.text import printable

            click.echo(f"awesome-lint: error: {printable(str(exc))}", err=True)
            sys.exit(EXIT_ERROR)

    return wrapper  # type: ignore[return-value]


def _remote_inputs(
    paths: tuple[str, ...], config: Any | Callable[[], Any], *, fix: bool = False, since: str | None = None
) -> None:
    """Let `github:`/`https:` inputs be read with the config's sync settings (`config` may be a loader, called
    only when there is such an input); they cannot be fixed or diffed in git."""
    from awesome_lint.source import is_remote

    remote = next((path for path in paths if is_remote(path)), None)
    if remote is None:
        return
    from awesome_lint.sources import FetchSettings, use_settings

    if fix:
        raise UserError(f"{remote}: a source is not a local file and cannot be fixed; sync it into a folder first")
    if since is not None:
        raise UserError(f"{remote}: --since needs local files in a git repository")
    loaded = config() if callable(config) else config
    use_settings(FetchSettings.from_table(loaded.sync))


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
@click.option("--config", "config_path", default=None, help="Config file instead of the one found from here.")
@user_errors
def parse_command(paths: tuple[str, ...], fmt: str, config_path: str | None) -> None:
    """Parse lists into the common document model and print it.

    PATHS are Markdown files, directories (a directory means every *.md in it) or sources
    (github:OWNER/REPO[@REF][:PATH], https://...).
    """
    from awesome_lint.config import load_config
    from awesome_lint.parse import parse_file
    from awesome_lint.report.documents import render_documents, write_documents_json
    from awesome_lint.report.progress import Progress
    from awesome_lint.source import expand_paths

    _remote_inputs(paths, lambda: load_config(config_path))
    with Progress() as progress:
        documents = [parse_file(path, facts=False) for path in progress.files(expand_paths(paths), "parsing")]
    if fmt == "json":
        _echo_stream(lambda write: write_documents_json(documents, write))
    else:
        _echo(render_documents(documents, fmt))


@main.command("merge")
@click.argument("paths", nargs=-1)
@click.option("-o", "--output", default="-", show_default=True, help="Write the merged list here; - is stdout.")
@click.option("--report", "report_path", default=None, help="Write the merge report (JSON) here; - is stdout.")
@click.option("--stats", "stats_path", default=None, help="Write a stats page (Markdown with Mermaid charts) here.")
@click.option("--summary-md", default=None, help="Append the stats page's charts here (e.g. $GITHUB_STEP_SUMMARY).")
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
@click.option(
    "--arxiv", "use_arxiv", is_flag=True, help="Take titles and authors from arXiv where its record is the same paper."
)
@click.option("--arxiv-api", default=None, help="arXiv API URL template [env AWESOME_LINT_ARXIV_API].")
@click.option("--cache", "cache_path", default=None, help="Link cache file (SQLite) for arXiv metadata.")
@click.option("--offline", is_flag=True, help="With --arxiv: use cached metadata only.")
@click.option("--config", "config_path", default=None, help="Config file instead of the one found from here.")
@click.option("--write-read-only", is_flag=True, help="Replace -o/--report files even if they are read-only.")
@user_errors
def merge_command(
    paths: tuple[str, ...],
    output: str,
    report_path: str | None,
    stats_path: str | None,
    summary_md: str | None,
    taxonomy_path: str | None,
    title: str | None,
    description: str | None,
    source_urls: tuple[str, ...],
    use_arxiv: bool,
    arxiv_api: str | None,
    cache_path: str | None,
    offline: bool,
    config_path: str | None,
    write_read_only: bool,
) -> None:
    """Merge lists into one canonical list, one entry per paper, with a report of every source.

    PATHS are Markdown files, directories (a directory means every *.md in it except README.md) or sources
    (github:OWNER/REPO[@REF][:PATH], https://...); none means the configured sources' files in the sync
    folder. A summary table goes to stderr.
    """
    from awesome_lint.config import load_config
    from awesome_lint.merge import (
        DEFAULT_TITLE,
        format_summary,
        load_taxonomy,
        merge_documents,
        merge_input,
        merge_inputs,
        report_bytes,
        report_json,
        skip_merged,
    )
    from awesome_lint.parse import parse_file
    from awesome_lint.report.progress import Progress
    from awesome_lint.source import write_atomic
    from awesome_lint.sources import merge_credits, synced_files

    urls: dict[str, str] = {}
    for item in source_urls:
        name, sep, url = item.partition("=")
        if not sep or not name.strip() or not url.strip():
            raise UserError(f"--source-url {item!r}: expected NAME=URL")
        urls[name.strip()] = url.strip()
    config = load_config(config_path)
    taxonomy = load_taxonomy(taxonomy_path)
    paths = paths or synced_files(config)
    _remote_inputs(paths, config)
    with Progress() as progress:
        files = merge_inputs(paths)
        # Each list is read into the slim records the merge needs at once, so no parsed document outlives its turn;
        # in one process, since a forked reader's copy of a large list would double the peak memory.
        documents, skipped = skip_merged(
            [
                merge_input(parse_file(path, facts=False, split=False), use_arxiv)
                for path in progress.files(files, "parsing")
            ],
            paths,
        )
        for skip in skipped:
            click.echo(f"merge: skipped {skip.path}: {skip.reason}", err=True)
        if not documents:
            raise UserError("nothing to merge: every input is a list written by awesome-lint merge (see above)")
        records = None
        if use_arxiv:
            from awesome_lint.links.check import arxiv_metadata, options_from

            options = options_from(config.links, arxiv_api=arxiv_api, cache_path=cache_path, offline=offline)
            ids = list(dict.fromkeys(i for doc in documents for i in doc.arxiv_ids))
            records, requests = arxiv_metadata(ids, options)
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
            credits=merge_credits(config.sources, [doc.path for doc in documents]),
            skipped=skipped,
            progress=progress,
        )
    if output == "-":
        _echo(result.markdown.removesuffix("\n"))
    else:
        write_atomic(output, result.markdown.encode("utf-8"), replace_read_only=write_read_only)
    if report_path == "-":
        _echo(report_json(result.report).removesuffix("\n"))
    elif report_path is not None:
        write_atomic(report_path, report_bytes(result.report), replace_read_only=write_read_only)
    if stats_path is not None or summary_md is not None:
        from awesome_lint.merge.stats import stats_markdown
        from awesome_lint.report.summary import append_markdown

        if stats_path is not None:
            stats = stats_markdown(result.report, DEFAULT_TITLE if title is None else title, taxonomy.names)
            write_atomic(stats_path, stats.encode("utf-8"), replace_read_only=write_read_only)
        if summary_md is not None:
            append_markdown(summary_md, stats_markdown(result.report, "awesome-lint", taxonomy.names, level=2))
    if use_arxiv:
        conflicts = len(result.report.conflicts)
        click.echo(
            f"arxiv: {conflicts} {'entry keeps' if conflicts == 1 else 'entries keep'} the lists' fields where "
            "arXiv's record may be another paper (the report's conflicts)",
            err=True,
        )
    click.echo(format_summary(result.report.summary), err=True)


@main.command("sync")
@click.argument("names", nargs=-1)
@click.option("--update", is_flag=True, help="Take the upstream changes: rewrite the files and the lock.")
@click.option("--force", is_flag=True, help="With --update, also replace files that differ from the lock.")
@click.option("--folder", default=None, help="Sync folder.  [default: `folder` in [sync], else lists/]")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--github-api", default=None, help="GitHub REST API base URL [env AWESOME_LINT_GITHUB_API].")
@click.option("--github-raw", default=None, help="GitHub raw file base URL [env AWESOME_LINT_GITHUB_RAW].")
@click.option("--allow-private", is_flag=True, default=None, help="Also fetch from private and loopback addresses.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=None, help="Seconds per request.  [default: 30]")
@click.option("--config", "config_path", default=None, help="Config file instead of the one found from here.")
@user_errors
def sync_command(
    names: tuple[str, ...],
    update: bool,
    force: bool,
    folder: str | None,
    fmt: str,
    github_api: str | None,
    github_raw: str | None,
    allow_private: bool | None,
    timeout: float | None,
    config_path: str | None,
) -> None:
    """Download the configured sources into the sync folder, pinned in its lock file, and report what changed.

    NAMES limit the run to those sources (display names or file names). Exit 0 when every source is at its
    locked version (or was updated), 1 when upstream changed and --update was not given, 2 on errors.
    """
    from awesome_lint.config import load_config
    from awesome_lint.report.sync import render_sync
    from awesome_lint.sources import FetchSettings, shown, sync_folder
    from awesome_lint.sources.sync import sync_sources

    config = load_config(config_path)
    if not config.sources:
        raise UserError("no sources configured: add [[tool.awesome-lint.merge.sources]] with name and source")
    settings = FetchSettings.from_table(
        config.sync, github_api=github_api, github_raw=github_raw, allow_private=allow_private, timeout=timeout
    )
    result = sync_sources(
        config.sources,
        sync_folder(config.root, config.sync, folder),
        settings,
        update=update,
        force=force,
        only=names,
        dedup=config.dedup_config(),
    )
    _echo(render_sync(result, fmt))
    for item in result.sources:
        if item.status == "failed":
            click.echo(f"awesome-lint: error: {item.notes[0]}", err=True)
        elif item.status == "modified":
            where = shown(result.folder / item.entry.file)
            click.echo(f"awesome-lint: error: {where}: differs from the lock; not replaced (--force does)", err=True)
    sys.exit(EXIT_ERROR if result.failed else EXIT_FINDINGS if result.pending else EXIT_OK)


@main.command("dupes")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--explain", is_flag=True, help="Show the signal and score that joined each member.")
@click.option("--config", "config_path", default=None, help="Config file instead of the one found from here.")
@user_errors
def dupes_command(paths: tuple[str, ...], fmt: str, explain: bool, config_path: str | None) -> None:
    """List papers cited more than once, within and across lists.

    PATHS are Markdown files, directories (a directory means every *.md in it) or sources
    (github:OWNER/REPO[@REF][:PATH], https://...). Thresholds come from `[tool.awesome-lint.dedup]`.
    """
    from awesome_lint.config import load_config
    from awesome_lint.dedup import cluster_entries, duplicate_clusters
    from awesome_lint.parse import parse_file
    from awesome_lint.report.clusters import render_clusters
    from awesome_lint.report.progress import Progress

    config = load_config(config_path)
    _remote_inputs(paths, config)
    with Progress() as progress:
        files = config.files(paths)
        papers = [
            (path, entry)
            for path in progress.files(files, "parsing")
            for entry in parse_file(path, facts=False, split=False).entries  # one process: see merge
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


_FORMATS = click.Choice(FORMATS)


def _network_flags(no_cache: str = "Neither read nor write the link cache.") -> Callable[[F], F]:
    """The link-checking options shared by `lint --links` and `check-links` (`no_cache`: the help of --no-cache)."""
    flags = [
        click.option(
            "--cache", "cache_path", default=None, help="Link cache file (SQLite).  [default: user cache dir]"
        ),
        click.option("--no-cache", is_flag=True, help=no_cache),
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
            "--timeout",
            type=click.FloatRange(min=0.1),
            default=None,
            help="Seconds a request may take in all (connect, TLS, headers).  [default: 10]",
        ),
    ]

    def add(func: F) -> F:
        for flag in reversed(flags):
            func = flag(func)
        return func

    return add


def _run(
    paths: tuple[str, ...],
    config: Any,
    *,
    fix: bool = False,
    diff: bool = False,
    since: str | None = None,
    network_flags: dict[str, Any] | None = None,
    summary_md: str | None = None,
    statistics: bool = False,
    exit_zero: bool = False,
    lint_summary: bool = False,
    write_read_only: bool = False,
    fail_on_unknown: bool = False,
    fixes_by_lint: bool = False,
    lint_cache: bool = False,
    block_facts: bool = True,
) -> None:
    """Lint (optionally checking links first), print findings, and exit with the documented code.

    `fail_on_unknown` also fails when a link or arXiv id could not be checked; `fixes_by_lint` names the `lint
    --fix` command for the fixable findings (a command without `--fix` of its own); `lint_cache` uses the lint
    cache the config names for a run without link checks; without `block_facts` (rules that read no block facts
    but the comments) the parse keeps none."""
    from contextlib import nullcontext

    from awesome_lint.findings import severity_rank
    from awesome_lint.lint import lint_paths
    from awesome_lint.regex import keep_compiled
    from awesome_lint.report import render

    files = config.files(paths)
    changed = None
    if since is not None:
        from awesome_lint.gitdiff import changed_files

        changed = changed_files(files, since)
    network = parsed = cache = None
    if lint_cache and network_flags is None:
        from awesome_lint.lint_cache import open_cache

        cache = open_cache(config.cache, config.root)
    with (
        keep_compiled(cache.patterns) if cache is not None else nullcontext(),
        paused_collection(freeze=True),  # parsing and linting: millions of objects living to the end, no cycles
    ):
        if network_flags is not None:
            from awesome_lint.lint import read_and_parse

            options = _link_options(config, network_flags)
            parsed = read_and_parse(files, block_facts)  # read and parsed once, for the link check and the rules
            network = _check_links([document for _source, document in parsed.values()], options, changed)
        results = lint_paths(
            files,
            config,
            fix=fix or diff,
            write=fix and not diff,
            network=network,
            write_read_only=write_read_only,
            parsed=parsed,
            cache=cache,
        )
    findings = [f for result in results for f in result.findings]
    if changed is not None:
        from awesome_lint.gitdiff import on_changed_lines

        findings = on_changed_lines(findings, changed)
    if diff:
        from awesome_lint.report.diff import fixes_diff

        text = fixes_diff(results)
        _echo(text or "No fixes to apply.")
        sys.exit(EXIT_FINDINGS if text else EXIT_OK)
    if summary_md and lint_summary:
        from awesome_lint.report.summary import append_markdown, lint_summary_markdown

        append_markdown(summary_md, lint_summary_markdown(findings))
    if summary_md and network is not None:
        from awesome_lint.report.summary import append_links_summary

        append_links_summary(summary_md, findings, network.summary())
    fixed = sum(result.applied for result in results)
    color = config.output_format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    if statistics:
        from awesome_lint.report.statistics import render_statistics

        output = render_statistics(findings, config.output_format)
    else:
        sources = {r.path: r.original if r.fixed is None else r.fixed for r in results}
        from awesome_lint.report.text import lint_fix_command

        fix_command = lint_fix_command(findings) if fixes_by_lint else ""
        output = render(
            findings, config.output_format, color=color, fixed=fixed, sources=sources, fix_command=fix_command
        )
    if output:
        _echo(output)
    threshold = severity_rank(config.fail_on)
    failing = any(severity_rank(f.severity) >= threshold for f in findings)
    if fail_on_unknown and network is not None and network.summary()["unknown"]:
        failing = True
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_OK)


def _link_options(config: Any, flags: dict[str, Any]) -> Any:
    """LinkCheckOptions from the config's links table and the command line (checked before any file is read)."""
    from awesome_lint.config import link_setting_problem
    from awesome_lint.links.check import options_from

    if flags["timeout"] is not None and (problem := link_setting_problem("timeout", flags["timeout"])):
        raise UserError(f"--timeout {problem}")
    return options_from(
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


def _check_links(documents: list[Any], options: Any, changed: dict[str, set[int] | None] | None) -> Any:
    """Check the documents' links (a progress bar on a terminal, none in CI) and print the summary to stderr."""
    from awesome_lint.links.check import plan_checks, run_checks
    from awesome_lint.report.progress import Progress

    plan = plan_checks(documents, changed)
    with Progress(threshold=1) as progress:
        network = run_checks(plan, options, progress=progress.counter("checking links", plan.total))
    from awesome_lint.report.summary import links_summary_line

    summary = network.summary()
    click.echo(links_summary_line(summary), err=True)
    if summary["offline"]:
        click.echo("links: no host name resolved: this run looked offline, so no link was called dead", err=True)
    return network


@main.command("lint")
@click.argument("paths", nargs=-1)
@click.option("--fix", is_flag=True, help="Apply safe fixes in place (atomically).")
@click.option("--diff", is_flag=True, help="Print the safe fixes as a unified diff; write nothing.")
@click.option("--write-read-only", is_flag=True, help="With --fix: also rewrite files that are read-only.")
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
@click.option("--statistics", is_flag=True, help="Print how many findings each rule has instead of the findings.")
@click.option("--summary-md", default=None, help="Append a Markdown summary here (e.g. $GITHUB_STEP_SUMMARY).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings reach --fail-on (2 still means an error).")
@click.option("--links", "check_links", is_flag=True, help="Also check links (arXiv API and HTTP); see check-links.")
@_network_flags(no_cache="Neither read nor write the lint cache (nor, with --links, the link cache).")
@click.option("--config", "config_path", default=None, help="Config file instead of the one found from here.")
@user_errors
def lint_command(
    paths: tuple[str, ...],
    fix: bool,
    diff: bool,
    write_read_only: bool,
    fmt: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    since: str | None,
    statistics: bool,
    summary_md: str | None,
    exit_zero: bool,
    check_links: bool,
    config_path: str | None,
    **network_flags: Any,
) -> None:
    """Check lists against the rules; exit 1 on findings at or above --fail-on, 2 on bad input.

    PATHS are Markdown files, directories (a directory means every *.md in it) or sources
    (github:OWNER/REPO[@REF][:PATH], https://...); none means README.md here.
    """
    from awesome_lint.config import load_config
    from awesome_lint.source import default_readme

    config = load_config(config_path).with_overrides(
        select=_split(select), ignore=_split(ignore), fail_on=fail_on, output_format=fmt
    )
    if statistics and config.output_format not in ("text", "json"):
        raise UserError("--statistics prints text or json, not " + config.output_format)
    _remote_inputs(paths, config, fix=fix, since=since)
    _run(
        paths or (default_readme(),),
        config,
        fix=fix,
        diff=diff,
        since=since,
        network_flags=network_flags if check_links else None,
        statistics=statistics,
        exit_zero=exit_zero,
        summary_md=summary_md,
        lint_summary=True,
        write_read_only=write_read_only,
        lint_cache=not network_flags["no_cache"],
    )


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
@_network_flags()
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

    Links are reported as written: an arXiv id arXiv does not take as written is malformed-arxiv-id,
    a version the paper does not have is arxiv-not-found. check-links writes nothing: the summary
    names the `awesome-lint lint --fix` command that applies the fixable findings.

    A link is dead only when its server says so (404, 410, a name that does not exist while others
    resolve); timeouts, 429, 5xx and bot walls are unknown. PATHS are Markdown files or directories.
    """
    from awesome_lint.config import load_config

    config = load_config(config_path).with_overrides(
        select=("AL5", "malformed-arxiv-id"),
        ignore=(),
        fail_on="info" if fail_on == "unknown" else fail_on,
        output_format=fmt,
    )
    _remote_inputs(paths, config, since=since)
    _run(
        paths,
        config,
        since=since,
        network_flags=flags,
        summary_md=summary_md,
        fail_on_unknown=fail_on == "unknown",
        fixes_by_lint=True,
        block_facts=False,  # the link rules and malformed-arxiv-id read entries and links, and comments
    )


@main.command("rules")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(RULE_FORMATS),
    default="text",
    show_default=True,
    help="markdown prints docs/rules.md; table prints the rule table of the README.",
)
def rules_command(fmt: str) -> None:
    """List every rule: code, name, default severity, fixability and summary."""
    from awesome_lint.report.rules import render_rules

    _echo(render_rules(fmt))


@main.command("rule")
@click.argument("name")
@user_errors
def rule_command(name: str) -> None:
    """Show one rule's documentation (by code or name)."""
    from awesome_lint.rules import rule_doc

    _echo(rule_doc(name))


def _echo(text: str) -> None:
    """Print to stdout, ending quietly when the reader goes away (`| head`)."""
    _echo_stream(lambda write: write(text))


def _echo_stream(produce: Callable[[Callable[[str], object]], object]) -> None:
    """Print what `produce` writes, chunk by chunk, and a newline, ending quietly when the reader goes away."""
    try:
        produce(lambda chunk: click.echo(chunk, nl=False))
        click.echo()
        sys.stdout.flush()
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_OK)
