"""The pipeline: bytes → article → bytes, with the input, model and output checks.

This is the only module that chains formats. `read`, `write`, `convert` and `validate`
are the public front door; `outcomes` is the record-by-record form the command line
uses to keep going past bad records.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from datetime import tzinfo
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypedDict, overload

import attrs
from cattrs import Converter
from cattrs.errors import BaseValidationError

from .canonical import issues_from_error, make_converter, pointer
from .errors import (
    DataError,
    FieldError,
    InternalError,
    Issue,
    NewsSchemaError,
    Stage,
    UsageError,
    ValidationError,
)
from .formats import FORMATS, Context, Format, Parsed
from .formats.base import NO_OPTIONS, Level, Reader, Writer
from .limits import MAX_DOCUMENT_BYTES
from .model import Article
from .output import Folder
from .sources import (
    binary_records,
    format_by_name,
    guess_format,
    parse_timezone,
    read_text,
    streamed,
)
from .text import text_codec
from .validation import Validators

if TYPE_CHECKING:  # typing.Unpack is 3.11+; type checkers know typing_extensions' anyway
    from typing_extensions import Unpack

    from .formats import BinaryFormatName, FormatName, TextFormatName

__all__ = [
    "Converted",
    "Data",
    "Options",
    "Outcome",
    "Session",
    "convert",
    "drive",
    "guess_format",
    "outcomes",
    "read",
    "validate",
    "write",
    "write_to",
    "writing",
]

Data = (
    str
    | bytes
    | Path
    | Article
    | Mapping[str, Any]
    | Sequence[Article]
    | Sequence[Mapping[str, Any]]
)
"""Document text, a file, an article, a canonical mapping, or several of either."""


class Options(TypedDict, total=False):
    """The keyword options of `read`, `write`, `convert`, `validate` and `outcomes`."""

    timezone: str | tzinfo | None
    """For times the input gives without an offset: ``+08:00`` or ``Asia/Shanghai``."""
    encoding: str | None
    """The encoding of saved pages and HTML (default: as declared, else detected)."""
    check: bool
    """False skips the input, model and output schema checks (default True)."""
    strict: bool
    """Refuse a document that breaks its standard (IPTC's schema, schema.org's
    vocabulary) even where newsschema can read it; default: read it, with warnings.
    `validate` is always strict."""
    level: Level
    """validate: ``standard`` checks the standard owner's schema alone, ``readable``
    what newsschema needs to read an article alone; default ``both``."""
    standard_version: str | None
    """The version of the standard to check against, over the one a document declares
    (ninjs: ``1.0`` … ``3.1``)."""
    notes: bool
    """Also report, as issues of severity ``note``, what the readers leave out of each
    document and which rendition they read (``--verbose``); default False."""
    embed: bool
    """jsonld: write a ``<script type="application/ld+json">`` element."""
    xsd: str | None
    """newsml: also check the output against this XSD file."""
    bom: bool
    """csv: start with a UTF-8 byte order mark."""
    partition_by: str | None
    """parquet: ``language`` or ``date``, a Hive-partitioned dataset (`write_to` a folder)."""
    row_group_size: int
    """parquet: rows per row group (default 10,000)."""
    compression: str
    """parquet: ``zstd`` (default), ``snappy``, ``gzip``, ``lz4``, ``brotli`` or ``none``."""


@attrs.frozen
class Outcome:
    """One record's result: an article, or the issues that stopped it."""

    article: Article | None
    issues: tuple[Issue, ...] = ()
    format: str = "article"
    canonical: dict[str, Any] | None = attrs.field(default=None, eq=False, repr=False)
    """The article as canonical JSON, when the model check made and passed it: writing
    canonical JSON again would make and check the identical document a second time."""
    trusted: bool = attrs.field(default=False, eq=False, repr=False)
    """Whether the article was built from a document the canonical schema passed: its
    canonical JSON passes that schema too (the model and the schema agree; tests hold
    them to it), so writing it as canonical JSON needs no second check."""


