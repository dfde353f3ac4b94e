"""Format inference: the readers of single fields, GFM tables, the list's template and kinds."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import DATA

from awesome_lint.parse import parse_file, parse_text
from awesome_lint.parse.fields import Template
from awesome_lint.parse.infer import learn
from awesome_lint.parse.shapes import is_paper_host, label_kind, looks_like_authors
from awesome_lint.parse.tables import header_role, split_row
from awesome_lint.parse.venues import read_venue, short_name


@pytest.mark.parametrize(
    ("text", "venue", "year", "known"),
    [
        ("CVPR 2019", "CVPR", 2019, True),
        ("NeurIPS'23", "NeurIPS", 2023, True),
        ("ICLR ’17", "ICLR", 2017, True),
        ("Arxiv 2024", "arXiv", 2024, True),
        ("ArXiV", "arXiv", None, True),
        ("cvpr 2021", "CVPR", 2021, True),
        ("NIPSw", "NIPS Workshop", None, True),
        ("CVPRW", "CVPR Workshop", None, True),
        ("NIPS workshop 2016", "NIPS Workshop", 2016, True),
        ("ICML 2023 Workshop ES-FoMO", "ICML Workshop", 2023, True),
        ("AAAI EIW Workshop 2024", "AAAI Workshop", 2024, True),
        ("NeurIPS ENLSP Workshop 2023", "NeurIPS Workshop", 2023, True),
        ("IEEE CVPR Workshop 2020", "CVPR Workshop", 2020, True),
        ("EMNLP Findings 2023", "EMNLP Findings", 2023, True),
        ("Publish-ICLR'24", "ICLR", 2024, True),
        ("Conference-ICML'24", "ICML", 2024, True),
        ("ECCV-24", "ECCV", 2024, True),
        ("RecSys 22", "RecSys", 2022, True),
        ("IJCAI 2024 (Survey Track)", "IJCAI", 2024, True),
        ("arXiv:2020", "arXiv", 2020, True),
        ("IEEE Transactions on Neural Networks and Learning Systems", "TNNLS", None, True),
        ("Nature Machine Intelligence 2019", "Nature Machine Intelligence", 2019, True),
        ("Ocean Engineering 2019", "Ocean Engineering", 2019, False),
        ("2019/04", None, 2019, False),
    ],
)
def test_read_venue(text: str, venue: str | None, year: int | None, known: bool) -> None:
    found = read_venue(text)
    assert found is not None
    assert (found.venue, found.year, found.known) == (venue, year, known)


def test_read_venue_keeps_arxiv_ids_and_refuses_titles_and_names() -> None:
    found = read_venue("arXiv:2002.08258")
    assert found is not None and (found.venue, found.arxiv, found.year) == ("arXiv", "2002.08258", None)
    assert read_venue("How Good Are Low-bit Quantized LLaMA3 Models? An Empirical Study") is None
    assert read_venue("et al") is None
    assert read_venue("J") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hinton et al", True),
        ("Cho, Jang Hyun & Hariharan, Bharath", True),
        ("S. I. Venieris and C. S. Bouganis", True),
        ("LeCun Y, Denker J S, Solla S A.", True),
        ("Jeff Dean and Geoffrey Hinton", True),
        ("Universally Slimmable Networks and Improved Training Techniques", False),
        ("Pruning and Quantization", False),
        ("IEEE J. Solid-State Circuits", False),
        ("Deep Mutual Learning", False),
        ("Dunnhofer et al. IEEE RAL", False),
        ("Simulated Quantization, Real Power Savings", False),
        ("Deep Ganguli, Danny Hernandez", True),
    ],
)
def test_looks_like_authors(text: str, expected: bool) -> None:
    assert looks_like_authors(text) is expected


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("[code]", "code"),
        ("code(Theano)", "code"),
        ("PyTorch(Author)", "code"),
        ("[code(Pytorch]", "code"),
        ("GitHub Page", "code"),
        ("PDF", "paper"),
        ("Paper", "paper"),
        ("HuggingFace", "project"),
        ("72:fire:", "count"),
        ("", "empty"),
        ("pytorch-tensor-decompositions", "text"),
        ("Source Separation", "text"),
        ("Model Compression", "text"),
    ],
)
def test_label_kind(label: str, kind: str) -> None:
    assert label_kind(label) == kind


def test_paper_hosts() -> None:
    assert is_paper_host("https://openaccess.thecvf.com/content/CVPR2023/papers/x.pdf")
    assert is_paper_host("https://example.org/files/paper.pdf")
    assert not is_paper_host("https://github.com/a/b")


def test_split_row_keeps_cell_columns_and_escaped_pipes() -> None:
    assert split_row("| a | b \\| c |  |") == [(2, "a"), (6, "b \\| c"), (16, "")]
    assert split_row("a|b") == [(0, "a"), (2, "b")]


@pytest.mark.parametrize(
    ("header", "role"),
    [("Title", "title"), ("**Paper**", "paper"), ("Conference", "venue"), ("Year", "year"), ("Code", "code")],
)
def test_header_roles(header: str, role: str) -> None:
    assert header_role(header) == role


def test_table_rows_are_entries_with_columns_mapped_from_the_header() -> None:
    doc = parse_text(
        "### 2021\n"
        "| Title | Venue | Type | Code |\n|:--|:-:|:-:|:-:|\n"
        "| [Sparse Flows: Pruning Continuous-depth Models](https://papers.nips.cc/paper/2021/x) | NeurIPS | `W` | "
        "[PyTorch(Author)](https://github.com/lucaslie/torchprune) |\n"
        "| [A Paper Without Code](https://openreview.net/forum?id=H6) | ICLR **(Best)** | `F` | - |\n"
        "\nAfter the table.\n"
    )
    first, second = doc.entries
    assert (first.kind, first.block, first.venue, first.year, first.tags) == ("paper", "row", "NeurIPS", 2021, ("W",))
    assert [(link.role, link.url) for link in first.links] == [
        ("paper", "https://papers.nips.cc/paper/2021/x"),
        ("code", "https://github.com/lucaslie/torchprune"),
    ]
    assert (second.venue, second.notes, second.code_links) == ("ICLR", ("Best",), ())


def test_a_table_without_a_title_column_gives_no_entries() -> None:
    doc = parse_text(
        "| Type | `F` | `W` |\n|:--|:-:|:-:|\n| Explanation | Filter pruning | Weight pruning |\n\n"
        "| Method | Bits | Perplexity |\n| --- | --- | --- |\n| FP16 | 16 | 5.47 |\n"
    )
    assert doc.entries == ()


def test_rows_with_missing_or_extra_cells() -> None:
    doc = parse_text(
        "| Title & Authors | Links |\n|:--|:--:|\n"
        "|[QLoRA: Efficient Finetuning of Quantized LLMs](https://arxiv.org/abs/2305.14314) <br> Tim Dettmers, "
        "Artidoro Pagnoni | [Github](https://github.com/artidoro/qlora) |[//]: #06/05\n"
        "|[Large Language Model Pruning](https://arxiv.org/abs/2406.00030)\n"
    )
    first, second = doc.entries
    assert (first.title, first.authors, first.arxiv_id) == (
        "QLoRA: Efficient Finetuning of Quantized LLMs",
        "Tim Dettmers, Artidoro Pagnoni",
        "2305.14314",
    )
    assert [link.role for link in first.links] == ["paper", "code"]
    assert (second.title, second.links[0].role) == ("Large Language Model Pruning", "paper")


def test_learn_answers_only_what_enough_items_settle() -> None:
    counts: Counter[tuple[str, bool]] = Counter({("label_venue", True): 5, ("label_venue", False): 1})
    counts[("slot:tail", True)] = 1
    template = learn(counts)
    assert template.answer("label_venue") is True
    assert template.answer("slot:tail") is None
    fallback: Counter[tuple[str, bool]] = Counter({("slot:tail", False): 4})
    assert learn(counts, fallback).answer("slot:tail") is False
    assert Template().answer("text_title") is None


VENUE_FIRST = (
    "- [[CVPR](https://openaccess.thecvf.com/x.pdf)] Hard Sample Matters a Lot in Zero-Shot Quantization\n"
    "- [[ICML](https://arxiv.org/abs/2306.00317)] FlexRound: Learnable Rounding for Post-Training Quantization\n"
    "- [[Ocean Engineering](https://www.sciencedirect.com/science/article/pii/S0029801822017887)] Neural network "
    "based adaptive sliding mode tracking control with input quantization and saturation.\n"
)


def test_unknown_venue_label_is_the_venue_where_the_list_puts_venues_first() -> None:
    doc = parse_text(VENUE_FIRST)
    assert [e.venue for e in doc.entries] == ["CVPR", "ICML", "Ocean Engineering"]
    assert doc.entries[2].title.startswith("Neural network based adaptive")


def test_a_list_of_linked_titles_keeps_a_short_first_link_as_its_title() -> None:
    doc = parse_text(
        "- [Deep Compression](https://arxiv.org/abs/1510.00149) Pruning, quantization and huffman coding.\n"
        "- [Network Slimming](https://arxiv.org/abs/1708.06519) Channel pruning with scaling factors.\n"
        "- [[SNIP](https://arxiv.org/abs/1810.02340)] single-shot pruning before training at initialization\n"
    )
    assert [(e.title, e.venue) for e in doc.entries] == [
        ("Deep Compression", None),
        ("Network Slimming", None),
        ("SNIP", None),
    ]


def test_unknown_tail_venue_needs_the_list_and_a_year() -> None:
    known = "".join(f"- Paper number {n} on pruning, CVPR, 201{n} [[paper]](https://x.org/{n})\n" for n in range(4))
    odd = "- A paper in an odd place, Ocean Engineering, 2024 [[paper]](https://x.org/odd)\n"
    assert parse_text(known + odd).entries[-1].venue == "Ocean Engineering"
    alone = parse_text(odd).entries[0]
    assert (alone.title, alone.venue, alone.year) == ("A paper in an odd place, Ocean Engineering", None, 2024)


def test_software_list_gives_no_papers() -> None:
    doc = parse_file(DATA / "real-lists" / "vinta__awesome-python.md")
    kinds = Counter(e.kind for e in doc.entries)
    assert kinds["paper"] == 0
    assert kinds["resource"] > 500


def test_tables_give_their_papers() -> None:
    doc = parse_file(DATA / "real-lists" / "he-y__Awesome-Pruning.md")
    rows = [e for e in doc.entries if e.block == "row"]
    assert len(rows) == 278
    assert all(e.kind == "paper" and e.venue and e.year and e.paper_links for e in rows)


@pytest.mark.parametrize(
    ("name", "papers"),
    [
        ("FLHonker__Awesome-Knowledge-Distillation.md", 700),
        ("Zhen-Dong__Awesome-Quantization-Papers.md", 280),
        ("htqin__awesome-model-quantization.md", 515),
        ("jnjaby__Model-Compression-Acceleration.md", 39),
    ],
)
def test_paper_lists_give_papers_with_titles(name: str, papers: int) -> None:
    doc = parse_file(DATA / "real-lists" / name)
    found = [e for e in doc.entries if e.kind == "paper"]
    assert len(found) >= papers
    assert sum(1 for e in found if len(e.title.split()) >= 2) >= 0.99 * len(found)
    assert sum(1 for e in found if e.venue or e.year) >= 0.9 * len(found)


PAPERS = (
    "- [Deep Compression](https://arxiv.org/abs/1510.00149) - Song Han. *ICLR 2016*.\n"
    "- [Network Slimming](https://arxiv.org/abs/1708.06519) - Zhuang Liu. *ICCV 2017*.\n"
)


def test_an_item_without_a_link_is_a_paper_only_when_it_reads_as_a_citation() -> None:
    doc = parse_text(
        "## Pruning\n" + PAPERS + "- Learning Both Weights and Connections for Efficient Networks. Han et al. Some"
        " Venue\n\n## Tips\n\n1. Use OpenMP for the loops.\n2. **Write the tests before the code**\n"
    )
    assert [(e.kind, e.title) for e in doc.entries[2:]] == [
        ("paper", "Learning Both Weights and Connections for Efficient Networks"),
        ("other", "Use OpenMP for the loops"),
        ("other", "Write the tests before the code"),
    ]
    assert doc.entries[2].authors == "Han et al"
    assert doc.entries[2].venue is None


@pytest.mark.parametrize(
    ("line", "venue", "year", "authors"),
    [
        ("- [<b>](https://arxiv.org/abs/1510.00149) *CVPR 2019*.", "CVPR", 2019, None),
        ("- **[Nick]** 1., CVPR 2019, [[paper]](https://arxiv.org/abs/1510.00149)", "CVPR", 2019, None),
        ("- Han, Song, et al. [<b>](https://arxiv.org/abs/1510.00149).", None, None, "Han, Song, et al"),
    ],
)
def test_a_venue_a_number_or_a_name_list_is_never_the_title(
    line: str, venue: str | None, year: int | None, authors: str | None
) -> None:
    entry = parse_text(line + "\n").entries[0]
    assert (entry.kind, entry.title, entry.venue, entry.year, entry.authors) == ("paper", "", venue, year, authors)


def test_a_venue_in_its_own_field_outweighs_a_repository_link() -> None:
    entry = parse_text("- [Deep](https://github.com/a/b) - *CVPR 2019*.\n").entries[0]
    assert (entry.kind, entry.venue, entry.year) == ("paper", "CVPR", 2019)
    entry = parse_text("- [Deep](https://x.org/p) - Song Han.\n").entries[0]
    assert entry.authors == "Song Han"


@pytest.mark.parametrize(
    ("text", "venue", "year"),
    [
        ("NeurlPS", "NeurIPS", None),
        ("EMNLP-Findings", "EMNLP Findings", None),
        ("EMNLP 2022 (Findings)", "EMNLP Findings", 2022),
        ("Findings of EMNLP 2023", "EMNLP Findings", 2023),
        ("ACL-Short", "ACL", None),
        ("ACL-IJCNLP 2021", "ACL", 2021),
        ("NAACL-HLT2022", "NAACL", 2022),
        ("NeurIPS-ENLSP", "NeurIPS Workshop", None),
        ("NeurIPS'23 ENLSP", "NeurIPS Workshop", 2023),
        ("NeurIPS 2023 on Efficient Natural Language and Speech Processing", "NeurIPS Workshop", 2023),
        ("MLSys'23 Outstanding Award", "MLSys", 2023),
        ("ACM TKDD", "TKDD", None),
        ("NeurIPS 2022 Datasets and Benchmarks Track", "NeurIPS", 2022),
        ("ICML 2024 Position Track", "ICML", 2024),
        ("NeurIPS 2023 Dataset and Benchmark Track", "NeurIPS", 2023),
        ("RA-Letters 2023", "RA-L", 2023),
        ("SIGGRAPH Asia 2021", "SIGGRAPH Asia", 2021),
    ],
)
def test_read_venue_tracks_findings_workshops_and_publishers(text: str, venue: str, year: int | None) -> None:
    found = read_venue(text)
    assert found is not None and (found.venue, found.year, found.known) == (venue, year, True)


def test_an_acronym_in_running_text_keeps_its_capitals() -> None:
    from awesome_lint.parse.venues import venue_from_citation

    assert venue_from_citation("Viet Dac Lai, Franck Dernoncourt", cased=True) is None
    assert venue_from_citation("In DAC 2019", cased=True) == "DAC"
    assert venue_from_citation("in dac 2019") == "DAC"


def test_link_roles_of_badges_project_repositories_and_blog_posts() -> None:
    doc = parse_text(
        "- [![Star](https://img.shields.io/github/stars/a/b.svg)](https://github.com/a/b) [A Title of a Paper]"
        "(https://arxiv.org/abs/2205.14135). Tri Dao. [[Paper]](https://arxiv.org/abs/2205.14135)"
        "[[Github]](https://github.com/a/b)\n"
        "- \\[OSDI'23\\] Efficient memory management for serving - \\[[PDF](https://dl.acm.org/doi/pdf/10.1/2)\\] "
        "\\[[Project](https://github.com/vllm-project/vllm)\\]\n"
        "- Medusa: A Framework for Decoding Heads, <ins>Blog, 2023</ins> [[Blog](https://sites.google.com/view/m)] "
        "[[Code](https://github.com/F/Medusa)]\n"
        "- Scaling Laws of Extrapolation, <ins>arXiv, 2023</ins> [[Paper](https://arxiv.org/abs/2310.05209)]\n"
        "- Recurrent Memory Transformer, <ins>NeurIPS, 2022</ins> [[Paper](https://arxiv.org/abs/2207.06881)]\n"
    )
    badge, project, blog, *_ = doc.entries
    assert [(link.role, link.url) for link in badge.links] == [
        ("code", "https://github.com/a/b"),
        ("paper", "https://arxiv.org/abs/2205.14135"),
        ("paper", "https://arxiv.org/abs/2205.14135"),
        ("code", "https://github.com/a/b"),
    ]
    assert [link.role for link in project.links] == ["paper", "code"]
    assert (blog.kind, blog.title, blog.venue, blog.year) == (
        "paper",
        "Medusa: A Framework for Decoding Heads",
        "Blog",
        2023,
    )
    assert [link.role for link in blog.links] == ["paper", "code"]


def test_arxiv_ids_from_doi_links_and_cut_versions() -> None:
    from awesome_lint import arxiv_id

    assert arxiv_id.parse_link("https://doi.org/10.48550/arXiv.2305.18403").id == "2305.18403"  # type: ignore[union-attr]
    assert arxiv_id.parse_link("https://arxiv.org/abs/1911.02972v").id == "1911.02972"  # type: ignore[union-attr]
    assert arxiv_id.parse_url("https://arxiv.org/abs/1911.02972v") is None
    assert arxiv_id.parse_link("https://doi.org/10.1145/3503221.3508418") is None


def test_year_prefixes_resource_names_and_list_links_with_a_paper_word() -> None:
    doc = parse_text(
        "## Surveys\n"
        "- [2024] A Survey of Large Language Models, arXiv [[Paper](https://arxiv.org/abs/2303.18223)]\n"
        "- [2022] Compression of Deep Learning Models for Text: A Survey, ACM TKDD [[Paper](https://dl.acm.org/x)]\n"
        "## Resources\n"
        "- Efficient LLMs [[Link](https://github.com/AIoT-MLSys-Lab/Efficient-LLMs-Survey)]\n"
        "- Transformers [[Link](https://arxiv.org/abs/2406.09246)]\n"
        "## Lists\n"
        "- [Papers](https://github.com/terryum/awesome-deep-learning-papers) - The most cited deep learning papers.\n"
    )
    assert [(e.kind, e.title, e.venue, e.year, e.arxiv_id) for e in doc.entries] == [
        ("paper", "A Survey of Large Language Models", "arXiv", 2024, "2303.18223"),
        ("paper", "Compression of Deep Learning Models for Text: A Survey", "TKDD", 2022, None),
        ("resource", "Efficient LLMs", None, None, None),
        ("resource", "Transformers", None, None, None),
        ("resource", "Papers", None, None, None),
    ]


BLOCKS = """# Papers

