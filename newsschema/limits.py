"""Every size limit newsschema keeps, in one place.

Input from the outside world can be built to exhaust a reader: a document of gigabytes,
nesting a million levels deep, a "URI" of twenty megabytes. Each limit below is far past
what any real news item needs and low enough that reading stays within about twenty times
the input's size in memory. Writers keep the same limits, so that what newsschema writes,
newsschema reads back. The documentation's security page and ``newsschema --help`` list
them from here (a test keeps the page in step).
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = [
    "JSONLD_DEPTH",
    "JSONLD_EXPANDED_VALUES",
    "LIMITS",
    "MAX_DOCUMENT_BYTES",
    "MAX_ISSUES",
    "MAX_NESTING",
    "MAX_NUMBER_CHARS",
    "MAX_URI_CHARS",
    "MAX_XML_TEXT_BYTES",
    "Limit",
    "summary",
]

MAX_DOCUMENT_BYTES = 50 * 2**20
"""A document read whole (JSON, JSON-LD, ninjs, NewsML-G2, HTML, a saved page), one JSON
Lines line or one line of CSV: 50 MiB. Streamed files (JSON Lines, CSV) may be of any size."""

MAX_XML_TEXT_BYTES = 10_000_000
"""One run of XML text, such as a NewsML-G2 paragraph: libxml2's limit for a text node
outside its "huge" mode, which newsschema never turns on."""

MAX_NESTING = 256
"""Levels of JSON arrays and objects, and of HTML and XML elements (libxml2 stops there)."""

JSONLD_DEPTH = 64
"""Levels of JSON-LD ``@id`` references followed from an article node."""

JSONLD_EXPANDED_VALUES = 20_000
"""Values an article node may grow to once its references are resolved: a graph whose
nodes refer to each other many times over cannot grow without end."""

MAX_URI_CHARS = 65_536
"""A URI or identifier (``url``, ``id``, a guid, an image's address); longer ones are
refused before they are parsed. Browsers and servers cap URIs far lower."""

MAX_NUMBER_CHARS = 4_300
"""Digits of a number in a CSV cell: Python's own limit on reading an integer."""

MAX_ISSUES = 100
"""Problems listed per document; the rest are counted, not listed."""

MAX_XSD_CHILDREN = 10_000
"""Children of one XML element past which IPTC's XSD is not run: libxml2 names each
problem by its position among its siblings, counting them every time, so ten thousand
wrong siblings cost seconds and a million would cost days. A news item has dozens."""


class Limit(NamedTuple):
    """One limit, as the documentation and ``--help`` state it."""

    what: str
    value: str


LIMITS = (
    Limit("document read whole, JSON Lines line, CSV line", f"{MAX_DOCUMENT_BYTES:,} bytes"),
    Limit("XML text run (a NewsML-G2 paragraph)", f"{MAX_XML_TEXT_BYTES:,} bytes"),
    Limit("nesting of JSON, HTML and XML", f"{MAX_NESTING} levels"),
    Limit("JSON-LD references followed", f"{JSONLD_DEPTH} levels"),
    Limit("JSON-LD article once its references are resolved", f"{JSONLD_EXPANDED_VALUES:,} values"),
    Limit("URI or identifier", f"{MAX_URI_CHARS:,} characters"),
    Limit("number in a CSV cell", f"{MAX_NUMBER_CHARS:,} characters"),
    Limit("problems listed per document", f"{MAX_ISSUES}"),
    Limit("children of one XML element checked against an XSD", f"{MAX_XSD_CHILDREN:,}"),
)


def summary() -> str:
    """The limits as lines of text, for ``--help``."""
    return "\n".join(f"{limit.what}: {limit.value}" for limit in LIMITS)
