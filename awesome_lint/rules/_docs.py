"""Rule docs from the registry: `awesome-lint rule NAME`, docs/rules.md and the README's rule table (one source
of truth; tests keep the files in sync)."""

from __future__ import annotations

from awesome_lint.errors import UserError
from awesome_lint.rules._registry import RULES, Rule, resolve

HEADER = """# Rules

Generated from the rule registry by `awesome-lint rules --format markdown`; a test keeps this file in sync.
Select or ignore rules by code (`AL301`), code prefix (`AL3`) or name (`insecure-link`), in config,
on the command line and in `<!-- awesome-lint-disable ... -->` comments. The rules of the `awesome` set
(AL6xx, what the npm awesome-lint checks before a list joins sindresorhus/awesome) are opt-in: `ALL`, the
default selection, leaves them out; `--select ALL,awesome` (or `select = ["ALL", "awesome"]`) adds them.

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
    summary = rule.summary[:1].upper() + rule.summary[1:]
    summary += "" if summary.endswith(("?", "!", ".")) else "."
    opt_in = f"; opt-in (the `{rule.group}` rule set)" if rule.group else ""
    lines = [f"## {rule.code} `{rule.name}`", "", summary, "", f"Default severity: {rule.severity}; {fix}{opt_in}.", ""]
    if rule.doc:
        lines += [rule.doc, ""]
    return "\n".join(lines)


def ordered_rules() -> list[Rule]:
    """Every rule, by code."""
    return sorted(RULES.values(), key=lambda r: r.code)


def rules_table() -> str:
    """The Markdown table of every rule: code, name, default severity, fix, opt-in set, summary."""
    rows = "".join(
        f"| {r.code} | `{r.name}` | {r.severity} | {FIX_COLUMN[r.fix]} | {r.group or ''} | {r.summary} |\n"
        for r in ordered_rules()
    )
    return "| code | name | severity | fix | opt-in | summary |\n| --- | --- | --- | --- | --- | --- |\n" + rows


def rules_markdown() -> str:
    """The whole docs/rules.md text."""
    sections = "\n".join(rule_markdown(r) for r in ordered_rules())
    return (HEADER + rules_table() + "\n" + sections).rstrip("\n") + "\n"


def rule_doc(selector: str) -> str:
    """One rule's documentation, by code or name; an unknown rule is a UserError."""
    found = resolve(selector)
    if len(found) != 1:
        raise UserError(f"unknown rule '{selector}' (see `awesome-lint rules`)")
    return rule_markdown(found[0]).rstrip("\n")
