"""`check-links`, `lint --links`, `merge --arxiv` and the GitHub Action, end to end against local servers."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import LISTS, SEED_LISTS
from fake_arxiv import FakeArxiv, Paper
from pytest_httpserver import HTTPServer

from awesome_lint.arxiv_id import parse_url
from awesome_lint.cli import main
from awesome_lint.parse import parse_file
from awesome_lint.title_match import author_names

# The real arXiv ids of the seed lists' papers, with the titles the lists give them; the one id the
# list cites wrongly (arXiv:1711.01312 for the L0 paper, which is 1712.01312) belongs to another paper.
OTHER_PAPER = "Neural Motifs: Scene Graph Parsing with Global Context"


def seed_papers() -> dict[str, Paper]:
    """Each id with the title the first list gives it, the authors a list names (if any), the id's date and
    as many versions as the lists link to."""
    papers: dict[str, Paper] = {}
    authors: dict[str, tuple[str, ...]] = {}
    versions: dict[str, int] = {}
    entries = [entry for path in SEED_LISTS for entry in parse_file(path).entries]
    for entry in entries:
        if entry.arxiv_id and entry.authors:
            authors.setdefault(entry.arxiv_id, author_names(entry.authors))
        for link in entry.links:
            found = parse_url(link.url)
            if found is not None and found.version:
                versions[found.id] = max(versions.get(found.id, 2), found.version)
    for entry in entries:
        if entry.arxiv_id and entry.arxiv_id not in ("1711.01312", "1604.03168"):
            published = f"20{entry.arxiv_id[:2]}-{entry.arxiv_id[2:4]}-15T00:00:00Z"
            named = authors.get(entry.arxiv_id, ("Ada Lovelace",))
            version = versions.get(entry.arxiv_id, 2)
            papers.setdefault(entry.arxiv_id, Paper(entry.title, named, published=published, version=version))
    papers["1711.01312"] = Paper(OTHER_PAPER)
    papers["1604.03168"] = Paper("Ristretto: Hardware-Oriented Approximation of Convolutional Neural Networks")
    papers["1605.06402"] = Paper("Ristretto: Hardware-Oriented Approximation of Convolutional Neural Networks")
    return papers


@pytest.fixture
def fake(server: HTTPServer) -> Iterator[FakeArxiv]:
    api = FakeArxiv(seed_papers())
    api.install(server)
    yield api
    api.release()


@pytest.fixture
def fast_config(tmp_path: Path) -> Path:
    """A config without the 3 s pause arXiv's terms ask for (the fake is ours)."""
    path = tmp_path / ".awesome-lint.toml"
    path.write_text("[links]\narxiv-delay = 0\n")
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_seed_lists_wrong_arxiv_ids_are_reported(fake: FakeArxiv, fast_config: Path, tmp_path: Path) -> None:
    code, out, err = run(
        "check-links", "--format", "json", "--arxiv-api", fake.template, "--exclude-url", ".",
        "--cache", str(tmp_path / "c.sqlite3"), "--config", str(fast_config), *map(str, SEED_LISTS),
    )  # fmt: skip
    findings = json.loads(out)["findings"]
    got = {(Path(f["path"]).name, f["line"], f["name"]) for f in findings}
    assert ("awesome-model-compression.md", 230, "arxiv-title-mismatch") in got
    assert any(OTHER_PAPER in f["message"] for f in findings)
    # A paper renamed between versions (arXiv has the first list's title) in a list that names no authors.
    assert ("awesome-model-compression-and-acceleration.md", 89, "arxiv-title-differs") in got
    # The link as written: arXiv's API does not take `1404.00736`, although it asks for 1404.0736.
    at_link = [f for f in findings if f["line"] == 53 and f["column"] == 95]
    assert [(f["name"], f["fix"]) for f in at_link] == [("malformed-arxiv-id", "write 1404.0736")]
    names = {"arxiv-title-mismatch", "arxiv-title-differs", "malformed-arxiv-id"}
    assert {f["name"] for f in findings} == names, findings
    assert code == 1
    assert len(fake.requests) <= 5
    asked = {i for r in fake.requests for i in r.ids}
    assert "1404.0736" in asked and "1404.00736" not in asked
    # Counted as written: the four links with a five-digit pre-2015 id lead nowhere, although arXiv knows the
    # papers they mean (and the summary counts each arXiv link, not each id).
    assert re.search(r"links: \d+ alive, 4 dead, 0 unknown, \d+ skipped \(\d+ URLs, \d+ arXiv links of \d+ ids\)", err)
    # A second run answers from the cache.
    code, _out, err = run(
        "check-links", "--arxiv-api", fake.template, "--exclude-url", ".", "--cache", str(tmp_path / "c.sqlite3"),
        "--config", str(fast_config), *map(str, SEED_LISTS),
    )  # fmt: skip
    assert code == 1
    assert re.search(r"; 0 requests, [1-9]\d* cache hits", err), err


