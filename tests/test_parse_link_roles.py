"""Which links of an item are its paper and its code: arXiv links, repositories and other pages of code hosts."""

from __future__ import annotations

import pytest

from awesome_lint.parse import parse_text
from awesome_lint.parse.fields import code_role, link_role
from awesome_lint.parse.shapes import is_media_host, is_repository, is_shop, is_venue_page


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


@pytest.mark.parametrize(
    ("url", "named", "venue_page"),
    [
        ("https://link.springer.com/journal/11263", False, True),
        ("https://www.cambridge.org/core/journals/name", False, True),
        ("https://www.journals.elsevier.com/pattern-recognition", False, True),
        ("https://journals.sagepub.com/home/name", False, True),
        ("https://ieeexplore.ieee.org/xpl/RecentIssue.jsp?punumber=34", False, True),
        ("https://ieeexplore.ieee.org/xpl/conhome/1000149/all-proceedings", False, True),
        ("https://www.jmlr.org", True, True),
        ("https://www.bmva.org/bmvc", True, True),
        # An article's page is never its venue's, named like a venue or not.
        ("https://www.jmlr.org", False, False),
        ("https://link.springer.com/article/10.1007/s11263-019-01247-4", False, False),
        ("https://journals.sagepub.com/doi/10.1177/0278364913495721", True, False),
        ("https://ieeexplore.ieee.org/document/9716741", True, False),
        ("https://www.nature.com/nature/journal/v521/n7553/full/nature14540.html", False, False),
        ("https://www.jmlr.org/papers/v21/20-074.html", True, False),
    ],
)
def test_venue_pages(url: str, named: bool, venue_page: bool) -> None:
    assert is_venue_page(url, named) is venue_page


def test_shops_and_media_hosts() -> None:
    assert is_shop("https://www.amazon.com/Some-Book/dp/0262015358/")
    assert is_shop("https://www.amazon.co.uk/Some-Book/dp/0387310738")
    assert not is_shop("https://aws.amazon.com/dynamodb/")  # a subdomain of the shop's name is no shop
    assert not is_shop("https://www.amazon.science/publications/some-paper")
    assert is_media_host("https://youtu.be/abc") and is_media_host("https://www.coursera.org/learn/x")
    assert not is_media_host("https://arxiv.org/abs/2101.01169")


def test_journal_pages_books_and_lectures_are_resources_whatever_the_section_holds() -> None:
    doc = parse_text(
        "## Reading\n"
        "- [Deep Residual Learning for Image Recognition](https://arxiv.org/abs/1512.03385)\n"
        "- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n"
        "- [International Journal of Computer Vision](https://link.springer.com/journal/11263) | *Springer*\n"
        "- [Pattern Recognition and Machine Learning](https://www.amazon.com/dp/0387310738)\n"
        "- [MIT] [Introduction to Deep Learning](https://www.youtube.com/watch?v=abc)\n"
        "- [Snake Game Deep Q-Learning Agent](https://github.com/owner/snake) [[Video]](https://youtu.be/abc)\n"
        "- [Dueling Network Architectures for Deep RL](https://github.com/owner/duel) - *ICML 2016*.\n"
    )
    kinds = [(e.kind, e.title) for e in doc.entries]
    assert kinds == [
        ("paper", "Deep Residual Learning for Image Recognition"),
        ("paper", "Attention Is All You Need"),
        ("resource", "International Journal of Computer Vision"),
        ("resource", "Pattern Recognition and Machine Learning"),
        ("resource", "Introduction to Deep Learning"),
        ("resource", "Snake Game Deep Q-Learning Agent"),
        ("paper", "Dueling Network Architectures for Deep RL"),
    ]
    assert doc.entries[4].tags == ("MIT",) and doc.entries[4].authors is None
    assert [link.role for link in doc.entries[6].links] == ["paper"]


