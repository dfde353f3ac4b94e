"""The lint run: pick rules from config, run them on each file, drop suppressed findings, apply fixes."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from awesome_lint.config import Config
from awesome_lint.errors import UserError
from awesome_lint.findings import Finding, Fix
from awesome_lint.model import Document
from awesome_lint.source import Source, decode, read_source, write_atomic

if TYPE_CHECKING:
    from awesome_lint.lint_cache import LintCache
    from awesome_lint.rules import Context, Issue, Rule

# The parser, the rules and the fix engine are imported where they are first needed: a file the lint cache
# answers for needs none of them.

MAX_FIX_PASSES = 10
SPLIT_ENTRIES = 2000
"""Entries from which a document's rules are split between this process and a forked child: below it (every
list a pre-commit hook sees), forking and sending the findings back cost more than the half of the rules saves."""
SPLIT_BYTES = 400_000
"""Bytes of files to lint (not answered by the cache) from which two or more are shared out between this process
and a forked child: about the size of a list of SPLIT_ENTRIES entries."""


class FileResult(NamedTuple):
    """Findings for one file, and after `--fix`, its new bytes and how many fixes went in."""

    path: str
    findings: tuple[Finding, ...]
    original: bytes
    fixed: bytes | None = None
    applied: int = 0


def _codes(selector: str, where: str) -> list[str]:
    from awesome_lint.rules import resolve, selected

    rules = selected(selector) if where == "select" else resolve(selector)
    if not rules:
        raise UserError(f"{where}: unknown rule '{selector}' (see `awesome-lint rules`)")
    return [r.code for r in rules]


def select_rules(config: Config, path: str | None = None) -> list[Rule]:
    """The rules to run on a file: selected, minus ignored, minus the file's per-file ignores."""
    from awesome_lint.rules import RULES

    chosen: set[str] = set()
    for selector in config.select:
        chosen.update(_codes(selector, "select"))
    for selector in config.ignore:
        chosen.difference_update(_codes(selector, "ignore"))
    if path is not None:
        for selector in config.ignored_for(path):
            chosen.difference_update(_codes(selector, "per-file-ignores"))
    return [RULES[code] for code in sorted(chosen)]


def lint_document(
    document: Document, config: Config, network: Any = None, split_from: int = SPLIT_ENTRIES
) -> list[Finding]:
    """Run the configured rules on a parsed document; findings switched off by comments are dropped.

    `network` carries link check results (links.check.NetworkResults) for the network rules. Rules that judge
    the suppression comments run last, once every other rule's findings have been matched against them. A
    document of `split_from` entries or more has its rules split between this process and a forked child
    (unless AWESOME_LINT_JOBS is 1); the findings are the same.
    """
    from awesome_lint.rules import Context
    from awesome_lint.suppress import Suppressions, parse_directives

    rules = select_rules(config, document.path)
    dedup = config.dedup_config() if config.dedup else None  # None: the defaults, without importing the matcher
    context = Context(document, config.rule_options(), dedup, network)
    directives = parse_directives(document, _rule_codes)
    judged = {r.code for r in rules if not r.links and not r.reads_suppressions}
    suppressions = Suppressions(directives, judged)
    split = False
    if len(document.entries) >= split_from:
        from awesome_lint.workers import may_share  # (a small list needs no worker machinery)

        split = may_share()
    found: list[tuple[Rule, Issue]] = []
    for late in (False, True):
        context.suppressions = suppressions if late else None
        phase = [r for r in rules if r.reads_suppressions == late]
        issues = _issues(context, phase, split)
        found += [(r, i) for r in phase for i in issues[r.code] if not suppressions.suppressed(i.span.line, r.code)]
    findings = [
        Finding(document.path, issue.span, r.code, r.name, r.severity, issue.message, issue.fix) for r, issue in found
    ]
    findings.sort(key=Finding.sort_key)
    return findings


def split_rules(rules: list[Rule]) -> tuple[list[Rule], list[Rule]]:
    """The rules in two shares of similar cost (`Rule.cost`), those that share derived data in the same one: this
    process's share (with every rule of no cost, and the link and suppression rules) and a child's (empty when
    one share would have no cost)."""
    from awesome_lint.workers import halves

    families: dict[str, list[Rule]] = {}
    for r in rules:
        if r.cost and not r.links and not r.reads_suppressions:
            families.setdefault(r.shares or r.code, []).append(r)
    _, moved = halves({key: sum(r.cost for r in family) for key, family in families.items()})
    if not moved or len(moved) == len(families):
        return rules, []
    there = {r.code for key in moved for r in families[key]}
    return [r for r in rules if r.code not in there], [r for r in rules if r.code in there]


def _issues(context: Context, rules: list[Rule], split: bool) -> dict[str, list[Issue]]:
    """Each rule's issues, by code; with `split`, a share of the rules runs in a forked child meanwhile."""
    here, there = split_rules(rules) if split else (rules, [])
    if not there:
        return _run(context, rules)
    from awesome_lint.workers import Forked

    with Forked(lambda: _run(context, there)) as child:
        issues = _run(context, here)
        issues.update(child.result())
    return issues


def _run(context: Context, rules: list[Rule]) -> dict[str, list[Issue]]:
    """Each rule's issues on the context's document, by code."""
    return {r.code: list(r.run(context)) for r in rules}


def _rule_codes(selector: str) -> list[str]:
    """The codes of the rules a code, prefix or name in a comment stands for (none for an unknown one)."""
    from awesome_lint.rules import resolve

    return [r.code for r in resolve(selector)]


