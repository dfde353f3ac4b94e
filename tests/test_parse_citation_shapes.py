"""Venue, year and title of citation shapes: italic author lists, a citation as a link label, venue slots."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_lint.parse import parse_file, parse_text
from awesome_lint.parse.venues import is_date, read_slot, read_venue

SHAPES = Path(__file__).parent / "data" / "shape-lists"


def _italic_authors(line: str) -> str:
    """A list of numbered `**Title.**` items with the italic author list on the next line, `line` the last one."""
    known = "".join(
        f"1. **Graph Paper Number {n} on Networks.**\n*Ada Lovelace, Alan Turing.* ICLR 201{n}. "
        f"[paper](https://arxiv.org/pdf/1609.0290{n}.pdf)\n\n"
        for n in range(3)
    )
    return f"# Graphs\n\n{known}1. **Relational Inductive Biases.**\n{line} [paper](https://arxiv.org/pdf/1806.01261.pdf)\n"


@pytest.mark.parametrize(
    ("line", "venue", "year"),
    [
        ("*Battaglia, Peter W and Hamrick, Jessica B and Faulkner, Ryan and others.* 2018.", None, 2018),
        ("*Caglar Gulcehre, Misha Denil, Nando de Freitas* 2018.", None, 2018),
        (
            "*Steven Kearnes, Kevin McCloskey, Patrick Riley.* Journal of computer-aided molecular design 2016.",
            "Journal of computer-aided molecular design",
            2016,
        ),
        ("*Franco Scarselli, Marco Gori.* IEEE TNN 2009.", "TNN", 2009),
        ("*Thomas N. Kipf, Max Welling.* ICLR 2017.", "ICLR", 2017),
    ],
)
def test_the_venue_is_read_after_the_author_emphasis(line: str, venue: str | None, year: int) -> None:
    entry = parse_text(_italic_authors(line)).entries[-1]
    assert entry.title == "Relational Inductive Biases"
    assert (entry.venue, entry.year) == (venue, year)
    assert entry.authors is not None and not entry.authors.endswith(".")


def test_an_emphasised_venue_after_a_bold_title_is_still_the_venue() -> None:
    (entry,) = parse_text(
        "- **Learning Efficient Convolutional Networks** *CVPR 2019*. [[paper]](https://arxiv.org/abs/1708.06519)\n"
    ).entries
    assert (entry.venue, entry.year) == ("CVPR", 2019)


def test_a_journal_s_first_word_belongs_to_its_name() -> None:
    found = read_venue("Journal of Chemical Information and Modeling 2019")
    assert found is not None and found.venue == "Journal of Chemical Information and Modeling" and found.year == 2019
    badge = read_venue("Journal: TPAMI")
    assert badge is not None and badge.venue == "TPAMI"


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("ICLR-W", "ICLR Workshop"),
        ("NeurIPS-W", "NeurIPS Workshop"),
        ("ICML-w 2019", "ICML Workshop"),
        ("CVPRW", "CVPR Workshop"),
    ],
)
def test_a_workshop_written_with_a_w(text: str, venue: str) -> None:
    found = read_venue(text)
    assert found is not None and found.known and found.venue == venue


def test_a_whole_citation_as_the_link_label() -> None:
    doc = parse_text(
        "- [__Compiling Array Programs via Tracing__. Ada Lovelace, Alan Turing. _MLSys 2018_.]"
        "(https://mlsys.org/doc/2018/146.pdf) - White paper describing an early version.\n"
        "- [Model compression as constrained optimization. Part II: quantization](https://arxiv.org/abs/1707.04319)\n"
    )
    cited, plain = doc.entries
    assert cited.title == "Compiling Array Programs via Tracing"
    assert (cited.authors, cited.venue, cited.year) == ("Ada Lovelace, Alan Turing", "MLSys", 2018)
    assert [link.role for link in cited.links] == ["paper"]
    assert plain.title == "Model compression as constrained optimization. Part II: quantization"
    assert (plain.authors, plain.venue, plain.year) == (None, None, None)


@pytest.mark.parametrize(
    ("slot", "venue", "year"),
    [
        ("CVPR 21 Oral", "CVPR", 2021),
        ("NeurIPS 21 spotlight", "NeurIPS", 2021),
        ("ICRA 23 Best Paper", "ICRA", 2023),
        ("3DV 21", "3DV", 2021),
        ("3DIMPVT 12", "3DIMPVT", 2012),
        ("RA-L 21", "RA-L", 2021),
        ("RA-L&IROS 22", "RA-L", 2022),
        ("RAL 23", "RA-L", 2023),
        ("TIM 22", "TIM", 2022),
    ],
)
def test_venue_slot_variants(slot: str, venue: str, year: int) -> None:
    found = read_slot(slot)
    assert found is not None and (found.venue, found.year) == (venue, year)


@pytest.mark.parametrize("text", ["ResNet 50", "ICLR 21 Foo", "Deep Learning"])
def test_text_that_is_no_venue_slot(text: str) -> None:
    found = read_slot(text)
    assert found is None or found.year is None


@pytest.mark.parametrize(
    ("text", "year"),
    [("12th Oct., 2023", 2023), ("June 3, 2023", 2023), ("01 Mar 2024", 2024), ("Sept. 2021", 2021)],
)
def test_a_date_is_a_year_and_never_a_venue(text: str, year: int) -> None:
    assert is_date(text)
    for found in (read_venue(text), read_slot(text)):
        assert found is not None and (found.venue, found.year) == (None, year)


@pytest.mark.parametrize("text", ["MICCAI 2022", "Marine 2020", "2023", "Journal of Marine Science 2019"])
def test_a_month_is_a_whole_word(text: str) -> None:
    assert not is_date(text)
    found = read_venue(text)
    assert found is not None and found.venue == (None if text == "2023" else text[:-5])


def test_a_posting_date_gives_its_year_only_when_no_venue_does() -> None:
    doc = parse_text(
        "# Papers\n\n"
        "**Diffusion Models for Implicit Image Segmentation Ensembles** \\\n*Julia Wolleb, Robin Sandkühler* \\\n"
        "[1 Dec 2021] [MIDL, 2022] \\\n[[Paper](https://arxiv.org/abs/2112.03145)]\n\n"
        "**Histogram- and Diffusion-Based Medical Out-of-Distribution Detection** \\\n*Evi M.C. Huijben, Sina "
        "Amirrajab* \\\n[12th Oct., 2023]<br>\n[[Paper](https://arxiv.org/abs/2310.06420)]\n\n"
        "**AnoDODE: Anomaly Detection with Diffusion ODE** \\\n*Xianyao Hu, Congming Jin* \\\n"
        "[10th Aug., 2023] [arXiv, 2023]<br>\n[[Paper](https://arxiv.org/abs/2209.06167)]\n"
    )
    got = [(e.title, e.authors, e.venue, e.year) for e in doc.entries]
    assert got == [
        ("Diffusion Models for Implicit Image Segmentation Ensembles", "Julia Wolleb, Robin Sandkühler", "MIDL", 2022),
        (
            "Histogram- and Diffusion-Based Medical Out-of-Distribution Detection",
            "Evi M.C. Huijben, Sina Amirrajab",
            None,
            2023,
        ),
        ("AnoDODE: Anomaly Detection with Diffusion ODE", "Xianyao Hu, Congming Jin", "arXiv", 2023),
    ]


def test_the_item_s_year_in_its_slot_beats_the_heading_s() -> None:
    doc = parse_text(
        "# Odometry\n\n## 2021\n"
        "- **[CVPR 21 Oral]** Deep LiDAR Odometry in Point Clouds [[2012.00972]](https://arxiv.org/abs/2012.00972)\n"
        "- **[3DV 20]** Registering Unbalanced Point Pairs [[2207.04221]](https://arxiv.org/abs/2207.04221)\n"
        "- **[[TIM 22](https://ieeexplore.ieee.org/document/1)]** Residual Point Flow [[2109.04685]](https://arxiv.org/abs/2109.04685)\n"
        "- **[[RAL 23](https://ieeexplore.ieee.org/document/2)]** Estimation and Propagation of Scene Flow\n"
    )
    got = [(e.title, e.nickname, e.venue, e.year) for e in doc.entries]
    assert got == [
        ("Deep LiDAR Odometry in Point Clouds", None, "CVPR", 2021),
        ("Registering Unbalanced Point Pairs", None, "3DV", 2020),
        ("Residual Point Flow", None, "TIM", 2022),
        ("Estimation and Propagation of Scene Flow", None, "RA-L", 2023),
    ]


def test_a_list_of_names_cut_in_two_gives_no_authors() -> None:
    block = (
        "**{title}** \\\n*Walter H. L. Pinaya, Mark S. Graham, Julia Wolleb, Pedro F. da Costa, Ashay Patel, Can Zhao, "
        "Wei Peng, M. Jorge Cardoso* \\\n[27th Jul., 2023] [arXiv, 2023] \\\n[[Paper](https://arxiv.org/abs/2307.15208)]"
    )
    titles = ["Generative AI for Medical Imaging", "Brain Imaging Generation", "Denoising Diffusion Medical Models"]
    doc = parse_text("# Papers\n\n" + "\n\n".join(block.format(title=t) for t in titles) + "\n")
    assert [(e.title, e.authors, e.venue, e.year) for e in doc.entries] == [(t, None, "arXiv", 2023) for t in titles]


def test_an_author_line_with_one_labelled_field_is_no_entry() -> None:
    doc = parse_file(SHAPES / "paper-field-sublists.md")
    lines = {e.span.line: e for e in doc.entries}
    assert not set(lines) & {44, 45, 46, 51, 52, 57}  # the sub-items of the papers at lines 43, 50 and 56
    assert (lines[43].authors, lines[43].venue, lines[43].year) == ("Wenhao Li", "ICLR", 2024)
    assert lines[50].authors is not None and lines[50].authors.endswith("Weinan Zhang")


def test_linked_title_paragraphs_are_entries_and_prose_is_not() -> None:
    doc = parse_file(SHAPES / "linked-title-paragraphs.md")
    assert [e.span.line for e in doc.entries] == [7, 9, 11, 13, 17, 20, 22, 24]


def test_two_linked_title_paragraphs_are_no_list() -> None:
    text = "# A\n\n[A Great Paper on Things](https://x.org/1), ICML 2020\n\n[Another Paper on Stuff](https://x.org/2)\n"
    assert parse_text(text).entries == ()


def test_a_name_after_in_with_a_year_is_the_venue() -> None:
    doc = parse_text(
        "# Surveys\n\n"
        "* Deep learning for time series anomaly detection: A survey, in *CSUR* 2024. "
        "[\\[Paper\\]](https://dl.acm.org/doi/pdf/10.1145/3691338)\n"
        "* Espresso: Entropy and shape aware time-series segmentation, in *IMWUT* 2020. "
        "[\\[Paper\\]](https://dl.acm.org/doi/pdf/10.1145/3411832)\n"
    )
    assert [(e.title, e.venue, e.year) for e in doc.entries] == [
        ("Deep learning for time series anomaly detection: A survey", "CSUR", 2024),
        ("Espresso: Entropy and shape aware time-series segmentation", "IMWUT", 2020),
    ]


def test_html_headings_are_sections() -> None:
    doc = parse_file(SHAPES / "html-headings.md")
    levels = [(s.heading, s.level) for s in doc.iter_sections()][1:]
    assert levels == [
        ("📚 Introduction and Tutorials", 2),
        ("Workshops and Tutorials", 3),
        ("📝 Time-series Papers", 2),
        ("⚙️ Anomaly Detection", 3),
        ("Benchmark and Survey", 4),
        ("Related Paper", 4),
    ]  # (the `<h1>` inside a comment is none)
    assert [e.section[1:] for e in doc.entries if e.span.line == 18] == [
        ("📝 Time-series Papers", "⚙️ Anomaly Detection", "Benchmark and Survey")
    ]


def test_a_venue_and_year_that_end_a_link_label_are_fields() -> None:
    doc = parse_text(
        "# Quantum machine learning\n\n"
        "- [Quantum Machine Learning (Nature 2017)](https://www.nature.com/articles/nature23474) - A survey.\n"
        "- [Quantum Walks on Graphs (Quantum Information Processing 2019)](https://example.org/qw) - A survey.\n"
        "- [Attention Is All You Need (NeurIPS 2017)](https://arxiv.org/abs/1706.03762)\n"
        "- [USDRL AAAI'2025](https://ojs.aaai.org/index.php/AAAI/article/view/32899)\n"
        "- [Model Foo'20](https://example.org/foo)\n"
    )
    assert [(e.title, e.venue, e.year) for e in doc.entries] == [
        ("Quantum Machine Learning", "Nature", 2017),
        ("Quantum Walks on Graphs", None, 2019),  # (a name the table does not know gives only the year)
        ("Attention Is All You Need", "NeurIPS", 2017),
        ("USDRL", "AAAI", 2025),
        ("Model Foo'20", None, None),
    ]


def test_an_e_mail_link_is_no_paper() -> None:
    doc = parse_text(
        "# A\n\n- [e-mail](mailto:someone@example.com)\n- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n"
    )
    mail, paper = doc.entries
    assert (mail.kind, [link.role for link in mail.links if link.role == "paper"]) == ("other", [])
    assert paper.kind == "paper"


def test_a_result_table_named_by_its_method_column_lists_no_papers() -> None:
    doc = parse_file(SHAPES / "label-venue-slots.md")
    assert [e.span.line for e in doc.entries] == [7, 8, 9, 20, 21]  # (no entry for the rows at lines 15 and 16)


def test_a_page_of_the_list_s_own_repository_is_no_paper() -> None:
    doc = parse_text(
        "# Safety\n\n## Security\n"
        "- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n"
        "- [Deep Residual Learning for Image Recognition](https://arxiv.org/abs/1512.03385)\n\n"
        "👉[Latest&Comprehensive Security Paper](.//subtopic/Security&Discussion.md)\n\n"
        "- [Latest Privacy Papers](./subtopic/Privacy.md)\n"
    )
    assert [(e.title, e.kind) for e in doc.entries] == [
        ("Attention Is All You Need", "paper"),
        ("Deep Residual Learning for Image Recognition", "paper"),
        ("Latest Privacy Papers", "other"),
    ]


@pytest.mark.parametrize(
    ("name", "line", "nickname"),
    [
        ("dated-venue-tags.md", 19, "Vibe Checker"),
        ("dated-venue-tags.md", 21, "CrossCodeLongEval"),
        ("dated-venue-tags.md", 5, None),
        ("nick-link-citations.md", 5, "RMD"),
        ("nick-link-citations.md", 9, None),
        ("abbreviation-tables.md", 7, "GeoKR"),
        ("abbreviation-tables.md", 8, None),
    ],
)
def test_nicknames_before_a_title_or_in_their_own_column(name: str, line: int, nickname: str | None) -> None:
    doc = parse_file(SHAPES / name)
    entry = next(e for e in doc.entries if e.span.line == line)
    assert entry.nickname == nickname


@pytest.mark.parametrize(
    ("text", "venue", "year"),
    [
        ("2025-07-arXiv", "arXiv", 2025),
        ("2024-11", None, 2024),
        ("ICLR-2025 Oral", "ICLR", 2025),
        ("CVPR17", "CVPR", 2017),
        ("TGRS2021", "TGRS", 2021),
        ("2020-21", None, None),
    ],
)
def test_dated_and_glued_venue_slots(text: str, venue: str | None, year: int | None) -> None:
    found = read_slot(text)
    assert (found.venue if found else None, found.year if found else None) == (venue, year)


@pytest.mark.parametrize(
    ("tail", "authors", "venue", "year"),
    [
        ("(Pan et al., ICLR 2023)", "Pan et al", "ICLR", 2023),
        ("(Ningxin Su et al., INFOCOM, 2022)", "Ningxin Su et al", "INFOCOM", 2022),
        ("(Fei Wang et al., IEEE Network 2023)", "Fei Wang et al", None, 2023),
        ("(Ada Park and Bo Lin, ICML 2024)", "Ada Park and Bo Lin", "ICML", 2024),
        ("(with notes on the method, 2024)", None, None, None),
        ("(Stanford, Berkeley, ICML 2020)", None, None, None),
        ("(G. Hinton, ICML 2020)", "G. Hinton", "ICML", 2020),
        ("(RSS 2023)", None, "RSS", 2023),
        ("(Knowledge-Based Systems 2024)", None, "Knowledge-Based Systems", 2024),
        ("(Ocean Engineering 2024)", None, None, 2024),
        (", Rebain et al. Arxiv 2020 |", "Rebain et al", "arXiv", 2020),
        (", Du et al., Arxiv 2020 |", "Du et al", "arXiv", 2020),
        (", Niemeyer & Geiger, Arxiv 2021 |", "Niemeyer & Geiger", "arXiv", 2021),
        (", Vision and Language, Arxiv 2021 |", None, "arXiv", 2021),
        (" by Daan Bloembergen. AAMAS, 2014.", "Daan Bloembergen", "AAMAS", 2014),
        (" by Graph Networks. Blog, 2016.", None, None, 2016),
    ],
)
def test_names_and_venue_after_a_linked_title(
    tail: str, authors: str | None, venue: str | None, year: int | None
) -> None:
    entry = parse_text(
        f"# Papers\n\n- [A Federated Title of Several Words](https://example.org/p.pdf){tail}\n"
    ).entries[0]
    assert (entry.title, entry.authors, entry.venue, entry.year) == (
        "A Federated Title of Several Words",
        authors,
        venue,
        year,
    )


def test_a_template_row_and_an_emoji_label_are_no_paper() -> None:
    doc = parse_text(
        "# Papers\n\n+ []() ( et al., Journal 2023) [:book:](./citations/.txt)\n"
        "+ [Ha-NeRF:laughing:: Hallucinated Neural Radiance Fields](https://example.org/h), Chen et al., Arxiv 2021\n"
    )
    assert [(e.kind, e.title) for e in doc.entries] == [
        ("other", "( et al"),
        ("paper", "Ha-NeRF: Hallucinated Neural Radiance Fields"),
    ]


@pytest.mark.parametrize(
    ("names", "read"),
    [
        ("JD. Gutiérrez et al.", True),
        ("DL. Ferreira and R. Arnaout", True),
        ("CC Park et al", True),
        ("Taylor Shin, Robert L. Logan IV, Eric Wallace", True),
        ("Star Wars Episode IV", False),
        ("CNN. Deep Learning", False),
        ("GAN Training", False),
    ],
)
def test_initials_written_together_before_a_surname(names: str, read: bool) -> None:
    from awesome_lint.parse.shapes import looks_like_authors

    assert looks_like_authors(names) is read


def test_year_and_venue_label_bullets_give_the_items_below_them_their_fields() -> None:
    doc = parse_text(
        "# Video\n\n## Video Generation\n"
        "- <span id='y'>**Year 2024**</span>\n"
        "  - **CVPR**\n"
        "    - ***Vlogger:*** Make Your Dream A Vlog [[Paper]](https://arxiv.org/pdf/2401.09414.pdf)\n"
        "    - A Second Paper of the Year with Its Own Venue, ICLR 2023 [[Paper]](https://arxiv.org/pdf/2401.09415.pdf)\n"
        "  - **Others**\n"
        "    - Video Diffusion Models [[Paper]](https://arxiv.org/pdf/2204.03458.pdf) [[Project]](https://v.io/)\n"
    )
    got = [(e.kind, e.title, e.venue, e.year) for e in doc.entries]
    assert got == [
        ("other", "Year 2024", None, None),
        ("paper", "Make Your Dream A Vlog", "CVPR", 2024),
        ("paper", "A Second Paper of the Year with Its Own Venue", "ICLR", 2023),
        ("other", "Others", None, None),
        ("paper", "Video Diffusion Models", None, 2024),
    ]


def test_a_bold_title_with_field_sub_items_is_no_label() -> None:
    doc = parse_text(
        "# Papers\n\n- **A Bold Title of a Paper on Graphs**\n  - Ada Lovelace, Alan Turing\n"
        "  - [[Paper]](https://arxiv.org/abs/2101.00001)\n"
    )
    assert doc.entries[0].kind == "paper" and doc.entries[0].title == "A Bold Title of a Paper on Graphs"


@pytest.mark.parametrize(
    ("text", "venue", "year", "note"),
    [
        ("EMNLP 2019 Googel Sun haitian", "EMNLP", 2019, "Googel Sun haitian"),
        ("AAAI2020 东南大学陈永锐", "AAAI", 2020, "东南大学陈永锐"),
        ("NeurIPS 2023 Workshop on Efficient NLP", "NeurIPS Workshop", 2023, None),
        ("arXiv21.04", "arXiv", 2021, None),
        ("arXiv 2024.05", "arXiv", 2024, None),
        ("Some Title 2020 with more words", "Some Title with more words", 2020, None),
    ],
)
def test_a_known_venue_and_year_before_other_words(text: str, venue: str, year: int, note: str | None) -> None:
    found = read_venue(text)
    assert found is not None and (found.venue, found.year, found.note) == (venue, year, note)


@pytest.mark.parametrize(
    ("heading", "resources"),
    [
        ("Video Generation", False),
        ("Tool Learning", False),
        ("Link Prediction", False),
        ("Videos", True),
        ("Products", True),
    ],
)
def test_a_research_task_heading_is_no_resources_heading(heading: str, resources: bool) -> None:
    entry = parse_text(
        f"# List\n\n## {heading}\n\n- Video Diffusion Models [[Paper]](https://arxiv.org/pdf/2204.03458.pdf) "
        "[[Project]](https://v.io/)\n"
    ).entries[0]
    assert entry.kind == ("resource" if resources else "paper")


def test_a_title_that_names_its_venue_after_a_preposition_keeps_it() -> None:
    entry = parse_text(
        "# MT\n\n### IWSLT 2021\n\n- The Volctrans Neural Speech Translation System for IWSLT 2021. "
        "[[PDF](https://aclanthology.org/2021.iwslt-1.6)]\n"
    ).entries[0]
    assert (entry.title, entry.venue, entry.year) == (
        "The Volctrans Neural Speech Translation System for IWSLT 2021",
        "IWSLT",
        2021,
    )


def test_a_badge_that_names_no_paper_gives_no_arxiv_id_and_a_stargazers_page_is_no_code() -> None:
    entry = parse_text(
        "# SQL\n\n- (2023-SIGMOD, CCF-A) Few-shot Text-to-SQL Translation using Structure and Content Prompt Learning\n"
        "[[paper](http://iir.ruc.edu.cn/~fanj/papers/sigmod2023-scprompt.pdf)]\n"
        "[![](https://img.shields.io/badge/CoSQL-yellow)](https://arxiv.org/pdf/1909.05378.pdf)\n"
        "[![Stars](https://img.shields.io/github/stars/o/r)](https://github.com/o/r/stargazers)\n"
    ).entries[0]
    assert entry.arxiv_id is None
    assert [link.role for link in entry.links if "github" in link.url] == ["other"]


def test_a_dated_sentence_sub_item_is_a_note_of_the_item_above() -> None:
    doc = parse_text(
        "# Models\n\n- ChatGLM [[paper](https://arxiv.org/pdf/2103.10360.pdf)]\n"
        "  - 2023/03, Tsinghua University proposes the open bilingual language model ChatGLM, based on "
        "[General Language Model](https://github.com/THUDM/GLM) framework.\n"
        "- Baichuan [[code](https://github.com/b/b)]\n  - 2023/06, Baichuan\n"
    )
    chat, baichuan, *rest = doc.entries
    assert chat.notes[0].startswith("2023/03, Tsinghua University proposes") and len(chat.links) == 1
    assert baichuan.title == "Baichuan" and len(rest) == 1  # (a date and one word: no description)


@pytest.mark.parametrize("tail", [" - ., ICML 2016.", " - , ICML 2016.", " (, ICML 2016)", " by . ICML, 2016."])
def test_a_citation_tail_without_names_gives_no_authors(tail: str) -> None:
    entry = parse_text(f"# Papers\n\n- [A Title of Several Words](https://example.org/p.pdf){tail}\n").entries[0]
    assert (entry.title, entry.authors) == ("A Title of Several Words", None)


def test_a_bold_nickname_after_a_venue_slot() -> None:
    entry = parse_text(
        "# Datasets\n\n- [NeurIPS 2019] ***TaiChi-HD:*** First Order Motion Model for Image Animation "
        "[[Paper]](https://papers.nips.cc/paper/8935.pdf) [[Dataset]](https://github.com/a/first-order-model)\n"
    ).entries[0]
    assert (entry.nickname, entry.title, entry.venue, entry.year) == (
        "TaiChi-HD",
        "First Order Motion Model for Image Animation",
        "NeurIPS",
        2019,
    )


def test_numbered_bold_titles_with_a_colon_under_a_label_bullet_are_papers() -> None:
    doc = parse_text(
        "# Hallucination\n\n- **Related Survey Papers**\n\n"
        "  1. **Survey of Hallucination in Natural Language Generation** `ACL 2023`\n\n"
        "     *Ziwei Ji, Nayeon Lee* [[paper]](https://arxiv.org/abs/2202.03629) 2022.02\n\n"
        "  2. **Trustworthy LLMs: a Survey and Guideline** `arXiv 2023`\n\n"
        "     *Yang Liu, Yuanshun Yao* [[paper]](https://arxiv.org/abs/2308.05374) 2023.08\n\n"
        "  3. **Cognitive Mirage: A Review of Hallucinations** `arXiv 2023`\n"
        "     *Hongbin Ye, Tong Liu* [[paper]](https://arxiv.org/abs/2309.06794) 2023.09\n"
    )
    got = [(e.kind, e.title, e.authors, e.venue, e.year) for e in doc.entries]
    assert got == [
        ("other", "Related Survey Papers", None, None, None),
        ("paper", "Survey of Hallucination in Natural Language Generation", "Ziwei Ji, Nayeon Lee", "ACL", 2023),
        ("paper", "Trustworthy LLMs: a Survey and Guideline", "Yang Liu, Yuanshun Yao", "arXiv", 2023),
        ("paper", "Cognitive Mirage: A Review of Hallucinations", "Hongbin Ye, Tong Liu", "arXiv", 2023),
    ]


def test_paragraphs_of_one_link_under_a_category_bullet_are_papers() -> None:
    doc = parse_text(
        "# RAG\n\n### RAG for Code\n  - Query-based RAG\n\n"
        "    [REALM: Retrieval-Augmented Language Model Pre-Training](https://arxiv.org/abs/2002.08909)\n\n"
        "    [KILT: a Benchmark for Knowledge Intensive Language Tasks](https://arxiv.org/abs/2009.02252)\n\n"
        "  - A bullet with one linked paragraph\n\n    [Only One Link Here](https://example.org/one)\n"
    )
    got = [(e.kind, e.title, e.arxiv_id, e.span.line) for e in doc.entries]
    assert got[:3] == [
        ("other", "Query-based RAG", None, 4),
        ("paper", "REALM: Retrieval-Augmented Language Model Pre-Training", "2002.08909", 6),
        ("paper", "KILT: a Benchmark for Knowledge Intensive Language Tasks", "2009.02252", 8),
    ]
    assert len(got) == 4 and got[3][3] == 10  # (one link paragraph: the bullet and its link stay one item)
