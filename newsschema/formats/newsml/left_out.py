"""What the NewsML-G2 reader leaves out of an item, and which rendition it reads: notes for
``--verbose`` (`Context.notes`).

Agencies send more than a canonical article holds: signals, services, alternative ids,
the second genre. Nothing of it is an error, but a user mapping a feed wants to know what
did not come through; one note per element left out says where it is and what it held.
"""

from __future__ import annotations

from collections import Counter

from lxml import etree

from ...errors import Issue
from .elements import local, q, text_of

__all__ = ["notes"]

_READ = {
    "itemMeta": frozenset(
        (
            "itemClass",
            "provider",
            "versionCreated",
            "firstCreated",
            "embargoed",
            "pubStatus",
            "edNote",
            "memberOf",
            "link",
        )
    ),
    "contentMeta": frozenset(
        (
            "urgency",
            "contentCreated",
            "contentModified",
            "located",
            "infoSource",
            "creator",
            "contributor",
            "language",
            "genre",
            "keyword",
            "subject",
            "slugline",
            "headline",
            "dateline",
            "by",
            "creditline",
            "description",
        )
    ),
}
"""The elements the reader maps to a field of the article, by the part they are in."""
_FIRST_ONLY = frozenset(("memberOf", "genre", "slugline", "dateline", "located", "infoSource"))
"""Elements of which the article keeps the first: it has one field for them."""


def notes(item: etree._Element, content: etree._Element | None) -> list[Issue]:
    """A note for the rendition read, when there were several, and one for each element
    of ``itemMeta`` and ``contentMeta`` the article has no place for."""
    found = _rendition(item, content)
    for part, read in _READ.items():
        section = item.find(q(part))
        if section is None:
            continue
        seen: Counter[str] = Counter()
        for element in section:
            if not isinstance(element.tag, str):
                continue  # a comment or processing instruction
            name = local(element)
            seen[name] += 1
            if name not in read:
                reason = "the article has no field for it"
            elif name in _FIRST_ONLY and seen[name] > 1:
                reason = f"the article keeps the first {name} only"
            else:
                continue
            message = f"{_shown(element)}: left out, {reason}"
            found.append(_note(f"/{part}/{name}", message, element))
    return found


def _rendition(item: etree._Element, content: etree._Element | None) -> list[Issue]:
    renditions = [c for c in item.iterfind(q("contentSet") + "/*") if isinstance(c.tag, str)]
    if content is None or len(renditions) < 2:
        return []
    described = ", ".join(
        f"{name} {value}"
        for name in ("rendition", "contenttype")
        if (value := content.get(name)) is not None
    )
    which = f"{local(content)} ({described})" if described else local(content)
    message = (
        f"the body is read from {which}, number {renditions.index(content) + 1} of "
        f"{len(renditions)} renditions"
    )
    return [_note("/contentSet", message, content)]


def _shown(element: etree._Element) -> str:
    """``signal sig:update``, ``altId "stt 107"``: the element and what it holds."""
    value = element.get("qcode") or element.get("uri") or element.get("literal")
    text = text_of(element)
    if value is None and text is not None:
        value = repr(text if len(text) <= 60 else text[:59] + "…")
    return f"{local(element)} {value}" if value else local(element)


def _note(path: str, message: str, element: etree._Element) -> Issue:
    line = element.sourceline
    return Issue(
        stage="input",
        format="newsml",
        path=path,
        message=message,
        line=line if isinstance(line, int) else None,
        severity="note",
    )