def test_http_outcomes_and_exit_codes(server: HTTPServer, fake: FakeArxiv, fast_config: Path, tmp_path: Path) -> None:
    server.expect_request("/ok").respond_with_data("fine")
    server.expect_request("/gone").respond_with_data("no", status=404)
    server.expect_request("/busy").respond_with_data("later", status=503)
    base = server.url_for("/")
    doc = tmp_path / "list.md"
    doc.write_text(
        f"# T\n\n- [Alive paper]({base}ok)\n- [Gone paper]({base}gone)\n- [Busy paper]({base}busy)\n"
        f"- [Learning Sparse Neural Networks through L0 Regularization](https://arxiv.org/abs/1712.01312)\n"
    )
    common = ["--arxiv-api", fake.template, "--no-cache", "--timeout", "10", "--config", str(fast_config)]
    code, out, err = run("check-links", "--allow-private", *common, str(doc))
    assert code == 1
    assert "list.md:4:3: AL501 error: dead link (HTTP 404)" in out
    assert "list.md:5:3: AL502" in out
    assert "AL504" not in out
    assert "links: 2 alive, 1 dead, 1 unknown, 0 skipped" in err
    server.clear()
    server.expect_request("/ok").respond_with_data("fine")
    server.expect_request("/busy").respond_with_data("later", status=503)
    doc.write_text(f"# T\n\n- [Alive paper]({base}ok)\n- [Busy paper]({base}busy)\n")
    assert run("check-links", "--allow-private", *common, str(doc))[0] == 0
    assert run("check-links", "--allow-private", "--fail-on", "unknown", *common, str(doc))[0] == 1


def test_private_addresses_are_refused_without_allow_private(
    server: HTTPServer, fake: FakeArxiv, fast_config: Path, tmp_path: Path
) -> None:
    server.expect_request("/ok").respond_with_data("fine")
    doc = tmp_path / "list.md"
    doc.write_text(f"- [Local paper]({server.url_for('/ok')})\n")
    code, _out, err = run(
        "check-links", "--arxiv-api", fake.template, "--no-cache", "--config", str(fast_config), str(doc)
    )
    assert code == 0
    assert "0 alive, 0 dead, 0 unknown, 1 skipped" in err
    assert all(req.path != "/ok" for req, _resp in server.log)


def test_lint_links_combines_rules_and_checks(
    server: HTTPServer, fake: FakeArxiv, fast_config: Path, tmp_path: Path
) -> None:
    server.expect_request("/gone").respond_with_data("no", status=410)
    doc = tmp_path / "list.md"
    doc.write_text(
        f"# T\n\n- [Gone paper]({server.url_for('/gone')})  \n- [Sparse](https://arxiv.org/abs/1713.00001)\n"
    )
    code, out, _err = run(
        "lint", "--links", "--allow-private", "--no-cache", "--arxiv-api", fake.template, "--config", str(fast_config),
        "--fail-on", "info", str(doc),
    )  # fmt: skip
    assert code == 1
    assert "AL501" in out and "AL404" in out
    assert "AL304" in out  # an impossible id (month 13) is malformed, so it is never sent to arXiv
    assert not any("1713.00001" in i for r in fake.requests for i in r.ids)


def test_merge_arxiv_fills_titles_from_metadata(fake: FakeArxiv, fast_config: Path, tmp_path: Path) -> None:
    fake.papers = {"1707.01209": Paper("Model compression as constrained optimization (arXiv title)", ("A. B", "C. D"))}
    doc = tmp_path / "a.md"
    doc.write_text("- [Model compression as constrained optimization](https://arxiv.org/pdf/1707.01209v1)\n")
    out = tmp_path / "merged.md"
    code, _stdout, err = run(
        "merge", "--arxiv", "--arxiv-api", fake.template, "--cache", str(tmp_path / "c.sqlite3"),
        "--config", str(fast_config), str(doc), "-o", str(out),
    )  # fmt: skip
    assert code == 0, err
    assert "arxiv: 1 of 1 ids found" in err
    line = next(line for line in out.read_text().splitlines() if line.startswith("- [Model"))
    assert line == (
        "- [Model compression as constrained optimization (arXiv title)](https://arxiv.org/abs/1707.01209) "
        "- A. B, C. D. *arXiv 2017*."
    )


