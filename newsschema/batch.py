"""Many files at once: folders and globs, several processes, outputs written atomically.

The command line uses this for ``validate`` over a repository and ``convert`` over an
archive. Each worker process builds its validators once (`api.default_session`) and
checks whole files; results come back in the order the files were named.
"""

from __future__ import annotations

import functools
import multiprocessing
import multiprocessing.pool
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from types import FrameType
from typing import IO, Any

import attrs

from . import api
from .errors import Issue, OutputError, UsageError
from .formats import FORMATS, Context, Format, FormatName
from .formats.base import Level
from .output import Folder, atomic, atomic_folder
from .reporting import FileReport
from .selection import STDIN, Skipped, skip_reason
from .sources import parse_timezone

__all__ = [
    "Converted",
    "Reading",
    "Tally",
    "check_files",
    "convert_files",
    "local_sink",
    "outcomes_of",
    "output_path",
    "report_of",
]


@attrs.frozen(kw_only=True)
class Reading:
    """How every input of a run is read: the command line's reading options, in one
    value that crosses to worker processes."""

    timezone: str | None = None
    encoding: str | None = None
    strict: bool = False
    level: Level = "both"
    standard_version: str | None = None
    notes: bool = False

    def options(self) -> dict[str, Any]:
        """As `newsschema.outcomes` takes them; a time zone that is none is a usage
        error for the whole run, not an issue of one file."""
        return {**attrs.asdict(self), "timezone": parse_timezone(self.timezone)}

    def writing(self) -> dict[str, Any]:
        """What a writer takes of them: the time zone, for a day written at the user's
        ``--time-of-day`` without an offset of its own."""
        return {"timezone": parse_timezone(self.timezone)}


def outcomes_of(
    name: str,
    format: FormatName | None,
    reading: Reading,
    *,
    verdict_only: bool = False,
    data: bytes | None = None,
) -> Iterator[api.Outcome]:
    """One input's records as they are read; a file refused whole is one failed outcome.
    `data` is its bytes, when they were fetched from elsewhere (an object store)."""
    options = reading.options()
    if data is None:
        source: api.Data = sys.stdin.buffer.read() if name == STDIN else Path(name)
    else:
        source = data
    try:
        named = None if name == STDIN else name  # its extension can tell the layout
        yield from api.outcomes(source, format, verdict_only=verdict_only, name=named, **options)
    except UsageError as error:  # this file's format cannot be told, or it cannot be read
        message = str(error).removeprefix(f"{name}: ")  # the report names the file already
        issue = Issue(stage="parse", format=format or "", path="", message=message)
        yield api.Outcome(None, (issue,), format or "")


def check_file(name: str, format: FormatName | None, reading: Reading) -> FileReport:
    """One file's verdict (a top-level function, so worker processes can run it):
    strict, since a file that breaks its standard is not valid."""
    strict = attrs.evolve(reading, strict=True)
    return report_of(name, format, outcomes_of(name, format, strict, verdict_only=True))


def report_of(name: str, format: FormatName | None, outcomes: Iterable[api.Outcome]) -> FileReport:
    """The verdict on `name` from its records' outcomes (all of them, or a piece's)."""
    issues: list[Issue] = []
    found: str | None = format
    for outcome in outcomes:
        found = outcome.format or found
        issues.extend(outcome.issues)
    return FileReport(path=name, format=found, issues=tuple(issues))


def check_files(
    names: Sequence[str],
    format: FormatName | None = None,
    *,
    reading: Reading | None = None,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
    unjudged: Mapping[str, bool] | None = None,
) -> list[FileReport | Skipped]:
    """Every file's verdict, in the order given; `jobs` processes share the work.

    A file in `unjudged` (`Selection.unjudged`) is first looked into by the process that
    checks it, and is `Skipped` when it is no news format's: the parent only lists files.
    """
    check = functools.partial(_judged, format=format, reading=reading or Reading())
    advance = progress or (lambda _: None)
    reports = []
    judge = unjudged or {}
    items = [(name, judge.get(name)) for name in names]
    reopenable = all(map(_reopenable, names))
    for report in _in_order(check, items, jobs, largest_chunk=256, reopenable=reopenable):
        reports.append(report)
        advance(1)
    return reports


def _judged(
    item: tuple[str, bool | None], format: FormatName | None, reading: Reading
) -> FileReport | Skipped:
    """`check_file`, after the file's content has said whether it is taken (when its
    `named` flag is there: None means it is taken as it is)."""
    name, named = item
    reason = skip_reason(name, named) if named is not None else None
    if reason is not None:
        return Skipped(name, reason)
    return check_file(name, format, reading)


