"""Text rules (AL4xx): mojibake, unbalanced brackets and quotes, double spaces, trailing whitespace."""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.findings import Fix
from awesome_lint.model import Entry, Section
from awesome_lint.rules.links import brief, edit, label_end, mask_code_spans, source_range, source_text
from awesome_lint.rules.registry import Context, Issue, rule
from awesome_lint.text import MOJIBAKE_SHAPE, find_collapsed, repair_mojibake

_WORD = re.compile(r"[^ \t\n]+")  # NBSP stays inside a word: `Â\xa0` is mojibake too
_LIST_MARKER = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)")
_HEADING_MARKS = re.compile(r"^[ \t]*#{1,6}(?=[ \t]|$)|[ \t]+#+[ \t]*$")
_ODD_SPACE = "\u00a0\u2000-\u200a\u202f\u205f\u3000"  # no-break and other Unicode spaces
_INNER_SPACES = re.compile(rf"(?<=\S)(?:[ \t]{{2,}}|[ \t]*[{_ODD_SPACE}][ \t{_ODD_SPACE}]*)(?=\S)")
_OPENERS = {"(": ")", "[": "]", "{": "}", "（": "）", "【": "】"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}


def _regions(ctx: Context) -> Iterator[tuple[int, str]]:
    """The source text of every entry and every heading: (start offset, text)."""
    for entry in ctx.document.entries:
        yield source_text(ctx, entry.span)
    for section in ctx.document.iter_sections():
        yield source_text(ctx, section.span)


def _blank(chars: list[str], start: int, end: int) -> None:
    """Blank out chars[start:end] in place, keeping newlines so positions and lines stay put."""
    for i in range(max(start, 0), min(end, len(chars))):
        if chars[i] != "\n":
            chars[i] = " "


def _prose(ctx: Context, entry: Entry) -> tuple[int, str]:
    """An entry's source with link syntax, URLs, code spans and the list marker blanked; labels are kept."""
    start, text = source_text(ctx, entry.span)
    chars = list(mask_code_spans(text))
    marker = _LIST_MARKER.match(text)
    if marker:
        _blank(chars, 0, marker.end())
    for link in entry.links:
        a, b = source_range(ctx, link.span)
        a -= start
        b -= start
        close = label_end(text[a:b])
        if close < 0:
            _blank(chars, a, b)
        else:
            _blank(chars, a, a + 1)
            _blank(chars, a + close, b)
    return start, "".join(chars)


def _heading_prose(ctx: Context, section: Section) -> tuple[int, str]:
    """A heading's source with its `#` marks and code spans blanked."""
    start, text = source_text(ctx, section.span)
    return start, _HEADING_MARKS.sub(lambda m: " " * len(m.group(0)), mask_code_spans(text))


# --- AL401 ---------------------------------------------------------------------------------------


@rule("AL401", "mojibake", "warning", "mis-decoded UTF-8 (mojibake) in titles, text or headings", fixable=True)
def mojibake(ctx: Context) -> Iterator[Issue]:
    """Text garbled by mis-decoded UTF-8 ("mojibake"), such as `Uniï¬ed` for `Unified`. It appears when text
    is copied from a PDF or a page that was read in the wrong encoding. It makes titles unreadable and
    unsearchable and defeats duplicate detection. Only runs that have the shape of mojibake (a UTF-8 lead byte
    read as Latin-1 followed by a continuation byte) and that the repair actually changes are reported, so
    deliberate accents, curly quotes and ligatures are left alone. The fix replaces the garbled characters
    with the repaired text.

    Bad:

        - [Squeezedet: Uniï¬ed, small, low power fully convolutional neural networks](https://arxiv.org/abs/1612.01051)

    Good:

        - [Squeezedet: Unified, small, low power fully convolutional neural networks](https://arxiv.org/abs/1612.01051)
    """
    for start, text in _regions(ctx):
        if not MOJIBAKE_SHAPE.search(text):
            continue
        for word in _WORD.finditer(text):
            run = word.group(0)
            if not MOJIBAKE_SHAPE.search(run):
                continue
            repaired = repair_mojibake(run)
            if repaired == run or len(MOJIBAKE_SHAPE.findall(repaired)) >= len(MOJIBAKE_SHAPE.findall(run)):
                continue
            head = 0
            while head < min(len(run), len(repaired)) and run[head] == repaired[head]:
                head += 1
            tail = 0
            while tail < min(len(run), len(repaired)) - head and run[-1 - tail] == repaired[-1 - tail]:
                tail += 1
            a = start + word.start() + head
            b = start + word.end() - tail
            new = repaired[head : len(repaired) - tail]
            fix = Fix((edit(ctx, a, b, new),), f"write {repaired!r}")
            yield Issue(ctx.span(a, b), f"mojibake `{brief(run, 40)}`; write `{brief(repaired, 40)}`", fix)


# --- AL402 ---------------------------------------------------------------------------------------