def merge_arxiv(fake: FakeArxiv, config: Path, cache: Path, out: Path, *inputs: str) -> tuple[str, dict[str, Any]]:
    """`merge --arxiv` against the fake through the CLI: stderr and the report."""
    report = out.with_suffix(".json")
    code, _stdout, err = run(
        "merge", "--arxiv", "--arxiv-api", fake.template, "--cache", str(cache), "--config", str(config),
        *inputs, "-o", str(out), "--report", str(report),
    )  # fmt: skip
    assert code == 0, err
    return err, json.loads(report.read_text(encoding="utf-8"))


def test_merge_arxiv_keeps_the_lists_fields_for_a_wrong_id(fake: FakeArxiv, fast_config: Path, tmp_path: Path) -> None:
    # arXiv answers the id four lists give "Pruning Filters for Efficient ConvNets" with another paper.
    other = "A Totally Different Paper About Graphs"
    fake.papers = {**fake.papers, "1608.08710": Paper(other, ("X Y",), published="2016-08-31T00:00:00Z")}
    out = tmp_path / "merged.md"
    err, report = merge_arxiv(fake, fast_config, tmp_path / "c.sqlite3", out, *map(str, SEED_LISTS))
    markdown = out.read_text(encoding="utf-8")
    assert other not in markdown and "X Y" not in markdown
    line = next(line for line in markdown.splitlines() if "arxiv.org/abs/1608.08710" in line)
    assert line.startswith("- [Pruning Filters for Efficient ConvNets](https://arxiv.org/abs/1608.08710) - Hao Li, ")
    assert line.endswith(" *ICLR 2017*.")
    conflicts = [c for c in report["conflicts"] if c["arxiv_id"] == "1608.08710"]
    assert len(conflicts) == 1
    conflict = conflicts[0]
    assert (conflict["match"], conflict["title"], conflict["arxiv_title"]) == (
        "different", "Pruning Filters for Efficient ConvNets", other
    )  # fmt: skip
    assert markdown.splitlines()[conflict["line"] - 1] == line
    assert len({s["path"] for s in conflict["sources"]}) == 4
    assert set(conflict["sources"][0]) == {"path", "line", "column"}
    entry = next(e for e in report["entries"] if e["arxiv_id"] == "1608.08710")
    assert (entry["arxiv_match"], entry["arxiv_fields"]) == ("different", [])
    # The other ids are answered with the title a list gives them: their entries take what arXiv adds.
    assert sum(1 for e in report["entries"] if e["arxiv_match"] == "same") > 150
    assert any("authors" in e["arxiv_fields"] for e in report["entries"])
    assert all(set(e["arxiv_fields"]) <= {"title", "authors", "year"} for e in report["entries"])
    assert {c["arxiv_id"] for c in report["conflicts"]} == {"1608.08710"}
    assert "arxiv: 1 entry keeps the lists' fields where arXiv's record may be another paper" in err
    # A second run (from the cache) gives the same bytes, and so does merging the merged list.
    written, report_text = out.read_bytes(), out.with_suffix(".json").read_bytes()
    merge_arxiv(fake, fast_config, tmp_path / "c.sqlite3", out, *map(str, SEED_LISTS))
    assert out.read_bytes() == written and out.with_suffix(".json").read_bytes() == report_text
    _err, again = merge_arxiv(fake, fast_config, tmp_path / "c.sqlite3", out, str(out))
    assert out.read_bytes() == written
    assert [(c["arxiv_id"], c["title"]) for c in again["conflicts"]] == [(conflict["arxiv_id"], conflict["title"])]


