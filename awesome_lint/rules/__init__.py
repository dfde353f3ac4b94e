"""Lint rules, one module a rule (named after it); importing this package finds and registers them all."""

import importlib
import os

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

# The rule modules in file-name order (as pkgutil.iter_modules lists them, without importing pkgutil).
for _file in sorted(os.listdir(__path__[0])):
    if _file.endswith(".py") and not _file.startswith("_"):
        importlib.import_module(f"{__name__}.{_file[:-3]}")

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
