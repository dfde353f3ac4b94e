"""Topics by content: agreement with the hand-checked topic key for the merged papers of lists/.

tests/data/topic-key.jsonl gives one topic per paper of lists/ (one record per cluster of the answer key in
tests/data/entries.jsonl, with the file and line of one of its items), decided by reading each title.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from click.testing import CliRunner
from conftest import DATA, LISTS, ROOT
from fake_arxiv import FakeArxiv, Paper
from pytest_httpserver import HTTPServer

from awesome_lint.cli import main
from awesome_lint.merge import MergeResult, load_taxonomy, merge_documents, merge_inputs
from awesome_lint.parse import parse_file

KEY = [json.loads(line) for line in (DATA / "topic-key.jsonl").read_text(encoding="utf-8").splitlines()]


@lru_cache(maxsize=1)
def merged() -> MergeResult:
    return merge_documents([parse_file(path) for path in merge_inputs([str(LISTS)])])


def cluster_of() -> dict[tuple[str, int], str]:
    """(file, line) of every paper item of the answer key -> its cluster."""
    found = {(r["file"], r["line"]): r["cluster"] for r in KEY}
    for line in (DATA / "entries.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["cluster"]:
            found[(record["file"], record["line"])] = record["cluster"]
    return found


def expected_and_placed() -> list[tuple[str, str, str]]:
    """(title, topic in the key, topic placed) for every merged entry."""
    clusters = cluster_of()
    topic = {r["cluster"]: r["topic"] for r in KEY}
    out = []
    for entry in merged().report.entries:
        keys = {clusters[(Path(s.path).relative_to(ROOT).as_posix(), s.line)] for s in entry.sources}
        assert len(keys) == 1, (entry.title, keys)
        out.append((entry.title, topic[keys.pop()], entry.topic))
    return out


def test_the_key_covers_every_merged_paper_with_a_known_topic() -> None:
    names = set(load_taxonomy().names)
    assert len(KEY) == len({r["cluster"] for r in KEY}) == 306
    assert {r["topic"] for r in KEY} == names
    assert len(expected_and_placed()) == len(merged().report.entries) >= 305


def test_topic_agreement_with_the_key() -> None:
    rows = expected_and_placed()
    agree = sum(1 for _title, want, got in rows if want == got)
    wrong = [f"{title}: key {want}, placed {got}" for title, want, got in rows if want != got]
    assert agree / len(rows) >= 0.95, "\n".join(wrong)


def test_other_only_when_nothing_fits() -> None:
    entries = merged().report.entries
    others = [e for e in entries if e.topic == "Other"]
    assert len(others) <= 16  # was 27 when topics followed upstream headings only
    for entry in others:
        assert entry.topic_reason == "no title keyword, venue, heading, tag or arXiv category names a topic"
    for entry in entries:
        assert entry.topic_reason.startswith(entry.topic) or entry.topic == "Other", entry


def test_architecture_search_and_binary_papers_have_their_own_sections() -> None:
    topics = {e.title: e.topic for e in merged().report.entries}
    nas = [t for t in topics if t.startswith(("DARTS", "Efficient Neural Architecture Search", "NasNet", "MnasNet"))]
    nas += [t for t in topics if t.startswith(("ProxylessNAS", "FBNet"))]
    assert len(nas) == 6 and {topics[t] for t in nas} == {"Neural Architecture Search"}
    binary = [t for t in topics if "binar" in t.casefold() or "bnn" in t.casefold() or "1-bit" in t.casefold()]
    assert len(binary) >= 22
    placed = [topics[t] for t in binary]
    assert placed.count("Binarization") >= len(binary) - 3 and "Quantization" not in placed


def test_arxiv_categories_vote_for_topics(server: HTTPServer, tmp_path: Path) -> None:
    """`merge --arxiv`: the categories arXiv gives a paper vote (cs.AR for Systems and Hardware), from the API
    and then from the link cache."""
    api = FakeArxiv(
        {
            "1802.00011": Paper("Notes on a Rather General Question", categories=("cs.AR", "cs.LG")),
            "1802.00012": Paper("Notes on Another General Question", categories=("cs.LG", "stat.ML")),
        }
    )
    api.install(server)
    doc = tmp_path / "notes.md"
    doc.write_text(
        "# Notes\n\n## Misc\n\n"
        "- [Notes on a Rather General Question](https://arxiv.org/abs/1802.00011)\n"
        "- [Notes on Another General Question](https://arxiv.org/abs/1802.00012)\n"
    )
    config = tmp_path / ".awesome-lint.toml"
    config.write_text("[links]\narxiv-delay = 0\n")
    cache = tmp_path / "links.sqlite3"

    def topics(*flags: str) -> dict[str, tuple[str, str]]:
        report = tmp_path / "report.json"
        out = ["-o", str(tmp_path / "m.md"), "--report", str(report)]
        result = CliRunner().invoke(main, ["merge", *flags, "--config", str(config), str(doc), *out])
        assert result.exit_code == 0, result.output
        entries = json.loads(report.read_text())["entries"]
        return {e["arxiv_id"]: (e["topic"], e["topic_reason"]) for e in entries}

    try:
        assert {i: t for i, (t, _r) in topics().items()} == {"1802.00011": "Other", "1802.00012": "Other"}
        online = topics("--arxiv", "--arxiv-api", api.template, "--cache", str(cache))
        assert online["1802.00011"] == ("Systems and Hardware", "Systems and Hardware 0.5: arXiv cs.AR (0.5)")
        assert online["1802.00012"][0] == "Other"
        asked = len(api.requests)
        assert asked == 1
        assert topics("--arxiv", "--offline", "--arxiv-api", api.template, "--cache", str(cache)) == online
        assert len(api.requests) == asked  # the categories came from the cache
    finally:
        api.release()
