"""JSON text in and out of newsschema: strict loading, and positions for error reports.

`loads` is `json.loads` made safe for input from the world: it refuses NaN and Infinity
(not JSON), lone surrogates (JSON can escape one, no Unicode text can hold it) and
runaway nesting. `locate` answers "line and column?" for a JSON Pointer: parsing into
Python objects forgets positions, so the text is walked again, only along a failed
pointer, only when a check has failed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import orjson

from .canonical import pointer, tokens
from .errors import Issue
from .limits import MAX_NESTING

__all__ = ["MAX_DEPTH", "JSONInputError", "dumps", "loads", "locate", "parse_issue"]

MAX_DEPTH = MAX_NESTING
"""Levels of arrays and objects a JSON input may nest. No article needs a tenth of it; past
it, every recursive walk (the readers', a validator's) risks Python's recursion limit."""

_WHITESPACE = " \t\r\n"
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class JSONInputError(ValueError):
    """Valid JSON syntax that newsschema still refuses; `path` says where."""

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(message)
        self.path = path


def _refuse_constant(name: str) -> float:
    raise JSONInputError(f"{name} is not a JSON number")


_strict = json.JSONDecoder(parse_constant=_refuse_constant)
_plain = json.JSONDecoder()


def _lone_surrogates(value: Any, path: str = "") -> Iterator[str]:
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


def _deeper_than_allowed(document: Any) -> str | None:
    """The JSON Pointer of the first array or object past `MAX_DEPTH`, or None."""
    stack: list[tuple[Any, int, tuple[str | int, ...]]] = [(document, 1, ())]
    while stack:
        value, depth, path = stack.pop()
        if depth > MAX_DEPTH:
            return pointer(*path)
        if isinstance(value, dict):
            items: Any = value.items()
        elif isinstance(value, list):
            items = enumerate(value)
        else:
            continue
        for key, item in items:
            if isinstance(item, (dict, list)):
                stack.append((item, depth + 1, (*path, key)))
    return None


_LONG_NUMBER = re.compile(r"[0-9]{19}")
"""Digits enough for an integer past 64 bits, which orjson would read as a float (looked
for only when such a float is found: the search costs more than the parse)."""


def loads(text: str) -> Any:
    """The JSON value in `text`; json.JSONDecodeError or JSONInputError if it has none.

    orjson reads it when it can (five times faster, and it refuses what newsschema
    refuses: NaN, Infinity, lone surrogates); the standard library reads what orjson
    refuses, and says in its words what is wrong and where, and reads integers past 64
    bits exactly.
    """
    try:
        document = orjson.loads(text)
    except orjson.JSONDecodeError:
        pass
    else:
        if not _holds_huge_float(document) or not _LONG_NUMBER.search(text):
            _check_depth(text, document)
            return document
    too_deep = f"nested deeper than {MAX_DEPTH} levels of arrays and objects"
    try:
        document = _strict.decode(text)
    except RecursionError:
        raise JSONInputError(too_deep) from None
    _check_depth(text, document)
    if _SURROGATE_ESCAPE.search(text):
        for path in _lone_surrogates(document):
            raise JSONInputError("holds a lone surrogate, which is not Unicode text", path)
    return document


def _holds_huge_float(document: Any) -> bool:
    """Whether a float past 64-bit integers stands anywhere in `document`: orjson reads an
    integer literal that long as a float (the standard library reads it exactly). Only
    containers go on the stack, and exact types are compared: orjson makes no subclasses."""
    kind = type(document)
    if kind is not dict and kind is not list:
        return kind is float and abs(document) >= _HUGE
    stack = [document]
    while stack:
        value = stack.pop()
        for item in value.values() if type(value) is dict else value:
            kind = type(item)
            if kind is dict or kind is list:
                stack.append(item)
            elif kind is float and abs(item) >= _HUGE:
                return True
    return False


_HUGE = float(2**63)


def _check_depth(text: str, document: Any) -> None:
    if text.count("[") + text.count("{") > MAX_DEPTH:  # fewer brackets cannot nest deeper
        where = _deeper_than_allowed(document)
        if where is not None:
            too_deep = f"nested deeper than {MAX_DEPTH} levels of arrays and objects"
            raise JSONInputError(too_deep, where)


def dumps(value: Any) -> str:
    """`value` as indented JSON with text unescaped, from orjson's compiled encoder.

    The text is ``json.dumps(value, ensure_ascii=False, indent=2)``'s, byte for byte,
    except a float's exponent, which may drop a leading zero (``1e-7`` for ``1e-07``):
    the same number. An indent makes the standard library fall back to its pure-Python
    encoder, the largest single cost of writing a JSON format. What orjson refuses
    (integers beyond 64 bits, lone surrogates) goes to the standard library.
    """
    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8")
    except (TypeError, orjson.JSONEncodeError):
        return json.dumps(value, ensure_ascii=False, indent=2)


def parse_issue(error: ValueError, format: str, line_offset: int = 0) -> Issue:
    """A parse-stage `Issue` for what `loads` raised."""
    if isinstance(error, json.JSONDecodeError):
        return Issue(
            stage="parse",
            format=format,
            path="",
            message=f"not valid JSON: {error.msg}",
            line=error.lineno + line_offset,
            column=error.colno,
        )
    path = error.path if isinstance(error, JSONInputError) else ""
    message = f"not valid JSON: {error}"
    return Issue(stage="parse", format=format, path=path, message=message, pointer=tokens(path))


def _skip(text: str, position: int) -> int:
    while position < len(text) and text[position] in _WHITESPACE:
        position += 1
    return position


def _tokens(path: str) -> list[str]:
    if not path:
        return []
    return [t.replace("~1", "/").replace("~0", "~") for t in path[1:].split("/")]


def _child(text: str, position: int, token: str) -> int | None:
    """The start of the member `token` of the object or array starting at `position`."""
    opening = text[position]
    if opening not in "{[":
        return None
    closing = "}" if opening == "{" else "]"
    position = _skip(text, position + 1)
    index = 0
    while position < len(text) and text[position] != closing:
        if opening == "{":
            key, position = _plain.raw_decode(text, position)
            position = _skip(text, _skip(text, position) + 1)  # past the colon
            found = key == token
        else:
            found = token.isdigit() and int(token) == index
        if found:
            return position
        _, position = _plain.raw_decode(text, position)
        position = _skip(text, position)
        if position < len(text) and text[position] == ",":
            position = _skip(text, position + 1)
        index += 1
    return None


def locate(text: str, path: str) -> tuple[int, int] | None:
    """1-based (line, column) of what the JSON Pointer `path` names, or of its nearest parent.

    A pointer to a missing member (a required key that is absent) gives its parent's
    position. None when `text` is not JSON that the pointer can walk.
    """
    try:
        position = _skip(text, 0)
        for token in _tokens(path):
            child = _child(text, position, token)
            if child is None:
                break
            position = child
    except (ValueError, IndexError, RecursionError):
        return None
    if position >= len(text):
        return None
    line = text.count("\n", 0, position) + 1
    return line, position - (text.rfind("\n", 0, position) + 1) + 1
