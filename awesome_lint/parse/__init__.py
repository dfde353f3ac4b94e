"""Markdown list -> Document: mistune 3 for the syntax, recognisers for the fields, exact source spans."""

from __future__ import annotations

import os

from awesome_lint.model import Document
from awesome_lint.source import Source, decode, read_source


def parse_source(
    source: Source, data: bytes | None = None, facts: bool = True, comments: bool = False, split: bool = True
) -> Document:
    """Parse a decoded source; `data` (the file's bytes) makes byte offsets exact for CRLF files. Without `facts`
    the document has no block facts (what only the lint rules read), which saves memory and time; `comments`
    keeps its HTML comments all the same (what suppression comments need). With `split`, a large list's items are
    read by two processes (the same document, sooner, for a forked child's memory)."""
    from awesome_lint.parse.document import SPLIT_ITEMS, build

    if data is None:
        data = source.encode()
    split_from = SPLIT_ITEMS if split else None
    return build(source.path, source.text, data, source.bom, source.newline, facts, comments, split_from)


def parse_text(text: str, path: str = "<string>") -> Document:
    """Parse Markdown given as a string."""
    return parse_bytes(text.encode("utf-8"), path)


def parse_bytes(data: bytes, path: str = "<bytes>") -> Document:
    """Parse Markdown given as the bytes of a file."""
    return parse_source(decode(data, path), data)


def parse_file(path: str | os.PathLike[str], facts: bool = True, split: bool = True) -> Document:
    """Read and parse one Markdown file (see `parse_source` for `facts` and `split`); unreadable input raises
    UserError."""
    source = read_source(path)
    return parse_source(source, source.data, facts, split=split)
