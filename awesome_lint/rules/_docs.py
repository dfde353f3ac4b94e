"""docs/rules.md and `awesome-lint rule NAME`, generated from the registry (one source of truth)."""

from __future__ import annotations

from awesome_lint.rules._registry import RULES, Rule

HEADER = """# Rules

Generated from the rule registry by `awesome-lint rules --format markdown`; a test keeps this file in sync.
Select or ignore rules by code (`AL301`), code prefix (`AL3`) or name (`insecure-link`), in config,
on the command line and in `<!-- awesome-lint-disable ... -->` comments.

| code | name | severity | fix | summary |
| --- | --- | --- | --- | --- |
"""


FIX_TEXT = {
    "safe": "safe fix with `--fix`",
    "unsafe": "suggested fix, never applied by `--fix`",
    None: "no automatic fix",
}
FIX_COLUMN = {"safe": "yes", "unsafe": "unsafe", None: ""}


def rule_markdown(rule: Rule) -> str:
    """One rule's documentation section."""
    fix = FIX_TEXT[rule.fix]
    lines = [f"## {rule.code} `{rule.name}`", "", f"{rule.summary} Default severity: {rule.severity}; {fix}.", ""]
    if rule.doc:
        lines += [rule.doc, ""]
    return "\n".join(lines)


def rules_markdown() -> str:
    """The whole docs/rules.md text."""
    ordered = sorted(RULES.values(), key=lambda r: r.code)
    table = "".join(f"| {r.code} | `{r.name}` | {r.severity} | {FIX_COLUMN[r.fix]} | {r.summary} |\n" for r in ordered)
    return (HEADER + table + "\n" + "\n".join(rule_markdown(r) for r in ordered)).rstrip("\n") + "\n"
