"""The fix engine: edits apply exactly, overlaps are refused, bytes outside edits never change."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_lint.findings import Edit, Fix
from awesome_lint.fix import apply_fixes


def test_edits_apply_and_keep_crlf() -> None:
    data = b"- [A](http://x.org)\r\n- [B](y)  \r\n"
    fixes = [
        Fix((Edit(6, 10, "https"),), "https"),
        Fix((Edit(29, 31, ""),), "strip"),
        Fix((Edit(0, 0, "line\n"),), "insert"),
    ]
    result = apply_fixes(data, fixes, "\r\n")
    assert result.data == b"line\r\n- [A](https://x.org)\r\n- [B](y)\r\n"
    assert (result.applied, result.skipped) == (3, 0)


def test_overlapping_fix_is_refused_whole() -> None:
    data = b"abcdef"
    first = Fix((Edit(1, 3, "X"),), "first")
    second = Fix((Edit(2, 4, "Y"), Edit(5, 6, "Z")), "second overlaps first")
    result = apply_fixes(data, [second, first])
    assert result.data == b"aXdef"
    assert (result.applied, result.skipped) == (1, 1)


def test_unsafe_fixes_are_never_applied() -> None:
    result = apply_fixes(b"abc", [Fix((Edit(0, 1, "Z"),), "unsafe", safe=False)])
    assert result.data == b"abc" and result.applied == 0


@settings(max_examples=200, deadline=None)
@given(
    st.binary(min_size=1, max_size=200),
    st.lists(st.tuples(st.integers(0, 200), st.integers(0, 20), st.text(max_size=5)), max_size=10),
)
def test_bytes_outside_applied_edits_are_identical(data: bytes, raw_edits: list[tuple[int, int, str]]) -> None:
    fixes = []
    for start, length, text in raw_edits:
        start = min(start, len(data))
        end = min(len(data), start + length)
        fixes.append(Fix((Edit(start, end, text),), "edit"))
    result = apply_fixes(data, fixes)
    # Rebuild the expected bytes from the accepted edits, in order, independently of the engine.
    accepted: list[Edit] = []
    for fix in sorted(fixes, key=lambda f: (f.edits[0].start, f.edits[0].end)):
        e = fix.edits[0]
        clash = any((e.start < o.end and o.start < e.end) or (e.start == e.end == o.start == o.end) for o in accepted)
        if not clash:
            accepted.append(e)
    expected = bytearray()
    cursor = 0
    for e in sorted(accepted, key=lambda e: (e.start, e.end)):
        expected += data[cursor : e.start] + e.text.encode()
        cursor = e.end
    expected += data[cursor:]
    assert result.data == bytes(expected)
    assert result.applied == len(accepted)
