"""The forgiving helpers every reader and writer shares, defined once.

Real documents carry blank strings, repeated keywords and paragraphs separated by lines
of white space; each format used to trim and split them its own way, so one article read
from JSON-LD and from ninjs could differ by a paragraph. One definition here: a paragraph
break is a line holding nothing but spaces, tabs or ideographic spaces (U+3000, which
Chinese text indents paragraphs with).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = [
    "PARAGRAPH_BREAK",
    "compact",
    "markup_paragraphs",
    "split_paragraphs",
    "stripped",
    "unique",
]

PARAGRAPH_BREAK = re.compile(r"\n[ \t\u3000]*\n")
"""A blank line between two paragraphs."""


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs at blank lines, trimmed; a blank paragraph is no paragraph."""
    return [p.strip() for p in PARAGRAPH_BREAK.split(text) if p.strip()]


_HTML_SPACE = re.compile(r"[ \t\r\n\f]+")
_LINE_BREAKS = re.compile(r" ?\u2028 ?")
_BREAK = "\u2028"
"""Where a ``<br>`` stood, while the white space of the source is folded."""


def markup_paragraphs(root: Any) -> list[str]:
    """The paragraphs of HTML that marks none (text, links, ``<br>``s): white space in
    the source is one space, as a browser shows it, and two ``<br>`` in a row end a
    paragraph. `root` is an lxml element holding the markup (it is changed)."""
    for line_break in root.iter("br"):
        line_break.tail = _BREAK + (line_break.tail or "")
    text = _LINE_BREAKS.sub(_BREAK, _HTML_SPACE.sub(" ", root.text_content()))
    blocks = re.split(f"{_BREAK}{{2,}}", text)
    return [p for p in (b.replace(_BREAK, " ").strip() for b in blocks) if p]


def compact(node: dict[str, Any]) -> dict[str, Any]:
    """`node` without the properties that say nothing: None, an empty list or object."""
    return {key: value for key, value in node.items() if value not in (None, [], {})}


def stripped(value: Any) -> str | None:
    """A string's text without surrounding white space; None for blank text or a value
    that is not a string (a number or an object where text belongs)."""
    if isinstance(value, str):
        return value.strip() or None
    return None


def unique(texts: Iterable[str | None]) -> list[str]:
    """Each text once, trimmed, in the order first seen; blank ones dropped."""
    return list(dict.fromkeys(t.strip() for t in texts if t and t.strip()))
