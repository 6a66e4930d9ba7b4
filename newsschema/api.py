"""The pipeline: bytes → article → bytes, with the input, model and output checks.

This is the only module that chains formats. `read`, `write`, `convert` and `validate`
are the public front door; `outcomes` is the record-by-record form the command line
uses to keep going past bad records.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypedDict

import attrs
from cattrs import Converter
from cattrs.errors import BaseValidationError

from .canonical import issues_from_error, make_converter, pointer
from .errors import (
    DataError,
    InternalError,
    Issue,
    NewsSchemaError,
    Stage,
    UsageError,
    ValidationError,
)
from .formats import FORMATS, Context, Format, Parsed
from .limits import MAX_DOCUMENT_BYTES
from .model import Article
from .sources import format_by_name, guess_format, parse_timezone, read_text, streamed
from .text import text_codec
from .validation import Validators

if TYPE_CHECKING:  # typing.Unpack is 3.11+; type checkers know typing_extensions' anyway
    from typing_extensions import Unpack

    from .formats import FormatName

__all__ = [
    "Data",
    "Options",
    "Outcome",
    "Session",
    "convert",
    "guess_format",
    "outcomes",
    "read",
    "validate",
    "write",
    "write_to",
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
    embed: bool
    """jsonld: write a ``<script type="application/ld+json">`` element."""
    xsd: str | None
    """newsml: also check the output against this XSD file."""
    bom: bool
    """csv: start with a UTF-8 byte order mark."""


@attrs.frozen
class Outcome:
    """One record's result: an article, or the issues that stopped it."""

    article: Article | None
    issues: tuple[Issue, ...] = ()
    format: str = "article"
    canonical: Mapping[str, Any] | None = attrs.field(default=None, eq=False, repr=False)
    """The article as canonical JSON, when the model check made and passed it: writing
    canonical JSON again would make and check the identical document a second time."""


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
        **unknown: Any,
    ) -> Context:
        """The options of one call; `check=False` skips the three schema checks."""
        known = {name for fmt in FORMATS.values() for name in fmt.options}
        if set(unknown) - known:
            strange = ", ".join(sorted(set(unknown) - known))
            raise UsageError(f"unknown option(s): {strange}")
        if encoding is not None and text_codec(encoding) is None:
            raise UsageError(f"unknown encoding {encoding!r}: give a text encoding like gb18030")
        return Context(
            converter=self.converter,
            validators=self.validators,
            timezone=parse_timezone(timezone),
            encoding=encoding,
            check=check,
            path=path,
            verdict_only=verdict_only,
            warnings=warnings,
            options=unknown,
        )


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
    **options: Unpack[Options],
) -> Iterator[Outcome]:
    """Read `data` record by record; a bad record gives issues, never an exception.

    `verdict_only` is for validation: records stop at the schema's verdict (no article is
    built where the canonical schema has already decided). `warnings` False skips looking
    for warnings, for callers that keep only the articles.
    """
    context = (session or default_session()).context(
        verdict_only=verdict_only, warnings=warnings, **options
    )
    from_stream = streamed(data, format, context)
    records: Iterable[Parsed]
    if from_stream is not None:
        fmt, records = from_stream
    elif isinstance(data, (str, bytes, Path)):
        try:
            fmt, text = read_text(data, format, context)
        except ValidationError as refused:  # bytes that are no text: one failed outcome
            yield Outcome(None, tuple(refused.issues), format or "")
            return
        if fmt.parse is None:
            raise UsageError(f"format {fmt.name!r} cannot be read")
        context = attrs.evolve(context, path=str(data) if isinstance(data, Path) else None)
        records = fmt.parse(text, context)
    elif isinstance(data, Article):
        yield _model_check(data, context)
        return
    elif isinstance(data, Mapping):
        fmt = format_by_name(format or "article")
        records = [Parsed(document=data)]
    elif isinstance(data, Sequence) and all(isinstance(item, Article) for item in data):
        yield from (_model_check(item, context) for item in data if isinstance(item, Article))
        return
    elif isinstance(data, Sequence) and all(isinstance(item, Mapping) for item in data):
        fmt = format_by_name(format or "article")
        records = [Parsed(document=item, base=pointer(i)) for i, item in enumerate(data)]
    else:
        raise UsageError(
            f"cannot read {type(data).__name__}: give text, bytes, a Path, articles or mappings"
        )
    yield from _mapped(records, fmt, context)


def _mapped(records: Iterable[Parsed], fmt: Format, context: Context) -> Iterator[Outcome]:
    """Each record's outcome; an exception newsschema did not raise on purpose is its bug,
    an `InternalError`, never an issue of the user's input."""
    try:
        for record in records:
            yield attrs.evolve(_to_article(record, fmt, context), format=fmt.name)
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
    if issue.line is not None:
        return attrs.evolve(issue, path=path)
    position = fmt.locate(record.source, path) if fmt.locate and record.source is not None else None
    if position is None:
        return attrs.evolve(issue, path=path, line=record.line)
    line, column = position
    return attrs.evolve(issue, path=path, line=line + (record.line or 1) - 1, column=column)


