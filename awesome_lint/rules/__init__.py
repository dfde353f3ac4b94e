"""Lint rules, one module a rule (named after it); importing this package finds and registers them all."""

import importlib
import pkgutil

from awesome_lint.rules._docs import rule_markdown, rules_markdown
from awesome_lint.rules._registry import RULES, Context, Issue, Rule, configure, resolve, rule, run_rules

for _module in pkgutil.iter_modules(__path__):
    if not _module.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_module.name}")

__all__ = [
    "RULES",
    "Context",
    "Issue",
    "Rule",
    "configure",
    "resolve",
    "rule",
    "rule_markdown",
    "rules_markdown",
    "run_rules",
]
