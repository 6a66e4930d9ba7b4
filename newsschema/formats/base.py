"""What a format is to the pipeline: a `Reader` and/or a `Writer`, and their checks.

A format module builds one `Format` and knows nothing of the other formats; `api.py`
chains them. A reader parses, checks and maps to `Article`; a writer maps, checks and
serialises, with an attrs class of its own options. Parsing yields one `Parsed` per
record, so a bad record is reported and the good ones around it still convert.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import tzinfo
from typing import Any, BinaryIO, Literal, TextIO, TypeVar

import attrs
from cattrs import Converter

from ..canonical import structure_valid
from ..errors import Issue
from ..model import Article
from ..times.evidence import Inferred
from ..validation import Validators

__all__ = [
    "NO_OPTIONS",
    "Context",
    "Format",
    "Level",
    "NoOptions",
    "Parsed",
    "Reader",
    "Writer",
    "canonical_article",
    "options_of",
]


@attrs.frozen
class NoOptions:
    """The options of a writer that takes none."""


NO_OPTIONS = NoOptions()

Level = Literal["both", "standard", "readable"]
"""What a check asks of a document: the standard owner's schema (``standard``), what
newsschema needs to read an article (``readable``), or both."""


@attrs.frozen(kw_only=True)
class Context:
    """What every step of one conversion shares: built once, passed down, never global."""

    converter: Converter
    validators: Validators
    timezone: tzinfo | None = None
    encoding: str | None = None
    check: bool = True
    verdict_only: bool = False
    """Validation alone: stop at the schema's verdict when it is the canonical one."""
    warnings: bool = True
    """Whether to look for warnings (guidelines a valid document misses): work for nothing
    when the caller keeps only the articles."""
    path: str | None = None
    """The file being read, when there is one: its extension can tell the layout."""
    options: object = NO_OPTIONS
    """The options of the format being written (`Writer.options`), once
    `newsschema.write` has checked them; read them with `options_of`."""
    level: Level = "both"
    """Which levels to check a document at: the standard's, readability, or both."""
    strict: bool = False
    """Whether a document that breaks its standard is refused (validation, ``--strict``)
    rather than read with warnings."""
    standard_version: str | None = None
    """The version of the standard to check a document against, over the one it
    declares (ninjs: ``1.0`` … ``3.1``)."""
    notes: bool = False
    """Whether readers say, as notes, what they leave out of a document (metadata the
    canonical article has no field for) and which of its renditions they read."""

    @property
    def conformance(self) -> bool:
        """Whether to check documents against their standard: always when it can refuse
        one, and when warnings are wanted; not for a reader who keeps only articles."""
        return self.check and self.level != "readable" and (self.strict or self.warnings)

    @property
    def readability(self) -> bool:
        """Whether to check what an article needs (and build it): all but ``standard``."""
        return self.level != "standard"


@attrs.frozen(kw_only=True)
class Parsed:
    """One record of a parsed file: its native document, or why it could not be parsed."""

    document: Any = None
    issues: Sequence[Issue] = ()
    base: str = ""
    """JSON Pointer (or XPath) prefix that locates the record inside `source`."""
    line: int | None = None
    """The file's line number of the record (JSON Lines), or None."""
    record: int | None = None
    """0-based index of the record in a file of several (`Issue.record`), or None."""
    source: str | None = None
    """The text the record was parsed from, kept so that failures can be given positions."""
    conformance: Sequence[Issue] = ()
    """What the standard's schema found in this record when the parser checked the whole
    file at once (an XSD): located in the file already, full path and line."""
    zone: Inferred | None = None
    """The zone the record's own evidence gives its times written without one
    (`times.evidence`), when the user gave none; its warning is among `issues`."""
    elsewhere: Sequence[Issue] = ()
    """Warnings about other parts of the file, reported with this record and located in
    the file already (full path, line): a message's items that are not articles."""


OptionsT = TypeVar("OptionsT")


def options_of(context: Context, kind: type[OptionsT]) -> OptionsT:
    """The writer options of `context` if they are `kind`'s, else `kind`'s defaults (a
    writer called outside `newsschema.write`, as tests and benchmarks do)."""
    options = context.options
    return options if isinstance(options, kind) else kind()


