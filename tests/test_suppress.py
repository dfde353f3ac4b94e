"""Inline suppression comments: what they switch off, and `unused-suppression` (AL001), which reports the ones
that name unknown rules or switch off nothing."""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import cmarkgfm
import pytest
from click.testing import CliRunner
from cmarkgfm.cmark import Options
from conftest import run_within
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rulecheck import EXAMPLE_NETWORK

from awesome_lint.cli import main
from awesome_lint.config import Config
from awesome_lint.findings import Finding, Fix
from awesome_lint.fix import apply_fixes
from awesome_lint.lint import lint_document
from awesome_lint.parse import parse_bytes, parse_text
from awesome_lint.rules import resolve
from awesome_lint.suppress import Suppressions, parse_directives

MOJIBAKE = "- [Squeezedet: Uniï¬ed, small, low power networks](https://arxiv.org/abs/1612.01051)\n"
CLEAN = "- [Deep compression](https://arxiv.org/abs/1510.00149)\n"


def codes_of(name: str) -> list[str]:
    return [r.code for r in resolve(name)]


def suppressions(text: str) -> Suppressions:
    return Suppressions(parse_directives(parse_text(text, "list.md"), codes_of))


def lint(text: str, config: Config | None = None, network: object = None) -> list[Finding]:
    return lint_document(parse_text(text, "list.md"), config or Config(), network)


def unused(text: str, config: Config | None = None, network: object = None) -> list[tuple[int, str]]:
    """(line, message) of each AL001 finding."""
    return [(f.span.line, f.message) for f in lint(text, config, network) if f.code == "AL001"]


def fix_unused(text: str) -> str:
    """The text after applying AL001's safe fixes until none is left."""
    for _ in range(10):
        data = text.encode("utf-8")
        fixes = [f.fix for f in lint(text) if f.code == "AL001" and f.fix is not None and f.fix.safe]
        if not fixes:
            return text
        text = apply_fixes(data, fixes).data.decode("utf-8")
    raise AssertionError("AL001 fixes did not converge")


def test_disable_enable_ranges_by_code_or_name() -> None:
    text = "a\n<!-- awesome-lint-disable mojibake -->\nb\nc\n<!-- awesome-lint-enable AL401 -->\nd\n"
    s = suppressions(text)
    assert [s.suppressed(line, "AL401") for line in range(1, 7)] == [False, True, True, True, False, False]
    assert not s.suppressed(3, "AL404")


def test_next_line_and_same_line() -> None:
    text = (
        "<!-- awesome-lint-disable-next-line trailing-whitespace, mojibake -->\n"
        "x  \ny <!-- awesome-lint-disable-line -->\n"
    )
    s = suppressions(text)
    assert s.suppressed(2, "AL404") and s.suppressed(2, "AL401")
    assert not s.suppressed(1, "AL404")
    assert s.suppressed(3, "AL301")
    assert not s.suppressed(4, "AL404")


def test_disable_all_then_enable_one() -> None:
    text = "<!-- awesome-lint-disable -->\n<!-- awesome-lint-enable mojibake -->\nx\n"
    s = suppressions(text)
    assert s.suppressed(3, "AL404")
    assert not s.suppressed(3, "AL401")


