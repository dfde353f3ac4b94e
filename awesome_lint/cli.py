"""Command line: thin click glue around the library (argument parsing, output, exit codes)."""

from __future__ import annotations

import json
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
    from awesome_lint.source import expand_paths

    documents = [parse_file(path) for path in expand_paths(paths)]
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
@click.option("--taxonomy", "taxonomy_path", default=None, help="Topic taxonomy TOML instead of the built-in one.")
@click.option("--title", default=None, help='Title of the merged list.  [default: "Awesome Model Compression"]')
@user_errors
def merge_command(
    paths: tuple[str, ...], output: str, report_path: str | None, taxonomy_path: str | None, title: str | None
) -> None:
    """Merge lists into one canonical list, one entry per paper, with a report of every source.

    PATHS are Markdown files or directories (a directory means every *.md in it except README.md).
    A summary table goes to stderr.
    """
    from awesome_lint.merge import (
        DEFAULT_TITLE,
        format_summary,
        load_taxonomy,
        merge_documents,
        merge_inputs,
        report_json,
    )
    from awesome_lint.parse import parse_file
    from awesome_lint.source import write_atomic

    taxonomy = load_taxonomy(taxonomy_path)
    documents = [parse_file(path) for path in merge_inputs(paths)]
    result = merge_documents(documents, taxonomy, title=DEFAULT_TITLE if title is None else title)
    if output == "-":
        _echo(result.markdown.removesuffix("\n"))
    else:
        write_atomic(output, result.markdown.encode("utf-8"))
    if report_path == "-":
        _echo(report_json(result.report).removesuffix("\n"))
    elif report_path is not None:
        write_atomic(report_path, report_json(result.report).encode("utf-8"))
    click.echo(format_summary(result.report["summary"]), err=True)


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
    from awesome_lint.source import expand_paths

    config = load_config(config_path)
    papers = [
        (path, entry)
        for path in expand_paths(paths)
        if not config.is_excluded(path)
        for entry in parse_file(path).entries
        if entry.kind == "paper"
    ]
    clusters = duplicate_clusters(cluster_entries([entry for _path, entry in papers], config.dedup_config()))
    _echo(render_clusters(clusters, papers, fmt, explain))


def _echo(text: str) -> None:
    """Print to stdout, ending quietly when the reader goes away (`| head`)."""
    try:
        click.echo(text)
        sys.stdout.flush()
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_OK)
