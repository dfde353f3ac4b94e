"""Inputs that once took time quadratic in their size: each must finish far inside a generous time limit.

The limits are checked by running the work in a subprocess with a timeout far above the normal time
(seconds of work against a 60-120 s limit), so a loaded machine cannot make these tests fail; the inputs
are large enough that the old quadratic code needed minutes.
"""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import run_within

from awesome_lint.findings import Edit, Fix
from awesome_lint.fix import apply_fixes


def run_bounded(code: str, timeout: float = 60.0) -> str:
    """Run Python code in a fresh interpreter; fail the test if it does not finish within `timeout` seconds."""
    done = run_within([sys.executable, "-c", textwrap.dedent(code)], timeout)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def many_fixes_list(items: int = 4000) -> str:
    """A list whose every item has about 3.5 safe fixes: mixed bullet, doubled space, http link, trailing space."""
    lines = ["# Awesome", "", "## Papers", ""]
    for i in range(items):
        bullet = "-*+"[i % 3]
        lines.append(f"{bullet} [Pruning  method number {i}](http://github.com/org/repo{i}) ")
    return "\n".join(lines) + "\n"


def test_many_fixes_generator_has_fourteen_thousand_fixes() -> None:
    text = many_fixes_list()
    assert len(text.encode()) < 300_000
    assert text.count("http://") == 4000 and text.count("  method") == 4000


def test_lint_fix_with_fourteen_thousand_fixes_finishes(tmp_path: Path) -> None:
    path = tmp_path / "many.md"
    path.write_text(many_fixes_list(), encoding="utf-8")
    out = run_bounded(
        f"""
        import json
        from awesome_lint.config import Config
        from awesome_lint.lint import lint_paths
        [result] = lint_paths([{str(path)!r}], Config(), fix=True)
        print(json.dumps({{"applied": result.applied, "left": len(result.findings)}}))
        """,
        timeout=120,
    )
    report = json.loads(out)
    assert report["applied"] >= 14_000
    assert report["left"] == 0
    fixed = path.read_text(encoding="utf-8")
    assert "http://" not in fixed and "  method" not in fixed and " \n" not in fixed


def test_fifty_thousand_fixes_are_checked_in_n_log_n() -> None:
    # 50,000 single-edit fixes plus one multi-edit fix spanning the file: the old pairwise check made
    # about 1.25 billion comparisons here.
    out = run_bounded(
        """
        from awesome_lint.findings import Edit, Fix
        from awesome_lint.fix import apply_fixes
        n = 50_000
        data = b"ab" * n
        fixes = [Fix((Edit(2 * i, 2 * i + 1, "A"),), "upper") for i in range(n)]
        fixes.append(Fix(tuple(Edit(2 * i + 1, 2 * i + 2, "B") for i in range(n)), "many edits"))
        result = apply_fixes(data, fixes)
        print(result.applied, result.skipped, result.data == b"AB" * n)
        """
    )
    assert out.split() == ["50001", "0", "True"]


def _naive(data: bytes, fixes: list[Fix]) -> tuple[bytes, int, int]:
    """The engine's contract written out pairwise: a fix goes in unless an edit clashes with an accepted one."""

    def clash(a: Edit, b: Edit) -> bool:
        return (a.start < b.end and b.start < a.end) or (a.start == a.end == b.start == b.end)

    accepted: list[Edit] = []
    applied = skipped = 0
    for fix in sorted(fixes, key=lambda f: min((e.start, e.end) for e in f.edits)):
        own = list(fix.edits)
        if any(clash(a, b) for i, a in enumerate(own) for b in own[i + 1 :]) or any(
            clash(a, b) for a in own for b in accepted
        ):
            skipped += 1
            continue
        accepted.extend(own)
        applied += 1
    out = bytearray(data)
    for e in sorted(accepted, key=lambda e: (e.start, e.end), reverse=True):
        out[e.start : e.end] = e.text.encode()
    return bytes(out), applied, skipped


def test_sorted_check_agrees_with_the_pairwise_contract() -> None:
    import random

    rng = random.Random(12)
    data = bytes(range(97, 123)) * 4
    for _ in range(300):
        fixes = []
        for _ in range(rng.randint(1, 25)):
            edits = []
            for _ in range(rng.choice((1, 1, 1, 2, 3))):
                start = rng.randint(0, len(data))
                end = min(len(data), start + rng.choice((0, 0, 1, 2, 5)))
                edits.append(Edit(start, end, rng.choice(("", "x", "yz"))))
            fixes.append(Fix(tuple(edits), "random"))
        result = apply_fixes(data, fixes)
        assert (result.data, result.applied, result.skipped) == _naive(data, fixes)


