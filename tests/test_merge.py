"""The merge: conservation on the real lists, determinism, idempotence, taxonomy, field resolution and the CLI."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import LISTS, SEED_LISTS
from rulecheck import check

from awesome_lint.cli import main
from awesome_lint.errors import UserError
from awesome_lint.merge import (
    DroppedItem,
    EntryRecord,
    MergeResult,
    Vote,
    entry_topic,
    load_taxonomy,
    merge_documents,
    merge_inputs,
    parse_taxonomy,
    place,
    report_bytes,
    report_json,
    resolve_title,
)
from awesome_lint.model import Document, Entry
from awesome_lint.parse import parse_file, parse_text

TAXONOMY = load_taxonomy()


@lru_cache(maxsize=1)
def real_documents() -> tuple[Document, ...]:
    return tuple(parse_file(path) for path in merge_inputs([str(LISTS)]))


@lru_cache(maxsize=1)
def real_merge() -> MergeResult:
    return merge_documents(real_documents())


def merge_texts(*texts: str, names: tuple[str, ...] = ()) -> MergeResult:
    names = names or tuple(f"list{i}.md" for i in range(len(texts)))
    return merge_documents([parse_text(text, name) for text, name in zip(texts, names, strict=True)])


def paper_lines(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("- ") and "](#" not in line]


def only_entry(result: MergeResult) -> EntryRecord:
    assert len(result.report.entries) == 1, result.report.entries
    return result.report.entries[0]


def entry_line(result: MergeResult) -> str:
    return result.markdown.splitlines()[only_entry(result).line - 1]


# --------------------------------------------------------------------------------- the five real lists


def test_directory_input_skips_readme() -> None:
    assert [Path(p).name for p in merge_inputs([str(LISTS)])] == [p.name for p in SEED_LISTS]
    assert merge_inputs([str(LISTS / "README.md")]) == [str(LISTS / "README.md")]


def test_every_input_item_is_accounted_for_exactly_once() -> None:
    docs = real_documents()
    report = real_merge().report
    kinds = {(doc.path, e.span.line): e.kind for doc in docs for e in doc.entries}
    papers = {key for key, kind in kinds.items() if kind == "paper"}
    resources = {key for key, kind in kinds.items() if kind == "resource"}

    paper_sources = [(s.path, s.line) for e in report.entries for s in e.sources]
    assert len(paper_sources) == len(papers) == report.summary.papers
    assert set(paper_sources) == papers

    resource_sources = [(s.path, s.line) for r in report.resources for s in r.sources]
    assert len(resource_sources) == len(resources)
    assert set(resource_sources) == resources

    dropped = [(d.path, d.line) for d in report.dropped]
    assert all(kinds[key] == "other" for key in dropped)
    assert len(dropped) + len(paper_sources) + len(resource_sources) == len(kinds)


def test_report_sources_carry_the_joining_edge() -> None:
    for entry in real_merge().report.entries:
        first, *rest = entry.sources
        assert first.signal is None and first.score is None
        for source in rest:
            assert source.signal in ("arxiv-id", "doi", "url", "title", "title-truncated", "subtitle")
            assert 0 < source.score <= 100


def test_merge_is_deterministic() -> None:
    first = merge_documents(real_documents())
    second = merge_documents([parse_file(path) for path in merge_inputs([str(LISTS)])])
    assert first.markdown == second.markdown
    assert report_json(first.report) == report_json(second.report)


def test_markdown_shape() -> None:
    markdown = real_merge().markdown
    assert markdown.endswith("\n") and not markdown.endswith("\n\n") and "\r" not in markdown
    lines = markdown.splitlines()
    names = ",".join(f"{p.name}=lists%2F{p.name}" for p in SEED_LISTS)
    badge = "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)"
    assert lines[:3] == [f"# Awesome Model Compression {badge}", "", f"<!-- awesome-lint merge: sources={names} -->"]
    summary = real_merge().report.summary
    named = [name for name in summary.topics if name != "Other"]
    assert lines[4].startswith(
        f"A curated list of {summary.entries} papers in {len(named)} topics ({', '.join(named[:3])}, "
    )
    assert lines[6].startswith(
        "Credits: the papers come from [awesome-compact-models.md](lists/awesome-compact-models.md), "
    )
    assert all(f"[{p.name}](lists/{p.name})" in lines[6] for p in SEED_LISTS)
    assert not any("awesome-lint-disable" in line for line in lines)
    headings = [line[3:] for line in lines if line.startswith("## ")]
    assert headings[0] == "Contents" and headings[-1] == "Resources"
    topics = headings[1:-1]
    assert topics == [name for name in TAXONOMY.names if name in topics]
    assert "- [Low-Rank Approximation](#low-rank-approximation)" in lines
    assert "- [Systems and Hardware](#systems-and-hardware)" in lines


def test_sections_sorted_by_year_then_title() -> None:
    report = real_merge().report
    docs = {e.line: e for e in report.entries}
    merged = parse_text(real_merge().markdown, "merged.md")
    by_section: dict[str, list[Entry]] = {}
    for entry in merged.entries:
        if entry.kind == "paper":
            by_section.setdefault(entry.section[-1], []).append(entry)
            assert docs[entry.span.line].topic == entry.section[-1]
    for entries in by_section.values():
        keys = [(e.year is None, -(e.year or 0), e.title.casefold()) for e in entries]
        assert keys == sorted(keys)


def test_merging_the_merged_list_reproduces_it() -> None:
    markdown = real_merge().markdown
    again = merge_documents([parse_text(markdown, "merged.md")])
    assert again.markdown == markdown
    assert len(again.report.entries) == len(real_merge().report.entries)


def test_parsing_the_merged_list_gives_back_the_report_entries() -> None:
    result = real_merge()
    merged = parse_text(result.markdown, "merged.md")
    papers = [e for e in merged.entries if e.kind == "paper"]
    assert {(e.title, e.arxiv_id) for e in papers} == {(e.title, e.arxiv_id) for e in result.report.entries}
    assert sorted(e.span.line for e in papers) == sorted(e.line for e in result.report.entries)
    resources = [e for e in merged.entries if e.kind == "resource"]
    assert [e.span.line for e in resources] == [r.line for r in result.report.resources]


def test_summary_counts() -> None:
    summary = real_merge().report.summary
    assert summary.lists == 5
    assert sum(summary.topics.values()) == summary.entries == len(real_merge().report.entries)
    assert sum(summary.years.values()) == summary.entries
    assert [item.path for item in summary.per_list] == [str(p) for p in SEED_LISTS]
    assert sum(item.papers for item in summary.per_list) == summary.papers
    assert len(summary.overlap) == 10
    for item in summary.per_list:
        assert item.unique <= item.entries <= item.papers


# -------------------------------------------------------------------------------------------- taxonomy


def test_each_canonical_topic_maps_to_itself() -> None:
    for name in TAXONOMY.names:
        assert TAXONOMY.match(name) == name
    assert TAXONOMY.names == (
        "Surveys",
        "Pruning",
        "Quantization",
        "Binarization",
        "Knowledge Distillation",
        "Low-Rank Approximation",
        "Efficient Architectures",
        "Neural Architecture Search",
        "Systems and Hardware",
        "Other",
    )


@pytest.mark.parametrize(
    ("heading", "topic"),
    [
        ("Pruning", "Pruning"),
        ("1.2 Filter Pruning", "Pruning"),
        ("1.4 Auto Pruning", "Pruning"),
        ("Binarization", "Binarization"),
        ("Binarized neural network", "Binarization"),
        ("Efficient Model", "Efficient Architectures"),
        ("Model and structure", "Efficient Architectures"),
        ("Structure", "Efficient Architectures"),
        ("Distilation", "Knowledge Distillation"),
        ("Distallation", "Knowledge Distillation"),
        ("Distilling", "Knowledge Distillation"),
        ("3. Knowledge Distillation", "Knowledge Distillation"),
        ("4. Matrix Decomposition", "Low-Rank Approximation"),
        ("Low Rank Approximation", "Low-Rank Approximation"),
        ("5. Neural Architecture Search", "Neural Architecture Search"),
        ("System", "Systems and Hardware"),
        ("Overview", "Surveys"),
        ("Survey", "Surveys"),
        ("Paper", None),
        ("Paper List", None),
        ("2017", None),
        ("1.5 Thinking and Analysis", None),
        ("Miscellaneous", None),
    ],
)
def test_real_headings_and_tags(heading: str, topic: str | None) -> None:
    assert TAXONOMY.match(heading) == topic


def test_entry_topic_order_tag_heading_list_title() -> None:
    doc = parse_text(
        "# Awesome Pruning\n"
        "## 1. Pruning\n### 1.5 Thinking and Analysis\n"
        "- 【Quantization】A. B. [Some paper on things](https://x.org/1) .[J] arXiv preprint arXiv:1701.00001\n"
        "- [Some paper on things two](https://x.org/2) [ICLR'17]\n"
        "## Paper\n"
        "- [Something general](https://x.org/4) [NIPS'15]\n"
    )
    got = [entry_topic(e, TAXONOMY, doc.title) for e in doc.entries]
    assert got == [("Quantization", "tag"), ("Pruning", "heading"), ("Pruning", "list-title")]
    assert entry_topic(doc.entries[2], TAXONOMY) == ("Pruning", "heading")
    assert entry_topic(parse_text("- [Something general](https://x.org/4)").entries[0], TAXONOMY) == (None, "none")


def test_title_keywords_outweigh_upstream_headings() -> None:
    result = merge_texts(
        "## Quantization\n- [XNOR-Net: Binary Convolutional Neural Networks](https://arxiv.org/abs/1603.05279)\n"
        "## Efficient Model\n- [DARTS: Differentiable Architecture Search](https://arxiv.org/abs/1806.09055)\n"
        "- [A Paper Whose Title Says Nothing](https://x.org/n)\n"
        "## 2017\n- [Another Title Saying Nothing](https://x.org/o)\n"
    )
    topics = {e.title: e.topic for e in result.report.entries}
    assert topics == {
        "XNOR-Net: Binary Convolutional Neural Networks": "Binarization",
        "DARTS: Differentiable Architecture Search": "Neural Architecture Search",
        "A Paper Whose Title Says Nothing": "Efficient Architectures",
        "Another Title Saying Nothing": "Other",
    }
    reasons = {e.title: e.topic_reason for e in result.report.entries}
    assert reasons["XNOR-Net: Binary Convolutional Neural Networks"].startswith("Binarization 1.5: title matches ")
    assert (
        "over Quantization 0.5: 1 of 1 list files it there (0.5)"
        in (reasons["XNOR-Net: Binary Convolutional Neural Networks"])
    )
    assert (
        reasons["A Paper Whose Title Says Nothing"] == "Efficient Architectures 0.5: 1 of 1 list files it there (0.5)"
    )
    assert reasons["Another Title Saying Nothing"] == (
        "no title keyword, venue, heading, tag or arXiv category names a topic"
    )


def test_placement_weights_priorities_venues_and_arxiv_categories() -> None:
    taxonomy = parse_taxonomy(
        """
