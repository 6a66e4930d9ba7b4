"""The registry of formats: add a format by adding a module and one entry here."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal, cast, get_args

from . import article, csv, html, jsonld, newsml, ninjs, page
from .base import Context, Format, Parsed

__all__ = ["FORMATS", "Context", "Format", "FormatName", "Parsed"]

FormatName = Literal["article", "csv", "html", "jsonld", "newsml", "ninjs", "page"]
"""The name of a format newsschema reads or writes, for type checkers."""

FORMATS: Mapping[FormatName, Format] = MappingProxyType(
    {
        cast(FormatName, entry.name): entry
        for entry in (
            article.FORMAT,
            csv.FORMAT,
            jsonld.FORMAT,
            newsml.FORMAT,
            ninjs.FORMAT,
            page.FORMAT,
            html.FORMAT,
        )
    }
)

assert set(get_args(FormatName)) == set(FORMATS), "FormatName must name every format"
