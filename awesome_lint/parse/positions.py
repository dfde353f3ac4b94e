"""Source positions: map offsets in mistune's block texts back to lines, columns and file bytes."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate

from awesome_lint.model import Span
from awesome_lint.regex import lazy_compile

_BYTE_NEWLINE = lazy_compile(rb"\r\n|\r|\n")
_MARK = 64
# What may stand before a block text on its source line: indentation, quote and list markers, a heading.
_WINDOW = 200
_ONE_MARKER = lazy_compile(r"^[ \t>]*(?:#{1,6}[ \t]+|(?:[-*+]|\d{1,9}[.)])[ \t]+)?")
_CLOSING_HASHES = lazy_compile(r"[ \t]+#+$")
_PREFIX = lazy_compile(r"(?:[ \t>]|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]|$)|#{1,6}(?=[ \t]|$))*")


class LineIndex:
    """Converts offsets in the LF-normalised text into spans with file byte offsets."""

    def __init__(self, text: str, data: bytes | None = None, bom: bool = False) -> None:
        self.text = text
        self.lines = text.split("\n")
        starts = [0]
        starts.extend(accumulate(len(line) + 1 for line in self.lines[:-1]))
        self.char_starts = starts
        if data is None:
            data = text.encode("utf-8")
        byte_starts = [3 if bom else 0]
        if b"\r" in data:
            byte_starts.extend(m.end() for m in _BYTE_NEWLINE.finditer(data))
        else:  # LF newlines only: each line starts one byte after the previous one's bytes
            byte_starts.extend(accumulate(len(line) + 1 for line in data.split(b"\n")[:-1]))
        self.byte_starts = byte_starts[: len(starts)]
        self._ascii = [line.isascii() for line in self.lines]
        self._marks: dict[int, list[int]] = {}

    def locate(self, offset: int) -> tuple[int, int, int]:
        """Return (0-based line, 0-based column, byte offset) of a text offset."""
        line = bisect_right(self.char_starts, offset) - 1
        column = offset - self.char_starts[line]
        if self._ascii[line]:
            byte = self.byte_starts[line] + column
        else:
            byte = self.byte_starts[line] + self._byte_column(line, column)
        return line, column, byte

    def _byte_column(self, line: int, column: int) -> int:
        """The UTF-8 length of a non-ASCII line's first `column` characters, counted from the nearest of the marks
        kept every `_MARK` characters (made on the first long lookup), so a long line costs linear time in all."""
        text = self.lines[line]
        if column <= _MARK:
            return len(text[:column].encode("utf-8"))
        marks = self._marks.get(line)
        if marks is None:
            marks = [0]
            for end in range(_MARK, len(text) + 1, _MARK):
                marks.append(marks[-1] + len(text[end - _MARK : end].encode("utf-8")))
            self._marks[line] = marks
        mark = column // _MARK
        return marks[mark] + len(text[mark * _MARK : column].encode("utf-8"))

    def span(self, start: int, end: int) -> Span:
        """The span of text offsets [start, end) (`locate` of both ends, written out: spans are made by the
        thousand)."""
        starts, ascii_lines, byte_starts = self.char_starts, self._ascii, self.byte_starts
        line = bisect_right(starts, start) - 1
        column = start - starts[line]
        byte = byte_starts[line] + (column if ascii_lines[line] else self._byte_column(line, column))
        if end <= start:
            return Span(line + 1, column + 1, line + 1, column + 1, byte, byte)
        following = line + 1
        end_line = line if following == len(starts) or end < starts[following] else bisect_right(starts, end) - 1
        end_column = end - starts[end_line]
        end_byte = byte_starts[end_line] + (
            end_column if ascii_lines[end_line] else self._byte_column(end_line, end_column)
        )
        return Span(line + 1, column + 1, end_line + 1, end_column + 1, byte, end_byte)

    def offset(self, line: int, column: int) -> int:
        """Text offset of a 0-based line and column."""
        return self.char_starts[line] + column


class Aligner:
    """Finds the source line and column of every line of a block's text.

    Each block line is the tail of one source line (mistune strips indentation and markers). Blocks
    mostly come in document order, so the scan starts after the last match; mistune sometimes emits a
    block out of order (a list that interrupts a block quote), so it falls back to the unclaimed lines.
    Lines are indexed by their content after markers, so a lookup costs O(1), not a scan.
    """

    def __init__(self, index: LineIndex) -> None:
        self.index = index
        self.pointer = 0
        self.claimed: set[int] = set()
        self.by_content: dict[str, list[int]] = {}
        for number, line in enumerate(index.lines):
            source = line.rstrip()
            if not source:
                continue
            greedy = source[_PREFIX.match(source).end() :]  # type: ignore[union-attr]
            single = source[_ONE_MARKER.match(source).end() :]  # type: ignore[union-attr]
            contents = {greedy, single}
            if source.endswith("#"):  # closing hashes of an ATX heading
                contents.update((_CLOSING_HASHES.sub("", greedy), _CLOSING_HASHES.sub("", single)))
            for content in contents:
                if content:
                    self.by_content.setdefault(content, []).append(number)

    def align(self, block_text: str, heading: bool = False) -> BlockMap | None:
        """Map the lines of `block_text` to the source, or None if they cannot be found."""
        if not block_text.strip():
            return None
        pieces = block_text.split("\n")
        total = len(self.index.lines)
        here = self.pointer
        back, ahead = max(0, here - _WINDOW), min(total, here + _WINDOW)
        # Near the cursor first, in both directions, so an out-of-order block is not matched to an identical
        # line much further on (lists repeat lines); then the rest of the file.
        for start, stop in ((here, ahead), (back, here), (ahead, total), (0, back)):
            result = self._align_from(pieces, heading, start, stop)
            if result is not None:
                offsets, leads, used = result
                self.claimed.update(used)
                self.pointer = max(self.pointer, used[-1] + 1)
                return BlockMap(pieces, _fill_blank_lines(offsets), leads)
        return None

    def release(self) -> None:
        """Free the table of line contents once every block is aligned (a large list's lines are many)."""
        self.by_content = {}
        self.claimed = set()

    def claim(self, start: int, end: int) -> None:
        """Mark source lines [start, end) as taken by a block aligned by other means (a code block)."""
        self.claimed.update(range(start, end))
        self.pointer = max(self.pointer, end)

    def _align_from(
        self, pieces: list[str], heading: bool, start: int, stop: int
    ) -> tuple[list[int], list[int], list[int]] | None:
        lines, starts, claimed, by_content = self.index.lines, self.index.char_starts, self.claimed, self.by_content
        total = len(lines)
        offsets: list[int] = []
        leads: list[int] = []
        used: list[int] = []
        pointer = start
        for piece in pieces:
            key = piece.strip()
            leads.append(len(piece) - len(piece.lstrip()))
            if not key:
                offsets.append(-1)
                continue
            numbers = by_content.get(key)
            # The lines in [pointer, stop) indexed under the key, or all of them for a key not indexed.
            if numbers:
                candidates: Iterable[int] = numbers[bisect_left(numbers, pointer) : bisect_left(numbers, stop)]
            else:
                candidates = range(pointer, min(stop, total))
            for number in candidates:
                if number in claimed:
                    continue
                source = lines[number].rstrip()
                col = _find_key(source, key, heading)
                if col < 0 or _PREFIX.fullmatch(source, 0, col) is None:
                    continue
                offsets.append(starts[number] + col)
                used.append(number)
                pointer = number + 1
                stop = pointer + _WINDOW  # a block's later lines are looked for near the line before
                break
            else:
                return None
        return offsets, leads, used


def _find_key(source: str, key: str, heading: bool) -> int:
    """Column of `key` on a source line: anywhere for a heading, as the line's tail for other blocks."""
    if heading:
        return source.find(key)
    return len(source) - len(key) if source.endswith(key) else -1


def _fill_blank_lines(offsets: list[int]) -> list[int]:
    """Give blank block lines the offset just after the previous line (they carry no text)."""
    last = next((o for o in offsets if o >= 0), 0)
    out = []
    for value in offsets:
        if value < 0:
            value = last
        out.append(value)
        last = value
    return out


class BlockMap:
    """Maps an offset in one block's text to an offset in the normalised source text."""

    def __init__(self, pieces: list[str], line_offsets: list[int], leads: list[int]) -> None:
        """`pieces` are the block text's lines; `line_offsets` and `leads` say where each starts in the source
        and how much indentation it kept."""
        starts = [0]
        for piece in pieces[:-1]:
            starts.append(starts[-1] + len(piece) + 1)
        self.starts = starts
        self.line_offsets = line_offsets
        self.leads = leads

    def __call__(self, offset: int) -> int:
        """Source text offset for a block text offset."""
        line = bisect_right(self.starts, offset) - 1
        return self.line_offsets[line] + max(0, offset - self.starts[line] - self.leads[line])
