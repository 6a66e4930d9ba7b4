"""newsschema on a Dask cluster: the same reading, conversion and validation, spread over
workers.

Inputs are cut into pieces (`pieces`): whole files, and byte ranges of JSON Lines and CSV
files that never cut a record. Each piece is one task; a conversion's task writes the
piece's own output part (``part-00017.parquet``) atomically, so a task that fails or is
run again never leaves half a part, and running a job again gives the same parts. The
results are what the command line reports: a `batch.Converted` per input file, or a
`reporting.FileReport`, with each issue at the record and line of the whole file.
Requires ``newsschema[dask]``; nothing imports this module unless asked for a cluster.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol, TypeVar

import attrs

from . import api, batch, storage
from .errors import Issue, OutputError, UsageError
from .formats import FORMATS, FormatName
from .output import TEMPORARY_PREFIX
from .pieces import Offsets, Piece, count, cut, text_of
from .reporting import FileReport
from .sources import format_by_name

try:
    import dask
    import dask.bag
    import distributed
except ImportError as missing:  # pragma: no cover - the extra is part of the test install
    raise UsageError(
        f"running on a cluster needs Dask: pip install 'newsschema[dask]' ({missing})"
    ) from None

__all__ = ["BLOCKSIZE", "Record", "connected", "convert", "part_name", "read", "validate"]


class _OfAFile(Protocol):
    """A result that names its file (`batch.Converted`, `FileReport`): what `_per_file`
    joins by."""

    @property
    def path(self) -> str: ...


T = TypeVar("T", bound=_OfAFile)

BLOCKSIZE = 8 * 2**20
"""Bytes of a JSON Lines or CSV file per task: about 6,000 articles, enough work to pay for
a task's cost, and pieces enough for every worker of a small cluster to stay busy."""


@attrs.frozen
class Record:
    """One record's outcome, with the file it came from and its place in that file."""

    path: str
    record: int
    """0-based, in the file (a file of one document: 0; a file refused whole: 0)."""
    outcome: api.Outcome


