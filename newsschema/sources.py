"""How input reaches the pipeline: which format a file is, how its bytes become text.

The file name claims a format and the content confirms it; bytes are UTF-8 for the JSON
and XML formats and may be a legacy encoding for saved pages; a JSON Lines or CSV file is
read as it streams, so an archive of millions of articles never sits in memory.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Iterator
from datetime import timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import Issue, UsageError, ValidationError
from .formats import FORMATS, Context, Format, Parsed
from .limits import MAX_DOCUMENT_BYTES
from .text import DecodeError, decode

__all__ = [
    "binary_records",
    "format_by_name",
    "guess_format",
    "parse_timezone",
    "read_text",
    "streamed",
]

_SNIFF_CHARS = 4096


def parse_timezone(value: str | tzinfo | None) -> tzinfo | None:
    """A tzinfo from ``+08:00``, ``-0530``, ``Z``/``UTC`` or an IANA name like ``Asia/Shanghai``."""
    if value is None or isinstance(value, tzinfo):
        return value
    text = value.strip()
    if text.upper() in ("Z", "UTC"):
        return timezone.utc
    if text[:1] in "+-" and text[1:].replace(":", "").isdigit():
        digits = text[1:].replace(":", "")
        if len(digits) == 4 and int(digits[:2]) < 24 and int(digits[2:]) < 60:
            sign = -1 if text[0] == "-" else 1
            return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(
            f"unknown time zone {value!r}: give an offset like +08:00 or a name like Asia/Shanghai"
        ) from None


def format_by_name(name: str) -> Format:
    """The registered format called `name` (any string: this is where names are checked)."""
    try:
        return FORMATS[name]
    except KeyError:
        raise UsageError(f"unknown format {name!r}; known formats: {', '.join(FORMATS)}") from None


def _claims(path: str | None) -> list[Format]:
    """The formats whose extensions `path` ends with, the longest extension first."""
    if path is None:
        return []
    name = path.lower()
    return [fmt for ext, fmt in _by_extension() if name.endswith(ext)]


@functools.cache
def _by_extension() -> tuple[tuple[str, Format], ...]:
    """Every extension a format claims, with its format, the longest first."""
    matches = [(ext, fmt) for fmt in FORMATS.values() for ext in fmt.extensions]
    return tuple(sorted(matches, key=lambda match: -len(match[0])))


def guess_format(text: str, path: str | None = None) -> Format:
    """The format of a document: the one its file name claims if the content agrees, else
    the one its content shows among formats of the syntax the name claims (any, for plain
    text or no name), else the claimed one (whose reader then says what is wrong)."""
    head = text[:_SNIFF_CHARS]
    claimed = _claims(path)
    syntax = claimed[0].syntax if claimed else "text"
    for fmt in [*claimed, *FORMATS.values()]:
        if fmt.readable and syntax in ("text", fmt.syntax) and fmt.sniff(head):
            return fmt
    if claimed:  # the name says what it should be: let that reader explain what is wrong
        return claimed[0]
    where = f"{path}: " if path else ""
    raise UsageError(f"{where}cannot tell the format; name it with --from")


def read_text(data: str | bytes | Path, format: str | None, context: Context) -> tuple[Format, str]:
    """The format and text of document text, bytes or a file.

    Bytes are UTF-8 for the JSON and XML formats; pages saved as text may come in a
    legacy encoding, which is detected (or named with ``encoding=``). Bytes that are not
    UTF-8 are only detected when the format they turn out to be allows it.
    """
    path = str(data) if isinstance(data, Path) else context.path  # a name given for text
    if isinstance(data, Path):
        try:
            data = _bounded_read(data)
        except OSError as error:
            raise UsageError(f"cannot read {path}: {error.strerror}") from None
    if len(data) > MAX_DOCUMENT_BYTES:
        unit = "characters" if isinstance(data, str) else "bytes"
        message = (
            f"the document is longer than {MAX_DOCUMENT_BYTES:,} {unit}, the most read of a "
            "document read whole (JSON Lines .jsonl and CSV files stream at any size)"
        )
        raise ValidationError([Issue(stage="parse", format=format or "", path="", message=message)])
    named = format_by_name(format) if format else next(iter(_claims(path)), None)

    def chosen(text: str) -> Format:
        return named if format and named else guess_format(text, path)

    if isinstance(data, str):
        return chosen(data), data
    if named is not None and _decodes(named):
        return _own_decoding(named, data, context, chosen)
    return _decoded(data, named, context, chosen)


def _decoded(
    data: bytes, named: Format | None, context: Context, chosen: Callable[[str], Format]
) -> tuple[Format, str]:
    """Bytes to text: UTF-8 (or the encoding the user named) first; a legacy encoding is
    detected only for formats that allow one, and a format that declares its encoding
    inside decodes its own bytes."""
    where = named.name if named else ""
    try:
        text = decode(data, context.encoding, detect=False)
        found = chosen(text)
        if _decodes(found):  # it declares its own encoding: let it say which
            return _own_decoding(found, data, context, chosen)
        return found, text
    except DecodeError as not_utf8:
        # An encoding the user named, or a format that is UTF-8 only: no second guesses.
        if context.encoding is not None or (named is not None and not _legacy(named)):
            raise _decode_failure(where, not_utf8) from None
        try:
            text = decode(data, detect=True)
            found = chosen(text)
        except (DecodeError, UsageError):
            raise _decode_failure(where, not_utf8) from None
        if _decodes(found):
            return _own_decoding(found, data, context, chosen)
        if not _legacy(found):
            raise _decode_failure(found.name, not_utf8) from None
        return found, text


def _decodes(fmt: Format) -> bool:
    """Whether `fmt` reads its files' encoding from inside them (HTML, XML)."""
    return fmt.reader is not None and fmt.reader.decode is not None


