"""Which links of an item are its paper and its code: arXiv links, repositories and other pages of code hosts."""

from __future__ import annotations

import pytest

from awesome_lint.parse import parse_text
from awesome_lint.parse.fields import code_role, link_role
from awesome_lint.parse.shapes import is_repository


@pytest.mark.parametrize(
    "url",
    [
        "https://github.com/owner/repo",
        "https://github.com/owner/repo/",
        "https://github.com/owner/repo/tree/main/src",
        "https://github.com/owner/repo/blob/main/train.py",
        "https://github.com/owner/repo/releases/tag/v1.0",
        "https://github.com/owner/repo/wiki/Results",
        "https://gitlab.com/group/project/-/tree/main",
    ],
)
def test_repository_urls(url: str) -> None:
    assert is_repository(url)
    assert code_role(url) == "code"


@pytest.mark.parametrize(
    "url",
    [
        "https://github.com/owner/repo/issues/10",
        "https://github.com/owner/repo/pull/3",
        "https://github.com/owner/repo/pulls",
        "https://github.com/owner/repo/discussions/7",
        "https://gitlab.com/group/project/-/issues/2",
        "https://gitlab.com/group/project/-/merge_requests/5",
        "https://github.com/owner",
        "https://github.com/topics/optical-flow",
        "https://example.org/owner/repo",
    ],
)
def test_pages_of_a_code_host_that_are_not_a_repository(url: str) -> None:
    assert not is_repository(url)


def test_an_issue_in_a_code_slot_is_not_code() -> None:
    assert code_role("https://github.com/owner/repo/issues/10") == "other"
    assert link_role("[code]", "https://github.com/owner/repo/pull/3", False) == "other"


@pytest.mark.parametrize("label", ["[1912.01438]", "[arXiv paper]", "Learning Things", "[Slides]", "[link]"])
def test_an_arxiv_link_is_a_paper_link_whatever_its_label(label: str) -> None:
    assert link_role(label, "https://arxiv.org/abs/1912.01438", False) == "paper"
    assert link_role(label, "http://arxiv.org/pdf/1912.01438v2.pdf", False) == "paper"


def test_an_arxiv_link_labelled_as_code_stays_code() -> None:
    assert link_role("[code]", "https://arxiv.org/abs/1912.01438", False) == "code"


def test_a_title_linking_a_repository_links_the_code_where_another_link_is_the_paper() -> None:
    doc = parse_text(
        "- [Learning Optical Flow from Few Matches](https://github.com/o/r) - CVPR 2021. "
        "[[2104.02166]](https://arxiv.org/abs/2104.02166)\n"
        "- [Flow Fields: Dense Correspondence Fields](https://github.com/o/flow) - *ICCV 2015*.\n"
        "- [Learning to Flow](https://github.com/o/r/blob/main/paper.pdf) [[arXiv]](https://arxiv.org/abs/2104.02167)\n"
    )
    first, only, pdf = doc.entries
    assert [(link.role, link.url) for link in first.links] == [
        ("code", "https://github.com/o/r"),
        ("paper", "https://arxiv.org/abs/2104.02166"),
    ]
    assert [link.role for link in only.links] == ["paper"]  # nothing else is the paper: the list says it is
    assert [link.role for link in pdf.links] == ["paper", "paper"]  # a PDF in a repository is a paper


def test_a_link_labelled_as_the_paper_is_the_paper_whatever_its_host() -> None:
    assert link_role("[PDF]", "https://github.com/owner/repo", False) == "paper"


def test_id_labelled_arxiv_link_after_a_linked_venue_slot() -> None:
    doc = parse_text(
        "- **[[WACV 20](https://openaccess.thecvf.com/content_WACV_2020/html/x.html)]** Geometric Losses for Flow "
        "[[1912.01438]](http://arxiv.org/abs/1912.01438)[[code]](https://github.com/o/r)\n"
    )
    (entry,) = doc.entries
    assert [(link.role, link.url) for link in entry.links] == [
        ("paper", "https://openaccess.thecvf.com/content_WACV_2020/html/x.html"),
        ("paper", "http://arxiv.org/abs/1912.01438"),
        ("code", "https://github.com/o/r"),
    ]
