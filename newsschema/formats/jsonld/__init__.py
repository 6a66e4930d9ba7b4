"""The ``jsonld`` format: schema.org NewsArticle out (strict), real-world JSON-LD in.

`write` holds the one shape newsschema emits; `read` takes what publishers publish.
"""

from __future__ import annotations

from typing import Any

from ...errors import Issue
from ...jsontext import locate
from ..base import Context, Format, Reader, Writer
from .read import advise, parse, to_article
from .standard import check_vocabulary
from .write import JsonldOptions, from_article, serialise

__all__ = ["FORMAT", "JsonldOptions"]


def sniff(head: str) -> bool:
    start = head.lstrip("\ufeff \t\r\n")
    if start[:7].lower() == "<script":
        return "ld+json" in start[:80].lower()
    return start[:1] in ("{", "[") and ("schema.org" in head or '"@context"' in head)


def check_output(document: Any, context: Context) -> list[Issue]:
    """newsschema's profile of what it writes, then the standard: schema.org's terms."""
    own = context.validators["jsonld"].issues(document, stage="output", format="jsonld")
    return own + check_vocabulary(document, "output")


FORMAT = Format(
    name="jsonld",
    extensions=(".jsonld",),
    syntax="json",
    description="schema.org NewsArticle in JSON-LD",
    sniff=sniff,
    reader=Reader(
        parse=parse, to_article=to_article, schema="jsonld-input", locate=locate, advise=advise
    ),
    writer=Writer(
        from_article=from_article,
        serialise=serialise,
        check=check_output,
        options=JsonldOptions,
    ),
)
