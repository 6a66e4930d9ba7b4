"""What a format is to the pipeline: how to parse, map and serialise, and which schemas.

A format module builds one `Format` and knows nothing of the other formats; `api.py`
chains them. Parsing yields one `Parsed` per record, so a bad record is reported and the
good ones around it still convert.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import tzinfo
from typing import Any, TextIO

import attrs
from cattrs import Converter

from ..canonical import structure_valid
from ..errors import Issue
from ..model import Article
from ..validation import Validators

__all__ = ["Context", "Format", "Parsed", "canonical_article"]


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
    options: Mapping[str, Any] = attrs.field(factory=dict)
    """Options only some formats understand, such as ``embed`` for JSON-LD."""


@attrs.frozen(kw_only=True)
class Parsed:
    """One record of a parsed file: its native document, or why it could not be parsed."""

    document: Any = None
    issues: Sequence[Issue] = ()
    base: str = ""
    """JSON Pointer (or XPath) prefix that locates the record inside `source`."""
    line: int | None = None
    """The file's line number of the record (JSON Lines), or None."""
    source: str | None = None
    """The text the record was parsed from, kept so that failures can be given positions."""


@attrs.frozen(kw_only=True)
class Format:
    """One format's entry in the registry."""

    name: str
    extensions: tuple[str, ...]
    description: str
    sniff: Callable[[str], bool]
    parse: Callable[[str, Context], Iterator[Parsed]] | None = None
    to_article: Callable[[Any, Context], Article] | None = None
    from_article: Callable[[Article, Context], Any] | None = None
    serialise: Callable[[Sequence[Any], Context], str] | None = None
    input_schema: str | None = None
    output_schema: str | None = None
    locate: Callable[[str, str], tuple[int, int] | None] | None = None
    """(line, column) in the source text of a path, for formats that can tell."""
    legacy_encodings: bool = False
    """Whether files may come in encodings other than UTF-8 (detected, or --encoding)."""
    decode: Callable[[bytes, str | None], str] | None = None
    """Bytes to text for formats that declare their encoding inside (HTML's ``<meta
    charset>``); given the bytes and the encoding the user named, if any."""
    check_input: Callable[[Any, Context], list[Issue]] | None = None
    """The input check for formats whose reader schema is not a JSON Schema (XML)."""
    check_output: Callable[[Any, Context], list[Issue]] | None = None
    """The output check for formats whose writer schema is not a JSON Schema (XML)."""
    advise: Callable[[Any, Context], list[Issue]] | None = None
    """Warnings about a valid input document (a guideline it misses); they never fail it."""
    parse_stream: Callable[[TextIO, Context], Iterator[Parsed]] | None = None
    """Parses an open UTF-8 file as it reads it, for files too big to hold (JSON Lines, CSV)."""
    streams: tuple[str, ...] = ()
    """The extensions whose files `parse_stream` reads."""
    describe_path: Callable[[str], str] | None = None
    """Turns a JSON Pointer into the format's own words for a place (CSV: a column)."""
    stream: Callable[[Iterable[Any], Context, TextIO], int] | None = None
    """Writes documents one at a time, for output that must not be held in memory."""
    options: frozenset[str] = frozenset()
    """The names of the format-specific options it understands."""
    syntax: str = "text"
    """The syntax its files are written in (``json``, ``xml``, ``html``, ``csv``, ``text``):
    a file's extension picks the syntax, and content chooses only among formats of that
    syntax — an HTML page that mentions NewsML-G2 stays HTML. Plain text may hold anything."""
    many_per_file: bool = False
    """Whether one file holds several articles (JSON Lines, CSV rows, a newsMessage); a
    format that holds one per file needs a folder to write several inputs into."""

    @property
    def readable(self) -> bool:
        return self.parse is not None and self.to_article is not None

    @property
    def writable(self) -> bool:
        return self.from_article is not None and self.serialise is not None


def canonical_article(document: Any, context: Context) -> Article:
    """The article of a canonical document: built directly when the canonical schema has
    passed it (the model's checks would repeat the schema's; the tests hold the two to
    one verdict), through the checking converter otherwise. The one place that trusts."""
    if context.check:
        return structure_valid(document)
    article: Article = context.converter.structure(document, Article)
    return article
