"""The lint cache: a run answered from it prints and writes exactly what a run without it does, and it answers
only for the same bytes, path, settings and code."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DATA, LISTS, ROOT, SEED_LISTS, list_changed_since_head

from awesome_lint.cli import main
from awesome_lint.lint_cache import _ENTRY_OPENING, KEEP_FINGERPRINTS, PATTERNS, code_fingerprint, fingerprint_of

FIXTURES = ROOT / "tests" / "fixtures"
REAL_LISTS = sorted((DATA / "real-lists").glob("*__*.md"))
FIXABLE = ["unused-suppression", "arxiv-link-style", "trailing-whitespace", "mixed-bullets", "mojibake"]


def lint(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["lint", *args])
    return result.exit_code, result.stdout, result.stderr


def cache_config(folder: Path, extra: str = "") -> Path:
    """A config file in `folder` whose lint cache is `folder/cache`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ".awesome-lint.toml"
    path.write_text(f'cache = "cache"\n{extra}', encoding="utf-8")
    return path


def entries(cache: Path) -> list[Path]:
    """The cache entries of the running code (not its compiled patterns)."""
    return sorted(p for p in (cache / code_fingerprint()).glob("*.json") if p.name != PATTERNS)


def three_runs(config: Path, *args: str) -> tuple[int, str, str]:
    """Lint without the cache, then twice with it (the first fills it, the second is answered from it); all three
    must print the same and exit the same. Returns the result."""
    cache = config.parent / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    uncached = lint("--config", str(config), "--no-cache", *args)
    assert not cache.exists()
    filling = lint("--config", str(config), *args)
    written = {path: path.read_bytes() for path in entries(cache)}
    assert written
    answered = lint("--config", str(config), *args)
    assert {path: path.read_bytes() for path in entries(cache)} == written  # read, not written again
    assert uncached == filling == answered
    return answered


@pytest.mark.parametrize(
    ("files", "args"),
    [
        (SEED_LISTS, ["--format", "json", "--select", "ALL,awesome", "--fail-on", "info"]),
        ([LISTS], ["--format", "sarif"]),
        (REAL_LISTS, ["--statistics"]),
        (REAL_LISTS[:3], []),
    ],
    ids=["seed-lists-json-every-rule", "lists-folder-sarif", "real-lists-statistics", "real-lists-text"],
)
def test_cached_runs_print_what_uncached_runs_print(tmp_path: Path, files: list[Path], args: list[str]) -> None:
    code, out, _err = three_runs(cache_config(tmp_path / "cfg"), *args, *map(str, files))
    assert code == 1 and out


def test_suppressions_unused_suppression_and_per_file_ignores(tmp_path: Path) -> None:
    lists = tmp_path / "lists"
    lists.mkdir()
    for name in ("unused-suppression", "mojibake", "double-space"):
        shutil.copy(FIXTURES / f"{name}.md", lists / f"{name}.md")
        shutil.copy(FIXTURES / f"{name}.md", lists / f"{name}-copy.md")
    ignores = '[per-file-ignores]\n"*-copy.md" = ["mojibake", "AL001"]\n"double-space.md" = ["double-space"]\n'
    config = cache_config(tmp_path, ignores)
    code, out, _err = three_runs(config, "--format", "json", str(lists))
    assert code == 1
    found = {(Path(f["path"]).name, f["code"]) for f in json.loads(out)["findings"]}
    assert ("unused-suppression.md", "AL001") in found and ("unused-suppression-copy.md", "AL001") not in found
    assert ("mojibake.md", "AL401") in found and ("mojibake-copy.md", "AL401") not in found
    assert ("double-space-copy.md", "AL403") in found and ("double-space.md", "AL403") not in found
    # Other settings are another entry: what a run without the cache finds with them, never the entries above.
    config.write_text('cache = "cache"\n', encoding="utf-8")
    assert lint("--config", str(config), "--format", "json", str(lists)) == lint(
        "--config", str(config), "--no-cache", "--format", "json", str(lists)
    )
    assert lint("--config", str(config), "--ignore", "AL001", str(lists)) == lint(
        "--config", str(config), "--no-cache", "--ignore", "AL001", str(lists)
    )