def test_comments_in_code_blocks_and_code_spans_are_not_directives() -> None:
    text = "```\n<!-- awesome-lint-disable -->\n```\nWrite `<!-- awesome-lint-disable -->` to turn rules off.\n"
    assert parse_directives(parse_text(text, "list.md"), codes_of) == []
    escaped = "Write \\<!-- awesome-lint-disable --> to turn rules off.\n"
    assert parse_directives(parse_text(escaped, "list.md"), codes_of) == []
    (directive,) = parse_directives(parse_text(text + "<!-- awesome-lint-disable -->\n", "list.md"), codes_of)
    assert directive.line == 5


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("> <!-- awesome-lint-disable-next-line mojibake -->\n> x\n", 1),
        ("- item <!-- awesome-lint-disable-line mojibake -->\n", 1),
        ("| a | b |\n|---|---|\n| x | y <!-- awesome-lint-disable-line mojibake --> |\n", 3),
        ("## Heading <!-- awesome-lint-disable-line mojibake -->\n", 1),
        ("<div>\n<!-- awesome-lint-disable mojibake -->\n</div>\n", 2),
        ("- item\n\n  > quoted <!-- awesome-lint-disable-line mojibake -->\n", 3),
    ],
)
def test_comments_are_read_wherever_the_parser_finds_html(text: str, line: int) -> None:
    (directive,) = parse_directives(parse_text(text, "list.md"), codes_of)
    assert directive.line == line and directive.codes == {"AL401"}
    assert text[directive.start : directive.end].startswith("<!-- awesome-lint-")


def test_a_misspelt_form_is_not_a_range_disable() -> None:
    (directive,) = parse_directives(parse_text("<!-- awesome-lint-disable-nextline mojibake -->\nx\n"), codes_of)
    assert directive.action == "disable-nextline" and not directive.known
    assert not suppressions("<!-- awesome-lint-disable-nextline mojibake -->\nx\n").suppressed(2, "AL401")


def test_a_range_is_credited_before_a_line_comment() -> None:
    text = "<!-- awesome-lint-disable mojibake -->\n<!-- awesome-lint-disable-next-line mojibake -->\n" + MOJIBAKE
    assert unused(text) == [
        (2, "`awesome-lint-disable-next-line` comment: `mojibake` suppresses nothing; remove the comment")
    ]
    assert fix_unused(text) == "<!-- awesome-lint-disable mojibake -->\n" + MOJIBAKE


def test_used_comments_are_not_reported() -> None:
    text = (
        "<!-- awesome-lint-disable-next-line mojibake -->\n"
        + MOJIBAKE
        + MOJIBAKE.replace("\n", " <!-- awesome-lint-disable-line AL4 -->\n").replace("1051", "1052")
        + "<!-- awesome-lint-disable mojibake -->\n"
        + MOJIBAKE.replace("1051", "1053")
        + "<!-- awesome-lint-enable mojibake -->\n"
    )
    assert unused(text) == []


def test_rules_that_did_not_run_are_not_judged(tmp_path: Path) -> None:
    text = "<!-- awesome-lint-disable-next-line mojibake -->\n" + CLEAN
    assert len(unused(text)) == 1
    assert unused(text, Config(ignore=("mojibake",))) == []
    assert unused(text, Config(select=("AL001",))) == []
    assert unused(text, Config(per_file_ignores={"list.md": ("AL4",)})) == []
    assert len(unused(text, Config(per_file_ignores={"other.md": ("AL4",)}))) == 1
    # A prefix is judged only when every rule it names ran.
    prefix = "<!-- awesome-lint-disable-next-line AL4 -->\n" + CLEAN
    assert len(unused(prefix)) == 1
    assert unused(prefix, Config(ignore=("double-space",))) == []


def test_link_rules_and_blanket_comments_are_never_judged() -> None:
    for comment in ("dead-link", "AL5", "", "ALL", "AL"):
        text = f"<!-- awesome-lint-disable-next-line {comment} -->\n" + CLEAN
        assert unused(text) == [], comment
        assert unused(text, network=EXAMPLE_NETWORK) == [], comment


def test_unknown_names_are_reported_whatever_is_selected() -> None:
    text = "<!-- awesome-lint-disable-next-line mojibak -->\n" + CLEAN
    expected = [(1, "`awesome-lint-disable-next-line` comment: unknown rule `mojibak`; remove the comment")]
    assert unused(text) == expected
    assert unused(text, Config(select=("AL001",))) == expected
    assert unused(text, Config(select=("AL4",))) == []