[weights]
heading = 0.5
venue = 0.75
arxiv = 2.0
[[topic]]
name = "Hardware"
headings = ["hardware"]
keywords = [{pattern = "fpga", weight = 2.0}]
venues = ["^ISCA$"]
arxiv = ["cs.AR"]
[[topic]]
name = "Pruning"
priority = 3
headings = ["pruning"]
keywords = ["prun", "sparse"]
""",
        "tax.toml",
    )
    assert place(["Sparse accelerator on FPGA"], [], taxonomy).topic == "Hardware"
    assert place(["Pruning in hardware"], [Vote("Hardware")], taxonomy).topic == "Pruning"  # 1.0 vs 0.5
    tie = place(["Pruning"], [Vote("Hardware"), Vote("Hardware")], taxonomy, venue="ISCA")
    assert tie.topic == "Hardware" and tie.score == 1.25
    cats = place(["Pruning"], [], taxonomy, categories=["cs.AR", "cs.LG"])
    assert cats.topic == "Hardware" and "arXiv cs.AR (2)" in cats.reason
    # Equal scores: the higher priority wins, and the reason says so.
    even = place(
        ["Pruning on FPGA"],
        [],
        parse_taxonomy(
            '[[topic]]\nname = "A"\nkeywords = ["fpga"]\n[[topic]]\nname = "B"\npriority = 1\nkeywords = ["prun"]\n'
        ),
    )
    assert even.topic == "B" and "(tie, higher priority)" in even.reason
    # A member from a merged list keeps its section.
    kept = place(["Pruning"], [Vote("Hardware", merged=True), Vote("Pruning")], taxonomy)
    assert kept.topic == "Hardware" and kept.reason.startswith("kept from the merged list")


def test_member_vote_tie_in_a_merge() -> None:
    result = merge_texts(
        "## Quantization\n- [Deep Compression](https://arxiv.org/abs/1510.00149)\n",
        "## Pruning\n- [Deep Compression](https://arxiv.org/abs/1510.00149)\n",
    )
    assert only_entry(result).topic == "Pruning"
    assert "## Pruning" in result.markdown and "## Quantization" not in result.markdown


def test_custom_taxonomy(tmp_path: Path) -> None:
    path = tmp_path / "tax.toml"
    path.write_text('[[topic]]\nname = "Sparsity"\npatterns = ["prun"]\n', encoding="utf-8")
    taxonomy = load_taxonomy(path)
    assert taxonomy.names == ("Sparsity", "Other")
    result = merge_documents([parse_text("## Pruning\n- [A paper](https://x.org/a)\n")], taxonomy)
    assert "## Sparsity\n\n- [A paper](https://x.org/a)\n" in result.markdown


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[topic]\n", "invalid TOML"),
        ("title = 1\n", "only [[topic]] tables and [weights]"),
        ("[weights]\n", "[[topic]]"),
        ('[[topic]]\nname = "A"\npattern = ["a"]\n', "a topic has only `arxiv`, `headings`, `keywords`"),
        ('[[topic]]\nname = "A"\npatterns = ["("]\n', "bad pattern"),
        ('[[topic]]\nname = "A"\nheadings = ["a"]\npatterns = ["a"]\n', "old name of `headings`"),
        ('[[topic]]\nname = "A"\nkeywords = [{pattern = "a", weight = -1}]\n', "positive number"),
        ('[[topic]]\nname = "A"\nkeywords = [3]\n', "a keyword is a pattern or a table"),
        ('[[topic]]\nname = "A"\npriority = "high"\n', "`priority` must be a number"),
        ('[[topic]]\nname = "A"\narxiv = "cs.AR"\n', "`arxiv` must be a list"),
        ('[weights]\ntitle = 1\n[[topic]]\nname = "A"\n', "[weights] has only"),
        ('[weights]\nheading = -1\n[[topic]]\nname = "A"\n', "non-negative number"),
        ('[[topic]]\nname = "A"\n[[topic]]\nname = "a"\n', "duplicate topic"),
    ],
)
def test_bad_taxonomy(text: str, message: str) -> None:
    with pytest.raises(UserError, match=r"^tax\.toml: ") as info:
        parse_taxonomy(text, "tax.toml")
    assert message in str(info.value)


# ------------------------------------------------------------------------------------ field resolution


def test_truncated_title_loses_to_the_full_one() -> None:
    result = merge_texts(
        "- [Learning Transferable Architectures for Scalable Image Recogn](https://arxiv.org/abs/1707.07012)\n",
        "- [Learning Transferable Architectures for Scalable Image Recognition](https://arxiv.org/abs/1707.07012)\n",
    )
    assert only_entry(result).title == "Learning Transferable Architectures for Scalable Image Recognition"
    padded = "Learning Transferable Architectures for Scalable Image Recogn ......"
    full = "Learning Transferable Architectures for Scalable Image Recognition"
    assert len(padded) > len(full)
    assert resolve_title([padded, full]) == full


def test_title_ties_go_to_the_most_common_spelling() -> None:
    assert resolve_title(["Deep compression", "Deep Compression", "Deep Compression"]) == "Deep Compression"
    assert resolve_title(["Deep compression", "Deep Compression"]) == "Deep Compression"


def test_peer_reviewed_venue_beats_arxiv() -> None:
    result = merge_texts(
        "1. [CondenseNet: An Efficient DenseNet](https://arxiv.org/abs/1711.09224) [arXiv '17]\n",
        "- 2018-CVPR-[CondenseNet: An Efficient DenseNet](https://arxiv.org/abs/1711.09224)\n",
    )
    assert entry_line(result) == (
        "- [CondenseNet: An Efficient DenseNet](https://arxiv.org/abs/1711.09224) - *CVPR 2018*."
    )


def test_code_links_union_deduplicated() -> None:
    result = merge_texts(
        "- [Some Paper Title](https://arxiv.org/abs/1810.05270) [[code]](https://github.com/Eric/rethink)\n",
        "- **[RVP]** Some Paper Title, ICLR 2019, [[paper]](https://arxiv.org/abs/1810.05270), "
        "[[code(Pytorch)]](https://www.github.com/eric/rethink/), [[code(TF)]](https://github.com/b/tf)\n",
    )
    assert entry_line(result).endswith(
        " - *ICLR 2019*. [Code](https://github.com/Eric/rethink) [Code](https://github.com/b/tf)"
    )


def test_arxiv_link_is_canonical() -> None:
    result = merge_texts(
        "- [Deep Compression](https://arxiv.org/pdf/1510.00149v2.pdf)\n",
        "- [Deep Compression](http://arxiv.org/abs/1510.00149v5)\n",
    )
    entry = only_entry(result)
    assert entry.arxiv_id == "1510.00149"
    assert entry_line(result) == "- [Deep Compression](https://arxiv.org/abs/1510.00149) - *arXiv 2015*."
    assert [s.signal for s in entry.sources] == [None, "arxiv-id"]


def test_authors_year_and_https_link() -> None:
    result = merge_texts(
        "### 2016\n- Han S. [Deep compression of networks](http://x.org/dc.pdf) .[C] Some Workshop.\n",
        "- Song Han, Huizi Mao. [Deep compression of networks](https://x.org/dc.pdf). 2015.\n",
    )
    assert entry_line(result) == "- [Deep compression of networks](https://x.org/dc.pdf) - Song Han, Huizi Mao. *2015*."


def test_markdown_in_titles_is_escaped_and_round_trips() -> None:
    title = "A [bracketed] *starred* _under_ `tick` <tag> title"
    written = r"A \[bracketed\] \*starred\* \_under\_ \`tick\` \<tag> title"
    result = merge_texts(f"- [{written}](https://x.org/1) [ICML'17]\n")
    line = entry_line(result)
    assert line == f"- [{written}](https://x.org/1) - *ICML 2017*."
    assert parse_text(line).entries[0].title == title


def test_paper_without_link_gets_a_title_search() -> None:
    result = merge_texts("- J. L. Holi. [Finite precision error analysis of hardware]. In IJCNN, 1993.\n")
    search = "https://scholar.google.com/scholar?q=Finite+precision+error+analysis+of+hardware"
    assert (
        entry_line(result) == f"- [Finite precision error analysis of hardware]({search}) - J. L. Holi. *IJCNN 1993*."
    )
    again = merge_documents([parse_text(result.markdown, "list0.md")])
    assert again.markdown == result.markdown
    # Another list's real link wins over the search written by an earlier merge.
    linked = merge_texts(result.markdown, "- [Finite precision error analysis of hardware](https://x.org/h)\n")
    assert "](https://x.org/h)" in entry_line(linked) and "scholar" not in linked.markdown


@pytest.mark.parametrize(
    "item",
    [
        "- [Authors but no venue](https://x.org/a) - A. Author.",
        "- [A paper without link or venue] - Some One.",
        "- [A title - with a dash] *2015*.",
        "- [Unknown venue paper](https://x.org/b) - Z. Zed. *IoT-App*.",
        "- [Bare title only]",
    ],
)
def test_odd_shapes_survive_a_second_merge(item: str) -> None:
    first = merge_texts(item + "\n")
    entry = first.report.entries[0]
    again = merge_documents([parse_text(first.markdown, "merged.md")])
    assert again.markdown == first.markdown
    assert [e.title for e in again.report.entries] == [entry.title]


def test_resources_deduplicated_with_descriptions() -> None:
    result = merge_texts(
        "### Projects\n- [dmlc/tvm](https://github.com/dmlc/tvm):&nbsp;&nbsp;Deep learning compiler;&nbsp;\n"
        "- [Reading List 5](https://github.com/sun254/awesome-model-compression-and-acceleration)\n",
        "- [sun254/awesome-model-compression-and-acceleration](https://github.com/sun254/awesome-model-compression-and-acceleration/)\n",
    )
    lines = result.markdown.splitlines()
    assert lines[lines.index("## Resources") + 2 :] == [
        "- [dmlc/tvm](https://github.com/dmlc/tvm) - Deep learning compiler.",
        "- [Reading List 5](https://github.com/sun254/awesome-model-compression-and-acceleration)",
    ]
    assert [len(r.sources) for r in result.report.resources] == [1, 2]


def test_provenance_names_the_upstream_lists_and_toc_is_dropped() -> None:
    first = merge_texts(
        "- [Pruning](#pruning)\n## Pruning\n- [A paper](https://x.org/a)\n",
        "## Pruning\n- [B paper](https://x.org/b)\n",
        names=("lists/b.md", "a.md"),
    )
    assert "<!-- awesome-lint merge: sources=a.md=a.md,b.md=lists%2Fb.md -->" in first.markdown
    assert "Credits: the papers come from [a.md](a.md) and [b.md](lists/b.md); thanks to their maintainers." in (
        first.markdown
    )
    assert first.report.dropped == (DroppedItem("lists/b.md", 1, "Pruning", "table of contents entry"),)
    second = merge_texts(first.markdown, names=("merged.md",))
    assert second.markdown == first.markdown
    # Merged again from another folder, the credits still point at the upstream files.
    moved = merge_documents([parse_text(first.markdown, "out/merged.md")], link_base="out")
    assert moved.markdown == first.markdown
    elsewhere = merge_documents([parse_text(first.markdown, "out/merged.md")])
    assert "[a.md](out/a.md) and [b.md](out/lists/b.md)" in elsewhere.markdown


def test_provenance_survives_odd_file_names() -> None:
    first = merge_texts("- [A paper](https://x.org/a)\n", names=("dir/my list, v2.md",))
    assert "<!-- awesome-lint merge: sources=my%20list%2C%20v2.md=dir%2Fmy%20list%2C%20v2.md -->" in first.markdown
    assert "Credits: the papers come from [my list, v2.md](dir/my%20list,%20v2.md); " in first.markdown
    assert merge_texts(first.markdown, names=("merged.md",)).markdown == first.markdown


def test_empty_input() -> None:
    result = merge_texts("")
    assert "A curated list of 0 papers, merged from 1 upstream list into one entry per paper" in result.markdown
    assert result.markdown.endswith(
        "Credits: the papers come from [list0.md](list0.md); thanks to their maintainers.\n"
    )
    assert result.report.entries == () and result.report.summary.entries == 0


# ------------------------------------------------------------------------------------------------- CLI


def test_cli_merge_writes_files_and_summary(tmp_path: Path) -> None:
    out, rep = tmp_path / "merged.md", tmp_path / "merge-report.json"
    result = CliRunner().invoke(main, ["merge", str(LISTS), "-o", str(out), "--report", str(rep)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == merge_documents(real_documents(), link_base=str(tmp_path)).markdown
    assert rep.read_text(encoding="utf-8") == report_json(real_merge().report)
    assert json.loads(rep.read_text(encoding="utf-8"))["summary"]["papers"] == real_merge().report.summary.papers
    for seed in SEED_LISTS:
        assert seed.name in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["merge-report.json", "merged.md"]

    again = CliRunner().invoke(main, ["merge", str(out), "-o", str(tmp_path / "again.md")])
    assert again.exit_code == 0
    assert (tmp_path / "again.md").read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_cli_merge_bad_path_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["merge", str(tmp_path / "missing.md"), "-o", str(tmp_path / "o.md")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("awesome-lint: error: ") and "missing.md" in result.stderr
    assert not (tmp_path / "o.md").exists()


def test_cli_merge_directory_with_only_readme(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# About\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["merge", str(tmp_path)])
    assert result.exit_code == 2
    assert "no Markdown lists" in result.stderr


def test_cli_merge_bad_taxonomy(tmp_path: Path) -> None:
    tax = tmp_path / "tax.toml"
    tax.write_text("[[topic]]\nname = 3\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["merge", str(SEED_LISTS[0]), "--taxonomy", str(tax)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"awesome-lint: error: {tax}: topic 1: `name` must be a non-empty string"


def test_cli_merge_title_option() -> None:
    result = CliRunner().invoke(main, ["merge", str(SEED_LISTS[3]), "--title", "My List"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    name = SEED_LISTS[3].name
    assert lines[0] == "# My List [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)"
    assert lines[2] == f"<!-- awesome-lint merge: sources={name}=lists%2F{name} -->"


def test_cli_merge_description_and_source_urls(tmp_path: Path) -> None:
    url = "https://github.com/example/list"
    args = ["merge", str(SEED_LISTS[3]), "-o", str(tmp_path / "m.md"), "--description", "My  own   words."]
    result = CliRunner().invoke(main, [*args, "--source-url", f"{SEED_LISTS[3].name}={url}"])
    assert result.exit_code == 0, result.stderr
    lines = (tmp_path / "m.md").read_text(encoding="utf-8").splitlines()
    assert lines[4] == "My own words."
    assert lines[6] == f"Credits: the papers come from [{SEED_LISTS[3].name}]({url}); thanks to their maintainers."
    bad = CliRunner().invoke(main, [*args, "--source-url", "no-equals-sign"])
    assert bad.exit_code == 2
    assert bad.stderr == "awesome-lint: error: --source-url 'no-equals-sign': expected NAME=URL\n"


def test_arxiv_id_supplies_missing_venue_and_year() -> None:
    result = merge_texts(
        "- [With id](https://arxiv.org/abs/1707.01209)\n- [Stated year](https://arxiv.org/abs/1707.01210) [CVPR'18]\n"
    )
    lines = result.markdown.splitlines()
    assert "- [Stated year](https://arxiv.org/abs/1707.01210) - *CVPR 2018*." in lines
    assert "- [With id](https://arxiv.org/abs/1707.01209) - *arXiv 2017*." in lines


def test_a_url_shared_by_different_papers_stays_with_the_paper_it_belongs_to() -> None:
    url = "http://papers.nips.cc/paper/5647-binaryconnect.pdf"
    result = merge_texts(
        f"- [Binaryconnect: Training deep neural networks with binary weights]({url}). In NIPS, 2015.\n"
        f"- [Deepburning: automatic generation of fpga-based learning accelerators]({url}). In DAC, 2016.\n",
        f"- [BinaryConnect: Training Deep Neural Networks with binary weights]({url}) [NIPS'15]\n",
    )
    lines = result.markdown.splitlines()
    binary = [line for line in lines if "inaryconnect" in line or "inaryConnect" in line]
    deep = [i for i, line in enumerate(lines) if "Deepburning" in line]
    assert len(binary) == 1 and url.replace("http://", "") in binary[0]
    assert lines[deep[0]].startswith(
        "- [Deepburning: automatic generation of fpga-based learning accelerators](https://scholar.google.com/"
    )


def test_an_entry_that_loses_its_arxiv_link_loses_what_arxiv_gave_it() -> None:
    from awesome_lint.links.types import ArxivRecord

    record = ArxivRecord(
        "1608.08710",
        True,
        title="Deep Compression: Compressing Deep Neural Networks with Pruning",
        authors=("Song Han", "Huizi Mao"),
        year=2016,
    )
    texts = (
        "- [Pruning Filters for Efficient ConvNets](https://arxiv.org/abs/1608.08710) - Hao Li. *ICLR 2017*.\n",
        "- [Pruning Filters for Efficient ConvNets](https://arxiv.org/abs/1608.08710)\n"
        "- [Deep Compression: Compressing Deep Neural Networks](https://arxiv.org/abs/1608.08710)\n",
    )
    docs = [parse_text(text, name) for text, name in zip(texts, ("a.md", "b.md"), strict=True)]
    result = merge_documents(docs, arxiv={"1608.08710": record})
    pruning, deep = result.report.entries
    # The id stays with the entry two lists cite it for; arXiv's record is another paper, so nothing is taken.
    assert (pruning.arxiv_id, pruning.arxiv_match, pruning.arxiv_fields) == ("1608.08710", "different", ())
    assert [(c.arxiv_id, c.title, c.line) for c in result.report.conflicts] == [
        ("1608.08710", "Pruning Filters for Efficient ConvNets", pruning.line)
    ]
    # The other entry matches arXiv's record, but loses the link, and with it arXiv's title and authors.
    assert (deep.arxiv_id, deep.arxiv_match, deep.arxiv_fields) == (None, None, ())
    line = result.markdown.splitlines()[deep.line - 1]
    assert line.startswith("- [Deep Compression: Compressing Deep Neural Networks](https://scholar.google.com/")
    assert "Song Han" not in line


def test_merge_is_byte_identical_across_processes(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"merged-{seed}.md"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-m", "awesome_lint", "merge", str(LISTS), "-o", str(out), "--report", str(out) + ".json"],
            env=env, check=True, capture_output=True,
        )  # fmt: skip
        outputs.append((out.read_bytes(), Path(str(out) + ".json").read_bytes()))
    assert outputs[0] == outputs[1]


def test_a_title_glued_from_two_others_loses() -> None:
    from awesome_lint.merge import resolve_title

    new = "MobileNetV2: Inverted Residuals and Linear Bottlenecks"
    old = "Inverted Residuals and Linear Bottlenecks: Mobile Networks for Classification, Detection and Segmentation"
    glued = "MobilenetV2: " + old
    assert resolve_title([new, glued, old]) == old
    assert resolve_title([new, glued]) == glued  # with only one of its parts present it is not glued
    assert resolve_title(["Deep Compression", "Deep Compression: Compressing Deep Neural Networks"]) == (
        "Deep Compression: Compressing Deep Neural Networks"
    )


def test_contents_links_use_githubs_anchors_when_a_topic_repeats_a_suffixed_name() -> None:
    taxonomy = parse_taxonomy(
        '[[topic]]\nname = "Pruning 1"\npatterns = ["pruning 1"]\n[[topic]]\nname = "Pruning"\npatterns = ["prun"]\n'
    )
    doc = parse_text(
        "# T\n## Pruning 1\n- [Paper A](https://arxiv.org/abs/1510.00149)\n"
        "## Pruning\n- [Paper B](https://arxiv.org/abs/1608.08710)\n",
        "a.md",
    )
    markdown = merge_documents([doc], taxonomy, title="Pruning").markdown
    assert "- [Pruning 1](#pruning-1)\n- [Pruning](#pruning-2)\n" in markdown
    assert check(markdown, "toc-mismatch") == []


# ------------------------------------------------------------------------------------------ clean entries


@pytest.mark.parametrize(
    ("written", "rendered"),
    [
        ("Song Han, Huizi Mao", "Song Han, Huizi Mao"),
        ("LeCun Y, Denker J S, Solla S A", "Y. LeCun, J. S. Denker, S. A. Solla"),
        ("Hassibi, Babak, and David G. Stork", "Babak Hassibi, David G. Stork"),
        ("Han, Song, et al", "Song Han et al."),
        ("Lane, Nicholas D., et al", "Nicholas D. Lane et al."),
        ("J. L. Holi and J. N. Hwang", "J. L. Holi, J. N. Hwang"),
        ("Y.Wang, J. Xu, and X. Li", "Y. Wang, J. Xu, X. Li"),
        ("Wang Y, Xu C, Xu C, et al", "Y. Wang, C. Xu, C. Xu et al."),
        ("Cheng Tai, Tong Xiao, Weinan E", "Cheng Tai, Tong Xiao, Weinan E"),
        ("M. Denil, N. de Freitas, et al", "M. Denil, N. de Freitas et al."),
        ("Zhang", "Zhang et al."),
        ("Y. Ma, M. Kim, J. S. Seo, Y. Ma, M. Kim, and J. S. Seo", "Y. Ma, M. Kim, J. S. Seo"),
        ("A. Gui (1), B. Wang (2) ((1) University of X, (2) Y Institute)", "A. Gui, B. Wang"),
    ],
)
def test_one_author_style(written: str, rendered: str) -> None:
    from awesome_lint.merge.authors import parse_authors

    parsed = parse_authors(written)
    assert parsed is not None and parsed.render() == rendered
    again = parse_authors(rendered)
    assert again is not None and again.render() == rendered


def test_the_most_complete_and_correct_author_list_wins() -> None:
    from awesome_lint.merge.authors import best_authors

    def best(*texts: str | None, known: tuple[str, ...] = ()) -> str | None:
        found = best_authors(list(texts), known)
        return found.render() if found else None

    assert best("Han S", "Song Han, Huizi Mao, William J. Dally", "Han, Song, et al") == (
        "Song Han, Huizi Mao, William J. Dally"
    )
    assert best("Song Han et al", "S. Han, H. Mao") == "S. Han, H. Mao"
    # A name cut at the start is repaired from a full given name with the same surname elsewhere ...
    assert best("ndrew G. Howard, Menglong Zhu", known=("Andrew Howard", "Bo Chen")) == "Andrew G. Howard, Menglong Zhu"
    # ... or from a member's initial form of it; a list without a cut name beats one with it.
    assert best("driana Romero, Nicolas Ballas, Yoshua Bengio", "A. Romero, N. Ballas") == (
        "A. Romero, Nicolas Ballas, Yoshua Bengio"
    )
    assert best("iel Gordon, Elad Eban, Ofir Nachum", "Gordon A, Eban E") == "A. Gordon, Elad Eban, Ofir Nachum"
    assert best("iel Gordon, Elad Eban", "Xu Q, Eban E") == "Q. Xu, E. Eban"
    assert best(None, "") is None


def test_real_merge_writes_one_author_style() -> None:
    result = real_merge()
    merged = parse_text(result.markdown, "merged.md")
    authors = [e.authors for e in merged.entries if e.kind == "paper" and e.authors]
    assert len(authors) > 200
    style = re.compile(r"^[^,]+(?:, [^,]+)*(?: et al\.?)?$")
    for text in authors:
        assert style.match(text), text
        assert " and " not in text and not re.search(r"\b[A-Z][a-z]+ [A-Z] [A-Z]?\b", text), text
    assert "Andrew G. Howard, Menglong Zhu" in result.markdown  # repaired from another paper's author list
    assert "Babak Hassibi, David G. Stork" in result.markdown


def test_title_most_sources_agree_on() -> None:
    titles = [
        "Pruning convolutional neural networks for resource efficient transfer learning",
        "Pruning Convolutional Neural Networks for Resource Efficient Inference",
        "Pruning Convolutional Neural Networks for Resource Efficient Inference",
        "Pruning convolutional neural networks for resource efficient inference",
    ]
    assert resolve_title(titles) == "Pruning Convolutional Neural Networks for Resource Efficient Inference"
    # A tie goes to the most complete title; a truncated title votes for the one it is cut from.
    assert resolve_title(["Deep Compression", "Deep Compression: Compressing DNNs"]) == (
        "Deep Compression: Compressing DNNs"
    )
    assert resolve_title(["A b c d e f g h", "Other title here", "A b c d e f g h i j k"]) == "A b c d e f g h i j k"
    assert resolve_title(["Quantization and  Training of Uniï¬ed  Nets"]) == "Quantization and Training of Unified Nets"
    line = next(line for line in real_merge().markdown.splitlines() if "arxiv.org/abs/1611.06440" in line)
    assert line.startswith("- [Pruning Convolutional Neural Networks for Resource Efficient Inference](")


def test_a_renamed_venue_is_one_venue_in_the_vote() -> None:
    # NIPS and NeurIPS together outvote CVPR; the spelling most members write is kept.
    result = merge_texts(
        "- [Deep Compression](https://arxiv.org/abs/1510.00149) - *CVPR 2017*.\n",
        "- [Deep Compression](https://arxiv.org/abs/1510.00149) - *CVPR 2017*.\n",
        "- [Deep Compression](https://arxiv.org/abs/1510.00149) - *NIPS 2016*.\n",
        "- [Deep Compression](https://arxiv.org/abs/1510.00149) - *NeurIPS 2016*.\n",
        "- [Deep Compression](https://arxiv.org/abs/1510.00149) - *NeurIPS 2016*.\n",
    )
    assert "- [Deep Compression](https://arxiv.org/abs/1510.00149) - *NeurIPS 2016*." in result.markdown.splitlines()


def test_venue_qualifiers_and_notes_are_kept() -> None:
    result = merge_texts(
        "- [To prune, or not to prune](https://arxiv.org/abs/1710.01878) [ICLR'18]\n",
        "- 2018-ICLR(Workshop)-[To prune, or not to prune](https://arxiv.org/abs/1710.01878)\n"
        "- 2016-ICLR(Best Paper)-[Deep Compression](https://arxiv.org/abs/1510.00149)\n",
        "- Song Han, Huizi Mao. [Deep Compression](https://arxiv.org/abs/1510.00149). In ICLR, 2016.\n",
    )
    lines = result.markdown.splitlines()
    assert "- [To prune, or not to prune](https://arxiv.org/abs/1710.01878) - *ICLR Workshop 2018*." in lines
    assert (
        "- [Deep Compression](https://arxiv.org/abs/1510.00149) - Song Han, Huizi Mao. *ICLR 2016 (Best Paper)*."
        in (lines)
    )
    assert merge_documents([parse_text(result.markdown, "list0.md")]).markdown == result.markdown


# ------------------------------------------------------------------------- nothing lost, nothing read twice


def test_a_continuation_line_entry_is_merged_and_reported() -> None:
    # A continuation line that cites a second paper (lists/awesome-model-compression.md:237-238) is an entry of
    # its own as the parser reads it; it reaches the merged list and the report once, from its own line.
    docs = real_documents()
    doc = next(d for d in docs if d.path.endswith("awesome-model-compression.md"))
    second = [e for e in doc.entries if e.span.line == 238]
    assert [(e.block, e.title, e.venue) for e in second] == [
        ("citation", "Quantized cnn: A unified approach to accelerate and compress convolutional networks", "TNNLS")
    ]
    result = real_merge()
    found = [e for e in result.report.entries if e.title.startswith("Quantized cnn")]
    assert len(found) == 1
    entry = found[0]
    assert [(Path(s.path).name, s.line, s.column) for s in entry.sources] == [("awesome-model-compression.md", 238, 3)]
    assert entry.topic == "Quantization"
    lines = [line for line in result.markdown.splitlines() if "Quantized cnn" in line]
    assert lines == [result.markdown.splitlines()[entry.line - 1]]
    assert lines[0].startswith(f"- [{second[0].title}](")
    assert lines[0].endswith(" - J. Cheng, J. Wu, C. Leng, Y. Wang, Q. Hu. *TNNLS 2018*.")
    assert not [d for d in result.report.dropped if d.line == 238 and d.path.endswith("awesome-model-compression.md")]
    host = next(e for e in result.report.entries if e.title.startswith("From hashing to cnns"))
    assert ("awesome-model-compression.md", 237) in [(Path(s.path).name, s.line) for s in host.sources]


def test_skip_merged_reads_nothing_twice(tmp_path: Path) -> None:
    from awesome_lint.merge import skip_merged

    first = merge_texts("## Pruning\n- [A paper](https://x.org/a)\n", names=("a.md",))
    merged = parse_text(first.markdown, str(tmp_path / "merged.md"))
    upstream = parse_text("## Pruning\n- [A paper](https://x.org/a)\n", str(tmp_path / "a.md"))
    other = parse_text("- [B paper](https://x.org/b)\n", str(tmp_path / "b.md"))
    folder = [str(tmp_path)]
    assert skip_merged([upstream, merged], folder)[0] == [upstream]
    assert skip_merged([merged], [merged.path])[0] == [merged]  # named on its own: merged again
    assert skip_merged([merged, other], [merged.path, other.path])[0] == [merged, other]
    kept, skipped = skip_merged([merged, upstream], [merged.path, upstream.path])
    assert kept == [upstream]
    assert [(s.path, s.reason) for s in skipped] == [
        (merged.path, "written by awesome-lint merge from a.md, which is an input too")
    ]
    assert skip_merged([merged], folder)[1][0].reason == (
        "written by awesome-lint merge (found in a folder; name the file to merge it)"
    )


def test_cli_rerun_into_the_same_folder_gives_the_same_file(tmp_path: Path) -> None:
    for seed in SEED_LISTS:
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    out, rep = tmp_path / "merged.md", tmp_path / "report.json"
    args = ["merge", str(tmp_path), "-o", str(out), "--report", str(rep)]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.stderr
    written = out.read_bytes()
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0, again.stderr
    assert out.read_bytes() == written
    assert again.stderr.startswith(
        f"merge: skipped {out}: written by awesome-lint merge (found in a folder; name the file to merge it)\n"
    )
    report = json.loads(rep.read_text(encoding="utf-8"))
    assert report["schema"] == 3
    assert list(report) == ["schema", "entries", "resources", "dropped", "summary", "skipped", "conflicts"]
    assert report["conflicts"] == []  # without --arxiv nothing is taken from arXiv or checked against it
    assert {(e["arxiv_match"], tuple(e["arxiv_fields"])) for e in report["entries"]} == {(None, ())}
    assert report["skipped"] == [
        {"path": str(out), "reason": "written by awesome-lint merge (found in a folder; name the file to merge it)"}
    ]
    assert report["summary"]["lists"] == len(SEED_LISTS)
    assert set(report["entries"][0]["sources"][0]) == {"path", "line", "column", "signal", "score"}
    alone = CliRunner().invoke(main, ["merge", str(out), "-o", str(out)])
    assert alone.exit_code == 0 and out.read_bytes() == written
    empty = tmp_path / "only-merged"
    empty.mkdir()
    (empty / "merged.md").write_bytes(written)
    nothing = CliRunner().invoke(main, ["merge", str(empty)])
    assert nothing.exit_code == 2
    assert nothing.stderr.endswith(
        "awesome-lint: error: nothing to merge: every input is a list written by awesome-lint merge (see above)\n"
    )


def test_items_left_out_are_dropped_with_their_reason() -> None:
    result = merge_texts(
        "## Pruning\n- [Deep Compression](https://arxiv.org/abs/1510.00149) - Song Han. *ICLR 2016*.\n"
        "\n## Tips\n\n1. Use OpenMP for the loops.\n",
        names=("a.md",),
    )
    assert [(d.line, d.reason) for d in result.report.dropped] == [
        (6, "no link and nothing that cites a paper: a label, a note or an instruction (other)")
    ]
    assert [e.title for e in result.report.entries] == ["Deep Compression"]


def test_report_written_record_by_record_is_json_dumps_of_the_report() -> None:
    report = real_merge().report
    expected = json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
    assert report_json(report) == expected
    assert report_bytes(report) == expected.encode("utf-8")
    empty = merge_documents([parse_text("# Empty\n", "empty.md")]).report
    assert report_json(empty) == json.dumps(empty.to_json(), ensure_ascii=False, indent=2) + "\n"