# mistune's emphasis: nesting thousands deep


def nested_emphasis(n: int = 5000) -> str:
    """The shape that made mistune work for a minute: `*a **a ... b ... a** a*`, n levels of each."""
    return "*a **a " * n + "b" + " a** a*" * n


EMPHASIS_SHAPES = {
    "nested": nested_emphasis,
    "underscores": lambda n: "_a __a " * n + "b" + " a__ a_" * n,
    "alternating": lambda n: "*a _a " * n + "b" + " a_ a*" * n,
    "after punctuation": lambda n: '"*a "**a ' * n + "b" + ' a**" a*"' * n,
    "around links": lambda n: "*[a](b) " * n + "x" + " [a](b)*" * n,
    "inside a list item": lambda n: (
        "# T\n\n- [Title](https://x.org) " + nested_emphasis(n) + "\n- [Next](https://y.org)\n"
    ),
}


def test_the_issue_input_is_under_300_kb_at_20000_levels() -> None:
    assert nested_emphasis() == "*a **a " * 5000 + "b" + " a** a*" * 5000
    assert all(len(make(20_000).encode()) < 400_000 for make in EMPHASIS_SHAPES.values())


@pytest.mark.parametrize("shape", sorted(EMPHASIS_SHAPES))
def test_deeply_nested_emphasis_parses_in_linear_time(tmp_path: Path, shape: str) -> None:
    # 20,000 levels: minutes (about 8) for mistune alone; about a second when the nesting is bounded first
    path = tmp_path / "deep.md"
    path.write_text(EMPHASIS_SHAPES[shape](20_000), encoding="utf-8")
    out = run_bounded(
        f"""
        from awesome_lint.parse import parse_file
        doc = parse_file({str(path)!r})
        print(len(doc.entries), doc.text.count("*") + doc.text.count("_"))
        """
    )
    entries, markers = map(int, out.split())
    assert markers > 0  # the markers are kept as text, nothing is dropped
    assert entries == (2 if shape == "inside a list item" else 0)


def test_a_pathological_paragraph_does_not_disturb_the_rest_of_the_list() -> None:
    from awesome_lint.parse import parse_text

    second_line = "- **[BNN]** Binarized Neural Networks, NIPS 2016, [[paper]](https://b.org)"
    text = "# T\n\n- [First](https://a.org) " + nested_emphasis(200) + "\n" + second_line + "\n"
    doc = parse_text(text)
    assert doc.entries[0].title == "First"
    second = doc.entries[1]
    assert (second.title, second.nickname, second.year) == ("Binarized Neural Networks", "BNN", 2016)
    assert text.encode()[second.span.start : second.span.end].decode() == second_line


def test_emphasis_nesting_estimate() -> None:
    from awesome_lint.parse.markdown import MAX_EMPHASIS_NESTING, emphasis_nesting_exceeds

    def deep(text: str) -> bool:
        return emphasis_nesting_exceeds([{"type": "text", "raw": text}])

    limit = MAX_EMPHASIS_NESTING
    assert not deep("*a **b** c*")
    assert not deep("*a* " * 10_000)  # many pairs side by side are flat
    assert not deep("snake_case_name " * 10_000)  # underscores inside words neither open nor close
    assert not deep("a*b " * 10_000)
    assert not deep("*a " * limit + "b" + " a*" * limit)
    assert deep("*a " * (limit + 1) + "b" + " a*" * (limit + 1))
    assert deep('"*a ' * (limit + 1))  # opens after punctuation, as CommonMark says
    assert not deep(("*a " * limit + "b" + " a*" * limit + " ") * 100)  # depth comes back down between groups


# Rules on inputs that once made them compare every pair


def no_break_spaces_title(spaces: int = 20_000) -> str:
    """A list whose one title holds `spaces` no-break spaces between short words (100 KB)."""
    return "# T\n\n- [" + "abc\u00a0" * spaces + "d](https://x.org/p)\n"


def unclosed_angle_links(n: int = 8000) -> str:
    """`[a](<b` repeated: link destinations that never close, each an HTML-looking `<` (48 KB at 8,000)."""
    return "[a](<b" * n


def one_url_many_titles(entries: int = 4000) -> str:
    """Entries with titles of four words each, drawn at random from a small vocabulary, all citing one URL."""
    import random

    rng = random.Random(7)
    words = (  # noqa: SIM905
        "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec "
        "romeo sierra tango uniform victor whiskey xray yankee zulu pruning quantised sparse binary ternary"
    ).split()
    lines = ["# T", ""]
    lines += [f"- [{' '.join(rng.sample(words, 4)).capitalize()} {i}](https://x.org/p.pdf)" for i in range(entries)]
    return "\n".join(lines) + "\n"


