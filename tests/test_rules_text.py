"""Text rules AL401-AL404: mojibake, unbalanced punctuation, double spaces, trailing whitespace."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED_LISTS
from rulecheck import MERGED_SAMPLE, check, findings, fixed, fixed_twice

from awesome_lint.rules import RULES

TEXT = ("AL401", "AL402", "AL403", "AL404")


def where(markdown: str, rule_name: str, **options: object) -> list[tuple[int, int, str]]:
    """(line, column, reported text) of each issue one rule reports."""
    data = markdown.encode("utf-8")
    return [
        (i.span.line, i.span.column, data[i.span.start : i.span.end].decode("utf-8"))
        for i in check(data, rule_name, **options)
    ]


# ------------------------------------------------------------------------------------ AL401 mojibake


def test_mojibake_is_reported_and_repaired_in_titles_text_and_headings() -> None:
    md = "## CafÃ© papers\n- [Squeezedet: Uniï¬ed, small](https://arxiv.org/abs/1612.01051) by Ã‰mile\n"
    issues = check(md, "mojibake")
    line2 = md.splitlines()[1]
    assert where(md, "mojibake") == [(2, line2.index("ï¬") + 1, "ï¬"), (2, line2.index("Ã‰") + 1, "Ã‰"), (1, 7, "Ã©")]
    assert issues[0].message == "mojibake `Uniï¬ed,`; write `Unified,`"
    assert fixed_twice(md, "mojibake") == (
        "## Café papers\n- [Squeezedet: Unified, small](https://arxiv.org/abs/1612.01051) by Émile\n"
    )


def test_mojibake_leaves_deliberate_quotes_ligatures_and_accents_alone() -> None:
    md = "- [“Learning” ﬁne-grained café](https://x.org/p) Miguel Á. Carreira-Perpiñán, Dollár ’17 Intel® ™\n"
    assert check(md, "mojibake") == []


# ------------------------------------------------------------------------------------ AL402 unbalanced-punctuation


def test_unbalanced_punctuation_reports_where_the_partner_is_missing() -> None:
    md = (
        "- [Title](https://a.org/x) (2016\n"
        "- [Deep (Learning](https://a.org/y)\n"
        "- [[code(Pytorch]](https://a.org/z) and a stray ) here\n"
        '- A “quote and a "straight one\n'
        "## Heading [draft\n"
    )
    lines = md.splitlines()
    assert where(md, "unbalanced-punctuation") == [
        (1, lines[0].index("(2016") + 1, "("),
        (2, lines[1].index("(Learning") + 1, "("),
        (3, lines[2].index("(Pytorch") + 1, "("),
        (3, lines[2].index(") here") + 1, ")"),
        (4, lines[3].index("“") + 1, "“"),
        (4, lines[3].index('"') + 1, '"'),
        (5, lines[4].index("[") + 1, "["),
    ]
    messages = [i.message for i in check(md, "unbalanced-punctuation")]
    assert messages[0] == "`(` is never closed in `e](https://a.org/x) (2016`; add the missing partner or remove it"
    assert messages[3].startswith("`)` has no opening `(`")


def test_unbalanced_punctuation_accepts_the_bracket_syntax_of_real_lists() -> None:
    md = (
        "1. [Title](https://a.org/1) [ICLR'17]\n"
        "2) [Title](https://a.org/2) [arXiv '18, Google]\n"
        "- 【Pruning】Song Han .[Learning](https://a.org/3) .[J] arXiv preprint arXiv:1506.02626 [C]//NIPS\n"
        "- **[BNN]** Binarized, NIPS 2016, [[paper]](https://a.org/4), [[code(Theano)]](https://g.com/a)\n"
        "- 2019-NIPS`(Workshop`-[AutoSlim](https://a.org/5)**`(Best Paper)`** (Workshop)\n"
        '- [Wiki](https://en.wikipedia.org/wiki/A_(b)) “Learning-Compression” spatial" bottleneck" a \\( b\n'
        "- [x][papers][sun254/awesome](https://github.com/sun254/awesome) <https://x.org/a_(b>\n"
        "### 1.4 Auto Pruning (AutoML)\n"
    )
    assert check(md, "unbalanced-punctuation") == []


# ------------------------------------------------------------------------------------ AL403 double-space


def test_double_space_in_titles_authors_and_headings_is_collapsed() -> None:
    md = (
        "## Low  Rank\n"
        "- 【LRA】Emily  Denton, Rob Fergus .[Exploiting Linear Structure for Efficient  Evaluation]"
        "(https://arxiv.org/pdf/1404.0736) .[J] arXiv preprint\n"
        "- **[BNN]** Binarized  Neural Networks, arXiv 2016, [[paper]](https://arxiv.org/abs/1602.02830)\n"
    )
    assert [(line, text) for line, _col, text in where(md, "double-space")] == [
        (2, "  "),
        (2, "  "),
        (3, "  "),
        (1, "  "),
    ]
    messages = [i.message for i in check(md, "double-space")]
    assert messages[0] == "2 spaces between `Efficient` and `Evaluation` in the title; use one space"
    assert messages[1] == "2 spaces between `Emily` and `Denton,` in the author list; use one space"
    assert messages[3] == "2 spaces between `Low` and `Rank` in the heading; use one space"
    assert fixed_twice(md, "double-space") == md.replace("  ", " ")


def test_double_space_ignores_layout_indentation_nbsp_and_trailing_space() -> None:
    md = (
        "##  Heading after two spaces  \n"
        "- [Rethinking the Value](https://arxiv.org/abs/1810.05270)  [[code]](https://github.com/a/b)\n"
        "- [NVIDIA TensorRT](https://developer.nvidia.com/tensorrt):&nbsp;&nbsp;Programmable Inference\n"
        "1. [MobilenetV2: Inverted Residuals and\n    Linear Bottlenecks](https://arxiv.org/pdf/1801.04381.pdf)\n"
        "- Author (1)     .[Title](https://arxiv.org/pdf/1902.03538) .[J]  arXiv preprint\n"
    )
    assert check(md, "double-space") == []


# ------------------------------------------------------------------------------------ AL404 trailing-whitespace


def test_trailing_whitespace_is_reported_and_removed() -> None:
    md = "# Title  \ntext\t\n  \n- item  \n- item two \n\n```\ncode  \n```\nlast  "
    assert [(line, col) for line, col, _text in where(md, "trailing-whitespace")] == [
        (1, 8),
        (2, 5),
        (3, 1),
        (4, 7),
        (5, 11),
        (8, 5),
        (10, 5),
    ]
    messages = [i.message for i in check(md, "trailing-whitespace")]
    assert messages[1] == "trailing whitespace `\\t`; remove it"
    assert messages[2] == "line holds only whitespace (`␠␠`); remove it"
    assert fixed_twice(md, "trailing-whitespace") == "# Title\ntext\n\n- item\n- item two\n\n```\ncode\n```\nlast"


def test_trailing_whitespace_allows_hard_line_breaks_and_trims_longer_ones() -> None:
    md = "first line  \nsecond line   \nthird line\n- item  \n  continued\n"
    issues = check(md, "trailing-whitespace")
    assert [i.span.line for i in issues] == [2]
    assert issues[0].message == "trailing `␠␠␠` makes a hard line break; write exactly 2 spaces"
    assert fixed_twice(md, "trailing-whitespace") == md.replace("line   \n", "line  \n")
    assert [i.span.line for i in check(md, "trailing-whitespace", **{"br-spaces": 3})] == [1, 4]
    assert fixed(md, "trailing-whitespace", **{"br-spaces": 0}) == md.replace("  \n", "\n").replace(" \n", "\n")


HARD_BREAK_CASES = [
    "a  \n| x |\n",  # a row without a delimiter row is no table: the paragraph goes on
    "a  \n2. foo\n",  # only a list starting at 1 interrupts a paragraph
    "a  \n    indented\n",  # indented code cannot interrupt a paragraph
    "> a  \nlazy\n",  # a lazy continuation line
    "- a  \n  b\n",
    "Setext  \nheading\n===\n",
    "a  \n<div>\nx\n</div>\n",  # an HTML block interrupts the paragraph
    "[1]: https://x.org  \nnext\n",  # a link reference definition is no paragraph
    "a  \n1. foo\n",
    "# h  \nx\n",
    "| a |  \n|---|\n| b |\n",
    "<div>  \nx\n</div>\n",
    "a  \n<!-- c -->\n",
]


@pytest.mark.parametrize("md", HARD_BREAK_CASES)
def test_trailing_whitespace_keeps_exactly_the_hard_breaks_cmark_gfm_renders(md: str) -> None:
    import cmarkgfm
    from cmarkgfm.cmark import Options

    renders_break = "<br" in cmarkgfm.github_flavored_markdown_to_html(md, options=Options.CMARK_OPT_UNSAFE)
    assert (check(md, "trailing-whitespace") == []) == renders_break


def test_trailing_whitespace_in_a_crlf_file_leaves_the_carriage_returns() -> None:
    data = "\ufeffa  \r\nb \r\n\r\nc\r\n".encode()
    issues = check(data, "trailing-whitespace")
    assert [(i.span.line, data[i.span.start : i.span.end]) for i in issues] == [(2, b" ")]
    assert fixed(data, "trailing-whitespace").encode() == "\ufeffa  \r\nb\r\n\r\nc\r\n".encode()


# ------------------------------------------------------------------------------------ all text rules


CRLF_CASES = [
    ("mojibake", "- [Squeezedet: Uniï¬ed](https://arxiv.org/abs/1612.01051)", "Uniï¬ed", "Unified"),
    ("double-space", "- [Efficient  Evaluation](https://arxiv.org/abs/1404.0736)", "Efficient  E", "Efficient E"),
    ("trailing-whitespace", "- [Evaluation](https://arxiv.org/abs/1404.0736)\t ", ")\t ", ")"),
]


@pytest.mark.parametrize(("rule_name", "line", "old", "new"), CRLF_CASES, ids=[c[0] for c in CRLF_CASES])
def test_fixes_in_a_crlf_file_with_bom_change_only_their_own_bytes(
    rule_name: str, line: str, old: str, new: str
) -> None:
    head = "\ufeff# Lïst – ünïcode ☃\r\n\r\n- [Prior](https://arxiv.org/abs/1511.06530) Ünïcode\r\n"
    tail = "\r\n- [After](https://arxiv.org/abs/1608.08710) (x)\r\n"
    data = (head + line + tail).encode("utf-8")
    assert fixed(data, rule_name).encode("utf-8") == (head + line.replace(old, new) + tail).encode("utf-8")


# ------------------------------------------------------------------------------------ the real lists

EXPECTED: dict[str, dict[str, list[int]]] = {
    "awesome-compact-models.md": {"mojibake": [52]},
    "awesome-model-compression-and-acceleration.md": {"trailing-whitespace": [127, 128]},
    "awesome-model-compression.md": {
        "double-space": [
            53, 54, 64, 64, 64, 71, 74, 79, 80, 118, 119, 121, 126, 135, 139, 140, 146, 149, 195, 200, 202, 203,
            206, 207, 208, 210, 212, 214, 216, 217, 218, 219, 227, 228, 232, 242, 245, 248, 251,
        ],
        "trailing-whitespace": [
            3, 4, 5, 6, 7, 8, 9, 11, 33, 34, 37, 48, 49, 61, 70, 75, 76, 86, 87, 89, 95, 101, 102, 112, 116, 120, 123,
            142, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174,
            175, 176, 198, 213, 235, 236, 237, 238, 277,
        ],
    },
    "model-compression-and-acceleration.md": {},
    "neural-network-compression.md": {"trailing-whitespace": [56, 78, 79], "unbalanced-punctuation": [50]},
}  # fmt: skip


@pytest.mark.parametrize("path", SEED_LISTS, ids=lambda p: p.name)
def test_text_findings_on_the_real_lists(path: Path) -> None:
    expected = sorted((line, name) for name, lines in EXPECTED[path.name].items() for line in lines)
    assert findings(path, TEXT) == expected


def test_text_rules_are_silent_on_a_canonical_merged_list() -> None:
    assert [i.message for code in TEXT for i in check(MERGED_SAMPLE, RULES[code].name)] == []


def test_no_break_spaces_inside_a_title_are_reported_and_replaced() -> None:
    md = "- [Learning both weights\u00a0and\u00a0connections](https://x.org/a)\n- [Plain title](https://x.org/b)\n"
    issues = check(md, "double-space")
    assert [i.message for i in issues] == [
        "a no-break space between `weights` and `and` in the title; use one space",
        "a no-break space between `and` and `connections` in the title; use one space",
    ]
    assert fixed_twice(md, "double-space") == md.replace("\u00a0", " ")
