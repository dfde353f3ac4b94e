"""Sources and `awesome-lint sync` end to end against a fake GitHub on 127.0.0.1: download, lock, change report,
restore, refusals, errors, rate limits, and offline merge; plus sources read directly by parse, lint and dupes."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fake_github import RESET_AT, FakeGitHub
from pytest_httpserver import HTTPServer

from awesome_lint.cli import main
from awesome_lint.config import load_config
from awesome_lint.errors import UserError
from awesome_lint.parse import parse_text
from awesome_lint.report.sync import render_sync
from awesome_lint.sources import FetchSettings, SourceEntry, Spec, parse_spec
from awesome_lint.sources.changes import paper_changes
from awesome_lint.sources.lock import LOCK_NAME, content_hash
from awesome_lint.sources.sync import sync_sources

PRUNING = (
    "# Awesome Pruning\n\n## Papers\n\n"
    "- [Learning both Weights and Connections for Efficient Neural Networks](https://arxiv.org/abs/1506.02626) "
    "[NIPS'15]\n"
    "- [Pruning Filters for Efficient ConvNets](https://arxiv.org/abs/1608.08710) [ICLR'17]\n"
    "- [Channel Pruning for Accelerating Very Deep Neural Networks](https://arxiv.org/abs/1707.06168) [ICCV'17]\n"
    "- [ThiNet: A Filter Level Pruning Method](https://arxiv.org/abs/1707.06342) [ICCV'17]\n"
)
# Upstream later: one paper added, one removed, one retitled (same arXiv id), and two lines swapped and
# reformatted (no change to a paper).
PRUNING_V2 = (
    "# Awesome Pruning\n\n## Papers\n\n"
    "* [Channel Pruning for Accelerating Very Deep Neural Networks](https://arxiv.org/abs/1707.06168) [ICCV'17]\n"
    "* [Learning both Weights and Connections for Efficient Neural Networks](https://arxiv.org/abs/1506.02626) "
    "[NIPS'15]\n"
    "* [ThiNet: A Filter Level Pruning Method for Deep Neural Network Compression](https://arxiv.org/abs/1707.06342)"
    " [ICCV'17]\n"
    "* [Rethinking the Value of Network Pruning](https://arxiv.org/abs/1810.05270) [ICLR'19]\n"
)
QUANT = (
    "# Quantization papers\n\n"
    "- [Binarized Neural Networks](https://arxiv.org/abs/1602.02830) [NIPS'16]\n"
    "- [XNOR-Net: ImageNet Classification Using Binary Convolutional Neural Networks]"
    "(https://arxiv.org/abs/1603.05279) [ECCV'16]\n"
)


@pytest.fixture
def github(server: HTTPServer) -> Iterator[FakeGitHub]:
    fake = FakeGitHub()
    fake.push("alice", "awesome-pruning", {"README.md": PRUNING, "LICENSE": "MIT"})
    fake.push("bob", "papers", {"docs/quant.md": QUANT, "README.md": "# Bob\n"}, branch="trunk")
    fake.install(server)
    yield fake


@pytest.fixture
def project(tmp_path: Path, server: HTTPServer, github: FakeGitHub) -> Path:
    """A folder with a config naming two GitHub sources, the fake's addresses allowed."""
    (tmp_path / ".awesome-lint.toml").write_text(
        f"""
[sync]
github-api = "{server.url_for("/api")}"
github-raw = "{server.url_for("/raw")}"
allow-private = true

[[merge.sources]]
name = "Awesome Pruning"
source = "github:alice/awesome-pruning"

[[merge.sources]]
name = "Bob's quantization papers"
source = "github:bob/papers@trunk:docs/quant.md"
url = "https://bob.example.org/papers"
file = "quant.md"
"""
    )
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def sync(project: Path, *args: str) -> tuple[int, str, str]:
    return run("sync", "--config", str(project / ".awesome-lint.toml"), *args)


def lock_of(project: Path) -> dict:
    return json.loads((project / "lists" / LOCK_NAME).read_text())["sources"]


