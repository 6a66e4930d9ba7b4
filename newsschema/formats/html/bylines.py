"""Who a page credits as its authors: not the site itself, and, when nothing else on the
page names anyone, the by-line its markup marks.

A site often names itself where the author goes: an ``Organization`` author that is its
publisher (``STERN.de``, ``National Geographic``), an author meta that is its host
(``elmundo.es``) or the name its ``<title>`` ends with (``| 毎日新聞``). That credits no
one, and the page's other sources are asked next.

Wire copy a site runs unchanged often names no one but the agency, in the dateline that
opens the story: ``Hamburg (dpa/lno) -``, ``WASHINGTON (AP) -``, ``PARIS (Reuters) -``
(each dash of any length). When nothing else credits anyone, that agency is the author
(an organisation).

Sites mark a by-line in many ways: ``rel="author"`` links, ``itemprop="author"``, classes
such as ``byline``, ``author-name`` or ``article__author``. trafilatura (Apache-2.0) keeps
a long list of them and reads the first marked text; newsschema asks it after the
JSON-LD, the meta tags and the printed by-line and credit lines, and only the dateline's
agency comes after it. What it gives is a credit
to split like an author meta's, and every part must look like a name - marked text is also
"About the Author", "Lesedauer" (reading time) or a login box.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from lxml import html as lxml_html

from ...language import strip_byline
from ...portal import is_han, is_organisation
from ...times.printed import is_month_name
from .meta import looks_named, people_in
from .visible import title_parts

__all__ = ["dateline_agency", "marked_authors", "not_the_site", "site_names"]


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
    return [author for author in listed if author and not _is_site(_named(author), site)]


def _is_site(name: str, site: frozenset[str]) -> bool:
    """Whether `name` is the site or an organisation rather than a person: one of the
    site's names, a Chinese organisation's name (新京报), or the brand a Chinese site's
    name begins with (网易 of 网易科技)."""
    folded = name.casefold()
    if folded in site or is_organisation(name):
        return True
    return len(name) >= 2 and is_han(name) and any(s.startswith(folded) for s in site)


def _named(author: Any) -> str:
    name = author.get("name") if isinstance(author, dict) else author
    return name.strip() if isinstance(name, str) else ""


def marked_authors(root: lxml_html.HtmlElement, publisher: str) -> list[dict[str, Any]]:
    """schema.org persons for the names the page's by-line markup holds: what trafilatura
    reads, else the text of HTML's own ``rel="author"`` links; none if none."""
    from trafilatura.metadata import extract_author  # copies the tree before pruning it

    credit = extract_author(root)
    parts = credit.split(";") if credit else _linked_authors(root)  # trafilatura's separator
    shown = functools.cache(lambda: " ".join(root.text_content().split()))  # if asked
    names = [
        _without_date(_as_printed(name, shown), shown)
        for part in parts
        for name in people_in(strip_byline(part.strip()), publisher)
        if looks_named(name)
    ]
    return [{"@type": "Person", "name": name} for name in dict.fromkeys(names)]


def _as_printed(name: str, shown: Callable[[], str]) -> str:
    """`name` as the page prints it: trafilatura takes a parenthesis out of a by-line
    and leaves its spaces (``Richard (R.J.) Eskow`` gives ``Richard  Eskow``); the page's
    text, `shown()`, gives it back. Spaces are folded either way."""
    if "  " not in name.strip():
        return " ".join(name.split())
    between = r"\s+(?:\([^()]{1,24}\)\s+)?"
    match = re.search(between.join(map(re.escape, name.split())), shown())
    return " ".join((match[0] if match else name).split())


def _without_date(name: str, shown: Callable[[], str]) -> str:
    """`name` without the month of the date the by-line runs into (``Joshua Sokol May`` of
    ``By Joshua Sokol May 20, 2019``: trafilatura drops the digits), when the page prints
    it (`shown()`) before a number; a two-word name ending in a month (``Theresa May``)
    stays."""
    words = name.split()
    if len(words) < _NAME_AND_MONTH or not is_month_name(words[-1]):
        return name
    return " ".join(words[:-1]) if re.search(re.escape(name) + r" [0-9]", shown()) else name


_NAME_AND_MONTH = 3


def _linked_authors(root: lxml_html.HtmlElement) -> list[str]:
    """The texts of the page's ``rel="author"`` links (``<a rel="author">Jared T.
    Miller</a>``), when they name at most a by-line's few people: more is a list of
    other articles' authors."""
    texts = {
        " ".join(link.text_content().split()): None
        for link in root.iter("a", "link")
        if "author" in (link.get("rel") or "").lower().split()
    }
    named = [text for text in texts if text]
    return named if len(named) <= _BYLINE_PEOPLE else []


_BYLINE_PEOPLE = 4


_DATELINE = re.compile(
    r"\A\s*(?P<place>[^\W\d_][\w.,/'\u2019 -]{0,40}?)\s*"
    r"\((?P<agency>[^\W\d_][\w-]{0,11}(?:\s*/\s*[^\W\d_][\w-]{0,11}){0,3})\)"
    r"\s*[-\u2013\u2014]\s",
)
"""A dateline that credits an agency: a place of a few words (``MONTGOMERY, Ala.``), the
agency's short name in parentheses (``dpa/lno``, ``AP``, ``Reuters``), then a dash."""
_SHORT_LOWER = 3
"""The longest agency name printed in lower case alone (``dpa``, ``afp``, ``epd``); a
longer lower-case word in parentheses is a word (``(heute) -``), not an agency."""


def dateline_agency(body: Any) -> list[dict[str, Any]]:
    """The agency the story's opening dateline credits, as a schema.org organisation;
    none if the story opens otherwise. A parenthesis that abbreviates the words before it
    (``Alternative für Deutschland (AfD) -``) names no agency."""
    if not isinstance(body, str):
        return []
    match = _DATELINE.match(body)
    if match is None:
        return []
    agency = " ".join(match["agency"].split())
    if not re.search(r"[/-]", agency) and agency.islower() and len(agency) > _SHORT_LOWER:
        return []
    initials = "".join(word[0] for word in re.split(r"[\s,.-]+", match["place"]) if word)
    if agency.replace("/", "").casefold() == initials.casefold():
        return []
    return [{"@type": "Organization", "name": agency}]
