"""Many files at once: folders and globs, several processes, outputs written atomically.

The command line uses this for ``validate`` over a repository and ``convert`` over an
archive. Each worker process builds its validators once (`api.default_session`) and
checks whole files; results come back in the order the files were named.
"""

from __future__ import annotations

import functools
import glob
import io
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import attrs

from . import api
from .errors import Issue, UsageError, ValidationError
from .formats import FORMATS
from .reporting import FileReport
from .sources import parse_timezone

__all__ = [
    "STDIN",
    "Converted",
    "atomic_text",
    "check_files",
    "convert_files",
    "expand",
    "outcomes_of",
    "output_path",
]

STDIN = "-"
_GLOB = set("*?[")


def _known(path: Path) -> bool:
    name = path.name.lower()
    return any(name.endswith(ext) for fmt in FORMATS.values() for ext in fmt.extensions)


def expand(names: Sequence[str]) -> list[str]:
    """Files from file names, folders (searched recursively for known extensions) and globs.

    UsageError for a name that is not there or a pattern that matches nothing.
    """
    files: list[str] = []
    for name in names:
        if name == STDIN:
            files.append(name)
        elif _GLOB & set(name):
            matches = sorted(m for m in glob.glob(name, recursive=True) if Path(m).is_file())
            if not matches:
                raise UsageError(f"no file matches {name}")
            files.extend(matches)
        elif Path(name).is_dir():
            found = sorted(str(p) for p in Path(name).rglob("*") if p.is_file() and _known(p))
            files.extend(found)
        elif Path(name).is_file():
            files.append(name)
        else:
            raise UsageError(f"no such file: {name}")
    return files


def outcomes_of(
    name: str,
    format: str | None,
    *,
    timezone: str | None = None,
    encoding: str | None = None,
    verdict_only: bool = False,
) -> Iterator[api.Outcome]:
    """One input's records as they are read; a file refused whole is one failed outcome."""
    zone = parse_timezone(timezone)  # a usage error for the whole run, not for this file
    data: api.Data = sys.stdin.buffer.read() if name == STDIN else Path(name)
    options: dict[str, Any] = {
        "timezone": zone,
        "encoding": encoding,
        "verdict_only": verdict_only,
    }
    try:
        yield from api.outcomes(data, format, **options)
    except ValidationError as error:  # undecodable bytes, refused before any record
        yield api.Outcome(None, error.issues, format or "")
    except UsageError as error:  # this file's format cannot be told, or it cannot be read
        message = str(error).removeprefix(f"{name}: ")  # the report names the file already
        issue = Issue(stage="parse", format=format or "", path="", message=message)
        yield api.Outcome(None, (issue,), format or "")


def check_file(
    name: str, format: str | None, timezone: str | None, encoding: str | None
) -> FileReport:
    """One file's verdict (a top-level function, so worker processes can run it)."""
    issues: list[Issue] = []
    found = format
    read = outcomes_of(name, format, timezone=timezone, encoding=encoding, verdict_only=True)
    for outcome in read:
        found = outcome.format or found
        issues.extend(outcome.issues)
    return FileReport(path=name, format=found, issues=tuple(issues))


def check_files(
    names: Sequence[str],
    format: str | None = None,
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


def output_path(name: str, directory: Path, to: str) -> Path:
    """``a/b/story.page.html`` → ``DIR/story.jsonld``: the name's stem, the format's extension."""
    stem = "stdin" if name == STDIN else Path(name).name.split(".")[0]
    return directory / (stem + FORMATS[to].extensions[0])


def convert_file(
    name: str,
    *,
    to: str,
    directory: Path,
    format: str | None,
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
    bad = False
    for outcome in outcomes_of(name, format, timezone=timezone, encoding=encoding):
        issues.extend(outcome.issues)
        if outcome.article is None:
            bad = True
        else:
            articles.append(outcome.article)
    if not articles or (bad and not keep_going):
        return Converted(path=name, issues=tuple(issues), bad_records=bad)
    try:
        text = api.write(articles, to, **options)
    except ValidationError as error:
        return Converted(
            path=name, issues=tuple(issues), output_issues=tuple(error.issues), bad_records=bad
        )
    with atomic_text(output_path(name, directory, to)) as out:
        out.write(text)
    return Converted(path=name, issues=tuple(issues), written=True, bad_records=bad)


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
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


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
    with tempfile.SpooledTemporaryFile(max_size=16 * 2**20) as spooled:
        stream = io.TextIOWrapper(spooled, encoding="utf-8", newline="")
        yield stream  # an exception here discards everything written
        stream.flush()
        spooled.seek(0)
        shutil.copyfileobj(spooled, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        stream.detach()
