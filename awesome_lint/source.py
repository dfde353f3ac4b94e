"""Reading list files safely (BOM, CRLF, binary, bad UTF-8, size) and writing them atomically."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from awesome_lint.errors import UserError

BOM = b"\xef\xbb\xbf"
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Source:
    """A decoded Markdown file: text with LF newlines, plus what is needed to write it back byte-exact."""

    path: str
    text: str
    newline: str
    bom: bool
    data: bytes = b""

    def encode(self, text: str | None = None) -> bytes:
        """Encode `text` (default: the file's own text) with the file's newline style and BOM."""
        body = self.text if text is None else text
        if self.newline != "\n":
            body = body.replace("\n", self.newline)
        return (BOM if self.bom else b"") + body.encode("utf-8")


def decode(data: bytes, path: str = "<string>") -> Source:
    """Decode file bytes as UTF-8 (BOM allowed); refuse binary data with a clear error."""
    raw = data
    if b"\x00" in data:
        raise UserError(f"{path}: binary file (contains NUL bytes), not Markdown")
    bom = data.startswith(BOM)
    if bom:
        data = data[len(BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise UserError(f"{path}:{line}:{column}: not valid UTF-8 (byte 0x{data[exc.start]:02x})") from None
    newline = "\r\n" if "\r\n" in text else "\n"
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Source(path=path, text=text, newline=newline, bom=bom, data=raw)


def read_source(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> Source:
    """Read and decode one list file, turning every OS problem into a one-line UserError; a source such as
    `github:OWNER/REPO` is downloaded (awesome_lint.sources)."""
    name = os.fspath(path)
    from awesome_lint.sources import is_remote, read_remote

    if is_remote(name):
        return read_remote(name)
    p = Path(name)
    try:
        if p.is_dir():
            raise UserError(f"{name}: is a directory, not a Markdown file")
        size = p.stat().st_size
        if size > max_bytes:
            raise UserError(f"{name}: file too large ({size} bytes; the limit is {max_bytes})")
        data = p.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{name}: no such file or directory") from None
    except PermissionError:
        raise UserError(f"{name}: permission denied") from None
    except OSError as exc:
        raise UserError(f"{name}: cannot read ({exc.strerror or exc})") from None
    return decode(data, name)


def expand_paths(paths: list[str] | tuple[str, ...], pattern: str = "*.md") -> list[str]:
    """Files named on the command line; a directory stands for every Markdown file in it, sorted; sources such
    as `github:OWNER/REPO` are kept as named."""
    from awesome_lint.sources import is_remote

    out: list[str] = []
    for name in paths:
        p = Path(name)
        if is_remote(name):
            out.append(name)
        elif p.is_dir():
            found = sorted(str(f) for f in p.glob(pattern) if f.is_file())
            if not found:
                raise UserError(f"{name}: directory contains no Markdown files ({pattern})")
            out.extend(found)
        elif p.exists():
            out.append(name)
        else:
            raise UserError(f"{name}: no such file or directory")
    return out


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write bytes to `path` via a temporary file in the same folder and an atomic rename."""
    target = Path(os.fspath(path))
    directory = target.parent if str(target.parent) else Path(".")
    try:
        mode = target.stat().st_mode & 0o777 if target.exists() else None
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise UserError(f"{target}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UserError(f"{target}: cannot write ({exc.strerror or exc})") from None


def default_readme(folder: str | os.PathLike[str] = ".") -> str:
    """The folder's `README.md` (or another case of the name, such as `readme.md`): what to lint by default."""
    base = Path(folder)
    exact = base / "README.md"
    if exact.is_file():
        return str(exact)
    try:
        names = sorted(entry.name for entry in os.scandir(base) if entry.is_file())
    except OSError as exc:
        raise UserError(f"{base}: cannot list folder ({exc.strerror or exc})") from None
    found = next((name for name in names if name.casefold() == "readme.md"), None)
    if found is None:
        raise UserError(f"no README.md in {os.path.abspath(base)}; name the files to lint")
    return str(base / found)


def path_below(path: str | os.PathLike[str], base: str | os.PathLike[str] | None = None) -> str | None:
    """`path` relative to `base` (default: the current folder) with `/` separators, or None when not below it."""
    try:
        relative = Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(base or Path.cwd())))
    except ValueError:
        return None
    return relative.as_posix()
