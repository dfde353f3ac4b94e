"""`lint` on the real lists of tests/data/real-lists/: only real duplicates, one table of contents where a list
splits it, and the README's table of findings per rule and list kept true."""

from __future__ import annotations

import re
from functools import cache

import pytest
from conftest import ROOT
from dev_list_findings import dev_lists, table

from awesome_lint.config import Config
from awesome_lint.findings import Finding
from awesome_lint.lint import lint_document
from awesome_lint.model import Document
from awesome_lint.parse import parse_file
from awesome_lint.rules._registry import Context
from awesome_lint.rules.toc_mismatch import tables_of_contents

_SAME_AS = re.compile(r"^same paper as line (\d+) ")


@cache
def linted(name: str) -> tuple[Document, tuple[Finding, ...]]:
    doc = parse_file(next(p for p in dev_lists() if p.name == name))
    return doc, tuple(lint_document(doc, Config()))


def test_the_eight_dev_lists() -> None:
    assert len(dev_lists()) == 8


@pytest.mark.parametrize("name", [p.name for p in dev_lists()])
def test_duplicate_paper_never_joins_two_arxiv_ids(name: str) -> None:
    doc, findings = linted(name)
    papers = [e for e in doc.entries if e.kind == "paper"]
    at = {(e.title_span or e.span).start: e for e in papers}
    by_line = {e.span.line: e for e in papers}
    for finding in findings:
        if finding.code != "AL203":
            continue
        copy = at[finding.span.start]
        m = _SAME_AS.match(finding.message)
        assert m is not None
        first = by_line[int(m.group(1))]
        assert not (copy.arxiv_id and first.arxiv_id and copy.arxiv_id != first.arxiv_id), finding.message


def test_duplicates_found_on_the_dev_lists_are_the_real_ones() -> None:
    def pairs(name: str) -> set[tuple[int, int]]:
        _doc, findings = linted(name)
        out = set()
        for f in findings:
            if f.code == "AL203":
                m = _SAME_AS.match(f.message)
                assert m is not None
                out.add((int(m.group(1)), f.span.line))
        return out

    zhen = pairs("Zhen-Dong__Awesome-Quantization-Papers.md")
    # The same paper listed under its venue and again under arXiv ...
    assert {(89, 126), (98, 127), (113, 148), (114, 131), (199, 208)} <= zhen
    # ... but not PTQD (NeurIPS 2023) as a copy of "Towards Accurate Post-training Quantization for Diffusion
    # Models" (CVPR 2024): two papers with similar titles.
    assert (203, 210) not in zhen
    assert len(pairs("FLHonker__Awesome-Knowledge-Distillation.md")) >= 40
    assert (220, 327) in pairs("htqin__awesome-model-quantization.md")


def test_a_table_of_contents_split_over_several_lists_is_one_table() -> None:
    doc, findings = linted("vinta__awesome-python.md")
    assert [f for f in findings if f.code == "AL104"] == []
    (toc,) = tables_of_contents(Context(doc))
    assert len(toc) == 74 and toc[0].span.line == 15 and toc[-1].span.line == 127


def test_readme_states_the_findings_of_each_rule_on_each_dev_list() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python benchmarks/dev_list_findings.py" in readme
    assert "\n" + table() + "\n" in readme, (
        "paste the output of `python benchmarks/dev_list_findings.py` into the README's section on real lists"
    )
