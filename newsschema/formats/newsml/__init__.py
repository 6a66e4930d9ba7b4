"""The ``newsml`` format: IPTC NewsML-G2 text newsItems, 2.35, out and in.

Input is checked against IPTC's NewsML-G2 2.35 XSD (the standard, `standard.py`) and
for what an article needs (`read.py`). The output is checked against newsschema's own
profile of what it writes (``schemas/newsml-item.xsd``, written from the specification)
and against IPTC's XSD — the shipped 2.35, or the one the user names with ``--xsd PATH``
or ``NEWSSCHEMA_NEWSML_XSD`` to check against another version.
"""

from __future__ import annotations

import os
from pathlib import Path

from lxml import etree

from ...errors import Issue, UsageError
from ...schemas import schema_dir
from ...xmlparse import decode_xml
from ..base import Context, Format, Reader, Writer, options_of
from .options import NewsmlOptions
from .read import check_input, parse, to_article
from .standard import conformance, iptc_schema, xml_schema
from .write import from_article, serialise

__all__ = ["FORMAT", "NewsmlOptions", "xml_schema"]

XSD_VARIABLE = "NEWSSCHEMA_NEWSML_XSD"


def _schema_issues(schema: etree.XMLSchema, element: etree._Element, source: str) -> list[Issue]:
    return [issue for _, issue in conformance(element, schema, stage="output", source=source)]


def user_schema(named: str, where: str) -> etree.XMLSchema:
    """The XSD a user named (`where` says how: ``--xsd``, the environment), or a
    `UsageError` saying why it cannot be one — the whole run depends on it."""
    path = Path(named)
    if not path.is_file():
        raise UsageError(f"{where} names {named}: there is no such file")
    try:
        return xml_schema(str(path.resolve()))
    except (etree.XMLSyntaxError, etree.XMLSchemaParseError) as error:
        raise UsageError(f"{where} names {named}, which is not an XML Schema: {error}") from None
    except OSError as error:
        raise UsageError(f"{where} names {named}, which cannot be read: {error}") from None


def check_output(element: etree._Element, context: Context) -> list[Issue]:
    """newsschema's profile, then the standard: IPTC's 2.35 XSD, or the one named."""
    issues = _schema_issues(
        xml_schema(str(schema_dir() / "newsml-item.xsd")), element, "newsschema's NewsML-G2 profile"
    )
    named = options_of(context, NewsmlOptions).xsd
    where = "--xsd"
    if not named and os.environ.get(XSD_VARIABLE):
        named, where = os.environ[XSD_VARIABLE], XSD_VARIABLE
    if named:
        return issues + _schema_issues(user_schema(str(named), where), element, f"IPTC XSD {named}")
    return issues + _schema_issues(iptc_schema(), element, "IPTC's NewsML-G2 2.35 XSD")


def sniff(head: str) -> bool:
    return head.lstrip("\ufeff \t\r\n")[:1] == "<" and "iptc.org/std/nar/" in head


FORMAT = Format(
    name="newsml",
    extensions=(".xml",),
    syntax="xml",
    description="IPTC NewsML-G2 newsItem (text), 2.35",
    sniff=sniff,
    reader=Reader(parse=parse, to_article=to_article, check=check_input, decode=decode_xml),
    writer=Writer(
        from_article=from_article,
        serialise=serialise,
        check=check_output,
        options=NewsmlOptions,
    ),
    many_per_file=True,
)
