"""Where converted output goes: files replaced atomically, links kept, devices written into.

A conversion that fails leaves what it would have replaced as it was, and nothing behind:
a regular file is written to a temporary file beside it and renamed over it; standard
output is spooled and copied only on success. What is not a regular file is never
replaced: a symbolic link keeps pointing where it did while the file it names is
replaced; a character or block device, a FIFO or a socket (``/dev/null``,
``/proc/self/fd/1``, ``<(…)``) is written into as it is. Every failure of the file system
(a full disk, a read-only mount, a name too long) is an `OutputError` naming the path.
Text formats get a UTF-8 text stream; a binary format (Parquet) a byte stream, or, for a
dataset of several files, an `AtomicFolder` whose files appear only when all are done.
"""

from __future__ import annotations

import errno
import functools
import io
import os
import re
import secrets
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO, cast

import attrs

from .errors import OutputError

__all__ = [
    "TEMPORARY_PREFIX",
    "AtomicFolder",
    "Folder",
    "atomic",
    "atomic_bytes",
    "atomic_folder",
    "atomic_text",
    "is_numbered",
    "numbered",
]

_SPOOL_IN_MEMORY = 16 * 2**20
_COPY_CHARS = 2**20
TEMPORARY_PREFIX = ".newsschema-"
"""Temporary files are named by this and a random part, never by the target's name: a
target name near the 255-byte limit would otherwise make a temporary name past it."""


@contextmanager
def atomic_text(path: Path | None, *, spool: bool = True) -> Iterator[TextIO]:
    """A text stream to `path` that replaces it only when the block succeeds (stdout if None).

    With `spool` False, standard output is written as it comes, for runs that keep going
    past bad records anyway. `OutputError` when the file system refuses.
    """
    with atomic(path, binary=False, spool=spool) as stream:
        yield cast(TextIO, stream)


@contextmanager
def atomic_bytes(path: Path | None, *, spool: bool = True) -> Iterator[BinaryIO]:
    """`atomic_text` for a binary format: a byte stream, with the same guarantees."""
    with atomic(path, binary=True, spool=spool) as stream:
        yield cast(BinaryIO, stream)


@contextmanager
def atomic(path: Path | None, *, binary: bool, spool: bool = True) -> Iterator[IO[Any]]:
    """`atomic_text`, or `atomic_bytes` when `binary`: for a format known only by name."""
    where = "standard output" if path is None else str(path)
    try:
        if path is None:
            with _to_stdout(spool, binary=binary) as stream:
                yield stream
        elif _is_special(path):
            with _into(path, binary=binary) as stream:
                yield stream
        else:
            target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
            with _replacing(target, binary=binary) as stream:
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


def _opened(handle: int | Path, *, binary: bool) -> IO[Any]:
    if binary:
        return open(handle, "wb")  # the caller's `with` closes it
    return open(handle, "w", encoding="utf-8", newline="")


@contextmanager
def _into(path: Path, *, binary: bool) -> Iterator[IO[Any]]:
    """A device or FIFO: written into as it is (it cannot be replaced, and must not be)."""
    with _opened(path, binary=binary) as stream:
        yield stream


@contextmanager
def _replacing(path: Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """A regular file (the one a link names, when `path` was a link), replaced atomically.

    The temporary file is created with mode 0666, which the kernel narrows by the umask —
    what any Unix tool's new file gets — and takes the replaced file's mode when there is
    one. (`tempfile.mkstemp` makes 0600 files, and reading the umask costs a file read.)
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = _temporary(path.parent)
    try:
        with _opened(handle, binary=binary) as stream:
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
        name = os.path.join(folder, f"{TEMPORARY_PREFIX}{secrets.token_hex(6)}.tmp")
        try:
            return os.open(name, flags, 0o666), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


@contextmanager
def _to_stdout(spool: bool, *, binary: bool) -> Iterator[IO[Any]]:
    if binary:
        with _bytes_to_stdout(spool) as raw:
            yield raw
        return
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


@contextmanager
def _bytes_to_stdout(spool: bool) -> Iterator[IO[bytes]]:
    """Standard output's bytes: spooled and copied on success, or written as they come."""
    if not spool:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY, mode="w+b") as spooled:
        yield cast(IO[bytes], spooled)
        spooled.seek(0)
        for chunk in iter(functools.partial(spooled.read, _COPY_CHARS), b""):
            _write_all(sys.stdout.buffer, chunk)
        sys.stdout.buffer.flush()


