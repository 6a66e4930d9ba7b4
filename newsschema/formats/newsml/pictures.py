"""An article's images as NewsML-G2 carries them: picture items bundled with the text.

IPTC's way, and the default: one ``newsItem`` of class ``ninat:picture`` per image (its
``remoteContent`` with the address, content type, width and height; the caption as a
``description``; the credit as ``creditline``), and a ``packageItem`` whose one group
refers to the text item, then the pictures, all in one ``newsMessage``. The reader
(`bundles`) attaches the pictures of such a package to its first text item, so the
article reads back with its images.

With ``single_item``, the text item travels alone and names each image with a
``link rel="irel:seeAlso"``: its address and content type as attributes, class, caption
and credit as children. NewsML-G2 gives a link no width or height, so a picture's size
is not written that way.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from urllib.parse import urlsplit

from lxml import etree

from ...model import Agent, Article, Image
from .building import CATALOG, XML_LANG, element, party, time_text

__all__ = ["content_type", "guid_of", "link_images", "package", "picture_items"]

_IMAGE_TYPES = {
    ".avif": "image/avif",
    ".bmp": "image/bmp",
    ".gif": "image/gif",
    ".jpeg": "image/jpeg",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".webp": "image/webp",
}
"""Content types by file extension: a table of our own, so that the output is the same on
every machine (`mimetypes` also reads the system's files)."""


def content_type(image: Image) -> str | None:
    """The image's content type, from its address's extension; None when that says none."""
    path = urlsplit(image.url).path.lower()
    dot = path.rfind(".")
    return _IMAGE_TYPES.get(path[dot:]) if dot > path.rfind("/") else None


def guid_of(article: Article, part: str) -> str:
    """The guid of an item written with the article's: ``…#image-1``, ``…#package``."""
    return f"{article.id}{'-' if '#' in article.id else '#'}{part}"


def picture_items(
    article: Article, provider: Agent, created: tuple[datetime, datetime]
) -> Iterator[etree._Element]:
    """One picture ``newsItem`` per image, versioned and created with the text item."""
    version_created, first_created = created
    for number, image in enumerate(article.images, start=1):
        item = _item_root("newsItem", guid_of(article, f"image-{number}"), article)
        _item_meta(item, "ninat:picture", provider, version_created, first_created)
        meta = element(item, "contentMeta")
        if image.credit:
            element(meta, "creditline", image.credit)
        if image.caption:
            element(meta, "description", image.caption, role="drol:caption")
        remote = element(element(item, "contentSet"), "remoteContent", href=image.url)
        for name, value in (
            ("contenttype", content_type(image)),
            ("width", image.width),
            ("height", image.height),
        ):
            if value is not None:
                remote.set(name, str(value))
        yield item


def package(
    article: Article, provider: Agent, created: tuple[datetime, datetime]
) -> etree._Element:
    """The ``packageItem`` whose one group holds the text item, then its pictures."""
    item = _item_root("packageItem", guid_of(article, "package"), article)
    _item_meta(item, "ninat:composite", provider, *created)
    group = element(element(item, "groupSet", root="G1"), "group", id="G1", role="group:main")
    element(group, "itemRef", residref=article.id, version=str(article.version))
    for number in range(1, len(article.images) + 1):
        element(group, "itemRef", residref=guid_of(article, f"image-{number}"), version="1")
    return item


def link_images(meta: etree._Element, article: Article) -> None:
    """``--single-item``: each image a ``link rel="irel:seeAlso"`` of the text item."""
    for image in article.images:
        attributes = {"rel": "irel:seeAlso", "href": image.url}
        kind = content_type(image)
        if kind:
            attributes["contenttype"] = kind
        link = element(meta, "link", **attributes)
        element(link, "itemClass", qcode="ninat:picture")
        if image.caption:
            element(link, "description", image.caption, role="drol:caption")
        if image.credit:
            element(link, "creditline", image.credit)


def _item_root(name: str, guid: str, article: Article) -> etree._Element:
    item = element(
        None,
        name,
        guid=guid,
        version=str(article.version) if name == "packageItem" else "1",
        standard="NewsML-G2",
        standardversion="2.35",
        conformance="power",
    )
    item.set(XML_LANG, article.language)
    element(item, "catalogRef", href=CATALOG)
    return item


def _item_meta(
    item: etree._Element,
    item_class: str,
    provider: Agent,
    version_created: datetime,
    first_created: datetime,
) -> None:
    meta = element(item, "itemMeta")
    element(meta, "itemClass", qcode=item_class)
    party(meta, "provider", provider)
    element(meta, "versionCreated", time_text(version_created))
    element(meta, "firstCreated", time_text(first_created))
    element(meta, "pubStatus", qcode="stat:usable")
