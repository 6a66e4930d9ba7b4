"""The ``csv`` format: one row per article, every canonical field, exact both ways.

Columns come in one documented order (`COLUMNS`). Sub-objects are flattened into named
columns (``publisher_name``, ``location_country``); lists are JSON arrays — what a Table
Schema ``array`` field is — so any value, separators, quotes and new lines included,
round-trips exactly and still reads plainly. Text cells that a spreadsheet would run as a
formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) get a
leading apostrophe, which the reader takes off again. Rows are streamed.

U+0000 is the one character a text cell cannot hold: Python 3.10's csv module, spreadsheets
and database loaders stop at it. Writing refuses it (JSON-array cells escape it as
``\u0000``), and reading refuses a file holding one, on every Python alike.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

import attrs

from ..errors import DataError, Issue
from ..jsontext import JSONInputError, loads
from ..limits import MAX_DOCUMENT_BYTES, MAX_NUMBER_CHARS
from ..model import Article
from ..schemas import load_schema
from ..text import bounded_lines
from ..validation import MAX_ISSUES, shown
from .base import Context, Format, Parsed, Reader, Writer, canonical_article, options_of

__all__ = ["COLUMNS", "FORMAT", "CsvOptions", "datapackage", "table_schema", "write_rows"]

NAME = "csv"
_AGENT_KEYS = ("name", "type", "role", "url", "email")
# column → (canonical path, Table Schema type)
_SCALARS: dict[str, tuple[tuple[str, ...], str]] = {
    "id": (("id",), "string"),
    "version": (("version",), "integer"),
    "url": (("url",), "string"),
    "headline": (("headline",), "string"),
    "subheadline": (("subheadline",), "string"),
    "summary": (("summary",), "string"),
    "body": (("body",), "array"),
    "language": (("language",), "string"),
    "date_published": (("date_published",), "time"),
    "date_modified": (("date_modified",), "time"),
    "date_created": (("date_created",), "time"),
    "authors": (("authors",), "array"),
    "editors": (("editors",), "array"),
    **{f"publisher_{k}": (("publisher", k), "string") for k in _AGENT_KEYS},
    **{f"source_{k}": (("source", k), "string") for k in _AGENT_KEYS},
    "section": (("section",), "string"),
    "keywords": (("keywords",), "array"),
    "subjects": (("subjects",), "array"),
    "genre": (("genre",), "string"),
    "dateline": (("dateline",), "string"),
    "location_name": (("location", "name"), "string"),
    "location_country": (("location", "country"), "string"),
    "location_latitude": (("location", "latitude"), "number"),
    "location_longitude": (("location", "longitude"), "number"),
    "images": (("images",), "array"),
    "rights_holder": (("rights", "holder"), "string"),
    "rights_notice": (("rights", "notice"), "string"),
    "rights_license": (("rights", "license"), "string"),
    "rights_year": (("rights", "year"), "integer"),
    "free": (("free",), "boolean"),
    "urgency": (("urgency",), "integer"),
    # Added after the first release: new columns go last, so older files still read.
    "slugline": (("slugline",), "string"),
    "embargoed": (("embargoed",), "instant"),
    "editorial_note": (("editorial_note",), "string"),
}
COLUMNS = tuple(_SCALARS)
_REQUIRED = ("id", "headline", "body", "language", "date_published")
_BY_PATH = {path: column for column, (path, _) in _SCALARS.items()}
_OBJECTS = ("publisher", "source", "location", "rights")
_FORMULA = re.compile(r"^'*[=+\-@\t\r]")
_NEUTRALISED = re.compile(r"^'+[=+\-@\t\r]")


# --- cells -------------------------------------------------------------------------------


def _neutralise(text: str) -> str:
    """A leading apostrophe makes spreadsheets show the cell as text, not run it."""
    return "'" + text if _FORMULA.match(text) else text


def _restore(text: str) -> str:
    return text[1:] if _NEUTRALISED.match(text) else text


_ARRAY = json.JSONEncoder(ensure_ascii=False)
"""A list cell's JSON, written as ``json.dumps(value, ensure_ascii=False)`` writes it; one
encoder for every cell, not one built per call."""


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "array":
        return _ARRAY.encode(value)
    if kind == "boolean":
        return "true" if value else "false"
    if kind in ("integer", "number"):
        return repr(value) if isinstance(value, float) else str(value)
    return _neutralise(str(value))


_INTEGER = re.compile(r"[+-]?[0-9]+")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_MAX_DIGITS = MAX_NUMBER_CHARS
"""Python's own limit on turning digits into an integer; no field of an article needs more."""