def test_merge_arxiv_takes_a_renamed_version_and_reports_an_unclear_one(
    fake: FakeArxiv, fast_config: Path, tmp_path: Path
) -> None:
    rebnet = ("Mohammad Ghasemzadeh", "Mohammad Samragh", "Farinaz Koushanfar")
    fake.papers = {
        "1711.01243": Paper("ReBNet: Residual Binarized Neural Network", rebnet),
        "1801.04381": Paper(
            "Inverted Residuals and Linear Bottlenecks: Mobile Networks for Classification, Detection and Segmentation",
            ("Mark Sandler", "Andrew Howard"),
            published="2018-01-13T00:00:00Z",
        ),
        "1709.00513": Paper("Learning Loss for Knowledge Distillation with Conditional Adversarial Networks"),
    }
    doc = tmp_path / "a.md"
    doc.write_text(
        "- [ResBinNet: Residual Binary Neural Network](https://arxiv.org/abs/1711.01243) - Mohammad Ghasemzadeh, "
        "Mohammad Samragh, Farinaz Koushanfar. *arXiv 2017*.\n"
        "- [MobileNetV2: Inverted Residuals and Linear Bottlenecks](https://arxiv.org/abs/1801.04381) *CVPR 2018*.\n"
        "- [Training Shallow and Thin Networks for Acceleration via Knowledge Distillation with Conditional "
        "Adversarial Networks](https://arxiv.org/abs/1709.00513)\n",
        encoding="utf-8",
    )
    out = tmp_path / "merged.md"
    err, report = merge_arxiv(fake, fast_config, tmp_path / "c.sqlite3", out, str(doc))
    entries = {e["arxiv_id"]: e for e in report["entries"]}
    lines = out.read_text(encoding="utf-8").splitlines()
    # Renamed between versions, by the authors the list names: arXiv's title; the authors were the list's too.
    assert (entries["1711.01243"]["arxiv_match"], entries["1711.01243"]["arxiv_fields"]) == ("same", ["title"])
    assert lines[entries["1711.01243"]["line"] - 1] == (
        "- [ReBNet: Residual Binarized Neural Network](https://arxiv.org/abs/1711.01243) - Mohammad Ghasemzadeh, "
        "Mohammad Samragh, Farinaz Koushanfar. *arXiv 2017*."
    )
    # The version-1 title of MobileNetV2 holds the list's title as a part: arXiv's title, and the authors the
    # list lacks.
    mobile = entries["1801.04381"]
    assert (mobile["arxiv_match"], mobile["arxiv_fields"]) == ("same", ["title", "authors"])
    assert lines[mobile["line"] - 1].endswith(") - Mark Sandler, Andrew Howard. *CVPR 2018*.")
    # A title that shares only some telling words, with no authors to settle it: the list's title, no authors
    # taken, and a conflict that says why.
    shallow = entries["1709.00513"]
    assert (shallow["arxiv_match"], shallow["arxiv_fields"]) == ("mixed", [])
    assert lines[shallow["line"] - 1] == (
        "- [Training Shallow and Thin Networks for Acceleration via Knowledge Distillation with Conditional "
        "Adversarial Networks](https://arxiv.org/abs/1709.00513) - *arXiv 2017*."
    )
    [conflict] = report["conflicts"]
    assert conflict["arxiv_id"] == "1709.00513" and conflict["match"] == "mixed"
    assert conflict["arxiv_title"] == "Learning Loss for Knowledge Distillation with Conditional Adversarial Networks"
    assert conflict["evidence"] and 40 <= conflict["score"] < 80
    assert conflict["sources"] == [{"path": str(doc), "line": 3, "column": 1}]
    assert "arxiv: 1 entry keeps" in err
    # Without the list's authors the renamed title alone is unclear: the list's title is kept and reported.
    doc.write_text("- [ResBinNet: Residual Binary Neural Network](https://arxiv.org/abs/1711.01243)\n")
    _err, report = merge_arxiv(fake, fast_config, tmp_path / "c.sqlite3", out, str(doc))
    assert [(c["arxiv_id"], c["match"], c["title"]) for c in report["conflicts"]] == [
        ("1711.01243", "mixed", "ResBinNet: Residual Binary Neural Network")
    ]
    assert "[ResBinNet: Residual Binary Neural Network](https://arxiv.org/abs/1711.01243) - *arXiv 2017*." in (
        out.read_text(encoding="utf-8")
    )


