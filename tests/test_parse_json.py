"""`parse --format json` writes, chunk by chunk, exactly what `json.dumps(..., ensure_ascii=False, indent=1)` gives
for the document model."""

from __future__ import annotations

import json
from pathlib import Path

from awesome_lint.model import documents_to_json
from awesome_lint.parse import parse_file, parse_text
from awesome_lint.report.documents import write_documents_json

ROOT = Path(__file__).resolve().parent.parent


def test_the_written_json_is_json_dumps_byte_for_byte() -> None:
    documents = [parse_file(path) for path in sorted(ROOT.joinpath("lists").glob("*.md"))]
    documents.append(parse_text('# T\u00e9\n\n- "q" \\\\ \u2028 \x07 [a](b) 2019\n\n## Empty\n', "odd \u00e9.md"))
    documents.append(parse_text("", "empty.md"))
    chunks: list[str] = []
    write_documents_json(documents, chunks.append)
    assert len(chunks) > 1  # written as it goes, not as one string
    assert "".join(chunks) == json.dumps(documents_to_json(documents), ensure_ascii=False, indent=1)


def test_no_documents() -> None:
    chunks: list[str] = []
    write_documents_json([], chunks.append)
    assert "".join(chunks) == json.dumps(documents_to_json([]), ensure_ascii=False, indent=1)
