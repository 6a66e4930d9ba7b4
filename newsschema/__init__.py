"""newsschema: news articles in JSON-LD, NewsML-G2, CSV and ninjs, validated at every boundary.

The public front door. Everything else is reachable, but only what is listed here is
promised to stay. Names are imported when first used, so that the command line's
``--help`` and ``--version`` need not load the formats and schemas.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import (
        Options,
        Outcome,
        Session,
        convert,
        outcomes,
        read,
        validate,
        write,
        write_to,
    )
    from .canonical import make_converter
    from .errors import (
        DataError,
        FieldError,
        InternalError,
        Issue,
        NewsSchemaError,
        OutputError,
        UsageError,
        ValidationError,
    )
    from .formats import BinaryFormatName, FormatName, TextFormatName
    from .model import Agent, Article, Image, Place, Rights, Subject, derive_id
    from .schemas import load_schema, schema_names

_WHERE = {
    **dict.fromkeys(
        ["Options", "Outcome", "Session", "convert", "outcomes", "read", "validate", "write",
         "write_to"],
        "api",
    ),
    "make_converter": "canonical",
    **dict.fromkeys(
        ["DataError", "FieldError", "InternalError", "Issue", "NewsSchemaError", "OutputError",
         "UsageError", "ValidationError"],
        "errors",
    ),
    **dict.fromkeys(["BinaryFormatName", "FormatName", "TextFormatName"], "formats"),
    **dict.fromkeys(
        ["Agent", "Article", "Image", "Place", "Rights", "Subject", "derive_id"], "model"
    ),
    **dict.fromkeys(["load_schema", "schema_names"], "schemas"),
}  # fmt: skip
"""The module each public name lives in."""

__all__ = [
    "Agent",
    "Article",
    "BinaryFormatName",
    "DataError",
    "FieldError",
    "FormatName",
    "Image",
    "InternalError",
    "Issue",
    "NewsSchemaError",
    "Options",
    "Outcome",
    "OutputError",
    "Place",
    "Rights",
    "Session",
    "Subject",
    "TextFormatName",
    "UsageError",
    "ValidationError",
    "__version__",
    "convert",
    "derive_id",
    "load_schema",
    "make_converter",
    "outcomes",
    "read",
    "schema_names",
    "validate",
    "write",
    "write_to",
]


def __getattr__(name: str) -> Any:
    """A public name, imported from its module when first asked for."""
    if name == "__version__":
        from ._version import __version__

        return __version__
    if name in _WHERE:
        value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
        globals()[name] = value  # asked once: a plain attribute from now on
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
