"""Where a JSON Pointer points in JSON text, as a line and column.

Parsing JSON into Python objects forgets positions; the user wants "line 12, column 5".
Rather than parse every document with a slower position-keeping parser, the text is
walked again only when a check has failed, and only along the pointer's path.
"""

from __future__ import annotations

import json

__all__ = ["locate"]

_WHITESPACE = " \t\r\n"
_decoder = json.JSONDecoder()


def _skip(text: str, position: int) -> int:
    while position < len(text) and text[position] in _WHITESPACE:
        position += 1
    return position


def _tokens(pointer: str) -> list[str]:
    if not pointer:
        return []
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer[1:].split("/")]


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
            key, position = _decoder.raw_decode(text, position)
            position = _skip(text, _skip(text, position) + 1)  # past the colon
            found = key == token
        else:
            found = token.isdigit() and int(token) == index
        if found:
            return position
        _, position = _decoder.raw_decode(text, position)
        position = _skip(text, position)
        if position < len(text) and text[position] == ",":
            position = _skip(text, position + 1)
        index += 1
    return None


def locate(text: str, pointer: str) -> tuple[int, int] | None:
    """1-based (line, column) of what `pointer` names in `text`, or of its nearest parent.

    A pointer to a missing member (a required key that is absent) gives its parent's
    position. None when `text` is not JSON that the pointer can walk.
    """
    try:
        position = _skip(text, 0)
        for token in _tokens(pointer):
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