def numbered(basename: str, number: int) -> str:
    """The name of the `number`th file (from 0) of one partition of a dataset written
    for `basename`: ``articles.parquet`` → ``articles-0.parquet``, ``articles-1.parquet``…
    A writer that must close a partition's file (to keep few files open) and then gets
    rows for it again writes them to its next file, which a Hive reader takes as part of
    the partition. Every file is numbered, so that a name tells its basename and number
    (``a-1-0.parquet`` is ``a-1.parquet``'s first): the files of two inputs never meet."""
    stem, dot, suffix = basename.rpartition(".")
    return f"{stem}-{number}.{suffix}" if dot else f"{basename}-{number}"


def is_numbered(name: str, basename: str) -> bool:
    """Whether `name` is one of the files `numbered` names for `basename`."""
    stem, dot, suffix = basename.rpartition(".")
    pattern = (
        rf"{re.escape(stem)}-\d+\.{re.escape(suffix)}" if dot else rf"{re.escape(basename)}-\d+"
    )
    return re.fullmatch(pattern, name) is not None


class Folder:
    """Several files under one folder, written as one output (a partitioned dataset):
    what a writer opens each file of, by the sub-folder it goes in and its number there
    (`numbered`)."""

    def open(self, folder: str, number: int = 0) -> IO[bytes]:
        raise NotImplementedError

    def done(self, stream: IO[bytes]) -> None:
        """The writer of `stream` has finished it: release what it holds (a file
        descriptor), keeping what it wrote for the commit."""


@attrs.define
class AtomicFolder(Folder):
    """Several files under one folder, written as one output: each goes to a temporary
    file beside where it belongs, and all are renamed into place only when every one is
    written (a Hive-partitioned Parquet dataset). `basename` names each file; `open`
    takes the sub-folder it goes in (``language=zh-CN``)."""

    root: Path
    basename: str
    _pending: list[tuple[str, Path]] = attrs.field(factory=list)
    _open: list[IO[bytes]] = attrs.field(factory=list)

    def open(self, folder: str, number: int = 0) -> IO[bytes]:
        """A byte stream for the `number`th file of ``root/folder`` (`numbered`), kept
        until the folder commits."""
        target = self.root / folder / numbered(self.basename, number)
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = _temporary(target.parent)
        stream = os.fdopen(handle, "wb")
        self._pending.append((temporary, target))
        self._open.append(stream)
        return stream

    def done(self, stream: IO[bytes]) -> None:
        stream.close()

    def _close(self) -> None:
        for stream in self._open:
            stream.close()
        self._open.clear()

    def _commit(self) -> None:
        """Every file into place, and out of each partition written the numbered files
        an earlier run left there that this one did not write: a rerun replaces a
        partition whole, as it replaces a file."""
        self._close()
        written = {target for _, target in self._pending}
        for temporary, target in self._pending:
            os.replace(temporary, target)
        for folder in {target.parent for target in written}:
            for stale in set(folder.iterdir()) - written:
                if is_numbered(stale.name, self.basename):
                    stale.unlink(missing_ok=True)
        self._pending.clear()

    def _discard(self) -> None:
        self._close()
        for temporary, _ in self._pending:
            with suppress(FileNotFoundError):
                os.unlink(temporary)
        self._pending.clear()


@contextmanager
def atomic_folder(root: Path, basename: str) -> Iterator[AtomicFolder]:
    """An `AtomicFolder` under `root`: its files appear when the block succeeds, none when
    it fails. `OutputError` when the file system refuses."""
    folder = AtomicFolder(root, basename)
    try:
        try:
            yield folder
            folder._commit()
        except BaseException:
            folder._discard()
            raise
    except OSError as error:
        raise OutputError(str(root), _reason(error)) from None
