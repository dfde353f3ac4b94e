"""Entries rules AL201-AL207: links, duplicates, format, numbering, bullets, years and venues."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED_LISTS
from rulecheck import MERGED_SAMPLE, check, findings, fixed, lines

from awesome_lint.fix import apply_fixes
from awesome_lint.parse import parse_text

ENTRIES = ("AL201", "AL202", "AL203", "AL204", "AL205", "AL206", "AL207")


# ---------------------------------------------------------------------------------------- AL201 missing link


def test_missing_link_reports_bracketed_and_plain_titles() -> None:
    markdown = (
        "- J. L. Holi. [Finite precision error analysis]. In IJCNN, 1993.\n"
        "- **[TWN]** Ternary Weight Networks, NIPS workshop 2016\n"
    )
    issues = check(markdown, "missing-link")
    assert [i.span.line for i in issues] == [1, 2]
    assert issues[0].message.startswith('paper "Finite precision error analysis" has no link; link its title')
    assert issues[0].span.column == 16


def test_missing_link_passes_linked_empty_linked_and_non_papers() -> None:
    markdown = (
        "- [Deep Compression](https://arxiv.org/abs/1510.00149)\n"
        "- **[TWN]** Ternary Weight Networks, NIPS workshop 2016, [[paper]](https://arxiv.org/abs/1605.04711)\n"
        "3. [Net2net: Accelerating learning via knowledge transfer]()\n"
        "\n## Tips\n\n1. OpenMP\n"
    )
    assert lines(markdown, "missing-link") == []


# ------------------------------------------------------------------------------------------ AL202 empty link


def test_empty_link_reports_the_link() -> None:
    issues = check("1. [Dark knowledge](http://x.org/d.pdf)\n2. [Net2net: Accelerating learning]()\n", "empty-link")
    assert [(i.span.line, i.span.column) for i in issues] == [(2, 4)]
    assert issues[0].message == (
        'link "[Net2net: Accelerating learning]()" has an empty target; '
        "put the URL between the parentheses or drop the brackets"
    )


def test_empty_link_passes_real_links() -> None:
    markdown = "- [Net2net](https://arxiv.org/abs/1511.05641)\n- [x][ref]\n\n[ref]: https://x.org\n"
    assert lines(markdown, "empty-link") == []


# ------------------------------------------------------------------------------------- AL203 duplicate paper


def test_duplicate_paper_reports_every_later_copy() -> None:
    markdown = (
        "- [Deep Compression](https://arxiv.org/abs/1510.00149)\n"
        "- [Pruning Filters for Efficient ConvNets](https://arxiv.org/abs/1608.08710)\n"
        "- [Deep compression: compressing deep neural networks](https://arxiv.org/pdf/1510.00149.pdf)\n"
        "- [Pruning filters for efficient convnets](https://openreview.net/forum?id=rJqFGTslg)\n"
    )
    issues = check(markdown, "duplicate-paper")
    assert [i.span.line for i in issues] == [3, 4]
    assert issues[0].message == 'same paper as line 1 "Deep Compression" (matched on arxiv-id); remove one of them'
    assert issues[1].message.startswith('same paper as line 2 "Pruning Filters for Efficient ConvNets" (matched on')
    assert all(i.fix is None for i in issues)


def test_duplicate_paper_passes_distinct_versions() -> None:
    markdown = (
        "- [ShuffleNet: An Extremely Efficient CNN for Mobile Devices](https://arxiv.org/abs/1707.01083)\n"
        "- [ShuffleNet V2: Practical Guidelines for Efficient CNN Architecture Design](https://arxiv.org/abs/1807.11164)\n"
    )
    assert lines(markdown, "duplicate-paper") == []


# --------------------------------------------------------------------------------- AL204 inconsistent format

PREFIXED = "".join(f"- 201{i}-ICLR-[Paper {i}](https://arxiv.org/abs/1510.0014{i})\n" for i in range(6))


def test_inconsistent_format_reports_the_odd_entry() -> None:
    markdown = PREFIXED + "- 2016-[Network Trimming](https://arxiv.org/abs/1607.03250)\n"
    issues = check(markdown, "inconsistent-format")
    assert [i.span.line for i in issues] == [7]
    assert issues[0].message == (
        'entry "2016-[Network Trimming](https://arxiv.o…" has a `YEAR-` prefix without venue, but 6 of 7 papers '
        'have a `YEAR-VENUE-` prefix (e.g. line 1: "2010-ICLR-[Paper 0](https://arxiv.org/a…"); '
        "rewrite it in that format"
    )


def test_inconsistent_format_reports_a_missing_trailing_venue_and_a_plain_title() -> None:
    markdown = "".join(f"1. [Paper {i}](https://arxiv.org/abs/1510.0014{i}) [ICLR'1{i}]\n" for i in range(10))
    markdown += "1. [Odd one](https://arxiv.org/abs/1607.03250)\n"
    markdown += "1. Plain title, NIPS 2016, [[paper]](https://arxiv.org/abs/1607.03251)\n"
    issues = check(markdown, "inconsistent-format")
    assert [i.span.line for i in issues] == [11, 12]
    assert "has no trailing `[VENUE'YY]`, but 10 of 12 papers have a trailing `[VENUE'YY]`" in issues[0].message
    assert "has the title as plain text with a separate link; no trailing `[VENUE'YY]`, but" in issues[1].message


def test_inconsistent_format_ignores_optional_parts_and_unlinked_titles() -> None:
    markdown = PREFIXED + (
        "- 2016-ICLR-[Coded](https://arxiv.org/abs/1607.03250) [[code]](https://github.com/a/b)**`(Best Paper)`**\n"
        "- 2016-ICLR-Unlinked title\n"
    )
    assert lines(markdown, "inconsistent-format") == []


def test_inconsistent_format_needs_a_clear_majority() -> None:
    mixed = PREFIXED + "".join(f"- [Other {i}](https://arxiv.org/abs/1607.0325{i})\n" for i in range(2))
    assert lines(mixed, "inconsistent-format") == []
    assert lines(mixed, "inconsistent-format", **{"min-share": 0.7}) == [7, 8]
    few = "".join(f"- 201{i}-ICLR-[P{i}](https://x.org/{i})\n" for i in range(3)) + "- [Q](https://x.org/q)\n"
    assert lines(few, "inconsistent-format") == []


# ------------------------------------------------------------------------------ AL205 ordered list numbering

RESTART = "8. [A](https://x.org/a)\n9. [B](https://x.org/b)\n1. [C](https://x.org/c)\n2. [D](https://x.org/d)\n"


def test_ordered_list_numbering_reports_a_restart_once_and_fixes_the_stretch() -> None:
    issues = check(RESTART, "ordered-list-numbering")
    assert [(i.span.line, i.span.column, i.span.end_column) for i in issues] == [(3, 1, 3)]
    assert issues[0].message == "numbering restarts at 1. after 9.; renumber it to 10. and the next item to 11."
    result = fixed(RESTART, "ordered-list-numbering")
    assert result == RESTART.replace("1. [C]", "10. [C]").replace("2. [D]", "11. [D]")
    assert check(result, "ordered-list-numbering") == []
    assert fixed(result, "ordered-list-numbering") == result


def test_ordered_list_numbering_jump_lazy_crlf_and_bom() -> None:
    assert check("1. a\n2. b\n5. c\n4. d\n", "ordered-list-numbering")[0].message == (
        "numbering jumps from 2. to 5.; renumber it to 3."
    )
    lazy = "1) a\n1) b\n2) c\n1) d\n"
    assert check(lazy, "ordered-list-numbering")[0].message == (
        "item 2) breaks the list's lazy numbering (every item is 1)); renumber it to 1)"
    )
    assert fixed(lazy, "ordered-list-numbering") == "1) a\n1) b\n1) c\n1) d\n"
    crlf = "\ufeff1. a\r\n2. b\r\n1. c\r\n"
    assert fixed(crlf.encode("utf-8"), "ordered-list-numbering") == "\ufeff1. a\r\n2. b\r\n3. c\r\n"


def test_ordered_list_numbering_passes_lazy_counted_and_separate_lists() -> None:
    markdown = (
        "1. a\n1. b\n1. c\n\n## Next\n\n3. d\n4. e\n\n5. f\n\nSome text.\n\n1. g\n2. h\n"
        "   1. nested\n   2. nested\n3. i\n- bullet\n1. j\n"
    )
    assert lines(markdown, "ordered-list-numbering") == []


def test_ordered_list_numbering_reads_comments_between_items_from_the_parser() -> None:
    # Comment lines (one line or several, or in a block quote) leave one list; a line of text ends it.
    for comment in ("<!-- x -->", "<!-- x\ny -->", "<!-- x --> <!-- y -->"):
        assert lines(f"1. a\n2. b\n{comment}\n4. c\n", "ordered-list-numbering") == [4 + comment.count("\n")]
    assert lines("> 1. a\n> <!-- x -->\n> 3. b\n", "ordered-list-numbering") == [3]
    assert lines("1. a\n2. b\n\ntext <!-- x -->\n\n4. c\n", "ordered-list-numbering") == []


def test_ordered_list_numbering_fix_is_unsafe_when_widening_unnests_a_sublist() -> None:
    markdown = "8. a\n9. b\n1. c\n   - nested\n"
    (issue,) = check(markdown, "ordered-list-numbering")
    assert issue.fix is not None and not issue.fix.safe
    assert fixed(markdown, "ordered-list-numbering") == markdown
    assert apply_fixes(markdown.encode(), [issue.fix]).applied == 0


# ------------------------------------------------------------------------------------------ AL206 mixed bullets

MIXED = "- [R1](https://x.org/1)\n- [R2](https://x.org/2)\n\n* [R3](https://x.org/3)  \n* [中文](https://x.org/4)\n"


def test_mixed_bullets_reports_and_fixes_each_odd_bullet() -> None:
    issues = check(MIXED, "mixed-bullets")
    assert [(i.span.line, i.span.column) for i in issues] == [(4, 1), (5, 1)]
    assert issues[0].message == "bullet `*` in a list that starts with `-` (line 1); use `-` for every item"
    result = fixed(MIXED, "mixed-bullets")
    assert result == MIXED.replace("* ", "- ")
    assert check(result, "mixed-bullets") == []
    assert fixed(result, "mixed-bullets") == result


def test_mixed_bullets_nested_and_quoted_lists() -> None:
    assert fixed("> - a\n> * b\n", "mixed-bullets") == "> - a\n> - b\n"
    assert lines("- a\n  * x\n  - y\n- b\n", "mixed-bullets") == [3]


def test_mixed_bullets_passes_separate_lists_and_consistent_bullets() -> None:
    markdown = "- a\n- b\n  * nested\n  * nested\n- c\n\nA paragraph.\n\n* d\n\n## H\n+ e\n"
    assert lines(markdown, "mixed-bullets") == []


# ------------------------------------------------------------------------------------------ AL207 missing year


def test_missing_year_reports_year_and_venue_once() -> None:
    papers = "".join(f"- 20{i:02}-ICLR-[Paper {i}](https://x.org/{i})\n" for i in range(10))
    markdown = papers + "- [No year](https://arxiv.org/abs/1607.03250)\n- 2016-[No venue](https://x.org/v)\n"
    issues = check(markdown, "missing-year")
    assert [i.span.line for i in issues] == [11, 12]
    assert issues[0].message == (
        'paper "No year" has no year or venue; add them as the list\'s other entries do (line 10: "2009-ICLR-")'
    )
    assert issues[1].message == (
        'paper "No venue" has no venue; add it as the list\'s other entries do (line 10: "2009-ICLR-")'
    )


def test_missing_year_counts_years_from_headings() -> None:
    papers = "".join(f"- A. Author. [P{i}](https://x.org/{i}). In CVPR.\n" for i in range(5))
    markdown = "# T\n### 2017\n" + papers + "\n### Misc\n- B. Author. [Q](https://x.org/q). In CVPR.\n"
    issues = check(markdown, "missing-year")
    assert [i.span.line for i in issues] == [10]
    assert "(line 7: the year comes from the `2017` heading above it)" in issues[0].message


def test_entry_rules_skip_entries_whose_title_names_no_paper() -> None:
    from dataclasses import replace

    from awesome_lint.rules import resolve
    from awesome_lint.rules._registry import Context

    papers = "".join(f"1. Paper number {i} on pruning. A. Author. ICLR 201{i}\n" for i in range(8))
    markdown = papers + "- Debias the Black-box: A Fair Ranking Framework. B. Author. WISE 2022\n"
    markdown += "1. Decoupled Knowledge Distillation [paper](https://arxiv.org/pdf/2203.08679.pdf)\n"
    assert lines(markdown, "inconsistent-format") == [9]  # a bullet among numbered items
    doc = parse_text(markdown)
    # The title of line 9 read as the venue field after it, as a parser that misreads the line gives it: the
    # rules that judge a paper by its fields leave the entry alone, and judge line 10 as before.
    misread = replace(doc.entries[8], title="WISE 2022", venue=None, venue_raw=None, year=None)
    doc = replace(doc, entries=(*doc.entries[:8], misread, doc.entries[9]))

    def found(name: str) -> list[int]:
        (rule,) = resolve(name)
        return [issue.span.line for issue in rule.run(Context(doc))]

    assert found("missing-year") == [10]
    assert found("inconsistent-format") == []


def test_missing_link_needs_paper_evidence_of_the_entry_itself() -> None:
    papers = "".join(f"- [Pruning method {i}](https://x.org/{i}), ICLR 2017\n" for i in range(6))
    markdown = papers + "- Use OpenMP for the loops.\n- Lost link paper. A. Author, B. Author. ICML 2018\n"
    assert lines(markdown, "missing-link") == [8]


def test_missing_year_needs_a_clear_majority() -> None:
    half = "".join(f"- [P{i}](https://x.org/{i}) [ICLR'1{i}]\n" for i in range(4))
    half += "".join(f"- [Q{i}](https://x.org/q{i})\n" for i in range(2))
    assert lines(half, "missing-year") == []
    assert lines(half, "missing-year", **{"min-share": 0.6}) == [5, 6]
    assert lines("- [P](https://x.org/p) [ICLR'17]\n- [Q](https://x.org/q)\n", "missing-year") == []


# ------------------------------------------------------------------------------------------------ real lists

EXPECTED = {
    "awesome-compact-models.md": [(125, "duplicate-paper"), (141, "duplicate-paper")],
    "awesome-model-compression-and-acceleration.md": [
        (54, "ordered-list-numbering"),
        (79, "empty-link"),
        (86, "ordered-list-numbering"),
        (105, "ordered-list-numbering"),
        (127, "mixed-bullets"),
        (128, "mixed-bullets"),
        (129, "mixed-bullets"),
    ],
    "awesome-model-compression.md": [
        *[
            (line, "missing-link")
            # 238: the second citation inside the item of line 237 is a paper of its own, without a link
            for line in (33, 42, 48, 61, 92, 98, 155, 156, 157, 159, 160, 162, 166, 172, 173, 235, 238)
        ],
        *[(line, "duplicate-paper") for line in (67, 72, 100, 130, 132, 143, 151, 167, 187, 194, 209)],
        (113, "missing-year"),
    ],
    "model-compression-and-acceleration.md": [(26, "inconsistent-format"), (26, "missing-year")],
    "neural-network-compression.md": [],
}


@pytest.mark.parametrize("path", SEED_LISTS, ids=lambda p: p.name)
def test_entries_findings_on_the_real_lists(path: Path) -> None:
    assert findings(path, ENTRIES) == sorted(EXPECTED[path.name])


def test_real_list_fixes_are_idempotent(tmp_path: Path) -> None:
    source = next(p for p in SEED_LISTS if p.name == "awesome-model-compression-and-acceleration.md")
    once = source.read_bytes()
    for name in ("ordered-list-numbering", "mixed-bullets"):
        once = fixed(once, name).encode("utf-8")
    path = tmp_path / source.name
    path.write_bytes(once)
    assert findings(path, ("AL205", "AL206")) == []
    assert b"10. [Data-Driven Sparse Structure Selection" in once and b"\n* [" not in once


def test_entries_rules_on_a_canonical_merged_list(tmp_path: Path) -> None:
    path = tmp_path / "merged.md"
    path.write_text(MERGED_SAMPLE, encoding="utf-8")
    # A paper no source links carries a title search, so nothing is reported and nothing is suppressed.
    assert findings(path, ENTRIES) == []


@pytest.mark.parametrize(
    ("seed", "after_line", "new_entry", "expected"),
    [
        (
            "neural-network-compression.md",
            8,
            "- [A New Quantization Paper](https://arxiv.org/abs/1901.00001)",
            "has the title as the link [Title](url), but 59 of 60 papers have the title as plain text",
        ),
        (
            "awesome-compact-models.md",
            6,
            "- 2019-CVPR-[Some New Paper](https://arxiv.org/abs/1901.00002)",
            "has a `YEAR-VENUE-` prefix, but 125 of 126 papers have no `YEAR-VENUE-` prefix",
        ),
        (
            "awesome-model-compression-and-acceleration.md",
            16,
            "- [Another Survey](https://arxiv.org/abs/1901.00003)",
            "has a bullet item (`-`), but 70 of 71 papers have a numbered item (`1.`)",
        ),
    ],
    ids=["nickname-list", "plain-list", "numbered-list"],
)
def test_a_new_entry_breaking_the_lists_own_style_is_caught(
    seed: str, after_line: int, new_entry: str, expected: str
) -> None:
    from conftest import LISTS

    lines = (LISTS / seed).read_text(encoding="utf-8").split("\n")
    lines.insert(after_line, new_entry)
    issues = check("\n".join(lines), "inconsistent-format")
    assert [i.span.line for i in issues] == [after_line + 1]
    assert expected in issues[0].message