def test_summary_markdown_is_appended_not_overwritten(fake: FakeArxiv, fast_config: Path, tmp_path: Path) -> None:
    doc = tmp_path / "list.md"
    doc.write_text("- [Learning Sparse Neural Networks through L0 Regularization](https://arxiv.org/abs/1712.01312)\n")
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    code, _out, _err = run(
        "check-links", "--arxiv-api", fake.template, "--no-cache", "--summary-md", str(summary),
        "--config", str(fast_config), str(doc),
    )  # fmt: skip
    assert code == 0
    assert summary.read_text().startswith("earlier step\n## awesome-lint: links")
    assert "No dead or wrong links." in summary.read_text()
    # A link as written that arXiv does not take, and a title that differs from arXiv's, are listed.
    doc.write_text(
        "- [Exploiting Linear Structure Within Convolutional Networks](https://arxiv.org/pdf/1404.00736)\n"
        "- [Learning Sparse Neural Networks through Weight Decay](https://arxiv.org/abs/1712.01312)\n"
    )
    fake.papers = {**fake.papers, "1404.0736": Paper("Exploiting Linear Structure Within Convolutional Networks")}
    run(
        "check-links", "--arxiv-api", fake.template, "--no-cache", "--summary-md", str(summary),
        "--config", str(fast_config), str(doc),
    )  # fmt: skip
    table = summary.read_text().split("## awesome-lint: links")[-1]
    assert "| malformed-arxiv-id |" in table and "| arxiv-title-differs |" in table


def test_directory_of_lists_is_checked_without_network(fake: FakeArxiv, fast_config: Path) -> None:
    # --offline answers from the cache alone: with no cache every link is unknown, nothing is dead but the
    # four links whose ids cannot exist as written (malformed-arxiv-id, no network needed), which fail the run.
    code, out, err = run("check-links", "--offline", "--no-cache", "--config", str(fast_config), str(LISTS))
    assert "AL501" not in out
    # The links left unchecked are summed up on stderr, not listed one by one.
    assert set(re.findall(r":\d+:\d+: (AL\d+)", out)) == {"AL304"}
    counts = re.search(
        r"links: 0 alive, 4 dead, (\d+) unknown, \d+ skipped \((\d+) URLs, (\d+) arXiv links of \d+ ids\)", err
    )
    assert counts is not None, err
    unknown, urls, links = map(int, counts.groups())
    assert urls > 100 and unknown + 4 == urls + links
    assert f"links: {urls} URLs not in the cache, so not checked (--offline): https://" in err
    assert code == 1
    assert fake.requests == []


def test_offline_reports_what_the_cache_knows_and_sums_up_the_rest(
    server: HTTPServer, fast_config: Path, tmp_path: Path
) -> None:
    server.expect_request("/ok").respond_with_data("fine")
    server.expect_request("/gone").respond_with_data("no", status=404)
    base = server.url_for("/")
    doc = tmp_path / "list.md"
    doc.write_text(f"# T\n\n- [Alive paper]({base}ok)\n- [Gone paper]({base}gone)\n")
    common = ["--cache", str(tmp_path / "c.sqlite3"), "--config", str(fast_config), "--allow-private"]
    assert run("check-links", *common, str(doc))[0] == 1  # fills the cache: one alive, one dead
    doc.write_text(doc.read_text() + f"- [New paper]({base}new)\n")
    server.clear()
    code, out, err = run("check-links", "--offline", *common, str(doc))
    assert server.log == []
    assert "list.md:4:3: AL501 error: dead link (HTTP 404)" in out and "AL502" not in out
    assert (
        "links: 1 alive, 1 dead, 1 unknown, 0 skipped (3 URLs, 0 arXiv links of 0 ids); 0 requests, 2 cache hits" in err
    )
    assert f"links: 1 URL not in the cache, so not checked (--offline): {base}new\n" in err
    assert code == 1
    summary = tmp_path / "summary.md"
    code, out, err = run(
        "check-links", "--offline", "--fail-on", "unknown", "--summary-md", str(summary), *common, str(doc)
    )
    assert code == 1 and "AL502" not in out  # the link not checked still fails --fail-on unknown
    assert "1 URL not in the cache, so not checked (`--offline`)." in summary.read_text()


def test_dead_after_needs_failures_on_several_days(
    server: HTTPServer, fake: FakeArxiv, fast_config: Path, tmp_path: Path
) -> None:
    import time

    from awesome_lint.links.cache import LinkCache
    from awesome_lint.links.types import LinkResult

    server.expect_request("/old").respond_with_data("no", status=404)
    server.expect_request("/new").respond_with_data("no", status=404)
    old, new = server.url_for("/old"), server.url_for("/new")
    cache_path = tmp_path / "links.sqlite3"
    for days_ago in (2.5, 1.5):  # the old link already failed on two earlier days
        then = time.time() - days_ago * 86400
        with LinkCache(cache_path, now=lambda then=then: then) as cache:
            cache.put_url(LinkResult(old, "dead", status=404, checked_at=then))
    doc = tmp_path / "list.md"
    doc.write_text(f"- [Old broken link]({old})\n- [Newly broken link]({new})\n")
    code, out, _err = run(
        "check-links", "--allow-private", "--dead-after", "2", "--cache", str(cache_path),
        "--arxiv-api", fake.template, "--config", str(fast_config), "--fail-on", "unknown", str(doc),
    )  # fmt: skip
    assert code == 1
    assert "list.md:1:3: AL501 error: dead link (HTTP 404)" in out
    assert "list.md:2:3: AL502" in out and "failed on 1 of the 2 days" in out
    assert "list.md:2:3: AL501" not in out


