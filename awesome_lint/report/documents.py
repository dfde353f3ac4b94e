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
    encoder.encode(documents_to_json(list(documents), lazy=True), "")
    write("".join(encoder.out))


class _Encoder:
    """JSON with one space of indent a level; an iterator is an array whose items are written as they come."""

    def __init__(self, write: Callable[[str], object]) -> None:
        self.out: list[str] = []
        self.write = write
        self.keys: dict[str, tuple[dict[str, str], dict[str, str]]] = {}
        """For each indent, what opens a dict's first key and what comes before each further key."""

    def encode(self, value: Any, indent: str) -> None:
        """Append `value`'s JSON, indented as at `indent`; a container's strings and integers (a dict's constants
        and empty lists too) are written in the container's own loop, each with what comes before it."""
        out = self.out
        kind = type(value)
        if kind is str:
            out.append(encode_basestring(value))
        elif value is None:
            out.append("null")
        elif value is True:
            out.append("true")
        elif value is False:
            out.append("false")
        elif kind is int:
            out.append(int.__repr__(value))
        elif kind is dict:
            if not value:
                out.append("{}")
                return
            inner = indent + " "
            keys = self.keys.get(inner)
            if keys is None:
                keys = self.keys[inner] = ({}, {})
            first, rest = keys
            before = first
            for key, item in value.items():
                prefix = before.get(key)
                if prefix is None:
                    opening = "{\n" if before is first else ",\n"
                    prefix = before[key] = f"{opening}{inner}{encode_basestring(key)}: "
                before = rest
                item_kind = type(item)
                if item_kind is str:
                    out.append(prefix + encode_basestring(item))
                elif item_kind is int:
                    out.append(prefix + int.__repr__(item))
                elif item is None:
                    out.append(prefix + "null")
                elif item_kind is list and not item:
                    out.append(prefix + "[]")
                elif item is False:
                    out.append(prefix + "false")
                elif item is True:
                    out.append(prefix + "true")
                else:
                    out.append(prefix)
                    self.encode(item, inner)
            out.append("\n" + indent + "}")
        elif kind is list or kind is tuple or hasattr(value, "__next__"):
            streamed = kind is not list and kind is not tuple
            inner = indent + " "
            separator = "[\n" + inner
            for item in value:
                item_kind = type(item)
                if item_kind is str:
                    out.append(separator + encode_basestring(item))
                elif item_kind is int:
                    out.append(separator + int.__repr__(item))
                else:
                    out.append(separator)
                    self.encode(item, inner)
                separator = ",\n" + inner
                if streamed and len(out) > _PIECES_PER_WRITE:
                    self.write("".join(out))
                    out.clear()
            out.append("[]" if separator[0] == "[" else "\n" + indent + "]")
        else:
            out.append(json.dumps(value, ensure_ascii=False))


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
