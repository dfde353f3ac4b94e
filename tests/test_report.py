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


ESCAPES = "Evil \x1b]0;owned\x07 \x1b[2J\x1b[31mtitle\x1b[0m \u202egnp.exe\x9b"


def test_text_output_shows_terminal_escapes_escaped(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from awesome_lint.cli import main

    path = tmp_path / "esc.md"
    path.write_text(
        f"# {ESCAPES}\n\n## Papers\n\n"
        f"- [{ESCAPES}](https://arxiv.org/abs/1707.01209)\n- [{ESCAPES}](https://arxiv.org/abs/1707.01209)\n"
    )
    for args in (["lint", "--fail-on", "error"], ["parse"], ["dupes"]):
        result = CliRunner().invoke(main, [*args, str(path)])
        assert result.exit_code == 0, result.output
        for raw in ("\x1b", "\x07", "\x9b", "\u202e"):
            assert raw not in result.stdout, args
        assert "\\u202egnp.exe\\x9b" in result.stdout, args  # shown, escaped
        assert args == ["dupes"] or "\\x1b[2J\\x1b[31mtitle\\x1b[0m" in result.stdout
    finding = Finding("a\x1b[2J.md", SPAN, "AL201", "missing-link", "warning", f"no link: {ESCAPES}", None)
    line = render([finding], "text", color=True).splitlines()[0]
    assert "a\\x1b[2J.md" in line and "\\x1b]0;owned\\x07" in line
    assert "\x1b[2J" not in line and "\x07" not in line  # only click's own colour codes remain


def test_printable_keeps_printable_text_and_escapes_controls() -> None:
    from awesome_lint.report.text import printable

    assert printable("Über “quotes” … 模型") == "Über “quotes” … 模型"  # printable non-ASCII text stays as it is
    assert printable("a\u200fb\x85c\u2066") == "a\\u200fb\\x85c\\u2066"  # bidi marks and C1 controls escaped


def test_error_lines_stay_one_escaped_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from awesome_lint.cli import main

    name = tmp_path / "bad\nname\x1b[31m.md"
    name.write_bytes(b"\x00binary")
    result = CliRunner().invoke(main, ["parse", str(name)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "bad\\x0aname\\x1b[31m.md: binary file" in result.stderr
