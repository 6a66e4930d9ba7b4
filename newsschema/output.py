"""Where converted text goes: files replaced atomically, links kept, devices written into.

A conversion that fails leaves what it would have replaced as it was, and nothing behind:
a regular file is written to a temporary file beside it and renamed over it; standard
output is spooled and copied only on success. What is not a regular file is never
replaced: a symbolic link keeps pointing where it did while the file it names is
replaced; a character or block device, a FIFO or a socket (``/dev/null``,
``/proc/self/fd/1``, ``<(…)``) is written into as it is. Every failure of the file system
(a full disk, a read-only mount, a name too long) is an `OutputError` naming the path.
"""

from __future__ import annotations

import errno
import functools
import io
import os
import secrets
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO, TextIO, cast

from .errors import OutputError

__all__ = ["atomic_text"]

_SPOOL_IN_MEMORY = 16 * 2**20
_COPY_CHARS = 2**20
_TEMPORARY_PREFIX = ".newsschema-"
"""Temporary files are named by this and a random part, never by the target's name: a
target name near the 255-byte limit would otherwise make a temporary name past it."""


@contextmanager
def atomic_text(path: Path | None, *, spool: bool = True) -> Iterator[TextIO]:
    """A text stream to `path` that replaces it only when the block succeeds (stdout if None).

    With `spool` False, standard output is written as it comes, for runs that keep going
    past bad records anyway. `OutputError` when the file system refuses.
    """
    where = "standard output" if path is None else str(path)
    try:
        if path is None:
            with _to_stdout(spool) as stream:
                yield stream
        elif _is_special(path):
            with _into(path) as stream:
                yield stream
        else:
            target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
            with _replacing(target) as stream:
                yield stream
    except OSError as error:
        raise OutputError(where, _reason(error)) from None


def _reason(error: OSError) -> str:
    if error.errno == errno.ENAMETOOLONG:
        return "the name is too long for the file system"
    return error.strerror or str(error)


def _is_special(path: Path) -> bool:
    """A device, FIFO or socket, reached directly or through a link (``/proc/self/fd/1``)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


@contextmanager
def _into(path: Path) -> Iterator[TextIO]:
    """A device or FIFO: written into as it is (it cannot be replaced, and must not be)."""
    with open(path, "w", encoding="utf-8", newline="") as stream:
        yield stream


@contextmanager
def _replacing(path: Path) -> Iterator[TextIO]:
    """A regular file (the one a link names, when `path` was a link), replaced atomically.

    The temporary file is created with mode 0666, which the kernel narrows by the umask —
    what any Unix tool's new file gets — and takes the replaced file's mode when there is
    one. (`tempfile.mkstemp` makes 0600 files, and reading the umask costs a file read.)
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = _temporary(path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
        with suppress(FileNotFoundError):
            os.chmod(temporary, stat.S_IMODE(os.stat(path).st_mode))
        os.replace(temporary, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _temporary(folder: Path) -> tuple[int, str]:
    """A new file in `folder` under a name no one else has, open for writing."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        name = os.path.join(folder, f"{_TEMPORARY_PREFIX}{secrets.token_hex(6)}.tmp")
        try:
            return os.open(name, flags, 0o666), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


@contextmanager
def _to_stdout(spool: bool) -> Iterator[TextIO]:
    if not spool:
        stream = _stdout_text(write_through=True)
        try:
            yield stream
            stream.flush()
        finally:
            stream.detach()  # leave sys.stdout open
        return
    # Text mode: the spool's own text layer works on every Python (a TextIOWrapper over a
    # binary SpooledTemporaryFile needs `readable()`, which Python 3.10's lacks).
    with tempfile.SpooledTemporaryFile(
        max_size=_SPOOL_IN_MEMORY, mode="w+", encoding="utf-8", newline=""
    ) as spooled:
        yield cast(TextIO, spooled)  # an exception here discards everything written
        spooled.seek(0)
        for chunk in iter(functools.partial(spooled.read, _COPY_CHARS), ""):
            _write_all(sys.stdout.buffer, chunk.encode("utf-8"))
        sys.stdout.buffer.flush()


def _write_all(stream: BinaryIO, data: bytes) -> None:
    """All of `data`, or OSError: a buffered stream may take only part of a large write
    and say so only by its count (a full disk answers the next write with ENOSPC)."""
    view = memoryview(data)
    while view:
        written = stream.write(view)
        if not written:
            raise OSError(errno.EIO, "the stream took nothing more")
        view = view[written:]


def _stdout_text(*, write_through: bool) -> io.TextIOWrapper:
    return io.TextIOWrapper(
        sys.stdout.buffer, encoding="utf-8", newline="", write_through=write_through
    )
