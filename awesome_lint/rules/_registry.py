"""The rule registry: each rule is a function of a lint Context (and its typed options), registered with a decorator."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypeVar

from awesome_lint.errors import UserError
from awesome_lint.findings import Edit, Fix, Severity
from awesome_lint.model import Document, Entry, Span
from awesome_lint.rules._options import defaults, options_doc, read_options

if TYPE_CHECKING:
    from awesome_lint.parse.tree import Tree


class Issue(NamedTuple):
    """What a rule yields: where, what, and optionally how to fix it; the engine adds code and severity."""

    span: Span
    message: str
    fix: Fix | None = None
    suggestion: Edit | None = None
    """What the message tells the reader to write, where that is more than the fix writes (a safe fix leaves
    other rules' questions, such as a pinned version, to them)."""


T = TypeVar("T")

Check = Callable[..., Iterable[Issue]]
"""A rule's check: `check(ctx)`, or `check(ctx, options)` for a rule with Options (see `_options`)."""
FixKind = Literal["safe", "unsafe"]


class Rule(NamedTuple):
    """A registered rule: stable code and name, default severity, one-line summary, docs, fix and options."""

    code: str
    name: str
    severity: Severity
    summary: str
    check: Check
    fix: FixKind | None = None
    options: type | None = None
    group: str | None = None
    links: bool = False
    """Its findings come from link check results (`--links`), so they differ from run to run."""
    reads_suppressions: bool = False
    """It judges the suppression comments (Context.suppressions), so it runs after every other rule."""
    cost: int = 0
    """Its rough time on a large list, in tenths of a second on the 30x synthetic list; the lint run splits the
    rules that have one between two processes (0: too cheap to be worth moving)."""
    shares: str | None = None
    """What it shares with other rules (a Context.derived value, a memo of parsed titles or URLs): rules that
    name the same run in the same process, so it is made once."""

    @property
    def opt_in(self) -> bool:
        """Whether the rule belongs to an opt-in rule set, which `ALL` (the default selection) leaves out."""
        return self.group is not None

    @property
    def fixable(self) -> bool:
        """Whether `--fix` repairs what the rule finds (its fix is safe)."""
        return self.fix == "safe"

    @property
    def defaults(self) -> dict[str, Any]:
        """Each option's default, keyed by its config name."""
        return defaults(self.options)

    @property
    def doc(self) -> str:
        """The rule's docstring (why it matters, a bad and a good example), then its options."""
        return "\n\n".join(
            part for part in (inspect.cleandoc(self.check.__doc__ or ""), options_doc(self.options)) if part
        )

    def configure(self, table: Mapping[str, Any]) -> Any:
        """The rule's Options from its config table; unknown keys and bad values are UserErrors."""
        where = f"rules.{self.name}"
        for key in table:
            if key not in self.defaults:
                known = ", ".join(sorted(self.defaults)) or "none"
                raise UserError(f"{where}: unknown option '{key}' (options: {known})")
        if self.options is None:
            return None
        try:
            return read_options(self.options, table)
        except ValueError as exc:
            raise UserError(f"{where}: bad option value: {exc}") from None

    def run(self, ctx: Context) -> Iterable[Issue]:
        """The rule's issues on one document, with the options the context holds for it."""
        if self.options is None:
            return self.check(ctx)
        return self.check(ctx, ctx.options.get(self.name) or self.options())


RULES: dict[str, Rule] = {}

GROUPS: dict[str, str] = {
    "awesome": "what the npm awesome-lint, the gate of sindresorhus/awesome, checks in a list's file",
}
"""Opt-in rule sets, by name: their rules run only when the set, a code prefix, a code or a name selects them."""


def rule(
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    fix: FixKind | None = None,
    options: type | None = None,
    group: str | None = None,
    links: bool = False,
    reads_suppressions: bool = False,
    cost: int = 0,
    shares: str | None = None,
) -> Callable[[Check], Check]:
    """Register a rule function under a code (AL101) and a kebab-case name (skipped-heading-level); a rule of a
    `group` (one of GROUPS) is opt-in; `cost` and `shares` say how the lint run may split the rules."""

    def register(check: Check) -> Check:
        if code in RULES or any(r.name == name for r in RULES.values()) or name in GROUPS:
            raise ValueError(f"rule {code} {name} registered twice")
        if group is not None and group not in GROUPS:
            raise ValueError(f"rule {code} {name}: unknown group {group}")
        RULES[code] = Rule(
            code, name, severity, summary, check, fix, options, group, links, reads_suppressions, cost, shares
        )
        return check

    return register


def configure(tables: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Typed options for each rule named in `[tool.awesome-lint.rules]`; unknown names and options are errors."""
    by_name = {r.name: r for r in RULES.values()}
    configured = {}
    for name, table in tables.items():
        if name not in by_name:
            raise UserError(f"rules.{name}: unknown rule name (see `awesome-lint rules`)")
        configured[name] = by_name[name].configure(table)
    return configured


def resolve(selector: str) -> list[Rule]:
    """Rules matching a code, a code prefix (AL1), a name, an opt-in group's name (awesome) or ALL (every rule);
    empty when nothing matches."""
    key = selector.strip()
    if key.upper() == "ALL":
        return list(RULES.values())
    if key.lower() in GROUPS:
        return [r for r in RULES.values() if r.group == key.lower()]
    by_name = [r for r in RULES.values() if r.name == key.lower()]
    if by_name:
        return by_name
    return [r for r in RULES.values() if r.code.startswith(key.upper())]


def selected(selector: str) -> list[Rule]:
    """The rules a `select` entry turns on: as `resolve`, except that ALL leaves the opt-in groups out."""
    rules = resolve(selector)
    return [r for r in rules if not r.opt_in] if selector.strip().upper() == "ALL" else rules


class Context:
    """Everything a rule may look at: the document (with its positions), options, and shared derived data."""

    def __init__(
        self,
        document: Document,
        options: Mapping[str, Any] | None = None,
        dedup: Any = None,
        network: Any = None,
    ) -> None:
        self.document = document
        self.options = options or {}
        """Typed options of the configured rules, by rule name (see `configure`); others use their defaults."""
        self.dedup = dedup
        self.network = network
        """Link check results (links.check.NetworkResults) when the run checks links, else None."""
        self._derived: dict[Callable[[Context], Any], Any] = {}
        self.suppressions: Any = None
        """The suppression comments and the findings they switched off (suppress.Suppressions), set by the lint
        run once every other rule has run; only for rules registered with `reads_suppressions`."""

    def derived(self, make: Callable[[Context], T]) -> T:
        """`make(self)`, made once per context: data derived from the document that several rules read (and
        none changes)."""
        if make not in self._derived:
            self._derived[make] = make(self)
        return self._derived[make]  # type: ignore[no-any-return]

    @cached_property
    def papers(self) -> list[Entry]:
        """Entries of kind paper, in document order."""
        return [e for e in self.document.entries if e.kind == "paper"]

    @cached_property
    def comment_lines(self) -> frozenset[int]:
        """The 1-based lines of HTML blocks that hold nothing but comments (as the parser read them)."""
        return frozenset(
            number
            for block in self.document.blocks
            if block.comment
            for number in range(block.span.line, block.span.end_line + 1)
        )

    @cached_property
    def tree(self) -> Tree:
        """The Markdown tree: blocks and inline nodes as CommonMark reads them (parsed when a rule first asks)."""
        from awesome_lint.parse.tree import markdown_tree

        return markdown_tree(self.document)

    @cached_property
    def clusters(self) -> list[Any]:
        """Duplicate clusters (two or more members) among this document's papers, from the matcher."""
        if len(self.papers) < 2:
            return []
        from awesome_lint.dedup import cluster_entries, duplicate_clusters

        return duplicate_clusters(cluster_entries(self.papers, self.dedup))


def run_rules(context: Context, rules: Iterable[Rule]) -> Iterator[tuple[Rule, Issue]]:
    """Run rules on one document, yielding each issue with the rule that found it."""
    for r in rules:
        for issue in r.run(context):
            yield r, issue