def lint_source(
    source: Source,
    config: Config,
    network: Any = None,
    document: Document | None = None,
    cache: LintCache | None = None,
    split_from: int = SPLIT_ENTRIES,
) -> list[Finding]:
    """Parse and lint one decoded file (`document`: the source parsed already); with a `cache`, findings of
    bytes linted before with the same settings come from it (never when `network` holds link check results).
    `split_from`: as for lint_document."""
    cache = _usable_cache(cache, network)
    if cache is not None:
        cached = cache.get(source.path, source.data, config)
        if cached is not None:
            return cached
    if document is None:
        from awesome_lint.parse import parse_source

        document = parse_source(source, source.data)
    findings = lint_document(document, config, network, split_from)
    if cache is not None:
        cache.put(source.path, source.data, config, findings)
    return findings


def _usable_cache(cache: LintCache | None, network: Any) -> LintCache | None:
    """The lint cache a run may read and write: none when the rules see link check results (`network`), which
    the cache key does not hold."""
    return cache if network is None else None


def fix_source(
    source: Source,
    config: Config,
    network: Any = None,
    document: Document | None = None,
    cache: LintCache | None = None,
) -> FileResult:
    """Apply safe fixes until none is left (at most MAX_FIX_PASSES passes); report what remains."""
    data = source.data
    applied = 0
    current = source
    for _ in range(MAX_FIX_PASSES):
        findings = lint_source(current, config, network, document if current is source else None, cache)
        fixes: list[Fix] = [f.fix for f in findings if f.fix is not None and f.fix.safe]
        if not fixes:
            break
        from awesome_lint.fix import apply_fixes

        result = apply_fixes(current.data, fixes, current.newline)
        if result.applied == 0 or result.data == current.data:
            break
        applied += result.applied
        current = decode(result.data, source.path)
    findings = lint_source(current, config, network, document if current is source else None, cache)
    return FileResult(source.path, tuple(findings), data, current.data, applied)


def lint_paths(
    paths: Iterable[str],
    config: Config,
    fix: bool = False,
    write: bool = True,
    network: Any = None,
    write_read_only: bool = False,
    parsed: Mapping[str, tuple[Source, Document]] | None = None,
    cache: LintCache | None = None,
) -> list[FileResult]:
    """Lint (and with `fix`, repair and atomically rewrite) every file; unreadable files raise UserError.

    `parsed` holds files read and parsed already (by the link check), which are not read again; `cache` answers
    for files linted before (see lint_source). A fixed file is
    written only if it still holds the bytes that were read (an edit made meanwhile is never overwritten), and a
    read-only file only with `write_read_only`.
    """
    if not fix and not parsed:
        return _lint_files(list(paths), config, network, cache)
    results: list[FileResult] = []
    for path in paths:
        source, document = parsed[path] if parsed and path in parsed else (read_source(path), None)
        if fix:
            result = fix_source(source, config, network, document, cache)
            if write and result.fixed is not None and result.fixed != result.original:
                write_atomic(path, result.fixed, expected=result.original, replace_read_only=write_read_only)
            results.append(result)
        else:
            findings = lint_source(source, config, network, document, cache)
            results.append(FileResult(path, tuple(findings), source.data))
    return results


def _lint_files(paths: list[str], config: Config, network: Any, cache: LintCache | None) -> list[FileResult]:
    """Lint files without fixing them; when two or more the cache does not answer for make SPLIT_BYTES together
    and can be shared out evenly, a forked child lints about half of them meanwhile (neither splits rules)."""
    sources = [read_source(path) for path in paths]  # every file read first: an unreadable one stops the run
    cache = _usable_cache(cache, network)
    found: list[list[Finding] | None] = [cache.get(s.path, s.data, config) if cache else None for s in sources]
    here, there = _file_shares({i: len(sources[i].data) for i, findings in enumerate(found) if findings is None})

    def lint(share: list[int], split_from: int) -> dict[int, list[Finding]]:
        return {i: lint_source(sources[i], config, network, split_from=split_from) for i in share}

    if there:
        from awesome_lint.workers import Forked

        with Forked(lambda: lint(there, sys.maxsize)) as child:
            done = lint(here, sys.maxsize)
            done.update(child.result())
    else:
        done = lint(here, SPLIT_ENTRIES)
    for i in sorted(done):
        found[i] = done[i]
        if cache is not None:
            cache.put(sources[i].path, sources[i].data, config, done[i])
    return [
        FileResult(path, tuple(findings or ()), source.data)
        for path, source, findings in zip(paths, sources, found, strict=True)
    ]


def _file_shares(sizes: dict[int, int]) -> tuple[list[int], list[int]]:
    """The files (by index, with their sizes) this process and a child lint: about half the bytes each when two or
    more files make SPLIT_BYTES together and neither share outweighs the other three to one; else all here."""
    total = sum(sizes.values())
    if len(sizes) >= 2 and total >= SPLIT_BYTES:
        from awesome_lint.workers import halves, may_share  # (small runs need no worker machinery)

        if may_share():
            here, there = halves(sizes)
            if max(sum(sizes[i] for i in share) for share in (here, there)) <= 0.75 * total:
                return here, there
    return list(sizes), []  # one file outweighs the rest: its rules are split instead


def read_and_parse(paths: Iterable[str], facts: bool = True) -> dict[str, tuple[Source, Document]]:
    """Read and parse each file once, for a run that needs the documents before linting them (link checks);
    without `facts`, for rules that read none of the block facts, the documents keep only their comments."""
    from awesome_lint.parse import parse_source

    parsed: dict[str, tuple[Source, Document]] = {}
    for path in paths:
        if path not in parsed:
            source = read_source(path)
            parsed[path] = (source, parse_source(source, source.data, facts, comments=True))
    return parsed
