"""`check-links`, `lint --links`, `merge --arxiv` and the GitHub Action, end to end against local servers."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import LISTS, ROOT, SEED_LISTS
from fake_arxiv import FakeArxiv, Paper
from pytest_httpserver import HTTPServer

from awesome_lint.cli import main
from awesome_lint.parse import parse_file

# The real arXiv ids of the seed lists' papers, with the titles the lists give them; the one id the
# list cites wrongly (arXiv:1711.01312 for the L0 paper, which is 1712.01312) belongs to another paper.
OTHER_PAPER = "Neural Motifs: Scene Graph Parsing with Global Context"


def seed_papers() -> dict[str, Paper]:
    papers: dict[str, Paper] = {}
    for path in SEED_LISTS:
        for entry in parse_file(path).entries:
            if entry.arxiv_id and entry.arxiv_id not in ("1711.01312", "1604.03168"):
                papers.setdefault(entry.arxiv_id, Paper(entry.title, published="2017-01-01T00:00:00Z"))
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
    assert {f["name"] for f in findings} == {"arxiv-title-mismatch"}, findings
    assert code == 1
    assert len(fake.requests) <= 5
    asked = {i for r in fake.requests for i in r.ids}
    assert "1404.0736" in asked and "1404.00736" not in asked
    assert re.search(r"links: \d+ alive, 0 dead, 0 unknown, \d+ skipped", err)
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
    common = ["--arxiv-api", fake.template, "--no-cache", "--timeout", "2", "--config", str(fast_config)]
    code, out, err = run("check-links", "--allow-private", *common, str(doc))
    assert code == 1
    assert "list.md:4:3: AL501 dead link (HTTP 404)" in out
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


def test_action_script_on_a_sample_repository(server: HTTPServer, fake: FakeArxiv, tmp_path: Path) -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    steps = {step.get("name"): step for step in action["runs"]["steps"]}
    assert "github.action_path" in steps["Install awesome-lint"]["run"]
    assert any(step.get("uses", "").startswith("actions/cache@") for step in action["runs"]["steps"])
    step = steps["Lint and check links"]
    server.expect_request("/gone").respond_with_data("no", status=404)
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "README.md").write_text(
        f"# Papers\n\n- [Gone paper]({server.url_for('/gone')})\n- [Old link](http://arxiv.org/abs/1712.01312)\n"
    )
    (repo / ".awesome-lint.toml").write_text("[links]\narxiv-delay = 0\n")
    summary = tmp_path / "summary.md"
    inputs = {"paths": "README.md", "links": "true", "fail-on": "warning", "links-fail-on": "error", "since": "",
              "args": f"--allow-private --arxiv-api {fake.template}", "python-version": "3.12"}  # fmt: skip
    env = dict(os.environ)
    for key, value in step["env"].items():
        value = re.sub(r"\$\{\{ inputs\.([\w-]+) \}\}", lambda m: inputs[m.group(1)], value)
        env[key] = value.replace("${{ runner.temp }}", str(tmp_path / "runner"))
    env["GITHUB_STEP_SUMMARY"] = str(summary)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    proc = subprocess.run(["bash", "-c", step["run"]], cwd=repo, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    annotations = proc.stdout.splitlines()
    assert any(a.startswith("::warning file=README.md,line=4,") and "AL301" in a for a in annotations)
    assert any(a.startswith("::error file=README.md,line=3,") and "AL501" in a for a in annotations)
    text = summary.read_text()
    assert "| alive | dead | unknown | skipped |" in text
    assert "| `README.md:3` | dead-link |" in text
    assert (tmp_path / "runner" / "awesome-lint-cache" / "links.sqlite3").exists()


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


def test_directory_of_lists_is_checked_without_network(fake: FakeArxiv, fast_config: Path) -> None:
    # --offline answers from the cache alone: with no cache every link is unknown, nothing is dead.
    code, out, err = run("check-links", "--offline", "--no-cache", "--config", str(fast_config), str(LISTS))
    assert code == 0
    assert "0 dead" in err and "AL501" not in out
    assert fake.requests == []


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
    assert "list.md:1:3: AL501 dead link (HTTP 404)" in out
    assert "list.md:2:3: AL502" in out and "failed on 1 of the 2 days" in out
    assert "list.md:2:3: AL501" not in out


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
