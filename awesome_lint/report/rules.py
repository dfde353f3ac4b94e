"""Output of `awesome-lint rules`: every rule as a line of text, as JSON, or as the Markdown table or docs."""

from __future__ import annotations

RULE_FORMATS = ("text", "json", "table", "markdown")


def render_rules(fmt: str) -> str:
    """Every rule as text (one line each), JSON, the Markdown table, or the whole Markdown docs."""
    from awesome_lint.rules import ordered_rules, rules_markdown, rules_table

    if fmt == "markdown":
        return rules_markdown().rstrip("\n")
    if fmt == "table":
        return rules_table().rstrip("\n")
    if fmt == "json":
        import json

        listed = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity,
                "fixable": r.fixable,
                "fix": r.fix,
                "summary": r.summary,
                "options": r.defaults,
                "group": r.group,
            }
            for r in ordered_rules()
        ]
        return json.dumps(listed, indent=2)
    return "\n".join(
        f"{r.code}  {r.name:<24} {r.severity:<8} {'fix' if r.fixable else '   '}  {r.summary}"
        + (f" (opt-in: {r.group})" if r.group else "")
        for r in ordered_rules()
    )
