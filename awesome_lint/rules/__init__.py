"""Lint rules, one module per family; importing this package registers them all."""

from awesome_lint.rules import entries, links, network, structure, text  # noqa: F401  (registration)
from awesome_lint.rules.registry import RULES, Context, Issue, Rule, resolve, rule, run_rules

__all__ = ["RULES", "Context", "Issue", "Rule", "resolve", "rule", "run_rules"]
