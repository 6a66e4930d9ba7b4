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

__all__ = ["MAX_BYTES", "XMLInputError", "parse_xml", "safe_parser"]

MAX_BYTES = 50 * 1024 * 1024
"""Larger inputs are refused before parsing: no news item is 50 MB of XML."""


# A DOCTYPE can only stand in the prolog: after the declaration, comments and PIs.
_DOCTYPE = re.compile(rb"^(?:\xef\xbb\xbf)?(?:\s+|<\?.*?\?>|<!--.*?-->)*<!DOCTYPE", re.S | re.I)


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
    if _DOCTYPE.match(raw):
        raise XMLInputError("the document declares a DTD; newsschema reads none", 1, 1)
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