_NOT_PUNCTUATION = re.compile('[^()\\[\\]{}（）【】“”"\\\\]+')
_EMPTY_PAIR = re.compile("\\(\\)|\\[\\]|\\{\\}|（）|【】|“”")


def _balanced(text: str) -> bool:
    """A fast yes for the common case: every bracket and quote pairs up (no escapes to worry about)."""
    marks = _NOT_PUNCTUATION.sub("", text)
    if "\\" in marks:
        return False
    while True:
        reduced = _EMPTY_PAIR.sub("", marks)
        if reduced == marks:
            break
        marks = reduced
    return marks.count('"') == len(marks) and len(marks) % 2 == 0


def _unbalanced(text: str) -> list[tuple[int, str]]:
    """Positions of brackets and double quotes in `text` that have no partner, with what is wrong."""
    if _balanced(text):
        return []
    problems: list[tuple[int, str]] = []
    stack: list[tuple[int, str]] = []
    curly: list[int] = []
    straight: int | None = None
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch in _OPENERS:
            stack.append((i, ch))
        elif ch in _CLOSERS:
            if any(opener == _CLOSERS[ch] for _pos, opener in stack):
                while stack[-1][1] != _CLOSERS[ch]:
                    pos, opener = stack.pop()
                    problems.append((pos, f"`{opener}` is never closed"))
                stack.pop()
            else:
                problems.append((i, f"`{ch}` has no opening `{_CLOSERS[ch]}`"))
        elif ch == "“":
            curly.append(i)
        elif ch == "”":
            if curly:
                curly.pop()
            else:
                problems.append((i, "`”` has no opening `“`"))
        elif ch == '"':
            straight = i if straight is None else None
        i += 1
    problems.extend((pos, f"`{opener}` is never closed") for pos, opener in stack)
    problems.extend((pos, "`“` is never closed") for pos in curly)
    if straight is not None:
        problems.append((straight, '`"` is never closed'))
    return sorted(problems)


@rule(
    "AL402",
    "unbalanced-punctuation",
    "warning",
    "unbalanced brackets or double quotes in an entry or heading",
)
def unbalanced_punctuation(ctx: Context) -> Iterator[Issue]:
    """An opening bracket or double quote without its partner (or the reverse) in one entry or heading. A lost
    `)` or `]` usually means a truncated title, a broken note such as `(Workshop` or a link label like
    `[[code(Pytorch]]`; on GitHub it can also turn the rest of the line into one odd link. `()`, `[]`, `{}`,
    full-width `（）` and `【】`, curly `“”` and straight `"` pairs are checked inside each entry's own text (link
    targets, code spans and the list marker are left out) and inside each heading. Apostrophes (`ICLR'17`) are
    not quotes.

    Bad:

        - [Deep (Learning](https://arxiv.org/abs/1510.00149) (ICLR 2016

    Good:

        - [Deep Learning](https://arxiv.org/abs/1510.00149) (ICLR 2016)
    """
    regions = [_prose(ctx, entry) for entry in ctx.document.entries]
    regions += [_heading_prose(ctx, section) for section in ctx.document.iter_sections()]
    for start, text in regions:
        for pos, what in _unbalanced(text):
            source = ctx.document.text
            line_start = source.rfind("\n", 0, start + pos) + 1
            line_end = source.find("\n", start + pos)
            line_end = len(source) if line_end < 0 else line_end
            context = source[max(line_start, start + pos - 20) : min(line_end, start + pos + 20)]
            yield Issue(
                ctx.span(start + pos, start + pos + 1),
                f"{what} in `{brief(context.strip(), 50)}`; add the missing partner or remove it",
            )


# --- AL403 ---------------------------------------------------------------------------------------


def _title_region(ctx: Context, entry: Entry) -> tuple[int, int] | None:
    """Text offsets of an entry's title as written: a link's label, or the title span itself."""
    if entry.title_span is None:
        return None
    a, b = source_range(ctx, entry.title_span)
    for link in entry.links:
        if link.span == entry.title_span:
            close = label_end(ctx.document.text[a:b])
            return (a + 1, a + close) if close > 0 else None
    return a, b


def _authors_region(ctx: Context, entry: Entry) -> tuple[int, int] | None:
    """Text offsets of an entry's authors in its source, found word by word; None when not found."""
    if not entry.authors or not entry.authors.split():
        return None
    start, text = source_text(ctx, entry.span)
    found = find_collapsed(text, entry.authors)
    return (start + found[0], start + found[1]) if found else None


