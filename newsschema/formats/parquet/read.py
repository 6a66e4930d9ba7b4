"""Parquet files to canonical JSON, a row group at a time.

The file's schema must be newsschema's (`columns.file_schema`): the first column that
differs is named, and nothing is read from a file that another tool laid out. A file of
a language-partitioned dataset lacks the ``language`` column; its folder's name
(``language=zh-CN``) gives it back. Each row becomes the canonical JSON it was written
from — absent values left out, the three columns of a time joined into its text — and the
canonical schema then checks it like any canonical document.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import PurePath
from typing import Any, BinaryIO

from ...errors import Issue
from ...times import format_time
from ..base import Context, Parsed
from .columns import DAY, INSTANTS, OFFSET, TIMES, arrow, file_schema

__all__ = ["describe_path", "parse_binary", "schema_problem"]

NAME = "parquet"
_EPOCH = datetime(1970, 1, 1)  # local wall time is computed naive, then given its offset
_ROWS_PER_BATCH = 1024
_LANGUAGE_FOLDER = re.compile(r"^language=([A-Za-z0-9-]{1,64})$")


def describe_path(pointer: str) -> str:
    """``/authors/0/name`` → ``, column authors[0].name``; ``/publisher/url`` →
    ``, column publisher.url``."""
    steps = pointer.strip("/").split("/") if pointer else []
    if not steps:
        return ""
    rest = "".join(f"[{step}]" if step.isdigit() else f".{step}" for step in steps[1:])
    return f", column {steps[0]}{rest}"


def _language_of(path: str | None) -> str | None:
    """The language a Hive ``language=…`` folder names, when the file is in one."""
    if path is None:
        return None
    match = _LANGUAGE_FOLDER.match(PurePath(path).parent.name)
    return match.group(1) if match else None


def schema_problem(found: Any, *, moved: str | None = None) -> str | None:
    """What makes a file's Arrow schema other than newsschema's, at its first differing
    column (in newsschema's order, then any column it does not have); None when equal.
    `moved` is a column the file may lack because its folder holds it."""
    expected = [field for field in file_schema() if field.name != moved]
    names = found.names
    for field in expected:
        if field.name not in names:
            return f"column {field.name!r} is missing: this is not a newsschema Parquet file"
        theirs = found.field(field.name)
        if not theirs.type.equals(field.type):
            return (
                f"column {field.name!r} is {theirs.type}, where newsschema's is {field.type}: "
                "this is not a newsschema Parquet file"
            )
    wanted = {field.name for field in expected}
    for name in names:
        if name not in wanted:
            return (
                f"column {name!r} is not one of newsschema's: this is not a newsschema Parquet file"
            )
    return None


def _issue(message: str) -> Parsed:
    return Parsed(issues=[Issue(stage="parse", format=NAME, path="", message=message)])


def parse_binary(stream: BinaryIO, context: Context) -> Iterator[Parsed]:
    """Each row as canonical JSON, read a batch at a time; a file that is no Parquet, or
    not newsschema's, is one record saying so."""
    pa, pq = arrow(), arrow("parquet")
    try:
        parquet = pq.ParquetFile(stream)
    except (pa.ArrowException, OSError) as error:
        yield _issue(f"not a readable Parquet file: {error}")
        return
    language = _language_of(context.path)
    moved = "language" if language is not None else None
    problem = schema_problem(parquet.schema_arrow, moved=moved)
    if problem is not None and moved is not None:  # a whole file in a language= folder
        problem = schema_problem(parquet.schema_arrow)
        language = None
    if problem is not None:
        yield _issue(problem)
        return
    index = 0
    try:
        for batch in parquet.iter_batches(batch_size=_ROWS_PER_BATCH):
            for row in _rows(batch):
                if language is not None:
                    row["language"] = language
                yield Parsed(document=row, base=f"row {index + 1}", record=index)
                index += 1
    except (pa.ArrowException, OSError) as error:
        yield _issue(f"the Parquet file breaks off after {index} rows: {error}")


def _rows(batch: Any) -> Iterator[dict[str, Any]]:
    """A record batch's rows as canonical JSON."""
    pa = arrow()
    names = batch.schema.names
    columns = {}
    for name in names:
        column = batch.column(name)
        if pa.types.is_timestamp(column.type):  # whole microseconds since the epoch
            column = column.cast(pa.int64())
        columns[name] = column.to_pylist()
    for position in range(batch.num_rows):
        yield _canonical({name: columns[name][position] for name in names})


def _canonical(row: dict[str, Any]) -> dict[str, Any]:
    document: dict[str, Any] = {}
    for name in (*TIMES, *INSTANTS):
        text = _time_text(row.pop(name), row.pop(name + OFFSET), row.pop(name + DAY, None))
        if text is not None:
            row[name] = text
    for name, value in row.items():
        kept = _kept(value)
        if kept is not None:
            document[name] = kept
    return {name: document[name] for name in _field_order() if name in document}


@functools.cache
def _field_order() -> tuple[str, ...]:
    """The canonical fields, in the order the canonical JSON writes them."""
    names: dict[str, None] = {}
    for field in file_schema():
        names[field.name.removesuffix(OFFSET).removesuffix(DAY)] = None
    return tuple(names)


def _kept(value: Any) -> Any:
    """`value` without its nulls: canonical JSON leaves what is absent out (an empty list
    stays: a list that is there, such as a body of no paragraphs, is not absent)."""
    if isinstance(value, dict):
        kept = {key: _kept(inner) for key, inner in value.items()}
        trimmed = {key: inner for key, inner in kept.items() if inner is not None}
        return trimmed or None
    if isinstance(value, list):
        return [_kept(inner) for inner in value]
    return value


def _time_text(micros: int | None, offset: int | None, day: date | None) -> str | None:
    """The canonical text of a time's columns: the instant in the offset it was written
    in (computed as a wall time, so that no year past 9999 in UTC is ever formed), or the
    day."""
    if day is not None:
        return day.isoformat()
    if micros is None:
        return None
    minutes = offset or 0
    local = _EPOCH + timedelta(microseconds=micros + minutes * 60_000_000)
    return format_time(local.replace(tzinfo=timezone(timedelta(minutes=minutes))))
