"""Lint rules, one module a rule (named after it); importing this package finds and registers them all."""

import importlib
import pkgutil

from awesome_lint.rules._docs import ordered_rules, rule_doc, rule_markdown, rules_markdown, rules_table
from awesome_lint.rules._registry import (
    GROUPS,
    RULES,
    Context,
    Issue,
    Rule,
    configure,
    resolve,
    rule,
    run_rules,
    selected,
)

for _module in pkgutil.iter_modules(__path__):
    if not _module.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_module.name}")

__all__ = [
    "GROUPS",
    "RULES",
    "Context",
    "Issue",
    "Rule",
    "configure",
    "ordered_rules",
    "resolve",
    "rule",
    "rule_doc",
    "rule_markdown",
    "rules_markdown",
    "rules_table",
    "run_rules",
    "selected",
]
