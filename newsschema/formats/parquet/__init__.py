"""The ``parquet`` format: one row per article, in the Arrow schema of `columns`.

For data teams: DuckDB, pandas, Spark and Polars read it as it is. Writing streams rows
in row groups, and can write a Hive-partitioned dataset by language or day; reading
checks that a file is newsschema's before it reads a row, then checks each row as
canonical JSON. pyarrow is an extra (``newsschema[parquet]``), imported only when a
Parquet file is read or written.
"""

from __future__ import annotations

from ...errors import Issue, ValidationError
from ..base import Context, Format, Parsed, Reader, Writer, canonical_article, options_of
from .columns import column_table, file_schema
from .read import describe_path, parse_binary
from .write import (
    ParquetOptions,
    check_output,
    from_article,
    from_canonical,
    serialise,
    stream,
)

__all__ = ["FORMAT", "ParquetOptions", "column_table", "file_schema"]

MAGIC = "PAR1"


def _refuse_text(text: str, context: Context) -> list[Parsed]:
    """Parquet is bytes: text given as a Parquet file was decoded by mistake."""
    message = "a Parquet file is bytes, not text: give its bytes or its path"
    raise ValidationError([Issue(stage="parse", format="parquet", path="", message=message)])


def _writes_folder(context: Context) -> bool:
    return options_of(context, ParquetOptions).partition_by is not None


FORMAT = Format(
    name="parquet",
    extensions=(".parquet",),
    syntax="parquet",
    description="one row per article, typed columns for DuckDB, pandas and Spark",
    sniff=lambda head: head.startswith(MAGIC),
    many_per_file=True,
    describe_path=describe_path,
    reader=Reader(
        parse=lambda text, context: iter(_refuse_text(text, context)),
        to_article=canonical_article,
        schema="article",
        own_standard=True,  # its standard is newsschema's own schema
        parse_binary=parse_binary,
    ),
    writer=Writer(
        from_article=from_article,
        serialise=serialise,
        check=check_output,
        from_canonical=from_canonical,
        stream=stream,
        options=ParquetOptions,
        binary=True,
        folder=_writes_folder,
    ),
)