def _legacy(fmt: Format) -> bool:
    """Whether `fmt`'s files may be in an encoding other than UTF-8 (detected)."""
    return fmt.reader is not None and fmt.reader.legacy_encodings


def _bounded_read(path: Path) -> bytes:
    """The file's bytes, or only one byte past the limit of them: a file of gigabytes (or a
    device that never ends) is refused without being read into memory."""
    with path.open("rb") as handle:
        return handle.read(MAX_DOCUMENT_BYTES + 1)


def _own_decoding(
    fmt: Format, data: bytes, context: Context, chosen: Callable[[str], Format]
) -> tuple[Format, str]:
    """Text from a format that declares its encoding inside, the way that format decodes."""
    assert fmt.reader is not None
    assert fmt.reader.decode is not None
    try:
        text = fmt.reader.decode(data, context.encoding)
    except DecodeError as error:
        raise _decode_failure(fmt.name, error) from None
    return chosen(text), text


def streamed(
    data: object, format: str | None, context: Context
) -> tuple[Format, Iterator[Parsed]] | None:
    """A big file's records read as the file is read, when its format can stream it
    (`context` is the file's: its `path` names it)."""
    if not isinstance(data, Path) or context.encoding not in (None, "utf-8", "utf-8-sig"):
        return None
    fmt = format_by_name(format) if format else next(iter(_claims(str(data))), None)
    reader = fmt.reader if fmt is not None else None
    if fmt is None or reader is None or not data.name.lower().endswith(reader.streams):
        return None
    parse = reader.parse_stream
    assert parse is not None  # a reader that names stream extensions has a stream parser
    try:
        stream = data.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise UsageError(f"cannot read {data}: {error.strerror}") from None

    def records() -> Iterator[Parsed]:
        with stream:
            try:
                yield from parse(stream, context)
            except UnicodeDecodeError as error:
                bad = error.object[error.start]
                message = f"not UTF-8: a byte {bad:#04x} where the file should be UTF-8"
                yield Parsed(
                    issues=[Issue(stage="parse", format=fmt.name, path="", message=message)]
                )

    return fmt, records()


def binary_records(
    data: object, format: str | None, context: Context
) -> tuple[Format, Iterator[Parsed]] | None:
    """A binary format's records (Parquet), read from its file or its bytes as they are
    asked for; None when `data` is not a binary format's: a file its name or `format`
    does not make one, or bytes that neither `format` nor their first bytes make one."""
    if isinstance(data, Path):
        fmt = format_by_name(format) if format else next(iter(_claims(str(data))), None)
    elif isinstance(data, bytes):
        fmt = format_by_name(format) if format else _binary_by_content(data)
    else:
        return None
    if fmt is None or fmt.reader is None or fmt.reader.parse_binary is None:
        return None
    parse = fmt.reader.parse_binary
    if isinstance(data, bytes):
        return fmt, parse(io.BytesIO(data), context)
    try:
        stream = data.open("rb")
    except OSError as error:
        raise UsageError(f"cannot read {data}: {error.strerror}") from None

    def records() -> Iterator[Parsed]:
        with stream:
            yield from parse(stream, context)

    return fmt, records()


def _binary_by_content(data: bytes) -> Format | None:
    head = data[:_SNIFF_CHARS].decode("latin-1")
    binary = (fmt for fmt in FORMATS.values() if fmt.reader and fmt.reader.binary)
    return next((fmt for fmt in binary if fmt.sniff(head)), None)


def _decode_failure(format: str, error: DecodeError) -> ValidationError:
    return ValidationError([Issue(stage="parse", format=format, path="", message=str(error))])
