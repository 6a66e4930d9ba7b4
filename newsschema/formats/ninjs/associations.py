"""A ninjs item's pictures: its ``associations`` of type picture or graphic, as images.

ninjs 1.x keys associations and renditions by name (objects of objects); 2.x and 3.x
list them, each with its ``name``. Either way an association becomes an `Image`: the
address of its largest rendition (else its ``uri``, when that is a web address), the
caption from its caption description (``descriptions``, ``description_text``) or its
headline, the credit from ``by`` or the copyright holder, width and height from the
rendition. Keys are read folded to lower case, as the reader folds the whole item.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...model import Image
from ...uri import is_uri, normalise_uri
from ..forgiving import stripped

__all__ = ["PICTURES", "associations_of", "images_of"]

PICTURES = frozenset(("picture", "graphic"))


def _entries(value: Any) -> Iterator[dict[str, Any]]:
    """The objects of a list, or the values of an object keyed by name (ninjs 1.x)."""
    items = (
        value
        if isinstance(value, list)
        else list(value.values())
        if isinstance(value, dict)
        else []
    )
    yield from (item for item in items if isinstance(item, dict))


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value if isinstance(value, int) and 0 < value < 10**9 else None


def _address(text: Any, *, web: bool = False) -> str | None:
    """An absolute URI (a rendition's ``href``); with `web`, only a web address (an
    association's ``uri`` is an identifier, and only a web one locates the picture)."""
    candidate = stripped(text)
    if candidate is None or (web and not candidate.lower().startswith(("http://", "https://"))):
        return None
    try:
        url = normalise_uri(candidate)
    except ValueError:
        return None
    return url if is_uri(url) else None


def _caption(association: dict[str, Any]) -> str | None:
    descriptions = list(_entries(association.get("descriptions")))
    captions = [d for d in descriptions if d.get("role") in ("caption", "drol:caption")]
    for entry in captions or descriptions:
        text = stripped(entry.get("value"))
        if text:
            return text
    headlines = [stripped(h.get("value")) for h in _entries(association.get("headlines"))]
    return (
        stripped(association.get("description_text"))
        or next((h for h in headlines if h), None)
        or stripped(association.get("headline"))
    )


def image_of(association: dict[str, Any]) -> Image | None:
    """The image an association describes; None for another type or no address."""
    if str(association.get("type", "")).lower() not in PICTURES:
        return None
    renditions = [r for r in _entries(association.get("renditions")) if _address(r.get("href"))]
    largest = max(renditions, key=lambda r: _whole(r.get("width")) or 0, default=None)
    url = _address(largest.get("href")) if largest else _address(association.get("uri"), web=True)
    if url is None:
        return None
    return Image(
        url=url,
        caption=_caption(association),
        credit=stripped(association.get("by")) or stripped(association.get("copyrightholder")),
        width=_whole(largest.get("width")) if largest else None,
        height=_whole(largest.get("height")) if largest else None,
    )


def images_of(node: dict[str, Any]) -> tuple[Image, ...]:
    """The item's picture associations as images, each once, in the item's order."""
    found = (image_of(a) for a in _entries(node.get("associations")))
    return tuple(image for image in found if image is not None)


def associations_of(images: tuple[Image, ...]) -> list[dict[str, Any]]:
    """The images as ninjs 3.1 picture associations, read back by `image_of` exactly:
    ``image-1``…, the address as ``uri`` and as the one rendition's ``href``, the caption
    as a caption description, the credit as ``by``."""
    written = []
    for number, image in enumerate(images, 1):
        rendition: dict[str, Any] = {"name": "original", "href": image.url}
        rendition |= {k: v for k, v in (("width", image.width), ("height", image.height)) if v}
        association: dict[str, Any] = {
            "name": f"image-{number}",
            "type": "picture",
            "uri": image.url,
        }
        if image.caption:
            association["descriptions"] = [{"role": "caption", "value": image.caption}]
        if image.credit:
            association["by"] = image.credit
        association["renditions"] = [rendition]
        written.append(association)
    return written