def _to_article(record: Parsed, fmt: Format, context: Context) -> Outcome:
    if any(issue.severity == "error" for issue in record.issues):
        return Outcome(None, _located(record.issues, record, fmt))
    noted = list(record.issues) if context.warnings else []  # what the parser read past
    if context.check:
        found = _check(record.document, fmt.input_schema, fmt.check_input, "input", fmt, context)
        if found:
            return Outcome(None, _located([*noted, *found], record, fmt))
    wanted = context.check and context.warnings and fmt.advise is not None
    advised = fmt.advise(record.document, context) if wanted and fmt.advise else []
    warnings = [*noted, *advised]
    if context.verdict_only and context.check and fmt.input_schema == "article":
        # The canonical schema has spoken, and the model never disagrees with it (the tests
        # hold them to that): for a verdict, building the article is work for nothing.
        return Outcome(None, _located(warnings, record, fmt))
    assert fmt.to_article is not None
    try:
        article = fmt.to_article(record.document, context)
    except (BaseValidationError, DataError) as error:  # what the data is to blame for
        found = [*warnings, *issues_from_error(error, format=fmt.name)]
        return Outcome(None, _located(found, record, fmt))
    if fmt.input_schema == "article" and context.check:
        # The input was the canonical document and passed the canonical schema; the model
        # and the schema agree on every document (tests hold them to it): checking the
        # article again would be the same check twice.
        return Outcome(article, _located(warnings, record, fmt))
    outcome = _model_check(article, context)
    return attrs.evolve(outcome, issues=_located([*warnings, *outcome.issues], record, fmt))


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


def write(
    articles: Article | Iterable[Article],
    format: FormatName,
    *,
    session: Session | None = None,
    **options: Unpack[Options],
) -> str:
    """`articles` as text in `format`, after checking the output against the format's schema."""
    context = (session or default_session()).context(**options)
    items: list[Article] = [articles] if isinstance(articles, Article) else list(articles)
    return _write([(article, None) for article in items], _writable(format), context)


def _write(
    items: Sequence[tuple[Article, Mapping[str, Any] | None]], fmt: Format, context: Context
) -> str:
    """Each article (with its checked canonical JSON, when there is one) as `fmt`'s text."""
    assert fmt.serialise is not None
    many = len(items) > 1
    documents = []
    issues: list[Issue] = []
    for index, (article, canonical) in enumerate(items):
        where = f"/{index}" if many else ""
        document, found = _written(article, fmt, context, where, canonical)
        documents.append(document)
        issues.extend(found)
    if issues:
        raise ValidationError(issues)
    try:
        text = fmt.serialise(documents, context)
    except NewsSchemaError:
        raise
    except Exception as error:
        raise InternalError.wrapping(f"writing {fmt.name}", error) from error
    if (fmt.parse_stream is None or not many) and _utf8_size(text) > MAX_DOCUMENT_BYTES:
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
    out: TextIO,
    *,
    session: Session | None = None,
    **options: Unpack[Options],
) -> int:
    """Write `articles` to `out` one at a time, for formats that stream (CSV); returns the count.

    Memory does not grow with the number of articles. The first article that fails its
    output check stops the run with ValidationError; what was written before it stays in
    `out`, so write to a temporary file and rename it on success.
    """
    context = (session or default_session()).context(**options)
    fmt = _writable(format)
    if fmt.stream is None:
        raise UsageError(f"format {fmt.name!r} does not stream; use write()")

    def documents() -> Iterator[Any]:
        for index, article in enumerate(articles):
            document, issues = _written(article, fmt, context, f"/{index}")
            if issues:
                raise ValidationError(issues)
            yield document

    return fmt.stream(documents(), context, out)


def _writable(format: str) -> Format:
    fmt = format_by_name(format)
    if not fmt.writable:
        raise UsageError(f"format {fmt.name!r} cannot be written; it is read only")
    return fmt


def _written(
    article: Article,
    fmt: Format,
    context: Context,
    where: str,
    canonical: Mapping[str, Any] | None = None,
) -> tuple[Any, list[Issue]]:
    """The format's document for one article, and what its output check found.

    `canonical` is the article's canonical JSON as the model check made and passed it:
    for the canonical format it is the document, already checked by the same schema.
    """
    assert fmt.from_article is not None
    if canonical is not None and context.check and _writes_canonical(fmt):
        return canonical, []
    try:
        document = fmt.from_article(article, context)
        if not context.check:
            return document, []
        found = _check(document, fmt.output_schema, fmt.check_output, "output", fmt, context)
    except DataError as error:  # text the format cannot carry, such as a control character
        return None, [Issue(stage="output", format=fmt.name, path=where, message=str(error))]
    except NewsSchemaError:
        raise
    except Exception as error:
        raise InternalError.wrapping(f"writing {fmt.name}", error) from error
    return document, [attrs.evolve(i, path=where + _describe(fmt, i.path)) for i in found]


def _writes_canonical(fmt: Format) -> bool:
    """Whether `fmt`'s document is the canonical JSON, checked by the canonical schema."""
    return fmt.output_schema == "article" and fmt.check_output is None


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


def convert(
    data: Data, to: FormatName, *, from_: FormatName | None = None, **options: Unpack[Options]
) -> str:
    """Read `data` (format guessed unless `from_` names it) and write it as `to`."""
    fmt = _writable(to)
    context = default_session().context(**options)
    read_back: list[tuple[Article, Mapping[str, Any] | None]] = []
    issues: list[Issue] = []
    for outcome in outcomes(data, from_, warnings=False, **options):
        if outcome.article is not None:
            read_back.append((outcome.article, outcome.canonical))
        issues.extend(outcome.issues)
    if issues:
        raise ValidationError(issues)
    return _write(read_back, fmt, context)


def validate(
    data: Data, format: FormatName | None = None, **options: Unpack[Options]
) -> list[Issue]:
    """Every issue in `data`, input and model checks; an empty list means valid."""
    found = outcomes(data, format, verdict_only=True, **options)
    return [issue for outcome in found for issue in outcome.issues]
