"""Who a page credits as its authors: not the site itself, and, when nothing else on the
page names anyone, the by-line its markup marks.

A site often names itself where the author goes: an ``Organization`` author that is its
publisher (``STERN.de``, ``National Geographic``), an author meta that is its host
(``elmundo.es``) or the name its ``<title>`` ends with (``| 毎日新聞``). That credits no
one, and the page's other sources are asked next.

Sites mark a by-line in many ways: ``rel="author"`` links, ``itemprop="author"``, classes
such as ``byline``, ``author-name`` or ``article__author``. trafilatura (Apache-2.0) keeps
a long list of them and reads the first marked text; newsschema asks it last, after the
JSON-LD, the meta tags and the printed by-line and credit lines. What it gives is a credit
to split like an author meta's, and every part must look like a name - marked text is also
"About the Author", "Lesedauer" (reading time) or a login box.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from lxml import html as lxml_html

from ...language import strip_byline
from .meta import looks_named, people_in
from .visible import title_parts

__all__ = ["marked_authors", "not_the_site", "site_names"]


def site_names(publisher: str, url: str | None, title: str | None) -> frozenset[str]:
    """The names the site goes by, folded: its publisher's, its host's with and without
    ``www.``, and the last part of its ``<title>`` (``Headline - Section | Site``) - only
    the last: a dash inside a headline also parts a title."""
    names = {publisher}
    host = urlsplit(url).hostname if url else None
    if host:
        names.update((host, host.removeprefix("www.")))
    parts = title_parts(title) if title else []
    if len(parts) > 1:
        names.add(parts[-1])
    return frozenset(name.strip().casefold() for name in names if name and name.strip())


def not_the_site(authors: Any, site: frozenset[str]) -> list[Any]:
    """The authors (a node, a name, or a list of them) that are not the site itself."""
    listed = authors if isinstance(authors, list) else [authors]
    return [author for author in listed if author and _named(author).casefold() not in site]


def _named(author: Any) -> str:
    name = author.get("name") if isinstance(author, dict) else author
    return name.strip() if isinstance(name, str) else ""


def marked_authors(root: lxml_html.HtmlElement, publisher: str) -> list[dict[str, Any]]:
    """schema.org persons for the names the page's by-line markup holds; none if none."""
    from trafilatura.metadata import extract_author  # copies the tree before pruning it

    credit = extract_author(root)
    if not credit:
        return []
    names = [
        name
        for part in credit.split(";")  # trafilatura's separator between the marked names
        for name in people_in(strip_byline(part.strip()), publisher)
        if looks_named(name)
    ]
    return [{"@type": "Person", "name": name} for name in dict.fromkeys(names)]
