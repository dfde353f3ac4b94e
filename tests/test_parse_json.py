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


def test_the_encoder_matches_json_dumps_on_odd_values() -> None:
    from awesome_lint.report.documents import _Encoder

    value = {
        "a%d": {"x": 1, "y%": -2, "z": 10**30},
        "flags": {"t": True, "f": False, "n": None},
        "mixed": [1, '\u00e9\n"', None, [], {}, (), [[]], {"k": 1.5}],
        "ints": {"only": 3},
        "empty": {},
    }
    chunks: list[str] = []
    encoder = _Encoder(chunks.append)
    encoder.encode(value, 0)
    encoder.encode(iter([{"s": 1}, {"s": 2}]), 0)  # the same shape again, and an iterator
    expected = json.dumps(value, ensure_ascii=False, indent=1) + json.dumps([{"s": 1}, {"s": 2}], indent=1)
    assert "".join(chunks + encoder.out) == expected
