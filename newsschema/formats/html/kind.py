"""Whether a web page is one article, or a home page, a section front, a tag page.

A page that is not an article must be refused as such, not read as one headlined with
the site's name and dated from its first teaser. No single sign decides: of 105 real
article pages in the shared corpus, three say ``og:type`` ``website`` (and one of them
carries a NewsArticle in its JSON-LD), and real articles with short bodies sit beside
dozens of linked headlines. So a page is refused when signs agree:

- its JSON-LD names a listing (``CollectionPage``, ``ItemList``, ``SearchResultsPage``)
  and no article, and ``og:type`` does not say article;
- its metadata says site or page — ``og:type`` of a kind that is no article
  (``website``, ``profile``, ``video.*``…) or JSON-LD describing a ``WebSite`` or
  ``WebPage`` and no article — and either both say it, or its main content is a list
  of teasers (several linked headlines, and no body of prose of its own);
- it has no metadata at all, no body, and its content is a list of teasers.

A page whose JSON-LD has an article node, or whose ``og:type`` is ``article``, is read
as an article whatever else it shows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs
from lxml import html as lxml_html

from .meta import meta_contents

__all__ = ["PageSigns", "not_an_article", "page_signs"]

LISTINGS = ("CollectionPage", "ItemList", "SearchResultsPage")
"""JSON-LD types that say a page lists other pages."""
SITE_OR_PAGE = ("WebSite", "WebPage", "ProfilePage")
_NOT_ARTICLE_OG = re.compile(
    r"^(?:website|profile|book|product|place|music\.\w+|video\.\w+|business\.\w+)$"
)
TEASERS = 5
"""Linked headlines from which a page without a body of its own is a list of teasers."""
SHORT_BODY = 500
"""Characters of body below which a page has no prose of its own (a teaser's summary)."""
_HEADLINE_CHARACTERS = 20
_TEASER_PARENTS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "li", "article"})


@attrs.frozen
class PageSigns:
    """What a page says of itself (metadata) and shows (linked headlines)."""

    og_type: str | None
    described: tuple[str, ...]
    """The schema.org types its JSON-LD describes, when it has no article node."""
    teasers: int


def page_signs(root: lxml_html.HtmlElement, described: Sequence[str]) -> PageSigns:
    """The signs of `root`, whose JSON-LD (without an article node) describes `described`."""
    og_type = meta_contents(root).get("og:type", [""])[0].lower()
    return PageSigns(og_type or None, tuple(described), _teasers(root))


def _teasers(root: lxml_html.HtmlElement) -> int:
    """Links whose text reads as a headline, inside a heading, list item or article."""
    count = 0
    for link in root.iter("a"):
        text = " ".join(link.text_content().split())
        if len(text) >= _HEADLINE_CHARACTERS and _in_teaser(link):
            count += 1
    return count


def _in_teaser(link: lxml_html.HtmlElement) -> bool:
    node = link.getparent()
    for _ in range(4):
        if node is None:
            return False
        if node.tag in _TEASER_PARENTS:
            return True
        node = node.getparent()
    return False


def not_an_article(signs: PageSigns, body: str) -> str | None:
    """Why the page is not an article, when its signs agree that it is none."""
    if signs.og_type == "article":
        return None
    listing = [t for t in signs.described if t in LISTINGS]
    if listing:
        return f"not an article: its JSON-LD describes a {listing[0]} and no article"
    teaser_list = signs.teasers >= TEASERS and len(body) < SHORT_BODY
    og_says = signs.og_type is not None and bool(_NOT_ARTICLE_OG.match(signs.og_type))
    site = [t for t in signs.described if t in SITE_OR_PAGE]
    said = _said(signs.og_type if og_says else None, site[0] if site else None)
    if said and ((og_says and site) or teaser_list):
        listed = f", and its main content is {_teaser_words(signs)}" if teaser_list else ""
        return f"not an article: {said}{listed}"
    if signs.og_type is None and not signs.described and not body and teaser_list:
        return f"not an article: its main content is {_teaser_words(signs)}"
    return None


def _said(og_type: str | None, site: str | None) -> str:
    parts = [f"its og:type is {og_type!r}"] if og_type else []
    parts += [f"its JSON-LD describes a {site} and no article"] if site else []
    return " and ".join(parts)


def _teaser_words(signs: PageSigns) -> str:
    return f"a list of {signs.teasers} linked headlines, with no body of its own"
