"""The ecosystem's checkers from npm (pinned in tools/package.json, installed with `npm ci --prefix tools`).

A test that needs them installs them with that command the first time (CI's `.ci/run` already has); without
Node.js and npm such a test fails with the command to run, it is never skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

TOOLS = ROOT / "tools"
BIN = TOOLS / "node_modules" / ".bin"
CONTRIBUTING = "# Contributing\n\nOpen a pull request that adds one paper per line, in the list's format.\n"
REPOSITORY_RULE = "awesome-github"
"""The one awesome-lint rule about the repository rather than the file (it asks GitHub's API about the
remote); the test repository has no remote, so it reports that and calls nothing."""


_INSTALL = threading.Lock()


def tool(name: str, path: Path | None = None) -> Path:
    """The path of an npm tool, installing the pinned tools first if they are not (fails without Node.js)."""
    path = path or BIN / name
    with _INSTALL:
        if not path.exists():
            npm = shutil.which("npm")
            if npm is None or shutil.which("node") is None:
                pytest.fail(f"{name} needs Node.js and npm: install them, then run `npm ci --prefix tools`")
            done = _run([npm, "ci", "--prefix", TOOLS, "--no-audit", "--no-fund", "--loglevel=error"], ROOT)
            if done.returncode != 0 or not path.exists():
                pytest.fail(f"`npm ci --prefix tools` did not install {name}: {done.stderr.strip()[-2000:]}")
    return path


def _run(args: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"}
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def awesome_lint(markdown: str, workdir: Path) -> list[dict[str, Any]]:
    """Every message the npm `awesome-lint` gives on `markdown` as readme.md of a fresh git repository with a
    contributing.md, as a list's repository has; each message has `line`, `rule`, `fatal` and `reason`."""
    binary = tool("awesome-lint")
    repo = workdir / "awesome-repo"
    repo.mkdir(parents=True)
    (repo / "readme.md").write_text(markdown, encoding="utf-8")
    (repo / "contributing.md").write_text(CONTRIBUTING, encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    result = _run([binary, "--reporter", TOOLS / "json-reporter.mjs", "readme.md"], repo)
    files = json.loads(result.stdout)
    return [message for file in files for message in file["messages"]]


def awesome_lint_files(files: dict[str, str], workdir: Path) -> dict[str, list[dict[str, Any]]]:
    """The npm `awesome-lint`'s messages on several Markdown files (name -> text), linted in one Node process
    (`tools/awesome-lint-files.mjs`, the tool's own `lint` function and default rules) in one folder with a
    contributing.md: name -> messages, each with `line`, `column`, `rule`, `fatal` and `reason`."""
    tool("awesome-lint")
    folder = workdir / "awesome-files"
    folder.mkdir(parents=True)
    (folder / "contributing.md").write_text(CONTRIBUTING, encoding="utf-8")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    node = shutil.which("node")
    assert node is not None
    result = _run([node, TOOLS / "awesome-lint-files.mjs", *files], folder)
    assert result.returncode == 0, result.stderr[-2000:]
    return {Path(file["path"]).name: file["messages"] for file in json.loads(result.stdout)}


def gate_errors(markdown: str, workdir: Path) -> list[str]:
    """The awesome-lint errors about the content (warnings and the repository rule left out), as text."""
    return [
        f"{m['line']}: {m['rule']}: {m['reason']}"
        for m in awesome_lint(markdown, workdir)
        if m["fatal"] is not False and m["rule"] != REPOSITORY_RULE
    ]


def markdownlint(path: Path) -> subprocess.CompletedProcess[str]:
    """markdownlint-cli2 on one file with the tools' settings (every rule but line length)."""
    binary = tool("markdownlint-cli2")
    return _run([binary, "--config", TOOLS / ".markdownlint-cli2.jsonc", f":{path.name}"], path.parent)


def mermaid_check(path: Path) -> list[dict[str, Any]]:
    """Every ```mermaid block of a Markdown file parsed by mermaid itself (in Node, no browser): one record a
    block with `line`, `type` (the diagram type) and `error` (None when it parses)."""
    tool("mermaid", TOOLS / "node_modules" / "mermaid" / "package.json")
    node = shutil.which("node")
    assert node is not None
    result = _run([node, TOOLS / "mermaid-check.mjs", path], ROOT)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