def _number(text: str, kind: str) -> int | float:
    """A Table Schema integer or number: ASCII digits only — not Python's wider syntax, which
    also takes ``1_0``, ``inf``, ``nan`` and digits of every script."""
    if len(text) > _MAX_DIGITS:
        raise ValueError(f"a number of {len(text):,} characters; at most {_MAX_DIGITS:,} are read")
    if _INTEGER.fullmatch(text):
        return int(text)
    if kind == "integer":
        raise ValueError(f"{text!r} is not a whole number")
    if not _NUMBER.fullmatch(text):
        raise ValueError(f"{text!r} is not a number")
    number = float(text)
    if number in (float("inf"), float("-inf")):
        raise ValueError(f"{text!r} is not a finite number")
    return number


def _value(text: str, kind: str) -> Any:
    """The canonical value of a cell; ValueError says what is wrong with it."""
    if text == "":
        return [] if kind == "array" else None
    if kind == "array":
        value = loads(text)
        if not isinstance(value, list):
            raise ValueError("expected a JSON array")
        return value
    if kind in ("integer", "number"):
        return _number(text.strip(), kind)
    if kind == "boolean":
        if text.lower() not in ("true", "false"):
            raise ValueError(f"{text!r} is not true or false")
        return text.lower() == "true"
    return _restore(text)


# --- rows --------------------------------------------------------------------------------


_CELLS = tuple(
    (column, path[0], path[1] if len(path) > 1 else None, kind)
    for column, (path, kind) in _SCALARS.items()
)
"""Each column with the key (and the key inside that object) it is read from, and its kind:
the walk `_flatten` does for every row, laid out once."""


def _flatten(document: dict[str, Any]) -> dict[str, str]:
    """The row, its columns in `COLUMNS` order; DataError naming the field when a text
    cell would hold U+0000 or the row would be longer than a line newsschema reads."""
    row = {}
    for column, key, inner, kind in _CELLS:
        value = document.get(key)
        if inner is not None:
            value = value.get(inner) if isinstance(value, dict) else None
        if value is None:
            row[column] = ""
        elif value.__class__ is str:  # most cells: text and times
            row[column] = _neutralise(value)
        else:
            row[column] = _cell(value, kind)
    cells = row.values()
    if any("\x00" in cell for cell in cells):
        column = next(column for column, cell in row.items() if "\x00" in cell)
        path = "/".join(_SCALARS[column][0])
        raise DataError(f"/{path}: holds U+0000, which CSV cannot carry")
    size = sum(map(len, cells)) + len(row)
    if size > MAX_DOCUMENT_BYTES:  # the reader reads lines up to this long
        raise DataError(
            f"the row would be {size:,} characters; newsschema reads rows of at most "
            f"{MAX_DOCUMENT_BYTES:,}"
        )
    return row


def _document(row: dict[str, str], base: str) -> tuple[dict[str, Any], list[Issue]]:
    document: dict[str, Any] = {}
    issues = []
    for column, text in row.items():
        path, kind = _SCALARS[column]
        try:
            value = _value(text, kind)
        except ValueError as error:
            if isinstance(error, json.JSONDecodeError):
                message = f"not a JSON array: {error.msg}"
            elif isinstance(error, JSONInputError) and error.path:
                message = f"{error} (at {error.path} inside the cell)"
            else:
                message = str(error)
            issues.append(
                Issue(stage="input", format=NAME, path=f", column {column}", message=message)
            )
            continue
        if value is None or (value == [] and column not in _REQUIRED):
            continue
        if len(path) == 1:
            document[path[0]] = value
        else:
            document.setdefault(path[0], {})[path[1]] = value
    return document, issues


def describe_path(pointer: str) -> str:
    """``/publisher/name`` → ``, column publisher_name``.

    ``/authors/0/name`` → ``, column authors[0].name``: the cell and the place inside it.
    """
    steps = pointer.strip("/").split("/") if pointer else []
    if not steps:
        return ""
    if len(steps) >= 2 and (steps[0], steps[1]) in _BY_PATH:
        return f", column {_BY_PATH[(steps[0], steps[1])]}"
    rest = "".join(f"[{s}]" if s.isdigit() else f".{s}" for s in steps[1:])
    return f", column {steps[0]}{rest}"


def parse(text: str, context: Context) -> Iterator[Parsed]:
    yield from parse_rows(io.StringIO(text.removeprefix("\ufeff"), newline=""))


