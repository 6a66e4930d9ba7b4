"""The ``page`` format (read only): a news web page saved as text, like the seed.

Chinese portals print the same layout: breadcrumb, headline, a line with the time and
the source (来源), the body, a by-line in parentheses, a line with keywords and editor,
then related links and the site footer. The reader finds those parts by their labels,
not by line numbers, so that the variations real pages show (full-width punctuation,
odd spaces, role labels, CRLF, legacy encodings) all read alike. What it finds becomes a
native document checked against ``schemas/page.schema.json`` before it is mapped.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from ..errors import Issue
from ..language import guess_language
from ..model import Agent, Article, Rights, derive_id
from ..portal import (
    BEIJING,
    BRACKETS,
    CRUMB_SEPARATOR,
    END_OF_BODY,
    LABEL,
    TIME,
    Credits,
    fold,
    labelled_values,
    naive_time,
    section_of_crumbs,
)
from ..text import lines
from .base import Context, Format, Parsed, Reader

__all__ = ["FORMAT", "extract"]

NAME = "page"
_HEAD_LINES = 20  # the time line is near the top; a date deep in the body is not it


def _lines(text: str) -> list[tuple[int, str]]:
    """Non-empty lines, trimmed of every kind of space, with their 1-based numbers."""
    numbered = enumerate(lines(text.removeprefix("\ufeff")), start=1)
    return [(number, line.strip()) for number, line in numbered if line.strip()]


def extract(text: str) -> tuple[dict[str, Any], list[Issue]]:
    """The native page document, or the issues saying why this is not a news page."""
    lines = _lines(text)
    if not lines:
        return {}, [_issue("the page is empty")]
    at = _time_line_at(lines)
    if at is None:
        return {}, [_issue("found no line with the publication time (like 2022-04-22 14:36:26)")]
    time_number, time_line = lines[at]
    match = TIME.search(time_line)
    assert match is not None
    published = naive_time(match)
    if published is None:
        return {}, [_issue(f"{match[0]!r} is not a real date and time", line=time_number)]
    document = _head([line for _, line in lines[:at]])
    if document is None:
        return {}, [_issue("found no headline above the time line", line=time_number)]
    credits = Credits()
    labelled = labelled_values(time_line[match.end() :])
    body = _body_and_credits([line for _, line in lines[at + 1 :]], labelled, credits)
    authors, editors = credits.split()
    document.update({k: v for k, v in (("authors", authors), ("editors", editors)) if v})
    document.update(credits.found, published=published, body=body)
    document["language"] = guess_language(" ".join([document["headline"], *body]))
    return document, []


def _time_line_at(lines: list[tuple[int, str]]) -> int | None:
    """Where the publication time is printed: a short line near the top with a time."""
    head = enumerate(lines[:_HEAD_LINES])
    return next((i for i, (_, line) in head if TIME.search(line) and len(line) < 160), None)


def _head(before: list[str]) -> dict[str, Any] | None:
    """Headline and section from the lines above the time: the headline is the last of
    them, below the bread crumbs when there are some."""
    crumbs_at = next((i for i, line in enumerate(before) if CRUMB_SEPARATOR.search(line)), None)
    candidates = before[crumbs_at + 1 :] if crumbs_at is not None else before
    if not candidates:
        return None
    section = section_of_crumbs(before[crumbs_at]) if crumbs_at is not None else None
    return {"headline": candidates[-1], **({"section": section} if section else {})}


def _body_and_credits(
    after: list[str], labelled: list[tuple[str, str, str]], credits: Credits
) -> list[str]:
    """The story's paragraphs from the lines below the time; the closing by-line, the
    labelled lines (after the time line's own, `labelled`) and whatever follows the end of
    the story go to `credits`, in that order: the order people are credited in."""
    body: list[str] = []
    tail: list[str] = []
    for line in after:
        if tail or END_OF_BODY.search(fold(line)):
            tail.append(line)
        elif LABEL.match(fold(line.lstrip(BRACKETS))):
            labelled.extend(labelled_values(line.lstrip(BRACKETS)))
        else:
            body.append(line)
    credits.byline(body)
    credits.opening(body)  # as the html reader: a dateline's reporters, a credit line alone
    credits.labelled(labelled)
    for line in tail:
        credits.tail(line)
    return body


def _issue(message: str, line: int | None = None) -> Issue:
    return Issue(
        stage="parse", format=NAME, path="", message=f"not a news page: {message}", line=line
    )


def parse(text: str, context: Context) -> Iterator[Parsed]:
    document, issues = extract(text)
    yield Parsed(document=document, issues=issues)


def to_article(document: dict[str, Any], context: Context) -> Article:
    zone = context.timezone or BEIJING
    naive = datetime.fromisoformat(document["published"])
    published = naive.replace(tzinfo=zone)
    holder = document.get("copyright_holder")
    publisher = Agent(name=holder, type="Organization") if holder else None
    source = document.get("source")
    rights = None
    if holder or document.get("copyright_notice"):
        rights = Rights(holder=holder, notice=document.get("copyright_notice"))
    return Article(
        id=derive_id(holder or source, published, document["headline"]),
        headline=document["headline"],
        body=document["body"],
        language=document["language"],
        date_published=published,
        authors=tuple(Agent(**person) for person in document.get("authors", ())),
        editors=tuple(Agent(**person) for person in document.get("editors", ())),
        publisher=publisher,
        source=Agent(name=source, type="Organization") if source else None,
        section=document.get("section"),
        keywords=document.get("keywords", ()),
        rights=rights,
    )


def sniff(head: str) -> bool:
    start = head.lstrip("\ufeff \t\r\n")[:1]
    if start in ("{", "[", "<"):
        return False
    return any(TIME.search(line) for line in lines(head)[: _HEAD_LINES * 2])


FORMAT = Format(
    name=NAME,
    extensions=(".txt",),
    description="a news web page saved as text (read only)",
    sniff=sniff,
    reader=Reader(parse=parse, to_article=to_article, schema="page", legacy_encodings=True),
)
