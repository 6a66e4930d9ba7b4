"""newsschema: news articles in JSON-LD, NewsML-G2, CSV and ninjs, validated at every boundary.

The public front door. Everything else is reachable, but only what is listed here is
promised to stay.
"""

from __future__ import annotations

from .api import Outcome, Session, convert, outcomes, read, validate, write, write_to
from .canonical import make_converter
from .errors import FieldError, Issue, NewsSchemaError, UsageError, ValidationError
from .model import Agent, Article, Image, Place, Rights, Subject, derive_id
from .schemas import load_schema, schema_names

__all__ = [
    "Agent",
    "Article",
    "FieldError",
    "Image",
    "Issue",
    "NewsSchemaError",
    "Outcome",
    "Place",
    "Rights",
    "Session",
    "Subject",
    "UsageError",
    "ValidationError",
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
