"""Article → NewsML-G2 newsItem (text), standardversion 2.35, in the order the XSD demands.

Every time carries its offset, even where NewsML-G2 would accept a time without one. A
day stays a day in ``contentCreated`` and ``contentModified``; ``firstCreated`` and
``versionCreated`` need an instant, so a day there takes the user's ``time_of_day`` or is
refused (`times.days`). The
body is XHTML in ``inlineXML`` with ``wordcount`` and ``charcount``. Several articles
travel in a ``newsMessage``. Output is checked against ``schemas/newsml-item.xsd``
(newsschema's own profile) and, when the user names it, IPTC's full XSD.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from lxml import etree

from ...errors import DataError
from ...language import word_count
from ...limits import MAX_XML_TEXT_BYTES
from ...model import Agent, Article
from ...times import Moment, format_time
from ...times.days import instant_of
from ...xmlparse import NOT_XML_TEXT
from ..base import Context, options_of
from .options import NewsmlOptions

__all__ = ["NAR", "XHTML", "from_article", "serialise", "single_line"]

NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"
_NAR_DEFAULT: Any = {None: NAR}  # default namespaces (lxml's stubs only type prefixed ones)
_XHTML_DEFAULT: Any = {None: XHTML}


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


def _e(
    parent: etree._Element | None, local: str, text: str | None = None, **attributes: str
) -> etree._Element:
    name = f"{{{NAR}}}{local}"
    if parent is None:
        element = etree.Element(name, nsmap=_NAR_DEFAULT)
    else:
        element = etree.SubElement(parent, name)
    for key, value in attributes.items():
        element.set(key, value)
    if text is not None:
        element.text = single_line(text)
    return element


def _party(parent: etree._Element, tag: str, agent: Agent, role: str | None = None) -> None:
    attributes = {"role": role} if role else {}
    attributes["type"] = "cpnat:organisation" if agent.type == "Organization" else "cpnat:person"
    if agent.url:
        attributes["uri"] = agent.url
    _e(_e(parent, tag, **attributes), "name", agent.name)


_MAX_OFFSET = timedelta(hours=14)


def _time(value: Moment) -> str:
    """RFC 3339 with the offset, or a day; XML Schema allows offsets up to ±14:00, so a
    larger one (RFC 3339 allows ±23:59, no place on Earth uses one) is written as the
    same instant in UTC."""
    if not isinstance(value, datetime):
        return format_time(value)
    offset = value.utcoffset()
    if offset is not None and abs(offset) > _MAX_OFFSET:
        value = value.astimezone(timezone.utc)
    return format_time(value)


def _instant(value: Moment, field: str, element: str, context: Context) -> datetime:
    """An instant for an element that needs one: a day only at the user's time of day."""
    return instant_of(
        value,
        field=field,
        needs=f"NewsML-G2's {element}",
        time_of_day=options_of(context, NewsmlOptions).time_of_day,
        zone=context.timezone,
    )


def _strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}/{index}")


def from_article(article: Article, context: Context) -> etree._Element:
    """The newsItem; ValueError naming the field when text holds what XML cannot carry."""
    try:
        return _item(article, context)
    except ValueError:
        for path, text in _strings(context.converter.unstructure(article)):
            found = NOT_XML_TEXT.search(text)
            if found:
                character = f"U+{ord(found[0]):04X}"
                raise DataError(f"{path}: holds {character}, which XML 1.0 cannot carry") from None
        raise


def _item(article: Article, context: Context) -> etree._Element:
    """The newsItem: its parts in the order the XSD demands."""
    item = _e(
        None,
        "newsItem",
        guid=article.id,
        version=str(article.version),
        standard="NewsML-G2",
        standardversion="2.35",
        conformance="power",
    )
    item.set(XML_LANG, article.language)
    _e(item, "catalogRef", href=CATALOG)
    _rights_info(item, article)
    _item_meta(_e(item, "itemMeta"), article, context)
    content = _e(item, "contentMeta")
    _administrative(content, article)
    _descriptive(content, article)
    _content_set(_e(item, "contentSet"), article)
    _check_text_runs(item)
    return item


_LINE_BREAKS = re.compile(r"[\r\n]+")


def _lines(text: str | None) -> list[str]:
    """A note's lines, each one ``edNote``: agencies send several notes, one per element."""
    return [line for line in _LINE_BREAKS.split(text or "") if line.strip()]


def _rights_info(item: etree._Element, article: Article) -> None:
    rights = article.rights
    if rights and (rights.holder or rights.notice or rights.license):
        info = _e(item, "rightsInfo")
        if rights.holder:
            _e(_e(info, "copyrightHolder"), "name", rights.holder)
        if rights.notice:
            _e(info, "copyrightNotice", rights.notice)
        if rights.license:
            _e(info, "usageTerms", rights.license)


