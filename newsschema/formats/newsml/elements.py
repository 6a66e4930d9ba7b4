"""Reading NewsML-G2 elements: paths in its namespace, and their text on one line.

Shared by the reader and the modules it asks (`classes`, `bundles`), so that every part
of an item is found and read the one way.
"""

from __future__ import annotations

import functools

from lxml import etree

from .building import NAR, single_line

__all__ = ["clean", "local", "q", "text_of"]


@functools.cache
def q(path: str) -> str:
    """``a/b`` in the NewsML-G2 namespace, for ElementPath (a few dozen paths, built once)."""
    return "/".join(f"{{{NAR}}}{step}" for step in path.split("/"))


def local(element: etree._Element) -> str:
    return etree.QName(element).localname


def clean(text: str | None) -> str | None:
    """Text on one line (`write.single_line`), trimmed; None when nothing is left."""
    cleaned = single_line(text).strip() if text else ""
    return cleaned or None


def text_of(element: etree._Element | None) -> str | None:
    """All the text of `element` on one line; None for no element or no text."""
    if element is None:
        return None
    if len(element) == 0:  # most metadata: one text, no children to walk
        return clean(element.text)
    return clean("".join(str(piece) for piece in element.itertext()))