def test_links_are_checked_as_written(fake: FakeArxiv, fast_config: Path, tmp_path: Path) -> None:
    """A reader clicking the link gets what the finding says: an id arXiv does not take as written, a version
    the paper does not have; the id arXiv does have is still what the title check compares."""
    fake.papers = {
        "1404.0736": Paper("Exploiting Linear Structure Within Convolutional Networks", version=2),
        "1510.00149": Paper("Deep Compression", version=2),
    }
    doc = tmp_path / "list.md"
    doc.write_text(
        "# Papers\n\n"
        "- [Exploiting Linear Structure Within Convolutional Networks](https://arxiv.org/pdf/1404.00736)\n"
        "- [Deep Compression](https://arxiv.org/abs/1510.00149v9)\n"
        "- [Deep Compression](https://arxiv.org/abs/1510.00149v2)\n"
        "- [Impossible](https://arxiv.org/abs/1713.01209)\n"
    )
    common = ["--arxiv-api", fake.template, "--no-cache", "--config", str(fast_config), "--format", "json"]
    code, out, _err = run("check-links", *common, str(doc))
    found = sorted((f["line"], f["name"], f["fix"]) for f in json.loads(out)["findings"])
    assert found == [
        (3, "malformed-arxiv-id", "write 1404.0736"),
        (4, "arxiv-not-found", None),
        (6, "malformed-arxiv-id", None),
    ]
    message = next(f["message"] for f in json.loads(out)["findings"] if f["line"] == 4)
    assert "no version 9 of 1510.00149 (the latest is v2)" in message
    assert code == 1
    assert "1404.0736" in fake.asked and "1404.00736" not in fake.asked
    # `lint --links` reports each of these once, too.
    code, out, _err = run("lint", "--links", "--select", "AL304,AL5", *common, str(doc))
    names = sorted((f["line"], f["name"]) for f in json.loads(out)["findings"])
    assert names == [(3, "malformed-arxiv-id"), (4, "arxiv-not-found"), (6, "malformed-arxiv-id")]


NETWORK_EXAMPLE_PAPERS = {
    "1707.01209": Paper("A paper", version=2),
    "1711.01312": Paper(OTHER_PAPER),
    "1712.01312": Paper("Learning Sparse Neural Networks through L0 Regularization"),
    "1711.01243": Paper("ReBNet: Residual Binarized Neural Network"),
}


@pytest.mark.parametrize("name", ["arxiv-not-found", "arxiv-title-mismatch", "arxiv-title-differs"])
def test_arxiv_rule_docstring_examples(name: str, fake: FakeArxiv, fast_config: Path, tmp_path: Path) -> None:
    """The Bad example of each arXiv rule's documentation is reported on the fake arXiv, the Good one is not."""
    import inspect

    from awesome_lint.rules import resolve

    (rule,) = resolve(name)
    fake.papers = NETWORK_EXAMPLE_PAPERS
    bad = inspect.cleandoc(rule.doc.split("Bad:")[1].split("Good:")[0])
    good = inspect.cleandoc(rule.doc.split("Good:")[1].split("Options:")[0])
    reported = []
    for example in (bad, good):
        doc = tmp_path / "example.md"
        doc.write_text(example + "\n")
        _code, out, _err = run(
            "check-links", "--arxiv-api", fake.template, "--no-cache", "--config", str(fast_config),
            "--format", "json", str(doc),
        )  # fmt: skip
        reported.append([f["name"] for f in json.loads(out)["findings"]])
    assert name in reported[0]
    assert reported[1] == []


