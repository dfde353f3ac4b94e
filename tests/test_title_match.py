"""The one decision "is arXiv's record the same paper as this entry?" (awesome_lint/title_match.py)."""

from __future__ import annotations

import json
import random
from collections import defaultdict

import pytest
from conftest import DATA
from title_check import GOAL_RIGHT, GOAL_WRONG, measure

from awesome_lint.title_match import Claim, TitleWeights, author_names, same_paper

GOLD = [json.loads(line) for line in (DATA / "entries.jsonl").read_text(encoding="utf-8").splitlines() if line]
PAPERS = [item for item in GOLD if item["kind"] == "paper"]
WEIGHTS = TitleWeights(item["title"] for item in PAPERS)


def decide(title: str, arxiv_title: str, **claim: object) -> str:
    return same_paper(Claim(title, **claim), arxiv_title, weights=WEIGHTS).decision  # type: ignore[arg-type]


def test_benchmark_figures_are_met() -> None:
    """The fake arXiv of benchmarks/title_check.py: wrong links reported, right links left alone."""
    wrong = right = wrong_reported = right_reported = 0
    for seed in range(3):
        figures = measure(seed)
        wrong += figures.wrong
        right += figures.right
        wrong_reported += figures.wrong_reported
        right_reported += figures.right_reported
    assert wrong > 150 and right > 700
    assert wrong_reported / wrong >= GOAL_WRONG
    assert right_reported / right <= GOAL_RIGHT


def test_hard_positives_are_never_different() -> None:
    """The 97 pairs of one paper under two titles (renamed versions, nicknames, typos, mojibake, case)."""
    lines = (DATA / "hard_positives.jsonl").read_text(encoding="utf-8").splitlines()
    pairs = [json.loads(line) for line in lines if line]
    assert len(pairs) == 97
    for pair in pairs:
        a, b = pair["a"]["title"], pair["b"]["title"]
        assert decide(a, b) != "different", (a, b)
        assert decide(b, a) != "different", (b, a)


def test_random_pairs_of_different_papers_are_almost_never_the_same() -> None:
    clusters: dict[str, list[str]] = defaultdict(list)
    for item in PAPERS:
        clusters[item["cluster"]].append(item["title"])
    names = sorted(clusters)
    rng = random.Random(7)
    decisions = defaultdict(int)
    for _ in range(3000):
        x, y = rng.sample(names, 2)
        decisions[decide(rng.choice(clusters[x]), rng.choice(clusters[y]))] += 1
    assert decisions["same"] <= 3  # at most 0.1%
    assert decisions["different"] >= 0.98 * 3000


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        # renamed between arXiv versions
        ("ResBinNet: Residual Binary Neural Network", "ReBNet: Residual Binarized Neural Network"),
        (
            "Training Shallow and Thin Networks for Acceleration via Knowledge Distillation with Conditional "
            "Adversarial Networks",
            "Learning Loss for Knowledge Distillation with Conditional Adversarial Networks",
        ),
        (
            "Pruning Convolutional Neural Networks for Resource Efficient Inference",
            "Pruning convolutional neural networks for resource efficient transfer learning",
        ),
    ],
)
def test_renamed_versions_are_mixed_not_different(ours: str, theirs: str) -> None:
    assert decide(ours, theirs) == "mixed"


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        # a subtitle left out, a nickname added (MobileNetV2's first arXiv title)
        (
            "MobileNetV2: Inverted Residuals and Linear Bottlenecks",
            "Inverted Residuals and Linear Bottlenecks: Mobile Networks for Classification, Detection and Segmentation",
        ),
        # a nickname only one side gives
        (
            "Aggregated Residual Transformations for Deep Neural Networks",
            "ResNeXt: Aggregated Residual Transformations for Deep Neural Networks",
        ),
        # mojibake, case, and a title cut short
        (
            "Squeezedet: Uniï¬ed, small, low power fully convolutional neural networks",
            "SqueezeDet: Unified, Small, Low Power Fully Convolutional Neural Networks for Real-Time Object Detection "
            "for Autonomous Driving",
        ),
        # two words written as one, a plural
        (
            "From Hashing to CNNs: Training BinaryWeight Networks via Hashing",
            "From hashing to cnns: Training binary weight networks via hashing",
        ),
        (
            "Learning both weights and connections for efficient neural network",
            "Learning both Weights and Connections for Efficient Neural Networks",
        ),
        # a typo: one letter missing
        (
            "Quantized Convolutinal Neural Networks for Mobile Devices",
            "Quantized Convolutional Neural Networks for Mobile Devices",
        ),
    ],
)
def test_the_same_paper_written_differently_is_the_same(ours: str, theirs: str) -> None:
    assert decide(ours, theirs) == "same"
    assert decide(theirs, ours) == "same"


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        # the copy-paste slip the old fuzzy score let through (token set ratio 51.8)
        (
            "ThiNet: A Filter Level Pruning Method for Deep Neural Network Compression",
            "Acoustic Echo Cancellation with Recurrent Networks for Hearing Aids",
        ),
        # one field, shared common words only
        (
            "ShuffleNet: An Extremely Efficient Convolutional Neural Network for Mobile Devices",
            "MobileNets: Efficient Convolutional Neural Networks for Mobile Vision Applications",
        ),
        (
            "Deep Compression: Compressing Deep Neural Networks with Pruning, Trained Quantization and Huffman Coding",
            "Trained Ternary Quantization",
        ),
    ],
)
def test_another_paper_of_the_same_field_is_different(ours: str, theirs: str) -> None:
    assert decide(ours, theirs) == "different"