def _header_problems(header: list[str]) -> list[str]:
    """What is wrong with the header row, in time linear in its length."""
    counts = Counter(header)
    unknown = [c for c in header if c not in _SCALARS]
    missing = [c for c in _REQUIRED if c not in counts]
    repeated = sorted(c for c, n in counts.items() if n > 1)
    return [
        *(f"unknown column {shown(c)}" for c in unknown),
        *(f"missing column {c!r}" for c in missing),
        *(f"column {shown(c)} appears more than once" for c in repeated),
    ]


class _NulInFileError(Exception):
    def __init__(self, line: int, column: int) -> None:
        self.line, self.column = line, column


class _LongLineError(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


def _without_nul(stream: Iterable[str]) -> Iterator[str]:
    """The lines of `stream`; `_NulInFileError` at the first U+0000, wherever it stands, and
    `_LongLineError` at a line longer than a cell may be."""
    for number, line in enumerate(bounded_lines(stream, MAX_DOCUMENT_BYTES), start=1):
        if line is None:
            raise _LongLineError(number)
        at = line.find("\x00")
        if at >= 0:
            raise _NulInFileError(number, at + 1)
        yield line


def parse_rows(stream: Iterable[str]) -> Iterator[Parsed]:
    """Rows as they are read; `stream` may be an open file (opened with ``newline=""``)."""
    try:
        yield from _parse_rows(_without_nul(stream))
    except _LongLineError as long:
        message = f"the line is longer than {MAX_DOCUMENT_BYTES:,} characters, the most read"
        issue = Issue(stage="parse", format=NAME, path="", message=message, line=long.line)
        yield Parsed(issues=[issue])
    except _NulInFileError as nul:
        message = "holds U+0000, which CSV cannot carry"
        yield Parsed(
            issues=[
                Issue(
                    stage="parse",
                    format=NAME,
                    path="",
                    message=message,
                    line=nul.line,
                    column=nul.column,
                )
            ]
        )


def _row_issue(message: str, row: int, line: int | None) -> Parsed:
    """A record that is only the parse issue at row `row` (1 is the header)."""
    issue = Issue(stage="parse", format=NAME, path=f"row {row}", message=message, line=line)
    return Parsed(issues=[issue])


def _header(reader: Any) -> list[str] | Parsed:
    """The header row, or the record saying why there is none to read by."""
    try:
        header: list[str] = next(reader)
    except StopIteration:
        return _row_issue("the file is empty: it needs a header row", 1, 1)
    except csv.Error as error:
        return _row_issue(str(error), 1, 1)
    problems = _header_problems(header)
    if not problems:
        return header
    listed = problems[:MAX_ISSUES]
    if len(problems) > MAX_ISSUES:
        listed.append(f"and {len(problems) - MAX_ISSUES:,} more problems like these, not listed")
    issues = [Issue(stage="parse", format=NAME, path="row 1", message=m, line=1) for m in listed]
    return Parsed(issues=issues)


def _parse_rows(stream: Iterable[str]) -> Iterator[Parsed]:
    if csv.field_size_limit() < MAX_DOCUMENT_BYTES:  # Python's default, 131,072, is less than
        csv.field_size_limit(MAX_DOCUMENT_BYTES)  # the cells newsschema writes (process-wide)
    reader = csv.reader(stream, strict=True)
    header = _header(reader)
    if isinstance(header, Parsed):
        yield header
        return
    number = 1
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield _row_issue(f"not valid CSV: {error}", number + 1, line)
            return
        number += 1
        base = f"row {number}"
        if len(cells) != len(header):
            message = f"has {len(cells)} cells; the header has {len(header)}"
            issue = Issue(stage="input", format=NAME, path="", message=message)
            yield Parsed(issues=[issue], base=base, line=line, record=number - 2)
            continue
        document, issues = _document(dict(zip(header, cells, strict=True)), base)
        yield Parsed(document=document, issues=issues, base=base, line=line, record=number - 2)


class _Row(dict[str, str]):
    """A row, with the canonical document it was flattened from."""

    canonical: dict[str, Any]


def from_article(article: Article, context: Context) -> dict[str, str]:
    return from_canonical(context.converter.unstructure(article))


def from_canonical(canonical: dict[str, Any]) -> dict[str, str]:
    row = _Row(_flatten(canonical))
    row.canonical = canonical
    return row


def check_output(row: dict[str, str], context: Context) -> list[Issue]:
    """The document the row holds must be a canonical article.

    A row newsschema flattened is checked through the document it came from (that the
    flattening reads back exactly is the round-trip tests' to hold); any other row is
    decoded first, so that what is written can be read back.
    """
    if isinstance(row, _Row):
        document: dict[str, Any] = row.canonical
    else:
        document, issues = _document(row, "")
        if issues:
            return issues
    return context.validators["article"].issues(document, stage="output", format=NAME)


def write_rows(rows: Iterable[dict[str, str]], out: TextIO, *, bom: bool = False) -> int:
    """Header and rows to `out`, one at a time: memory does not grow with the rows. A row
    newsschema flattened holds every column in order and is written as it is; any other
    mapping is written by its column names (an unknown one is a ValueError)."""
    if bom:
        out.write("\ufeff")
    plain = csv.writer(out, lineterminator="\r\n")
    named = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    plain.writerow(COLUMNS)
    count = 0
    for row in rows:
        if isinstance(row, _Row):
            plain.writerow(row.values())
        else:
            named.writerow(row)
        count += 1
    return count


@attrs.frozen(kw_only=True)
class CsvOptions:
    """What `newsschema.write(..., "csv", ...)` takes."""

    bom: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    """Start with a UTF-8 byte order mark, which Excel needs to see UTF-8."""


def _bom(context: Context) -> bool:
    return options_of(context, CsvOptions).bom


def serialise(documents: Sequence[dict[str, str]], context: Context) -> str:
    out = io.StringIO()
    write_rows(documents, out, bom=_bom(context))
    return out.getvalue()


_TIME_DESCRIPTION = (
    "RFC 3339: a date-time with an offset (2022-04-22T14:36:26+08:00), or a day "
    "(2022-04-22) where the source gives no time of day"
)


_INSTANT_DESCRIPTION = "RFC 3339: a date-time with an offset (2022-04-22T14:36:26+08:00)"


def _time_pattern(names: tuple[str, ...] = ("date_time", "full_date")) -> str:
    """The canonical schema's date-time or day (or the forms `names` says), as Table
    Schema writes a pattern: one XML Schema regular expression that must match the whole
    cell."""
    definitions = load_schema("article")["$defs"]
    forms = (definitions[name]["pattern"] for name in names)
    return "(" + "|".join(f"({form.removeprefix('^').removesuffix('$')})" for form in forms) + ")"


def table_schema() -> dict[str, Any]:
    """The Frictionless Table Schema of the CSV newsschema writes."""
    fields = []
    for column, (_, kind) in _SCALARS.items():
        field: dict[str, Any] = {"name": column, "type": kind}
        constraints: dict[str, Any] = {"required": True} if column in _REQUIRED else {}
        if kind == "time":  # an instant or a day: no one Table Schema type is both
            field["type"] = "string"
            field["description"] = _TIME_DESCRIPTION
            constraints["pattern"] = _time_pattern()
        if kind == "instant":  # Table Schema's datetime is UTC only; the offset is kept
            field["type"] = "string"
            field["description"] = _INSTANT_DESCRIPTION
            constraints["pattern"] = _time_pattern(("date_time",))
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    return {"fields": fields, "primaryKey": ["id"], "missingValues": [""]}


def datapackage(csv_name: str, *, bom: bool = False) -> dict[str, Any]:
    """A Frictionless Data Package describing one CSV file written beside it."""
    return {
        "name": "newsschema-articles",
        "profile": "tabular-data-package",
        "resources": [
            {
                "name": "articles",
                "path": csv_name,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig" if bom else "utf-8",
                "schema": table_schema(),
            }
        ],
    }


def sniff(head: str) -> bool:
    first = head.removeprefix("\ufeff").split("\n", 1)[0]
    return first.startswith("id,") and "headline" in first


FORMAT = Format(
    name=NAME,
    extensions=(".csv",),
    syntax="csv",
    description="one row per article, with a Frictionless Table Schema",
    sniff=sniff,
    reader=Reader(
        parse=parse,
        to_article=canonical_article,
        schema="article",
        own_standard=True,  # its standard is newsschema's own schema
        parse_stream=lambda stream, context: parse_rows(stream),
        streams=(".csv",),
    ),
    writer=Writer(
        from_article=from_article,
        serialise=serialise,
        check=check_output,
        from_canonical=from_canonical,
        stream=lambda rows, context, out: write_rows(rows, out, bom=_bom(context)),
        options=CsvOptions,
    ),
    describe_path=describe_path,
    many_per_file=True,
)
