"""Every rule's documented examples: the Bad example reports the rule, the Good example does not."""

from __future__ import annotations

import inspect

import pytest
from rulecheck import EXAMPLE_NETWORK

from awesome_lint.config import Config
from awesome_lint.lint import lint_document
from awesome_lint.parse import parse_text
from awesome_lint.rules import Rule, ordered_rules


def examples(rule: Rule) -> tuple[str, str]:
    """The Bad and Good examples of a rule's docs as Markdown files (␠ stands for a space)."""
    doc = rule.doc
    assert "Bad:" in doc and "Good:" in doc, rule.name
    bad = doc.split("Bad:", 1)[1].split("Good:", 1)[0]
    good = doc.split("Good:", 1)[1].split("Options:", 1)[0]
    return tuple(inspect.cleandoc(text).replace("␠", " ") + "\n" for text in (bad, good))  # type: ignore[return-value]


def codes(markdown: str) -> list[str]:
    """The codes of every finding on a Markdown file (opt-in rules too), with the example link check results."""
    config = Config(select=("ALL", "awesome"))
    return [f.code for f in lint_document(parse_text(markdown, "example.md"), config, EXAMPLE_NETWORK)]


@pytest.mark.parametrize("rule", ordered_rules(), ids=lambda r: f"{r.code}-{r.name}")
def test_bad_example_reports_the_rule(rule: Rule) -> None:
    bad, _good = examples(rule)
    assert rule.code in codes(bad), bad


@pytest.mark.parametrize("rule", ordered_rules(), ids=lambda r: f"{r.code}-{r.name}")
def test_good_example_does_not_report_the_rule(rule: Rule) -> None:
    _bad, good = examples(rule)
    assert rule.code not in codes(good), good


def test_docs_name_every_option() -> None:
    for rule in ordered_rules():
        for key in rule.defaults:
            assert f"    {key} = " in rule.doc.split("Options:")[1], (rule.name, key)
