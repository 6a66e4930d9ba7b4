"""The Arrow schema of newsschema's Parquet files: one row per article, real types.

Text is ``string``; body paragraphs and keywords are ``list<string>``; people and
organisations, subjects and images are lists of structs; publisher, source, location and
rights are structs. A time keeps the offset it was written in, which a timestamp alone
cannot: each is three columns — ``<name>`` (``timestamp[us, UTC]``, the instant),
``<name>_offset_minutes`` (``int16``, the offset from UTC it was written in: +08:00 is
480) and ``<name>_day`` (``date32``, set instead of both for an article dated by its day
alone). ``embargoed`` is always an instant and has no ``_day`` column. Nothing here
imports pyarrow until a Parquet file is read or written.
"""

from __future__ import annotations

import functools
import importlib
from typing import Any

from ...errors import UsageError

__all__ = [
    "DAY",
    "INSTANTS",
    "OFFSET",
    "PARTITIONS",
    "TIMES",
    "arrow",
    "column_table",
    "file_schema",
    "text_schema",
]

TIMES = ("date_published", "date_modified", "date_created")
"""Times that are an instant or a day."""
INSTANTS = ("embargoed",)
"""Times that are always an instant."""
OFFSET = "_offset_minutes"
DAY = "_day"
PARTITIONS = ("language", "date")
"""What ``--partition-by`` takes: the article's language tag (its column then lives in
the folder names, as Hive partitioning has it), or the day it was published on, as
written (``date=2022-04-22``, a key of its own: no column is moved)."""

_FIELDS = (
    *("id", "version", "url", "headline", "subheadline", "summary", "body", "language"),
    *("date_published", "date_modified", "date_created", "authors", "editors", "publisher"),
    *("source", "section", "keywords", "subjects", "genre", "dateline", "location", "images"),
    *("rights", "free", "urgency", "slugline", "embargoed", "editorial_note"),
)
"""The canonical fields, in the canonical schema's order (a test holds them equal)."""
_AGENT = ("name", "type", "role", "url", "email")
_SUBJECT = ("code", "name", "uri")
_PLACE = ("name", "country", "latitude", "longitude")
_IMAGE = ("url", "caption", "credit", "width", "height")
_RIGHTS = ("holder", "notice", "license", "year")


def arrow(module: str = "") -> Any:
    """pyarrow (or its `module`: ``parquet``, ``compute``), or a usage error saying how to
    install it: imported only when a Parquet file is read or written."""
    try:
        return importlib.import_module(f"pyarrow.{module}" if module else "pyarrow")
    except ImportError:
        raise UsageError(
            "the parquet format needs pyarrow: pip install 'newsschema[parquet]'"
        ) from None


def _struct(names: tuple[str, ...], **typed: Any) -> Any:
    """A struct of text fields, but those `typed` names."""
    pa = arrow()
    return pa.struct([pa.field(name, typed.get(name, pa.string())) for name in names])


@functools.cache
def _types() -> dict[str, Any]:
    """Each canonical field's Arrow type, times still as their canonical text."""
    pa = arrow()
    text, agent = pa.string(), _struct(_AGENT)
    place = _struct(_PLACE, latitude=pa.float64(), longitude=pa.float64())
    image = _struct(_IMAGE, width=pa.int64(), height=pa.int64())
    kinds = {
        "version": pa.int64(),
        "body": pa.list_(text),
        "authors": pa.list_(agent),
        "editors": pa.list_(agent),
        "publisher": agent,
        "source": agent,
        "keywords": pa.list_(text),
        "subjects": pa.list_(_struct(_SUBJECT)),
        "location": place,
        "images": pa.list_(image),
        "rights": _struct(_RIGHTS, year=pa.int16()),
        "free": pa.bool_(),
        "urgency": pa.int8(),
    }
    return {name: kinds.get(name, text) for name in _FIELDS}


_REQUIRED = frozenset({"id", "version", "headline", "body", "language"})


@functools.cache
def text_schema() -> Any:
    """The schema rows are first built in, straight from canonical JSON: times as text."""
    pa = arrow()
    return pa.schema(
        [pa.field(name, kind, nullable=name not in _REQUIRED) for name, kind in _types().items()]
    )


@functools.cache
def file_schema() -> Any:
    """The schema of every Parquet file newsschema writes, and the one it reads."""
    pa = arrow()
    fields = []
    for field in text_schema():
        if field.name in TIMES or field.name in INSTANTS:
            fields.append(pa.field(field.name, pa.timestamp("us", "UTC")))
            fields.append(pa.field(field.name + OFFSET, pa.int16()))
            if field.name in TIMES:
                fields.append(pa.field(field.name + DAY, pa.date32()))
        else:
            fields.append(field)
    return pa.schema(fields, metadata={b"newsschema": b"article/1"})


def column_table() -> list[tuple[str, str, str]]:
    """Each column, its Arrow type, and what it holds: the documented schema."""
    said = {
        OFFSET: "the offset from UTC the time was written in, in minutes (+08:00 is 480)",
        DAY: "the day, for an article dated by its day alone (the two columns before are null)",
    }
    rows = []
    for field in file_schema():
        ending = next((end for end in said if field.name.endswith(end)), None)
        if ending is not None:
            meaning = said[ending]
        elif field.type == arrow().timestamp("us", "UTC"):
            meaning = "the instant, in UTC"
        else:
            meaning = "required" if not field.nullable else ""
        rows.append((field.name, str(field.type), meaning))
    return rows
