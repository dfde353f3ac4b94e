"""The pre-commit hooks in .pre-commit-hooks.yaml, run by the real pre-commit on a throwaway git repository.

pre-commit builds a virtualenv for the hooks and pip-installs awesome-lint into it (from PyPI for the
dependencies), which takes a while; the environment lives in a session-wide PRE_COMMIT_HOME so both hooks
share it. `pre-commit try-repo` would build a new environment on every call (it uses a temporary store,
ignoring PRE_COMMIT_HOME), so the test writes the `.pre-commit-config.yaml` try-repo would write (this
repository at one commit) and uses `pre-commit run`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

# An otherwise clean list with one defect that has a safe fix: an http:// arXiv link (AL301).
LIST = (
    b"# Papers\n"
    b"\n"
    b"A few papers on model compression.\n"
    b"\n"
    b"## Surveys\n"
    b"\n"
    b"- [A Survey of Model Compression](http://arxiv.org/abs/1710.09282)\n"
    b"- [Deep Compression](https://arxiv.org/abs/1510.00149)\n"
)
INSECURE = b"http://arxiv.org/abs/1710.09282"
SECURE = b"https://arxiv.org/abs/1710.09282"
# Not Markdown: the hooks (`types: [markdown]`) must leave it alone.
NOTES = b"see " + INSECURE + b"\n"
GIT_IDENTITY = ("-c", "user.name=awesome-lint tests", "-c", "user.email=tests@example.invalid")
# Building the hook environment downloads and installs packages; the other runs take about a second.
INSTALL_TIMEOUT = 600  # a bound against hangs, not a speed check: a busy machine is slow
RUN_TIMEOUT = 300


def _env(pre_commit_home: Path) -> dict[str, str]:
    """The environment for git and pre-commit: no inherited GIT_* (we may run inside a git hook) or SKIP."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT")) and k != "SKIP"}
    env["PRE_COMMIT_HOME"] = str(pre_commit_home)
    return env


def _git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    """Run git; a failure fails the test with git's stderr."""
    git = shutil.which("git")
    if git is None:
        pytest.fail("git is not installed; the pre-commit hook test needs it")
    proc = subprocess.run(
        [git, "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *GIT_IDENTITY, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        pytest.fail(f"git {' '.join(args)} failed in {cwd} (exit {proc.returncode}):\n{proc.stderr}")
    return proc.stdout


def _commit_all(repo: Path, env: dict[str, str]) -> str:
    """Stage everything in `repo`, commit it and return the commit id."""
    _git("add", "-A", cwd=repo, env=env)
    _git("commit", "--quiet", "--no-verify", "-m", "snapshot", cwd=repo, env=env)
    return _git("rev-parse", "HEAD", cwd=repo, env=env).strip()


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One PRE_COMMIT_HOME for the session, so the hook environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory, pre_commit_home: Path) -> tuple[Path, str]:
    """This working tree as one commit of a new repository: tracked and untracked files, minus ignored ones.

    Like `pre-commit try-repo`, this tests uncommitted changes; unlike it, new (untracked) files count too.
    """
    env = _env(pre_commit_home)
    listing = _git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT, env=env)
    snapshot = tmp_path_factory.mktemp("awesome-lint-snapshot")
    for name in filter(None, listing.split("\0")):
        source = ROOT / name
        if source.is_file() or source.is_symlink():  # a tracked file deleted in the working tree is gone
            target = snapshot / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target, follow_symlinks=False)
    assert (snapshot / ".pre-commit-hooks.yaml").is_file(), "no .pre-commit-hooks.yaml at the repository root"
    _git("init", "--quiet", cwd=snapshot, env=env)
    return snapshot, _commit_all(snapshot, env)


def _pre_commit(hook: str, repo: Path, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess[str]:
    """`pre-commit run HOOK --all-files` in `repo`, with pre-commit from this interpreter's environment."""
    exe = Path(sys.executable).parent / ("pre-commit.exe" if os.name == "nt" else "pre-commit")
    if not exe.is_file():
        pytest.fail(f"{exe} not found: install the test extra (pip install -e '.[test]')")
    return subprocess.run(
        [str(exe), "run", hook, "--all-files", "--color=never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_try_repo_runs_the_lint_hook(tmp_path: Path, hook_repo: tuple[Path, str], pre_commit_home: Path) -> None:
    """`pre-commit try-repo` itself (a fresh hook environment of its own) fails on the known defect."""
    env = _env(pre_commit_home)
    snapshot, _rev = hook_repo
    repo = tmp_path / "papers"
    repo.mkdir()
    (repo / "list.md").write_bytes(LIST)
    (repo / ".awesome-lint.toml").write_bytes(b"")
    _git("init", "--quiet", cwd=repo, env=env)
    _commit_all(repo, env)
    exe = Path(sys.executable).parent / ("pre-commit.exe" if os.name == "nt" else "pre-commit")
    proc = subprocess.run(
        [str(exe), "try-repo", str(snapshot), "awesome-lint", "--all-files", "--color=never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=INSTALL_TIMEOUT,
        check=False,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output
    assert "AL301" in output and "list.md:7:3" in output, output
    assert (repo / "list.md").read_bytes() == LIST


def test_hooks_lint_then_fix(tmp_path: Path, hook_repo: tuple[Path, str], pre_commit_home: Path) -> None:
    """awesome-lint reports AL301 and fails; awesome-lint-fix rewrites only the link; then awesome-lint passes."""
    env = _env(pre_commit_home)
    snapshot, rev = hook_repo
    repo = tmp_path / "papers"
    repo.mkdir()
    (repo / "list.md").write_bytes(LIST)
    (repo / "notes.txt").write_bytes(NOTES)
    (repo / ".awesome-lint.toml").write_bytes(b"")  # default settings, whatever lies above tmp_path
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n-   repo: {snapshot.as_posix()}\n    rev: {rev}\n"
        "    hooks:\n    -   id: awesome-lint\n    -   id: awesome-lint-fix\n",
        encoding="utf-8",
    )
    _git("init", "--quiet", cwd=repo, env=env)
    _commit_all(repo, env)

    lint = _pre_commit("awesome-lint", repo, env, INSTALL_TIMEOUT)
    output = lint.stdout + lint.stderr
    assert lint.returncode != 0, output
    assert "AL301" in output and "list.md:7:3" in output, output
    assert (repo / "list.md").read_bytes() == LIST, "the lint-only hook changed the file"

    fix = _pre_commit("awesome-lint-fix", repo, env, RUN_TIMEOUT)
    output = fix.stdout + fix.stderr
    assert fix.returncode != 0, output
    assert "files were modified by this hook" in output, output
    fixed = (repo / "list.md").read_bytes()
    assert SECURE in fixed and INSECURE not in fixed, fixed
    assert fixed == LIST.replace(INSECURE, SECURE), "the fix changed more than the link"
    assert (repo / "notes.txt").read_bytes() == NOTES, "a non-Markdown file was passed to the hook"

    again = _pre_commit("awesome-lint", repo, env, RUN_TIMEOUT)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Passed" in again.stdout, again.stdout