@contextmanager
def connected(address: str) -> Iterator[distributed.Client]:
    """A client of the scheduler at `address` (``tcp://host:8786``), of the one a
    scheduler file names, or of a new `LocalCluster` of N worker processes (``local:N``),
    closed (with the cluster it started) when the block ends."""
    if address.startswith("local:"):
        workers = address.removeprefix("local:")
        if not workers.isdigit() or not 1 <= int(workers) <= 256:
            raise UsageError(f"--scheduler {address}: give local:N, N from 1 to 256 workers")
        with (
            distributed.LocalCluster(
                n_workers=int(workers),
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            yield client
        return
    try:
        if "://" not in address and Path(address).is_file():
            client = distributed.Client(scheduler_file=address, timeout="30s")
        else:
            client = distributed.Client(address, timeout="30s")
    except OSError as error:
        raise UsageError(f"--scheduler {address}: cannot reach it ({error})") from None
    with client:
        yield client


def _pieces(paths: Sequence[str], blocksize: int) -> list[Piece]:
    return [piece for path in paths for piece in cut(path, blocksize)]


def _reading(format: FormatName | None, reading: batch.Reading) -> dict[str, Any]:
    return {"format": format, "reading": reading}


def _piece_outcomes(
    piece: Piece,
    offsets: Offsets,
    format: FormatName | None,
    reading: batch.Reading,
    verdict_only: bool,
) -> Iterator[api.Outcome]:
    """The piece's outcomes, each issue placed in the whole file."""
    if piece.whole:  # read as the local path reads a file: whole, or as it streams
        remote = storage.is_remote(piece.path)
        path = piece.path if remote else storage.local(piece.path)
        data = storage.read_bytes(path) if remote else None
        yield from batch.outcomes_of(path, format, reading, verdict_only=verdict_only, data=data)
        return
    data, header_lines = text_of(piece)
    name: FormatName | None = format
    if name is None:
        name = "article" if piece.layout == "lines" else "csv"
    options = reading.options()
    for outcome in api.outcomes(data, name, verdict_only=verdict_only, name=piece.path, **options):
        issues = tuple(offsets.place(issue, header_lines) for issue in outcome.issues)
        yield attrs.evolve(outcome, issues=issues)


def _offsets(pieces: Sequence[Piece], counts: Sequence[tuple[int, int]]) -> list[Offsets]:
    """What comes before each piece in its own file."""
    found: list[Offsets] = []
    by_file: dict[str, list[tuple[int, int]]] = {}
    for piece, counted in zip(pieces, counts, strict=True):
        by_file.setdefault(piece.path, []).append(counted)
    starts = {path: Offsets.before_each(counted) for path, counted in by_file.items()}
    seen: dict[str, int] = {}
    for piece in pieces:
        index = seen.get(piece.path, 0)
        seen[piece.path] = index + 1
        found.append(starts[piece.path][index])
    return found


def _counted(piece: Piece) -> tuple[int, int]:
    return (0, 0) if piece.layout == "whole" else count(piece)


def _planned(paths: Sequence[str], blocksize: int) -> tuple[list[Piece], Any]:
    """The pieces, and a delayed list of each one's `Offsets`."""
    pieces = _pieces(paths, blocksize)
    counts = [dask.delayed(_counted, pure=True)(piece) for piece in pieces]
    return pieces, dask.delayed(_offsets, pure=True)(pieces, counts)


def _records(
    piece: Piece, offsets: list[Offsets], at: int, settings: dict[str, Any]
) -> list[Record]:
    outcomes = _piece_outcomes(piece, offsets[at], verdict_only=False, **settings)
    first = offsets[at].records
    return [Record(piece.path, first + index, outcome) for index, outcome in enumerate(outcomes)]


def read(
    paths: Sequence[str],
    format: FormatName | None = None,
    *,
    blocksize: int = BLOCKSIZE,
    reading: batch.Reading | None = None,
) -> dask.bag.Bag:
    """Every record of `paths` as a bag of `Record`: an article, or the issues that stopped
    it, with the file it came from. Nothing is read until the bag is computed."""
    pieces, offsets = _planned(storage.expand(paths), blocksize)
    settings = _reading(format, reading or batch.Reading())
    parts = [
        dask.delayed(_records)(piece, offsets, at, settings) for at, piece in enumerate(pieces)
    ]
    return dask.bag.from_delayed(parts)


# --- validate ------------------------------------------------------------------------------


def _checked(piece: Piece, offsets: list[Offsets], at: int, settings: dict[str, Any]) -> FileReport:
    strict = attrs.evolve(settings["reading"], strict=True)
    outcomes = _piece_outcomes(piece, offsets[at], settings["format"], strict, verdict_only=True)
    return batch.report_of(piece.path, settings["format"], outcomes)


def _joined(earlier: FileReport, later: FileReport) -> FileReport:
    return attrs.evolve(earlier, issues=(*earlier.issues, *later.issues))


def _per_file(results: Sequence[T], join: Callable[[T, T], T]) -> list[T]:
    """One result per file (each result has its `path`), its pieces' joined in order."""
    files: dict[str, T] = {}
    for result in results:
        seen = files.get(result.path)
        files[result.path] = result if seen is None else join(seen, result)
    return list(files.values())


def validate(
    paths: Sequence[str],
    format: FormatName | None = None,
    *,
    client: distributed.Client | None = None,
    blocksize: int = BLOCKSIZE,
    reading: batch.Reading | None = None,
    progress: bool = False,
) -> list[FileReport]:
    """Each file's verdict, as ``newsschema validate`` gives it, computed on the cluster
    `client` is connected to (the current one if None)."""
    pieces, offsets = _planned(storage.expand(paths), blocksize)
    settings = _reading(format, reading or batch.Reading())
    tasks = [
        dask.delayed(_checked)(piece, offsets, at, settings) for at, piece in enumerate(pieces)
    ]
    return _per_file(_computed(tasks, client, progress), _joined)


def _computed(tasks: Sequence[Any], client: distributed.Client | None, progress: bool) -> list[Any]:
    """The tasks' results, in order, with Dask's progress bar when asked."""
    client = client or distributed.get_client()
    futures = client.compute(list(tasks))
    if progress:  # Dask's bar writes to standard output, which a report may hold
        with contextlib.redirect_stdout(sys.stderr):
            distributed.progress(futures)
        print(file=sys.stderr)
    return list(client.gather(futures))


# --- convert -------------------------------------------------------------------------------


@attrs.frozen
class _Target:
    """Where one conversion writes: its folder, format and writer options."""

    directory: str
    to: FormatName
    options: dict[str, Any]
    keep_going: bool


def part_name(at: int, to: FormatName) -> str:
    """``part-00017.parquet``: the part a piece writes, named by the piece's place (a
    part of canonical JSON is JSON Lines: ``part-00017.jsonl``)."""
    extensions = FORMATS[to].extensions
    return f"part-{at:05d}{'.jsonl' if '.jsonl' in extensions else extensions[0]}"


def _converted(
    piece: Piece, offsets: list[Offsets], at: int, settings: dict[str, Any], target: _Target
) -> batch.Converted:
    """One piece converted into its own part (a task: it runs on a worker)."""
    outcomes = _piece_outcomes(piece, offsets[at], verdict_only=False, **settings)
    read = batch.Tally(outcomes)
    fmt, context = api.writing(
        target.to, options={**target.options, **settings["reading"].writing()}
    )
    name, directory = part_name(at, target.to), target.directory
    if storage.is_remote(directory):
        sink = storage.sink(fmt, context, directory, name)
    else:
        sink = batch.local_sink(fmt, context, Path(storage.local(directory)), name)
    try:
        done = api.drive(read, fmt, context, sink, keep_going=target.keep_going)
    except OutputError as error:
        issue = Issue(stage="output", format=target.to, path="", message=str(error))
        done = api.Converted(output_issues=(issue,))
    return read.converted(piece.path, done)


def _withdrawn(
    results: Sequence[batch.Converted], pieces: Sequence[Piece], target: _Target
) -> None:
    """Without keep-going, a file with a bad record is not converted: the parts its good
    pieces wrote are taken back, as the local path never writes them."""
    bad = {result.path for result in results if result.bad_records}
    if target.keep_going or not bad:
        return
    for at, piece in enumerate(pieces):
        if piece.path in bad:
            storage.remove(target.directory, part_name(at, target.to))


def convert(
    paths: Sequence[str],
    to: FormatName,
    output: str | os.PathLike[str],
    *,
    format: FormatName | None = None,
    client: distributed.Client | None = None,
    keep_going: bool = False,
    blocksize: int = BLOCKSIZE,
    reading: batch.Reading | None = None,
    progress: bool = False,
    **options: Any,
) -> list[batch.Converted]:
    """Convert `paths` into parts in the folder `output`, one per piece, in order; each
    file's result as ``newsschema convert -o DIR/`` reports it. `options` are the writer's
    (``partition_by="language"``)."""
    format_by_name(to)
    target = _Target(os.fspath(output), to, dict(options), keep_going)
    api.writing(to, options=target.options)  # a usage error now, not in every task
    storage.makedirs(target.directory)
    pieces, offsets = _planned(storage.expand(paths), blocksize)
    settings = _reading(format, reading or batch.Reading())
    tasks = [
        dask.delayed(_converted)(piece, offsets, at, settings, target)
        for at, piece in enumerate(pieces)
    ]
    results = _per_file(_computed(tasks, client, progress), batch.Converted.joined)
    _withdrawn(results, pieces, target)
    if not storage.is_remote(target.directory):  # an object store has no half-written file
        _swept(Path(storage.local(target.directory)))
    return results


def _swept(directory: Path) -> None:
    """The temporary files of tasks whose worker died mid-write (a task run again wrote
    its part anew): the folder is the job's, and no task of it is running any more."""
    for stale in directory.rglob(f"{TEMPORARY_PREFIX}*.tmp"):
        stale.unlink(missing_ok=True)
