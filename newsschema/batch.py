"""Many files at once: folders and globs, several processes, outputs written atomically.

The command line uses this for ``validate`` over a repository and ``convert`` over an
archive. Each worker process builds its validators once (`api.default_session`) and
checks whole files; results come back in the order the files were named.
"""

from __future__ import annotations

import functools
import io
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO, cast

import attrs

from . import api
from .errors import Issue, UsageError, ValidationError
from .formats import FORMATS, FormatName
from .reporting import FileReport
from .selection import STDIN
from .sources import parse_timezone

__all__ = [
    "Converted",
    "atomic_text",
    "check_files",
    "convert_files",
    "outcomes_of",
    "output_path",
]

_SPOOL_IN_MEMORY = 16 * 2**20
_COPY_CHARS = 2**20


def outcomes_of(
    name: str,
    format: FormatName | None,
    *,
    timezone: str | None = None,
    encoding: str | None = None,
    verdict_only: bool = False,
) -> Iterator[api.Outcome]:
    """One input's records as they are read; a file refused whole is one failed outcome."""
    zone = parse_timezone(timezone)  # a usage error for the whole run, not for this file
    data: api.Data = sys.stdin.buffer.read() if name == STDIN else Path(name)
    try:
        yield from api.outcomes(
            data, format, verdict_only=verdict_only, timezone=zone, encoding=encoding
        )
    except ValidationError as error:  # undecodable bytes, refused before any record
        yield api.Outcome(None, error.issues, format or "")
    except UsageError as error:  # this file's format cannot be told, or it cannot be read
        message = str(error).removeprefix(f"{name}: ")  # the report names the file already
        issue = Issue(stage="parse", format=format or "", path="", message=message)
        yield api.Outcome(None, (issue,), format or "")


def check_file(
    name: str, format: FormatName | None, timezone: str | None, encoding: str | None
) -> FileReport:
    """One file's verdict (a top-level function, so worker processes can run it)."""
    issues: list[Issue] = []
    found: str | None = format
    read = outcomes_of(name, format, timezone=timezone, encoding=encoding, verdict_only=True)
    for outcome in read:
        found = outcome.format or found
        issues.extend(outcome.issues)
    return FileReport(path=name, format=found, issues=tuple(issues))


def check_files(
    names: Sequence[str],
    format: FormatName | None = None,
    *,
    timezone: str | None = None,
    encoding: str | None = None,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
) -> list[FileReport]:
    """Every file's verdict, in the order given; `jobs` processes share the work."""
    check = functools.partial(check_file, format=format, timezone=timezone, encoding=encoding)
    advance = progress or (lambda _: None)
    reports = []
    for report in _in_order(check, names, jobs, largest_chunk=64):
        reports.append(report)
        advance(1)
    return reports


def _in_order(
    work: Callable[[str], Any], names: Sequence[str], jobs: int, *, largest_chunk: int
) -> Iterator[Any]:
    """`work` on each name, results in the order named; `jobs` processes share it.

    One process when there is one job, one name, or standard input (which a worker
    cannot read); chunks small enough that every worker stays busy to the end.
    """
    if jobs <= 1 or len(names) < 2 or STDIN in names:
        yield from map(work, names)
        return
    chunk = max(1, min(largest_chunk, len(names) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(work, names, chunksize=chunk)


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


def output_path(name: str, directory: Path, to: FormatName) -> Path:
    """``a/b/story.page.html`` → ``DIR/story.jsonld``: the name's stem, the format's extension."""
    stem = "stdin" if name == STDIN else Path(name).name.split(".")[0]
    return directory / (stem + FORMATS[to].extensions[0])


def convert_file(
    name: str,
    *,
    to: FormatName,
    directory: Path,
    format: FormatName | None,
    timezone: str | None,
    encoding: str | None,
    options: Mapping[str, Any],
    keep_going: bool,
) -> Converted:
    """Convert one input into its own output file (a top-level function for worker processes).

    Without `keep_going` a file with a bad record is not written at all; with it, its good
    records are. A failed output check writes nothing and is reported, never raised, so
    that the other files of a batch are still converted.
    """
    issues: list[Issue] = []
    articles = []
    bad = 0
    for outcome in outcomes_of(name, format, timezone=timezone, encoding=encoding):
        issues.extend(outcome.issues)
        if outcome.article is None:
            bad += 1
        else:
            articles.append(outcome.article)
    done = functools.partial(
        Converted, path=name, issues=tuple(issues), bad_records=bad > 0, good=len(articles), bad=bad
    )
    if not articles or (bad and not keep_going):
        return done()
    try:
        text = api.write(articles, to, **options)
    except ValidationError as error:
        return done(output_issues=tuple(error.issues))
    with atomic_text(output_path(name, directory, to)) as out:
        out.write(text)
    return done(written=True)


def convert_files(names: Sequence[str], *, jobs: int = 1, **settings: Any) -> Iterator[Converted]:
    """`convert_file` for each name, in the order given; `jobs` processes share the work."""
    convert = functools.partial(convert_file, **settings)
    yield from _in_order(convert, names, jobs, largest_chunk=16)


@contextmanager
def atomic_text(path: Path | None, *, spool: bool = True) -> Iterator[TextIO]:
    """A text stream to `path` that replaces it only when the block succeeds (stdout if None).

    A failed conversion leaves any existing file as it was and no temporary file behind.
    Standard output gets the same promise by spooling (in memory up to 16 MiB, then in a
    temporary file) and copying on success; with `spool` False it is written as it comes,
    for runs that keep going past bad records anyway.
    """
    if path is None:
        yield from _to_stdout(spool)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def _mode_for(path: Path) -> int:
    """The permissions `path` gets: those of the file it replaces, else ``0666 & ~umask``.

    `tempfile.mkstemp` makes every file 0600, which a file written by any Unix tool never is.
    """
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask, read without changing it where the system tells it (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    current = os.umask(0o022)  # elsewhere the only way to read it is to set it, and back
    os.umask(current)
    return current


def _to_stdout(spool: bool) -> Iterator[TextIO]:
    if not spool:
        stream = io.TextIOWrapper(
            sys.stdout.buffer, encoding="utf-8", newline="", write_through=True
        )
        try:
            yield stream
        finally:
            stream.flush()
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
            sys.stdout.buffer.write(chunk.encode("utf-8"))
        sys.stdout.buffer.flush()
