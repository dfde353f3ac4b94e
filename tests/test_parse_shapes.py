"""Field recognisers on each entry shape found in real lists, one small document at a time."""

from __future__ import annotations

from awesome_lint.model import Entry
from awesome_lint.parse import parse_text


def one(markdown: str) -> Entry:
    doc = parse_text(markdown)
    assert len(doc.entries) == 1, [e.title for e in doc.entries]
    return doc.entries[0]


def test_plain_title_link_with_code_links() -> None:
    e = one(
        "- [Rethinking the Value of Network Pruning](https://arxiv.org/abs/1810.05270v2)  "
        "[[code:pytorch]](https://github.com/a/b) [[code]](https://gitlab.com/c/d)\n"
    )
    assert e.kind == "paper"
    assert e.title == "Rethinking the Value of Network Pruning"
    assert e.arxiv_id == "1810.05270"
    assert [link.role for link in e.links] == ["paper", "code", "code"]
    assert [link.url for link in e.code_links] == ["https://github.com/a/b", "https://gitlab.com/c/d"]


def test_tag_authors_title_venue() -> None:
    e = one(
        "### 2014\n- 【Low Rank Approximation】Emily Denton, Rob Fergus .[Exploiting Linear Structure]"
        "(https://arxiv.org/pdf/1404.00736) .[J] arXiv preprint arXiv:1404.00736\n"
    )
    assert e.tags == ("Low Rank Approximation",)
    assert e.authors == "Emily Denton, Rob Fergus"
    assert e.title == "Exploiting Linear Structure"
    assert (e.arxiv_id, e.arxiv_id_malformed) == ("1404.0736", True)
    assert e.venue == "arXiv"
    assert e.year == 2014
    assert e.section == ("2014",)


def test_long_citation_venue_and_year() -> None:
    e = one(
        "- Y. Guo, A. Yao. [Dynamic network surgery for efficient dnns](http://papers.nips.cc/paper/6165.pdf)."
        " In Advances In Neural Information Processing Systems, pages 1379–1387, 2016.\n"
    )
    assert (e.venue, e.year) == ("NIPS", 2016)
    assert e.authors == "Y. Guo, A. Yao"
    assert e.arxiv_id is None


def test_year_venue_prefix_with_notes() -> None:
    doc = parse_text(
        "- 2019-NIPS`(Workshop)`-[AutoSlim: One-Shot](https://arxiv.org/abs/1903.11728)\n"
        "- 2016-ICLR-[Deep Compression](https://arxiv.org/abs/1510.00149)**`(Best Paper)`**\n"
        "- 2016-[Network Trimming](https://arxiv.org/abs/1607.03250)\n"
    )
    a, b, c = doc.entries
    assert (a.year, a.venue, a.title) == (2019, "NIPS Workshop", "AutoSlim: One-Shot")
    assert (b.year, b.venue, b.notes) == (2016, "ICLR", ("Best Paper",))
    assert (c.year, c.venue) == (2016, None)


def test_numbered_bracket_venue() -> None:
    doc = parse_text(
        "1. [MobileNets](https://arxiv.org/abs/1704.04861) [arXiv '17, Google]\n"
        "1. [Deep Learning with Limited Numerical Precision](https://arxiv.org/abs/1502.02551)[ICML'2015]\n"
        "3. [Sparsification](http://x.org/s.pdf) [SenSys ’16]\n"
    )
    assert [(e.venue, e.year) for e in doc.entries] == [("arXiv", 2017), ("ICML", 2015), ("SenSys", 2016)]
    assert [e.number for e in doc.entries] == [1, 1, 3]
    assert {e.marker for e in doc.entries} == {"."}


def test_nickname_format() -> None:
    e = one(
        "- **[BNN]** Binarized Neural Networks: Training, Weights to +1 or -1, NIPS workshop 2016, "
        "[[paper]](https://arxiv.org/abs/1602.02830), [[code(Theano)]](https://github.com/M/BinaryNet)\n"
    )
    assert e.nickname == "BNN"
    assert e.title == "Binarized Neural Networks: Training, Weights to +1 or -1"
    assert (e.venue, e.year) == ("NIPS Workshop", 2016)
    assert [link.role for link in e.links] == ["paper", "code"]
    assert e.arxiv_id == "1602.02830"


def test_title_venue_year_without_nickname() -> None:
    e = one("- How to train a compact binary network?, AAAI 2017, [[paper]](https://www.aaai.org/p/14619)\n")
    assert (e.title, e.venue, e.year, e.nickname) == (
        "How to train a compact binary network?",
        "AAAI",
        2017,
        None,
    )


def test_bracketed_title_without_link() -> None:
    e = one(
        "- J. L. Holi. [Finite precision error analysis of neural network hardware]. In Ijcnn-91- Seattle "
        "International Joint Conference on Neural Networks, pages 519–525 vol.1, 1993.\n"
    )
    assert e.kind == "paper"
    assert e.title == "Finite precision error analysis of neural network hardware"
    assert e.links == ()
    assert (e.venue, e.year) == ("IJCNN", 1993)
    assert e.title_span is not None and e.title_span.column == 16


def test_empty_link_target() -> None:
    e = one("3. [Net2net: Accelerating learning via knowledge transfer]()\n")
    assert e.kind == "paper"
    assert e.title == "Net2net: Accelerating learning via knowledge transfer"
    assert [(link.url, link.style, link.role) for link in e.links] == [("", "empty", "other")]
    assert e.paper_links == ()  # a link yet to be filled in links no paper


