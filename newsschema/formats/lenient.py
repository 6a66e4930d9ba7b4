"""The JSON that web pages carry in ``<script type="application/ld+json">``, mended.

Browsers never parse it, so nothing tells publishers it is broken, and much of it is:
trailing commas, ``//`` and ``/* */`` comments, raw new lines and tabs inside strings,
single-quoted strings, the whole script wrapped in ``<!-- -->`` or ``<![CDATA[ ]]>``.
One pass over the text mends these and nothing else; what is still not JSON after it is
reported, not guessed. The ``jsonld`` and ``html`` readers both read through it, so a
block reads the same in a page and in a file of its own.
"""

from __future__ import annotations

import re

__all__ = ["mend"]

# [ \t], not \s: with MULTILINE, \s* would run across every blank line from every line start.
_WRAPPERS = re.compile(
    r"^[ \t]*(?://[ \t]*)?(?:<!--|<!\[CDATA\[)|(?://[ \t]*)?(?:-->|\]\]>)[ \t]*$", re.MULTILINE
)
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def mend(text: str) -> str:
    """`text` with comments, trailing commas and raw control characters in strings fixed."""
    text = _WRAPPERS.sub("", text.strip())
    out: list[str] = []
    pending_comma = False  # a comma is held back until we see what follows it
    position, end = 0, len(text)
    while position < end:
        char = text[position]
        if char in "\"'":
            if pending_comma:
                out.append(",")
                pending_comma = False
            position = _string(text, position, out)
            continue
        if text.startswith("//", position):
            newline = text.find("\n", position)
            position = end if newline < 0 else newline
            continue
        if text.startswith("/*", position):
            close = text.find("*/", position + 2)
            position = end if close < 0 else close + 2
            continue
        if char == ",":
            if pending_comma:
                out.append(",")
            pending_comma = True
        elif char in "}]":
            pending_comma = False  # the comma before a closing bracket is dropped
            out.append(char)
        elif char.isspace():
            out.append(char)
        else:
            if pending_comma:
                out.append(",")
                pending_comma = False
            out.append(char)
        position += 1
    if pending_comma:
        out.append(",")
    return "".join(out)


def _string(text: str, start: int, out: list[str]) -> int:
    """Copy the string starting at `start` with raw control characters escaped, as a
    double-quoted string whichever quote it opened with; its end."""
    quote = text[start]
    position = start + 1
    out.append('"')
    while position < len(text):
        char = text[position]
        if char == "\\" and position + 1 < len(text):
            escaped = text[position + 1]
            out.append("'" if quote == "'" and escaped == "'" else text[position : position + 2])
            position += 2
            continue
        if char == quote:
            out.append('"')
            return position + 1
        if char == '"':  # inside a single-quoted string
            out.append('\\"')
            position += 1
            continue
        if char < " ":
            out.append(_ESCAPES.get(char, f"\\u{ord(char):04x}"))
        else:
            out.append(char)
        position += 1
    return position