# specs and config


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("github:alice/awesome-pruning", ("github", "alice", "awesome-pruning", None, None)),
        ("github:alice/awesome-pruning@v1.2", ("github", "alice", "awesome-pruning", "v1.2", None)),
        ("github:a/b@feature/x:docs/list.md", ("github", "a", "b", "feature/x", "docs/list.md")),
        ("github:a/b.git:README.md", ("github", "a", "b", None, "README.md")),
        ("https://github.com/a/b", ("github", "a", "b", None, None)),
        ("https://github.com/a/b/blob/main/docs/x%20y.md", ("github", "a", "b", "main", "docs/x y.md")),
        ("https://example.org/list.md", ("url", "", "", None, None)),
    ],
)
def test_specs(text: str, fields: tuple) -> None:
    spec = parse_spec(text)
    assert (spec.kind, spec.owner, spec.repo, spec.ref, spec.path) == fields
    assert spec.home == ("https://github.com/a/b" if spec.owner == "a" else spec.home)


@pytest.mark.parametrize(
    "text",
    [
        "github:alice",
        "github:a/b:../etc/passwd",
        "github:a/b:",
        "http://example.org/x.md",
        "https://",
        "https://github.com/a/b/tree/main/docs",
        "https://github.com/a/b/issues",
    ],
)
def test_bad_specs(text: str) -> None:
    with pytest.raises(UserError, match="^" + text.split(":")[0]):
        parse_spec(text)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[[merge.sources]]\nname = "A"\n', "'name' and 'source' are required"),
        ('[[merge.sources]]\nname = "A"\nsource = "github:a/b"\nbranch = "x"\n', "unknown key 'branch'"),
        ('[[merge.sources]]\nname = "A"\nsource = "github:a/b"\nfile = "../x.md"\n', "plain \\*.md file name"),
        ('[[merge.sources]]\nname = "A"\nsource = "github:a/b"\n[[merge.sources]]\nname = "a"\nsource = "github:c/d"\n',
         "two sources with the name"),
        ('[merge]\nsources = "github:a/b"\n', "must be an array of tables"),
        ("[merge]\ntitle = 1\n", "unknown merge setting 'title'"),
        ('[sync]\nallow-private = "yes"\n', "sync setting 'allow-private' has the wrong type"),
        ("[sync]\nmirror = 1\n", "unknown sync setting 'mirror'"),
        ("[sync]\ntimeout = 0\n", "'timeout' must be positive"),
    ],
)  # fmt: skip
def test_bad_sources_config_is_one_clear_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / ".awesome-lint.toml"
    path.write_text(content)
    with pytest.raises(UserError, match=message):
        load_config(path)