def test_a_comment_that_disables_unused_suppression_is_kept() -> None:
    for also in ("unused-suppression", "AL001", "AL0"):
        text = f"<!-- awesome-lint-disable-next-line mojibake nosuch {also} -->\n" + CLEAN
        assert unused(text) == [], also
    ranged = (
        "<!-- awesome-lint-disable unused-suppression -->\n"
        "<!-- awesome-lint-disable-next-line mojibake -->\n"
        + CLEAN
        + "<!-- awesome-lint-enable unused-suppression -->\n"
        "<!-- awesome-lint-disable-next-line mojibake -->\n" + CLEAN
    )
    assert [line for line, _message in unused(ranged)] == [5]


def test_an_enable_is_used_when_it_ends_a_disable_that_stays() -> None:
    # The second disable suppresses nothing and goes; the enable still ends the first.
    text = (
        "<!-- awesome-lint-disable mojibake -->\n"
        + MOJIBAKE
        + "<!-- awesome-lint-disable mojibake -->\n"
        + CLEAN
        + "<!-- awesome-lint-enable mojibake -->\n"
        + MOJIBAKE.replace("1051", "1052")
    )
    assert [line for line, _message in unused(text)] == [3]
    fixed = fix_unused(text)
    assert fixed == text.replace("<!-- awesome-lint-disable mojibake -->\n" + CLEAN, CLEAN)
    assert [f.span.line for f in lint(fixed) if f.code == "AL401"] == [5]
    dangling = "<!-- awesome-lint-enable mojibake -->\n" + CLEAN + "<!-- awesome-lint-enable -->\n"
    assert unused(dangling) == [
        (1, "`awesome-lint-enable` comment: `mojibake` ends no disable in use; remove the comment"),
        (3, "`awesome-lint-enable` comment: it ends no disable in use; remove the comment"),
    ]
    assert fix_unused(dangling) == CLEAN


def test_unknown_forms_are_reported_without_a_fix() -> None:
    (finding,) = [f for f in lint("<!-- awesome-lint-ignore mojibake -->\n" + CLEAN) if f.code == "AL001"]
    assert finding.fix is None and "unknown comment `awesome-lint-ignore`" in finding.message


def test_removing_names_keeps_the_separators() -> None:
    text = "<!-- awesome-lint-disable-next-line nosuch, mojibake, AL404 -->\n" + MOJIBAKE
    assert unused(text) == [
        (
            1,
            "`awesome-lint-disable-next-line` comment: unknown rule `nosuch`, `AL404` suppresses nothing; "
            "remove them from the comment",
        )
    ]
    assert fix_unused(text) == "<!-- awesome-lint-disable-next-line mojibake -->\n" + MOJIBAKE
    spaced = "<!-- awesome-lint-disable-next-line AL404  mojibake -->\n" + MOJIBAKE
    assert fix_unused(spaced) == "<!-- awesome-lint-disable-next-line mojibake -->\n" + MOJIBAKE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Inline: the comment and the spaces before it, or after it when it starts the line.
        ("- [A](https://x.org/a) <!-- awesome-lint-disable-line mojibake -->\n", "- [A](https://x.org/a)\n"),
        ("- [A](https://x.org/a) <!-- awesome-lint-disable-line AL401 -->  \n", "- [A](https://x.org/a)\n"),
        ("<!-- awesome-lint-disable-line AL401 --> Some text\n", "Some text\n"),
        ("Some <!-- awesome-lint-disable-line AL401 --> text\n", "Some text\n"),
        # Alone on its line: the line goes, with a blank line it would leave doubled, leading or trailing.
        ("# T\n\n<!-- awesome-lint-disable AL401 -->\n\nText\n", "# T\n\nText\n"),
        ("<!-- awesome-lint-disable AL401 -->\n\nText\n", "Text\n"),
        ("Text\n\n<!-- awesome-lint-disable AL401 -->\n", "Text\n"),
        ("Text\n\n<!-- awesome-lint-disable AL401 -->", "Text\n"),
        ("Text\n<!-- awesome-lint-disable AL401 -->", "Text"),
        ("<!-- awesome-lint-disable AL401 -->\n", ""),
        # A run of comment lines goes as one.
        ("Text\n\n<!-- awesome-lint-disable AL401 -->\n<!-- awesome-lint-enable AL401 -->\n\nMore\n", "Text\n\nMore\n"),
        ("Text\n\n<!-- awesome-lint-disable AL401 -->\n<!-- awesome-lint-enable AL401 -->\n", "Text\n"),
        ("Text\n\n<!-- awesome-lint-disable AL401 -->\n<!-- awesome-lint-enable AL401 -->", "Text\n"),
        # Between two lines of text the line stays, blank: the comment ended the paragraph above.
        ("Para\n<!-- awesome-lint-disable AL401 -->\nmore\n", "Para\n\nmore\n"),
        ("- [A](https://x.org/a)\n<!-- awesome-lint-disable AL401 -->\nText\n", "- [A](https://x.org/a)\n\nText\n"),
        # Next to a heading or another comment, and between two list items, it goes.
        ("# H\n<!-- awesome-lint-disable AL401 -->\nText\n", "# H\nText\n"),
        ("<!-- x -->\n<!-- awesome-lint-disable AL401 -->\nText\n", "<!-- x -->\nText\n"),
        (
            "- [A](https://x.org/a)\n<!-- awesome-lint-disable AL401 -->\n- [B](https://x.org/b)\n",
            "- [A](https://x.org/a)\n- [B](https://x.org/b)\n",
        ),
    ],
)
def test_removing_whole_comments(text: str, expected: str) -> None:
    assert fix_unused(text) == expected


