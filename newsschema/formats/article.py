"""The ``article`` format: canonical JSON, one object per article, or JSON Lines for many.

It is the model written down, so its input and output schema is the canonical schema
itself. Reading takes a JSON object, a JSON array of objects, or JSON Lines; writing
gives an indented object for one article and JSON Lines for several.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..canonical import pointer
from ..errors import Issue
from ..jsontext import dumps, loads, locate, parse_issue
from ..limits import MAX_DOCUMENT_BYTES
from ..model import Article
from ..text import bounded_lines, lines
from .base import Context, Format, Parsed, Reader, Writer, canonical_article

__all__ = ["FORMAT"]

NAME = "article"


def parse(text: str, context: Context) -> Iterator[Parsed]:
    text = text.removeprefix("\ufeff")
    if context.path is not None and context.path.endswith(".jsonl"):
        yield from parse_lines(lines(text))
        return
    try:
        document = loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data" and "\n" not in text[: error.pos].strip():
            yield from parse_lines(lines(text))  # one value a line: JSON Lines
        elif error.msg == "Extra data":  # a document over many lines, then more text
            extra = json.JSONDecodeError("text after the end of the document", text, error.pos)
            yield Parsed(issues=[parse_issue(extra, NAME)])
        else:
            yield Parsed(issues=[parse_issue(error, NAME)])
        return
    except ValueError as error:
        yield Parsed(issues=[parse_issue(error, NAME)])
        return
    if isinstance(document, list):
        for index, item in enumerate(document):
            yield Parsed(document=item, base=pointer(index), source=text, record=index)
    else:
        yield Parsed(document=document, source=text)


def parse_lines(lines: Iterable[str]) -> Iterator[Parsed]:
    """JSON Lines, one record a line; `lines` may be an open file, read as it goes."""
    record = -1
    for number, bounded in enumerate(bounded_lines(lines, MAX_DOCUMENT_BYTES), start=1):
        if bounded is not None and not bounded.strip():
            continue  # a blank line is no record
        record += 1
        if bounded is None:
            message = f"the line is longer than {MAX_DOCUMENT_BYTES:,} characters, the most read"
            issue = Issue(stage="parse", format=NAME, path="", message=message, line=number)
            yield Parsed(issues=[issue], line=number, record=record)
            continue
        line = bounded.rstrip("\r\n")
        try:
            yield Parsed(document=loads(line), line=number, source=line, record=record)
        except ValueError as error:
            issue = parse_issue(error, NAME, line_offset=number - 1)
            yield Parsed(issues=[issue], line=number, record=record)


def from_article(article: Article, context: Context) -> Any:
    return context.converter.unstructure(article)


def serialise(documents: Sequence[Any], context: Context) -> str:
    if len(documents) == 1:
        return dumps(documents[0]) + "\n"
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents)


def sniff(head: str) -> bool:
    return head.lstrip("\ufeff \t\r\n")[:1] in ("{", "[") and '"date_published"' in head


FORMAT = Format(
    name=NAME,
    extensions=(".json", ".jsonl"),
    syntax="json",
    description="canonical article JSON (JSON Lines for many)",
    sniff=sniff,
    reader=Reader(
        parse=parse,
        to_article=canonical_article,
        schema="article",
        locate=locate,
        own_standard=True,  # its standard is newsschema's own schema
        parse_stream=lambda stream, context: parse_lines(stream),
        streams=(".jsonl",),
    ),
    writer=Writer(from_article=from_article, serialise=serialise, schema="article"),
    many_per_file=True,
)
