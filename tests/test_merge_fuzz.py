"""Fuzz: merging a merged list gives it back unchanged, whatever upstream lists it came from (bounded)."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from awesome_lint.merge import merge_documents
from awesome_lint.parse import parse_text

WORDS = [
    "Deep",
    "compression",
    "Pruning",
    "quantized",
    "Binary",
    "networks",
    "for",
    "the",
    "Efficient",
    "Search",
    "A",
    "of",
    "8-bit",
    "V2",
    "II",
    "Net:",
    "–",
    "-",
    "[x]",
    "*star*",
    "_u_",
    "`t`",
    "<b>",
    "#1",
    "1.",
    "Déjà",
    "(Workshop)",
    "a,b",
    "“q”",
]
AUTHORS = [
    "Song Han",
    "Han S",
    "Han, Song, et al",
    "J. L. Holi and J. N. Hwang",
    "iel Gordon, Elad Eban",
    "van der Maaten",
    "Zhang",
    "A. B",
]
URLS = [
    "https://arxiv.org/abs/1510.00149",
    "http://arxiv.org/pdf/1707.01209v2.pdf",
    "https://x.org/p",
    "https://x.org/p?q=1",
    "https://github.com/a/b",
    "",
]
VENUES = ["", " [ICLR'17]", " [arXiv '18]", " *CVPR 2019*.", " In NIPS, 2015.", " (Best Paper)", ", ICML 2016,"]
HEADINGS = ["## Pruning", "## Quantization", "### 2017", "## Efficient Model", "## Misc", "## Resources"]

# A title is never written wholly in brackets: lists write `[[code]](url)` for link labels, and the parser
# reads `[[Title]](url)` the same way.
title = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join).filter(lambda t: not t.startswith("["))


@st.composite
def item(draw: st.DrawFn) -> str:
    text = draw(title)
    url = draw(st.sampled_from(URLS))
    shape = draw(st.integers(0, 6))
    code = draw(st.sampled_from(["", " [[code]](https://github.com/c/d)", " [Code](https://gitlab.com/e/f)"]))
    venue = draw(st.sampled_from(VENUES))
    authors = draw(st.sampled_from(AUTHORS))
    if shape == 0:
        return f"- [{text}]({url}){venue}{code}"
    if shape == 1:
        return f"- {authors}. [{text}]({url}).{venue}"
    if shape == 2:
        return f"- [{text}]({url}) - {authors}.{venue}{code}"
    if shape == 3:
        return f"- {text}{venue}"
    if shape == 4:
        return f"- 2016-ICLR{draw(st.sampled_from(['', '(Workshop)', '(Best Paper)']))}-[{text}]({url})"
    if shape == 5:
        return f"- **[Nick]** {text}, CVPR 2019, [[paper]]({url}){code}"
    return f"1. [{text}]({url}){venue}"


lists = st.lists(
    st.lists(st.one_of(st.sampled_from(HEADINGS), item()), min_size=1, max_size=8).map("\n".join),
    min_size=1,
    max_size=3,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lists)
# Inputs that were not merged back unchanged before (one each of what the fuzzing found):
@example(["- A. B. [Deep](https://arxiv.org/abs/1510.00149)."])  # `A. B` is not `Surname Initial`
@example(["- [Deep](https://arxiv.org/abs/1510.00149)\n## Resources\n- [Deep](https://arxiv.org/abs/1510.00149)"])
@example(["## Resources\n- Deep [arXiv '18]"])  # a resource without a link
@example(
    [
        "- [Deep](https://arxiv.org/abs/1510.00149)\n- [Deep Deep Deep Deep](https://arxiv.org/abs/1510.00149)\n"
        "- [Deep Deep Deep Deep](https://x.org/p)"
    ]
)  # two entries with one title
@example(
    [
        "- [Deep](http://arxiv.org/pdf/1707.01209v2.pdf)\n- [compression](https://arxiv.org/abs/1510.00149)\n"
        "- [Deep](https://arxiv.org/abs/1510.00149)"
    ]
)  # an arXiv link two papers claim
@example(["- _u_ Deep [arXiv '18]", "- Deep a,b A [arXiv '18]", "- compression a,b a,b [arXiv '18]"])
@example(["- [Deep]()", "- [A]()\n- [A](https://x.org/p)"])  # one-word titles with an empty link
@example(["- [<b>](https://arxiv.org/abs/1510.00149) *CVPR 2019*."])  # a venue alone is never the title
@example(["- [Deep 1.](https://arxiv.org/abs/1510.00149)"])  # a label's own full stop before ` - *Venue*.`
@example(["- **[Nick]** Deep, CVPR 2019, [[paper]](https://github.com/a/b)"])  # `[Title](repo) - *Venue*.`
@example(["- Song Han. [Deep](https://x.org/p)."])  # one name before the title, ` - Song Han.` after it
@example(["- Han, Song, et al. [<b>](https://arxiv.org/abs/1510.00149)."])  # a name list is never the title
@example(["- **[Nick]** 1., CVPR 2019, [[paper]](https://arxiv.org/abs/1510.00149)"])  # nor is a number
@example(["- [Deep](https://x.org/p)", "- [Deep](https://github.com/a/b)"])  # one resource decides no kind
@example(["- [<b>](https://x.org/p) - Han S. In NIPS, 2015. [[code]](https://github.com/c/d)"])
@example(["- iel Gordon, Elad Eban. [<b>](https://arxiv.org/abs/1510.00149)."])  # a name cut at its start
@example(["- <b> 1. *CVPR 2019*."])  # a number before an emphasised venue is no title
def test_merging_the_merged_list_is_idempotent(texts: list[str]) -> None:
    first = merge_documents([parse_text(text + "\n", f"list{i}.md") for i, text in enumerate(texts)])
    again = merge_documents([parse_text(first.markdown, "merged.md")])
    assert again.markdown == first.markdown
    assert [e.title for e in again.report.entries] == [e.title for e in first.report.entries]
