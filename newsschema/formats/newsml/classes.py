"""What a NewsML-G2 item is: its class, read in the schemes agencies really use.

IPTC's item nature scheme is ``ninat:`` today; older feeds (Reuters) write the legacy
``icls:`` item class scheme, whose codes are the same words (``icls:text``,
``icls:picture``…). An item may also name its class by URI, or by an alias its own
inline catalog declares for either scheme. A remote catalog (``catalogRef``) is not
fetched: newsschema reads no network, and IPTC's own aliases are known here.
"""

from __future__ import annotations

from lxml import etree

from .elements import q as _q

__all__ = ["NATURE_SCHEMES", "is_text", "item_class"]

NATURE_SCHEMES = (
    "http://cv.iptc.org/newscodes/ninature/",
    "http://cv.iptc.org/newscodes/itemclass/",
)
"""The schemes whose codes say what an item is (IPTC's item nature, and the legacy item
class scheme it replaced)."""
_KNOWN_ALIASES = frozenset(("ninat", "icls"))
_TEXT_TYPES = ("application/xhtml+xml", "application/nitf+xml", "text/plain", "text/html")


def _aliases(item: etree._Element) -> frozenset[str]:
    """IPTC's aliases and those the item's own catalog declares for a nature scheme."""
    declared = {
        scheme.get("alias", "")
        for scheme in item.iterfind(_q("catalog/scheme"))
        if (scheme.get("uri") or "").rstrip("/") + "/" in NATURE_SCHEMES
    }
    return _KNOWN_ALIASES | declared


def item_class(item: etree._Element) -> str | None:
    """The item's class as a code of the nature scheme (``text``, ``picture``,
    ``composite``…); the whole QCode or URI when it is in another scheme; None when the
    item declares none."""
    declared = item.find(_q("itemMeta/itemClass"))
    if declared is None:
        return None
    qcode = (declared.get("qcode") or "").strip()
    if qcode:
        alias, _, code = qcode.partition(":")
        return code if alias in _aliases(item) and code else qcode
    uri = (declared.get("uri") or "").strip()
    for scheme in NATURE_SCHEMES:
        if uri.startswith(scheme) and uri[len(scheme) :]:
            return uri[len(scheme) :]
    return uri or None


def is_text(item: etree._Element) -> bool:
    """A news item of class text (or of no class: the body decides), or a composite
    whose content is text (a press release with its pictures)."""
    if etree.QName(item).localname != "newsItem":
        return False
    kind = item_class(item)
    if kind in (None, "text"):
        return True
    return kind == "composite" and _has_text_content(item)


def _has_text_content(item: etree._Element) -> bool:
    for content in item.iterfind(_q("contentSet") + "/*"):
        local = etree.QName(content).localname
        kind = (content.get("contenttype") or "").split(";")[0].strip().lower()
        if local in ("inlineXML", "inlineData") and (not kind or kind in _TEXT_TYPES):
            return True
    return False
