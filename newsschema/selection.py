"""Which files a batch works on: names, folders and globs, chosen by extension, then content.

A folder holds more than articles — ``manifest.json``, ``package.json``,
``requirements.txt`` — and so does the list of files a pre-commit hook passes. A file
whose extension is a format's is taken when its content is that format's, or when it is
not even well-formed in its extension's syntax (a broken article is still an article to
report). A well-formed file that no format claims is skipped, and counted as skipped.
"""

from __future__ import annotations

import csv
import fnmatch
import glob
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import attrs
import orjson
from lxml import etree

from .formats import FORMATS, Format
from .xmlparse import safe_parser

__all__ = ["STDIN", "Selection", "Skipped", "extension_pattern", "select", "skip_reason"]

STDIN = "-"
_GLOB = frozenset("*?[")
_HEAD_BYTES = 8192


@attrs.frozen
class Skipped:
    """A file left out of the batch, and why."""

    path: str
    reason: str


@attrs.frozen
class Selection:
    """What a batch works on: the files to read, in order, and what it left out."""

    files: tuple[str, ...]
    skipped: tuple[Skipped, ...] = ()
    missing: tuple[str, ...] = ()
    """Names given that are not there, and globs that match nothing."""
    unjudged: Mapping[str, bool] = attrs.field(factory=dict)
    """Files whose content is still to decide whether they are taken, with whether each
    was named by hand (`skip_reason`'s arguments): with ``judge_later``, the workers that
    read them look, not the process that lists them."""


def extension_pattern() -> str:
    """A regular expression for the file names some format claims, such as a pre-commit
    hook's ``files:`` (``.pre-commit-hooks.yaml`` holds it; a test keeps them equal)."""
    endings = {ext.rsplit(".", 1)[1] for fmt in FORMATS.values() for ext in fmt.extensions}
    return rf"\.({'|'.join(sorted(endings))})$"


def _extension_formats(name: str) -> list[Format]:
    lower = name.lower()
    return [fmt for fmt in FORMATS.values() if lower.endswith(fmt.extensions)]


def _excluded(path: str, patterns: Sequence[str]) -> bool:
    if not patterns:
        return False
    posix = Path(path).as_posix()
    name = Path(path).name
    return any(fnmatch.fnmatchcase(posix, p) or fnmatch.fnmatchcase(name, p) for p in patterns)


def _candidates(names: Iterable[str]) -> tuple[list[tuple[str, bool]], list[str]]:
    """Each file with whether it was named (True) or found in a folder or glob; and what is
    missing."""
    found: list[tuple[str, bool]] = []
    missing: list[str] = []
    for name in names:
        if name == STDIN:
            found.append((name, True))
        elif _GLOB & set(name):
            matches = sorted(m for m in glob.glob(name, recursive=True) if Path(m).is_file())
            found.extend((match, False) for match in matches)
            if not matches:
                missing.append(name)
        elif Path(name).is_dir():
            found.extend((path, False) for path in _claimed_inside(str(Path(name))))
        elif Path(name).exists():
            found.append((name, True))
        else:
            missing.append(name)
    return found, missing


def _claimed_inside(folder: str) -> list[str]:
    """The files below `folder` whose extension a format claims, in name order (one
    directory scan each, no per-file stat: a folder may hold a hundred thousand files)."""
    endings = tuple({ext for fmt in FORMATS.values() for ext in fmt.extensions})
    return sorted(
        os.path.join(root, file)
        for root, _, files in os.walk(folder)
        for file in files
        if file.lower().endswith(endings)
    )


def select(
    names: Sequence[str],
    *,
    format: str | None = None,
    exclude: Sequence[str] = (),
    skip_named: bool = True,
    judge_later: bool = False,
) -> Selection:
    """The files `names` stand for (files, folders searched recursively, globs).

    With `format` named, every file with a known extension is taken as that format;
    without, content decides as the module docstring says — for files named one by one
    too, unless `skip_named` is False (``convert`` takes a file it is given by name). With
    `judge_later`, content is not read here: the files it would decide are `unjudged`.
    """
    candidates, missing = _candidates(names)
    files: list[str] = []
    skipped: list[Skipped] = []
    unjudged: dict[str, bool] = {}
    seen: set[str] = set()
    for path, named in candidates:
        if path in seen or (path != STDIN and _excluded(path, exclude)):
            continue
        seen.add(path)
        judged = not format and _regular(path) and (skip_named or not named)
        if judged and judge_later:
            unjudged[path] = named
        reason = skip_reason(path, named) if judged and not judge_later else None
        if reason is None:
            files.append(path)
        else:
            skipped.append(Skipped(path, reason))
    return Selection(tuple(files), tuple(skipped), tuple(missing), unjudged)


def _regular(path: str) -> bool:
    """Whether the file can be looked into before it is read: a pipe (``<(…)``, a FIFO)
    or standard input gives its bytes once, and they belong to the reader."""
    return path != STDIN and os.path.isfile(path)


_NEWS_MARKS = (
    b"headline",
    b"date_published",
    b"datepublished",
    b"newsarticle",
    b"firstcreated",
    b"versioncreated",
    b"iptc.org/std/",
)
"""Words that show a file means to be news, broken or not: field names of the canonical
article, schema.org, ninjs and NewsML-G2 (compared in lower case)."""


def skip_reason(path: str, named: bool) -> str | None:
    """Why the file is no news format's and should be skipped, or None to take it."""
    claimed = _extension_formats(path)
    if not claimed:  # named by hand with an unknown extension: let the reader say so
        return None if named else "no format has its extension"
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        return None  # the reader reports why it cannot be read
    lower = head.lower()
    if any(mark in lower for mark in _NEWS_MARKS):
        return None
    text = head.decode("utf-8", errors="replace")
    if any(fmt.readable and fmt.sniff(text) for fmt in FORMATS.values()):
        return None
    if not _well_formed(Path(path)):
        return None  # perhaps a broken article: its reader says what is wrong
    return "well-formed, but no news format's: none of their field names in its first 8 KiB"


def _well_formed(path: Path) -> bool:
    """Whether the file parses in the syntax its extension names (plain text always does)."""
    name = path.name.lower()
    try:
        if name.endswith(".jsonl"):
            for line in path.read_bytes().splitlines():
                if line.strip():
                    orjson.loads(line)
        elif name.endswith((".json", ".jsonld")):
            orjson.loads(path.read_bytes())
        elif name.endswith(".xml"):
            etree.parse(str(path), safe_parser())
        elif name.endswith(".csv"):
            with path.open(encoding="utf-8", newline="") as handle:
                next(csv.reader([handle.readline()], strict=True), None)
    except (orjson.JSONDecodeError, etree.XMLSyntaxError, csv.Error, UnicodeDecodeError, OSError):
        return False
    return True
