"""The `awesome` rule set reports what the real npm awesome-lint reports (same rule, line and column) on the
seed lists, the dev lists, the merged list in its old format, tables of contents and every rule's fixture."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest
from conftest import DATA, LISTS
from npm_tools import awesome_lint_files
from rulecheck import strip_expectations
from test_merge_gate import merged

from awesome_lint.parse import parse_text
from awesome_lint.rules import Context, Rule, resolve

FIXTURES = Path(__file__).parent / "fixtures"
MIRRORS = {
    "awesome-badge": "awesome-badge",
    "awesome-heading": "awesome-heading",
    "awesome-list-item": "awesome-list-item",
    "no-undefined-references": "undefined-reference",
    "awesome-toc": "awesome-contents",
    "no-repeat-item-in-description": "name-in-description",
}
"""The npm awesome-lint's rule -> the rule of the `awesome` set that mirrors it."""

TOCS = {
    "toc-missing-section.md": "# Awesome X\n\n## Contents\n\n- [A](#a)\n\n## A\n\n## B\n",
    "toc-bad-anchor.md": "# Awesome X\n\n## Contents\n\n- [A](#aa)\n- [B](#b)\n\n## A\n\n## B\n",
    "toc-twice.md": "# Awesome X\n\n## Contents\n\n- [A](#a)\n- [A](#a)\n\n## A\n\n## A\n",
    "toc-not-first.md": "# Awesome X\n\n## Intro\n\n## Contents\n\n- [A](#a)\n\n## A\n",
    "toc-no-title.md": "## Contents\n\n- [A](#a)\n\n## A\n",
    "toc-two-lists.md": "# Awesome X\n\n## Contents\n\n- [A](#a)\n\n1. [A](#a)\n\n## A\n",
    "toc-no-sections.md": "# Awesome X\n\n## Contents\n\n- [A](#a)\n",
    "toc-deep.md": "# Awesome X\n\n## Contents\n\n- [A](#a)\n  - [B](#b)\n    - [C](#c)\n\n## A\n\n### B\n\n#### C\n",
    "toc-sub.md": "# Awesome X\n\n## Contents\n\n- [A](#a)\n  - [B](#b)\n  - [D](#d)\n\n## A\n\n### B\n\n### C\n",
    "toc-no-link.md": "# Awesome X\n\n## Contents\n\n- A\n\n## A\n\n## Contributing\n",
    "toc-good.md": (
        "# Awesome X\n\n## Contents\n\n- [A](#a)\n  - [B](#b)\n- [C](#c)\n\n## A\n\n### B\n\n## C\n\n## Contributing\n"
    ),
}


def old_format(markdown: str) -> str:
    """The merged list as merge wrote it before it passed the gate: no badge, `[Title](url) Authors. *Venue*`
    without ` - ` or a closing full stop, `[[code]](url)` links, and `[Title]` for papers no list links."""
    out = []
    for line in markdown.split("\n"):
        line = line.replace(" [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)", "")
        if line.startswith("- [") and "](#" not in line:
            line = re.sub(r"\]\((https://scholar\.google\.com/[^)]*)\)", "]", line)
            line = line.replace(") - ", ") ", 1).replace("*. ", "* ").replace("[Code](", "[[code]](")
            line = line[:-1] if line.endswith("*.") else line
        out.append(line)
    return "\n".join(out)


@lru_cache(maxsize=1)
def inputs() -> dict[str, str]:
    """Every file compared, by a name unique in one folder."""
    files = {f"seed-{p.name}": p.read_text(encoding="utf-8") for p in sorted(LISTS.glob("*.md"))}
    files |= {f"dev-{p.name}": p.read_text(encoding="utf-8") for p in sorted((DATA / "real-lists").glob("*.md"))}
    files["merged.md"] = merged(False)
    files["merged-old-format.md"] = old_format(merged(False))
    files |= TOCS
    for rule in resolve("awesome"):
        files[f"fixture-{rule.name}.md"] = strip_expectations((FIXTURES / f"{rule.name}.md").read_text())[0]
    return files


@pytest.fixture(scope="module")
def npm(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Counter[tuple[int, int, str]]]:
    """The npm awesome-lint's findings of the mirrored rules on every input: (line, column, our rule) counts."""
    messages = awesome_lint_files(inputs(), tmp_path_factory.mktemp("npm"))
    return {
        name: Counter((m["line"], m["column"], MIRRORS[m["rule"]]) for m in found if m["rule"] in MIRRORS)
        for name, found in messages.items()
    }


def ours(name: str) -> Counter[tuple[int, int, str]]:
    context = Context(parse_text(inputs()[name], name))
    return Counter((i.span.line, i.span.column, r.name) for r in resolve("awesome") for i in r.run(context))


@pytest.mark.parametrize("name", sorted(inputs()))
def test_same_findings_as_the_npm_tool(name: str, npm: dict[str, Counter[tuple[int, int, str]]]) -> None:
    assert sorted(ours(name).elements()) == sorted(npm[name].elements())


def test_the_old_merged_format_fails_the_gate_as_it_did(npm: dict[str, Counter[tuple[int, int, str]]]) -> None:
    rules = Counter(rule for _line, _column, rule in npm["merged-old-format.md"].elements())
    assert rules["awesome-list-item"] > 100 and rules["undefined-reference"] > 50 and rules["awesome-badge"] == 1
    assert npm["merged.md"] == Counter()


def test_every_table_of_contents_case_is_seen(npm: dict[str, Counter[tuple[int, int, str]]]) -> None:
    def toc(name: str) -> list[int]:
        return [line for line, _column, rule in npm[name] if rule == "awesome-contents"]

    assert all(toc(name) for name in TOCS if name != "toc-good.md") and not toc("toc-good.md")


@pytest.mark.parametrize("rule", resolve("awesome"), ids=lambda r: r.name)
def test_fixture_marks_what_the_npm_tool_reports(rule: Rule, npm: dict[str, Counter[tuple[int, int, str]]]) -> None:
    _text, expected = strip_expectations((FIXTURES / f"{rule.name}.md").read_text())
    marked = Counter(line for line, _code in expected.elements())
    reported = Counter(line for line, _column, name in npm[f"fixture-{rule.name}.md"].elements() if name == rule.name)
    assert marked == reported