@pytest.mark.parametrize("status", [500, 429, 503])
def test_fail_on_unknown_fails_when_arxiv_cannot_answer(
    fake: FakeArxiv, fast_config: Path, tmp_path: Path, status: int
) -> None:
    doc = tmp_path / "list.md"
    doc.write_text(
        "- [Model Compression via Distillation and Quantization](https://arxiv.org/abs/1802.05668)\n"
        "- [Learning Sparse Neural Networks through L0 Regularization](https://arxiv.org/abs/1712.01312)\n"
    )
    fake.fail_next(20, status=status, retry_after="0")  # every attempt, retries included
    args = ["check-links", "--arxiv-api", fake.template, "--no-cache", "--config", str(fast_config), str(doc)]
    code, out, err = run(*args)
    assert code == 0  # by default only dead or wrong links fail
    assert "0 alive, 0 dead, 2 unknown" in err
    assert f"links: arXiv could not be asked about 1712.01312, 1802.05668 (HTTP {status} from arXiv API" in err
    fake.fail_next(20, status=status, retry_after="0")
    code, out, err = run(*args[:-1], "--fail-on", "unknown", str(doc))
    assert code == 1, (out, err)
    assert "2 unknown" in err


def test_fail_on_unknown_passes_when_everything_was_checked(fake: FakeArxiv, fast_config: Path, tmp_path: Path) -> None:
    doc = tmp_path / "list.md"
    doc.write_text("- [Learning Sparse Neural Networks through L0 Regularization](https://arxiv.org/abs/1712.01312)\n")
    code, _out, err = run(
        "check-links", "--arxiv-api", fake.template, "--no-cache", "--config", str(fast_config),
        "--fail-on", "unknown", str(doc),
    )  # fmt: skip
    assert code == 0, err
    assert "1 alive, 0 dead, 0 unknown" in err and "could not be asked" not in err


def test_summary_markdown_escapes_html_and_markdown_from_lists_and_arxiv(
    server: HTTPServer, fake: FakeArxiv, fast_config: Path, tmp_path: Path
) -> None:
    fake.papers["1707.01209"] = Paper('<img src=x onerror="alert(1)"> **Owned** [click](javascript:alert(1)) | `x`')
    server.expect_request("/gone").respond_with_data("no", status=404)
    gone = server.url_for("/gone") + "?q=<script>alert(1)</script>*x*_y_"
    doc = tmp_path / "list.md"
    doc.write_text(f"- [A paper about cats]({gone})\n- [Learning to Prune Filters](https://arxiv.org/abs/1707.01209)\n")
    summary = tmp_path / "summary.md"
    code, _out, err = run(
        "check-links", "--allow-private", "--arxiv-api", fake.template, "--no-cache", "--config", str(fast_config),
        "--summary-md", str(summary), str(doc),
    )  # fmt: skip
    assert code == 1, err
    text = summary.read_text()
    assert "dead-link" in text and "arxiv-title-mismatch" in text
    for raw in ("<img", "<script>", "**Owned**", "[click](", "*x*", "_y_", "`x`", '"alert'):
        assert raw not in text
    assert "&lt;img src\\=x onerror\\=&quot;alert\\(1\\)&quot;&gt;" in text
    assert "&lt;script&gt;" in text and "\\*\\*Owned\\*\\*" in text
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert len(rows) == 2 and all(row.count(" | ") == 2 for row in rows)  # no extra table columns


def test_arxiv_links_are_counted_for_the_address_they_give() -> None:
    from awesome_lint.links.check import NetworkResults, arxiv_links
    from awesome_lint.links.types import ArxivRecord
    from awesome_lint.parse import parse_bytes

    doc = parse_bytes(
        b"- [A](https://arxiv.org/pdf/1404.00736) arXiv:1404.0736\n- [B](https://arxiv.org/abs/1404.0736)\n"
        b"- [C](https://arxiv.org/abs/1510.00149v9)\n- [D](https://arxiv.org/abs/1706.02677.pdf) arXiv:1712.01312\n"
        b"- [E](https://arxiv.org/abs/1713.01234)\n- [F](https://arxiv.org/abs/1802.05668)\n"
        b"- [G](https://arxiv.org/abs/1802.05668)\n",
        "t.md",
    )
    written = arxiv_links(doc.entries)
    assert written == (
        "https://arxiv.org/pdf/1404.00736",
        "https://arxiv.org/abs/1404.0736",
        "https://arxiv.org/abs/1510.00149v9",
        "https://arxiv.org/abs/1706.02677.pdf",
        "1712.01312",
        "https://arxiv.org/abs/1713.01234",
        "https://arxiv.org/abs/1802.05668",
    )
    records = {
        "1404.0736": ArxivRecord("1404.0736", True, version=1),
        "1510.00149": ArxivRecord("1510.00149", True, version=5),
        "1706.02677": ArxivRecord("1706.02677", True, version=2),
        "1712.01312": ArxivRecord("1712.01312", False, reason="not found"),
        "1802.05668": ArxivRecord("1802.05668", None, reason="HTTP 503"),
    }
    net = NetworkResults(arxiv=records, arxiv_links=written)
    outcomes = [net.arxiv_outcome(link) for link in written]
    assert outcomes == ["dead", "alive", "dead", "alive", "dead", "dead", "unknown"]
    summary = net.summary()
    assert (summary["alive"], summary["dead"], summary["unknown"]) == (2, 4, 1)
    assert (summary["arxiv_links"], summary["arxiv_ids"]) == (7, 5)