def test_fix_and_diff_with_the_cache(tmp_path: Path) -> None:
    config = cache_config(tmp_path / "cfg")
    work = tmp_path / "work"
    work.mkdir()
    originals = {work / f"{name}.md": (FIXTURES / f"{name}.md").read_bytes() for name in FIXABLE}

    def fixed(*args: str) -> tuple[tuple[int, str, str], dict[Path, bytes]]:
        for path, data in originals.items():
            path.write_bytes(data)
        result = lint("--config", str(config), "--fail-on", "info", *args, str(work))
        return result, {path: path.read_bytes() for path in originals}

    for path, data in originals.items():
        path.write_bytes(data)
    diff = lint("--config", str(config), "--diff", str(work))
    assert diff[0] == 1 and diff == lint("--config", str(config), "--diff", "--no-cache", str(work))
    uncached = fixed("--fix", "--no-cache")
    assert uncached[1] != originals and "fixed)" in uncached[0][1]
    shutil.rmtree(tmp_path / "cfg" / "cache")
    assert fixed("--fix") == uncached  # fills the cache with every pass
    assert fixed("--fix") == uncached  # answered from it
    assert lint("--config", str(config), "--fail-on", "info", str(work)) == lint(
        "--config", str(config), "--fail-on", "info", "--no-cache", str(work)
    )


def test_since_with_the_cache(tmp_path: Path) -> None:
    path = list_changed_since_head(tmp_path)
    code, out, _err = three_runs(cache_config(tmp_path / "cfg"), "--since", "HEAD", str(path))
    assert code == 1 and out.count("AL301") == 1 and "list.md:4:3" in out


def tamper(cache: Path) -> None:
    """Rewrite every stored message, so a run that reads the cache shows it."""
    for entry in entries(cache):
        data = json.loads(entry.read_text())
        for finding in data["findings"]:
            finding[4] = "from the cache"
        entry.write_text(json.dumps(data))


def test_the_cache_answers_only_for_the_same_bytes_path_and_settings(tmp_path: Path) -> None:
    config = cache_config(tmp_path / "cfg")
    cache = tmp_path / "cfg" / "cache"
    path = tmp_path / "list.md"
    shutil.copy(FIXTURES / "arxiv-link-style.md", path)
    args = ("--config", str(config), str(path))
    first = lint(*args)
    tamper(cache)
    assert "from the cache" in lint(*args)[1]  # the second run reads it
    assert lint("--no-cache", *args) == first  # --no-cache reads nothing
    assert "from the cache" not in lint("--select", "AL302", *args)[1]  # other settings
    assert "from the cache" not in lint("--config", str(config), os.path.relpath(path))[1]  # the path as written
    path.write_bytes(path.read_bytes() + b"\n")
    assert lint(*args) == first  # other bytes


def test_a_link_check_never_uses_the_cache(tmp_path: Path) -> None:
    config = cache_config(tmp_path / "cfg")
    cache = tmp_path / "cfg" / "cache"
    path = str(FIXTURES / "arxiv-link-style.md")
    lint("--config", str(config), path)
    tamper(cache)
    before = sorted(cache.rglob("*.json"))
    links = ("--links", "--offline", "--cache", str(tmp_path / "links.sqlite3"), path)
    code, out, _err = lint("--config", str(config), *links)
    assert code == 1 and "AL302" in out and "from the cache" not in out
    assert (code, out) == lint("--config", str(config), "--no-cache", *links)[:2]
    assert sorted(cache.rglob("*.json")) == before


def test_a_broken_or_unwritable_cache_changes_nothing(tmp_path: Path) -> None:
    path = str(FIXTURES / "mixed-bullets.md")
    expected = lint("--no-cache", path)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    config = tmp_path / ".awesome-lint.toml"
    config.write_text('cache = "a-file/cache"\n')
    assert lint("--config", str(config), path) == expected
    config = cache_config(tmp_path / "cfg")
    lint("--config", str(config), path)
    [entry] = entries(tmp_path / "cfg" / "cache")
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    assert entry.read_text().startswith(f'{_ENTRY_OPENING}{digest}",')  # what `get` reads before parsing
    for garbage in ("{not json", '{"sha256": 1}', "[]", json.dumps({"sha256": digest, "findings": [[1]]})):
        entry.write_text(garbage)
        assert lint("--config", str(config), path) == expected
        assert json.loads(entry.read_text())["findings"]  # written again, whole


