"""Software items led by their repository that cite the paper they implement are resources, not that paper."""

from __future__ import annotations

import pytest

from awesome_lint.parse import parse_text


@pytest.mark.parametrize(
    "cited",
    [
        "[_Rethinking Attention with Performers_](https://arxiv.org/abs/2009.14794)",
        "[_Rethinking Attention with Performers_](https://openreview.net/forum?id=Ua6zuk0WRH)",
        "[_Rethinking Attention with Performers_](https://example.org/performers/)",
        "the paper (see [arXiv paper](https://arxiv.org/abs/2009.14794))",
    ],
)
def test_an_implementation_is_a_resource_whatever_host_its_paper_is_on(cited: str) -> None:
    doc = parse_text(
        "# Models\n\n"
        f"- [Performer](https://github.com/o/performer) - Official implementation of {cited}.\n"
        "- [Learned Optimizers that Scale](https://github.com/o/lo) - ICML 2017. [[1703.04813]](https://arxiv.org/abs/1703.04813)\n"
    )
    implementation, paper = doc.entries
    assert implementation.kind == "resource"
    assert implementation.title == "Performer"
    assert implementation.arxiv_id is None and implementation.venue is None
    assert [link.url for link in implementation.code_links] == ["https://github.com/o/performer"]
    assert not [link for link in implementation.links if link.role == "paper"]
    assert paper.kind == "paper"  # a venue after the dash is a field, not a description citing a paper
    assert [link.role for link in paper.links] == ["code", "paper"]


def test_a_description_without_a_cited_paper_leaves_the_item_as_it_was() -> None:
    doc = parse_text(
        "- [uv](https://github.com/astral-sh/uv) - uv's [dependency vulnerability and malware scanning]"
        "(https://docs.astral.sh/uv/reference/) backed by OSV.\n"
        "- [Optax](https://github.com/google-deepmind/optax) - Gradient processing and optimisation library.\n"
    )
    for entry in doc.entries:
        assert entry.kind == "resource"
        assert not entry.code_links  # a resource's own link is no code link of its own


def test_a_paper_link_in_the_list_s_link_slot_is_not_a_citation() -> None:
    doc = parse_text(
        "- [Population Based Training of Neural Networks](https://github.com/o/pbt) - Asynchronous search. "
        "[[paper]](https://arxiv.org/abs/1711.09846)\n"
    )
    (entry,) = doc.entries
    assert entry.kind == "paper"
    assert entry.arxiv_id == "1711.09846"
    assert [(link.role, link.url) for link in entry.links] == [
        ("code", "https://github.com/o/pbt"),
        ("paper", "https://arxiv.org/abs/1711.09846"),
    ]