def test_reference_style_autolink_and_bare_url() -> None:
    doc = parse_text(
        "- [Deep Mutual Learning][dml]\n"
        "- Code at <https://github.com/x/y> and https://example.org/page.\n\n"
        "[dml]: https://arxiv.org/abs/1706.00384\n"
    )
    ref, auto = doc.entries
    assert ref.title == "Deep Mutual Learning"
    assert ref.links[0].style == "reference"
    assert ref.links[0].url == "https://arxiv.org/abs/1706.00384"
    assert ref.arxiv_id == "1706.00384"
    assert [(link.style, link.url) for link in auto.links] == [
        ("autolink", "https://github.com/x/y"),
        ("bare", "https://example.org/page"),
    ]


def test_resources_and_other_items() -> None:
    doc = parse_text(
        "# List\n- [Pruning](#1-pruning)\n"
        "- [x][papers][sun254/awesome-model-compression](https://github.com/sun254/awesome-model-compression)\n"
        "## Projects\n- [Tencent/PocketFlow](https://github.com/Tencent/PocketFlow): a framework\n"
        "- [NVIDIA TensorRT](https://developer.nvidia.com/tensorrt): inference\n"
        "## Tips\n1. OpenMP\n1. 定点化\n"
        "## References\n- [Reading List](http://example.edu/reading.html)\n"
    )
    kinds = [(e.kind, e.title) for e in doc.entries]
    assert kinds == [
        ("other", "Pruning"),
        ("resource", "sun254/awesome-model-compression"),
        ("resource", "Tencent/PocketFlow"),
        ("resource", "NVIDIA TensorRT"),
        ("other", "OpenMP"),
        ("other", "定点化"),
        ("resource", "Reading List"),
    ]
    assert doc.entries[1].authors is None
    assert doc.entries[2].links[0].role == "project"


def test_sections_headings_and_year_inheritance() -> None:
    doc = parse_text(
        "# Title\nintro\n## Papers\n### 2017\n- [A](https://arxiv.org/abs/1701.00001)\n"
        "  - [Nested B](https://arxiv.org/abs/1701.00002)\n### 2018\n- [C](u)\n## Other\n"
    )
    assert doc.title == "Title"
    assert [s.path for s in doc.iter_sections()] == [
        ("Title",),
        ("Title", "Papers"),
        ("Title", "Papers", "2017"),
        ("Title", "Papers", "2018"),
        ("Title", "Other"),
    ]
    assert [(e.title, e.year, e.depth) for e in doc.entries] == [
        ("A", 2017, 0),
        ("Nested B", 2017, 1),
        ("C", 2018, 0),
    ]
    papers = doc.sections[0].children[0]
    assert [len(s.entries) for s in papers.children] == [2, 1]


def test_heading_after_block_quote_still_opens_a_section() -> None:
    doc = parse_text("## 1. Pruning\n>Intro text.\n### 1.1 Weight Pruning\n- 2015-NIPS-[A](https://x.org/a)\n")
    assert [s.heading for s in doc.iter_sections()] == ["1. Pruning", "1.1 Weight Pruning"]
    assert doc.entries[0].section == ("1. Pruning", "1.1 Weight Pruning")


def test_second_citation_on_a_continuation_line_is_an_entry_of_its_own() -> None:
    doc = parse_text(
        "- A. Author. [First paper](https://a.org/1). In AAAI, 2018.\n  B. Writer. [Second citation]. TNNLS, 2017.\n"
        "- next\n"
    )
    first, second, third = doc.entries
    assert (first.title, first.venue, first.block) == ("First paper", "AAAI", "item")
    assert (first.span.line, first.span.end_line) == (1, 1)
    assert (second.title, second.venue, second.year, second.block) == ("Second citation", "TNNLS", 2017, "citation")
    assert (second.span.line, second.span.column, second.links) == (2, 3, ())
    assert third.title == "next"


def test_a_heading_year_does_not_make_a_second_line_a_citation() -> None:
    doc = parse_text(
        "### 2018\n- A. Author. [First paper title](https://a.org/1). In AAAI.\n"
        "  B. Other. [A follow-up report] is in preparation.\n"
    )
    (entry,) = doc.entries
    assert (entry.title, entry.year, entry.span.end_line) == ("First paper title", 2018, 3)


def test_citation_wrapped_over_two_lines_stays_one_entry() -> None:
    doc = parse_text(
        "- S. Han, H. Mao. [Deep compression: pruning and coding](https://arxiv.org/abs/1510.00149).\n"
        "  In International Conference on Learning Representations, 2016.\n"
    )
    (entry,) = doc.entries
    assert (entry.venue, entry.year, entry.span.end_line) == ("ICLR", 2016, 2)


def test_cited_id_that_disagrees_with_link() -> None:
    e = one("- [Learning Sparse Networks](https://arxiv.org/abs/1712.01312) .[J] arXiv preprint arXiv:1711.01312\n")
    assert e.arxiv_id == "1712.01312"
    assert e.cited_arxiv_ids == ("1711.01312",)