@attrs.frozen(kw_only=True)
class Reader:
    """How a format's files become articles: parse into records, check, map."""

    parse: Callable[[str, Context], Iterator[Parsed]]
    """The text of a file as records; a record that cannot be parsed carries its issues."""
    to_article: Callable[[Any, Context], Article]
    """One parsed record as an article; raises `DataError` (or a cattrs error) for data
    the article cannot hold, and nothing else on purpose."""
    schema: str | None = None
    """The JSON Schema a record must pass before it is mapped (see `newsschema schema`)."""
    check: Callable[[Any, Context], list[Issue]] | None = None
    """The input check, for formats whose documents are not JSON (XML)."""
    conform: Callable[[Any, Context], list[Issue]] | None = None
    """The standard owner's check of a record (IPTC's ninjs schema of its version, the
    schema.org vocabulary), as ``standard`` issues; formats whose standard is
    newsschema's own schema (canonical JSON, CSV) have none: their input check is it."""
    own_standard: bool = False
    """Whether the input check is the format's standard (newsschema's own formats):
    ``--level standard`` then runs it."""
    advise: Callable[[Any, Context], list[Issue]] | None = None
    """Warnings about a valid record (a guideline it misses); they never fail it."""
    locate: Callable[[str, str], tuple[int, int] | None] | None = None
    """(line, column) in the source text of a JSON Pointer, for formats that can tell."""
    decode: Callable[[bytes, str | None], str] | None = None
    """Bytes to text, for formats that declare their encoding inside (HTML's ``<meta
    charset>``); given the bytes and the encoding the user named, if any. Without it,
    files are UTF-8 (or, with `legacy_encodings`, detected)."""
    legacy_encodings: bool = False
    """Whether files may come in encodings other than UTF-8 (detected, or --encoding)."""
    parse_stream: Callable[[TextIO, Context], Iterator[Parsed]] | None = None
    """Parses an open UTF-8 file as it reads it, for files too big to hold."""
    streams: tuple[str, ...] = attrs.field(default=())
    """The extensions whose files `parse_stream` reads (JSON Lines, CSV)."""
    parse_binary: Callable[[BinaryIO, Context], Iterator[Parsed]] | None = None
    """Reads a binary format's file (Parquet) from an open, seekable byte stream; such a
    format's `parse` is given text only by mistake, and says so."""

    @streams.validator
    def _streams_need_a_stream_parser(self, _: object, value: tuple[str, ...]) -> None:
        if bool(value) != (self.parse_stream is not None):
            raise ValueError("a reader that streams names both parse_stream and streams")

    @property
    def own_decoding(self) -> bool:
        return self.decode is not None

    @property
    def binary(self) -> bool:
        return self.parse_binary is not None


@attrs.frozen(kw_only=True)
class Writer:
    """How articles become a format's text (or bytes): map, check, serialise."""

    from_article: Callable[[Article, Context], Any]
    """One article as the format's document (a dict, an element, a row)."""
    serialise: Callable[[Sequence[Any], Context], str | bytes]
    """Documents as the text of one file (its bytes, for a `binary` writer)."""
    schema: str | None = None
    """The JSON Schema every document must pass before it is written."""
    check: Callable[[Any, Context], list[Issue]] | None = None
    """The output check, for formats whose documents are not JSON (XML, CSV rows)."""
    stream: Callable[[Iterable[Any], Context, Any], int] | None = None
    """Writes documents one at a time, for output that must not be held in memory: into
    a text stream, or for a `binary` writer a byte stream (or the `output.AtomicFolder`
    of a dataset of several files, when its options ask for one)."""
    from_canonical: Callable[[dict[str, Any]], Any] | None = None
    """For a writer whose document is the canonical JSON laid out anew (CSV's row) and
    whose output check is the canonical schema on that JSON: the document from canonical
    JSON the schema has passed already, which then needs no check of its own."""
    options: type[Any] = NoOptions
    """The writer's options: an attrs class whose fields are the keyword options
    `newsschema.write` passes on (``embed=True``), with their types and defaults; the
    writer finds them with `options_of`."""
    binary: bool = False
    """Whether the format's files are bytes, not text (Parquet)."""
    folder: Callable[[Context], bool] | None = None
    """Whether, with these options, the writer writes a folder of files (a partitioned
    dataset) into an `output.Folder` rather than one file."""

    @property
    def streams(self) -> bool:
        return self.stream is not None

    def writes_folder(self, context: Context) -> bool:
        """Whether, with `context`'s options, this writer writes a folder of files."""
        return self.folder is not None and self.folder(context)

    def option_names(self) -> tuple[str, ...]:
        return tuple(field.name for field in attrs.fields(self.options))


@attrs.frozen(kw_only=True)
class Format:
    """One format: its name, how its files are recognised, and its reader and writer."""

    name: str
    extensions: tuple[str, ...]
    description: str
    sniff: Callable[[str], bool]
    """Whether the first kilobytes of a file look like this format."""
    reader: Reader | None = None
    writer: Writer | None = None
    syntax: str = "text"
    """The syntax its files are written in (``json``, ``xml``, ``html``, ``csv``, ``text``):
    a file's extension picks the syntax, and content chooses only among formats of that
    syntax — an HTML page that mentions NewsML-G2 stays HTML. Plain text may hold anything."""
    many_per_file: bool = False
    """Whether one file holds several articles (JSON Lines, CSV rows, a newsMessage); a
    format that holds one per file needs a folder to write several inputs into."""
    describe_path: Callable[[str], str] | None = None
    """Turns a JSON Pointer into the format's own words for a place (CSV: a column)."""

    @property
    def readable(self) -> bool:
        return self.reader is not None

    @property
    def writable(self) -> bool:
        return self.writer is not None


def canonical_article(document: Any, context: Context) -> Article:
    """The article of a canonical document: built directly when the canonical schema has
    passed it (the model's checks would repeat the schema's; the tests hold the two to
    one verdict), through the checking converter otherwise. The one place that trusts."""
    if context.check:
        return structure_valid(document)
    article: Article = context.converter.structure(document, Article)
    return article
