"""Canonical articles to Parquet: record batches built by Arrow, in row groups.

A batch is built straight from canonical JSON by Arrow's own converter (times as their
canonical text), and only then are the times split into instant, offset and day, a
column at a time: no article is walked field by field in Python. Rows are written in
row groups as they come, so memory stays flat however many articles there are; with
``partition_by`` each partition's rows go to a file of their own under
``<key>=<value>/`` (a Hive-partitioned dataset), buffers flushed as row groups whenever
they hold a row group's worth together.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from contextlib import suppress
from typing import IO, Any

import attrs

from ...errors import DataError, Issue, UsageError
from ...model import Article
from ...output import Folder
from ..base import Context, options_of
from .columns import INSTANTS, PARTITIONS, TIMES, arrow, file_schema, text_schema

__all__ = [
    "ParquetOptions",
    "check_output",
    "from_article",
    "from_canonical",
    "record_batch",
    "serialise",
    "stream",
]

NAME = "parquet"
_COMPRESSIONS = ("zstd", "snappy", "gzip", "lz4", "brotli", "none")
_INT64 = (-(2**63), 2**63 - 1)


@attrs.frozen(kw_only=True)
class ParquetOptions:
    """What `newsschema.write(..., "parquet", ...)` takes."""

    partition_by: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(PARTITIONS))
    )
    """``language`` or ``date``: write a Hive-partitioned dataset into a folder."""
    row_group_size: int = attrs.field(
        default=10_000, validator=[attrs.validators.instance_of(int), attrs.validators.ge(1)]
    )
    """Rows per row group: the most rows held in memory at once while writing."""
    compression: str = attrs.field(default="zstd", validator=attrs.validators.in_(_COMPRESSIONS))


def from_article(article: Article, context: Context) -> dict[str, Any]:
    return from_canonical(context.converter.unstructure(article))


def from_canonical(canonical: dict[str, Any]) -> dict[str, Any]:
    """The row of canonical JSON the canonical schema has passed: the JSON itself, once
    its whole numbers are known to fit Parquet's 64-bit integers."""
    _fits(canonical)
    return canonical


def _fits(canonical: dict[str, Any]) -> None:
    numbers = [("version", canonical.get("version"))]
    for index, image in enumerate(canonical.get("images", ())):
        numbers += [(f"images/{index}/{key}", image.get(key)) for key in ("width", "height")]
    low, high = _INT64
    for where, number in numbers:
        if isinstance(number, int) and not low <= number <= high:
            raise DataError(f"{where}: {number} does not fit Parquet's 64-bit integer")


def check_output(row: dict[str, Any], context: Context) -> list[Issue]:
    """Every row's canonical form must be a canonical article; the Arrow schema is held
    by the batch that is built from the rows (`record_batch`)."""
    try:
        _fits(row)
    except DataError as error:
        return [Issue(stage="output", format=NAME, path="", message=str(error))]
    return context.validators["article"].issues(row, stage="output", format=NAME)


def record_batch(rows: Sequence[dict[str, Any]], *, without: str | None = None) -> Any:
    """Canonical rows as one record batch of `file_schema` (less the column `without`)."""
    pa = arrow()
    built = pa.RecordBatch.from_pylist(list(rows), schema=text_schema())
    columns = []
    for field in text_schema():
        column = built.column(field.name)
        if field.name in TIMES or field.name in INSTANTS:
            columns += _split_times(column, days=field.name in TIMES)
        elif field.name != without:
            columns.append(column)
    schema = file_schema()
    if without is not None:
        schema = schema.remove(schema.get_field_index(without))
    return pa.RecordBatch.from_arrays(columns, schema=schema)


def _split_times(text: Any, *, days: bool) -> list[Any]:
    """Canonical time text as the instant in UTC, the offset it was written in (minutes)
    and, for a day alone, the day."""
    pa, pc = arrow(), arrow("compute")
    is_day = pc.equal(pc.utf8_length(text), 10)
    instants = pc.if_else(is_day, pa.scalar(None, pa.string()), text)
    utc = pc.cast(instants, pa.timestamp("us", "UTC"))
    tail = pc.utf8_slice_codeunits(instants, -6)  # "+08:00"; canonical text never has "Z"
    hours = pc.cast(pc.utf8_slice_codeunits(tail, 1, 3), pa.int16())
    minutes = pc.cast(pc.utf8_slice_codeunits(tail, 4, 6), pa.int16())
    size = pc.add(pc.multiply(hours, pa.scalar(60, pa.int16())), minutes)
    offset = pc.if_else(pc.starts_with(tail, "-"), pc.negate(size), size)
    if not days:
        return [utc, offset]
    day = pc.cast(pc.if_else(is_day, text, pa.scalar(None, pa.string())), pa.date32())
    return [utc, offset, day]