def copies_of_one_paper(copies: int = 5000) -> str:
    """One paper cited `copies` times (275 KB at 5,000)."""
    return "# T\n\n" + "- [Deep Compression](https://arxiv.org/abs/1510.00149)\n" * copies


def test_rule_inputs_are_the_sizes_measured() -> None:
    assert len(no_break_spaces_title().encode()) == 100_028
    assert len(unclosed_angle_links().encode()) == 48_000
    assert 200_000 < len(one_url_many_titles().encode()) < 300_000
    assert len(copies_of_one_paper().encode()) < 300_000


def lint_counts(tmp_path: Path, text: str, timeout: float = 60.0) -> dict[str, int]:
    """Findings per rule code of `lint` on the text, run in a subprocess that must finish within `timeout`."""
    path = tmp_path / "big.md"
    path.write_text(text, encoding="utf-8")
    out = run_bounded(
        f"""
        import collections, json
        from awesome_lint.config import Config
        from awesome_lint.lint import lint_paths
        [result] = lint_paths([{str(path)!r}], Config())
        print(json.dumps(collections.Counter(f.code for f in result.findings)))
        """,
        timeout,
    )
    return json.loads(out)


def test_twenty_thousand_no_break_spaces_in_a_title(tmp_path: Path) -> None:
    # double-space split the title once per space, and each span counted the bytes of the line before it.
    assert lint_counts(tmp_path, no_break_spaces_title()) == {"AL403": 20_000}


@pytest.mark.parametrize("n", [8000, 30_000])
def test_unclosed_angle_bracket_links(tmp_path: Path, n: int) -> None:
    # toc-mismatch searched the whole text for HTML ids with a pattern that backtracked from every `<`
    # (180 KB took more than a minute); ids are now read from the parser's HTML only.
    assert lint_counts(tmp_path, unclosed_angle_links(n)) == {}


def test_html_ids_are_read_in_linear_time() -> None:
    from awesome_lint.parse import parse_text
    from awesome_lint.rules.toc_mismatch import html_ids

    text = '<div id="x">' + "<b " * 100_000 + "\n</div>\n\n" + '<a name="y">' + "<i" * 50_000 + "\n"
    assert html_ids(parse_text(text)) == {"x", "y"}


def test_four_thousand_entries_citing_one_url(tmp_path: Path) -> None:
    # shared-url compared every pair of titles (16 million comparisons, 24-28 s, 164 MB); each title is now
    # compared with at most a few candidates for the group's reference title.
    counts = lint_counts(tmp_path, one_url_many_titles())
    assert counts["AL307"] > 3500


def test_five_thousand_copies_of_one_paper(tmp_path: Path) -> None:
    # duplicate-paper scanned every edge of the cluster for each member; edges are now indexed by member.
    assert lint_counts(tmp_path, copies_of_one_paper()) == {"AL203": 4999}


def test_byte_offsets_on_a_long_line_of_multibyte_characters() -> None:
    from awesome_lint.parse.positions import LineIndex

    text = "é☃a𝄞" * 5000 + "\nnext é\n"
    data = text.encode("utf-8")
    index = LineIndex(text, data)
    for offset in [0, 1, 63, 64, 65, 1000, 12_345, 19_999, 20_000, 20_001, 20_005]:
        line, column, byte = index.locate(offset)
        assert byte == len(text[:offset].encode("utf-8"))
        assert (line, column) == ((0, offset) if offset <= 20_000 else (1, offset - 20_001))


def test_shared_url_compares_each_title_with_a_bounded_number_of_others(monkeypatch: pytest.MonkeyPatch) -> None:
    from rapidfuzz import fuzz

    from awesome_lint.parse import parse_text
    from awesome_lint.rules import resolve
    from awesome_lint.rules._registry import Context

    calls = 0
    score = fuzz.token_set_ratio

    def counted(a: str, b: str, **kwargs: object) -> float:
        nonlocal calls
        calls += 1
        return score(a, b, **kwargs)

    doc = parse_text(one_url_many_titles(2000))
    (rule,) = resolve("shared-url")
    monkeypatch.setattr(fuzz, "token_set_ratio", counted)
    issues = list(rule.run(Context(doc)))
    assert len(issues) > 1500
    assert calls <= 21 * 2000  # every pair would be 4 million
