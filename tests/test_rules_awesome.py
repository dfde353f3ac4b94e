"""The `awesome` rule set (AL6xx): opt-in selection, the Markdown tree it reads, and the merged list passing it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import LISTS
from rulecheck import MERGED_SAMPLE, check
from test_merge_gate import merged

from awesome_lint.cli import main
from awesome_lint.config import Config
from awesome_lint.lint import select_rules
from awesome_lint.parse import parse_text
from awesome_lint.parse.tree import markdown_tree
from awesome_lint.rules import RULES, Context, resolve
from awesome_lint.rules._awesome import case_of, is_url, title_case

AWESOME = sorted(r.code for r in RULES.values() if r.group == "awesome")
OLD_STYLE = "# Awesome Things\n\n- [Deep Compression](https://arxiv.org/abs/1510.00149) Song Han. *ICLR 2016*\n"


def test_the_awesome_set_is_its_own_family_and_opt_in() -> None:
    assert AWESOME == ["AL601", "AL602", "AL603", "AL604", "AL605", "AL606"]
    default = {r.code for r in select_rules(Config())}
    assert default and not default & set(AWESOME)
    assert {r.code for r in select_rules(Config(select=("ALL", "awesome")))} == default | set(AWESOME)
    for selector in ("awesome", "AWESOME", "AL6"):
        assert sorted(r.code for r in select_rules(Config(select=(selector,)))) == AWESOME
    assert [r.code for r in select_rules(Config(select=("awesome-list-item",)))] == ["AL603"]
    assert [r.code for r in select_rules(Config(select=("ALL", "awesome"), ignore=("awesome",)))] == sorted(default)


def run(*args: str, cwd: Path) -> tuple[int, str]:
    config = cwd / ".awesome-lint.toml"
    if not config.exists():
        config.write_text("")
    result = CliRunner().invoke(main, [*args, "--config", str(config)])
    return result.exit_code, result.output


def test_lint_runs_the_set_only_when_selected(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(OLD_STYLE)
    code, out = run("lint", str(path), cwd=tmp_path)
    assert "AL60" not in out
    code, out = run("lint", "--select", "ALL,awesome", str(path), cwd=tmp_path)
    assert code == 1 and "AL601" in out and "AL603" in out
    (tmp_path / ".awesome-lint.toml").write_text('select = ["ALL", "awesome"]\nignore = ["awesome-badge"]\n')
    code, out = run("lint", str(path), cwd=tmp_path)
    assert code == 1 and "AL603" in out and "AL601" not in out


def test_rules_listing_marks_the_opt_in_set() -> None:
    out = CliRunner().invoke(main, ["rules"]).output
    line = next(line for line in out.splitlines() if line.startswith("AL603"))
    assert line.endswith("(opt-in: awesome)")
    assert not next(line for line in out.splitlines() if line.startswith("AL301")).endswith(")")
    assert "opt-in (the `awesome` rule set)" in CliRunner().invoke(main, ["rule", "AL604"]).output


@pytest.mark.parametrize("with_real_lists", [False, True], ids=["lists", "lists+real-lists"])
def test_the_merged_list_passes_the_set(with_real_lists: bool) -> None:
    context = Context(parse_text(merged(with_real_lists), "merged.md"))
    assert [(r.name, i.span.line, i.message) for r in resolve("awesome") for i in r.run(context)] == []


def test_the_sample_of_the_merged_shape_passes_the_set() -> None:
    assert [i.message for r in resolve("awesome") for i in check(MERGED_SAMPLE, r.name)] == []


def test_seed_lists_fail_the_set() -> None:
    # Hand-written paper lists break the gate's item format; the numbers are the npm tool's (test_gate_agreement).
    doc = parse_text((LISTS / "awesome-compact-models.md").read_text(), "awesome-compact-models.md")
    context = Context(doc)
    found = {r.name: len(list(r.run(context))) for r in resolve("awesome")}
    assert found["awesome-list-item"] > 40 and found["undefined-reference"] > 40


def test_tree_positions_point_into_the_source() -> None:
    text = (
        "# Title [![A](https://awesome.re/badge.svg)](https://awesome.re)\n\n"
        "> - [a](https://x.org) - Foo *bar* `c`.\n>   [[code]](u) \\[z]\n"
    )
    doc = parse_text(text)
    tree = markdown_tree(doc)
    heading = tree.blocks[0]
    assert heading.kind == "heading" and heading.start == 0 and heading.marker == 2
    (quote,) = tree.blocks[1:]
    paragraph = quote.children[0].children[0].children[0]
    kinds = ["link", "text", "emphasis", "text", "inlineCode", "text", "link", "text"]
    assert [n.kind for n in paragraph.inlines] == kinds
    for node in paragraph.inlines:
        start, end = paragraph.offset(node.start), paragraph.offset(node.end - 1) + 1
        if node.kind != "text":
            assert text[start:end] == paragraph.source[node.start : node.end]
    assert text[paragraph.offset(paragraph.inlines[6].start) :].startswith("[[code]](u)")
    assert paragraph.inlines[6].value == "[code]" and paragraph.inlines[-1].value == " [z]"


def test_case_names_are_the_case_packages() -> None:
    # What the `case` package (the npm awesome-lint's) answers for these.
    assert [case_of(s) for s in ("deep", "Jian", "iOS", "DARTS", "SqueezeNet", "Awesome python", "Foo Bar ")] == [
        "lower",
        "capital",
        "camel",
        "constant",
        "pascal",
        "sentence",
        "capital",
    ]
    assert title_case("the art of war") == "The Art of War"
    assert title_case("learning both weights and connections") == "Learning Both Weights and Connections"


def test_urls_the_gate_accepts() -> None:
    assert is_url("https://x.org/a") and is_url("mailto:a@b.c") and is_url("ftp://h")
    assert not is_url("lists/a.md") and not is_url("#pruning") and not is_url("https://") and not is_url("https://a b")