def test_canonical_merged_format_round_trips() -> None:
    doc = parse_text(
        "## Pruning\n"
        "- [Deep Compression: A, B](https://arxiv.org/abs/1510.00149) - Song Han, Huizi Mao. *ICLR 2016*. "
        "[[code]](https://github.com/a/b)\n"
        "- [Other](https://x.org/p) - J. Doe. *2017*.\n"
        "- [Only venue](https://x.org/q). *CVPR*.\n"
        "<!-- awesome-lint-disable-next-line missing-link -->\n"
        "- Fixed point quantization - D. Lin, S. Talathi. *ICML 2016*.\n"
    )
    got = [(e.kind, e.title, e.authors, e.venue, e.year) for e in doc.entries]
    assert got == [
        ("paper", "Deep Compression: A, B", "Song Han, Huizi Mao", "ICLR", 2016),
        ("paper", "Other", "J. Doe", None, 2017),
        ("paper", "Only venue", None, "CVPR", None),
        ("paper", "Fixed point quantization", "D. Lin, S. Talathi", "ICML", 2016),
    ]
    assert [link.role for link in doc.entries[0].links] == ["paper", "code"]


def test_plain_title_with_only_labelled_links() -> None:
    e = one("1. Plain title here, [[paper]](https://x.org/p) [NIPS'16]\n")
    assert (e.kind, e.title, e.venue, e.year) == ("paper", "Plain title here", "NIPS", 2016)
    assert [link.role for link in e.links] == ["paper"]


def test_canonical_line_without_authors_and_with_a_note() -> None:
    doc = parse_text(
        "## Pruning\n"
        "- [AutoSlim](https://arxiv.org/abs/1903.11728) - *NIPS Workshop 2019*.\n"
        "- [Deep Compression](https://arxiv.org/abs/1510.00149) - Song Han. *ICLR 2016 (Best Paper)*. "
        "[Code](https://github.com/a/b)\n"
        "- [Only a note](https://x.org/n) - *(Extended version)*.\n"
        "- [Plain emphasis](https://x.org/p) - *a description, not a venue*\n"
    )
    got = [(e.title, e.authors, e.venue, e.year, e.notes) for e in doc.entries]
    assert got[:2] == [
        ("AutoSlim", None, "NIPS Workshop", 2019, ()),
        ("Deep Compression", "Song Han", "ICLR", 2016, ("Best Paper",)),
    ]
    assert got[2] == ("Only a note", None, None, None, ("Extended version",))
    assert got[3][2] is None
    assert [link.role for link in doc.entries[1].links] == ["paper", "code"]


def test_venue_first_item_with_tag_bracket_and_badge_links() -> None:
    e = one(
        "- **[ICCV 2021]** Some Title About Data-Free Distillation\tSTD\t[**`KD`, `CNN`**] <br>\n"
        "    [![arXiv](https://img.shields.io/badge/arXiv-2101.00001-b31b1b.svg)](https://arxiv.org/abs/2101.00001)"
        " [![Code](https://img.shields.io/badge/code-github-A7594E.svg)](https://github.com/a/b)"
        " [![No Link Code](https://img.shields.io/badge/code-no_link-FF0000.svg)]()"
        " [![Star](https://img.shields.io/github/stars/a/b?style=social)](https://github.com/a/b)\n"
    )
    assert (e.title, e.venue, e.year, e.nickname) == ("Some Title About Data-Free Distillation", "ICCV", 2021, "STD")
    assert e.tags == ("KD", "CNN")
    assert [link.role for link in e.links] == ["paper", "code", "other", "code"]


def test_badge_gives_no_venue_where_the_item_states_one() -> None:
    e = one(
        "- **[Ocean Engineering 2021]** Some Title About Network Pruning <br> "
        "[![arXiv](https://img.shields.io/badge/arXiv-2101.00001-b31b1b.svg)](https://arxiv.org/abs/2101.00001)\n"
    )
    assert (e.title, e.venue, e.nickname) == ("Some Title About Network Pruning", None, None)


def test_bold_nickname_before_a_plain_citation() -> None:
    e = one(
        "- **3D Net**: Ann Lee, J.-Y. Kim, Bo G. M. Park. 3D Tracking with Transformers. In _ACMMM_, 2021. [Paper]"
        " [[Code]](https://github.com/a/b)\n"
    )
    assert (e.kind, e.nickname, e.title) == ("paper", "3D Net", "3D Tracking with Transformers")
    assert (e.authors, e.venue, e.year) == ("Ann Lee, J.-Y. Kim, Bo G. M. Park", "ACM MM", 2021)


def test_bold_name_and_description_is_no_nickname() -> None:
    e = one("- **Tracker**: A framework for object tracking. [[Code]](https://github.com/a/b)\n")
    assert e.nickname is None and e.authors is None


def test_paragraph_then_title_and_authors_list_is_one_paper() -> None:
    doc = parse_text(
        "# Detection\n\nMim. *CVPR 2017*.\n\\[[CVF](https://openaccess.thecvf.com/x.html)\\]\n"
        "<[GitHub](https://github.com/a/b)>\n\\- A summary of the method.\n\n"
        "- Imitating Some Network for Object Detection\n- Ann Lee and Bo Chen and Cy Dunn\n"
    )
    (e,) = doc.entries
    assert (e.kind, e.block, e.span.line, e.nickname) == ("paper", "paragraph", 3, "Mim")
    assert (e.title, e.authors) == ("Imitating Some Network for Object Detection", "Ann Lee and Bo Chen and Cy Dunn")
    assert (e.venue, e.year) == ("CVPR", 2017)
    assert [(link.role, link.url) for link in e.links] == [
        ("paper", "https://openaccess.thecvf.com/x.html"),
        ("code", "https://github.com/a/b"),
    ]
    assert e.title_span is not None and e.title_span.line == 8