def test_numbers_that_tell_parts_and_versions_apart() -> None:
    part_one = "Model compression as constrained optimization, with application to neural nets. Part I: general"
    assert decide(part_one + " framework", part_one.replace("Part I", "Part II") + " framework") != "same"
    assert decide("ShuffleNet V2: Practical Guidelines", "ShuffleNet V3: Practical Guidelines") != "same"


def test_authors_settle_mixed_titles() -> None:
    ours, theirs = "ResBinNet: Residual Binary Neural Network", "ReBNet: Residual Binarized Neural Network"
    agree = same_paper(Claim(ours, "Ghasemzadeh M, Samragh M, Koushanfar F"), theirs, ("Mohammad Ghasemzadeh",
        "Mohammad Samragh", "Farinaz Koushanfar"), weights=WEIGHTS)  # fmt: skip
    assert agree.decision == "same"
    assert "3 of the 3 author names" in agree.explain()
    disagree = same_paper(Claim(ours, "Song Han, Jeff Pool"), theirs, ("Ada Lovelace",), weights=WEIGHTS)
    assert disagree.decision == "different"
    assert "none of the authors" in disagree.explain()
    # Identical titles stay the same paper whatever a (possibly garbled) author field says.
    same = same_paper(Claim(theirs, "Song Han, Jeff Pool"), theirs, ("Ada Lovelace",), weights=WEIGHTS)
    assert same.decision == "same"


def test_same_authors_do_not_rescue_a_title_with_nothing_in_common() -> None:
    verdict = same_paper(
        Claim("Learning both Weights and Connections for Efficient Neural Networks", "Song Han, Jeff Pool"),
        "EIE: Efficient Inference Engine on Compressed Deep Neural Network",
        ("Song Han", "Xingyu Liu", "Jeff Pool"),
        weights=WEIGHTS,
    )
    assert verdict.decision == "different"


def test_an_arxiv_record_years_after_the_list_year_is_suspect() -> None:
    ours, theirs = "ResBinNet: Residual Binary Neural Network", "ReBNet: Residual Binarized Neural Network"
    assert same_paper(Claim(ours, year=2017), theirs, year=2017, weights=WEIGHTS).decision == "mixed"
    late = same_paper(Claim(ours, year=2015), theirs, year=2019, weights=WEIGHTS)
    assert late.decision == "different"
    assert "from 2019, the list says 2015" in late.explain()
    # An arXiv version after the venue is normal when the titles agree.
    assert same_paper(Claim(theirs, year=2015), theirs, year=2019, weights=WEIGHTS).decision == "same"


def test_the_lists_nickname_field_counts_when_arxiv_uses_it() -> None:
    title = "Binarized Neural Networks: Training Deep Neural Networks with Weights and Activations Constrained"
    verdict = same_paper(Claim(title, nickname="BNN"), "BNN: " + title, weights=WEIGHTS)
    assert verdict.decision == "same" and verdict.score == 100.0


def test_rare_words_weigh_more_than_common_ones() -> None:
    weights = TitleWeights(["Deep Neural Networks for X", "Deep Neural Networks for Y", "Inverted Bottlenecks"])
    assert weights.weight("networks") < weights.weight("bottleneck") < weights.weight("zyzzyva") + 1e-9
    assert weights.weight("networks") == weights.weight("network")
    assert TitleWeights().weight("network") < TitleWeights().weight("bottleneck")


def test_without_a_corpus_the_builtin_background_still_separates_papers() -> None:
    assert same_paper(Claim("ShuffleNet V2: Practical Guidelines for Efficient CNN Architecture Design"),
        "Learning Efficient Convolutional Networks through Network Slimming").decision == "different"  # fmt: skip
    assert (
        same_paper(
            Claim("Aggregated Residual Transformations for Deep Neural Networks"),
            "ResNeXt: Aggregated Residual Transformations for Deep Neural Networks",
        ).decision
        == "same"
    )


def test_empty_titles_are_mixed_not_a_crash() -> None:
    verdict = same_paper(Claim("!!"), "A Paper")
    assert verdict.decision == "mixed" and verdict.score == 0.0


@pytest.mark.parametrize(
    ("ours", "theirs", "decision"),
    [
        ("Sparse Convolutinal Networks", "Sparse Convolutional Networks", "same"),  # a letter missing
        ("Sparse Convolutoinal Networks", "Sparse Convolutional Networks", "same"),  # two letters swapped
        ("Residual Binary Networks", "Residual Binarized Networks", "same"),  # two forms of one stem
        ("Distilling Transfer Learnin", "Distillation Transfer Learning", "same"),  # a stem; a word cut short
        ("SqueezeDet: Small Networks", "SqueezeNet: Small Networks", "mixed"),  # two names, one letter apart
    ],
)
def test_word_forms_typos_and_names(ours: str, theirs: str, decision: str) -> None:
    assert same_paper(Claim(ours), theirs).decision == decision


def test_author_names_of_the_lists_author_texts() -> None:
    assert author_names("Song Han, Jeff Pool and W. Dally et al.") == ("Song Han", "Jeff Pool", "W. Dally")
    assert author_names("LeCun Y, Denker J S, Solla S A") == ("LeCun Y", "Denker J S", "Solla S A")
    assert author_names("J. L. Holi and J. N. Hwang") == ("J. L. Holi", "J. N. Hwang")
    assert author_names("Andrew Ng & Anders Sandberg; et al.") == ("Andrew Ng", "Anders Sandberg")
