"""A fixture per rule (tests/fixtures/<name>.md): the rule reports exactly the lines marked
`<!-- expect: CODE -->`, and `--fix` turns a fixable rule's fixture into <name>.fixed.md.

Each fixture is linted with its rule alone, except for a rule that judges suppression comments, which needs
the other rules' findings: its fixture is linted with every rule (and only its own findings are compared)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from rulecheck import EXAMPLE_NETWORK, strip_expectations

from awesome_lint.cli import main
from awesome_lint.config import Config
from awesome_lint.lint import lint_document
from awesome_lint.parse import parse_bytes
from awesome_lint.rules import Rule, ordered_rules

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(rule: Rule) -> tuple[bytes, Counter[tuple[int, str]]]:
    """A rule's fixture as the rules see it (markers removed), and the findings it marks."""
    text, expected = strip_expectations((FIXTURES / f"{rule.name}.md").read_text(encoding="utf-8"))
    return text.encode("utf-8"), expected


def selection(rule: Rule) -> str:
    """The rules a fixture is linted with."""
    return "ALL" if rule.reads_suppressions else rule.code


@pytest.mark.parametrize("rule", ordered_rules(), ids=lambda r: r.name)
def test_fixture_findings_are_the_marked_ones(rule: Rule) -> None:
    data, expected = fixture(rule)
    assert expected and set(code for _line, code in expected) == {rule.code}
    doc = parse_bytes(data, f"{rule.name}.md")
    findings = lint_document(doc, Config(select=(selection(rule),)), EXAMPLE_NETWORK)
    found = Counter((f.span.line, f.code) for f in findings if f.code == rule.code)
    assert sorted(found.elements()) == sorted(expected.elements())


@pytest.mark.parametrize("rule", [r for r in ordered_rules() if r.fixable], ids=lambda r: r.name)
def test_fix_turns_the_fixture_into_its_fixed_file(rule: Rule, tmp_path: Path) -> None:
    data, _expected = fixture(rule)
    target = tmp_path / f"{rule.name}.md"
    target.write_bytes(data)
    config = tmp_path / ".awesome-lint.toml"
    config.write_text("")
    args = ["lint", "--fix", "--select", selection(rule), "--config", str(config), str(target)]
    CliRunner().invoke(main, args)
    assert target.read_bytes() == (FIXTURES / f"{rule.name}.fixed.md").read_bytes()
    CliRunner().invoke(main, args)
    assert target.read_bytes() == (FIXTURES / f"{rule.name}.fixed.md").read_bytes()


def test_every_fixture_belongs_to_a_rule() -> None:
    names = {r.name for r in ordered_rules()}
    fixable = {r.name for r in ordered_rules() if r.fixable}
    for path in FIXTURES.glob("*.md"):
        name = path.name.removesuffix(".fixed.md").removesuffix(".md")
        assert name in (fixable if path.name.endswith(".fixed.md") else names), path.name