def test_paragraph_then_two_items_that_are_no_citation() -> None:
    doc = parse_text("Some tips [here](https://example.org/tips).\n\n- Use a larger batch size\n- Train for longer\n")
    assert [e.title for e in doc.entries] == ["Use a larger batch size", "Train for longer"]


def test_a_path_in_the_repository_is_no_paper_link_unless_a_pdf() -> None:
    doc = parse_text(
        "- [Deep Compression: Compressing Deep Neural Networks](papers/deep-compression.pdf), ICLR 2016\n"
        "- [A Placeholder](blank)\n"
        "- [Scheme-less Address](bmvc2021-virtualconference.com/assets/papers/1445.pdf), BMVC 2021\n"
        "- [Code Kept](https://arxiv.org/abs/1510.00149) [[code]](./src/prune)\n"
    )
    assert [[(link.role, link.url) for link in e.links] for e in doc.entries] == [
        [("paper", "papers/deep-compression.pdf")],  # the paper's PDF kept in the repository
        [("other", "blank")],
        [("paper", "bmvc2021-virtualconference.com/assets/papers/1445.pdf")],
        [("paper", "https://arxiv.org/abs/1510.00149"), ("code", "./src/prune")],
    ]


def test_paper_field_sublist_gives_fields_not_entries() -> None:
    doc = parse_text(
        "- [Dream to Control: Learning Behaviors by Latent Imagination](https://arxiv.org/abs/1912.01603)\n"
        "  - Danijar Hafner, Timothy Lillicrap, Jimmy Ba, Mohammad Norouzi\n"
        "  - Publisher: ICLR 2020\n"
        "  - Code: [official](https://github.com/danijar/dreamer), [mirror]()\n"
        "  - ExpEnv: [DMC](https://github.com/deepmind/dm_control)\n"
    )
    (e,) = doc.entries
    assert (e.venue, e.year, e.authors) == (
        "ICLR",
        2020,
        "Danijar Hafner, Timothy Lillicrap, Jimmy Ba, Mohammad Norouzi",
    )
    # (`[mirror]()` stays a link of the paper, so that empty-link still finds it)
    assert [(link.url, link.style) for link in e.code_links] == [
        ("https://github.com/danijar/dreamer", "inline"),
        ("", "empty"),
    ]


def test_a_result_table_beside_a_linked_title_table_gives_no_entries() -> None:
    doc = parse_text(
        "| Year | Paper | Method |\n| --- | --- | --- |\n"
        "| 2021 | [Training data-efficient image transformers](https://arxiv.org/abs/2012.12877) | DeiT |\n\n"
        "| Model | Params | Top-1 |\n| --- | --- | --- |\n| DeiT-S | 22M | 79.8 |\n"
    )
    assert [(e.title, e.year, e.tags) for e in doc.entries] == [
        ("Training data-efficient image transformers", 2021, ("DeiT",))
    ]


def test_link_only_sub_items_are_fields_of_their_parent() -> None:
    doc = parse_text(
        "- **Isolation Forest**, _F. T. Liu, K. M. Ting_, ICDM, 2008.\n"
        "  - [code](https://github.com/o/iforest)\n"
        "  - [paper](https://arxiv.org/abs/1809.04356)\n"
        "- [Contents](#contents)\n"
        "  - [arXiv](#arxiv)\n",
        "x.md",
    )
    entry = doc.entries[0]
    assert [(link.role, link.url) for link in entry.links] == [
        ("code", "https://github.com/o/iforest"),
        ("paper", "https://arxiv.org/abs/1809.04356"),
    ]
    assert entry.arxiv_id == "1809.04356"
    assert [e.title for e in doc.entries] == ["Isolation Forest", "Contents", "arXiv"]


def test_bold_title_after_authors_even_when_glued_and_venue_slot_without_full_stop() -> None:
    entry = one(
        "1. Le Wu, Peijie Sun, Meng Wang**A Neural Influence Diffusion Model** KDD2019. [paper](https://x.org/p)"
    )
    assert (entry.title, entry.authors) == ("A Neural Influence Diffusion Model", "Le Wu, Peijie Sun, Meng Wang")
    assert (entry.venue, entry.year) == ("KDD", 2019)


def test_bold_word_inside_a_plain_title_is_not_the_title() -> None:
    entry = one("- Learning with a **very** deep network for segmentation, CVPR 2019. [paper](https://x.org/p)")
    assert (entry.title, entry.authors) == ("Learning with a very deep network for segmentation", None)


def test_gbt_document_type_code_ends_the_title_and_the_venue_slot_follows() -> None:
    entry = one(
        "- Kostrikov I, Nair A, Levine S. Offline learning with implicit Q-learning[C]//The Tenth International "
        "Conference on Learning Representations. 2022.[[Paper]](https://openreview.net/forum?id=x)"
    )
    assert (entry.title, entry.authors) == (
        "Offline learning with implicit Q-learning",
        "Kostrikov I, Nair A, Levine S",
    )
    assert (entry.venue, entry.year) == ("ICLR", 2022)
    journal = one("- Silver D, Huang A, et al. **Mastering Go**[J]. Nature, 2016, 529(7587): 484-489.")
    assert (journal.title, journal.venue, journal.year) == ("Mastering Go", "Nature", 2016)
    preprint = one("- Levine S, et al. **Offline RL: a review**[J]. arXiv preprint arXiv:2005.01643, 2020.")
    assert (preprint.venue, preprint.year, preprint.arxiv_id) == ("arXiv", 2020, "2005.01643")


