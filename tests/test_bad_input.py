"""Bad input gives one clear line and exit code 2 (or a clean empty document), never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from awesome_lint.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"# Title\n- [A](u)\n\xff\xfe broken\n", "3:1: not valid UTF-8 (byte 0xff)"),
        (b"caf\xc3", "1:4: not valid UTF-8"),
    ],
)
def test_undecodable_files_fail_with_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(content)
    code, out, err = run("parse", str(path))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"awesome-lint: error: {path}")
    assert message in err
    assert "Traceback" not in err


def test_missing_path_and_directory_without_markdown(tmp_path: Path) -> None:
    code, _out, err = run("parse", str(tmp_path / "nope.md"))
    assert (code, err.strip()) == (
        2,
        f"awesome-lint: error: {tmp_path / 'nope.md'}: no such file or directory",
    )
    (tmp_path / "notes.txt").write_text("x")
    code, _out, err = run("parse", str(tmp_path))
    assert code == 2
    assert "contains no Markdown files" in err


def test_dangling_symlink_and_directory_named_md(tmp_path: Path) -> None:
    link = tmp_path / "gone.md"
    link.symlink_to(tmp_path / "missing-target.md")
    code, _out, err = run("parse", str(link))
    assert code == 2 and "no such file or directory" in err
    folder = tmp_path / "folder.md"
    folder.mkdir()
    (tmp_path / "real.md").write_text("- [A](u)\n")
    code, _out, err = run("parse", str(tmp_path))
    assert code == 0, err
    code, _out, err = run("parse", str(folder / "x.md"))
    assert code == 2


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    from awesome_lint.errors import UserError
    from awesome_lint.source import read_source

    path = tmp_path / "big.md"
    path.write_bytes(b"- [A](u)\n" * 2000)
    with pytest.raises(UserError, match="file too large"):
        read_source(path, max_bytes=1000)


@pytest.mark.parametrize(
    ("content", "entries"),
    [
        (b"", 0),
        (b"\n\n   \n", 0),
        (b"\xef\xbb\xbf# T\n- [A](https://a.org)\n", 1),
        (b"# T\r\n- [A](https://a.org)\r\n- [B](https://b.org)\r\n", 2),
        (b"# T\n-\t[A](https://a.org)\n\t- [B](https://b.org)\n", 2),
        (b"<div>\n- [not a list](x)\n</div>\n\n- [A](https://a.org)\n", 1),
        (b"- [unclosed link(https://a.org\n- ]]]][[[ (\n", 2),
        (b"```\n- [in code](x)\n```\n", 0),
    ],
)
def test_odd_but_valid_markdown_parses(tmp_path: Path, content: bytes, entries: int) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(content)
    code, out, err = run("parse", "--format", "json", str(path))
    assert code == 0, err
    doc = json.loads(out)["documents"][0]
    assert len(doc["entries"]) == entries


def test_deeply_nested_lists_do_not_crash(tmp_path: Path) -> None:
    lines = [" " * (2 * depth) + f"- [Level {depth}](https://x.org/{depth})" for depth in range(300)]
    path = tmp_path / "deep.md"
    path.write_text("\n".join(lines) + "\n")
    code, out, err = run("parse", "--format", "json", str(path))
    assert code == 0, err
    entries = json.loads(out)["documents"][0]["entries"]
    assert entries[0]["title"] == "Level 0"
    assert 1 < len(entries) <= 300
    assert all(e["span"]["line"] == i + 1 for i, e in enumerate(entries))
