"""Link rules AL301-AL308: insecure links, arXiv style/version/ids, repeated and shared URLs, bad URLs."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import LISTS, SEED_LISTS
from rulecheck import MERGED_SAMPLE, check, findings, fixed, fixed_twice

from awesome_lint.errors import UserError
from awesome_lint.fix import apply_fixes
from awesome_lint.parse import parse_bytes
from awesome_lint.rules import RULES, Context, configure

LINKS = ("AL301", "AL302", "AL303", "AL304", "AL305", "AL306", "AL307", "AL308")


# ------------------------------------------------------------------------------------ AL301 insecure-link


def test_insecure_link_reports_http_on_https_hosts_and_fixes_the_scheme_only() -> None:
    md = "- [A](http://arxiv.org/abs/1804.06202) [[code]](http://foo.github.io/x)\n- [B](http://example.org/x)\n"
    issues = check(md, "insecure-link")
    assert [(i.span.line, i.span.column) for i in issues] == [(1, 3), (1, 40)]
    assert issues[0].message == "`http://arxiv.org` link; arxiv.org serves https, so write `https://`"
    assert fixed_twice(md, "insecure-link") == (
        "- [A](https://arxiv.org/abs/1804.06202) [[code]](https://foo.github.io/x)\n- [B](http://example.org/x)\n"
    )


def test_insecure_link_passes_https_and_unlisted_hosts() -> None:
    assert (
        check("- [A](https://papers.nips.cc/paper/1.pdf)\n- [B](http://www.ttic.edu/dl/dark14.pdf)\n", "insecure-link")
        == []
    )


def test_insecure_link_https_hosts_option() -> None:
    md = "- [A](http://www.ttic.edu/x.pdf)\n- [B](http://arxiv.org/abs/1804.06202)\n"
    issues = check(md, "insecure-link", **{"https-hosts": ["*.ttic.edu"]})
    assert [i.span.line for i in issues] == [1]


# ------------------------------------------------------------------------------------ AL302 arxiv-link-style


def test_arxiv_link_style_rewrites_pdf_links_to_abs_keeping_scheme_and_version() -> None:
    md = "- [A](https://arxiv.org/pdf/1710.09282.pdf)\n- [B](http://arxiv.org/pdf/1606.05316v2.pdf)\n- [C](https://arxiv.org/abs/1810.05270)\n"
    issues = check(md, "arxiv-link-style")
    assert [i.span.line for i in issues] == [1, 2]
    assert issues[0].message == (
        "`https://arxiv.org/pdf/1710.09282.pdf` links the arXiv PDF, but arXiv asks for links to the abstract page; "
        "use `https://arxiv.org/abs/1710.09282`"
    )
    # The message names arXiv's own link for the latest version; the fix leaves the scheme and the pin to
    # insecure-link and arxiv-version.
    assert issues[1].message.endswith(
        "use `https://arxiv.org/abs/1606.05316` (the fix keeps the pinned `v2`: see arxiv-version)"
    )
    assert [i.suggestion.text for i in issues if i.suggestion] == [
        "https://arxiv.org/abs/1710.09282",
        "https://arxiv.org/abs/1606.05316",
    ]
    assert fixed_twice(md, "arxiv-link-style") == (
        "- [A](https://arxiv.org/abs/1710.09282)\n- [B](http://arxiv.org/abs/1606.05316v2)\n"
        "- [C](https://arxiv.org/abs/1810.05270)\n"
    )


def test_arxiv_link_style_defaults_to_abs_and_keeps_pdf_and_auto() -> None:
    md = "- [A](https://arxiv.org/pdf/1412.5474)\n- [B](https://arxiv.org/pdf/1412.6553.pdf)\n- [C](https://arxiv.org/abs/1507.06149)\n"
    assert [i.span.line for i in check(md, "arxiv-link-style")] == [1, 2]
    assert [i.span.line for i in check(md, "arxiv-link-style", style="abs")] == [1, 2]
    pdf = check(md, "arxiv-link-style", style="pdf")
    assert [i.span.line for i in pdf] == [3]  # `/pdf/ID.pdf` is a PDF link too
    assert pdf[0].message == (
        "`https://arxiv.org/abs/1507.06149` links the arXiv abstract page, but this list links arXiv PDFs; "
        "use `https://arxiv.org/pdf/1507.06149`"
    )
    auto = check(md, "arxiv-link-style", style="auto")
    assert [i.span.line for i in auto] == [3]
    assert "most of this list's arXiv links (2 of 3) use /pdf/" in auto[0].message
    assert fixed_twice(md, "arxiv-link-style", style="auto").endswith("- [C](https://arxiv.org/pdf/1507.06149)\n")
    tie = "- [A](https://arxiv.org/pdf/1412.5474)\n- [C](https://arxiv.org/abs/1507.06149)\n"
    assert [i.span.line for i in check(tie, "arxiv-link-style", style="auto")] == [1]


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("https://arxiv.org/abs/1706.02677.pdf", "has `.pdf` after an abstract-page id"),
        ("https://www.arxiv.org/abs/1706.02677", "goes through `www.arxiv.org`"),
        ("https://export.arxiv.org/abs/1706.02677", "goes through `export.arxiv.org`"),
        ("https://arXiv.org/Abs/1706.02677", "is not in lower case"),
        ("https://arxiv.org/abs/1706.02677/", "ends in a stray `/`"),
        ("https://arxiv.org/abs/1706.02677#", "ends in a stray `#`"),
        ("arxiv.org/abs/1706.02677", "has no `https:`"),
        ("//arxiv.org/abs/1706.02677", "has no `https:`"),
    ],
)
def test_arxiv_link_style_writes_tolerated_spellings_in_arxivs_own_form(url: str, says: str) -> None:
    md = f"- [Accurate, Large Minibatch SGD]({url})\n"
    (issue,) = check(md, "arxiv-link-style")
    assert issue.message == f"`{url}` {says}; use `https://arxiv.org/abs/1706.02677`"
    assert (
        fixed_twice(md, "arxiv-link-style") == "- [Accurate, Large Minibatch SGD](https://arxiv.org/abs/1706.02677)\n"
    )


def test_arxiv_link_style_passes_arxivs_own_form_with_a_query_fragment_or_version() -> None:
    md = (
        "- [A](https://arxiv.org/abs/1806.10282?context=cs.LG)\n- [B](https://arxiv.org/abs/1809.01330v1)\n"
        "- [C](https://arxiv.org/pdf/1404.0736#page=3)\n- [D](http://arxiv.org/abs/1404.0736)\n"
    )
    assert [i.span.line for i in check(md, "arxiv-link-style")] == [3]
    assert check(md, "arxiv-link-style", style="pdf")[0].message.endswith(
        "use `https://arxiv.org/pdf/1806.10282?context=cs.LG`"
    )


def test_arxiv_link_style_ignores_code_links_and_rejects_unknown_styles() -> None:
    assert (
        check("- Title [[paper]](https://x.org/p) [[code]](https://arxiv.org/pdf/1412.5474)\n", "arxiv-link-style")
        == []
    )
    with pytest.raises(UserError, match="style must be"):
        check("- [A](https://arxiv.org/pdf/1412.5474)\n", "arxiv-link-style", style="html")


# ------------------------------------------------------------------------------------ AL303 arxiv-version


def test_arxiv_version_reports_pinned_links_with_an_unsafe_fix() -> None:
    md = "- [ChannelNets](https://arxiv.org/abs/1809.01330v1)\n"
    (issue,) = check(md, "arxiv-version")
    assert issue.message == "`1809.01330v1` links to version 1 only; drop `v1` to link the latest version"
    assert issue.fix is not None and not issue.fix.safe
    assert fixed(md, "arxiv-version") == md  # never applied by --fix
    unsafe = apply_fixes(md.encode(), [type(issue.fix)(issue.fix.edits, issue.fix.description)]).data.decode()
    assert unsafe == "- [ChannelNets](https://arxiv.org/abs/1809.01330)\n"


def test_arxiv_version_passes_unversioned_links() -> None:
    assert (
        check("- [A](https://arxiv.org/abs/1809.01330)\n- [B](https://arxiv.org/pdf/1703.09746.pdf)\n", "arxiv-version")
        == []
    )


# ------------------------------------------------------------------------------------ AL304 malformed-arxiv-id


def test_malformed_arxiv_id_in_link_and_citation_is_fixed_in_place() -> None:
    md = "- E. Denton .[Exploiting Linear Structure](https://arxiv.org/pdf/1404.00736) .[J] arXiv:1404.00736\n"
    issues = check(md, "malformed-arxiv-id")
    assert [(i.span.line, i.span.column) for i in issues] == [(1, md.index("[E") + 1), (1, md.rindex("1404") + 1)]
    assert [issues[1].span.end_column - issues[1].span.column] == [len("1404.00736")]
    assert (
        issues[1].message == "arXiv id `1404.00736` has one digit too many (ids before 2015 have 4); write `1404.0736`"
    )
    assert fixed_twice(md, "malformed-arxiv-id") == md.replace("1404.00736", "1404.0736")


def test_malformed_arxiv_id_reports_impossible_ids_without_a_fix() -> None:
    md = "- [A](https://arxiv.org/abs/1713.01234)\n- [B](https://arxiv.org/abs/1711.1234) arXiv:1605.0640\n"
    issues = check(md, "malformed-arxiv-id")
    assert [(i.span.line, i.fix) for i in issues] == [(1, None), (2, None), (2, None)]
    assert (
        issues[0].message == "arXiv id `1713.01234` cannot exist (bad month or digit count); check the paper's real id"
    )


def test_malformed_arxiv_id_passes_valid_ids() -> None:
    md = "- [A](https://arxiv.org/abs/1404.0736v2) arXiv:1404.0736\n- [B](https://arxiv.org/abs/cs/0112017)\n"
    assert check(md, "malformed-arxiv-id") == []


# ------------------------------------------------------------------------------------ AL305 arxiv-id-mismatch


def test_arxiv_id_mismatch_reports_link_and_citation_that_disagree() -> None:
    md = (
        "- [Learning Sparse Neural Networks](https://arxiv.org/abs/1712.01312) .[J] arXiv preprint arXiv:1711.01312\n"
        "- Gysel. [Ristretto](https://arxiv.org/pdf/1604.03168.pdf) arXiv preprint arXiv:1605.06402 (2016).\n"
    )
    issues = check(md, "arxiv-id-mismatch")
    assert [i.span.line for i in issues] == [1, 2]
    assert issues[0].message == (
        "link points at arXiv:1712.01312 but the citation says arXiv:1711.01312; fix whichever is wrong"
    )
    assert all(i.fix is None for i in issues)


def test_arxiv_id_mismatch_compares_normalised_ids() -> None:
    md = (
        "- [A](https://arxiv.org/pdf/1404.00736) arXiv:1404.0736\n"
        "- [B](https://arxiv.org/abs/1712.01312v2) arXiv:1712.01312\n"
        "- [C](https://x.org/p) arXiv:1711.01312\n"
    )
    assert check(md, "arxiv-id-mismatch") == []


# ------------------------------------------------------------------------------------ AL306 duplicate-url


def test_duplicate_url_reports_the_second_link_by_canonical_url() -> None:
    md = "- [A](https://arxiv.org/abs/1707.01083) [[code]](https://github.com/a/b) [[code2]](http://github.com/A/b/)\n"
    (issue,) = check(md, "duplicate-url")
    assert issue.span.column == md.index("[[code2]]") + 1
    assert issue.message == (
        "`http://github.com/A/b/` is already linked as [[code]] in this entry; remove the repeat or link what was meant"
    )


def test_duplicate_url_passes_distinct_links_and_other_entries() -> None:
    md = "- [A](https://arxiv.org/abs/1707.01083) [[code]](https://github.com/a/b)\n- [B](https://github.com/a/b)\n"
    assert check(md, "duplicate-url") == []


# ------------------------------------------------------------------------------------ AL307 shared-url

BINARYCONNECT = "http://papers.nips.cc/paper/5647-binaryconnect-training-deep-neural-networks.pdf"


def test_shared_url_reports_the_entry_whose_title_differs_from_the_majority() -> None:
    md = (
        f"- M. Courbariaux. [Binaryconnect: Training deep neural networks with binary weights]({BINARYCONNECT}).\n"
        f"- Y. Wang. [Deepburning: automatic generation of fpga-based learning accelerators]({BINARYCONNECT}). DAC.\n"
        f"- Courbariaux. [Binaryconnect: Training deep neural networks with binary weights.]({BINARYCONNECT}) NIPS.\n"
    )
    (issue,) = check(md, "shared-url")
    assert issue.span.line == 2
    assert issue.message == (
        "this URL is also cited for 'Binaryconnect: Training deep neural networks with binary we…' (line 1); "
        "check the link"
    )


def test_shared_url_breaks_a_tie_with_the_words_of_the_url() -> None:
    md = (
        f"- [Deepburning: automatic generation of fpga-based learning accelerators]({BINARYCONNECT})\n"
        f"- [Binaryconnect: Training deep neural networks]({BINARYCONNECT.replace('http:', 'https:')})\n"
    )
    assert [i.span.line for i in check(md, "shared-url")] == [1]


def test_shared_url_compares_no_title_that_names_no_paper() -> None:
    md = "".join(f"- [[{name}]({BINARYCONNECT})] Binaryconnect: Training deep networks\n" for name in ("paper", "NIPS"))
    md += f"- [CVPR]({BINARYCONNECT})\n- [paper]({BINARYCONNECT})\n"
    assert check(md, "shared-url") == []


def test_shared_url_passes_duplicates_of_one_paper_and_respects_the_threshold() -> None:
    md = (
        "- [Coordinating Filters for Faster Deep Neural Networks](https://arxiv.org/pdf/1703.09746)\n"
        "- [Coordinating filters for faster deep neural networks.](https://arxiv.org/abs/1703.09746v3)\n"
        "- [Deep Compression](https://arxiv.org/abs/1510.00149)\n- [Deep Compression Extended](https://x.org/p)\n"
    )
    assert check(md, "shared-url") == []
    pair = "- [Pruning Filters](https://x.org/p)\n- [Pruning Channels Quickly](https://x.org/p)\n"
    assert check(pair, "shared-url") == []
    assert [i.span.line for i in check(pair, "shared-url", **{"min-title-similarity": 90})] == [2]


# ------------------------------------------------------------------------------------ AL308 bad-url


def test_bad_url_reports_broken_targets() -> None:
    md = (
        "- [A](https:///x)\n- [B](http:/x)\n- [C](javascript:alert(1))\n- [D](www.x.org/p)\n"
        "- [E](<http://a.org/x y>)\n- [F](C:/papers/f.pdf)\n"
    )
    messages = [(i.span.line, i.message) for i in check(md, "bad-url")]
    assert messages == [
        (1, "link target `https:///x` has no host; write `https://host/path`"),
        (2, "link target `http:/x` has no host; write `http://host/path`"),
        (3, "link target `javascript:alert(1)` uses the `javascript:` scheme; link an http(s) URL instead"),
        (4, "link target `www.x.org/p` has no scheme, so it is a relative link; write `https://www.x.org/p`"),
        (5, "link target `http://a.org/x y` contains whitespace; remove it or encode it as %20"),
        (6, "link target `C:/papers/f.pdf` is a local file path; link a web URL instead"),
    ]


def test_bad_url_reports_link_syntax_that_did_not_become_a_link() -> None:
    md = (
        "- Han. [Deep Compression](https://arxiv.org/abs/1510.00149 v2). ICLR 2016.\n"
        "- [Fast](http://a.org/b(c) NIPS\n- [Slow](https://a.org/x NIPS 2016\n"
    )
    issues = check(md, "bad-url")
    lines = md.splitlines()
    assert [(i.span.line, i.span.column, i.span.end_column) for i in issues] == [
        (1, lines[0].index("[") + 1, lines[0].index(" v2)") + 5),  # through the `)`
        (2, 3, lines[1].index(" NIPS") + 1),
        (3, 3, lines[2].index(" NIPS") + 1),  # the target's first word
    ]
    assert issues[0].message == (
        "`[Deep Compression](https://arxiv.org/abs/1510.00149 v2)` is not a link: its target contains whitespace; "
        "remove it or encode it as %20"
    )
    assert "unbalanced parentheses" in issues[1].message
    assert "no closing `)`" in issues[2].message


def test_bad_url_passes_good_urls_anchors_relative_links_and_bracketed_notes() -> None:
    md = (
        "- [A](https://en.wikipedia.org/wiki/A_(b)) [[code]](ftp://x.org/a) [mail](mailto:a@b.org)\n"
        "- [B](#pruning) [C](docs/c.md) [D]()\n- Author. [E](https://x.org/e) .[C](Proceedings of the IEEE)\n"
    )
    assert check(md, "bad-url") == []


# ------------------------------------------------------------------------------------ all link rules


CRLF_CASES = [
    ("insecure-link", "- [A](http://arxiv.org/abs/1804.06202)", "- [A](https://arxiv.org/abs/1804.06202)"),
    ("arxiv-link-style", "- [A](https://arxiv.org/pdf/1710.09282.pdf)", "- [A](https://arxiv.org/abs/1710.09282)"),
    ("malformed-arxiv-id", "- [A](https://arxiv.org/abs/1404.00736)", "- [A](https://arxiv.org/abs/1404.0736)"),
]


@pytest.mark.parametrize(("rule_name", "bad", "good"), CRLF_CASES, ids=[c[0] for c in CRLF_CASES])
def test_fixes_in_a_crlf_file_with_bom_change_only_their_own_bytes(rule_name: str, bad: str, good: str) -> None:
    head = "\ufeff# Lïst – ünïcode\r\n\r\n- [Prior](https://arxiv.org/abs/1511.06530) Ünïcode ☃\r\n"
    tail = "\r\n- [After](https://arxiv.org/abs/1608.08710)  \r\n"
    data = (head + bad + tail).encode("utf-8")
    assert fixed(data, rule_name).encode("utf-8") == (head + good + tail).encode("utf-8")


def test_all_link_fixes_together_apply_in_one_pass_without_overlaps() -> None:
    md = "- [A](http://arxiv.org/pdf/1404.00736v2.pdf) arXiv:1404.00736\n"
    data = md.encode()
    ctx = Context(parse_bytes(data, "t.md"), configure({"arxiv-link-style": {"style": "abs"}}))
    fixes = [i.fix for code in LINKS for i in RULES[code].run(ctx) if i.fix is not None]
    result = apply_fixes(data, fixes)
    assert result.skipped == 0
    assert result.data.decode() == "- [A](https://arxiv.org/abs/1404.0736v2) arXiv:1404.0736\n"


# ------------------------------------------------------------------------------------ the real lists

EXPECTED: dict[str, dict[str, list[int]]] = {
    "awesome-compact-models.md": {
        "arxiv-link-style": [
            7, 8, 20, 37, 39, 40, 41, 42, 43, 46, 47, 48, 49, 50, 52, 56, 63, 64, 68, 69, 70, 71, 72, 74, 75, 76, 77,
            82, 83, 84, 85, 86, 87, 91, 92, 93, 94, 95, 97, 98, 99, 100, 101, 110, 111, 113, 114, 115, 116, 117, 118,
            119, 120, 121, 124, 125, 131, 132, 133, 135, 136, 137, 138, 139, 140, 141, 143,
        ],
        "arxiv-version": [19, 28, 32, 34, 36, 49, 50, 105, 128, 132],
        "insecure-link": [37, 38, 73, 123],
    },
    "awesome-model-compression-and-acceleration.md": {
        "arxiv-link-style": [18, 20, 54, 55, 61, 62, 63, 78, 82, 83, 84, 85, 86, 88, 89, 90, 91, 92],
        "insecure-link": [87, 102],
    },
    "awesome-model-compression.md": {
        "arxiv-id-mismatch": [124, 230],
        "arxiv-link-style": [
            53, 54, 55, 56, 57, 58, 68, 69, 70, 71, 72, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 116, 117, 118, 119, 120,
            121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141,
            142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199,
            200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220,
            221, 222, 223, 224, 225, 226, 227, 228, 229, 231, 232, 241, 242, 244, 245, 246, 247, 248, 249, 250, 251,
            252, 253, 254, 255, 256, 257, 258, 259, 260, 261, 262, 263, 264, 265, 268, 269, 270, 271, 272, 273,
        ],
        "insecure-link": [
            29, 32, 45, 62, 64, 65, 67, 86, 87, 89, 110, 114, 115, 165, 167, 178, 179, 180, 181, 187, 188, 189, 240,
        ],
        "malformed-arxiv-id": [53, 53, 54, 54, 56, 56, 57, 57],
        "shared-url": [86],
    },
    "model-compression-and-acceleration.md": {"arxiv-version": [34, 55]},
    "neural-network-compression.md": {
        "insecure-link": [
            12, 16, 17, 18, 21, 22, 23, 24, 25, 32, 35, 36, 38, 39, 40, 42, 43, 45, 64, 66, 67, 68, 70, 72, 73, 74, 75,
        ],
    },
}  # fmt: skip


@pytest.mark.parametrize("path", SEED_LISTS, ids=lambda p: p.name)
def test_link_findings_on_the_real_lists(path: Path) -> None:
    expected = sorted((line, name) for name, lines in EXPECTED[path.name].items() for line in lines)
    assert findings(path, LINKS) == expected


def test_known_defects_are_reported_with_their_messages() -> None:
    data = (LISTS / "awesome-model-compression.md").read_bytes()
    ctx = Context(parse_bytes(data, "awesome-model-compression.md"))
    messages = {(i.span.line, i.message) for code in LINKS for i in RULES[code].run(ctx)}
    assert (230, "link points at arXiv:1712.01312 but the citation says arXiv:1711.01312; fix whichever is wrong") in (
        messages
    )
    assert (
        86,
        "this URL is also cited for 'Binaryconnect: Training deep neural networks with binary we…' (line 62); "
        "check the link",
    ) in messages


def test_link_rules_are_silent_on_a_canonical_merged_list() -> None:
    assert [i.message for code in LINKS for i in check(MERGED_SAMPLE, RULES[code].name)] == []