def test_a_bracketed_letter_that_is_no_document_type_code_stays_in_the_title() -> None:
    entry = one("- A B, C D. **Idioms of the [C] language**. ICSE 2019. [paper](https://x.org/p)")
    assert (entry.title, entry.year) == ("Idioms of the [C] language", 2019)


def test_emoji_labelled_field_sub_items_are_the_papers_links() -> None:
    doc = parse_text(
        "- Gui Agent\n"
        "  - InfiGUIAgent: A Multimodal Generalist GUI Agent with Native Reasoning and Reflection\n"
        "      - 📜 Paper: https://arxiv.org/pdf/2501.04575\n"
        "      - 💻 Code: https://github.com/Reallm-Labs/InfiGUIAgent\n"
        "      - 🤗 Dataset: https://huggingface.co/datasets/Reallm-Labs/InfiGUIAgent-Data\n"
    )
    label, paper = doc.entries
    assert (label.kind, label.title) == ("other", "Gui Agent")
    assert paper.title.startswith("InfiGUIAgent: A Multimodal")  # (a title whose name opens with a colon)
    assert (paper.kind, paper.arxiv_id) == ("paper", "2501.04575")
    assert [link.role for link in paper.links] == ["paper", "code", "other"]


def test_shortcode_labelled_link_sub_item_gives_each_link_its_own_role() -> None:
    doc = parse_text(
        "1. **RPFA-Net: a 4D RaDAR Pillar Feature Attention Network for 3D Object Detection (21'ITSC)**\n"
        "   - **:link:Link:** [paper](https://ieeexplore.ieee.org/document/9564754) [code](https://github.com/a/b)\n"
        "   - **:school:Affiliation:** Tsinghua University (Xinyu Zhang)\n"
        "   - **:file_folder:Dataset:** Astyx\n"
    )
    (e,) = doc.entries
    assert e.title == "RPFA-Net: a 4D RaDAR Pillar Feature Attention Network for 3D Object Detection"
    assert (e.kind, e.venue, e.year) == ("paper", "ITSC", 2021)
    assert [(link.role, link.url) for link in e.links] == [
        ("paper", "https://ieeexplore.ieee.org/document/9564754"),
        ("code", "https://github.com/a/b"),
    ]


def test_tags_sub_item_gives_the_parent_its_tags() -> None:
    doc = parse_text(
        "* [2020 - GREYONE: Data Flow Sensitive Fuzzing](https://www.usenix.org/system/files/sec20.pdf)\n"
        "  * **Tags:**: data-flow fuzzing, taint-guided mutation, *constraint conformance*\n"
    )
    (e,) = doc.entries
    assert (e.title, e.year) == ("GREYONE: Data Flow Sensitive Fuzzing", 2020)
    assert e.tags == ("data-flow fuzzing", "taint-guided mutation", "constraint conformance")


def test_long_bold_bracket_is_the_title_and_a_short_one_the_nickname() -> None:
    e = one(
        "- **[Scalable 6-DOF Localization on Mobile Devices]** Iven Middelberg, Torsten Sattler. ECCV, 2014. "
        "[**[paper]**](https://example.org/eccv14.pdf)\n"
    )
    assert (e.title, e.nickname, e.authors) == (
        "Scalable 6-DOF Localization on Mobile Devices",
        None,
        "Iven Middelberg, Torsten Sattler",
    )
    assert (e.venue, e.year) == ("ECCV", 2014)
    e = one(
        "- **[ShuffleNet]** An Extremely Efficient Convolutional Neural Network, CVPR 2018, [[paper]](https://x.org/a)\n"
    )
    assert (e.nickname, e.title) == ("ShuffleNet", "An Extremely Efficient Convolutional Neural Network")


def test_initials_before_a_venue_acronym_are_no_part_of_it() -> None:
    e = one(
        "- **[PoseNet: A Convolutional Network for Real-Time 6-DOF Camera Relocalization]** A. Kendall, M. ICCV, "
        "2015. [**[paper]**](https://arxiv.org/pdf/1505.07427.pdf)\n"
    )
    assert (e.venue, e.year, e.authors) == ("ICCV", 2015, "A. Kendall")


def test_a_year_and_month_or_a_year_and_dash_open_no_title() -> None:
    e = one(
        "- 2021.07 3D Object Detection for Autonomous Driving: A Survey [paper](https://arxiv.org/abs/2106.10823)\n"
    )
    assert (e.title, e.year) == ("3D Object Detection for Autonomous Driving: A Survey", 2021)
    e = one("* [2019 - Grimoire: Synthesizing Structure while Fuzzing](https://example.org/sec19.pdf)\n")
    assert (e.title, e.year) == ("Grimoire: Synthesizing Structure while Fuzzing", 2019)