def test_a_removal_that_would_change_the_rendering_is_only_suggested() -> None:
    # Before a more deeply indented line, or for an indented comment between two lines of text, no edit keeps
    # the rendering: the removal is only suggested.
    for text in (
        "- [A](https://x.org/a)\n<!-- awesome-lint-disable AL401 -->\n  more\n",
        "- A\n  <!-- awesome-lint-disable AL401 -->\n  more\n",
    ):
        (finding,) = [f for f in lint(text) if f.code == "AL001"]
        assert finding.fix is not None and not finding.fix.safe, text
        assert fix_unused(text) == text


def test_fix_keeps_crlf_and_the_rest_of_the_file(tmp_path: Path) -> None:
    target = tmp_path / "list.md"
    text = "# T\r\n\r\n<!-- awesome-lint-disable-next-line mojibake -->\r\n- [A](https://x.org/a)\r\n"
    target.write_bytes(text.encode("utf-8"))
    (tmp_path / ".awesome-lint.toml").write_text("")
    args = ["lint", "--fix", "--config", str(tmp_path / ".awesome-lint.toml"), str(target)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == b"# T\r\n\r\n- [A](https://x.org/a)\r\n"


def test_unused_suppression_findings_can_be_suppressed_or_ignored() -> None:
    text = "<!-- awesome-lint-disable-next-line unused-suppression -->\n<!-- awesome-lint-disable-line AL401 -->\n"
    assert unused(text) == []
    assert unused("<!-- awesome-lint-disable-line AL401 -->\n", Config(ignore=("AL001",))) == []


def test_many_comments_take_linear_time(tmp_path: Path) -> None:
    # 15,000 disable/enable pairs and a run of 45,000 unused comment lines: minutes for the code that matched
    # each finding against every range and scanned each run from every comment in it, seconds now.
    pair = "<!-- awesome-lint-disable mojibake -->\n- [Uniï¬ed {0}](https://x.org/{0})\n"
    pair += "<!-- awesome-lint-enable mojibake -->\n"
    ranges = "".join(pair.format(i) for i in range(15_000))
    run = "# T\n\n" + "<!-- awesome-lint-disable-next-line mojibake -->\n" * 45_000 + "\nText\n"
    for name, text in (("ranges.md", ranges), ("run.md", run)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    code = (
        "import sys; from awesome_lint.config import Config; from awesome_lint.lint import lint_paths; "
        "print([len(r.findings) for r in lint_paths(sys.argv[1:], Config())])"
    )
    done = run_within([sys.executable, "-c", code, str(tmp_path / "ranges.md"), str(tmp_path / "run.md")], 120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[0, 45000]"


# Lines of a random list: entries the selected rules report, list shapes, paragraphs, headings, quotes, tables,
# code, and suppression comments alone on a line (indented or not) or at the end of a line; the file may end
# without a newline.
LINES = [
    CLEAN,
    MOJIBAKE,
    "- [Two  spaces](http://arxiv.org/abs/1510.00150)\n",
    "- [Trailing](https://x.org/t)  \n",
    "* [Star](https://x.org/s)\n",
    "1. [One](https://x.org/1)\n",
    "3. [Three](https://x.org/3)\n",
    "  - [Nested](https://x.org/n)\n",
    "  continued item text\n",
    "    indented four\n",
    "## Heading\n",
    "> quoted text\n",
    "| a | b |\n",
    "| --- | --- |\n",
    "```\n",
    "\n",
    "\n",
    "Some text.\n",
]
NAMES = [
    "mojibake",
    "AL404",
    "double-space",
    "insecure-link",
    "AL4",
    "AL206",
    "AL205",
    "dead-link",
    "missing-year",
    "x",
    "",
]
FORMS = ["disable", "enable", "disable-line", "disable-next-line"]
comment = st.builds(
    lambda form, names: f"<!-- awesome-lint-{form} {' '.join(names)} -->",
    st.sampled_from(FORMS),
    st.lists(st.sampled_from(NAMES), max_size=3),
)
line = st.one_of(
    st.sampled_from(LINES),
    st.tuples(st.sampled_from(["", "  "]), comment).map(lambda pair: f"{pair[0]}{pair[1]}\n"),
    st.tuples(st.sampled_from(LINES[:4]), comment).map(lambda pair: pair[0].replace("\n", f" {pair[1]}\n")),
)
SELECTED = Config(select=("AL001", "AL4", "insecure-link", "mixed-bullets", "ordered-list-numbering"))


def html(markdown: str) -> str:
    """The HTML GitHub makes of a Markdown text (cmark-gfm), without comments and whitespace at tags."""
    out = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    return " ".join(re.sub(r"\s*(<[^>]+>)\s*", r"\1", re.sub(r"<!--.*?-->", "", out)).split())


def lists_joined(page: str) -> list[str]:
    """HTML with adjacent lists joined and paragraph tags dropped: what stays when the fix joins two lists that
    a comment split (a list joined over a blank line is loose, so its items' paragraphs get tags)."""
    tokens = re.sub(r"(<[^>]+>)", r" \1 ", re.sub(r"</ul><ul>|</ol><ol[^>]*>", "", page)).split()
    return [token for token in tokens if token not in ("<p>", "</p>")]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(line, max_size=14), st.booleans())
def test_removing_unused_suppressions_reveals_no_finding_and_keeps_the_rendering(lines: list[str], end: bool) -> None:
    text = "".join(lines)
    text = text if end else text.removesuffix("\n")

    def reported(markdown: str) -> tuple[Counter[tuple[str, str]], list[Fix]]:
        findings = lint_document(parse_bytes(markdown.encode("utf-8"), "list.md"), SELECTED)
        others = Counter((f.code, re.sub(r"line \d+", "line N", f.message)) for f in findings if f.code != "AL001")
        return others, [f.fix for f in findings if f.code == "AL001" and f.fix is not None and f.fix.safe]

    before, fixes = reported(text)
    original = text
    for _ in range(10):
        if not fixes:
            break
        text = apply_fixes(text.encode("utf-8"), fixes).data.decode("utf-8")
        after, fixes = reported(text)
        assert not after - before, text
    assert not fixes, text
    before_html, after_html = html(original), html(text)
    if after_html.count("<ul>") + after_html.count("<ol") < before_html.count("<ul>") + before_html.count("<ol"):
        assert lists_joined(after_html) == lists_joined(before_html), (original, text)
    else:
        assert after_html == before_html, (original, text)
