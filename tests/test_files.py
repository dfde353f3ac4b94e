"""Reading and writing files: only regular files are read; writes follow links, keep modes and lose nothing."""

from __future__ import annotations

import ctypes
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import run_within

import awesome_lint.lint
from awesome_lint.cli import main
from awesome_lint.config import Config
from awesome_lint.errors import UserError
from awesome_lint.lint import lint_paths
from awesome_lint.source import read_source, write_atomic

CLI = [sys.executable, "-m", "awesome_lint"]
FIXABLE = "# List\n\n## Papers\n\n- [A paper](http://github.com/a/b) \n"
FIXED = "# List\n\n## Papers\n\n- [A paper](https://github.com/a/b)\n"
SMALL_LIST = (
    "# Awesome X\n\n## Pruning\n\n- [Deep Compression](https://arxiv.org/abs/1510.00149) - Song Han. *ICLR 2016*.\n"
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def run_process(*args: str, **options: Any) -> subprocess.CompletedProcess[str]:
    """The CLI in its own process, bounded in time (a hang fails the test instead of stalling the suite)."""
    return run_within([*CLI, *args], **options)


def error_line(err: str) -> str:
    """The one error line; anything else on stderr (a traceback) fails the test."""
    assert err.count("\n") == 1, err
    assert err.startswith("awesome-lint: error: "), err
    return err.strip()


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


# reading


def test_a_fifo_is_refused_before_it_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "x.md"
    os.mkfifo(fifo)
    done = run_process("parse", str(fifo))  # nobody ever writes to the FIFO: reading it would block forever
    assert done.returncode == 2
    assert "FIFO" in error_line(done.stderr) and "not a regular file" in done.stderr


def test_dev_zero_is_refused_before_it_is_read() -> None:
    done = run_process("lint", "/dev/zero")
    assert done.returncode == 2
    assert "/dev/zero: a character device, not a regular file" in error_line(done.stderr)


def test_a_fifo_in_a_folder_is_not_picked_up(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "real.md").write_text("- [A](https://a.org)\n")
    done = run_process("parse", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "real.md" in done.stdout and "pipe.md" not in done.stdout


@pytest.mark.parametrize(
    ("data", "named"),
    [
        ("# Title\n- [A](https://a.org)\n".encode("utf-16"), "UTF-16 (little-endian), with a byte order mark"),
        (b"\xfe\xff" + "# T\n".encode("utf-16-be"), "UTF-16 (big-endian), with a byte order mark"),
        ("# Title\n- [A](https://a.org)\n".encode("utf-16-le"), "UTF-16 (little-endian), without a byte order mark"),
        ("# Title\n".encode("utf-32"), "UTF-32 (little-endian)"),
    ],
)
def test_utf16_input_is_named_as_such(tmp_path: Path, data: bytes, named: str) -> None:
    path = tmp_path / "wide.md"
    path.write_bytes(data)
    code, _out, err = run("parse", str(path))
    assert code == 2
    line = error_line(err)
    assert named in line and "binary" not in line


def test_a_symlink_loop_is_not_called_missing(tmp_path: Path) -> None:
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.symlink_to(b)
    b.symlink_to(a)
    code, _out, err = run("parse", str(a))
    assert code == 2
    line = error_line(err)
    assert "symbolic link loop" in line and "no such file" not in line


def test_a_dangling_symlink_says_so(tmp_path: Path) -> None:
    link = tmp_path / "gone.md"
    link.symlink_to(tmp_path / "missing.md")
    code, _out, err = run("lint", str(link))
    assert code == 2
    assert "no such file or directory (a symbolic link to a missing file)" in error_line(err)


def test_a_300_character_file_name_is_an_error(tmp_path: Path) -> None:
    name = str(tmp_path / ("x" * 296 + ".md"))
    for command in ("parse", "lint", "dupes"):
        code, _out, err = run(command, name)
        assert code == 2
        assert error_line(err).endswith("file name too long")


def _without_root_powers() -> None:
    """In the child: drop the capabilities that let root ignore file permissions (from the bounding set, so
    they are gone after exec)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def run_unprivileged(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI in a process that file permissions apply to, even when the tests run as root."""
    preexec = _without_root_powers if os.geteuid() == 0 else None
    return run_process(*args, preexec_fn=preexec)


def test_a_folder_without_search_permission_is_an_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.md").write_text("- [A](https://a.org)\n")
    locked.chmod(0)
    try:
        for command in ("parse", "lint"):
            done = run_unprivileged(command, str(locked / "x.md"))
            assert done.returncode == 2
            assert error_line(done.stderr) == (
                f"awesome-lint: error: {locked / 'x.md'}: permission denied (folder {locked} cannot be searched)"
            )
    finally:
        locked.chmod(0o755)


def test_an_unreadable_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "secret.md"
    path.write_text("- [A](https://a.org)\n")
    path.chmod(0)
    done = run_unprivileged("parse", str(path))
    assert done.returncode == 2
    assert error_line(done.stderr) == f"awesome-lint: error: {path}: permission denied"


# writing


def test_fix_through_a_symlink_fixes_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "real" / "list.md"
    target.parent.mkdir()
    target.write_text(FIXABLE)
    link = tmp_path / "linked.md"
    link.symlink_to(Path("real") / "list.md")  # a relative link
    code, _out, err = run("lint", "--fix", "--fail-on", "error", str(link))
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == str(Path("real") / "list.md")
    assert target.read_text() == FIXED
    assert [p.name for p in target.parent.iterdir()] == ["list.md"]


def test_merge_output_through_a_chain_of_symlinks(tmp_path: Path) -> None:
    src = tmp_path / "small.md"
    src.write_text(SMALL_LIST)
    target = tmp_path / "out" / "merged.md"
    target.parent.mkdir()
    target.write_text("old\n")
    middle = tmp_path / "middle.md"
    middle.symlink_to(target)
    link = tmp_path / "link.md"
    link.symlink_to(middle)
    code, _out, err = run("merge", str(src), "-o", str(link))
    assert code == 0, err
    assert link.is_symlink() and middle.is_symlink()
    assert target.read_text().startswith("# Awesome Model Compression")


def test_a_symlink_loop_as_output_is_an_error(tmp_path: Path) -> None:
    src = tmp_path / "small.md"
    src.write_text(SMALL_LIST)
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.symlink_to(b)
    b.symlink_to(a)
    code, _out, err = run("merge", str(src), "-o", str(a))
    assert code == 2
    assert "symbolic link loop" in error_line(err)
    assert a.is_symlink() and b.is_symlink()


def test_fix_keeps_the_file_mode(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(FIXABLE)
    path.chmod(0o640)
    code, _out, err = run("lint", "--fix", "--fail-on", "error", str(path))
    assert code == 0, err
    assert path.read_text() == FIXED
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_new_file_gets_the_umask_mode_not_0600(tmp_path: Path, umask_022: None) -> None:
    src = tmp_path / "small.md"
    src.write_text(SMALL_LIST)
    out, report = tmp_path / "merged.md", tmp_path / "report.json"
    code, _out, err = run("merge", str(src), "-o", str(out), "--report", str(report))
    assert code == 0, err
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert stat.S_IMODE(report.stat().st_mode) == 0o644
    os.umask(0o077)
    again = tmp_path / "private.md"
    assert run("merge", str(src), "-o", str(again))[0] == 0
    assert stat.S_IMODE(again.stat().st_mode) == 0o600


def test_a_read_only_file_is_refused_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(FIXABLE)
    path.chmod(0o444)
    code, _out, err = run("lint", "--fix", str(path))
    assert code == 2
    assert error_line(err) == f"awesome-lint: error: {path}: read-only file, left unchanged " + (
        "(--write-read-only replaces it anyway)"
    )
    assert path.read_text() == FIXABLE
    code, _out, err = run("lint", "--fix", "--write-read-only", "--fail-on", "error", str(path))
    assert code == 0, err
    assert path.read_text() == FIXED
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_a_read_only_merge_output_is_refused_unless_asked(tmp_path: Path) -> None:
    src = tmp_path / "small.md"
    src.write_text(SMALL_LIST)
    out = tmp_path / "merged.md"
    out.write_text("keep me\n")
    out.chmod(0o444)
    code, _out, err = run("merge", str(src), "-o", str(out))
    assert code == 2 and "read-only file, left unchanged" in error_line(err)
    assert out.read_text() == "keep me\n"
    assert run("merge", str(src), "-o", str(out), "--write-read-only")[0] == 0
    assert out.read_text().startswith("# Awesome")


def test_output_to_dev_stdout_is_streamed(tmp_path: Path) -> None:
    src = tmp_path / "small.md"
    src.write_text(SMALL_LIST)
    done = run_process("merge", str(src), "-o", "/dev/stdout")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# Awesome Model Compression [![Awesome]")
    assert "[Deep Compression](https://arxiv.org/abs/1510.00149)" in done.stdout


def test_report_to_dev_null_leaves_the_device_alone(tmp_path: Path) -> None:
    src = tmp_path / "small.md"
    src.write_text(SMALL_LIST)
    before = os.stat("/dev/null")
    code, _out, err = run("merge", str(src), "-o", str(tmp_path / "m.md"), "--report", "/dev/null")
    assert code == 0, err
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_output_to_a_fifo_is_streamed_to_its_reader(tmp_path: Path) -> None:
    src = tmp_path / "small.md"
    src.write_text(SMALL_LIST)
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def reader() -> None:
        with open(fifo, "rb") as handle:
            received.append(handle.read())

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    done = run_process("merge", str(src), "-o", str(fifo))
    thread.join(60)
    assert done.returncode == 0, done.stderr
    assert received and received[0].startswith(b"# Awesome Model Compression")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_directory_as_output_is_an_error(tmp_path: Path) -> None:
    src = tmp_path / "small.md"
    src.write_text(SMALL_LIST)
    code, _out, err = run("merge", str(src), "-o", str(tmp_path))
    assert code == 2 and "a directory; cannot write a file there" in error_line(err)


def test_ctrl_c_during_a_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "list.md"
    path.write_text("old\n")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, b"new\n")
    monkeypatch.undo()
    assert path.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.md"]


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "list.md"
    path.write_text("old\n")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(UserError, match="No space left on device"):
        write_atomic(path, b"new\n")
    monkeypatch.undo()
    assert path.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.md"]


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(b"read\n")
    original = read_source(path).data
    path.write_bytes(b"read\nand a line added meanwhile\n")
    with pytest.raises(UserError, match="changed while it was being fixed; left as it is, nothing lost"):
        write_atomic(path, b"fixed\n", expected=original)
    assert path.read_bytes() == b"read\nand a line added meanwhile\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.md"]
    write_atomic(path, b"fixed\n", expected=path.read_bytes())
    assert path.read_bytes() == b"fixed\n"


def test_fix_says_so_when_the_file_changes_while_it_is_fixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "list.md"
    path.write_text(FIXABLE)
    real_fix_source = awesome_lint.lint.fix_source

    def fix_while_someone_edits(*args: object, **kwargs: object) -> object:
        result = real_fix_source(*args, **kwargs)  # type: ignore[arg-type]
        with open(path, "a", encoding="utf-8") as handle:
            handle.write("- [Added while fixing](https://b.org)\n")
        return result

    monkeypatch.setattr(awesome_lint.lint, "fix_source", fix_while_someone_edits)
    with pytest.raises(UserError, match="changed while it was being fixed"):
        lint_paths([str(path)], Config(), fix=True)
    assert path.read_text() == FIXABLE + "- [Added while fixing](https://b.org)\n"


def test_a_folder_that_is_not_writable_is_named(tmp_path: Path) -> None:
    src = tmp_path / "small.md"
    src.write_text(SMALL_LIST)
    shut = tmp_path / "shut"
    shut.mkdir()
    (shut / "merged.md").write_text("old\n")
    shut.chmod(0o555)
    try:
        done = run_unprivileged("merge", str(src), "-o", str(shut / "merged.md"))
    finally:
        shut.chmod(0o755)
    assert done.returncode == 2
    assert error_line(done.stderr) == (
        f"awesome-lint: error: {shut / 'merged.md'}: cannot write: folder {shut} is not writable "
        "(the file is replaced through a temporary file there)"
    )
    assert (shut / "merged.md").read_text() == "old\n"
    assert sorted(p.name for p in shut.iterdir()) == ["merged.md"]