def test_dated_paper_links_under_a_heading_of_implementations_are_papers() -> None:
    doc = parse_text(
        "### General fuzzing implementations\n\n"
        "* [2020 - WEIZZ: Automatic Grey-Box Fuzzing for Structured Binary Formats](https://a.github.io/weizz.pdf)\n"
        "* [2019 - Grimoire: Synthesizing Structure while Fuzzing](https://example.org/sec19.pdf)\n\n"
        "### Implementations\n\n"
        "* [fuzzer](https://github.com/owner/fuzzer)\n"
    )
    assert [e.kind for e in doc.entries] == ["paper", "paper", "resource"]
    assert [link.role for link in doc.entries[0].links] == ["paper"]


def test_words_leading_to_a_link_are_no_paper() -> None:
    doc = parse_text(
        "* Tango: Distributed Data Structures over a Shared Log, SOSP 2013 [[acmdl](https://dl.acm.org/citation.cfm"
        "?id=2522732),[pdf](http://example.org/tango.pdf)]\n"
        "  * featured in [the morning paper](https://blog.acolyer.org/2015/02/24/tango/)\n"
    )
    paper, note = doc.entries
    assert (paper.title, paper.venue, paper.year) == (
        "Tango: Distributed Data Structures over a Shared Log",
        "SOSP",
        2013,
    )
    assert [link.role for link in paper.links] == ["paper", "paper"]
    assert note.kind == "other"
    assert [link.role for link in note.links] == ["project"]  # (a blog post is no paper link)


def test_names_after_a_linked_title_and_an_html_badge() -> None:
    e = one(
        "+ [Optimizing Quantum Circuits, Fast and Slow](https://arxiv.org/pdf/2411.04104) Amanda Xu et al "
        '<img src="https://img.shields.io/badge/ASPLOS-2025-green.svg" alt="13-pages" align="top">\n'
    )
    assert (e.title, e.authors, e.venue, e.year) == (
        "Optimizing Quantum Circuits, Fast and Slow",
        "Amanda Xu et al",
        "ASPLOS",
        2025,
    )
    e = one(
        "+ [QSSA: an SSA-based IR for Quantum computing](https://arxiv.org/abs/2109.02409) Anurudh Peduri, "
        'Siddharth Bhat <img src="https://img.shields.io/badge/CC-2022-green.svg" alt="13-pages">\n'
    )
    assert (e.authors, e.venue, e.year) == ("Anurudh Peduri, Siddharth Bhat", "CC", 2022)
    e = one(
        "+ [QSSA: an SSA-based IR for Quantum computing](https://arxiv.org/abs/2109.02409) Anurudh Peduri, "
        'Siddharth Bhat <img src="https://img.shields.io/badge/QCE-2022-green.svg" alt="13-pages">\n'
    )
    assert (e.authors, e.venue, e.year) == ("Anurudh Peduri, Siddharth Bhat", None, 2022)  # a venue not known


def test_model_table_titled_by_name_where_paper_links_name_their_venue() -> None:
    doc = parse_text(
        "| Model | Date | Paper | Code |\n| --- | --- | --- | --- |\n"
        "| RegFormer | 2026-05-05 | [Nature Communications](https://www.nature.com/articles/a) |  |\n"
        "| scMulan | 2024-01-25 | [bioRxiv](https://www.biorxiv.org/content/b) | [GitHub](https://github.com/o/r) |\n"
        "| CellFM | 2025-05-20 | [Nature Communications](https://www.nature.com/articles/c) |  |\n"
    )
    assert [(e.title, e.venue, e.year) for e in doc.entries] == [
        ("RegFormer", "Nature Communications", 2026),
        ("scMulan", "bioRxiv", 2024),
        ("CellFM", "Nature Communications", 2025),
    ]


def test_a_results_table_repeating_one_linked_method_keeps_it_the_title() -> None:
    doc = parse_text(
        "| Method | Backbone | mAP |\n| --- | --- | --- |\n"
        "| [PETR](https://arxiv.org/pdf/2203.05625.pdf) | R50 | 0.31 |\n"
        "| [PETR](https://arxiv.org/pdf/2203.05625.pdf) | V2-99 | 0.40 |\n"
        "| [BEVDet](https://arxiv.org/pdf/2112.11790.pdf) | Swin-T | 0.39 |\n"
    )
    assert [e.title for e in doc.entries] == ["PETR", "PETR", "BEVDet"]


def test_a_summary_before_a_table_heads_a_section_with_its_year() -> None:
    doc = parse_text(
        "# Deblurring\n\n## 2025 Papers\n\n"
        "- [A Deblurring Paper With A Long Enough Title](https://arxiv.org/abs/2501.00001)\n\n"
        "<details>\n<summary><strong>2024 Papers (1)</strong></summary>\n\n| Venue | Paper |\n|---|---|\n"
        "| CVPR | [Another Deblurring Paper Title Here](https://arxiv.org/abs/2403.00001) |\n\n"
        "</details>\n\n<details><summary>Bibtex</summary><pre><code>@article{x}</code></pre></details>\n"
    )
    first, second = doc.entries
    assert (first.section, first.year) == (("Deblurring", "2025 Papers"), 2025)
    assert (second.section, second.year) == (("Deblurring", "2025 Papers", "2024 Papers (1)"), 2024)
    assert [s.heading for s in doc.iter_sections()] == ["Deblurring", "2025 Papers", "2024 Papers (1)"]


