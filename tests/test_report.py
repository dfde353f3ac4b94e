"""Output formats: text, JSON, GitHub workflow commands (escaped) and SARIF 2.1.0."""

from __future__ import annotations

import json

from awesome_lint.findings import Edit, Finding, Fix
from awesome_lint.model import Span
from awesome_lint.report import render
from awesome_lint.report.github import escape_data, escape_property

SPAN = Span(3, 5, 3, 9, 40, 44)
FINDINGS = [
    Finding(
        "lists/a.md",
        SPAN,
        "AL404",
        "trailing-whitespace",
        "info",
        "trailing whitespace; remove it",
        Fix((Edit(40, 44, ""),), "strip"),
    ),
    Finding(
        "lists/a,b.md", Span(7, 1, 7, 2, 90, 91), "AL201", "missing-link", "warning", "evil %0A title\n::error::x", None
    ),
]


def test_text_format() -> None:
    out = render(FINDINGS, "text").splitlines()
    assert out[0] == "lists/a.md:3:5: AL404 [*] info: trailing whitespace; remove it"
    assert out[1].startswith("lists/a,b.md:7:1: AL201 warning: evil")
    assert out[-1] == "Found 2 findings; 1 fixable with `--fix`."
    assert render([], "text") == "All checks passed!"
    assert "\x1b[" in render(FINDINGS, "text", color=True)


def test_json_format() -> None:
    payload = json.loads(render(FINDINGS, "json"))
    first = payload["findings"][0]
    assert {k: first[k] for k in ("path", "line", "column", "end_line", "end_column", "code", "name")} == {
        "path": "lists/a.md",
        "line": 3,
        "column": 5,
        "end_line": 3,
        "end_column": 9,
        "code": "AL404",
        "name": "trailing-whitespace",
    }
    assert [f["severity"] for f in payload["findings"]] == ["info", "warning"]
    assert [f["fixable"] for f in payload["findings"]] == [True, False]


def test_github_commands_cannot_be_injected() -> None:
    assert escape_data("50% done\r\n::x") == "50%25 done%0D%0A::x"
    assert escape_property("a,b:c") == "a%2Cb%3Ac"
    lines = render(FINDINGS, "github").splitlines()
    assert len(lines) == 2
    assert lines[1].startswith("::") and "file=lists/a%2Cb.md" in lines[1]
    assert lines[1].endswith("::evil %250A title%0A::error::x")
    assert lines[0].startswith("::") and ",line=3,col=5,endLine=3,endColumn=9," in lines[0]


def test_sarif_shape() -> None:
    sarif = json.loads(render(FINDINGS, "sarif"))
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["AL201", "AL404"]
    result = run["results"][0]
    assert result["ruleId"] == "AL404" and result["ruleIndex"] == 1
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["byteOffset"], region["byteLength"]) == (3, 5, 40, 4)
