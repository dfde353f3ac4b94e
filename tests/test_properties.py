"""Property tests: random Markdown never breaks the parser or the rules of the awesome set, and every span lies
inside the file."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesome_lint.parse import parse_bytes
from awesome_lint.rules import Context, resolve

PIECES = [
    "- ",
    "* ",
    "1. ",
    "  ",
    "\t",
    "> ",
    "# ",
    "### 2017",
    "\n",
    "\r\n",
    "[",
    "]",
    "(",
    ")",
    "[[code]]",
    "(https://arxiv.org/abs/1707.01209)",
    "https://a.org/x",
    "<https://b.org>",
    "**[Nick]**",
    "`(Workshop)`",
    "【Tag】",
    "Title words",
    ", CVPR 2019, ",
    "[arXiv '17]",
    ".[J] arXiv preprint arXiv:1404.00736",
    "```",
    "<div>",
    "é",
    "\u00a0",
    "---",
    "[ref]: https://r.org\n",
    "[x][ref]",
    "\\",
    "!",
    "[]()",
]

markdown = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown)
def test_parser_never_raises_and_spans_are_inside(text: str) -> None:
    data = text.encode("utf-8", "replace").replace(b"\x00", b"")
    doc = parse_bytes(data, "random.md")
    for entry in doc.entries:
        spans = [entry.span, *(link.span for link in entry.links)]
        if entry.title_span:
            spans.append(entry.title_span)
        for span in spans:
            assert 0 <= span.start <= span.end <= len(data)
            assert span.line <= span.end_line
            data[span.start : span.end].decode("utf-8")
        for link in entry.links:
            raw = data[link.span.start : link.span.end].decode("utf-8")
            assert raw[:1] in ("[", "<", "h"), raw
    for section in doc.iter_sections():
        assert 0 <= section.span.start <= section.span.end <= len(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown)
def test_the_awesome_rules_never_raise_and_report_inside_the_file(text: str) -> None:
    data = text.encode("utf-8", "replace").replace(b"\x00", b"")
    context = Context(parse_bytes(data, "random.md"))
    for rule in resolve("awesome"):
        for issue in rule.run(context):
            assert 0 <= issue.span.start <= issue.span.end <= len(data)
            data[issue.span.start : issue.span.end].decode("utf-8")
