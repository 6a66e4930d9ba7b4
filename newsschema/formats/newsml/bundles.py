"""How agencies bundle a story with its pictures: links and packages inside a newsMessage.

A text item names its pictures by ``link residref="…"`` (``irel:seeAlso``,
``irel:associatedWith``…), or a ``packageItem`` groups them (its ``groupSet`` of
``itemRef``s). When the picture items travel in the same ``newsMessage``, they become the
article's images: the URL of their largest remote rendition, the caption from their
``description`` (or headline), the credit from ``creditline`` (or the copyright holder),
width and height from the rendition. A package whose items are not in the file is no
article: the items it needs are elsewhere. A text item may also name a picture by its
address alone (``link href="…"`` of class picture, as ``--single-item`` writes it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs
from lxml import etree

from ...model import Image
from ...uri import is_uri, normalise_uri
from .building import NAR
from .classes import item_class
from .elements import q as _q
from .elements import text_of as _text

__all__ = [
    "PICTURES",
    "Story",
    "image_of",
    "is_picture",
    "linked_images",
    "main_packages",
    "package_refs",
    "pictures_for",
]

PICTURES = frozenset(("picture", "graphic"))
"""The item classes that become an article's images."""


@attrs.frozen
class Story:
    """A text item as the reader maps it, with the picture items attached to it."""

    item: etree._Element
    pictures: tuple[etree._Element, ...] = ()
    package: etree._Element | None = None
    """The package that groups the item with its pictures: its headline and slugline
    stand in for the item's when it has none."""


def package_refs(package: etree._Element) -> list[str]:
    """The guids a package's groups refer to, in order, each once."""
    found = (ref.get("residref", "") for ref in package.iter(f"{{{NAR}}}itemRef"))
    return list(dict.fromkeys(guid for guid in found if guid))


def pictures_for(
    texts: Sequence[etree._Element],
    pictures: Mapping[str, etree._Element],
    packages: Iterable[etree._Element],
) -> dict[str, tuple[etree._Element, ...]]:
    """For each text item's guid, the picture items of the message attached to it: those
    it links to, then those a package groups with it (the package's first text item is
    its main one)."""
    attached: dict[str, list[etree._Element]] = {item.get("guid", ""): [] for item in texts}
    for item in texts:
        for link in item.iterfind(_q("itemMeta/link")):
            picture = pictures.get(link.get("residref", ""))
            if picture is not None:
                attached[item.get("guid", "")].append(picture)
    for package in packages:
        refs = package_refs(package)
        main = next((guid for guid in refs if guid in attached), None)
        if main is not None:
            attached[main] += [pictures[guid] for guid in refs if guid in pictures]
    return {guid: tuple(dict.fromkeys(found)) for guid, found in attached.items()}


def main_packages(
    texts: Sequence[etree._Element], packages: Iterable[etree._Element]
) -> dict[str, etree._Element]:
    """For each text item's guid, the first package whose main item it is."""
    guids = {item.get("guid", "") for item in texts}
    found: dict[str, etree._Element] = {}
    for package in packages:
        main = next((guid for guid in package_refs(package) if guid in guids), None)
        if main is not None:
            found.setdefault(main, package)
    return found


def is_picture(item: etree._Element) -> bool:
    return etree.QName(item).localname == "newsItem" and item_class(item) in PICTURES


def image_of(picture: etree._Element) -> Image | None:
    """The image a picture item describes; None when it gives no usable address."""
    renditions = [
        r for r in picture.iterfind(_q("contentSet/remoteContent")) if r.get("href") is not None
    ]
    if not renditions:
        return None
    largest = max(renditions, key=lambda r: _whole(r.get("width")) or 0)
    url = _address(largest.get("href"))
    if url is None:
        return None
    meta = picture.find(_q("contentMeta"))
    caption = None
    credit = None
    if meta is not None:
        descriptions = meta.findall(_q("description"))
        captions = [d for d in descriptions if "caption" in (d.get("role") or "")]
        described = (captions or descriptions)[:1]
        caption = _text(described[0] if described else None) or _text(meta.find(_q("headline")))
        credit = _text(meta.find(_q("creditline")))
    if credit is None:
        credit = _text(picture.find(_q("rightsInfo/copyrightHolder/name")))
    return Image(
        url=url,
        caption=caption,
        credit=credit,
        width=_whole(largest.get("width")),
        height=_whole(largest.get("height")),
    )


def linked_images(item: etree._Element) -> list[Image]:
    """The pictures a text item names by a link to their address (how newsschema's
    ``--single-item`` writes them): a link whose class is a picture or graphic, or whose
    content type is an image; caption and credit from the link's own children."""
    found = []
    for link in item.iterfind(_q("itemMeta/link")):
        declared = link.find(_q("itemClass"))
        named = (declared.get("qcode") or "").split(":")[-1] if declared is not None else ""
        kind = (link.get("contenttype") or "").strip().lower()
        url = _address(link.get("href"))
        if url is None or not (named in PICTURES or kind.startswith("image/")):
            continue
        found.append(
            Image(
                url=url,
                caption=_text(link.find(_q("description"))),
                credit=_text(link.find(_q("creditline"))),
            )
        )
    return found


def _address(href: str | None) -> str | None:
    """An absolute URI from an ``href``, normalised; None when it is none."""
    try:
        url = normalise_uri((href or "").strip())
    except ValueError:
        return None
    return url if url and is_uri(url) else None


def _whole(text: str | None) -> int | None:
    value = (text or "").strip()
    return int(value) if value.isdigit() and 0 < int(value) < 10**9 else None
