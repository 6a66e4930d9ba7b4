"""Bytes to text the way news archives need it: BOMs, UTF-8, and the legacy encodings.

Chinese pages are still saved in GBK or GB18030, Taiwanese ones in Big5, Japanese in
Shift_JIS. A byte order mark wins; then strict UTF-8 (what almost everything is now);
then detection by charset-normalizer. The caller can always name the encoding instead.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator

__all__ = ["BOMS", "DecodeError", "bounded_lines", "decode", "lines", "text_codec"]

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def lines(text: str) -> list[str]:
    """The lines of a file's text, split where files break lines: ``\\n``, ``\\r\\n``, ``\\r``.

    Not `str.splitlines`, which also splits at U+2028, U+0085, form feeds and more —
    characters that stand inside a headline or a JSON string, not between lines.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def bounded_lines(stream: Iterable[str], limit: int) -> Iterator[str | None]:
    """The lines of an open text file, each at most `limit` characters; None in place of a
    longer one, which is read through in pieces and dropped, so that one line of a
    gigabyte costs no more memory than `limit`."""
    readline = getattr(stream, "readline", None)
    if readline is None:  # a list of lines, already in memory
        yield from (line if len(line) <= limit else None for line in stream)
        return
    while line := readline(limit + 1):
        if len(line) <= limit or (len(line) == limit + 1 and line.endswith("\n")):
            yield line
            continue
        while line and not line.endswith(("\n", "\r")):
            line = readline(limit + 1)
        yield None


class DecodeError(ValueError):
    """The bytes are not text in the named or any detectable encoding."""


def text_codec(name: str) -> str | None:
    """The codec `name` stands for if it turns bytes into text; None otherwise.

    Python also registers codecs that are not text encodings (``rot13``, ``hex``,
    ``base64``, ``zlib``): named as an encoding, each is as unknown as a misspelling.
    """
    try:
        codec = codecs.lookup(name)
        b"a".decode(codec.name, "ignore")  # LookupError for bytes-to-bytes or text-to-text
    except (LookupError, TypeError, ValueError):
        return None
    return codec.name


def decode(data: bytes, encoding: str | None = None, *, detect: bool = True) -> str:
    """Text from `data`; `encoding` overrides everything, `detect` allows legacy encodings."""
    if encoding is not None:
        codec = text_codec(encoding)
        if codec is None:
            raise DecodeError(f"unknown encoding {encoding!r}: not a text encoding")
        return _strict(data, codec)
    for bom, name in BOMS:
        if data.startswith(bom):
            return _strict(data, name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if not detect:
            raise DecodeError(
                f"not UTF-8: byte {error.start} is {data[error.start]:#04x}"
            ) from None
    from charset_normalizer import from_bytes  # 20 ms to import: only when detecting

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError("not text in UTF-8 or any encoding that could be detected")
    return _strict(data, best.encoding)


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DecodeError(
            f"not {encoding}: byte {error.start} is {data[error.start]:#04x}"
        ) from None
