"""The rule registry: each rule is a function of a lint Context, registered with a decorator."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from awesome_lint.findings import Fix, Severity
from awesome_lint.model import Document, Entry, Span


@dataclass(frozen=True, slots=True)
class Issue:
    """What a rule yields: where, what, and optionally how to fix it; the engine adds code and severity."""

    span: Span
    message: str
    fix: Fix | None = None


Check = Callable[["Context"], Iterable[Issue]]


@dataclass(frozen=True)
class Rule:
    """A registered rule: stable code and name, default severity, one-line summary and full docs."""

    code: str
    name: str
    severity: Severity
    summary: str
    check: Check
    fixable: bool = False
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def doc(self) -> str:
        """The rule's docstring: why it matters, then a bad and a good example."""
        return inspect.cleandoc(self.check.__doc__ or "")


RULES: dict[str, Rule] = {}
_REGISTERED: Any = object()  # Context.option's marker for "use the registered default"


def rule(
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    fixable: bool = False,
    options: dict[str, Any] | None = None,
) -> Callable[[Check], Check]:
    """Register a rule function under a code (AL101) and a kebab-case name (skipped-heading-level)."""

    def register(check: Check) -> Check:
        if code in RULES or any(r.name == name for r in RULES.values()):
            raise ValueError(f"rule {code} {name} registered twice")
        RULES[code] = Rule(code, name, severity, summary, check, fixable, dict(options or {}))
        return check

    return register


def resolve(selector: str) -> list[Rule]:
    """Rules matching a code, a code prefix (AL1, ALL) or a name; empty when nothing matches."""
    key = selector.strip()
    if key.upper() == "ALL":
        return list(RULES.values())
    by_name = [r for r in RULES.values() if r.name == key.lower()]
    if by_name:
        return by_name
    return [r for r in RULES.values() if r.code.startswith(key.upper())]


class Context:
    """Everything a rule may look at: the document (with its positions), options, and shared derived data."""

    def __init__(
        self,
        document: Document,
        options: dict[str, dict[str, Any]] | None = None,
        dedup: Any = None,
        network: Any = None,
    ) -> None:
        self.document = document
        self._options = options or {}
        self.dedup = dedup
        self.network = network
        """Link check results (links.check.NetworkResults) when the run checks links, else None."""

    def option(self, rule_name: str, key: str, default: Any = _REGISTERED) -> Any:
        """A rule option from config (`[tool.awesome-lint.rules.NAME]`), else the default the rule registered."""
        table = self._options.get(rule_name, {})
        if key in table:
            return table[key]
        if default is not _REGISTERED:
            return default
        return next(r.options[key] for r in RULES.values() if r.name == rule_name)

    @cached_property
    def papers(self) -> list[Entry]:
        """Entries of kind paper, in document order."""
        return [e for e in self.document.entries if e.kind == "paper"]

    @cached_property
    def clusters(self) -> list[Any]:
        """Duplicate clusters (two or more members) among this document's papers, from the matcher."""
        from awesome_lint.dedup import cluster_entries, duplicate_clusters

        return duplicate_clusters(cluster_entries(self.papers, self.dedup))


def run_rules(context: Context, rules: Iterable[Rule]) -> Iterator[tuple[Rule, Issue]]:
    """Run rules on one document, yielding each issue with the rule that found it.

    A rule given options in the config that fails on their values is a config error, not a crash.
    """
    from awesome_lint.errors import UserError

    for r in rules:
        try:
            for issue in r.check(context):
                yield r, issue
        except (TypeError, ValueError) as exc:
            if r.name not in context._options:
                raise
            raise UserError(f"rules.{r.name}: bad option value ({exc})") from None
