"""Structure rules AL101-AL104: heading levels, duplicate and empty sections, the table of contents."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED_LISTS
from rulecheck import MERGED_SAMPLE, check, findings, lines

from awesome_lint.text import github_anchor, heading_anchor

STRUCTURE = ("AL101", "AL102", "AL103", "AL104")


# ------------------------------------------------------------------------------------ AL101 skipped level


def test_skipped_heading_level_reports_the_jump() -> None:
    issues = check("# Title\n## Paper\n#### Overview\n#### Pruning\n", "skipped-heading-level")
    assert [i.span.line for i in issues] == [3]
    assert issues[0].message == (
        'heading level jumps from 2 to 4 ("#### Overview"); use ### instead of #### (and for the #### heading after it)'
    )


def test_skipped_heading_level_passes_stepwise_headings_and_any_first_level() -> None:
    assert lines("### Title\n#### A\n## B\n### C\n# D\n## E\n", "skipped-heading-level") == []


def test_skipped_heading_level_setext_title() -> None:
    assert lines("Title\n---\n## Paper\n#### Overview\n", "skipped-heading-level") == [4]


# ---------------------------------------------------------------------------------- AL102 duplicate heading


def test_duplicate_heading_reports_the_later_sibling() -> None:
    issues = check("# T\n## Pruning\n## Quantization\n##  pruning \n", "duplicate-heading")
    assert [i.span.line for i in issues] == [4]
    assert "first on line 2" in issues[0].message and '"## pruning"' in issues[0].message


def test_duplicate_heading_allows_same_name_under_different_parents() -> None:
    assert lines("# T\n## Vision\n### Pruning\n## NLP\n### Pruning\n", "duplicate-heading") == []


# ------------------------------------------------------------------------------------ AL103 empty section


def test_empty_section_reports_empty_and_placeholder_sections() -> None:
    markdown = (
        "# T\n\n## A\n\n## B\nTBD\n## C\n> *Coming soon!*\n## D\n<!-- x -->\n---\n"
        "## E\nWaiting for update...\n## F\nTo be updated.\n## G\n- [x](https://x.org)\n"
    )
    issues = check(markdown, "empty-section")
    assert [i.span.line for i in issues] == [3, 5, 7, 9, 12, 14]
    assert issues[0].message == 'section "## A" is empty; add entries under it or remove the heading'
    assert 'holds only the placeholder "TBD"' in issues[1].message


def test_empty_section_passes_prose_entries_children_and_the_title() -> None:
    markdown = (
        "Title\n=====\n\n## Intro\nThis list collects papers.\n## Papers\n### Pruning\n- [x](https://x.org)\n"
        "# Copyright\nBy someone (someone@example.org).\n"
    )
    assert lines(markdown, "empty-section") == []


def test_empty_section_reads_the_blocks_the_parser_found() -> None:
    # A multi-line comment, a comment beside a placeholder, a rule and a link definition hold no content; the
    # setext heading's underline belongs to the heading.
    markdown = (
        "# T\n## A\n<!-- one\ntwo -->\n## B\nTBD <!-- soon -->\n## C\n***\n[1]: https://x.org\n"
        "D\n---\n> To be\n> updated.\n## E\n```\n<!-- code -->\n```\n"
    )
    issues = check(markdown, "empty-section")
    assert [i.span.line for i in issues] == [2, 5, 7, 10]
    assert 'holds only the placeholder "To be updated."' in issues[3].message


def test_empty_section_placeholders_option() -> None:
    markdown = "# T\n## A\nLater!\n## B\nTBD\n"
    assert lines(markdown, "empty-section", placeholders=["later"]) == [2]


# ------------------------------------------------------------------------------------- AL104 toc mismatch


def test_github_anchor() -> None:
    assert github_anchor("1. Pruning") == "1-pruning"
    assert github_anchor("C&D: e.f") == "cd-ef"
    assert github_anchor("🔥 Hot") == "-hot"
    assert github_anchor("中文 Title") == "中文-title"
    assert github_anchor("snake_case-and-dash") == "snake_case-and-dash"


def test_heading_anchor_follows_github_for_repeated_and_suffixed_headings() -> None:
    taken: set[str] = set()
    assert [heading_anchor(h, taken) for h in ("A", "A 1", "A", "A", "A-1")] == ["a", "a-1", "a-2", "a-3", "a-1-1"]
    assert lines("# T\n- [A](#a)\n- [A 1](#a-1)\n- [A again](#a-2)\n## A\n## A 1\n## A\n", "toc-mismatch") == []


def test_toc_mismatch_reports_broken_anchor_with_suggestion_and_omitted_heading() -> None:
    markdown = (
        "# T\n## Contents\n- [Pruning](#pruning)\n- [Quantisation](#quantisation)\n\n"
        "## Pruning\n## Quantization\n## Distillation\n"
    )
    issues = check(markdown, "toc-mismatch")
    assert [(i.span.line, i.span.column) for i in issues] == [(4, 3), (8, 1)]
    assert issues[0].message == (
        'table-of-contents link "#quantisation" matches no heading; change it to "#quantization" ("## Quantization")'
    )
    assert issues[1].message == (
        'heading "## Distillation" is missing from the table of contents (line 3); '
        "add `- [Distillation](#distillation)` there"
    )


def test_toc_mismatch_passes_case_duplicates_unicode_and_html_anchors() -> None:
    markdown = (
        "# T\n- [Pruning](#1-Pruning)\n  - [Filter](#filter)\n- [Dup](#dup)\n- [Dup again](#dup-1)\n"
        "- [中文](#%E4%B8%AD%E6%96%87)\n- [Custom](#custom)\n\n"
        '## 1. Pruning\n### Filter\n## Dup\n## Dup\n## 中文\n<a name="custom"></a>\n'
    )
    assert lines(markdown, "toc-mismatch") == []


def test_toc_mismatch_reads_a_table_of_contents_split_over_several_lists() -> None:
    # Parts under bold labels, or nested under items without links: one table, so nothing is missing.
    parts = (
        "# T\n## Contents\n**Vision**\n\n- [Pruning](#pruning)\n- [Quantization](#quantization)\n\n"
        "**Language**\n\n- [Distillation](#distillation)\n\n## Projects\n**Vision**\n### Pruning\n"
        "### Quantization\n**Language**\n### Distillation\n"
    )
    assert lines(parts, "toc-mismatch") == []
    nested = (
        "# T\n- Vision\n  - [Pruning](#pruning)\n  - [Quantization](#quantization)\n- Language\n"
        "  - [Distillation](#distillation)\n\n## Pruning\n## Quantization\n## Distillation\n## Search\n"
    )
    issues = check(nested, "toc-mismatch")
    assert [i.span.line for i in issues] == [11]
    assert "(line 3)" in issues[0].message
    # A heading or a linked item ends a table of contents: each part is then checked on its own.
    split = "# T\n## A\n- [B](#b)\n- [C](#c)\n## B\n- [C](#c)\n- [D](#d)\n## C\n## D\n"
    assert lines(split, "toc-mismatch") == [9]


def test_toc_mismatch_reads_ids_only_from_html() -> None:
    markdown = '# T\n- [A](#a)\n- [Custom](#custom)\n\n## A\n```\n<a id="custom"></a>\n```\n`<a id="custom">`\n'
    assert lines(markdown, "toc-mismatch") == [3]
    html = (
        "# T\n- [A](#a)\n- [Custom](#custom)\n- [Other](#other)\n\n"
        '## A\n<div id="custom">\n</div>\n\nx <a name=other>\n'
    )
    assert lines(html, "toc-mismatch") == []


def test_toc_mismatch_needs_a_toc_and_ignores_mixed_levels_for_omissions() -> None:
    assert lines("# T\n- [Back to top](#t)\n## A\n## B\n", "toc-mismatch") == []
    assert lines("# T\n- [A](#a)\n- [C](#c)\n## A\n### C\n## B\n", "toc-mismatch") == []


# ------------------------------------------------------------------------------------------- real lists

EXPECTED = {
    "awesome-compact-models.md": [(4, "skipped-heading-level")],
    "awesome-model-compression-and-acceleration.md": [(12, "skipped-heading-level")],
    "awesome-model-compression.md": [(28, "skipped-heading-level")],
    "model-compression-and-acceleration.md": [(45, "empty-section"), (48, "empty-section"), (51, "empty-section")],
    "neural-network-compression.md": [(56, "empty-section"), (59, "empty-section")],
}


@pytest.mark.parametrize("path", SEED_LISTS, ids=lambda p: p.name)
def test_structure_findings_on_the_real_lists(path: Path) -> None:
    assert findings(path, STRUCTURE) == EXPECTED[path.name]


def test_structure_rules_are_silent_on_a_canonical_merged_list(tmp_path: Path) -> None:
    path = tmp_path / "merged.md"
    path.write_text(MERGED_SAMPLE, encoding="utf-8")
    assert findings(path, STRUCTURE) == []
