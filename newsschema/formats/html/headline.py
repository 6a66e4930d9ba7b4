"""One headline from the page's several: the metadata's, and the one the page shows.

Metadata headlines (JSON-LD, ``og:title``) are trusted first, but real pages cut them
short — an ``og:title`` broken at an inner quote, a JSON-LD headline truncated with "…" —
or lengthen them with the site's name or the authors after a dash. The headline the page
shows (its ``<h1>``, else the head of its ``<title>``) settles both: a metadata headline
that it continues, or that is it plus a dashed tail, gives way to it.
"""

from __future__ import annotations

__all__ = ["reconciled", "without_site_name"]

_TAIL_MARKS = frozenset("-\u2013\u2014|_:\u00b7\u2022")
"""What begins a tail after a headline: a dash, a bar, a colon."""
_ELLIPSIS = ("…", "...")


def reconciled(chosen: str, shown: str | None, *, heading: bool) -> str:
    """`chosen` (the metadata's headline), or `shown` (the page's) where `chosen` is
    `shown` cut short, or — when `shown` is a heading the page prints, not the head of
    its title, which a dash inside a headline would cut — `shown` and a dashed tail
    (`` - Breitbart``, ``_网易财经``)."""
    if not shown or shown == chosen:
        return chosen
    cut = chosen
    for mark in _ELLIPSIS:
        cut = cut.removesuffix(mark).rstrip()
    if len(cut) < len(shown) and shown.startswith(cut) and len(cut) >= len(shown) // 3:
        return shown  # the metadata's is the page's, cut short
    if heading and chosen.startswith(shown) and _is_tail(chosen[len(shown) :]):
        return shown  # the metadata's is the page's, and the site or the authors
    return chosen


def _is_tail(rest: str) -> bool:
    """`` - Breitbart``: a tail mark, then words."""
    rest = rest.lstrip()
    return rest[:1] in _TAIL_MARKS and bool(rest[1:].strip())


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
