"""Building NewsML-G2: its namespaces, elements in them, parties and times as the
specification writes them. Shared by the text item (`write`) and the picture items and
package that travel with it (`pictures`).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any

from lxml import etree

from ...model import Agent
from ...times import Moment, format_time

__all__ = [
    "CATALOG",
    "NAR",
    "XHTML",
    "XHTML_DEFAULT",
    "XML_LANG",
    "element",
    "party",
    "single_line",
    "time_text",
]

NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"
_NAR_DEFAULT: Any = {None: NAR}  # default namespaces (lxml's stubs only type prefixed ones)
XHTML_DEFAULT: Any = {None: XHTML}


_BROKEN = re.compile(r"[\t\n\r]")
_WHITE_RUN = re.compile(r"\s+")


def _one_line(run: re.Match[str]) -> str:
    white = run[0]
    return " " if "\n" in white or "\r" in white else white.replace("\t", " ")


def single_line(text: str) -> str:
    """Metadata text as NewsML-G2 holds it: on one line, breaks and tabs made spaces.

    A line break and the white space around it become one space; a tab, one space. The
    specification's strings allow no tab, CR or LF; a reader may not tell a line break
    from the indentation of pretty-printing, so both sides use this one rule.
    """
    if not _BROKEN.search(text):
        return text  # most text: one scan, nothing to do
    return _WHITE_RUN.sub(_one_line, text)  # each run of white space looked at once


def element(
    parent: etree._Element | None, local: str, text: str | None = None, **attributes: str
) -> etree._Element:
    """``local`` in NewsML-G2's namespace (the default one at a root), under `parent`,
    with `text` on one line and the attributes in the order given."""
    name = f"{{{NAR}}}{local}"
    if parent is None:
        made = etree.Element(name, nsmap=_NAR_DEFAULT)
    else:
        made = etree.SubElement(parent, name)
    for key, value in attributes.items():
        made.set(key, value)
    if text is not None:
        made.text = single_line(text)
    return made


def party(parent: etree._Element, tag: str, agent: Agent, role: str | None = None) -> None:
    """A person or organisation as a ``provider``, ``creator``…: its type, URI and name."""
    attributes = {"role": role} if role else {}
    attributes["type"] = "cpnat:organisation" if agent.type == "Organization" else "cpnat:person"
    if agent.url:
        attributes["uri"] = agent.url
    element(element(parent, tag, **attributes), "name", agent.name)


_MAX_OFFSET = timedelta(hours=14)


def time_text(value: Moment) -> str:
    """RFC 3339 with the offset, or a day; XML Schema allows offsets up to ±14:00, so a
    larger one (RFC 3339 allows ±23:59, no place on Earth uses one) is written as the
    same instant in UTC."""
    if not isinstance(value, datetime):
        return format_time(value)
    offset = value.utcoffset()
    if offset is not None and abs(offset) > _MAX_OFFSET:
        value = value.astimezone(timezone.utc)
    return format_time(value)
