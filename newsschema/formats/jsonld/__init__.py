"""The ``jsonld`` format: schema.org NewsArticle out (strict), real-world JSON-LD in.

`write` holds the one shape newsschema emits; `read` takes what publishers publish.

Input is judged against schema.org's vocabulary (`vocabulary.py`, the standard level)
and for what an article needs. Output is checked against newsschema's profile
(``schemas/jsonld.schema.json``), which is closed — no property or type outside its
lists — and whose every property and type a test proves to be a schema.org term of the
kind the vocabulary expects: a document the profile passes passes the vocabulary, so the
walk over the vocabulary (40 % of the time of writing JSON-LD) is not repeated per
document.
"""

from __future__ import annotations

from ...jsontext import locate
from ..base import Format, Reader, Writer
from .read import advise, parse, to_article
from .write import JsonldOptions, from_article, serialise

__all__ = ["FORMAT", "JsonldOptions"]


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
    reader=Reader(
        parse=parse, to_article=to_article, schema="jsonld-input", locate=locate, advise=advise
    ),
    writer=Writer(
        from_article=from_article,
        serialise=serialise,
        schema="jsonld",  # closed, and every term it allows is schema.org's (see above)
        options=JsonldOptions,
    ),
)