**Teaching Models to Express Their Uncertainty in Words** \\
*Stephanie Lin, Jacob Hilton, Owain Evans* \\
TMLR 2022. [[Paper](https://arxiv.org/abs/2205.14334)] [[Github](https://github.com/sylinrl/CalibratedMath)] \\
28 May 2022

**Uncertainty Quantification with Pre-trained Language Models: A Large-Scale Empirical Analysis** \\
*Yuxin Xiao, Paul Pu Liang, Umang Bhatt*
EMNLP 2022 (Findings). [[Paper](https://arxiv.org/abs/2210.04714)] \\
10 Oct 2022

**Your Prompt is My Command**

**Invariant Language Modeling** \\
*Maxime Peyrard, Robert West* \\
EMNLP 2022. [[Paper](https://arxiv.org/abs/2110.08413)] \\
16 Oct 2021

**Note:** pull requests are welcome.
"""


def test_paragraph_blocks_are_entries_where_a_document_writes_its_entries_so() -> None:
    doc = parse_text(BLOCKS)
    assert [
        (e.block, e.kind, e.title, e.venue, e.year, e.arxiv_id, e.span.line, e.span.end_line) for e in doc.entries
    ] == [
        (
            "paragraph",
            "paper",
            "Teaching Models to Express Their Uncertainty in Words",
            "TMLR",
            2022,
            "2205.14334",
            3,
            6,
        ),
        (
            "paragraph",
            "paper",
            "Uncertainty Quantification with Pre-trained Language Models: A Large-Scale Empirical Analysis",
            "EMNLP Findings",
            2022,
            "2210.04714",
            8,
            11,
        ),
        ("paragraph", "paper", "Your Prompt is My Command", None, None, None, 13, 13),
        ("paragraph", "paper", "Invariant Language Modeling", "EMNLP", 2022, "2110.08413", 15, 18),
    ]
    assert doc.entries[1].authors == "Yuxin Xiao, Paul Pu Liang, Umang Bhatt"
    assert doc.entries[0].marker == ""
    # Two blocks are not enough to show the document writes its entries as paragraphs.
    assert parse_text(BLOCKS.split("**Your Prompt")[0]).entries == ()


def test_a_table_without_known_headers_lists_the_linked_names_of_its_first_column() -> None:
    doc = parse_text(
        "|  | Efficient Training | Efficient Inference |\n| :-- | :--: | :--: |\n"
        "| DeepSpeed [[Code](https://github.com/microsoft/DeepSpeed)] | ✅ | ✅ |\n"
        "| vLLM [[Code](https://github.com/vllm-project/vllm)] | ❌ | ✅ |\n\n"
        "| Method | Bits | Perplexity |\n| --- | --- | --- |\n| FP16 | 16 | 5.47 |\n"
    )
    assert [(e.block, e.kind, e.title, [link.role for link in e.links]) for e in doc.entries] == [
        ("row", "resource", "DeepSpeed", ["code"]),
        ("row", "resource", "vLLM", ["code"]),
    ]


def test_a_bracketed_venue_with_a_year_is_no_title_and_an_impossible_id_no_id() -> None:
    doc = parse_text(
        "1. Debias the Black-box: A Fair Ranking Framework via Knowledge Distillation [WISE 2022]\n"
        "2. Balanced Knowledge Distillation for Long-tailed Learning. Zhang, Shaoyu et al. arXiv:2014.10510\n"
        "3. Learning Efficient Object Detection Models with Knowledge Distillation. Chen, Guobin et al. NIPS 2017\n"
    )
    venue, impossible, _ = doc.entries
    assert (venue.title, venue.venue, venue.year, venue.authors) == (
        "Debias the Black-box: A Fair Ranking Framework via Knowledge Distillation",
        "WISE",
        2022,
        None,
    )
    alone = parse_text("- Debias the Black-box: A Fair Ranking Framework [WISE 2022] [[paper]](https://x.org/d)\n")
    assert (alone.entries[0].title, alone.entries[0].venue, alone.entries[0].year) == (
        "Debias the Black-box: A Fair Ranking Framework",
        None,
        2022,
    )
    assert (impossible.arxiv_id, impossible.cited_arxiv_ids) == (None, ("2014.10510",))


@pytest.mark.parametrize(
    ("line", "title", "venue", "year"),
    [
        (
            "- (CVPR 2020) HRank: Filter Pruning using High-Rank Feature Map [paper](https://arxiv.org/abs/2002.10179)",
            "HRank: Filter Pruning using High-Rank Feature Map",
            "CVPR",
            2020,
        ),
        (
            "- 2019 - Importance Estimation for Neural Network Pruning [[CVPR]](https://arxiv.org/abs/1906.10771)",
            "Importance Estimation for Neural Network Pruning",
            "CVPR",
            2019,
        ),
        (
            "- ![](https://img.shields.io/badge/NeurIPS-2023-blue) [LLM-Pruner: On the Structural Pruning of Large "
            "Language Models](https://arxiv.org/abs/2305.11627)",
            "LLM-Pruner: On the Structural Pruning of Large Language Models",
            "NeurIPS",
            2023,
        ),
        (
            "- `NeurIPS'23` QuIP#: Even Better LLM Quantization with Hadamard Incoherence "
            "[paper](https://arxiv.org/abs/2402.04396)",
            "QuIP#: Even Better LLM Quantization with Hadamard Incoherence",
            "NeurIPS",
            2023,
        ),
        (
            "- [QLoRA: Efficient Finetuning of Quantized LLMs](https://arxiv.org/abs/2305.14314). Tim Dettmers, "
            "Luke Zettlemoyer. NeurIPS 2023.",
            "QLoRA: Efficient Finetuning of Quantized LLMs",
            "NeurIPS",
            2023,
        ),
    ],
)
def test_venue_leads_badges_and_venue_labelled_links(line: str, title: str, venue: str, year: int) -> None:
    entry = parse_text(line + "\n").entries[0]
    assert (entry.kind, entry.title, entry.venue, entry.year) == ("paper", title, venue, year)


def test_a_list_of_names_between_commas_is_read_whole_or_not_at_all() -> None:
    entry = parse_text(
        "1. **Optimal Brain Damage**, Yann LeCun, John S. Denker, Sara A. Solla, *NIPS*, 1989. "
        "[PDF](https://papers.nips.cc/paper/250-optimal-brain-damage.pdf)\n"
    ).entries[0]
    assert (entry.title, entry.authors, entry.venue, entry.year) == (
        "Optimal Brain Damage",
        "Yann LeCun, John S. Denker, Sara A. Solla",
        "NIPS",
        1989,
    )
    whole = parse_text(
        "1. **A Study of Language Tasks**, Xuanting Chen, Junjie Ye, Can Zu, Nuo Xu, arXiv 2023. "
        "[Paper](https://arxiv.org/abs/2303.00293)\n"
    ).entries[0]
    assert (whole.authors, whole.venue) == ("Xuanting Chen, Junjie Ye, Can Zu, Nuo Xu", "arXiv")  # (`Can` a name)
    cut = parse_text(
        "1. **A Study of Language Tasks**, Xuanting Chen, Junjie Ye, Can zu, Nuo Xu, arXiv 2023. "
        "[Paper](https://arxiv.org/abs/2303.00293)\n"
    ).entries[0]
    assert (cut.authors, cut.venue) == (None, "arXiv")


def test_quoted_titles_after_authors_field_labels_and_field_sub_items() -> None:
    doc = parse_text(
        "- [Once for All: Train One Network and Specialize it](https://arxiv.org/abs/1908.09791)\n"
        "  - Han Cai, Chuang Gan, Song Han\n"
        "  - ICLR 2020\n"
        '- Zhu et al. "To prune, or not to prune: exploring the efficacy of pruning." ICLR Workshop (2018). '
        "[pdf](https://arxiv.org/abs/1710.01878)\n"
        '- A. Author, B. Writer, "Dynamic Network Surgery for Efficient DNNs," in Proc. NIPS, 2016. '
        "[[paper]](https://arxiv.org/abs/1608.04493)\n"
        "- **Paper**: [Patient Knowledge Distillation for BERT](https://arxiv.org/abs/1908.09355) "
        "**Venue**: EMNLP 2019\n"
    )
    assert [(e.kind, e.title, e.authors, e.venue, e.year) for e in doc.entries] == [
        ("paper", "Once for All: Train One Network and Specialize it", "Han Cai, Chuang Gan, Song Han", "ICLR", 2020),
        ("paper", "To prune, or not to prune: exploring the efficacy of pruning", "Zhu et al", "ICLR Workshop", 2018),
        ("paper", "Dynamic Network Surgery for Efficient DNNs", "A. Author, B. Writer", "NIPS", 2016),
        ("paper", "Patient Knowledge Distillation for BERT", None, "EMNLP", 2019),
    ]


def test_contents_items_with_sub_page_links_are_navigation() -> None:
    doc = parse_text(
        "# Papers\n"
        "## Contents\n"
        "- [Quantization](#quantization) | [[Sub-page]](quantization.md)\n"
        "- [Pruning](#pruning) [[more]](./pruning/README.md)\n"
        "## Quantization\n"
        "- [Binary Networks](https://arxiv.org/abs/1602.02830) [[code]](./code/binary.md)\n"
        "- [Ternary Networks](https://arxiv.org/abs/1605.04711)\n"
    )
    assert [(e.kind, e.title) for e in doc.entries] == [
        ("other", "Quantization"),
        ("other", "Pruning"),
        ("paper", "Binary Networks"),
        ("paper", "Ternary Networks"),
    ]
    assert [link.role for link in doc.entries[0].links] == ["other", "project"]


def test_a_workshop_named_by_its_own_acronym_is_its_conference_workshop() -> None:
    doc = parse_text(
        "- [Efficient Inference of Transformers](https://arxiv.org/abs/2101.00001) AAAI EIW Workshop 2024\n"
        "- [Sparse Attention for Long Inputs](https://arxiv.org/abs/2101.00002), NeurIPS ENLSP Workshop 2023\n"
        "- [Low-Rank Adapters at Scale](https://arxiv.org/abs/2101.00003) [AAAI EIW Workshop 2024]\n"
        "- [Quantized Attention Kernels](https://arxiv.org/abs/2101.00004) - *AAAI EIW Workshop 2024*\n"
        "- **Pruned Language Models** <br> AAAI EIW Workshop 2024 [[Paper]](https://arxiv.org/abs/2101.00005)\n"
        "- Early Exit Decoding, <ins>NeurIPS ENLSP Workshop, 2023</ins> [[Paper](https://arxiv.org/abs/2101.00006)]\n"
        "- \\[AAAI EIW Workshop'24\\] Token Merging for Speed - \\[[PDF](https://arxiv.org/abs/2101.00007)\\]\n"
        "- Distilled Retrievers Are Fast. Smith et al. AAAI EIW Workshop 2024.\n"
    )
    assert [(e.venue, e.year) for e in doc.entries] == [
        ("AAAI Workshop", 2024),
        ("NeurIPS Workshop", 2023),
        ("AAAI Workshop", 2024),
        ("AAAI Workshop", 2024),
        ("AAAI Workshop", 2024),
        ("NeurIPS Workshop", 2023),
        ("AAAI Workshop", 2024),
        ("AAAI Workshop", 2024),
    ]
    assert short_name("AAAI EIW Workshop") == "AAAI Workshop"
    assert short_name("Workshop on Efficient Systems") == "Workshop on Efficient Systems"


def test_a_code_link_to_notes_in_a_repository_is_not_code() -> None:
    entry = parse_text(
        "- [Deep Compression](https://arxiv.org/abs/1510.00149) [[code]](https://github.com/u/r/blob/master/notes/x.md)"
        " [[code]](https://github.com/u/compress) [[code]](https://github.com/u/r/blob/master/prune/README.md)"
        " [notes](https://github.com/u/r/blob/master/notes/y.markdown)\n"
    ).entries[0]
    assert [(link.role, link.url.rsplit("/", 1)[-1]) for link in entry.links] == [
        ("paper", "1510.00149"),
        ("other", "x.md"),
        ("code", "compress"),
        ("code", "README.md"),
        ("other", "y.markdown"),
    ]
    row = parse_text(
        "| Title | Code |\n| --- | --- |\n"
        "| [Deep Compression](https://arxiv.org/abs/1510.00149) | [notes](https://github.com/u/r/blob/master/x.md) |\n"
        "| [Pruning Filters](https://arxiv.org/abs/1608.08710) | [code](https://github.com/u/r/blob/master/y.md) |\n"
    ).entries
    assert [[link.role for link in entry.links] for entry in row] == [["paper", "other"], ["paper", "other"]]


def test_an_openreview_label_is_the_venue_only_where_the_list_labels_paper_links_with_venues() -> None:
    venue_labels = parse_text(
        "- Learning Sparse Networks Quickly [[ICLR 2024]](https://openreview.net/forum?id=a1)\n"
        "- Training Binary Networks Well [[NeurIPS 2023]](https://papers.nips.cc/paper/2)\n"
        "- Quantizing Transformers Gently [[arXiv]](https://arxiv.org/abs/2301.00003)\n"
        "- Pruning Attention Heads Safely [[ICML 2023]](https://proceedings.mlr.press/v202/x.html)\n"
        "- Distilling Small Students Fast [[OpenReview]](https://openreview.net/forum?id=abc)\n"
    ).entries
    assert [(e.kind, e.venue) for e in venue_labels] == [
        ("paper", "ICLR"),
        ("paper", "NeurIPS"),
        ("paper", "arXiv"),
        ("paper", "ICML"),
        ("paper", "OpenReview"),
    ]
    paper_labels = parse_text(
        "- Learning Sparse Networks Quickly [[paper]](https://openreview.net/forum?id=a1)\n"
        "- Training Binary Networks Well [[PDF]](https://papers.nips.cc/paper/2)\n"
        "- Quantizing Transformers Gently [[arXiv]](https://arxiv.org/abs/2301.00003)\n"
        "- Pruning Attention Heads Safely [[ICML 2023]](https://proceedings.mlr.press/v202/x.html)\n"
        "- Merging Tokens Wisely [[CVPR 2023]](https://openaccess.thecvf.com/x.html)\n"
        "- Distilling Small Students Fast [[OpenReview]](https://openreview.net/forum?id=abc)\n"
    ).entries
    assert [(e.kind, e.venue) for e in paper_labels] == [
        ("paper", None),
        ("paper", None),
        ("paper", "arXiv"),
        ("paper", "ICML"),
        ("paper", "CVPR"),
        ("paper", None),
    ]
    alone = parse_text("- Distilling Small Students Fast [[OpenReview]](https://openreview.net/forum?id=abc)\n")
    assert alone.entries[0].venue is None


KD_LIST = """# Awesome Knowledge Distillation

## Papers
- Distilling the knowledge in a neural network. Hinton et al. arXiv:1503.02531
- Zero-Shot Knowledge Distillation in Deep Networks. Nayak et al. ICML 2019
- Paying More Attention to Attention, ICLR 2017 [[code]](https://github.com/szagoruyko/attention-transfer)

## Implementations
- Zero-Shot Knowledge Distillation in Deep Networks in ICML2019 [[code]](https://github.com/x/zskd)
- Zero-Shot Knowledge Distillation in Deep Networks, ICML 2019 [[code]](https://github.com/x/zskd)
- Distilling the knowledge in a Neural Network [[code]](https://github.com/x/kd)

### PyTorch
- [Relational Knowledge Distillation](https://github.com/lenscloth/RKD)
- Paying More Attention to Attention (ICLR 2017) [[code]](https://github.com/x/at)

### Object detection
- [Distilling Object Detectors with Fine-grained Feature Imitation](https://github.com/twangnh/Distilling-ODFFI)

## PyTorch
- [Mean teachers are better role models](https://github.com/CuriousAI/mean-teacher)

## Videos
- Distilling the knowledge in a Neural Network, Hinton 2015 [[video]](https://youtube.com/x)
"""


def test_paper_titles_with_only_code_links_under_a_resources_heading_are_resources() -> None:
    doc = parse_text(KD_LIST)
    assert [(e.kind, e.section[-1]) for e in doc.entries] == [
        ("paper", "Papers"),
        ("paper", "Papers"),
        ("paper", "Papers"),
        ("resource", "Implementations"),
        ("resource", "Implementations"),
        ("resource", "Implementations"),
        ("resource", "PyTorch"),
        ("resource", "PyTorch"),
        ("resource", "Object detection"),
        ("resource", "PyTorch"),
        ("resource", "Videos"),
    ]
    assert all(e.venue is None and not e.paper_links for e in doc.entries if e.kind == "resource")
    with_code = parse_text(
        "# Papers with code\n"
        "- Paying More Attention to Attention, ICLR 2017 [[code]](https://github.com/x/at)\n"
        "- Relational Knowledge Distillation, CVPR 2019 [[code]](https://github.com/x/rkd)\n"
    )
    assert [e.kind for e in with_code.entries] == ["paper", "paper"]
    long_part = parse_text(
        "# Efficient LLMs\n## Algorithms\n### Pruning\n"
        "- Sparse Training at Scale, <ins>SC, 2021</ins> [[Paper](https://dl.acm.org/doi/x)]\n"
        "## System-Level Optimization and LLM Frameworks\n### Training\n"
        "- ZeRO: Memory Optimizations, <ins>SC, 2020</ins> [[Paper](https://dl.acm.org/doi/y)] "
        "[[Code](https://github.com/microsoft/DeepSpeed)]\n"
    )
    assert [e.kind for e in long_part.entries] == ["paper", "paper"]


def test_a_notes_file_given_as_a_sub_item_is_no_code_of_the_paper_above() -> None:
    doc = parse_text(
        "- [Deep Compression](https://arxiv.org/abs/1510.00149)\n"
        "  + [songhan/deep-compression](https://github.com/songhan/deep-compression)\n"
        "  + [notes/deep-compression.md](https://github.com/u/r/blob/master/notes/deep-compression.md)\n"
    )
    paper = doc.entries[0]
    assert [link.url.rsplit("/", 1)[-1] for link in paper.code_links] == ["deep-compression"]


def test_a_stars_badge_is_code_only_where_it_links_a_repository() -> None:
    doc = parse_text(
        "- [Title of a Robot Paper](https://arxiv.org/abs/2303.04137) (RSS 2023)\n"
        "  [![Star](https://img.shields.io/github/stars/o/r.svg?style=social)](https://github.com/o/r)\n"
        "- [Title of a Second Paper](https://arxiv.org/abs/2304.02532) (ICLR 2023)\n"
        "  [![Star](https://img.shields.io/github/stars/o/r.svg?style=social)](https://github.com/o)\n"
        "- [Title of a Third Paper](https://arxiv.org/abs/2305.02532) (ICLR 2023)\n"
        "  [![Star](https://img.shields.io/badge/Star-me-blue)](https://github.com/o/r)\n"
    )
    roles = [[(link.role, link.url) for link in entry.links] for entry in doc.entries]
    assert roles[0] == [("paper", "https://arxiv.org/abs/2303.04137"), ("code", "https://github.com/o/r")]
    assert roles[1][1] == ("other", "https://github.com/o")  # (an owner's page: no repository)
    assert roles[2][1] == ("other", "https://github.com/o/r")  # (no stars count: a badge like any other)
    assert [(e.venue, e.year) for e in doc.entries] == [("RSS", 2023), ("ICLR", 2023), ("ICLR", 2023)]


def test_a_bold_name_a_dash_and_a_sentence_give_the_name_and_a_note_but_a_subtitle_stays() -> None:
    doc = parse_text(
        "- **CLIP** — The standard image-text aligned visual backbone behind many models. "
        "[📄](https://arxiv.org/abs/2103.00020)\n"
        "- **CLIP** - Learning Transferable Visual Models From Natural Language Supervision "
        "[📄](https://arxiv.org/abs/2103.00020)\n"
    )
    described, subtitled = doc.entries
    assert (described.title, described.notes) == (
        "CLIP",
        ("The standard image-text aligned visual backbone behind many models",),
    )
    assert subtitled.title.startswith("CLIP - Learning Transferable") and subtitled.notes == ()


def test_text_that_leads_into_a_link_is_no_author_list() -> None:
    doc = parse_text(
        "- They compared extractive methods on the [Opinosis dataset](http://example.org/opinosis) and more.\n"
        "- Song Han, Huizi Mao [Deep Compression](https://arxiv.org/abs/1510.00149)\n"
    )
    sentence, cited = doc.entries
    assert (sentence.kind, sentence.authors) == ("other", None)
    assert (cited.kind, cited.authors) == ("paper", "Song Han, Huizi Mao")


def test_paragraphs_of_a_linked_name_and_a_dash_are_entries_only_where_three_or_more_are() -> None:
    tools = "".join(
        f"[{name}](https://github.com/o/{name.lower()}) - A {what} fuzzer for file formats and protocols.\n\n"
        for name, what in (("MiniFuzz", "basic"), ("Radamsa", "general"), ("Zzuf", "transparent"))
    )
    assert [(e.kind, e.title) for e in parse_text("## Tools\n\n" + tools).entries] == [
        ("resource", "MiniFuzz"),
        ("resource", "Radamsa"),
        ("resource", "Zzuf"),
    ]
    one = "# List\n\n[Awesome Thing](https://github.com/o/r) - A curated list of things about the topic.\n"
    assert parse_text(one).entries == ()


def test_quoted_citation_paragraphs_are_papers() -> None:
    doc = parse_text(
        "## Meta-learning\n\n"
        + "".join(
            f'{names}. "{title}." ICLR(2021). [[pdf]](https://openreview.net/forum?id={key})\n\n'
            for names, title, key in (
                ("Jialin Liu, Fei Chao, and Chih-Min Lin", "Task Level Data Augmentation for Meta-Learning", "a"),
                ("Renkun Ni and Tom Goldstein", "Data Augmentation for Meta-Learning", "b"),
                ("Xingjian Li, Haoyi Xiong, and Dejing Dou", "XMixup: Efficient Transfer Learning", "c"),
            )
        )
    )
    assert [(e.kind, e.title, e.authors, e.venue, e.year) for e in doc.entries][1] == (
        "paper",
        "Data Augmentation for Meta-Learning",
        "Renkun Ni and Tom Goldstein",
        "ICLR",
        2021,
    )
    assert len(doc.entries) == 3


def test_a_glued_venue_and_year_before_a_colon_open_a_title() -> None:
    doc = parse_text(
        "## Chinese Event Detection\n\n"
        "* ACL2018: **Nugget Proposal Networks for Chinese Event Detection**\n"
        "* CVPR 2019: [Deep High-Resolution Representation Learning](https://arxiv.org/abs/1902.09212)\n"
        "* Lessons 2019: what we learned about the topic\n"
    )
    assert [(e.title, e.venue, e.year) for e in doc.entries[:2]] == [
        ("Nugget Proposal Networks for Chinese Event Detection", "ACL", 2018),
        ("Deep High-Resolution Representation Learning", "CVPR", 2019),
    ]
    assert doc.entries[2].venue is None  # (a word the venue table does not know opens no venue)


def test_a_title_column_of_model_names_lists_papers_only_where_a_column_links_them() -> None:
    linked = parse_text(
        "| Date | Title | Paper / Code |\n| --- | --- | --- |\n"
        "| 2025-06 | **Video-XL-2** | [📄](https://arxiv.org/abs/2506.19225) |\n"
        "| 2025-05 | **CrossLMM: Dual Cross-Attention for Long Video Sequences** |"
        " [📄](https://arxiv.org/abs/2505.17020) |\n"
    )
    assert [(e.kind, e.title, e.arxiv_id) for e in linked.entries] == [
        ("paper", "Video-XL-2", "2506.19225"),
        ("paper", "CrossLMM: Dual Cross-Attention for Long Video Sequences", "2505.17020"),
    ]
    results = parse_text(
        "| Title | Top-1 | Params |\n| --- | --- | --- |\n| ResNet-50 | 76.1 | 25M |\n| VGG-16 | 71.6 | 138M |\n"
    )
    assert results.entries == ()


def test_a_name_before_its_bare_address_is_the_title_and_a_label_before_one_is_not() -> None:
    doc = parse_text(
        "- U-Net [https://arxiv.org/pdf/1505.04597.pdf] [2015]\n- arxiv: https://arxiv.org/abs/1703.06870\n"
    )
    named, labelled = doc.entries
    assert (named.title, named.authors, named.year, named.arxiv_id) == ("U-Net", None, 2015, "1505.04597")
    assert (labelled.kind, labelled.arxiv_id) == ("paper", "1703.06870")


def test_a_word_before_an_address_is_its_label_and_a_written_name_is_a_name() -> None:
    doc = parse_text(
        "- Details: https://github.com/o/r/wiki/Knowledge-based-MRC\n"
        "- **LC-QuAD**: [http://lc-quad.sda.tech/lcquad1.0.html](http://lc-quad.sda.tech/lcquad1.0.html)\n"
    )
    assert [e.nickname for e in doc.entries] == [None, "LC-QuAD"]


def test_a_link_labelled_by_a_venue_and_year_is_the_papers_link_but_not_the_events_site() -> None:
    doc = parse_text(
        "- Lightweight Probabilistic Deep Networks [[CVPR2018]](<https://github.com/ezjong/lightprobnets>)"
        " - [[PyTorch]](<https://github.com/ezjong/lightprobnets>)\n"
        "- Semi-supervised segmentation with uncertainty rectified pyramid consistency"
        " [[MICCAI2021]](https://miccai2021.org/en/) - [[PyTorch]](https://github.com/o/r)\n"
    )
    on_code, on_site = doc.entries
    assert (on_code.kind, on_code.venue, on_code.year) == ("paper", "CVPR", 2018)
    assert on_code.links[0].role == "paper"
    assert all(link.role != "paper" for link in on_site.links)
