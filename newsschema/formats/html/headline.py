"""One headline from the page's several: the metadata's, and the one the page shows.

The headline a reader sees is the page's ``<h1>``; the metadata's (JSON-LD, ``og:title``)
is often another, written for search and sharing (``Brexit: Nervenkrieg geht in nächste
Runde`` over the printed ``Der Nervenkrieg um den Brexit geht in die nächste Runde``), or
the printed one cut short (an ``og:title`` broken at an inner quote, a JSON-LD headline
truncated with "…"), lengthened (the site's name or the authors after a dash) or retyped
(straight quotes for the printed curly ones, quotes dropped). So the printed heading wins,
except where it is not the story's: a heading that is only the site's name (a logo in an
``<h1>``), the metadata's headline with a kicker or the site's name around it, or under
half its length (a section's name). The corpus's pages, headlines annotated as a reader
sees them, agree: the printed heading was right on every page where the two differed. Without
an ``<h1>``, the head of the ``<title>`` settles only a metadata headline it continues.
"""

from __future__ import annotations

__all__ = ["decided", "without_site_name"]

_TAIL_MARKS = frozenset("-\u2013\u2014|_:\u00b7\u2022")
"""What begins a tail after a headline: a dash, a bar, a colon."""
_ELLIPSIS = ("…", "...")


def decided(
    metadata: str | None,
    shown: str | None,
    *,
    printed: bool,
    site: frozenset[str],
    title_head: str | None,
) -> str | None:
    """The page's headline: `shown` when `printed` (an ``<h1>``, not the ``<title>``'s
    head) and the story's, else `metadata` settled by `shown`; without the site's name.
    A `shown` that is only the site's name gives way to `title_head`."""
    if shown is not None and _is_site_name(shown, site):
        shown, printed = title_head, False
    if metadata is None:
        chosen = shown
    elif printed and shown and _wraps(shown, metadata, site):
        chosen = metadata
    elif (
        printed and shown and (_wraps(metadata, shown, site) or _is_story_heading(shown, metadata))
    ):
        chosen = shown
    else:
        chosen = _reconciled(metadata, shown)
    return without_site_name(chosen, site) if chosen else chosen


def _wraps(outer: str, inner: str, site: frozenset[str]) -> bool:
    """Whether `outer` is `inner` with a kicker before it (``Corona: …``, ``Abstandsregeln
    : …``) or the site's name glued after it (an ``<h1>`` holding the logo)."""
    if outer.endswith(inner) and len(outer) > len(inner):
        kicker = outer[: len(outer) - len(inner)].rstrip()
        return kicker[-1:] in _TAIL_MARKS and bool(kicker[:-1].strip())
    return outer.startswith(inner) and _is_site_name(outer[len(inner) :], site)


def _is_story_heading(shown: str, metadata: str) -> bool:
    """Whether the printed `shown` is the story's heading rather than a section's name in
    an ``<h1>`` (``Weather``): `metadata` is it with a dashed tail (the site, the authors),
    or it is at least half as long as `metadata`."""
    rest = metadata.removeprefix(shown).lstrip()
    lengthened = rest != metadata and rest[:1] in _TAIL_MARKS and bool(rest[1:].strip())
    return lengthened or 2 * len(shown) >= len(metadata)


def _is_site_name(text: str, site: frozenset[str]) -> bool:
    """Whether `text` is one of the site's names, its spaces aside (``매일 경제``)."""
    squeezed = "".join(text.split()).casefold()
    return bool(squeezed) and any(squeezed == "".join(name.split()) for name in site)


def _reconciled(metadata: str, shown: str | None) -> str:
    """`metadata`, or `shown` (the ``<title>``'s head) where `metadata` is `shown` cut
    short (``…`` or not) — a dash inside a headline would cut the title, so nothing else
    of the title's head is trusted over the metadata."""
    if not shown or shown == metadata:
        return metadata
    cut = metadata
    for mark in _ELLIPSIS:
        cut = cut.removesuffix(mark).rstrip()
    if len(cut) < len(shown) and shown.startswith(cut) and len(cut) >= len(shown) // 3:
        return shown
    return metadata


def without_site_name(headline: str, site: frozenset[str]) -> str:
    """`headline` without the site's own name after a tail mark (``… - 毎日新聞``,
    ``…-新华网``): `site` holds the names the site goes by, folded (`bylines.site_names`)."""
    folded = headline.casefold()
    for name in site:
        if not folded.endswith(name) or len(name) >= len(headline):
            continue
        rest = headline[: len(headline) - len(name)].rstrip()
        if rest[-1:] in _TAIL_MARKS and rest[:-1].strip():
            return rest[:-1].rstrip()
    return headline
