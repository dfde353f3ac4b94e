"""The duplicate matcher: the answer key, the hard cases by name, and the clustering guarantees."""

from __future__ import annotations

import pytest
from dedup_accuracy import evaluate

from awesome_lint.dedup import (
    DedupConfig,
    cluster_entries,
    distinguishing_tokens,
    duplicate_clusters,
    is_truncation,
    normalize_title,
)
from awesome_lint.model import Entry
from awesome_lint.parse import parse_text


def papers(markdown: str) -> list[Entry]:
    return [e for e in parse_text(markdown).entries if e.kind == "paper"]


def groups(markdown: str, config: DedupConfig | None = None) -> list[list[str]]:
    entries = papers(markdown)
    return [[entries[i].title for i in c.members] for c in duplicate_clusters(cluster_entries(entries, config))]


def test_answer_key_precision_and_recall() -> None:
    scores = evaluate()
    assert scores.false_merges == []
    assert scores.precision == 1.0
    assert scores.recall >= 0.98
    assert scores.hard_negatives == 879 and scores.hard_negatives_merged == []
    assert scores.hard_positives == 97 and len(scores.hard_positives_missed) <= 2


def test_normalisation() -> None:
    assert normalize_title("Squeezedet: Uniï¬ed, small") == "squeezedet unified small"
    assert normalize_title("  Net2Net:  **Accelerating**  `Learning` ") == "net2net accelerating learning"
    assert distinguishing_tokens(normalize_title("ShuffleNet V2: 8-bit, Part II")) == ("2", "8", "ii")
    assert distinguishing_tokens("model compression part i general framework") == ("i",)
    assert is_truncation(
        normalize_title(
            "A Gift from Knowledge Distillation: Fast Optimization, Network Minimization and Transfer Learnin"
        ),
        normalize_title(
            "A Gift from Knowledge Distillation: Fast Optimization, Network Minimization and Transfer Learning"
        ),
    )
    assert not is_truncation("deep learning", "deep learning with limited numerical precision")


@pytest.mark.parametrize(
    "markdown",
    [
        "- [ShuffleNet: An Extremely Efficient CNN for Mobile Devices](u1)\n"
        "- [ShuffleNet V2: An Extremely Efficient CNN for Mobile Devices](u2)\n",
        "- [MobileNets: Efficient Convolutional Neural Networks](u1)\n"
        "- [MobileNetV2: Efficient Convolutional Neural Networks](u2)\n"
        "- [MobileNetV3: Efficient Convolutional Neural Networks](u3)\n",
        "- [Model compression as constrained optimization. Part I: general framework](u1)\n"
        "- [Model compression as constrained optimization. Part II: general framework](u2)\n",
        "- [Slimmable Neural Networks](https://arxiv.org/abs/1812.08928)\n"
        "- [Universally Slimmable Networks and Improved Training Techniques](https://x.org/usn)\n",
        "- [Learning Efficient Networks](https://arxiv.org/abs/1707.06342)\n"
        "- [Learning Efficient Networks](https://arxiv.org/abs/1707.06168)\n",
    ],
    ids=["shufflenet-v2", "mobilenet-versions", "part-i-ii", "qualifier", "different-arxiv-ids"],
)
def test_different_papers_with_similar_titles_stay_apart(markdown: str) -> None:
    assert groups(markdown) == []


def test_same_url_under_a_different_title_is_a_slip_not_a_duplicate() -> None:
    url = "http://papers.nips.cc/paper/5647-binaryconnect-training-deep-neural-networks.pdf"
    markdown = (
        f"- [Binaryconnect: Training deep neural networks with binary weights during propagations]({url})\n"
        f"- [Deepburning: automatic generation of fpga-based learning accelerators]({url})\n"
        f"- [Binaryconnect: Training deep neural networks with binary weights during propagations.]({url})\n"
    )
    # A link label that stands alone keeps its own full stop; the matcher still joins the two.
    assert groups(markdown) == [
        [
            "Binaryconnect: Training deep neural networks with binary weights during propagations",
            "Binaryconnect: Training deep neural networks with binary weights during propagations.",
        ]
    ]


