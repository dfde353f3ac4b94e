"""The duplicate matcher: the answer key, the hard cases by name, and the clustering guarantees."""

from __future__ import annotations

import pytest
from dedup_accuracy import evaluate
from hypothesis import given
from hypothesis import strategies as st
from rulecheck import check

from awesome_lint.dedup import (
    _SIGNAL_ORDER,
    _STOPWORDS,
    Cluster,
    DedupConfig,
    Edge,
    _key,
    _Matcher,
    _shared_blocks,
    _title_blocks,
    _title_candidates,
    cluster_entries,
    distinguishing_tokens,
    duplicate_clusters,
    is_title_evidence,
    is_truncation,
    normalize_title,
)
from awesome_lint.model import Entry, Link, Span
from awesome_lint.parse import parse_text

SPAN = Span(1, 1, 1, 2, 0, 1)


def papers(markdown: str) -> list[Entry]:
    return [e for e in parse_text(markdown).entries if e.kind == "paper"]


def paper(title: str, url: str | None = None, arxiv: str | None = None) -> Entry:
    """A paper entry as the parser would give it: its title, its paper link and the arXiv id read from it."""
    links = (Link(url, title, "paper", SPAN),) if url else ()
    return Entry(kind="paper", title=title, span=SPAN, arxiv_id=arxiv, links=links)


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


def test_similar_titles_at_two_venues_are_two_papers_unless_one_is_a_preprint() -> None:
    towards = '- "Towards Accurate Post-training Quantization for Diffusion Models", CVPR, 2024.\n'
    ptqd = '- "PTQD: Accurate Post-Training Quantization for Diffusion Models", {venue}, 2023.\n'
    assert groups(towards + ptqd.format(venue="NeurIPS")) == []
    assert len(groups(towards + ptqd.format(venue="arXiv"))) == 1
    assert len(groups(towards + ptqd.format(venue="CVPR"))) == 1
    # NIPS and NeurIPS are one venue; the same title at two venues is still one paper cited twice.
    renamed = "- Deep compression with pruning and quantisation. {venue} 2016\n"
    named = "- Deep Compression with Pruning and Quantization. NeurIPS 2016\n"
    assert len(groups(renamed.format(venue="NIPS") + named)) == 1
    assert len(groups(named + named.replace("NeurIPS", "ICLR"))) == 1


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


# ------------------------------------------------------------------------------ many copies of one paper


@pytest.mark.parametrize("copies", [1000, 5000])
def test_every_copy_of_one_paper_is_in_its_cluster(copies: int) -> None:
    title = "Deep Compression: Compressing Deep Neural Networks with Pruning"
    spellings = [
        lambda k: paper(title, "https://arxiv.org/abs/1510.00149", "1510.00149"),
        lambda k: paper(title.lower(), "https://arxiv.org/pdf/1510.00149v2.pdf", "1510.00149"),
        lambda k: paper(title + ".", f"https://x.org/{k}"),
        lambda k: paper(title, "https://openreview.net/forum?id=dc"),
    ]
    entries = [spellings[k % len(spellings)](k) for k in range(copies)]
    (cluster,) = cluster_entries(entries)
    assert cluster.members == tuple(range(copies))
    assert len(cluster.edges) == copies - 1
    assert {e.signal for e in cluster.edges} <= {"arxiv-id", "url", "title"}


def test_every_later_copy_is_reported_however_many_there_are() -> None:
    markdown = "- [Deep Compression: Compressing Deep Neural Networks](https://arxiv.org/abs/1510.00149)\n" * 1000
    issues = check(markdown, "duplicate-paper")
    assert [i.span.line for i in issues] == list(range(2, 1001))
    assert all(i.message.startswith("same paper as line 1 ") for i in issues)


def test_copies_of_two_papers_under_one_title_stay_two_papers() -> None:
    entries = [
        paper("Learning Efficient Networks", f"https://x.org/{k}", ("1707.06342", "1707.06168")[k % 2])
        for k in range(2000)
    ]
    clusters = cluster_entries(entries)
    assert [c.members for c in clusters] == [tuple(range(0, 2000, 2)), tuple(range(1, 2000, 2))]