def test_a_lead_bracket_without_a_year_is_a_venue_only_when_known() -> None:
    doc = parse_text(
        "## Papers\n"
        "- [CoRL 2021] [Learning to Walk in Minutes Using Massively Parallel Deep RL](https://arxiv.org/abs/2109.11978)\n"
        "- [CoRL 2018] [QT-Opt: Scalable Deep RL for Vision-Based Robotic Manipulation](https://arxiv.org/abs/1806.10293)\n"
        "- [Survey] [A Survey on Sim-to-Real Transfer for Robot Learning](https://arxiv.org/abs/2009.13303)\n"
        "- [Neurocomputing 2022] [A Study of Quantised Networks on Small Devices](https://example.org/q.pdf)\n"
        "## Demos\n"
        "- [blank](blank)\n"
    )
    assert [(e.venue, e.year, e.tags) for e in doc.entries[:4]] == [
        ("CoRL", 2021, ()),
        ("CoRL", 2018, ()),
        (None, None, ("Survey",)),
        ("Neurocomputing", 2022, ()),  # a name with a year, where the list's slots hold venues
    ]
    assert (doc.entries[4].kind, [link.role for link in doc.entries[4].links]) == ("other", ["project"])


def test_person_links_are_accounts_not_their_posts() -> None:
    from awesome_lint.parse.shapes import is_person_link

    assert is_person_link("https://twitter.com/BarzilayRegina")
    assert is_person_link("https://x.com/karpathy/?lang=en")
    assert is_person_link("mailto:someone@example.org")
    assert not is_person_link("https://twitter.com/karpathy/status/1617979122625712128")
    assert not is_person_link("https://twitter.com/search?q=transformers")
    assert not is_person_link("https://x.com/i/lists/123")


def test_a_title_linking_the_repository_its_code_link_links_is_code() -> None:
    doc = parse_text(
        "## Depth\n"
        "- [UniDepth: Universal Monocular Metric Depth Estimation](https://github.com/lpiccinelli-eth/unidepth),"
        " CVPR 2024 | [github](https://github.com/lpiccinelli-eth/unidepth)\n"
        "- [MonoViT: Self-Supervised Monocular Depth Estimation](https://arxiv.org/abs/2208.03543), 3DV 2022 |"
        " [github](https://github.com/zxcqlf/MonoViT)\n"
        "- [Depth Anything: Unleashing the Power of Large-Scale Data](https://github.com/LiheYoung/Depth-Anything),"
        " CVPR 2024\n"
    )
    same, other, alone = doc.entries
    assert [link.role for link in same.links] == ["code", "code"] and (same.kind, same.venue) == ("paper", "CVPR")
    assert [link.role for link in other.links] == ["paper", "code"] and other.venue == "3DV"
    assert [link.role for link in alone.links] == ["paper"]  # a repository is the paper link where nothing else is


def test_a_badge_without_alt_text_is_read_by_its_own_text() -> None:
    from awesome_lint.parse.shapes import badge_kind, shields_segments

    assert shields_segments("https://img.shields.io/badge/arXiv-Paper-B31B1B.svg") == ["arXiv", "Paper", "B31B1B.svg"]
    assert shields_segments("https://img.shields.io/badge/Foo--Bar_baz-x-blue") == ["Foo-Bar baz", "x", "blue"]
    assert shields_segments("https://example.org/badge.svg") == []
    assert badge_kind("", "https://img.shields.io/badge/arXiv-Paper-B31B1B.svg") == "paper"
    assert badge_kind("", "https://img.shields.io/badge/GitHub-Code-green") == "code"
    assert badge_kind("", "https://img.shields.io/github/stars/a/b") == ""


def test_a_named_link_that_gives_no_title_leaves_the_reading_as_it_was() -> None:
    from awesome_lint.parse.fields import NEUTRAL, Piece, recognise

    link = Piece("ResNet", link=True, url="https://arxiv.org/abs/1512.03385", start=2, end=40)
    names = recognise([link, Piece(": Some Name, Other Name, CVPR 2019")], ("L",), None, NEUTRAL)
    assert (names.title, names.nickname, names.asked) == ("ResNet", None, ())  # the names are no title: no question
    named = recognise([link, Piece(": Deep Residual Learning for Image Recognition, CVPR 2016")], ("L",), None, NEUTRAL)
    assert (named.title, named.nickname, named.venue, named.year) == (
        "Deep Residual Learning for Image Recognition",
        "ResNet",
        "CVPR",
        2016,
    )