@pytest.mark.parametrize(
    ("markdown", "signal"),
    [
        (
            "- [Net2net: Accelerating learning via knowledge transfer](https://arxiv.org/abs/1511.05641)\n"
            "- [Net2Net: Accelerating Learning via Knowledge Transfer](https://x.org/n2n)\n",
            "title",
        ),
        (
            "- [Exploiting Linear Structure Within Convolutional Networks](https://arxiv.org/pdf/1404.00736)\n"
            "- [Exploiting linear structure within convolutional networks](https://arxiv.org/abs/1404.0736v2)\n",
            "arxiv-id",
        ),
        (
            "- [Trained Ternary Quantization](https://openreview.net/forum?id=S1_pAu9xl&noteId=S1_pAu9xl)\n"
            "- [Trained ternary quantization](https://openreview.net/pdf?id=S1_pAu9xl)\n",
            "url",
        ),
        (
            "- [A Gift from Knowledge Distillation: Fast Optimization, Network Minimization and Transfer Learnin](u)\n"
            "- [A Gift from Knowledge Distillation: Fast Optimization, Network Minimization and Transfer Learning]"
            "(v)\n",
            "title",
        ),
        (
            "- [Aggregated Residual Transformations for Deep Neural Networks](https://arxiv.org/abs/1611.05431)\n"
            "- [ResNeXt Architecture: Aggregated residual transformations for deep neural networks](https://x.org/cvf)\n",
            "subtitle",
        ),
        (
            "- **[MobileNet v2]** MobileNetV2: Inverted Residuals and Linear Bottlenecks, CVPR 2018, [[paper]](x)\n"
            "- [Inverted Residuals and Linear Bottlenecks: Mobile Networks for Classification](https://y.org)\n",
            "subtitle",
        ),
    ],
    ids=["case", "malformed-id", "openreview-forum-vs-pdf", "truncated", "subtitle-prefix", "subtitle-swap"],
)
def test_same_paper_under_different_spellings_is_found(markdown: str, signal: str) -> None:
    entries = papers(markdown)
    (cluster,) = duplicate_clusters(cluster_entries(entries))
    assert cluster.members == (0, 1)
    assert [e.signal for e in cluster.edges] == [signal]
    assert 0 < cluster.edges[0].score <= 100


def test_no_transitive_chaining_through_a_bridge() -> None:
    # B bridges A and C by title, but A and C have different arXiv ids: A and C must not end in one cluster.
    markdown = (
        "- [Network Pruning via Learned Masks](https://arxiv.org/abs/1801.00001)\n"
        "- [Network Pruning via Learned Masks.](https://x.org/b)\n"
        "- [Network pruning via learned masks](https://arxiv.org/abs/1901.00002)\n"
    )
    entries = papers(markdown)
    clusters = cluster_entries(entries)
    homes = {i: n for n, c in enumerate(clusters) for i in c.members}
    assert homes[0] != homes[2]
    assert sorted(len(c.members) for c in clusters) == [1, 2]
    assert sorted(i for c in clusters for i in c.members) == [0, 1, 2]


def test_thresholds_come_from_config() -> None:
    markdown = "- [Learning both weights and connections](u)\n- [Learning both weight and connections](v)\n"
    assert len(groups(markdown)) == 1
    assert groups(markdown, DedupConfig(title_threshold=99.5)) == []


def test_partition_is_deterministic_and_complete() -> None:
    entries = papers("".join(f"- [Paper number {n % 7} about pruning](https://x.org/{n})\n" for n in range(40)))
    first = cluster_entries(entries)
    assert first == cluster_entries(entries)
    assert sorted(i for c in first for i in c.members) == list(range(40))
    assert all(len(c.edges) == len(c.members) - 1 for c in first)