def test_a_summary_inside_an_item_or_before_any_heading_heads_nothing() -> None:
    doc = parse_text(
        "<details><summary>News</summary>\n\n- [Apr. 26th] Update a new direction.\n</details>\n\n# Title\n\n"
        "- [A Paper With A Title Long Enough](https://arxiv.org/abs/2501.00001)\n"
        "  <details><summary>Abstract</summary>\n\n  - [Another Paper With A Long Title](https://arxiv.org/abs/2501.00002)\n"
    )
    assert doc.title == "Title"
    assert [s.heading for s in doc.iter_sections()] == ["Title"]


def test_names_year_venue_and_bold_nickname_in_a_full_width_parenthesis() -> None:
    e = one(
        "- [Dense Passage Retrieval for Open-Domain Question Answering](https://arxiv.org/pdf/2004.04906.pdf)"
        "（Karpukhin et al., 2020, EMNLP, **DPR**）\n"
    )
    assert (e.authors, e.year, e.venue, e.nickname) == ("Karpukhin et al", 2020, "EMNLP", "DPR")
    e = one(
        "- [A Markov Random Field Model for Term Dependencies](https://dl.acm.org/doi/10.1145/1)（2005, **SDM**）\n"
    )
    assert (e.authors, e.year, e.venue, e.nickname) == (None, 2005, None, "SDM")


def test_code_span_status_and_names_with_the_year_in_the_emphasis() -> None:
    doc = parse_text(
        "1. **LongLoRA: Efficient fine-tuning of long-context large language models.** `preprint`\n\n"
        "   *Y. Chen, S. Qian, H. Tang.* 2023\n\n"
        "2. **AdaLoRA: Adaptive Budget Allocation for Parameter-Efficient Fine-Tuning.** `ICLR 2023`\n\n"
        "   *Zhang Q., Chen M., Zhao T. 2023*\n"
    )
    first, second = doc.entries
    assert (first.authors, first.venue, first.year) == ("Y. Chen, S. Qian, H. Tang", None, 2023)
    assert (second.authors, second.venue, second.year) == ("Zhang Q., Chen M., Zhao T", "ICLR", 2023)


def test_a_bold_venue_line_before_a_list_labels_its_papers() -> None:
    doc = parse_text(
        "## 2024\n\n**AAAI'24**\n"
        "- Automatic Radiology Reports Generation via Memory Alignment Network [[paper](https://ojs.aaai.org/a/1)]\n"
        "- A Radiology Report Generation Paper With A Venue Of Its Own, CVPR 2023 [[paper](https://x.org/2.pdf)]\n\n"
        "**Bold Title Of A Paragraph That Is No Venue**\n- [Another Paper Title Here](https://arxiv.org/abs/2401.00001)\n"
    )
    assert [(e.kind, e.title, e.venue, e.year) for e in doc.entries] == [
        ("other", "AAAI'24", None, None),
        ("paper", "Automatic Radiology Reports Generation via Memory Alignment Network", "AAAI", 2024),
        ("paper", "A Radiology Report Generation Paper With A Venue Of Its Own", "CVPR", 2023),
        ("paper", "Another Paper Title Here", None, 2024),
    ]


def test_a_pdf_in_the_repository_linked_by_a_title_makes_a_paper() -> None:
    doc = parse_text(
        "# Graph systems\n\n"
        "* A1: [A Distributed In-Memory Graph Database](../papers/A1.pdf)\n"
        "* Version Traveler: [Fast and Memory-Efficient Version Switching](../papers/Version%20Traveler.pdf)\n"
        "* [Giraph](http://giraph.apache.org)\n"
        "* [Design notes](./notes/design.md)\n"
    )
    assert [(e.kind, e.nickname, [(link.role, link.url) for link in e.links]) for e in doc.entries] == [
        ("paper", "A1", [("paper", "../papers/A1.pdf")]),
        ("paper", "Version Traveler", [("paper", "../papers/Version%20Traveler.pdf")]),
        ("resource", None, [("project", "http://giraph.apache.org")]),
        ("other", None, [("project", "./notes/design.md")]),
    ]


def test_bold_titled_paragraphs_are_entries_where_a_list_writes_several() -> None:
    one = "**Deep learning for computational biology** [[open access paper](http://msb.embopress.org/x)]\n\nA review.\n"
    assert parse_text(one).entries == ()  # a lone bold line with a link: prose, not a list's shape
    three = "\n\n".join(
        [
            one,
            "**Neural graph fingerprints for molecules** [[github](https://github.com/HIPS/nf)][[preprint](https://arxiv.org/abs/1509.09292)]",
            "**Opportunities And Obstacles For Deep Learning** [[bioRxiv preprint](http://biorxiv.org/content/142760)]",
            "**A note on this list** is that it is curated by hand [here](https://example.org).",
        ]
    )
    doc = parse_text(three)
    assert [(e.kind, e.title, [link.role for link in e.links]) for e in doc.entries] == [
        ("paper", "Deep learning for computational biology", ["paper"]),
        ("paper", "Neural graph fingerprints for molecules", ["code", "paper"]),
        ("paper", "Opportunities And Obstacles For Deep Learning", ["paper"]),
    ]