def test_cache_setting(tmp_path: Path) -> None:
    path = str(FIXTURES / "mixed-bullets.md")
    config = tmp_path / ".awesome-lint.toml"
    config.write_text("cache = false\n")
    assert lint("--config", str(config), path)[0] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [".awesome-lint.toml"]
    config.write_text('cache = ".awesome-lint-cache"\n')
    assert lint("--config", str(config), path)[0] == 1
    root = tmp_path / ".awesome-lint-cache"
    assert (root / ".gitignore").read_text().endswith("*\n")
    assert (root / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert len(entries(root)) == 1
    for bad in ("3", '""', "[]"):
        config.write_text(f"cache = {bad}\n")
        code, _out, err = lint("--config", str(config), path)
        assert code == 2 and err.startswith(f"awesome-lint: error: {config}: 'cache' must be true, false or a folder")


def test_the_default_folder_is_in_the_user_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))  # where Linux looks; elsewhere it is ignored
    lint(str(FIXTURES / "mixed-bullets.md"))
    assert len(entries(Path(platformdirs.user_cache_dir("awesome-lint")) / "lint")) == 1


def test_older_codes_folders_are_removed_but_the_newest_few(tmp_path: Path) -> None:
    config = cache_config(tmp_path)
    root = tmp_path / "cache"
    old = [root / f"{n:016x}" for n in range(KEEP_FINGERPRINTS + 2)]
    for age, folder in enumerate(old):
        folder.mkdir(parents=True)
        (folder / "entry.json").write_text("{}")
        os.utime(folder, (1_000_000 - age, 1_000_000 - age))
    for name in ("keep-me", "not-a-hex-digest"):  # the second has a fingerprint's length
        (root / name).mkdir()
        os.utime(root / name, (1, 1))
    lint("--config", str(config), str(FIXTURES / "mixed-bullets.md"))
    assert sorted(p.name for p in root.iterdir()) == sorted(
        [code_fingerprint(), "keep-me", "not-a-hex-digest", *(f.name for f in old[:KEEP_FINGERPRINTS])]
    )


def test_the_code_fingerprint_follows_the_package_files(tmp_path: Path) -> None:
    package = tmp_path / "package"
    (package / "rules").mkdir(parents=True)
    (package / "rules" / "a.py").write_text("A = 1\n")
    first = fingerprint_of(str(package))
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "a.cpython.pyc").write_bytes(b"compiled")
    assert fingerprint_of(str(package)) == first
    (package / "rules" / "a.py").write_text("A = 12\n")
    assert fingerprint_of(str(package)) != first


def test_an_edited_file_is_parsed_with_the_patterns_the_cache_keeps(tmp_path: Path) -> None:
    """A new process (patterns not compiled yet) fills the store; after an edit, the next one finds every pattern
    it needs there (the store is not written again) and prints what a run without the cache prints."""
    config = cache_config(tmp_path / "cfg")
    path = tmp_path / "list.md"
    shutil.copy(SEED_LISTS[0], path)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "awesome_lint", "lint", "--config", str(config), *args, str(path)]
        return subprocess.run(command, capture_output=True, text=True, timeout=120)

    run()
    store = tmp_path / "cfg" / "cache" / code_fingerprint() / PATTERNS
    written = store.stat()
    assert len(json.loads(store.read_text(encoding="utf-8"))["patterns"]) > 50
    path.write_text(path.read_text(encoding="utf-8") + "\n- [A new paper](https://arxiv.org/abs/2101.00001v2)\n")
    edited = run()
    assert (store.stat().st_ino, store.stat().st_mtime_ns) == (written.st_ino, written.st_mtime_ns)
    uncached = run("--no-cache")
    assert edited.returncode == uncached.returncode == 1
    assert edited.stdout == uncached.stdout and "AL" in edited.stdout