@rule(
    "AL403",
    "double-space",
    "info",
    "two or more spaces, or a no-break space, inside a title, author list or heading",
    fixable=True,
)
def double_space(ctx: Context) -> Iterator[Issue]:
    """Two or more spaces, or a no-break (or other Unicode) space, inside a title, an author list or a heading.
    They are left behind by copying titles from PDFs, web pages or arXiv listings (`Efficient  Evaluation`) and
    make the same title differ between lists, which defeats search and duplicate checks. Indentation, the
    spacing between a title link and the links or notes after it, and trailing whitespace (see
    `trailing-whitespace`) are not prose and are not reported. The fix writes one normal space.

    Bad:

        - [Exploiting Linear Structure Within Convolutional Networks for Efficient  Evaluation](https://arxiv.org/abs/1404.0736)

    Good:

        - [Exploiting Linear Structure Within Convolutional Networks for Efficient Evaluation](https://arxiv.org/abs/1404.0736)
    """
    regions: list[tuple[int, str, str]] = []
    for entry in ctx.document.entries:
        for found, what in ((_title_region(ctx, entry), "title"), (_authors_region(ctx, entry), "author list")):
            if found is not None:
                regions.append((found[0], ctx.document.text[found[0] : found[1]], what))
    for section in ctx.document.iter_sections():
        regions.append((*_heading_prose(ctx, section), "heading"))
    seen: set[int] = set()
    for a, text, what in regions:
        for m in _INNER_SPACES.finditer(text):
            pos = a + m.start()
            if pos in seen:
                continue
            seen.add(pos)
            before = text[: m.start()].split()[-1]
            after = text[m.end() :].split()[0]
            run = m.group(0)
            kind = f"{len(run)} spaces" if run.strip(" \t") == "" else "a no-break space"
            yield Issue(
                ctx.span(pos, a + m.end()),
                f"{kind} between `{brief(before, 25)}` and `{brief(after, 25)}` in the {what}; use one space",
                Fix((edit(ctx, pos, a + m.end(), " "),), "collapse to one space"),
            )


# --- AL404 ---------------------------------------------------------------------------------------

# Lines that start a new block (so the line before them ends its paragraph), and lines that are never
# paragraph text themselves (ATX headings, table rows).
_BLOCK_START = re.compile(
    r"[ \t]{0,3}(?:#{1,6}(?:[ \t]|$)|[-*+][ \t]|\d{1,9}[.)](?:[ \t]|$)|>|```|~~~|\|"
    r"|(?:[-*_][ \t]*){3,}$|=+[ \t]*$)"
)
_NOT_PARAGRAPH = re.compile(r"[ \t]{0,3}(?:#{1,6}(?:[ \t]|$)|\|)")
_FENCE = re.compile(r"[ \t]{0,3}(```|~~~)")
_TRAILING = re.compile(r"[ \t]+$")


@rule(
    "AL404",
    "trailing-whitespace",
    "info",
    "spaces or tabs at the end of a line",
    fixable=True,
    options={"br-spaces": 2},
)
def trailing_whitespace(ctx: Context) -> Iterator[Issue]:
    """Spaces or tabs at the end of a line, and lines that hold only whitespace. Invisible whitespace causes
    noisy diffs and merge conflicts and is often an accidental hard line break. Exactly `br-spaces` spaces
    before a line of the same paragraph are a Markdown hard line break and are allowed (as in markdownlint
    MD009); before a blank line, a heading, a new list item or the end of the file they break nothing and are
    reported. The fix removes the whitespace, except where a longer run of spaces does make a line break:
    there it keeps exactly `br-spaces` spaces, so the rendered list does not change. (␠ marks a space.)

    Bad:

        - [Dynamic network surgery for efficient dnns](https://arxiv.org/abs/1608.04493). NIPS, 2016.␠

    Good:

        - [Dynamic network surgery for efficient dnns](https://arxiv.org/abs/1608.04493). NIPS, 2016.

    Options:

        br-spaces = 2   # trailing spaces that make a hard line break; 0 reports every trailing space
    """
    br_spaces = int(ctx.option("trailing-whitespace", "br-spaces"))
    lines = ctx.lines
    starts = ctx.index.char_starts
    in_fence = False
    for number, line in enumerate(lines):
        fence = _FENCE.match(line) is not None
        in_code = in_fence or fence
        if fence:
            in_fence = not in_fence
        m = _TRAILING.search(line)
        if m is not None:
            run = m.group(0)
            blank = m.start() == 0
            following = lines[number + 1] if number + 1 < len(lines) else ""
            # CommonMark reads two or more trailing spaces before a line of the same paragraph as a hard break.
            breaks = (
                len(run) >= 2
                and run.strip(" ") == ""
                and not blank
                and not in_code
                and not _NOT_PARAGRAPH.match(line)
                and following.strip() != ""
                and not _BLOCK_START.match(following)
            )
            if breaks and len(run) == br_spaces:
                continue
            a = starts[number] + m.start()
            b = starts[number] + m.end()
            shown = run.replace("\t", "\\t").replace(" ", "␠")
            if breaks and br_spaces >= 2:
                message = f"trailing `{shown}` makes a hard line break; write exactly {br_spaces} spaces"
                fix = Fix((edit(ctx, a, b, " " * br_spaces),), f"use {br_spaces} spaces for the line break")
            else:
                if blank:
                    message = f"line holds only whitespace (`{shown}`); remove it"
                else:
                    message = f"trailing whitespace `{shown}`; remove it"
                fix = Fix((edit(ctx, a, b, ""),), "remove trailing whitespace")
            yield Issue(ctx.span(a, b), message, fix)