class Session:
    """The converter and the validators, built once and shared by every call.

    The module-level functions use one default session; create your own to control
    its lifetime (for example one per worker process).
    """

    def __init__(self) -> None:
        self.converter: Converter = make_converter()
        self.validators = Validators()

    def context(
        self,
        *,
        timezone: str | tzinfo | None = None,
        encoding: str | None = None,
        check: bool = True,
        path: str | None = None,
        verdict_only: bool = False,
        warnings: bool = True,
        options: object = NO_OPTIONS,
        strict: bool = False,
        level: Level = "both",
        standard_version: str | None = None,
        notes: bool = False,
    ) -> Context:
        """The options of one call; `check=False` skips the three schema checks; `options`
        are the writer's (see `writer_options`)."""
        if encoding is not None and text_codec(encoding) is None:
            raise UsageError(f"unknown encoding {encoding!r}: give a text encoding like gb18030")
        if level not in LEVELS:
            raise UsageError(f"unknown level {level!r}: give one of {', '.join(LEVELS)}")
        if level == "standard" and not verdict_only:
            raise UsageError("level 'standard' checks documents and reads no article: validate")
        return Context(
            strict=strict,
            level=level,
            standard_version=standard_version,
            notes=notes,
            converter=self.converter,
            validators=self.validators,
            timezone=parse_timezone(timezone),
            encoding=encoding,
            check=check,
            path=path,
            verdict_only=verdict_only,
            warnings=warnings,
            options=options,
        )


LEVELS: tuple[Level, ...] = ("both", "standard", "readable")

_COMMON = frozenset(
    {"timezone", "encoding", "check", "strict", "level", "standard_version", "notes"}
)
"""The options every call takes; the others belong to a format's writer."""


def writer_options(fmt: Format, given: Mapping[str, Any]) -> object:
    """`fmt`'s writer options built from keyword options; a usage error for an option
    it does not take (naming the formats that do) or a value of the wrong kind."""
    writer = _writer(fmt)
    takes = writer.option_names()
    for name in given:
        if name not in takes:
            raise UsageError(_not_taken(name, f"writing {fmt.name}"))
    try:
        return writer.options(**given)
    except (TypeError, ValueError) as error:  # attrs' validators put the message first
        reason = error.args[0] if error.args else error
        raise UsageError(f"writing {fmt.name}: {reason}") from None


def _not_taken(name: str, doing: str) -> str:
    takers = sorted(
        fmt.name
        for fmt in FORMATS.values()
        if fmt.writer is not None and name in fmt.writer.option_names()
    )
    if not takers:
        return f"unknown option {name!r}"
    return f"{doing} takes no option {name!r}: it is for writing {', '.join(takers)}"


