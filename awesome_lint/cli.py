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
        counts = {
            kind: sum(1 for e in doc.entries if e.kind == kind) for kind in ("paper", "resource", "other")
        }
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
            lines.append(
                f"  {doc.path}:{entry.span.line}:{entry.span.column}: {entry.kind}: {entry.title}{extra}"
            )
    _echo("\n".join(lines))


def _echo(text: str) -> None:
    """Print to stdout, ending quietly when the reader goes away (`| head`)."""
    try:
        click.echo(text)
        sys.stdout.flush()
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_OK)
