"""The venue table's literal pre-check never hides a venue: `venue_from_citation` gives what searching every
pattern of the table in order gives, on text made of the table's own names."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_lint.parse import venues
from awesome_lint.parse.venues import VENUE_PATTERNS, venue_from_citation


def every_pattern_in_order(text: str, cased: bool) -> str | None:
    """The table read the plain way: the first pattern with a match that counts."""
    lowered = text.lower()
    for pattern, short in venues._COMPILED:
        for m in pattern.finditer(lowered):
            if not cased or m.group(0) not in venues._CAPITAL_ACRONYMS or text[m.start() : m.end()].isupper():
                return short
    return None


WORDS = sorted(
    {
        *(short for _pattern, short in VENUE_PATTERNS),
        *(short.lower() for _pattern, short in VENUE_PATTERNS),
        *(
            alternative.replace("\\b", "").replace("\\s+", " ").replace("?", "").replace("(:", "").replace(")", "")
            for pattern, _short in VENUE_PATTERNS
            for alternative in pattern.split("|")
        ),
        "Design, Automation, and Test in Europe",
        "field programmable custom computing machines",
        "FPGA '19",
        "T-PAMI",
        "Dac",
        "IEEE",
        "2019",
        ",",
        "-",
    }
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4), st.sampled_from([" ", "", "/"]), st.booleans())
def test_the_pre_check_hides_no_venue(words: list[str], glue: str, cased: bool) -> None:
    text = glue.join(words)
    assert venue_from_citation(text, cased) == every_pattern_in_order(text, cased)


def test_each_pattern_has_the_literal_its_matches_start_with() -> None:
    needles = dict(zip((short for _p, short in VENUE_PATTERNS), venues._NEEDLES, strict=True))
    assert needles["CVPR"] == ("computer vision and pattern recognition", "cvpr")
    assert needles["DATE"] == ("design", "date")  # `design,? automation`: the optional comma is left out
    assert needles["FPGA"] == ("symposium on field", "fpga ")
    assert venue_from_citation("Proc. Design, Automation & Test in Europe") == "DATE"


def test_each_needle_leads_to_every_pattern_it_stands_for() -> None:
    for number, needles in enumerate(venues._NEEDLES):
        assert needles, VENUE_PATTERNS[number]  # no pattern is searched in every text
        for needle in needles:
            assert number in venues._BY_NEEDLE[needle]
    assert sum(len(numbers) for numbers in venues._BY_NEEDLE.values()) == sum(map(len, venues._NEEDLES))
    assert venues._UNFILTERED == ()
