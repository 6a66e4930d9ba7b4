"""Where a cluster's inputs and outputs live: this file system, or any fsspec URL.

A path with a protocol (``s3://bucket/archive.jsonl``, ``gs://…``, ``memory://…``) is
reached through fsspec, whose file system package for that protocol the user installs
(``s3fs``, ``gcsfs``); ``file://`` and plain paths are this machine's, written with
`output`'s atomic replacement. An object store has no rename: a part is written whole in
one request when its task succeeds (what an object store guarantees), never streamed, so
a failed task leaves nothing.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import IO, Any

import attrs

from .errors import UsageError
from .formats import Context, Format
from .limits import MAX_DOCUMENT_BYTES
from .output import Folder, is_numbered, numbered

__all__ = [
    "RemoteFolder",
    "expand",
    "is_remote",
    "local",
    "makedirs",
    "open_bytes",
    "read_bytes",
    "remove",
    "sink",
    "size",
    "written",
]


def is_remote(path: str) -> bool:
    """Whether `path` is a URL fsspec reaches (any protocol but ``file``)."""
    protocol, separator, _ = path.partition("://")
    return bool(separator) and protocol.isidentifier() and protocol != "file"


def local(path: str) -> str:
    """A local path, ``file://`` taken off."""
    return path.removeprefix("file://")


def _fs(url: str) -> tuple[Any, str]:
    try:
        import fsspec.core
    except ImportError:  # pragma: no cover - Dask installs fsspec
        raise UsageError(f"{url}: reading URLs needs fsspec: pip install fsspec") from None
    try:
        fs, inner = fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as error:  # no package for the protocol, a bad URL
        raise UsageError(f"{url}: {error}") from None
    return fs, str(inner)


def size(path: str) -> int:
    if is_remote(path):
        fs, inner = _fs(path)
        return int(fs.size(inner))
    return Path(local(path)).stat().st_size


@contextmanager
def open_bytes(path: str) -> Iterator[IO[bytes]]:
    """The file's bytes, as a seekable stream."""
    if not is_remote(path):
        with open(local(path), "rb") as handle:
            yield handle
        return
    fs, inner = _fs(path)
    with fs.open(inner, "rb") as handle:
        yield handle


def read_bytes(path: str) -> bytes:
    """A whole file's bytes, or one byte past the most newsschema reads of a document (the
    reader then refuses it, without the rest in memory)."""
    with open_bytes(path) as handle:
        return handle.read(MAX_DOCUMENT_BYTES + 1)


def expand(paths: Sequence[str]) -> list[str]:
    """Each path; a URL with a wildcard as the files it matches, in order."""
    found: list[str] = []
    for path in paths:
        if is_remote(path) and set("*?[") & set(path):
            fs, inner = _fs(path)
            found.extend(fs.unstrip_protocol(match) for match in sorted(fs.glob(inner)))
        else:
            found.append(path)
    return found


def makedirs(path: str) -> None:
    if is_remote(path):
        fs, inner = _fs(path)
        fs.makedirs(inner, exist_ok=True)
    else:
        Path(local(path)).mkdir(parents=True, exist_ok=True)


def remove(folder: str, name: str) -> None:
    """Every file called `name` under `folder`, at any depth, or numbered for it in a
    partition (`output.numbered`): a part, whole."""
    if not is_remote(folder):
        for found in Path(local(folder)).rglob("*"):
            if found.name == name or is_numbered(found.name, name):
                found.unlink(missing_ok=True)
        return
    fs, inner = _fs(folder)
    for found in fs.find(inner):
        leaf = found.rsplit("/", 1)[-1]
        if leaf == name or is_numbered(leaf, name):
            fs.rm(found)


def _put(url: str, data: bytes) -> None:
    fs, inner = _fs(url)
    parent = inner.rsplit("/", 1)[0]
    if parent and parent != inner:
        fs.makedirs(parent, exist_ok=True)
    fs.pipe_file(inner, data)


@contextmanager
def written(url: str, *, binary: bool) -> Iterator[IO[Any]]:
    """A stream whose whole content is put at `url` in one request when the block
    succeeds, and nowhere when it fails."""
    buffer: io.BytesIO | io.StringIO = io.BytesIO() if binary else io.StringIO()
    yield buffer
    data = buffer.getvalue()
    _put(url, data if isinstance(data, bytes) else data.encode("utf-8"))


@attrs.define
class RemoteFolder(Folder):
    """An `output.Folder` at a URL: each file held until every one is written, then put."""

    root: str
    basename: str
    _files: dict[str, io.BytesIO] = attrs.field(factory=dict)

    def open(self, folder: str, number: int = 0) -> IO[bytes]:
        buffer = io.BytesIO()
        name = numbered(self.basename, number)
        self._files[f"{self.root.rstrip('/')}/{folder}/{name}"] = buffer
        return buffer

    def put(self) -> None:
        for url, buffer in self._files.items():
            _put(url, buffer.getvalue())


@contextmanager
def remote_folder(root: str, basename: str) -> Iterator[RemoteFolder]:
    folder = RemoteFolder(root, basename)
    yield folder
    folder.put()


def sink(
    fmt: Format, context: Context, url: str, name: str
) -> Callable[[], AbstractContextManager[IO[Any] | Folder]]:
    """`batch.local_sink` at a URL: the object `url/name`, or for a partitioned dataset
    the objects called `name` under each partition of `url`."""
    writer = fmt.writer
    assert writer is not None  # api.writing has checked it
    if writer.writes_folder(context):
        return lambda: remote_folder(url, name)
    return lambda: written(f"{url.rstrip('/')}/{name}", binary=writer.binary)