def _item_meta(meta: etree._Element, article: Article, context: Context) -> None:
    _e(meta, "itemClass", qcode="ninat:text")
    provider = article.publisher or Agent(name="newsschema", type="Organization")
    _party(meta, "provider", provider)
    first = _instant(article.date_published, "date_published", "firstCreated", context)
    version = first
    if article.date_modified is not None:
        version = _instant(article.date_modified, "date_modified", "versionCreated", context)
    _e(meta, "versionCreated", _time(version))
    _e(meta, "firstCreated", _time(first))
    if article.embargoed:
        _e(meta, "embargoed", _time(article.embargoed))
    _e(meta, "pubStatus", qcode="stat:usable")
    for note in _lines(article.editorial_note):
        _e(meta, "edNote", note)
    if article.section:
        _e(_e(meta, "memberOf"), "name", article.section)
    if article.url:
        _e(meta, "link", rel="irel:canonical", href=article.url)


def _administrative(content: etree._Element, article: Article) -> None:
    """contentMeta's administrative part: urgency, times, place, source and people."""
    if article.urgency is not None:
        _e(content, "urgency", str(article.urgency))
    if article.date_created:
        _e(content, "contentCreated", _time(article.date_created))
    if article.date_modified:
        _e(content, "contentModified", _time(article.date_modified))
    place = article.location
    if place and (place.name or place.country):
        located = _e(content, "located")
        if place.name:
            _e(located, "name", place.name)
        if place.country:
            _e(located, "broader", type="cptype:country", qcode=f"iso3166-1a2:{place.country}")
    if article.source:
        _party(content, "infoSource", article.source)
    for author in article.authors:
        _party(content, "creator", author, "cpprole:author")
    for editor in article.editors:
        _party(content, "contributor", editor, "cpprole:editor")


def _descriptive(content: etree._Element, article: Article) -> None:
    """contentMeta's descriptive part: language, genre, keywords, subjects, headlines."""
    _e(content, "language", tag=article.language)
    if article.genre:
        _e(_e(content, "genre"), "name", article.genre)
    for keyword in article.keywords:
        _e(content, "keyword", keyword)
    for subject in article.subjects:
        attributes = {k: v for k, v in (("qcode", subject.code), ("uri", subject.uri)) if v}
        element = _e(content, "subject", **attributes)
        if subject.name:
            _e(element, "name", subject.name)
    if article.slugline:
        _e(content, "slugline", article.slugline)
    _e(content, "headline", article.headline)
    if article.subheadline:
        _e(content, "headline", article.subheadline, role="hlrole:sub")
    if article.dateline:
        _e(content, "dateline", article.dateline)
    if article.summary:
        _e(content, "description", article.summary, role="drol:summary")


def _content_set(content_set: etree._Element, article: Article) -> None:
    """The body as XHTML in ``inlineXML``, with its word and character counts."""
    inline = _e(
        content_set,
        "inlineXML",
        contenttype="application/xhtml+xml",
        wordcount=str(word_count(" ".join(article.body))),
        charcount=str(sum(map(len, article.body))),
    )
    html = etree.SubElement(inline, f"{{{XHTML}}}html", nsmap=_XHTML_DEFAULT)
    etree.SubElement(
        etree.SubElement(html, f"{{{XHTML}}}head"), f"{{{XHTML}}}title"
    ).text = article.headline
    body = etree.SubElement(html, f"{{{XHTML}}}body")
    for paragraph in article.body:
        etree.SubElement(body, f"{{{XHTML}}}p").text = paragraph


def _local_path(element: etree._Element) -> str:
    """``/newsItem/contentSet/inlineXML/html/body/p[3]``: an XPath of local names."""
    steps = []
    node: etree._Element | None = element
    while node is not None:
        name = etree.QName(node).localname
        parent = node.getparent()
        same = [] if parent is None else [c for c in parent if c.tag == node.tag]
        steps.append(f"{name}[{same.index(node) + 1}]" if len(same) > 1 else name)
        node = parent
    return "/" + "/".join(reversed(steps))


def _check_text_runs(item: etree._Element) -> None:
    """ValueError for an element's text longer than XML readers (libxml2, lxml) take in
    one run: what newsschema writes, it must read back."""
    for element in item.iter():
        text = element.text or ""
        if len(text) * 4 > MAX_XML_TEXT_BYTES and len(text.encode("utf-8")) > MAX_XML_TEXT_BYTES:
            where = _local_path(element)
            raise DataError(
                f"{where}: {len(text.encode('utf-8')):,} bytes of text in one element; XML "
                f"readers (libxml2, and so newsschema) read at most {MAX_XML_TEXT_BYTES:,}"
            )


def message(items: Sequence[etree._Element]) -> etree._Element:
    """Several items in one ``newsMessage``, "sent" at the newest item's version time.

    Not the clock: the same articles must give the same bytes on every run.
    """
    root = _e(None, "newsMessage")
    versions = [item.findtext(f"{{{NAR}}}itemMeta/{{{NAR}}}versionCreated") for item in items]
    newest = max(
        versions, key=lambda text: datetime.fromisoformat(text or "").astimezone(timezone.utc)
    )
    _e(_e(root, "header"), "sent", newest)
    item_set = _e(root, "itemSet")
    for item in items:
        item_set.append(item)
    return root


def serialise(documents: Sequence[Any], context: Context) -> str:
    root = documents[0] if len(documents) == 1 else message(documents)
    etree.indent(root, space="  ")
    text: str = etree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"
