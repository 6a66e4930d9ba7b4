"""The ``article`` format: canonical JSON, one object per article, or JSON Lines for many.

It is the model written down, so its input and output schema is the canonical schema
itself. Reading takes a JSON object, a JSON array of objects, or JSON Lines; writing
gives an indented object for one article and JSON Lines for several.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from typing import Any

from ..canonical import pointer
from ..errors import Issue
from ..jsonpos import locate
from ..model import Article
from .base import Context, Format, Parsed

__all__ = ["FORMAT"]

NAME = "article"


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


_decoder = json.JSONDecoder(parse_constant=_refuse_constant)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _lone_surrogates(value: Any, path: str = "") -> Iterator[str]:
    """Pointers to strings holding a lone surrogate: JSON can escape one, Unicode cannot hold it."""
    if isinstance(value, str):
        if not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                yield path
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _lone_surrogates(item, path + pointer(index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _lone_surrogates(key, path)
            yield from _lone_surrogates(item, path + pointer(key))


def _decode(text: str) -> Any:
    """`json.loads`, refusing NaN and Infinity, lone surrogates and runaway nesting."""
    try:
        document = _decoder.decode(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    if _SURROGATE_ESCAPE.search(text):
        for path in _lone_surrogates(document):
            raise _LoneSurrogateError(path)
    return document


class _LoneSurrogateError(ValueError):
    def __init__(self, path: str) -> None:
        super().__init__("holds a lone surrogate, which is not Unicode text")
        self.path = path


def _parse_error(error: ValueError, line_offset: int = 0) -> Issue:
    if isinstance(error, json.JSONDecodeError):
        return Issue(
            stage="parse",
            format=NAME,
            path="",
            message=f"not valid JSON: {error.msg}",
            line=error.lineno + line_offset,
            column=error.colno,
        )
    path = error.path if isinstance(error, _LoneSurrogateError) else ""
    return Issue(stage="parse", format=NAME, path=path, message=f"not valid JSON: {error}")


def parse(text: str, context: Context) -> Iterator[Parsed]:
    text = text.removeprefix("\ufeff")
    if context.path is not None and context.path.endswith(".jsonl"):
        yield from _parse_lines(text)
        return
    try:
        document = _decode(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data":
            yield from _parse_lines(text)
        else:
            yield Parsed(issues=[_parse_error(error)])
        return
    except ValueError as error:
        yield Parsed(issues=[_parse_error(error)])
        return
    if isinstance(document, list):
        for index, item in enumerate(document):
            yield Parsed(document=item, base=pointer(index), source=text)
    else:
        yield Parsed(document=document, source=text)


def _parse_lines(text: str) -> Iterator[Parsed]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield Parsed(document=_decode(line), line=number, source=line)
        except ValueError as error:
            yield Parsed(issues=[_parse_error(error, line_offset=number - 1)], line=number)


def to_article(document: Any, context: Context) -> Article:
    article: Article = context.converter.structure(document, Article)
    return article


def from_article(article: Article, context: Context) -> Any:
    return context.converter.unstructure(article)


def serialise(documents: Sequence[Any], context: Context) -> str:
    if len(documents) == 1:
        return json.dumps(documents[0], ensure_ascii=False, indent=2) + "\n"
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents)


def sniff(head: str) -> bool:
    return head.lstrip("\ufeff \t\r\n")[:1] in ("{", "[") and '"date_published"' in head


FORMAT = Format(
    name=NAME,
    extensions=(".json", ".jsonl"),
    description="canonical article JSON (JSON Lines for many)",
    sniff=sniff,
    parse=parse,
    to_article=to_article,
    from_article=from_article,
    serialise=serialise,
    input_schema="article",
    output_schema="article",
    locate=locate,
)