def _chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _parquet_writer(sink: IO[bytes], options: ParquetOptions, schema: Any) -> Any:
    return arrow("parquet").ParquetWriter(sink, schema, compression=options.compression)


def stream(rows: Iterable[dict[str, Any]], context: Context, out: Any) -> int:
    """Rows into `out` (a byte stream) in row groups; into a `Folder`'s files, one
    per partition, when the options partition them. The count of rows written."""
    options = options_of(context, ParquetOptions)
    if options.partition_by is not None:
        if not isinstance(out, Folder):
            raise UsageError("--partition-by writes a folder of files: give -o DIR/")
        return _partitioned(rows, options, out)
    if isinstance(out, Folder):
        raise UsageError("a folder is written only with --partition-by")
    writer = _parquet_writer(out, options, file_schema())
    count = 0
    for chunk in _chunks(rows, options.row_group_size):
        writer.write_batch(record_batch(chunk))
        count += len(chunk)
    writer.close()
    return count


def partition_of(row: dict[str, Any], key: str) -> str:
    """The folder a row goes in: ``language=zh-CN``, ``date=2022-04-22`` (as written)."""
    value = row["language"] if key == "language" else row["date_published"][:10]
    return f"{key}={value}"


OPEN_FILES = 64
"""The most files of a partitioned dataset a writer keeps open at once. An archive's rows
can span thousands of days; past this, the partition written longest ago is closed, and
its next rows go to a new file of that partition (`output.numbered`)."""


@attrs.define
class _Partitions:
    """Open files of a partitioned dataset (the most recently written last), and the rows
    waiting for each."""

    folder: Folder
    options: ParquetOptions
    open_files: int = OPEN_FILES
    writers: dict[str, tuple[Any, IO[bytes]]] = attrs.field(factory=dict)
    files: dict[str, int] = attrs.field(factory=dict)
    waiting: dict[str, list[dict[str, Any]]] = attrs.field(factory=dict)
    held: int = 0

    @property
    def moved(self) -> str | None:
        """The column the folder names hold instead of the files (Hive's way)."""
        return "language" if self.options.partition_by == "language" else None

    def add(self, row: dict[str, Any]) -> None:
        assert self.options.partition_by is not None
        self.waiting.setdefault(partition_of(row, self.options.partition_by), []).append(row)
        self.held += 1
        if self.held >= self.options.row_group_size:
            self.flush()

    def flush(self) -> None:
        for name, rows in self.waiting.items():
            writer = self._writer(name)
            writer.write_batch(record_batch(rows, without=self.moved))
        self.waiting.clear()
        self.held = 0

    def _writer(self, name: str) -> Any:
        """The open writer of partition `name`, opening its next file if it has none."""
        if name in self.writers:
            self.writers[name] = self.writers.pop(name)  # now the most recent
            return self.writers[name][0]
        if len(self.writers) >= self.open_files:
            self._close(next(iter(self.writers)))
        schema = file_schema()
        if self.moved is not None:
            schema = schema.remove(schema.get_field_index(self.moved))
        sink = self.folder.open(name, self.files.get(name, 0))
        self.files[name] = self.files.get(name, 0) + 1
        self.writers[name] = (_parquet_writer(sink, self.options, schema), sink)
        return self.writers[name][0]

    def _close(self, name: str) -> None:
        writer, sink = self.writers.pop(name)
        writer.close()
        self.folder.done(sink)

    def close(self) -> None:
        self.flush()
        for name in list(self.writers):
            self._close(name)

    def abandon(self) -> None:
        """Close every writer of a dataset that failed, quietly: its files are discarded,
        and a writer left to the garbage collector would write into a closed file."""
        for writer, _ in self.writers.values():
            with suppress(Exception):
                writer.close()
        self.writers.clear()


def _partitioned(rows: Iterable[dict[str, Any]], options: ParquetOptions, out: Folder) -> int:
    partitions = _Partitions(out, options)
    count = 0
    try:
        for row in rows:
            partitions.add(row)
            count += 1
        partitions.close()
    except BaseException:
        partitions.abandon()
        raise
    return count


def serialise(rows: Sequence[dict[str, Any]], context: Context) -> bytes:
    out = io.BytesIO()
    stream(rows, context, out)
    return out.getvalue()
