"""The registry of formats: add a format by adding a module and one entry here."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from . import article, csv, html, jsonld, newsml, ninjs, page
from .base import Context, Format, Parsed

__all__ = ["FORMATS", "Context", "Format", "Parsed"]

FORMATS: Mapping[str, Format] = MappingProxyType(
    {
        entry.name: entry
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
