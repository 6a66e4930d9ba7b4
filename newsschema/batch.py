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
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from . import api
from .errors import Issue, UsageError, ValidationError
from .formats import FORMATS
from .reporting import FileReport

__all__ = ["STDIN", "atomic_text", "check_files", "expand", "outcomes_of"]

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
    data: api.Data = sys.stdin.buffer.read() if name == STDIN else Path(name)
    options: dict[str, Any] = {
        "timezone": timezone,
        "encoding": encoding,
        "verdict_only": verdict_only,
    }
    try:
        yield from api.outcomes(data, format, **options)
    except ValidationError as error:  # undecodable bytes, refused before any record
        yield api.Outcome(None, error.issues, format or "")


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
    if jobs <= 1 or len(names) < 2 or STDIN in names:
        reports = []
        for name in names:
            reports.append(check(name))
            advance(1)
        return reports
    chunk = max(1, min(64, len(names) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        reports = []
        for report in pool.map(check, names, chunksize=chunk):
            reports.append(report)
            advance(1)
        return reports


@contextmanager
def atomic_text(path: Path | None) -> Iterator[TextIO]:
    """A text stream to `path` that replaces it only when the block succeeds (stdout if None).

    A failed conversion leaves any existing file as it was and no temporary file behind.
    """
    if path is None:
        stream = io.TextIOWrapper(
            sys.stdout.buffer, encoding="utf-8", newline="", write_through=True
        )
        try:
            yield stream
        finally:
            stream.flush()
            stream.detach()  # leave sys.stdout open
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
