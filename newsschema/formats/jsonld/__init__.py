"""The ``jsonld`` format: schema.org NewsArticle out (strict), real-world JSON-LD in.

`write` holds the one shape newsschema emits; `read` takes what publishers publish.
"""

from __future__ import annotations

from ...jsontext import locate
from ..base import Format
from .read import advise, parse, to_article
from .write import from_article, serialise

__all__ = ["FORMAT"]


def sniff(head: str) -> bool:
    start = head.lstrip("\ufeff \t\r\n")
    if start[:7].lower() == "<script":
        return "ld+json" in start[:80].lower()
    return start[:1] in ("{", "[") and ("schema.org" in head or '"@context"' in head)


FORMAT = Format(
    name="jsonld",
    extensions=(".jsonld",),
    syntax="json",
    description="schema.org NewsArticle in JSON-LD",
    sniff=sniff,
    parse=parse,
    to_article=to_article,
    from_article=from_article,
    serialise=serialise,
    input_schema="jsonld-input",
    output_schema="jsonld",
    locate=locate,
    advise=advise,
    options=frozenset({"embed"}),
)