def _in_order(
    work: Callable[[Any], Any],
    names: Sequence[Any],
    jobs: int,
    *,
    largest_chunk: int,
    reopenable: bool | None = None,
) -> Iterator[Any]:
    """`work` on each name, results in the order named; `jobs` processes share it.

    One process when there is one job, one name, or an input a worker cannot open again
    (standard input, a pipe such as ``<(…)``); chunks small enough that every worker stays
    busy to the end. On Ctrl-C the workers are stopped (each removes the temporary file it
    was writing) before KeyboardInterrupt goes on.
    """
    if reopenable is None:
        reopenable = all(map(_reopenable, names))
    if jobs <= 1 or len(names) < 2 or not reopenable:
        yield from map(work, names)
        return
    chunk = max(1, min(largest_chunk, len(names) // (jobs * 8)))
    before = {child.pid for child in multiprocessing.active_children()}
    pool = multiprocessing.Pool(jobs, initializer=_worker_signals)
    workers = {child.pid for child in multiprocessing.active_children()} - before
    try:
        yield from pool.imap(work, names, chunksize=chunk)
        pool.close()
    except BaseException:
        _stop_workers(pool, workers)
        raise
    finally:
        pool.join()


_GRACE = 10.0
"""Seconds a stopped worker has to remove its temporary file and exit."""


def _stop_workers(pool: multiprocessing.pool.Pool, workers: set[int | None]) -> None:
    """`pool.terminate()`, and a kill for any worker still there after `_GRACE` seconds.

    A worker forked from a process with threads (the pool's own) can be left unable to
    act on its SIGTERM, and `terminate` then waits for it forever: CI saw it, a worker
    blocked on the task queue's lock while the parent joined it."""
    stopping = threading.Thread(target=pool.terminate, name="newsschema-stop", daemon=True)
    stopping.start()
    stopping.join(_GRACE)
    if stopping.is_alive():
        for child in multiprocessing.active_children():
            if child.pid in workers:
                child.kill()
        stopping.join()


def _reopenable(name: str) -> bool:
    return name != STDIN and Path(name).is_file()


def _worker_signals() -> None:
    """Workers leave Ctrl-C to the main process, and end cleanly when it stops them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stop)


def _stop(signum: int, frame: FrameType | None) -> None:
    """A worker asked to stop: out of newsschema's own work it unwinds, so that a temporary
    file being written is removed; waiting for work (inside multiprocessing's queues,
    perhaps holding their lock) it exits at once, since unwinding there can deadlock."""
    while frame is not None:  # from the innermost frame out, to the pool's worker loop
        module = frame.f_globals.get("__name__", "")
        if module.startswith("newsschema."):
            raise SystemExit(128 + signum)
        if module == "multiprocessing.pool":
            break  # a forked worker's stack goes on into the parent's: not its own work
        frame = frame.f_back
    os._exit(128 + signum)


@attrs.frozen(kw_only=True)
class Converted:
    """What converting one input file into its own output file came to."""

    path: str
    issues: tuple[Issue, ...] = ()
    """Each record's issues, in order (warnings included)."""
    output_issues: tuple[Issue, ...] = ()
    """Why the output failed its check, when it did (nothing was written)."""
    written: bool = False
    bad_records: bool = False
    good: int = 0
    """Records read without an error."""
    bad: int = 0
    """Records refused on the way in."""

    @property
    def converted(self) -> int:
        """Records written out."""
        return self.good if self.written else 0

    @property
    def failed(self) -> int:
        """Records that were refused, or whose output failed its check."""
        return self.bad + (self.good if self.output_issues else 0)

    def joined(self, later: Converted) -> Converted:
        """This and `later`, two pieces of one file converted apart (on a cluster)."""
        return Converted(
            path=self.path,
            issues=(*self.issues, *later.issues),
            output_issues=(*self.output_issues, *later.output_issues),
            written=self.written or later.written,
            bad_records=self.bad_records or later.bad_records,
            good=self.good + later.good,
            bad=self.bad + later.bad,
        )


def output_path(name: str, directory: Path, to: FormatName) -> Path:
    """``a/b/story.page.html`` → ``DIR/story.jsonld``: the name's stem, the format's extension."""
    stem = "stdin" if name == STDIN else Path(name).name.split(".")[0]
    return directory / (stem + FORMATS[to].extensions[0])


@attrs.define
class Tally:
    """One input's outcomes, with their issues and counts gathered as they pass."""

    outcomes: Iterable[api.Outcome]
    issues: list[Issue] = attrs.field(factory=list)
    good: int = 0
    bad: int = 0

    def __iter__(self) -> Iterator[api.Outcome]:
        for outcome in self.outcomes:
            self.issues.extend(outcome.issues)
            if outcome.article is None:
                self.bad += 1
            else:
                self.good += 1
            yield outcome

    def converted(self, path: str, done: api.Converted) -> Converted:
        """What converting `path` came to, once `api.drive` has done it."""
        return Converted(
            path=path,
            issues=tuple(self.issues),
            output_issues=done.output_issues,
            written=done.written > 0,
            bad_records=self.bad > 0,
            good=self.good,
            bad=self.bad,
        )


def local_sink(
    fmt: Format, context: Context, directory: Path, name: str
) -> Callable[[], AbstractContextManager[IO[Any] | Folder]]:
    """What `api.drive` writes `fmt` into: the file `directory/name`, or for a
    partitioned dataset the files called `name` under each partition of `directory`."""
    writer = fmt.writer
    assert writer is not None  # api.writing has checked it
    if writer.writes_folder(context):
        return lambda: atomic_folder(directory, name)
    return lambda: atomic(directory / name, binary=writer.binary)


def convert_file(
    name: str,
    *,
    to: FormatName,
    directory: Path,
    format: FormatName | None,
    reading: Reading,
    options: Mapping[str, Any],
    keep_going: bool,
) -> Converted:
    """Convert one input into its own output file (a top-level function for worker
    processes), with `api.drive`'s keep-going policy. A failure of this file's output is
    reported, never raised, so that the other files of a batch are still converted."""
    read = Tally(outcomes_of(name, format, reading))
    fmt, context = api.writing(to, options={**options, **reading.writing()})
    sink = local_sink(fmt, context, directory, output_path(name, directory, to).name)
    try:
        done = api.drive(read, fmt, context, sink, keep_going=keep_going)
    except OutputError as error:
        issue = Issue(stage="output", format=to, path="", message=str(error))
        done = api.Converted(output_issues=(issue,))
    return read.converted(name, done)


def convert_files(names: Sequence[str], *, jobs: int = 1, **settings: Any) -> Iterator[Converted]:
    """`convert_file` for each name, in the order given; `jobs` processes share the work."""
    convert = functools.partial(convert_file, **settings)
    yield from _in_order(convert, names, jobs, largest_chunk=16)
