"""The GitHub Action (action.yml and its step scripts) run step by step on a sample repository, with combinations
of its inputs, against local servers; plus the SARIF and job-summary output it relies on."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT
from fake_arxiv import FakeArxiv, Paper
from npm_tools import mermaid_check
from pytest_httpserver import HTTPServer

from awesome_lint.cli import main
from awesome_lint.findings import Finding
from awesome_lint.model import Span
from awesome_lint.report.sarif import render_sarif
from awesome_lint.report.summary import lint_summary_markdown

ACTION = yaml.safe_load((ROOT / "action.yml").read_text())
DOCS = "https://github.com/someone/awesome-lint/blob/v9/docs/rules.md"
_EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


@dataclass
class Job:
    """What running the action's steps did: the exit status, output, `uses:` steps reached, summary, outputs."""

    status: int
    stdout: str
    stderr: str
    used: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    summary: str = ""
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    ran: list[str] = field(default_factory=list)


def run_action(repo: Path, runner: Path, inputs: dict[str, str], env: dict[str, str] | None = None) -> Job:
    """Run action.yml's steps as a runner would: `${{ }}` expressions and `if:` conditions evaluated, `run:` steps
    in bash with $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY, `uses:` steps recorded; a failing step ends the job.
    The install step is not run: the awesome-lint under test is already on PATH."""
    values = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    unknown = set(inputs) - set(values)
    assert not unknown, f"not inputs of the action: {unknown}"
    values.update(inputs)
    runner.mkdir(parents=True, exist_ok=True)
    summary = runner / "summary.md"
    summary.touch()
    outputs: dict[str, dict[str, str]] = {}
    context = {
        "github.action_path": str(ROOT),
        "github.repository": "someone/lists",
        "github.run_id": "1",
        "github.action_repository": "",
        "github.action_ref": "",
        "runner.temp": str(runner),
        "runner.os": "Linux",
    }

    def value(expr: str) -> str:
        if expr.startswith("inputs."):
            return values[expr.removeprefix("inputs.")]
        m = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expr)
        if m:
            return outputs.get(m.group(1), {}).get(m.group(2), "")
        return context[expr]

    def expand(text: str) -> str:
        return _EXPR.sub(lambda m: value(m.group(1)), text)

    def condition(text: str) -> bool:
        text = _EXPR.sub(lambda m: m.group(1), text)
        text = re.sub(r"\b((?:inputs|steps|github|runner)\.[\w.-]+)", lambda m: repr(value(m.group(1))), text)
        assert re.fullmatch(r"('[^']*'|\s|==|!=|&&|\|\|)+", text), f"unsupported condition: {text}"
        return bool(eval(text.replace("&&", " and ").replace("||", " or "), {"__builtins__": {}}))

    job = Job(0, "", "")
    base_env = {key: val for key, val in os.environ.items() if not key.startswith(("GITHUB_", "AWESOME_LINT_"))}
    base_env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{base_env['PATH']}"
    base_env.update({"GITHUB_STEP_SUMMARY": str(summary), "RUNNER_TEMP": str(runner), "RUNNER_OS": "Linux"})
    base_env.update({"GITHUB_REPOSITORY": "someone/lists", "GITHUB_SHA": "abc123"})
    base_env.update(env or {})
    for number, step in enumerate(ACTION["runs"]["steps"]):
        if "if" in step and not condition(step["if"]):
            continue
        name = step.get("name", step.get("uses", ""))
        if "uses" in step:
            job.used.append((step["uses"], {k: expand(str(v)) for k, v in step.get("with", {}).items()}))
            continue
        if name == "Install awesome-lint":
            assert "github.action_path" in step["run"]
            continue
        output_file = runner / f"output-{number}"
        output_file.write_text("")
        step_env = {**base_env, "GITHUB_OUTPUT": str(output_file)}
        step_env.update({k: expand(str(v)) for k, v in step.get("env", {}).items()})
        proc = subprocess.run(
            ["bash", "-e", "-c", expand(step["run"])],
            cwd=repo,
            env=step_env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        job.ran.append(name)
        job.stdout += proc.stdout
        job.stderr += proc.stderr
        if "id" in step:
            pairs = (line.partition("=") for line in output_file.read_text().splitlines() if "=" in line)
            outputs[step["id"]] = {key: val for key, _, val in pairs}
        if proc.returncode != 0:
            job.status = proc.returncode
            break
    job.summary = summary.read_text()
    job.outputs = outputs
    return job


@pytest.fixture
def fake(server: HTTPServer) -> Iterator[FakeArxiv]:
    api = FakeArxiv({"1712.01312": Paper("Learning Sparse Neural Networks through L0 Regularization")})
    api.install(server)
    yield api
    api.release()


@pytest.fixture
def repo(tmp_path: Path, server: HTTPServer) -> Path:
    """A sample repository: a README with an http arXiv link (AL301, warning) and a dead link, a list in a
    subfolder with an empty link (AL202, error), and a config without arXiv's pause."""
    server.expect_request("/gone").respond_with_data("no", status=404)
    root = tmp_path / "repo"
    (root / "lists").mkdir(parents=True)
    (root / ".git").mkdir()  # the repository root, as far as SARIF paths are concerned
    (root / "README.md").write_text(
        f"# Papers\n\n- [Gone paper]({server.url_for('/gone')})\n"
        "- [Learning Sparse Neural Networks through L0 Regularization](http://arxiv.org/abs/1712.01312)\n"
    )
    (root / "lists" / "more.md").write_text("# More\n\n- [A paper without a target]()\n")
    (root / ".awesome-lint.toml").write_text("[links]\narxiv-delay = 0\n")
    return root


def annotations(job: Job) -> list[str]:
    return [line for line in job.stdout.splitlines() if line.startswith("::")]


def test_action_shape() -> None:
    inputs = ACTION["inputs"]
    assert "args" not in inputs and {"lint-args", "links-args", "sarif"} <= set(inputs)
    steps = ACTION["runs"]["steps"]
    uses = [step.get("uses", "") for step in steps]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    pip = next(step for step in steps if step.get("name") == "Restore the pip cache")
    assert pip["uses"].startswith("actions/cache@") and "steps.pip.outputs.key" in pip["with"]["key"]
    assert ACTION["outputs"]["sarif-file"]["value"] == "${{ steps.run.outputs.sarif-file }}"


def test_defaults_lint_annotates_and_always_write_a_summary(repo: Path, tmp_path: Path) -> None:
    job = run_action(repo, tmp_path / "runner", {"paths": "README.md lists"})
    assert job.status == 1, job.stderr
    assert job.ran[-1] == "Fail on findings"
    assert job.outputs["run"]["status"] == "1"
    found = annotations(job)
    assert any(a.startswith("::warning file=README.md,line=4,") and "AL301" in a for a in found)
    assert any(a.startswith("::error file=lists/more.md,line=3,") and "AL202" in a for a in found)
    assert "AL501" not in job.stdout  # links are not checked by default
    summary = job.summary
    assert summary.startswith("## awesome-lint: lint\n")
    assert "2 findings in 2 files (1 error, 1 warning)." in summary
    own_docs = "https://github.com/someone/lists/blob/abc123/docs/rules.md"  # uses: ./ at the commit checked
    assert f"| [AL301]({own_docs}#al301-insecure-link) `insecure-link` | warning | 1 | 1 |" in summary
    assert "| `lists/more.md:3:3` | AL202 | error |" in summary
    assert "## awesome-lint: links" not in summary
    assert summary.index("## awesome-lint: lint") < summary.index("## awesome-lint: statistics")
    assert "3 papers merged from 3 paper items of 2 lists" in summary  # README.md and lists/more.md, in charts
    assert not any(u.startswith("github/codeql-action/") for u, _ in job.used)
    # The pip cache step found pip's cache folder and made a key from the Python version and pyproject.toml.
    assert job.outputs["pip"]["dir"] and re.fullmatch(
        r"awesome-lint-pip-Linux-py3\.\d+-[0-9a-f]{16}", job.outputs["pip"]["key"]
    )
    assert ("actions/cache@v4", {"path": job.outputs["pip"]["dir"], "key": job.outputs["pip"]["key"],
            "restore-keys": "awesome-lint-pip-Linux-"}) in job.used  # fmt: skip


def test_lint_args_and_links_args_go_to_their_own_command(
    repo: Path, tmp_path: Path, fake: FakeArxiv, server: HTTPServer
) -> None:
    inputs = {
        "links": "true",
        "lint-args": "--ignore AL301",  # an option check-links does not have
        "links-args": f"--allow-private --arxiv-api {fake.template}",  # options lint does not need
    }
    job = run_action(repo, tmp_path / "runner", inputs)
    assert "No such option" not in job.stderr
    assert job.status == 1 and job.outputs["run"]["status"] == "1"
    found = annotations(job)
    assert not any("AL301" in a for a in found)
    assert any(a.startswith("::error file=README.md,line=3,") and "AL501" in a for a in found)
    assert "## awesome-lint: lint\n\nNo findings." in job.summary
    assert "## awesome-lint: links" in job.summary and "| `README.md:3` | dead-link |" in job.summary
    assert (tmp_path / "runner" / "awesome-lint-cache" / "links.sqlite3").exists()
    assert any(u.startswith("actions/cache@") and "links" in w.get("key", "") for u, w in job.used)
    assert fake.requests  # the arXiv id went to the fake API given in links-args


def test_sarif_is_written_and_uploaded_with_docs_and_fingerprints(repo: Path, tmp_path: Path) -> None:
    job = run_action(repo, tmp_path / "runner", {"paths": "README.md lists", "sarif": "true"})
    assert job.status == 1 and job.ran[-1] == "Fail on findings"
    sarif_file = tmp_path / "runner" / "awesome-lint.sarif"
    assert job.outputs["run"]["sarif-file"] == str(sarif_file)
    assert (
        "github/codeql-action/upload-sarif@v3",
        {"sarif_file": str(sarif_file), "category": "awesome-lint"},
    ) in job.used
    assert annotations(job) == []  # code scanning shows the findings instead
    run = json.loads(sarif_file.read_text())["runs"][0]
    uris = sorted(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"])
    assert uris == ["README.md", "lists/more.md"]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    # uses: ./ in the repository itself: the docs are the repository's own at the commit being checked.
    assert rules["AL301"]["helpUri"] == "https://github.com/someone/lists/blob/abc123/docs/rules.md#al301-insecure-link"
    assert rules["AL202"]["help"]["markdown"].startswith("## AL202 `empty-link`")
    assert all(len(r["partialFingerprints"]["awesomeLint/v1"]) == 32 for r in run["results"])
    assert "## awesome-lint: lint" in job.summary


def test_docs_url_of_an_action_checked_out_by_the_runner(repo: Path, tmp_path: Path) -> None:
    actions = tmp_path / "work" / "_actions" / "someone" / "awesome-lint" / "v9"
    actions.mkdir(parents=True)
    script = (ROOT / "action" / "run.sh").read_text()
    probe = script.split("AWESOME_LINT_DOCS_URL=")[0] + "docs_url\n"
    env = {"AL_ACTION_PATH": str(actions), "AL_ACTION_REPOSITORY": "", "AL_ACTION_REF": "", "PATH": os.environ["PATH"]}
    out = subprocess.run(["bash", "-c", probe], env=env, capture_output=True, text=True, check=True).stdout
    assert out.strip() == DOCS
    env.update({"AL_ACTION_REPOSITORY": "other/fork", "AL_ACTION_REF": "main"})
    out = subprocess.run(["bash", "-c", probe], env=env, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "https://github.com/other/fork/blob/main/docs/rules.md"


def test_the_summary_charts_render_and_can_be_turned_off(repo: Path, tmp_path: Path) -> None:
    job = run_action(repo, tmp_path / "runner", {"paths": "README.md lists", "links": "true", "fail-on": "error"})
    sections = re.findall(r"^## awesome-lint: (\w+)$", job.summary, re.MULTILINE)
    assert sections == ["lint", "links", "statistics"]
    charts = mermaid_check(tmp_path / "runner" / "summary.md")
    assert len(charts) == job.summary.count("```mermaid") >= 5 and charts[1]["type"] == "pie"
    assert all(c["error"] is None and c["type"] in ("xychart", "pie") for c in charts), charts
    assert "### Papers per year" in job.summary and "### What each list adds" in job.summary
    off = run_action(repo, tmp_path / "runner-off", {"paths": "README.md lists", "stats": "false"})
    assert off.status == job.status == 1 and "## awesome-lint: statistics" not in off.summary


def test_lists_without_charts_warn_and_do_not_fail_the_job(repo: Path, tmp_path: Path) -> None:
    (repo / "docs").mkdir()
    (repo / "docs" / "README.md").write_text("# Docs\n\nNothing listed here.\n")
    job = run_action(repo, tmp_path / "runner", {"paths": "docs"})
    assert job.status == 0, job.stderr
    assert "::warning title=awesome-lint::no charts in the job summary" in job.stdout
    assert "docs: directory contains no Markdown lists" in job.stderr
    assert "## awesome-lint: lint\n\nNo findings." in job.summary and "statistics" not in job.summary


def test_fail_on_error_passes_on_warnings_and_still_summarises(repo: Path, tmp_path: Path) -> None:
    job = run_action(repo, tmp_path / "runner", {"fail-on": "error"})
    assert job.status == 0, job.stderr
    assert "Fail on findings" not in job.ran
    assert "1 findings in 1 file (1 warning)." in job.summary


def test_since_limits_the_findings_to_changed_lines(repo: Path, tmp_path: Path) -> None:
    import shutil

    shutil.rmtree(repo / ".git")

    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=repo, check=True,
                       capture_output=True)  # fmt: skip

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "lists")
    readme = repo / "README.md"
    readme.write_text(readme.read_text() + "- [Another one](http://arxiv.org/abs/1810.05270)\n")
    job = run_action(repo, tmp_path / "runner", {"since": "HEAD"})
    assert job.status == 1
    assert [a.split(",")[1] for a in annotations(job)] == ["line=5"]


def test_a_bad_argument_is_status_2_not_a_silent_pass(repo: Path, tmp_path: Path) -> None:
    job = run_action(repo, tmp_path / "runner", {"lint-args": "--no-such-option", "sarif": "true"})
    assert job.status == 2 and job.outputs["run"]["status"] == "2"
    assert "No such option" in job.stderr
    assert not any(u.startswith("github/codeql-action/") for u, _ in job.used)  # nothing to upload


# the outputs the action relies on


FINDINGS = [
    Finding("lists/a.md", Span(3, 5, 3, 9, 40, 44), "AL404", "trailing-whitespace", "info", "trailing whitespace"),
    Finding("lists/a.md", Span(7, 1, 7, 9, 90, 98), "AL201", "missing-link", "warning", "paper without a link"),
]


def test_sarif_fingerprints_survive_line_shifts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    before = b"x" * 40 + b"    " + b"y" * 46 + b"A paper!"
    after = b"\n\n" + before  # two lines inserted above: every line and offset moves
    moved = [
        Finding(f.path, Span(f.span.line + 2, f.span.column, f.span.end_line + 2, f.span.end_column,
                             f.span.start + 2, f.span.end + 2), f.code, f.name, f.severity, f.message)
        for f in FINDINGS
    ]  # fmt: skip

    def prints(findings: list[Finding], data: bytes) -> list[str]:
        run = json.loads(render_sarif(findings, {"lists/a.md": data}))["runs"][0]
        return [r["partialFingerprints"]["awesomeLint/v1"] for r in run["results"]]

    assert prints(FINDINGS, before) == prints(moved, after)
    assert len(set(prints(FINDINGS, before))) == 2
    changed = b"x" * 40 + b"    " + b"y" * 46 + b"B paper!"
    assert prints(FINDINGS, before)[1] != prints(FINDINGS, changed)[1]
    twice = [FINDINGS[1], FINDINGS[1]]  # the same text flagged twice still gives two fingerprints
    assert len(set(prints(twice, before))) == 2


def test_sarif_paths_are_relative_to_the_repository_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "lists").mkdir()
    monkeypatch.chdir(tmp_path / "lists")
    monkeypatch.setenv("AWESOME_LINT_DOCS_URL", DOCS)
    finding = Finding("a.md", FINDINGS[0].span, "AL404", "trailing-whitespace", "info", "m")
    outside = Finding("/elsewhere/b.md", FINDINGS[0].span, "AL404", "trailing-whitespace", "info", "m")
    run = json.loads(render_sarif([finding, outside]))["runs"][0]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]]
    assert uris == ["lists/a.md", "file:///elsewhere/b.md"]
    assert run["tool"]["driver"]["rules"][0]["helpUri"] == f"{DOCS}#al404-trailing-whitespace"
    assert run["tool"]["driver"]["informationUri"] == DOCS


def test_lint_summary_counts_rules_and_caps_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWESOME_LINT_DOCS_URL", DOCS)
    text = lint_summary_markdown(FINDINGS * 150)
    assert "300 findings in 1 file (150 warning, 150 info)." in text
    assert f"| [AL201]({DOCS}#al201-missing-link) `missing-link` | warning | 150 | 0 |" in text
    assert text.count("| `lists/a.md:") == 200 and "... and 100 more" in text
    assert lint_summary_markdown([]) == "## awesome-lint: lint\n\nNo findings.\n"


def test_lint_summary_md_is_appended(tmp_path: Path) -> None:
    doc = tmp_path / "list.md"
    doc.write_text("# T\n\n- [A paper](http://arxiv.org/abs/1710.09282)\n")
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    result = CliRunner().invoke(main, ["lint", "--summary-md", str(summary), str(doc)])
    assert result.exit_code == 1
    assert summary.read_text().startswith("earlier step\n## awesome-lint: lint\n\n1 findings in 1 file (1 warning).")
