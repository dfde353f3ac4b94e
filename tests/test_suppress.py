"""Inline suppression comments."""

from __future__ import annotations

from awesome_lint.suppress import Suppressions, parse_directives

NAMES = {"mojibake": ["AL401"], "AL401": ["AL401"], "AL404": ["AL404"], "trailing-whitespace": ["AL404"]}


def suppressions(text: str) -> Suppressions:
    return Suppressions(parse_directives(text, lambda name: NAMES.get(name, [])))


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
    assert s.suppressed(3, "AL999")
    assert not s.suppressed(4, "AL404")


def test_disable_all_then_enable_one() -> None:
    text = "<!-- awesome-lint-disable -->\n<!-- awesome-lint-enable mojibake -->\nx\n"
    s = suppressions(text)
    assert s.suppressed(3, "AL404")
    assert not s.suppressed(3, "AL401")
