"""Reading list files safely (regular files only, BOM, CRLF, binary, bad UTF-8, size) and writing files atomically."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path
from typing import NamedTuple

from awesome_lint.errors import UserError

BOM = b"\xef\xbb\xbf"
MAX_BYTES = 20 * 1024 * 1024
MAX_SYMLINKS = 40  # as Linux: more links in one chain is a loop
READ_ONLY_HINT = "--write-read-only replaces it anyway"
_UTF16_BOMS = {b"\xff\xfe": "UTF-16 (little-endian)", b"\xfe\xff": "UTF-16 (big-endian)"}
GITHUB = "github:"
"""The prefix of a GitHub source (`github:OWNER/REPO[@REF][:PATH]`, read by awesome_lint.sources)."""
_UTF32_BOMS = {b"\xff\xfe\x00\x00": "UTF-32 (little-endian)", b"\x00\x00\xfe\xff": "UTF-32 (big-endian)"}


class Source(NamedTuple):
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


def _other_encoding(data: bytes) -> str | None:
    """The name of a UTF-16/UTF-32 encoding the bytes are clearly in (a byte order mark or NUL pattern), else None."""
    for table in (_UTF32_BOMS, _UTF16_BOMS):
        for mark, name in table.items():
            if data.startswith(mark):
                return f"{name}, with a byte order mark"
    head = data[:4096]
    pairs = len(head) // 2
    if pairs >= 2:
        odd_nuls, even_nuls = head[1::2].count(0), head[0::2].count(0)
        if odd_nuls >= pairs * 0.4 and even_nuls == 0:
            return "UTF-16 (little-endian), without a byte order mark"
        if even_nuls >= pairs * 0.4 and odd_nuls == 0:
            return "UTF-16 (big-endian), without a byte order mark"
    return None


def decode(data: bytes, path: str = "<string>") -> Source:
    """Decode file bytes as UTF-8 (BOM allowed); refuse UTF-16/32 and binary data with a clear error."""
    raw = data
    encoding = _other_encoding(data)
    if encoding is not None:
        raise UserError(f"{path}: text encoded as {encoding}; awesome-lint reads UTF-8 (convert the file first)")
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


def os_problem(name: str, exc: OSError, doing: str = "cannot read") -> UserError:
    """A one-line UserError for an OS error on a path, naming the usual causes plainly."""
    code = exc.errno
    if code == errno.ENOENT:
        reason = "no such file or directory"
        if os.path.islink(name):
            reason += " (a symbolic link to a missing file)"
    elif code == errno.ELOOP:
        reason = "too many levels of symbolic links (a symbolic link loop)"
    elif code in (errno.EACCES, errno.EPERM):
        reason = "permission denied"
        blocked = _unsearchable_folder(name)
        if blocked is not None:
            reason += f" (folder {blocked} cannot be searched)"
    elif code == errno.ENAMETOOLONG:
        reason = "file name too long"
    elif code == errno.ENOTDIR:
        reason = "a part of the path is not a folder"
    elif code == errno.EISDIR:
        reason = "is a directory"
    else:
        reason = f"{doing} ({exc.strerror or exc})"
    return UserError(f"{name}: {reason}")


def _unsearchable_folder(name: str) -> str | None:
    """The folder on the path whose permissions stop the lookup, or None when the path can be looked up."""
    chain = [os.path.abspath(name)]
    while os.path.dirname(chain[-1]) != chain[-1]:
        chain.append(os.path.dirname(chain[-1]))
    for child in reversed(chain[:-1]):  # from just below the root downwards
        try:
            os.stat(child)
        except PermissionError:
            return os.path.dirname(child)
        except OSError:
            return None
    return None


def stat_path(name: str) -> os.stat_result:
    """`os.stat` (symbolic links followed), every failure a one-line UserError."""
    try:
        return os.stat(name)
    except OSError as exc:
        raise os_problem(name, exc) from None
    except ValueError as exc:  # an embedded NUL byte
        raise UserError(f"{name}: invalid path ({exc})") from None


def _kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _require_regular(name: str, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise UserError(f"{name}: is a directory, not a Markdown file")
    if not stat.S_ISREG(mode):
        raise UserError(f"{name}: {_kind(mode)}, not a regular file; only regular files are read")


def read_bytes(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; directories, FIFOs, devices and sockets are refused
    before anything is read (a FIFO would block, /dev/zero never ends). Every OS problem is a UserError."""
    name = os.fspath(path)
    _require_regular(name, stat_path(name).st_mode)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(name, flags)  # non-blocking: a file swapped for a FIFO since the stat cannot hang the open
    except OSError as exc:
        raise os_problem(name, exc) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        _require_regular(name, info.st_mode)
        if info.st_size > max_bytes:
            raise UserError(f"{name}: file too large ({info.st_size} bytes; the limit is {max_bytes})")
        try:
            data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise os_problem(name, exc) from None
    if len(data) > max_bytes:
        raise UserError(f"{name}: file too large (more than {max_bytes} bytes)")
    return data


def is_remote(name: str) -> bool:
    """True for names that are sources rather than files: `github:...`, `https://...` (and `http://`)."""
    return name.startswith(GITHUB) or name[:8].lower().startswith(("https://", "http://"))


