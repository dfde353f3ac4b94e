"""Output of `awesome-lint parse`: the document model as JSON (schema 1) or one line per list and entry."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from json.encoder import encode_basestring
from typing import Any

from awesome_lint.model import Document, documents_to_json
from awesome_lint.report.text import printable

_PIECES_PER_WRITE = 1 << 14


def write_documents_json(documents: Sequence[Document], write: Callable[[str], object]) -> None:
    """Write parsed lists as the documented JSON, byte for byte as `json.dumps(..., ensure_ascii=False, indent=1)`
    prints it, in chunks: each entry is made and encoded only when the output reaches it."""
    encoder = _Encoder(write)
    encoder.encode(documents_to_json(list(documents), lazy=True), 0)
    write("".join(encoder.out))


_INTEGERS = {int}


class _Encoder:
    """JSON with one space of indent a level; an iterator is an array whose items are written as they come."""

    def __init__(self, write: Callable[[str], object]) -> None:
        self.out: list[str] = []
        self.write = write
        self.shapes: dict[tuple[int, tuple[str, ...]], tuple[list[str], str, str]] = {}
        """For each depth and sequence of keys: what comes before each key's value, what closes the object, and
        the whole object as a %-template for when every value is an integer (a span)."""

    def encode(self, value: Any, depth: int) -> None:
        """Append `value`'s JSON, indented as at `depth`."""
        kind = type(value)
        if kind is dict:
            self.encode_dict(value, depth)
        elif kind is list or kind is tuple or hasattr(value, "__next__"):
            self.encode_list(value, depth, streamed=kind is not list and kind is not tuple)
        else:
            self.out.append(_scalar(value))

    def encode_dict(self, value: dict[str, Any], depth: int) -> None:
        """Append an object's JSON; its strings and integers (and empty lists) are written in this loop, each with
        what comes before it."""
        out = self.out
        if not value:
            out.append("{}")
            return
        keys = tuple(value)
        shape = self.shapes.get((depth, keys))
        if shape is None:
            inner = "\n" + " " * (depth + 1)
            prefixes = [f",{inner}{encode_basestring(key)}: " for key in keys]
            prefixes[0] = "{" + prefixes[0][1:]
            closing = "\n" + " " * depth + "}"
            template = "".join(prefix.replace("%", "%%") + "%d" for prefix in prefixes) + closing
            shape = self.shapes[depth, keys] = (prefixes, closing, template)
        prefixes, closing, template = shape
        values = value.values()
        if set(map(type, values)) == _INTEGERS:
            out.append(template % tuple(values))
            return
        for prefix, item in zip(prefixes, values, strict=True):
            item_kind = type(item)
            if item_kind is str:
                out.append(prefix + encode_basestring(item))
            elif item_kind is int:
                out.append(prefix + int.__repr__(item))
            elif item is None:
                out.append(prefix + "null")
            elif item_kind is list and not item:
                out.append(prefix + "[]")
            elif item_kind is dict:
                out.append(prefix)
                self.encode_dict(item, depth + 1)
            elif item is False:
                out.append(prefix + "false")
            elif item is True:
                out.append(prefix + "true")
            else:
                out.append(prefix)
                self.encode(item, depth + 1)
        out.append(closing)

    def encode_list(self, value: Any, depth: int, streamed: bool) -> None:
        """Append an array's JSON; a `streamed` one (an iterator) is written out every so many pieces."""
        out = self.out
        inner = "\n" + " " * (depth + 1)
        separator = "[" + inner
        following = "," + inner
        for item in value:
            if type(item) is str:
                out.append(separator + encode_basestring(item))
            else:
                out.append(separator)
                self.encode(item, depth + 1)
            separator = following
            if streamed and len(out) > _PIECES_PER_WRITE:
                self.write("".join(out))
                out.clear()
        out.append("[]" if separator is not following else "\n" + " " * depth + "]")


def _scalar(value: Any) -> str:
    """The JSON of a value that is no container."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)  # type: ignore[no-any-return]
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    return json.dumps(value, ensure_ascii=False)


def render_documents(documents: Sequence[Document], fmt: str) -> str:
    """Parsed lists as the documented JSON, or as text: a summary line per list, then `path:line:col:` per entry
    (control characters shown escaped)."""
    if fmt == "json":
        chunks: list[str] = []
        write_documents_json(documents, chunks.append)
        return "".join(chunks)
    lines: list[str] = []
    for doc in documents:
        counts = {kind: sum(1 for e in doc.entries if e.kind == kind) for kind in ("paper", "resource", "other")}
        lines.append(
            f"{doc.path}: {doc.title or '(untitled)'}: {len(doc.entries)} entries "
            f"({counts['paper']} papers, {counts['resource']} resources, {counts['other']} other), "
            f"{len(doc.iter_sections())} sections"
        )
        for entry in doc.entries:
            facts = [str(entry.year)] if entry.year else []
            if entry.venue:
                facts.append(entry.venue)
            if entry.arxiv_id:
                facts.append(f"arXiv:{entry.arxiv_id}")
            extra = f" ({', '.join(facts)})" if facts else ""
            lines.append(f"  {doc.path}:{entry.span.line}:{entry.span.column}: {entry.kind}: {entry.title}{extra}")
    return "\n".join(printable(line) for line in lines)