def _split(options: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The options every call takes, and the writer's."""
    common = {name: value for name, value in options.items() if name in _COMMON}
    return common, {name: value for name, value in options.items() if name not in _COMMON}


@functools.cache
def default_session() -> Session:
    return Session()


def outcomes(
    data: Data,
    format: FormatName | None = None,
    *,
    session: Session | None = None,
    verdict_only: bool = False,
    warnings: bool = True,
    name: str | None = None,
    **options: Unpack[Options],
) -> Iterator[Outcome]:
    """Read `data` record by record; a bad record gives issues, never an exception.

    `name` is the file text or bytes came from, when it is not a `Path`: its extension
    can tell the layout (``.jsonl``: JSON Lines), as a file's does.

    `verdict_only` is for validation: records stop at the schema's verdict (no article is
    built where the canonical schema has already decided). `warnings` False skips looking
    for warnings, for callers that keep only the articles.
    """
    common, for_writer = _split(options)
    for name in for_writer:
        raise UsageError(_not_taken(name, "reading"))
    path = str(data) if isinstance(data, Path) else name  # its extension can tell the layout
    context = (session or default_session()).context(
        verdict_only=verdict_only, warnings=warnings, path=path, **common
    )
    articles = _articles(data)
    if articles is not None:  # built already: only the model check is left
        yield from (_model_check(article, context) for article in articles)
        return
    try:
        fmt, records = _records(data, format, context)
    except ValidationError as refused:  # bytes that are no text: one failed outcome
        yield Outcome(None, tuple(refused.issues), format or "")
        return
    yield from _mapped(records, fmt, context)


def _articles(data: Data) -> Sequence[Article] | None:
    """`data` as articles, when it is an article or a sequence of them."""
    if isinstance(data, Article):
        return [data]
    if isinstance(data, (str, bytes)) or not isinstance(data, Sequence):
        return None
    return data if all(isinstance(item, Article) for item in data) else None  # type: ignore[return-value]


def _records(data: Data, format: str | None, context: Context) -> tuple[Format, Iterable[Parsed]]:
    """The format of `data` and its records, parsed as they are asked for."""
    from_stream = streamed(data, format, context) or binary_records(data, format, context)
    if from_stream is not None:
        return from_stream
    if isinstance(data, (str, bytes, Path)):
        fmt, text = read_text(data, format, context)
        return fmt, _reader(fmt).parse(text, context)
    if isinstance(data, Mapping):
        return format_by_name(format or "article"), [Parsed(document=data)]
    if isinstance(data, Sequence) and all(isinstance(item, Mapping) for item in data):
        records = [Parsed(document=d, base=pointer(i), record=i) for i, d in enumerate(data)]
        return format_by_name(format or "article"), records
    raise UsageError(
        f"cannot read {type(data).__name__}: give text, bytes, a Path, articles or mappings"
    )


def _mapped(records: Iterable[Parsed], fmt: Format, context: Context) -> Iterator[Outcome]:
    """Each record's outcome; an exception newsschema did not raise on purpose is its bug,
    an `InternalError`, never an issue of the user's input."""
    try:
        for record in records:
            yield _to_article(record, fmt, context)
    except (NewsSchemaError, OSError):  # on purpose, or the file system's
        raise
    except Exception as error:
        raise InternalError.wrapping(f"reading {fmt.name}", error) from error


def _located(issues: Iterable[Issue], record: Parsed, fmt: Format) -> tuple[Issue, ...]:
    """Issues with the record's place in the file: full path, line and column."""
    return tuple(_place(issue, record, fmt) for issue in issues)


def _describe(fmt: Format, path: str) -> str:
    """A JSON Pointer in the format's own words (CSV: a column), other paths as they are."""
    return fmt.describe_path(path) if fmt.describe_path and path[:1] == "/" else path


def _place(issue: Issue, record: Parsed, fmt: Format) -> Issue:
    path = record.base + _describe(fmt, issue.path)
    which = record.record
    if issue.line is not None:
        return attrs.evolve(issue, path=path, record=which)
    locate = fmt.reader.locate if fmt.reader else None
    position = locate(record.source, path) if locate and record.source is not None else None
    if position is None:
        return attrs.evolve(issue, path=path, line=record.line, record=which)
    line, column = position
    return attrs.evolve(
        issue, path=path, line=line + (record.line or 1) - 1, column=column, record=which
    )


def _to_article(record: Parsed, fmt: Format, context: Context) -> Outcome:
    """One record at the levels `context` asks for: the standard's issues (errors when
    strict, else warnings) beside what reading it found."""
    reader = _reader(fmt)
    if record.zone is not None and context.timezone is None:
        context = attrs.evolve(context, timezone=record.zone.zone)
    if any(issue.severity == "error" for issue in record.issues):
        standard = _conformance(record, reader, fmt, context)
        return Outcome(None, (*_located(record.issues, record, fmt), *standard), fmt.name)
    noted = (*_located(record.issues, record, fmt), *record.elsewhere) if context.warnings else ()
    standard = _conformance(record, reader, fmt, context)
    if not context.readability:  # the standard alone: no article is wanted
        if reader.own_standard and context.check:  # its input check is the standard
            found = _check(record.document, reader.schema, reader.check, "input", fmt, context)
            standard = (*standard, *_located(found, record, fmt))
        return Outcome(None, (*noted, *standard), fmt.name)
    read = _readable(record, reader, fmt, context)
    issues = (*noted, *standard, *read.issues)
    if any(issue.severity == "error" for issue in standard):
        return Outcome(None, issues, fmt.name)
    return attrs.evolve(read, issues=issues)


def _conformance(
    record: Parsed, reader: Reader, fmt: Format, context: Context
) -> tuple[Issue, ...]:
    """What the standard owner's schema says of the record: errors when the context is
    strict, warnings otherwise (a document that breaks its standard is still read)."""
    if not context.conformance:
        return ()
    found = [attrs.evolve(issue, record=record.record) for issue in record.conformance]
    if reader.conform is not None and record.document is not None:
        found += _located(reader.conform(record.document, context), record, fmt)
    if context.strict:
        return tuple(found)
    return tuple(attrs.evolve(issue, severity="warning") for issue in found)


def _readable(record: Parsed, reader: Reader, fmt: Format, context: Context) -> Outcome:
    """The record's article, or what newsschema cannot read it for (its warnings too)."""
    checked: list[Issue] = []
    if context.check:
        checked = _check(record.document, reader.schema, reader.check, "input", fmt, context)
        if any(issue.severity == "error" for issue in checked):
            return Outcome(None, _located(checked, record, fmt), fmt.name)
    wanted = context.check and context.warnings and reader.advise is not None
    advised = reader.advise(record.document, context) if wanted and reader.advise else []
    warnings = _located([*checked, *advised] if context.warnings else advised, record, fmt)
    if context.verdict_only and context.check and reader.schema == "article":
        # The canonical schema has spoken, and the model never disagrees with it (the tests
        # hold them to that): for a verdict, building the article is work for nothing.
        return Outcome(None, warnings, fmt.name)
    try:
        article = reader.to_article(record.document, context)
    except (BaseValidationError, DataError) as error:  # what the data is to blame for
        found = issues_from_error(error, format=fmt.name)
        return Outcome(None, (*warnings, *_located(found, record, fmt)), fmt.name)
    if reader.schema == "article" and context.check:
        # The input was the canonical document and passed the canonical schema; the model
        # and the schema agree on every document (tests hold them to it): checking the
        # article again would be the same check twice.
        return Outcome(article, warnings, fmt.name, trusted=True)
    modelled = _model_check(article, context)
    issues = (*warnings, *_located(modelled.issues, record, fmt))
    return Outcome(modelled.article, issues, fmt.name, canonical=modelled.canonical)


def _model_check(article: Article, context: Context) -> Outcome:
    if not context.check:
        return Outcome(article)
    document = context.converter.unstructure(article)
    found = context.validators["article"].issues(document, stage="model", format="article")
    if found:
        return Outcome(None, tuple(found))
    return Outcome(article, canonical=document)


def read(data: Data, format: FormatName | None = None, **options: Unpack[Options]) -> list[Article]:
    """Every article in `data`; raises ValidationError listing every bad record's issues.

    Warnings (guidelines a valid document misses) do not raise; `validate` lists them.
    """
    articles: list[Article] = []
    issues: list[Issue] = []
    for outcome in outcomes(data, format, warnings=False, **options):
        if outcome.article is not None:
            articles.append(outcome.article)
        issues.extend(outcome.issues)
    if issues:
        raise ValidationError(issues)
    return articles


@overload
def write(
    articles: Article | Iterable[Article],
    format: TextFormatName,
    *,
    session: Session | None = None,
    **options: Unpack[Options],
) -> str: ...


@overload
def write(
    articles: Article | Iterable[Article],
    format: BinaryFormatName,
    *,
    session: Session | None = None,
    **options: Unpack[Options],
) -> bytes: ...


def write(
    articles: Article | Iterable[Article],
    format: str,
    *,
    session: Session | None = None,
    **options: Unpack[Options],
) -> str | bytes:
    """`articles` as text in `format` (bytes for a binary format: Parquet), after checking
    the output against the format's schema."""
    fmt, context = writing(format, session, options)
    items: list[Article] = [articles] if isinstance(articles, Article) else list(articles)
    return _write([Outcome(article) for article in items], fmt, context)


def writing(
    format: str, session: Session | None = None, options: Mapping[str, Any] | None = None
) -> tuple[Format, Context]:
    """The format to write and the context to write it with, its options checked: what
    `drive` takes."""
    fmt = format_by_name(format)
    common, for_writer = _split(options or {})
    context = (session or default_session()).context(
        **common, options=writer_options(fmt, for_writer)
    )
    return fmt, context


def _write(items: Sequence[Outcome], fmt: Format, context: Context) -> str | bytes:
    """Each outcome's article as `fmt`'s text (every outcome has one)."""
    writer = _writer(fmt)
    many = len(items) > 1
    documents = []
    issues: list[Issue] = []
    for index, item in enumerate(items):
        document, found = _written(item, fmt, context, index if many else None)
        documents.append(document)
        issues.extend(found)
    if issues:
        raise ValidationError(issues)
    try:
        text = writer.serialise(documents, context)
    except NewsSchemaError:
        raise
    except Exception as error:
        raise InternalError.wrapping(f"writing {fmt.name}", error) from error
    if isinstance(text, bytes):  # a binary format's reader reads it a row group at a time
        return text
    streams_back = fmt.reader is not None and fmt.reader.parse_stream is not None
    if (not streams_back or not many) and _utf8_size(text) > MAX_DOCUMENT_BYTES:
        message = (
            f"the {fmt.name} document would be {_utf8_size(text):,} bytes; newsschema reads "
            f"documents of at most {MAX_DOCUMENT_BYTES:,}: write one file per article (-o DIR/)"
        )
        raise ValidationError([Issue(stage="output", format=fmt.name, path="", message=message)])
    return text


def _utf8_size(text: str) -> int:
    """Bytes of `text` in UTF-8, counted only when it could matter (at most 4 per character)."""
    if len(text) * 4 <= MAX_DOCUMENT_BYTES:
        return len(text)
    return len(text.encode("utf-8", "surrogatepass"))


def write_to(
    articles: Iterable[Article],
    format: FormatName,
    out: IO[Any] | Folder,
    *,
    session: Session | None = None,
    **options: Unpack[Options],
) -> int:
    """Write `articles` to `out` one at a time, for formats that stream (CSV, Parquet);
    returns the count. `out` is a text stream, a byte stream for a binary format, or an
    `output.Folder` for a partitioned Parquet dataset.

    Memory does not grow with the number of articles. The first article that fails its
    output check stops the run with ValidationError; what was written before it stays in
    `out`, so write to a temporary file and rename it on success.
    """
    fmt, context = writing(format, session, options)
    return _write_to((Outcome(article) for article in articles), fmt, context, out)


def _write_to(
    items: Iterable[Outcome],
    fmt: Format,
    context: Context,
    out: IO[Any] | Folder,
) -> int:
    writer = _writer(fmt)
    if writer.stream is None:
        raise UsageError(f"format {fmt.name!r} does not stream; use write()")

    def documents() -> Iterator[Any]:
        for index, item in enumerate(items):
            document, issues = _written(item, fmt, context, index)
            if issues:
                raise ValidationError(issues)
            yield document

    return writer.stream(documents(), context, out)


def _reader(fmt: Format) -> Reader:
    if fmt.reader is None:
        raise UsageError(f"format {fmt.name!r} cannot be read; it is written only")
    return fmt.reader


def _writer(fmt: Format) -> Writer:
    if fmt.writer is None:
        raise UsageError(f"format {fmt.name!r} cannot be written; it is read only")
    return fmt.writer


def _written(
    item: Outcome, fmt: Format, context: Context, record: int | None
) -> tuple[Any, list[Issue]]:
    """The format's document for one outcome's article (the `record`-th of several, or
    the only one), and what its output check found."""
    where = "" if record is None else f"/{record}"
    try:
        document, found = _document(item, _writer(fmt), fmt, context)
    except FieldError as error:  # a field the format cannot carry as it is (a day)
        path = f"{where}/{error.field}" if error.field else where
        issue = Issue(stage="output", format=fmt.name, path=path, message=error.message)
        return None, [attrs.evolve(issue, record=record)]
    except DataError as error:  # text the format cannot carry, such as a control character
        issue = Issue(stage="output", format=fmt.name, path=where, message=str(error))
        return None, [attrs.evolve(issue, record=record)]
    except NewsSchemaError:
        raise
    except Exception as error:
        raise InternalError.wrapping(f"writing {fmt.name}", error) from error
    return document, [
        attrs.evolve(i, path=where + _describe(fmt, i.path), record=record) for i in found
    ]


def _document(
    item: Outcome, writer: Writer, fmt: Format, context: Context
) -> tuple[Any, list[Issue]]:
    """Canonical JSON the canonical schema has passed (made by the model check, or of an
    article built from a document it passed) is not checked by it again: it is the
    canonical format's document, and the source of a writer that lays it out anew."""
    article = item.article
    assert article is not None
    passed = context.check and (item.canonical is not None or item.trusted)
    canonical = _writes_canonical(writer)
    if passed and canonical and item.canonical is not None:
        return item.canonical, []
    if passed and writer.from_canonical is not None:
        checked = item.canonical
        if checked is None:  # trusted: made now, checked already as the input
            checked = context.converter.unstructure(article)
        return writer.from_canonical(checked), []
    document = writer.from_article(article, context)
    if not context.check or (passed and canonical):
        return document, []
    return document, _check(document, writer.schema, writer.check, "output", fmt, context)


def _writes_canonical(writer: Writer) -> bool:
    """Whether the writer's document is the canonical JSON, checked by the canonical schema."""
    return writer.schema == "article" and writer.check is None


def _check(
    document: Any,
    schema: str | None,
    check: Callable[[Any, Context], list[Issue]] | None,
    stage: Stage,
    fmt: Format,
    context: Context,
) -> list[Issue]:
    """The format's own check for `stage`, or its JSON Schema."""
    if check is not None:
        return check(document, context)
    if schema is not None:
        return context.validators[schema].issues(document, stage=stage, format=fmt.name)
    return []


# --- the one driver: records in, articles out ---------------------------------------------


@attrs.frozen
class Converted:
    """What one run of `drive` did."""

    good: int = 0
    """Records read into articles."""
    bad: int = 0
    """Records refused on the way in."""
    written: int = 0
    """Articles written: none when the output was not written."""
    output_issues: tuple[Issue, ...] = ()
    """Why the output was not written, when its check failed."""


class _AbandonedError(Exception):
    """Leaves an output unwritten (its temporary file removed)."""


@attrs.define
class _Tally:
    """The records `drive` has read, counted as they pass."""

    good: int = 0
    bad: int = 0

    def articles(self, records: Iterable[Outcome]) -> Iterator[Outcome]:
        for outcome in records:
            if outcome.article is None:
                self.bad += 1
            else:
                self.good += 1
                yield outcome

    def unwritten(self, keep_going: bool) -> bool:
        """Whether the output must not be written: nothing to write, or a bad record and
        no leave to keep going."""
        return not self.good or (self.bad > 0 and not keep_going)

    def done(self, written: bool = False, output_issues: Sequence[Issue] = ()) -> Converted:
        count = self.good if written else 0
        return Converted(self.good, self.bad, count, tuple(output_issues))


def drive(
    records: Iterable[Outcome],
    fmt: Format,
    context: Context,
    sink: Callable[[], AbstractContextManager[IO[Any] | Folder]],
    *,
    keep_going: bool,
) -> Converted:
    """The pipeline's one driver, for `convert`, the command line and every batch worker.

    Every record is read (whoever iterates `records` reports its issues) and articles go
    into `sink()`, one at a time when the format streams; `sink` opens what the writer
    takes (`output.sink`: text, bytes, or a folder). One keep-going policy: a bad
    record leaves the output unwritten unless `keep_going`; an output that fails its
    check is never written, and its issues are returned; no article, no output.
    """
    tally = _Tally()
    articles = tally.articles(records)
    try:
        if _writer(fmt).stream is not None:  # row by row, in constant memory
            with sink() as out:
                _write_to(articles, fmt, context, out)
                if tally.unwritten(keep_going):
                    raise _AbandonedError
            return tally.done(written=True)
        items = list(articles)
        if tally.unwritten(keep_going):
            return tally.done()
        text = _write(items, fmt, context)
    except _AbandonedError:
        return tally.done()
    except ValidationError as error:  # the output's check: nothing written
        return tally.done(output_issues=error.issues)
    with sink() as out:
        assert not isinstance(out, Folder)  # only a streaming writer writes folders
        out.write(text)
    return tally.done(written=True)


@overload
def convert(
    data: Data,
    to: TextFormatName,
    *,
    from_: FormatName | None = None,
    **options: Unpack[Options],
) -> str: ...


@overload
def convert(
    data: Data,
    to: BinaryFormatName,
    *,
    from_: FormatName | None = None,
    **options: Unpack[Options],
) -> bytes: ...


def convert(
    data: Data, to: str, *, from_: FormatName | None = None, **options: Unpack[Options]
) -> str | bytes:
    """Read `data` (format guessed unless `from_` names it) and write it as `to` (bytes
    for a binary format: Parquet).

    Raises ValidationError listing every bad record's issues (nothing is converted), or
    the output check's.
    """
    fmt, context = writing(to, None, options)
    common, _ = _split(options)
    issues: list[Issue] = []

    def reported() -> Iterator[Outcome]:
        for outcome in outcomes(data, from_, warnings=False, **common):
            issues.extend(outcome.issues)
            yield outcome

    buffer: io.StringIO | io.BytesIO = io.BytesIO() if _writer(fmt).binary else io.StringIO()
    done = drive(reported(), fmt, context, lambda: nullcontext(buffer), keep_going=False)
    if issues or done.output_issues:
        raise ValidationError([*issues, *done.output_issues])
    return buffer.getvalue()


def validate(
    data: Data, format: FormatName | None = None, **options: Unpack[Options]
) -> list[Issue]:
    """Every issue in `data`, at both levels unless `level` says one (the standard
    owner's schema, and what newsschema needs to read it); valid when none is an error."""
    options.setdefault("strict", True)
    found = outcomes(data, format, verdict_only=True, **options)
    return [issue for outcome in found for issue in outcome.issues]
