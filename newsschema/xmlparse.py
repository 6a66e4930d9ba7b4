"""One locked-down XML parser for every reader: no entities, no DTD, no network, no giants.

XML from the outside world can carry XXE (``<!ENTITY x SYSTEM "file:///etc/passwd">``),
entity-expansion bombs and external DTDs. The parser built here resolves no entity,
loads no DTD, never touches the network and keeps libxml2's limits on huge documents;
`parse_xml` also refuses any document that declares a DTD at all, because a news item
has no use for one and an internal subset is where the attacks live.
"""

from __future__ import annotations

import re

from lxml import etree

from .limits import MAX_DOCUMENT_BYTES
from .text import BOMS, DecodeError, decode, text_codec

__all__ = [
    "MAX_BYTES",
    "NOT_XML_TEXT",
    "XMLInputError",
    "decode_xml",
    "parse_xml",
    "safe_parser",
]

MAX_BYTES = MAX_DOCUMENT_BYTES
"""Larger inputs are refused before parsing: no news item is 50 MiB of XML."""

NOT_XML_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""What XML 1.0 text cannot hold (so neither can libxml2's trees, HTML ones included):
NUL, the C0 controls but tab and line breaks, lone surrogates, U+FFFE and U+FFFF."""


_PROLOG_SPACE = frozenset(b" \t\r\n")

_DECLARED = re.compile(rb"<\?xml[^>?]{0,200}?\sencoding=[\"']([A-Za-z][A-Za-z0-9._-]{0,40})[\"']")
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030"}
"""Declared encodings read as the superset that real files written under their name use."""


def decode_xml(data: bytes, encoding: str | None = None) -> str:
    """The text of an XML document: the encoding the user names, else its byte order mark,
    else its XML declaration (``encoding="GB2312"``), else UTF-8 — as XML 1.0 §4.3.3 says
    and no guessing beyond it. `DecodeError` says where the bytes break the encoding."""
    if encoding is not None or any(data.startswith(bom) for bom, _ in BOMS):
        return decode(data, encoding, detect=False)
    declared = _DECLARED.match(data)
    if declared is None:
        return decode(data, detect=False)
    label = declared[1].decode("ascii").lower()
    codec = text_codec(_SUPERSETS.get(label, label))
    if codec is None:
        raise DecodeError(f"the XML declaration names {label!r}, which is not a text encoding")
    try:
        return decode(data, codec, detect=False)
    except DecodeError as error:
        raise DecodeError(f"{error}, and its XML declaration says {label}") from None


def _doctype_at(raw: bytes) -> int | None:
    """Where the prolog declares a DOCTYPE, if it does; in time linear in the prolog.

    A DOCTYPE can only stand in the prolog, after the declaration, comments and PIs.
    (A regular expression for this backtracked for minutes on a run of white space.)
    """
    position = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    while position < len(raw):
        if raw[position] in _PROLOG_SPACE:
            position += 1
        elif raw.startswith(b"<?", position):
            end = raw.find(b"?>", position + 2)
            if end < 0:
                return None
            position = end + 2
        elif raw.startswith(b"<!--", position):
            end = raw.find(b"-->", position + 4)
            if end < 0:
                return None
            position = end + 3
        else:
            return position if raw[position : position + 9].upper() == b"<!DOCTYPE" else None
    return None


class XMLInputError(ValueError):
    """Not XML newsschema will read; `line` and `column` say where, when known."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


def safe_parser() -> etree.XMLParser:
    """A new parser with every door shut (parsers are not thread-safe: one per use)."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(data: str | bytes) -> etree._Element:
    """The root element of `data`, or XMLInputError with a line and column."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > MAX_BYTES:
        raise XMLInputError(f"the document is {len(raw):,} bytes; at most {MAX_BYTES:,} are read")
    start = _doctype_at(raw)
    if start is not None:
        line = raw.count(b"\n", 0, start) + 1
        before = raw[raw.rfind(b"\n", 0, start) + 1 : start].removeprefix(b"\xef\xbb\xbf")
        column = len(before.decode("utf-8", "replace")) + 1
        raise XMLInputError("the document declares a DTD; newsschema reads none", line, column)
    if isinstance(data, str):
        raw = raw if not raw.startswith(b"<?xml") else _drop_declared_encoding(raw)
    try:
        tree = etree.fromstring(raw, parser=safe_parser())
    except etree.XMLSyntaxError as error:
        line, column = error.position
        raise XMLInputError(f"not well-formed XML: {error.msg}", line, column) from None
    docinfo = tree.getroottree().docinfo
    if getattr(docinfo, "doctype", "") or docinfo.internalDTD is not None:
        raise XMLInputError("the document declares a DTD; newsschema reads none", 1, 1)
    return tree


def _drop_declared_encoding(raw: bytes) -> bytes:
    """Text was decoded already: its declaration must not make libxml2 decode it again."""
    end = raw.find(b"?>")
    return b'<?xml version="1.0" encoding="UTF-8"?>' + raw[end + 2 :] if end > 0 else raw