def test_check_links_names_the_lint_command_that_applies_its_fixes(fast_config: Path, tmp_path: Path) -> None:
    doc = tmp_path / "list.md"
    doc.write_text("- [Exploiting Linear Structure](https://arxiv.org/pdf/1404.00736)\n")
    common = ["--config", str(fast_config)]
    code, out, _err = run("check-links", "--offline", "--no-cache", *common, str(doc))
    assert code == 1
    assert "AL304 [*] error" in out
    command = "awesome-lint lint --fix --select AL304"
    assert out.rstrip().endswith(f"Found 1 finding; 1 fixable with `{command}`.")
    assert not re.search(r"^\s+--fix\s", run("check-links", "--help")[1], re.MULTILINE)  # no --fix of its own
    code, _out, _err = run(*command.split()[1:], *common, str(doc))
    assert doc.read_text() == "- [Exploiting Linear Structure](https://arxiv.org/pdf/1404.0736)\n"
    assert "fixable" not in run("check-links", "--offline", "--no-cache", *common, str(doc))[1]


def test_check_links_honours_suppression_comments(fast_config: Path, tmp_path: Path) -> None:
    doc = tmp_path / "list.md"
    doc.write_text(
        "<!-- awesome-lint-disable-next-line AL304 -->\n"
        "- [Exploiting Linear Structure](https://arxiv.org/pdf/1404.00736)\n"
        "- [Compressing Deep Nets](https://arxiv.org/pdf/1412.06115) <!-- awesome-lint-disable-line -->\n"
        "- [Speeding Up](https://arxiv.org/pdf/1405.03866)\n"
    )
    code, out, _err = run("check-links", "--offline", "--no-cache", "--config", str(fast_config), str(doc))
    assert code == 1
    assert re.findall(r"list\.md:(\d+):\d+: AL304", out) == ["4"]


def test_the_plan_holds_each_url_and_arxiv_id_once(tmp_path: Path) -> None:
    from awesome_lint.links.check import plan_checks
    from awesome_lint.parse import parse_text

    doc = parse_text(
        "# T\n\n"
        "- [A](https://example.org/a) [Code](https://example.org/code) arXiv:1707.01209\n"
        "- [B](https://example.org/a) [Paper](https://arxiv.org/abs/1707.01209v2)\n"
        "- [C](https://example.org/c) [Paper](https://arxiv.org/pdf/1510.00149)\n",
        "list.md",
    )
    plan = plan_checks([doc, doc])
    assert plan.urls == ("https://example.org/a", "https://example.org/code", "https://example.org/c")
    assert plan.ids == ("1707.01209", "1510.00149")
    assert plan.total == 5
    only_last = plan_checks([doc], {"list.md": {5}})
    assert (only_last.urls, only_last.ids) == (("https://example.org/c",), ("1510.00149",))


def test_rules_run_on_the_files_as_the_link_check_read_them(tmp_path: Path) -> None:
    from awesome_lint.config import load_config
    from awesome_lint.lint import lint_paths, read_and_parse

    listing = tmp_path / "list.md"
    listing.write_text("# T\n\n- [A](https://arxiv.org/abs/1404.00736)\n")
    parsed = read_and_parse([str(listing), str(listing)])
    listing.write_text("# T\n\n- [A](https://arxiv.org/abs/1404.0736)\n")  # changed after it was read
    config = load_config(None).with_overrides(
        select=("malformed-arxiv-id",), ignore=(), fail_on=None, output_format=None
    )
    [result] = lint_paths([str(listing)], config, parsed=parsed)
    assert [f.name for f in result.findings] == ["malformed-arxiv-id"]  # not read a second time
    [fresh] = lint_paths([str(listing)], config)
    assert fresh.findings == ()
