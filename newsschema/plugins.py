"""Which formats are registered, told without importing any of them.

The command line lists format names in its options and help; importing the formats
themselves would cost every ``--help`` the formats, schemas and validators. Entry-point
metadata names them all at the cost of reading installed packages' metadata.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib.metadata import entry_points

__all__ = ["BUILT_IN", "ENTRY_POINTS", "READ_ONLY", "format_names"]

ENTRY_POINTS = "newsschema.formats"
"""The entry-point group a package publishes its formats under."""

BUILT_IN: Mapping[str, str] = {
    "article": "newsschema.formats.article:FORMAT",
    "csv": "newsschema.formats.csv:FORMAT",
    "jsonld": "newsschema.formats.jsonld:FORMAT",
    "newsml": "newsschema.formats.newsml:FORMAT",
    "ninjs": "newsschema.formats.ninjs:FORMAT",
    "parquet": "newsschema.formats.parquet:FORMAT",
    "page": "newsschema.formats.page:FORMAT",
    "html": "newsschema.formats.html:FORMAT",
}
"""newsschema's own formats, in the order content is sniffed (HTML last: it takes any
markup); pyproject.toml publishes the same entries (a test keeps them equal)."""

READ_ONLY = frozenset({"html", "page"})
"""newsschema's own formats that are read, never written."""


def format_names() -> list[str]:
    """The name of every registered format: newsschema's own, then installed plug-ins'."""
    extra = sorted({point.name for point in entry_points(group=ENTRY_POINTS)} - set(BUILT_IN))
    return [*BUILT_IN, *extra]
