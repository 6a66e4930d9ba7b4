"""Article → NewsML-G2 newsItem (text), standardversion 2.35, in the order the XSD demands.

Every time carries its offset, even where NewsML-G2 would accept a time without one. A
day stays a day in ``contentCreated`` and ``contentModified``; ``firstCreated`` and
``versionCreated`` need an instant, so a day there takes the user's ``time_of_day`` or is
refused (`times.days`). The body is XHTML in ``inlineXML`` with ``wordcount`` and
``charcount``. An article with images travels in a ``newsMessage`` with a picture item
per image and a package (`pictures`), or alone linking to them (``single_item``); several
articles travel in one ``newsMessage``. Output is checked against
``schemas/newsml-item.xsd`` (newsschema's own profile) and IPTC's XSD.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import datetime, timezone
from typing import Any

from lxml import etree

from ...errors import DataError
from ...language import word_count
from ...limits import MAX_XML_TEXT_BYTES
from ...model import Agent, Article
from ...times import Moment
from ...times.days import instant_of
from ...xmlparse import NOT_XML_TEXT
from ..base import Context, options_of
from .building import CATALOG, NAR, XHTML, XHTML_DEFAULT, XML_LANG, single_line
from .building import element as _e
from .building import party as _party
from .building import time_text as _time
from .options import NewsmlOptions
from .pictures import link_images, package, picture_items

__all__ = ["NAR", "XHTML", "from_article", "serialise", "single_line"]


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
    """The newsItem, or with images a newsMessage bundling it with its pictures
    (`pictures`); ValueError naming the field when text holds what XML cannot carry."""
    try:
        item = _item(article, context)
        if not article.images or options_of(context, NewsmlOptions).single_item:
            return item
        return _bundle(article, item)
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
    meta = _e(item, "itemMeta")
    _item_meta(meta, article, context)
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


def _bundle(article: Article, item: etree._Element) -> etree._Element:
    """The text item, one picture item per image and the package grouping them."""
    provider = article.publisher or _NO_PROVIDER
    meta = item.find(f"{{{NAR}}}itemMeta")
    assert meta is not None  # `_item` wrote it
    created = (
        datetime.fromisoformat(meta.findtext(f"{{{NAR}}}versionCreated") or ""),
        datetime.fromisoformat(meta.findtext(f"{{{NAR}}}firstCreated") or ""),
    )
    return message(
        [item, *picture_items(article, provider, created), package(article, provider, created)]
    )


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


_NO_PROVIDER = Agent(name="newsschema", type="Organization")
"""NewsML-G2 requires a provider: an article with no publisher names newsschema."""


def _item_meta(meta: etree._Element, article: Article, context: Context) -> None:
    _e(meta, "itemClass", qcode="ninat:text")
    _party(meta, "provider", article.publisher or _NO_PROVIDER)
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
    if options_of(context, NewsmlOptions).single_item:
        link_images(meta, article)


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
    html = etree.SubElement(inline, f"{{{XHTML}}}html", nsmap=XHTML_DEFAULT)
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


def message(documents: Sequence[etree._Element]) -> etree._Element:
    """The items of `documents` (items, or messages bundling an article's items) in one
    ``newsMessage``, "sent" at the newest item's version time.

    Not the clock: the same articles must give the same bytes on every run.
    """
    items = [
        item
        for document in documents
        for item in (
            document.iterfind(f"{{{NAR}}}itemSet/*")
            if etree.QName(document).localname == "newsMessage"
            else (document,)
        )
    ]
    root = _e(None, "newsMessage")
    versions = [item.findtext(f"{{{NAR}}}itemMeta/{{{NAR}}}versionCreated") for item in items]
    newest = max(
        versions, key=lambda text: datetime.fromisoformat(text or "").astimezone(timezone.utc)
    )
    _e(_e(root, "header"), "sent", newest)
    item_set = _e(root, "itemSet")
    for item in items:
        item_set.append(item)
    _number_groups(item_set)
    return root


def _number_groups(item_set: etree._Element) -> None:
    """Each package's groups numbered apart (``G1``, ``G2``…): a group's id is an XML ID,
    unique in the whole message, and each article's package was written as if alone."""
    count = 0
    for group_set in item_set.iterfind(f"{{{NAR}}}packageItem/{{{NAR}}}groupSet"):
        renamed = {}
        for group in group_set.iterfind(f"{{{NAR}}}group"):
            count += 1
            renamed[group.get("id")] = f"G{count}"
            group.set("id", f"G{count}")
        group_set.set("root", renamed.get(group_set.get("root"), group_set.get("root", "")))


def serialise(documents: Sequence[Any], context: Context) -> str:
    root = documents[0] if len(documents) == 1 else message(documents)
    etree.indent(root, space="  ")
    text: str = etree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"
