"""newsschema: news articles in JSON-LD, NewsML-G2, CSV and ninjs, validated at every boundary.

The public front door. Everything else is reachable, but only what is listed here is
promised to stay.
"""

from __future__ import annotations

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
from .formats import FormatName
from .model import Agent, Article, Image, Place, Rights, Subject, derive_id
from .schemas import load_schema, schema_names

__all__ = [
    "Agent",
    "Article",
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


def __getattr__(name: str) -> str:
    """``__version__``, read from the installed package's metadata when first asked for."""
    if name == "__version__":
        from importlib.metadata import version

        return version("newsschema")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
