"""The page's main text as trafilatura finds it: the paragraphs a reader reads as the story.

trafilatura (Apache-2.0) scores a page's blocks by their text, links and markup and keeps
the story's paragraphs, subheadings, quotes and list items; on the corpus of real pages it
finds the story where newsschema's own densest-block rule takes a sidebar (bench/README.md).
Its answer is a list of paragraph texts; the lines that are not story (by-lines, time and
credit lines) are still taken out by the page reader's own rules (`visible`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml import html as lxml_html

__all__ = ["MOST_ELEMENTS", "main_paragraphs"]

_PARAGRAPHS = frozenset(("p", "head", "quote", "item", "cell"))
"""What trafilatura's output calls a paragraph, a subheading, a quotation, a list item."""


MOST_ELEMENTS = 20_000
"""Elements past which a page is not given to trafilatura: its extraction costs about 0.35 s
per 1,000 paragraphs, and the largest real page of the corpus has 3,300 elements."""


def main_paragraphs(root: lxml_html.HtmlElement, shown: str) -> list[str]:
    """The story's paragraphs, each on one line; none when trafilatura finds no story.

    `shown` is the page's text as a browser lays it out, a line per block. A paragraph
    that is no block's text is left out: trafilatura's last resort on a page too short for
    its rules is the whole of the page's text as one paragraph, menus and credits included.
    """
    if sum(1 for _ in root.iter()) > MOST_ELEMENTS:
        return []  # the page reader's own rule, linear and cheap, reads it
    from trafilatura import bare_extraction  # imported on the first page read: 0.3 s

    found = bare_extraction(
        root,  # which trafilatura copies before pruning it
        fast=False,  # checked against readability's and jusText's: fewer teasers kept
        include_comments=False,
        include_tables=False,
        with_metadata=False,
    )
    body: Any = getattr(found, "body", None)
    if body is None:
        return []
    texts = (text for element in body.iter(*_PARAGRAPHS) for text in _broken(element))
    return [text for text in texts if text in shown]


def _broken(paragraph: Any) -> Iterator[str]:
    """The paragraph's lines: a line break (trafilatura's ``<lb/>``, the page's ``<br>``)
    ends one, as the page reader's own lines do."""
    line: list[str] = [paragraph.text or ""]
    for child in paragraph:
        if child.tag == "lb":
            yield from _one_line(line)
            line = []
        elif isinstance(child.tag, str) and child.tag not in _PARAGRAPHS:
            line.append("".join(child.itertext()))  # a nested paragraph gives its own lines
        line.append(child.tail or "")
    yield from _one_line(line)


def _one_line(parts: list[str]) -> Iterator[str]:
    text = " ".join("".join(parts).split())
    if text:
        yield text
