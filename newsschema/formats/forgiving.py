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

__all__ = ["PARAGRAPH_BREAK", "compact", "split_paragraphs", "stripped", "unique"]

PARAGRAPH_BREAK = re.compile(r"\n[ \t\u3000]*\n")
"""A blank line between two paragraphs."""


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs at blank lines, trimmed; a blank paragraph is no paragraph."""
    return [p.strip() for p in PARAGRAPH_BREAK.split(text) if p.strip()]


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
