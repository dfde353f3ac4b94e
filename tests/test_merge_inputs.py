"""The slim records the merge reads each parsed list into: every field it reads, and nothing of the document."""

from __future__ import annotations

import gc
from dataclasses import fields
from pathlib import Path

from conftest import LISTS

from awesome_lint.merge import (
    MergeInput,
    PaperItem,
    merge_documents,
    merge_input,
    merge_inputs,
    report_json,
    resource_description,
    skip_merged,
)
from awesome_lint.model import Document, Entry, Link, Section, Span
from awesome_lint.parse import parse_file, parse_text


def reachable(root: object) -> list[object]:
    """Every object reachable from `root` through the references the garbage collector sees."""
    seen = {id(root)}
    out = [root]
    stack = [root]
    while stack:
        for ref in gc.get_referents(stack.pop()):
            if id(ref) not in seen and not isinstance(ref, type):
                seen.add(id(ref))
                out.append(ref)
                stack.append(ref)
    return out


def test_a_paper_record_carries_every_field_the_merge_reads() -> None:
    for path in merge_inputs([str(LISTS)]):
        doc = parse_file(path, facts=False)
        item = merge_input(doc)
        entries = [e for e in doc.entries if e.kind == "paper"]
        assert len(item.papers) == len(entries) > 0
        shared = [f.name for f in fields(PaperItem) if f.name not in {"line", "column", "links"}]
        for paper, entry in zip(item.papers, entries, strict=True):
            assert {name: getattr(paper, name) for name in shared} == {name: getattr(entry, name) for name in shared}
            assert (paper.line, paper.column) == (entry.span.line, entry.span.column)
            assert [(link.url, link.role) for link in paper.paper_links] == [
                (link.url, link.role) for link in entry.paper_links
            ]
            assert [link.url for link in paper.code_links] == [link.url for link in entry.code_links]
        resources = [e for e in doc.entries if e.kind == "resource"]
        assert [(r.title, r.line, r.column, r.description) for r in item.resources] == [
            (e.title, e.span.line, e.span.column, resource_description(doc, e)) for e in resources
        ]
        assert [r.url for r in item.resources] == [e.links[0].url.strip() if e.links else "" for e in resources]
        others = [e for e in doc.entries if e.kind == "other"]
        assert [(d.line, d.column, d.title) for d in item.dropped] == [
            (e.span.line, e.span.column, e.title) for e in others
        ]
        assert item.path == doc.path and item.sources is None and not item.merged


def test_the_records_hold_nothing_of_the_parsed_document() -> None:
    path = next(iter(merge_inputs([str(LISTS)])))
    doc = parse_file(path, facts=False)
    item = merge_input(doc, with_arxiv_ids=True)
    assert item.arxiv_ids
    found = reachable(item)
    assert not [o for o in found if isinstance(o, (Document, Entry, Section, Link, Span))]
    assert not [o for o in found if o is doc.text]


def test_the_records_are_skipped_and_merged_as_the_documents_are(tmp_path: Path) -> None:
    docs = [parse_file(path, facts=False) for path in merge_inputs([str(LISTS)])]
    first = merge_documents(docs)
    merged = parse_text(first.markdown, str(tmp_path / "merged.md"))
    upstream = [merge_input(doc) for doc in docs]
    again = merge_input(merged)
    assert again.merged and again.sources
    kept, skipped = skip_merged([*upstream, again], [str(LISTS)])  # found in the folder: left out
    assert kept == upstream and all(isinstance(k, MergeInput) for k in kept)
    assert [s.path for s in skipped] == [merged.path]
    result = merge_documents(kept)
    assert result.markdown == first.markdown
    assert report_json(result.report) == report_json(first.report)