def test_one_url_under_many_titles_compares_each_with_a_few() -> None:
    words = [f"variant{k}" for k in range(40)]
    base = "Deep Compression: Pruning, Trained Quantization and Huffman Coding of Neural Networks"
    entries = [paper(f"{base} {word}", "https://x.org/deep-compression") for word in words]
    entries.append(
        paper("Deepburning: automatic generation of fpga-based learning accelerators", "https://x.org/deep-compression")
    )
    for config in (DedupConfig(), DedupConfig(compare_max=2)):
        clusters = cluster_entries(entries, config)
        assert [c.members for c in clusters] == [tuple(range(40)), (40,)]


# --------------------------------------------------------------------- titles that are not evidence


@pytest.mark.parametrize(
    ("title", "evidence"),
    [
        ("CVPR", False),
        ("CVPR 2019", False),
        ("NeurIPS'23", False),
        ("ICLR Workshop", False),
        ("arXiv 2107.07173v1", False),
        ("International Conference on Learning Representations", False),
        ("Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition Workshops", False),
        ("IEEE Access", False),
        ("IEEE J. Solid-State Circuits", False),
        ("IEEE Transactions on Circuits and Systems for Video Technology", False),
        ("paper", False),
        ("[Code]", False),
        ("Project Page", False),
        ("Pruning", False),
        ("", False),
        ("Dark Knowledge", True),
        ("Up to Date", True),
        ("XNOR-Net CVPR", True),
        ("Learning both Weights and Connections for Efficient Neural Networks", True),
    ],
)
def test_title_evidence(title: str, evidence: bool) -> None:
    assert is_title_evidence(normalize_title(title)) is evidence


@pytest.mark.parametrize(
    "title",
    [
        "CVPR",
        "paper",
        "arXiv",
        "Code",
        "NeurIPS 2019",
        "WISE 2022",
        "Information Sciences 2021",
        "IEEE Access",
        "Pruning",
        "International Conference on Machine Learning",
    ],
)
def test_titles_that_are_not_evidence_never_match_by_title(title: str) -> None:
    entries = [
        paper(title, f"https://x.org/{k}", arxiv) for k, arxiv in enumerate([None, None, "1510.00149", "1608.08710"])
    ]
    assert duplicate_clusters(cluster_entries(entries)) == []


def test_titles_that_are_not_evidence_still_match_by_id_and_url() -> None:
    entries = [
        paper("Deep Compression: Compressing Deep Neural Networks", "https://arxiv.org/abs/1510.00149", "1510.00149"),
        paper("CVPR", "https://arxiv.org/pdf/1510.00149.pdf", "1510.00149"),
        paper("deep compression: compressing deep neural networks", "https://x.org/dc"),
        paper("Trained Ternary Quantization", "https://openreview.net/forum?id=S1_pAu9xl"),
        paper("paper", "https://openreview.net/pdf?id=S1_pAu9xl"),
        paper("paper", "https://x.org/other"),
    ]
    clusters = duplicate_clusters(cluster_entries(entries))
    assert [c.members for c in clusters] == [(0, 1, 2), (3, 4)]
    assert [(e.a, e.b, e.signal) for e in clusters[0].edges] == [(0, 1, "arxiv-id"), (0, 2, "title")]
    assert [(e.a, e.b, e.signal) for e in clusters[1].edges] == [(3, 4, "url")]


def test_shared_blocks_are_the_blocks_two_titles_hold() -> None:
    """Every block that two or more titles hold, with its titles in order, and no block of one title."""
    titles = [
        "Deep Compression: Compressing Deep Neural Networks with Pruning",
        "Learning both Weights and Connections for Efficient Neural Networks",
        "Deep compression: compressing deep neural networks",
        "ShuffleNet V2: Practical Guidelines for Efficient CNN Architecture Design",
        "ShuffleNet: An Extremely Efficient Convolutional Neural Network for Mobile Devices",
        "Learning both weights and connections for efficient neural network",
        "Practical Guidelines for Efficient CNN Architecture Design",
    ]
    keys = list(dict.fromkeys(_key(paper(title)) for title in titles))
    config = DedupConfig()
    frequency: dict[str, int] = {}
    for norm in dict.fromkeys(key.norm for key in keys):
        for word in dict.fromkeys(w for w in norm.split() if w not in _STOPWORDS):
            frequency[word] = frequency.get(word, 0) + 1
    holders: dict[tuple[str, ...], list[int]] = {}
    for index, key in enumerate(keys):
        for block in _title_blocks(key, frequency, config):
            holders.setdefault(block, []).append(index)
    expected = {block: members for block, members in holders.items() if len(members) > 1}
    assert expected
    assert _shared_blocks(keys, config) == expected