def test_name_and_venue_subitems_fold_into_a_linked_paper_only() -> None:
    doc = parse_text(
        "## Papers\n"
        "* Relation Extraction: Perspective from Convolutional Neural Networks [[paper]](http://x.org/v15.pdf)\n"
        "\t* Thien Huu Nguyen and Ralph Grishman\n"
        "\t* ADMA 2013\n"
        "- Neural network verification\n"
        "  - N. Carlini, G. Katz, C. Barrett, and D. L. Dill, **Ground-Truth Adversarial Examples.**\n"
        "- Scene Understanding\n"
        "  - Segmentation & Editing\n"
        "    - [Scene Segmentation](#scene-segmentation)\n"
    )
    paper = doc.entries[0]
    assert (paper.authors, paper.venue, paper.year) == ("Thien Huu Nguyen and Ralph Grishman", "ADMA", 2013)
    titles = [e.title for e in doc.entries[1:]]
    assert "Ground-Truth Adversarial Examples" in titles  # a sub-item with a bold title is a paper of its own
    assert "Segmentation & Editing" in titles  # under a label without a link, no author list
    assert all(
        e.authors is None for e in doc.entries if e.title in ("Neural network verification", "Scene Understanding")
    )


def test_a_bold_name_after_the_last_link_is_the_nickname() -> None:
    doc = parse_text(
        "- **Effective LSTMs for Target-Dependent Sentiment Classification**. *Duyu Tang, Bing Qin*. (COLING 2016)"
        " [[paper]](https://www.aclweb.org/anthology/C16-1311) - ***TD-LSTM***\n"
        "- **Aspect Level Sentiment Classification with Deep Memory Network**. *Duyu Tang, Bing Qin, Ting Liu*."
        " (EMNLP 2016) [[paper]](https://arxiv.org/abs/1605.08900) see ***Tang et al. 2016 for the full model***\n"
    )
    first, second = doc.entries
    assert (first.nickname, first.venue, first.authors) == ("TD-LSTM", "COLING", "Duyu Tang, Bing Qin")
    assert second.nickname is None  # words before it, and too long for a name


def test_papers_as_one_line_paragraphs_with_bracketed_links() -> None:
    doc = parse_text(
        "## 2024\n\n"
        "**PASTA**: Is Multiple Object Tracking a Matter of Specialization? [[paper](https://arxiv.org/pdf/2411.00553)]"
        " [[code](https://github.com/aimagelab/PASTA)] **NeurIPS 2024**\n\n"
        "**TMOH**: Improving Multiple Pedestrian Tracking by Track Management and Occlusion Handling [code]"
        " [[paper](https://openaccess.thecvf.com/CVPR2021/x.pdf)] **CVPR2021**\n\n"
        "Multiple Object Tracking: A Literature Review [[paper](https://arxiv.org/pdf/1409.7618.pdf)]\n\n"
        "This list collects the papers we read, see [our site](https://example.org) for more.\n"
    )
    assert [(e.block, e.title, e.nickname) for e in doc.entries] == [
        ("paragraph", "Is Multiple Object Tracking a Matter of Specialization?", "PASTA"),
        ("paragraph", "Improving Multiple Pedestrian Tracking by Track Management and Occlusion Handling", "TMOH"),
        ("paragraph", "Multiple Object Tracking: A Literature Review", None),
    ]
    assert (doc.entries[0].venue, doc.entries[0].year, doc.entries[1].venue) == ("NeurIPS", 2024, "CVPR")


def test_two_such_paragraphs_are_no_list_of_papers() -> None:
    doc = parse_text(
        "**PASTA**: Is Multiple Object Tracking a Matter of Specialization? [[paper](https://arxiv.org/pdf/2411.00553)]\n\n"
        "Multiple Object Tracking: A Literature Review [[paper](https://arxiv.org/pdf/1409.7618.pdf)]\n"
    )
    assert doc.entries == ()


def test_a_bold_bracket_repeated_before_the_titles_colon_is_the_nickname_though_a_venue_has_its_name() -> None:
    e = one(
        "- **[PACT]** PACT: Parameterized Clipping Activation, arXiv 2018, [[paper]](https://arxiv.org/abs/1805.06085)\n"
    )
    assert (e.nickname, e.venue, e.year) == ("PACT", "arXiv", 2018)
    e = one("- **[PACT]** Parameterized Clipping Activation for Quantized Networks, [[paper]](https://example.org/p)\n")
    assert (e.nickname, e.venue) == (None, "PACT")  # not repeated: a venue label


def test_systems_venues_close_a_citation() -> None:
    e = one(
        "- [Optimizing for reduced code space](http://example.org/p.pdf) - Keith D. Cooper, Devika Subramanian. "
        "LCTES 1999.\n"
    )
    assert (e.authors, e.venue, e.year) == ("Keith D. Cooper, Devika Subramanian", "LCTES", 1999)


def test_a_data_code_column_holds_code_on_a_code_host_and_the_data_page_elsewhere() -> None:
    doc = parse_text(
        "| Name | Release | Data/Code |\n| --- | --- | --- |\n"
        "| [CrossFit](https://arxiv.org/pdf/2104.08835.pdf) | 04/2021 | [Link](https://github.com/INK-USC/CrossFit) |\n"
        "| [Natural Inst.](https://arxiv.org/pdf/2104.08773.pdf) | 04/2021 "
        "| [Link](https://instructions.apps.allenai.org/) |\n"
    )
    assert [[(link.role, link.url) for link in e.links][1] for e in doc.entries] == [
        ("code", "https://github.com/INK-USC/CrossFit"),
        ("other", "https://instructions.apps.allenai.org/"),
    ]
