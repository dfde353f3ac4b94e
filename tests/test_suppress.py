"""Inline suppression comments."""

from __future__ import annotations

from awesome_lint.parse import parse_text
from awesome_lint.rules import resolve
from awesome_lint.suppress import Suppressions, parse_directives


def codes_of(name: str) -> list[str]:
    return [r.code for r in resolve(name)]


def suppressions(text: str) -> Suppressions:
    return Suppressions(parse_directives(text, codes_of))


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
    doc = parse_text(text, "list.md")
    assert parse_directives(doc.text, codes_of, doc.code_lines) == []
    assert [d.line for d in parse_directives(doc.text, codes_of)] == [2]


def test_a_misspelt_form_is_not_a_range_disable() -> None:
    (directive,) = parse_directives("<!-- awesome-lint-disable-nextline mojibake -->\nx\n", codes_of)
    assert directive.action == "disable-nextline" and not directive.known
    assert not suppressions("<!-- awesome-lint-disable-nextline mojibake -->\nx\n").suppressed(2, "AL401")