def test_sources_config_defaults(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(
        '[tool.awesome-lint]\n[[tool.awesome-lint.merge.sources]]\nname = "Awesome  Model Compression!"\n'
        'source = "github:x/awesome-model-compression@main"\n'
    )
    (entry,) = load_config(path).sources
    assert (entry.name, entry.file, entry.url) == (
        "Awesome Model Compression!",
        "awesome-model-compression.md",
        "https://github.com/x/awesome-model-compression",
    )


# change report


def test_paper_changes_come_from_the_matcher_not_from_lines() -> None:
    changes = paper_changes(parse_text(PRUNING, "old.md"), parse_text(PRUNING_V2, "new.md"))
    assert [e.title for e in changes.added] == ["Rethinking the Value of Network Pruning"]
    assert [e.title for e in changes.removed] == ["Pruning Filters for Efficient ConvNets"]
    assert [(a.title, b.title) for a, b in changes.retitled] == [
        (
            "ThiNet: A Filter Level Pruning Method",
            "ThiNet: A Filter Level Pruning Method for Deep Neural Network Compression",
        )
    ]
    assert changes.kept == 3 and changes.counts() == "1 added, 1 removed, 1 retitled"
    assert paper_changes(parse_text(PRUNING), parse_text(PRUNING.replace("- [", "* ["))).empty


# sync end to end


def test_first_sync_downloads_and_locks_every_source(project: Path, github: FakeGitHub, server: HTTPServer) -> None:
    code, out, err = sync(project)
    assert code == 0, err
    lists = project / "lists"
    assert (lists / "awesome-pruning.md").read_text() == PRUNING
    assert (lists / "quant.md").read_text() == QUANT
    lock = lock_of(project)
    pruning = github.repos[("alice", "awesome-pruning")].refs["main"]
    assert lock["awesome-pruning.md"] == {
        "source": "github:alice/awesome-pruning",
        "commit": pruning,
        "path": "README.md",
        "url": f"{server.url_for('/raw')}/alice/awesome-pruning/{pruning}/README.md",
        "sha256": content_hash(PRUNING.encode()),
    }
    assert lock["quant.md"]["path"] == "docs/quant.md"
    assert lock["quant.md"]["commit"] == github.repos[("bob", "papers")].refs["trunk"]
    assert f"awesome-pruning.md (Awesome Pruning, github:alice/awesome-pruning): new at {pruning[:7]}" in out
    assert "2 sources: 2 new; lock written" in out
    # Nothing changed upstream: only the commits are asked, nothing is downloaded, the lock is not rewritten.
    before = len(github.log)
    lock_bytes = (lists / LOCK_NAME).read_bytes()
    code, out, _err = sync(project)
    assert code == 0
    assert "awesome-pruning.md (Awesome Pruning, github:alice/awesome-pruning): up to date at" in out
    assert "2 sources: 2 up to date; lock unchanged" in out
    assert all(path.startswith("/api/") for path in github.log[before:])
    assert not any("/readme" in path for path in github.log[before:])
    assert (lists / LOCK_NAME).read_bytes() == lock_bytes


def test_upstream_changes_are_reported_and_taken_only_with_update(project: Path, github: FakeGitHub) -> None:
    assert sync(project)[0] == 0
    old_commit = lock_of(project)["awesome-pruning.md"]["commit"]
    new_commit = github.push("alice", "awesome-pruning", {"README.md": PRUNING_V2, "LICENSE": "MIT"})
    code, out, _err = sync(project)
    assert code == 1
    assert (
        f"awesome-pruning.md (Awesome Pruning, github:alice/awesome-pruning): changed upstream (not taken; "
        f"--update takes it), {old_commit[:7]} -> {new_commit[:7]}: 1 added, 1 removed, 1 retitled"
    ) in out
    lines = out.splitlines()
    assert "    + Rethinking the Value of Network Pruning (2019)" in lines
    assert "    - Pruning Filters for Efficient ConvNets (2017)" in lines
    assert "    ~ ThiNet: A Filter Level Pruning Method (2017)" in lines
    assert "      -> ThiNet: A Filter Level Pruning Method for Deep Neural Network Compression (2017)" in lines
    assert not any("Channel Pruning" in line for line in lines)  # moved and re-bulleted: not a change
    assert (project / "lists" / "awesome-pruning.md").read_text() == PRUNING
    assert lock_of(project)["awesome-pruning.md"]["commit"] == old_commit
    code, out, _err = run("sync", "--config", str(project / ".awesome-lint.toml"), "--format", "json")
    report = {s["file"]: s for s in json.loads(out)["sources"]}["awesome-pruning.md"]
    assert report["status"] == "changed" and report["current"]["commit"] == new_commit
    assert report["retitled"] == [
        {
            "old": "ThiNet: A Filter Level Pruning Method",
            "new": "ThiNet: A Filter Level Pruning Method for Deep Neural Network Compression",
            "line": 7,
        }
    ]
    code, out, _err = sync(project, "--update")
    assert code == 0 and "updated" in out
    assert (project / "lists" / "awesome-pruning.md").read_text() == PRUNING_V2
    assert lock_of(project)["awesome-pruning.md"]["commit"] == new_commit
    assert lock_of(project)["awesome-pruning.md"]["sha256"] == content_hash(PRUNING_V2.encode())
    assert sync(project)[0] == 0


def test_a_missing_file_is_restored_from_the_locked_commit(project: Path, github: FakeGitHub) -> None:
    assert sync(project)[0] == 0
    github.push("alice", "awesome-pruning", {"README.md": PRUNING_V2})
    (project / "lists" / "awesome-pruning.md").unlink()
    code, out, _err = sync(project, "awesome-pruning.md")
    assert code == 1  # upstream moved on; the lock still names the old commit
    assert (project / "lists" / "awesome-pruning.md").read_text() == PRUNING
    assert "restored awesome-pruning.md from the lock" in out and "1 added, 1 removed, 1 retitled" in out
    assert "quant.md" not in out  # only the source named was synced


def test_a_file_that_differs_from_the_lock_is_never_replaced_without_force(project: Path, github: FakeGitHub) -> None:
    assert sync(project)[0] == 0
    github.push("alice", "awesome-pruning", {"README.md": PRUNING_V2})
    mine = project / "lists" / "awesome-pruning.md"
    mine.write_text(PRUNING + "- [My own addition](https://example.org/mine)\n")
    code, _out, err = sync(project, "--update")
    assert code == 2
    assert "differs from the lock; not replaced (--force does)" in err
    assert "My own addition" in mine.read_text()
    assert sync(project, "--update", "--force")[0] == 0
    assert mine.read_text() == PRUNING_V2


def test_a_changed_source_spec_is_a_change(project: Path, github: FakeGitHub) -> None:
    assert sync(project)[0] == 0
    tag = github.push("alice", "awesome-pruning", {"README.md": PRUNING_V2})
    github.tag("alice", "awesome-pruning", "v2", tag)
    config = project / ".awesome-lint.toml"
    config.write_text(config.read_text().replace('"github:alice/awesome-pruning"', '"github:alice/awesome-pruning@v2"'))
    code, out, _err = sync(project)
    assert code == 1 and "1 added, 1 removed, 1 retitled" in out
    assert sync(project, "--update")[0] == 0
    assert lock_of(project)["awesome-pruning.md"]["source"] == "github:alice/awesome-pruning@v2"


def test_merge_runs_offline_from_the_synced_folder_with_credits(
    project: Path, github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert sync(project)[0] == 0
    asked = len(github.log)
    monkeypatch.chdir(project)
    code, out, err = run("merge")
    assert code == 0, err
    assert len(github.log) == asked
    assert (
        "Credits: the papers come from [Awesome Pruning](https://github.com/alice/awesome-pruning) and "
        "[Bob's quantization papers](https://bob.example.org/papers); thanks to their maintainers."
    ) in out
    assert "- [Binarized Neural Networks](https://arxiv.org/abs/1602.02830)" in out
    assert "merged 6 papers from 2 lists" in err
    (project / "merged.md").write_text(out)
    assert run("merge", "merged.md")[1] == out  # the credits survive a merge of the merged list
    (project / "lists" / "quant.md").unlink()
    code, _out, err = run("merge")
    assert code == 2 and "lists/quant.md: not synced yet; run `awesome-lint sync` first" in err


def test_sync_and_merge_need_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _out, err = run("sync")
    assert code == 2 and "no sources configured" in err
    code, _out, err = run("merge")
    assert code == 2 and "no PATH given and no sources configured" in err


# errors


def test_missing_repository_ref_and_file_are_one_line_errors(project: Path, github: FakeGitHub) -> None:
    config = project / ".awesome-lint.toml"
    text = config.read_text()
    cases = [
        ('"github:alice/awesome-pruning"', '"github:alice/nothing"', "no repository alice/nothing"),
        ('"github:alice/awesome-pruning"', '"github:alice/awesome-pruning@v9"', "no branch, tag or commit 'v9'"),
        ('@trunk:docs/quant.md"', '@trunk:docs/gone.md"', "has no file 'docs/gone.md'"),
    ]  # fmt: skip
    for old, new, message in cases:
        config.write_text(text.replace(old, new))
        code, out, err = sync(project)
        assert code == 2, out
        errors = err.splitlines()
        assert len(errors) == 1 and errors[0].startswith("awesome-lint: error: github:") and message in errors[0]
        assert "1 failed" in out


def test_rate_limit_with_retry_after_is_waited_out(project: Path, github: FakeGitHub) -> None:
    github.rate_limit_next(1, retry_after="1")
    code, _out, err = sync(project)
    assert code == 0, err
    assert github.api_requests[0] == github.api_requests[1] == "/api/repos/alice/awesome-pruning"


def test_rate_limit_too_long_or_exhausted_is_an_error(project: Path, github: FakeGitHub) -> None:
    github.rate_limit_next(1, retry_after="3600")
    code, _out, err = sync(project, "awesome-pruning.md")
    assert code == 2 and "Retry-After 3600 s" in err
    assert len(github.api_requests) == 1  # a wait past the cap is not waited, nor retried
    github.exhaust()
    code, _out, err = sync(project, "awesome-pruning.md")
    assert code == 2
    reset = time.strftime("%H:%M", time.gmtime(RESET_AT))
    assert f"GitHub API rate limit exceeded (it resets at {reset} UTC)" in err


def test_private_addresses_are_refused_unless_allowed(project: Path, github: FakeGitHub) -> None:
    config = project / ".awesome-lint.toml"
    config.write_text(config.read_text().replace("allow-private = true\n", ""))
    code, _out, err = sync(project)
    assert code == 2 and "refused, private address" in err
    assert github.log == []
    code, _out, err = sync(project, "--allow-private")
    assert code == 0, err


def test_a_token_from_the_environment_opens_private_repositories(
    project: Path, github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    github.push("carol", "private-list", {"README.md": QUANT}, private=True)
    config = project / ".awesome-lint.toml"
    config.write_text(
        config.read_text() + '\n[[merge.sources]]\nname = "Carol"\nsource = "github:carol/private-list"\n'
    )
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    monkeypatch.delenv("GH_TOKEN", raising=False)
    code, out, err = sync(project)
    assert code == 2
    assert "no repository carol/private-list (or it is private: GITHUB_TOKEN gives access)" in err
    assert {auth for _path, auth in github.authorization} == {None}
    github.authorization.clear()
    monkeypatch.setenv("GH_TOKEN", "ghp_wrong")
    code, out, err = sync(project)
    assert code == 2 and "(or it is private: the token cannot read it)" in err and "ghp_wrong" not in out + err
    monkeypatch.setenv("GITHUB_TOKEN", github.token)  # GitHub Actions' name wins over the GitHub CLI's
    code, out, err = sync(project)
    assert code == 0, err
    assert (project / "lists" / "carol.md").read_text() == QUANT
    assert github.token not in out + err + (project / "lists" / LOCK_NAME).read_text()
    asked = [auth for _path, auth in github.authorization[-6:]]
    assert asked and set(asked) == {f"Bearer {github.token}"}


def test_token_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    monkeypatch.setenv("GH_TOKEN", "  ")
    assert FetchSettings.from_table({}).token is None
    monkeypatch.setenv("GH_TOKEN", "ghp_cli")
    assert FetchSettings.from_table({}).token == "ghp_cli"
    monkeypatch.setenv("GITHUB_TOKEN", "ghp_actions\n")
    settings = FetchSettings.from_table({})
    assert settings.token == "ghp_actions" and "ghp_actions" not in repr(settings)


def test_url_source_is_locked_by_its_hash(tmp_path: Path, server: HTTPServer) -> None:
    # Source URLs must be https; the local server speaks http, so the spec is built by hand for this test.
    url = server.url_for("/files/other.md")
    entry = SourceEntry("Other", Spec(url, "url", url=url), url, "other.md")
    settings = FetchSettings(allow_private=True, retries=0, token="ghp_not_for_other_hosts")
    folder = tmp_path / "lists"
    server.expect_request("/files/other.md").respond_with_data(QUANT)
    first = sync_sources([entry], folder, settings).sources[0]
    assert [request.headers.get("Authorization") for request, _ in server.log] == [None]  # a URL gets no token
    assert first.status == "new" and first.current is not None and first.current.commit is None
    assert lock_of(tmp_path)["other.md"]["sha256"] == content_hash(QUANT.encode())
    assert render_sync(sync_sources([entry], folder, settings)).startswith(
        f"other.md (Other, {url}): up to date at sha256:{content_hash(QUANT.encode())[:8]}"
    )
    server.clear()
    server.expect_request("/files/other.md").respond_with_data(
        QUANT + "- [Deep Compression](https://arxiv.org/abs/1510.00149)\n"
    )
    changed = sync_sources([entry], folder, settings, dedup=None).sources[0]
    assert changed.status == "changed" and changed.changes is not None
    assert [e.title for e in changed.changes.added] == ["Deep Compression"]
    (folder / "other.md").unlink()
    gone = sync_sources([entry], folder, settings).sources[0]
    assert gone.status == "changed" and "cannot be downloaded again" in gone.notes[0]
    assert not (folder / "other.md").exists()
    assert sync_sources([entry], folder, settings, update=True).sources[0].status == "updated"
    assert "Deep Compression" in (folder / "other.md").read_text()


# sources read directly


def test_parse_lint_and_dupes_read_github_sources(project: Path, github: FakeGitHub) -> None:
    config = str(project / ".awesome-lint.toml")
    github.push(
        "carol",
        "list",
        {"README.md": "# C\n\n- [Pruning Filters for Efficient ConvNets](http://arxiv.org/abs/1608.08710)\n"},
    )
    code, out, err = run("parse", "--config", config, "--format", "json", "github:alice/awesome-pruning")
    assert code == 0, err
    (doc,) = json.loads(out)["documents"]
    assert doc["path"] == "github:alice/awesome-pruning" and len(doc["entries"]) == 4
    code, out, _err = run("lint", "--config", config, "github:carol/list")
    assert code == 1 and out.startswith("github:carol/list:3:3: AL301 [*] warning:")
    code, out, _err = run("dupes", "--config", config, "github:alice/awesome-pruning", "github:carol/list")
    assert code == 0 and "cluster 1: 2 entries" in out and "github:carol/list:3:1: Pruning Filters" in out
    code, _out, err = run("lint", "--fix", "--config", config, "github:carol/list")
    assert code == 2 and "cannot be fixed" in err
    code, out, err = run("merge", "--config", config, "github:alice/awesome-pruning", "github:carol/list")
    assert code == 0, err
    assert "[github:carol/list](https://github.com/carol/list)" in out
    raw = [path for path in github.log if path.startswith("/raw/carol/")]
    assert len(raw) == 3  # lint, dupes and merge each downloaded it once


def test_bad_lock_and_binary_upstream_are_errors(project: Path, github: FakeGitHub) -> None:
    lock = project / "lists" / LOCK_NAME
    lock.parent.mkdir()
    lock.write_text("{not json")
    code, _out, err = sync(project)
    assert code == 2 and err == f"awesome-lint: error: {lock}: not an awesome-lint lock file (bad JSON or fields)\n"
    lock.unlink()
    github.push("alice", "awesome-pruning", {"README.md": b"\x89PNG\r\n\x1a\n\x00\x00"})
    code, _out, err = sync(project)
    assert code == 2 and "binary file" in err
    assert not (project / "lists" / "awesome-pruning.md").exists()
    assert (project / "lists" / "quant.md").exists()  # the other source is synced all the same


def test_base_urls_come_from_flags_then_config_then_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWESOME_LINT_GITHUB_API", "https://env.example/api/")
    assert FetchSettings.from_table({}).github_api == "https://env.example/api"
    assert FetchSettings.from_table({"github-api": "https://conf.example"}).github_api == "https://conf.example"
    flagged = FetchSettings.from_table({"github-api": "https://conf.example"}, github_api="https://flag.example")
    assert flagged.github_api == "https://flag.example"
    assert FetchSettings.from_table({}).github_raw == "https://raw.githubusercontent.com"