def read_source(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> Source:
    """Read and decode one list file, turning every OS problem into a one-line UserError; a source such as
    `github:OWNER/REPO` is downloaded (awesome_lint.sources)."""
    name = os.fspath(path)
    if is_remote(name):
        from awesome_lint.sources import read_remote

        return read_remote(name)
    return decode(read_bytes(path, max_bytes), name)


def expand_paths(paths: list[str] | tuple[str, ...], pattern: str = "*.md") -> list[str]:
    """Files named on the command line; a directory stands for every Markdown file in it, sorted; sources such
    as `github:OWNER/REPO` are kept as named."""
    out: list[str] = []
    for name in paths:
        if is_remote(name) or not stat.S_ISDIR(stat_path(name).st_mode):
            out.append(name)
            continue
        try:
            found = sorted(str(f) for f in Path(name).glob(pattern) if f.is_file())
        except OSError as exc:
            raise os_problem(name, exc, "cannot list the folder") from None
        if not found:
            raise UserError(f"{name}: directory contains no Markdown files ({pattern})")
        out.extend(found)
    return out


def _link_target(name: str) -> str:
    """The file a path names once every symbolic link in its last component is followed (it may not exist yet)."""
    current = name
    for _ in range(MAX_SYMLINKS):
        folder, base = os.path.split(os.path.abspath(current))
        current = os.path.join(os.path.realpath(folder), base)
        try:
            info = os.lstat(current)
        except FileNotFoundError:
            return current
        except OSError as exc:
            raise os_problem(name, exc, "cannot write") from None
        if not stat.S_ISLNK(info.st_mode):
            return current
        current = os.path.join(folder, os.readlink(current))
    raise UserError(f"{name}: too many levels of symbolic links (a symbolic link loop)")


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _stream(name: str, data: bytes) -> None:
    """Write to a FIFO or character device as it is (`/dev/stdout`, a pipe, `/dev/null`): nothing to replace."""
    try:
        with open(name, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise os_problem(name, exc, "cannot write") from None


def write_atomic(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    expected: bytes | None = None,
    replace_read_only: bool = False,
) -> None:
    """Write `data` to `path` so that the file is either wholly old or wholly new, whatever happens.

    A regular file is replaced by a temporary file in its folder and an atomic rename, keeping its mode (and
    owner where allowed); a new file gets the mode the umask gives. A symbolic link is followed and its target
    replaced (the link stays a link). A FIFO or character device (`/dev/stdout`, a pipe, `/dev/null`) is written
    to directly; directories, block devices and sockets are refused. A read-only file is refused unless
    `replace_read_only`. With `expected`, the file must still hold those bytes just before the rename (it was
    not changed since it was read), or nothing is written. An interruption (Ctrl-C) leaves no temporary file.
    """
    name = os.fspath(path)
    try:
        current = os.stat(name)
    except FileNotFoundError:
        current = None
    except OSError as exc:
        raise os_problem(name, exc, "cannot write") from None
    if current is not None and not stat.S_ISREG(current.st_mode):
        if stat.S_ISFIFO(current.st_mode) or stat.S_ISCHR(current.st_mode):
            _stream(name, data)
            return
        raise UserError(f"{name}: {_kind(current.st_mode)}; cannot write a file there")
    target = _link_target(name)
    if current is not None:
        try:
            resolved = os.stat(target)
        except OSError:
            resolved = None
        if resolved is None or not _same_file(current, resolved):
            _stream(name, data)  # a link the kernel follows its own way (/dev/stdout -> /proc/self/fd/1 -> ...)
            return
        if not replace_read_only and (not current.st_mode & 0o222 or not os.access(target, os.W_OK)):
            raise UserError(f"{name}: read-only file, left unchanged ({READ_ONLY_HINT})")
    elif expected is not None:
        raise UserError(f"{name}: the file was removed while it was being changed; nothing written")
    _replace(name, target, data, current, expected)


def _replace(name: str, target: str, data: bytes, current: os.stat_result | None, expected: bytes | None) -> None:
    """Temporary file beside `target`, synced, mode and owner copied, change check, rename, folder synced."""
    folder, base = os.path.split(target)
    tmp = ""
    try:
        try:
            mode = 0o600 if current is not None else 0o666  # a new file: the umask decides, as for any new file
            for _ in range(100):
                candidate = os.path.join(folder, f".{base}.{os.urandom(4).hex()}.tmp")
                try:
                    fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
                except FileExistsError:
                    continue  # someone else's file: never ours to remove
                except PermissionError:
                    raise UserError(
                        f"{name}: cannot write: folder {folder} is not writable "
                        "(the file is replaced through a temporary file there)"
                    ) from None
                tmp = candidate
                break
            else:
                raise FileExistsError(errno.EEXIST, "no free temporary file name", folder)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            if current is not None:
                made = os.stat(tmp)
                if hasattr(os, "chown") and (current.st_uid, current.st_gid) != (made.st_uid, made.st_gid):
                    with contextlib.suppress(OSError):  # only root may give a file away; the mode is still kept
                        os.chown(tmp, current.st_uid, current.st_gid)
                os.chmod(tmp, stat.S_IMODE(current.st_mode))
            if expected is not None and _contents(target) != expected:
                raise UserError(
                    f"{name}: the file changed while it was being fixed; left as it is, nothing lost (run again)"
                )
            os.replace(tmp, target)
            tmp = ""
        except OSError as exc:
            raise os_problem(name, exc, "cannot write") from None
        _sync_folder(folder)
    finally:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _contents(path: str) -> bytes | None:
    """The file's bytes now, or None when it is gone, unreadable or no longer a regular file."""
    try:
        return read_bytes(path)
    except UserError:
        return None


def _sync_folder(folder: str) -> None:
    """Make the rename durable (best effort: not every system can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


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