# ------------------------------------------------------- the clustering equals plain Kruskal over all pairs


def reference_clusters(entries: list[Entry], config: DedupConfig) -> list[Cluster]:
    """Every candidate pair scored, edges sorted strongest first, joined when every pair across is compatible."""
    keys = [_key(e) for e in entries]
    matcher = _Matcher(config)
    titles: dict[tuple[str, tuple[str, ...]], int] = {}
    for key in keys:
        if key.evidence:
            titles.setdefault((key.norm, key.segments), len(titles))
    title_keys = {index: key for key in keys if key.evidence for index in [titles[key.norm, key.segments]]}
    near = {(x, y) for x, ys in _title_candidates([title_keys[i] for i in range(len(titles))], config) for y in ys}

    def candidate(a: int, b: int) -> bool:
        x, y = keys[a], keys[b]
        if (x.arxiv and x.arxiv == y.arxiv) or x.urls & y.urls or (x.evidence and y.evidence and x.norm == y.norm):
            return True
        pair = sorted((titles.get((x.norm, x.segments), -1), titles.get((y.norm, y.segments), -1)))
        return x.evidence and y.evidence and tuple(pair) in near

    edges = []
    for a in range(len(entries)):
        for b in range(a + 1, len(entries)):
            found = matcher.match(keys[a], keys[b]) if candidate(a, b) else None
            if found is not None:
                edges.append(Edge(a, b, *found))
    edges.sort(key=lambda e: (_SIGNAL_ORDER[e.signal], -e.score, e.a, e.b))
    home = list(range(len(entries)))
    members = {i: [i] for i in range(len(entries))}
    joined: dict[int, list[Edge]] = {i: [] for i in range(len(entries))}
    for edge in edges:
        x, y = home[edge.a], home[edge.b]
        if x != y and all(matcher.compatible(keys[i], keys[j]) for i in members[x] for j in members[y]):
            for i in members[y]:
                home[i] = x
            members[x] += members.pop(y)
            joined[x] += [*joined.pop(y), edge]
    return sorted(
        (Cluster(tuple(sorted(m)), tuple(sorted(joined[r], key=lambda e: (e.a, e.b)))) for r, m in members.items()),
        key=lambda c: c.members[0],
    )


TITLES = [
    "Deep Compression: Compressing Deep Neural Networks with Pruning",
    "deep compression: compressing deep neural networks with pruning.",
    "Deep Compression: Compressing Deep Neural Networks with Prunin",
    "Compressing Deep Neural Networks with Pruning - Deep Compression",
    "ShuffleNet: An Extremely Efficient CNN for Mobile Devices",
    "ShuffleNet V2: An Extremely Efficient CNN for Mobile Devices",
    "Pruning Filters for Efficient ConvNets",
    "Pruning filters for efficient convnet",
    "Learning Efficient Networks",
    "CVPR",
    "paper",
    "",
]
IDS = [None, None, "1510.00149", "1608.08710", "1707.01083"]
URLS = [None, "https://x.org/a", "https://x.org/b", "https://openreview.net/forum?id=abc", "https://doi.org/10.1/x"]


@given(st.lists(st.tuples(st.sampled_from(TITLES), st.sampled_from(URLS), st.sampled_from(IDS)), max_size=40))
def test_clustering_equals_kruskal_over_every_pair(rows: list[tuple[str, str | None, str | None]]) -> None:
    entries = [paper(title, url, arxiv) for title, url, arxiv in rows]
    config = DedupConfig(compare_max=10**6)
    assert cluster_entries(entries, config) == reference_clusters(entries, config)
