"""What a reader sees on the page: the headline, the time and people lines, the body.

Navigation, headers and footers, asides, forms, scripts and anything whose class or id
says menu, share, related, comment or the like is taken out first. The headline is the
page's ``<h1>`` (several ``<h1>`` — a logo is often one — are settled by the ``<title>``);
the body is the story trafilatura finds (`main_text`) or, when it finds none, the
``<article>`` with the most paragraph text or, failing that, the element whose own
paragraphs hold the most text: the densest block. Its paragraphs lose the
lines that are not story — by-lines, time and source lines, link lists, "related"
headings and what follows them. The time, source, author and editor lines Chinese
portals print are read with the page reader's rules (`newsschema.portal`).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from datetime import timezone
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from ... import portal
from ...text import lines
from ...times.printed import Printed, find_printed
from .main_text import main_paragraphs
from .printed_byline import printed_byline

__all__ = ["lean", "page_properties", "title_parts"]

_REMOVED_TAGS = (
    "script", "style", "noscript", "template", "iframe", "form", "nav", "footer", "aside",
    "button", "select", "textarea", "svg", "canvas", "video", "audio", "object", "embed",
)  # fmt: skip
_NOISE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|footer|foot|sidebar|side|related|relate|recommend|share|"
    r"sharing|social|comment|comments|breadcrumb|crumbs?|advert|ads?|banner|toolbar|subscribe|"
    r"newsletter|popup|modal|hot|rank|ranking|copyright|pager|pagination|tags?)(?:$|[\s_-])",
    re.IGNORECASE,
)
_BLOCKS = frozenset(
    ("p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
     "li", "ul", "ol", "table", "tr", "td", "th", "blockquote", "pre", "dd", "dt", "dl",
     "figure", "figcaption", "address", "center", "br", "hr", "time")
)  # fmt: skip
# Between a headline and the site name: " - ", " | ", " » ", en and em dashes, "_", a
# full-width bar, and a bare "-" after CJK text before a Chinese site's name (``…交通-新华网``,
# ``…-人民日报``: a CJK "-" inside a headline, ``中国-东盟``, is followed by more words).
# For text whose white space is collapsed to single spaces (no run to backtrack over).
_TITLE_SEPARATORS = re.compile(
    r" [-|\u2013\u2014·»] | ?[_|\uff5c] ?| ?-- ?"
    r"|(?<=[\u3400-\u9fff\u3001-\u303f\uff01-\uff5e])-(?=[\u3400-\u9fff\w]{1,12}"
    r"(?:网|網|报|報|新闻|新聞|在线|频道)$)"
)
_NOT_STORY = re.compile(
    r"^(?:分享到|分享|打印|关闭|上一篇|下一篇|返回|点击|扫一扫|【?纠错】?|举报|Share|Print|"
    r"Read more|Related|Advertisement|Subscribe)",
    re.IGNORECASE,
)
_NOT_STORY_BLOCK = re.compile(
    r"(?:^|[\s_-])(?:byline|by-line|author|authors|dateline|meta|info|source|editor|caption|"
    r"credit|timestamp|date|time)(?:$|[\s_-])",
    re.IGNORECASE,
)
_BY = re.compile(r"^(?:By|Von|Par|Por|Di|Door)\s+\S", re.IGNORECASE)
_LINK_SHARE = 0.5
_CRUMBS = re.compile(
    r"^(?:当前位置|您的位置|位置)[:：]|\S\s*[>＞»›]\s*\S.*[>＞»›]"
)  # a paragraph mostly of link text is a link list, not story


def _text(element: Any) -> str:
    return " ".join(str(element.text_content()).split())


def lean(root: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """A copy of the page without the elements that never hold what a reader reads as the
    story or its by-line: scripts, styles, forms, navigation, players. trafilatura and its
    by-line search read this copy: scripts are most of a page's bytes, and the story is
    found in 0.6 of the time with identical results on the corpus (bench/README.md)."""
    copied: lxml_html.HtmlElement = copy.deepcopy(root)
    for element in list(copied.iter(*_REMOVED_TAGS)):
        element.drop_tree()
    return copied


def _cleaned(lean_page: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """A copy of the `lean` page without what is never the article: menus, share bars,
    related links, comments and the like, by their class or id."""
    page: lxml_html.HtmlElement = copy.deepcopy(lean_page)
    noisy = [
        element
        for element in page.iter()
        if isinstance(element.tag, str)
        and element.tag not in ("html", "body", "article", "main", "h1")
        and _NOISE.search(f"{element.get('class', '')} {element.get('id', '')}")
    ]
    for element in noisy:
        if element.getparent() is not None and not element.xpath(".//h1|.//article"):
            element.drop_tree()
    return page


def headline_of(page: lxml_html.HtmlElement, title: str | None) -> str | None:
    """The page's ``<h1>``; with several, the one the title repeats; else the title's head."""
    headings = [text for text in (_text(h) for h in page.iter("h1")) if text]
    if len(headings) > 1 and title:
        repeated = [h for h in headings if h in title]
        headings = repeated or headings
    if headings:
        return max(headings[:3], key=len) if len(headings) > 1 else headings[0]
    if not title:
        return None
    parts = title_parts(title)
    return parts[0] if parts else None


def title_parts(title: str) -> list[str]:
    """The parts of a ``<title>`` between its separators: the headline, the site's name,
    a section (``Headline - Section | Site``)."""
    title = " ".join(title.split())  # the separators expect single spaces
    return [part.strip() for part in _TITLE_SEPARATORS.split(title) if part.strip()]


def _paragraph_score(element: Any) -> int:
    text = _text(element)
    if not text:
        return 0
    linked = sum(len(_text(a)) for a in element.iter("a"))
    return 0 if linked > _LINK_SHARE * len(text) else len(text)


def _main_content(page: lxml_html.HtmlElement) -> Any:
    """The ``<article>`` with the most paragraph text, or the densest block of paragraphs."""
    articles = [a for a in page.iter("article") if any(True for _ in a.iter("p"))]
    if articles:
        return max(articles, key=lambda a: sum(_paragraph_score(p) for p in a.iter("p")))
    scores: dict[Any, float] = {}
    for paragraph in page.iter("p"):
        score = _paragraph_score(paragraph)
        parent = paragraph.getparent()
        if parent is None or not score:
            continue
        scores[parent] = scores.get(parent, 0) + score
        grandparent = parent.getparent()
        if grandparent is not None:
            scores[grandparent] = scores.get(grandparent, 0) + score / 2
    if scores:
        return max(scores, key=lambda element: scores[element])
    # No paragraphs at all: text broken by <br>, the block with the most of it.
    blocks = [
        b for b in page.iter("div", "td", "section", "main", "body") if b.find("br") is not None
    ]
    return max(blocks, key=lambda b: len(_text(b)), default=None)


def _lines(element: Any) -> list[str]:
    """The element's text as a browser lays it out: a line per block and per ``<br>``; a
    line break in the source is a space, as white space is in HTML (outside ``<pre>``).
    Read in one walk, the tree untouched (a copy to lay out cost a third more)."""
    preformatted = {node for pre in element.iter("pre") for node in pre.iter()}
    parts: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        named = isinstance(node.tag, str)  # not a comment or a processing instruction
        if event == "start":
            if named and node.tag in _BLOCKS and node.tag != "br":
                parts.append("\n")
            if named and node.text:
                parts.append(_folded(node.text, node in preformatted))
            continue
        if node is element:
            break  # its own tail is not its text
        if named and node.tag in _BLOCKS:
            parts.append("\n")
        if node.tail:
            kept = not named or node in preformatted or node.getparent() in preformatted
            parts.append(_folded(node.tail, kept))
    text = "".join(parts)
    return [" ".join(line.split()) for line in lines(text) if line.strip()]


def _folded(text: str, preformatted: bool) -> str:
    """Source text as laid out: a line break is a space (each line's white space is made
    single spaces after, so a run of spaces needs nothing here)."""
    if preformatted or not ("\n" in text or "\r" in text):
        return text
    return text.replace("\r", " ").replace("\n", " ")


def _unwrapped(line: str) -> str:
    """``（责编：王佳、李娜）`` → ``责编：王佳、李娜``: a line wholly in parentheses, opened."""
    if len(line) > 2 and line[0] in "(（" and line[-1] in ")）":
        return line[1:-1].strip()
    return line


def _marked_not_story(paragraph: Any) -> bool:
    """A paragraph whose class or id says by-line, date, source, caption and the like."""
    marks = f"{paragraph.get('class', '')} {paragraph.get('id', '')}"
    return bool(_NOT_STORY_BLOCK.search(marks))


def _paragraphs(container: Any) -> list[str]:
    """The container's paragraphs, or its lines when it marks none."""
    paragraphs = [
        p for p in container.iter("p") if _paragraph_score(p) and not _marked_not_story(p)
    ]
    return [_text(p) for p in paragraphs] if paragraphs else _lines(container)


def _story(texts: list[str]) -> Iterator[str]:
    """The paragraphs without the lines that are not story."""
    told = 0
    for text in texts:
        if _BY.match(text) and len(text) < 100 and not re.search(r"[.!?]$", text):
            continue  # "By Jane Doe, Science Editor": the by-line, not the story
        folded = portal.fold(text)
        if portal.END_OF_BODY.search(folded):
            if told >= _STORY_BEGUN:
                return  # related links, keywords, editor and copyright follow
            continue  # a box of related links above the story, not its end
        if _NOT_STORY.match(text) or portal.LABEL.match(
            portal.fold(_unwrapped(text).lstrip(portal.BRACKETS))
        ):
            continue
        if portal.TIME.search(text) and len(text) < 80 and not re.search(r"[。！？.!?]$", text):
            continue  # a time line
        told += 1
        yield text


_STORY_BEGUN = 2
"""Paragraphs told before a "related news" line ends the story (the first is often the
headline printed again)."""


def page_properties(
    root: lxml_html.HtmlElement, lean_page: lxml_html.HtmlElement, title: str | None
) -> dict[str, Any]:
    """schema.org properties from what a reader sees (`lean_page` is `root` made `lean`);
    a printed time is kept without a zone (the caller decides it: Beijing time on Chinese
    pages, else the user's --timezone)."""
    page = _cleaned(lean_page)
    headline = headline_of(page, title)
    whole = _lines(_body(root))  # with the navigation and footer taken out of `page`
    body = list(_story(main_paragraphs(lean_page, "\n".join(whole))))
    if not body:
        container = _main_content(page)
        body = list(_story(_paragraphs(container))) if container is not None else []
    credits = portal.Credits()
    credits.byline(body)
    credits.opening(body)
    lines = _lines(_body(page))
    story = set(body)
    start = _headline_at(lines, headline)
    time = _time_element(page) or _time_line(lines, start, story)
    _read_credits(credits, [line for line in lines if line not in story], whole)
    crumbs = next((line for line in whole[:40] if _CRUMBS.search(line)), None)
    found: dict[str, Any] = {
        "headline": headline,
        "articleBody": "\n\n".join(body) if body else None,
        "articleSection": portal.section_of_crumbs(crumbs) if crumbs else None,
        "datePublished": time,
    }
    found.update(_credited(credits))
    if not found["author"]:
        printed = printed_byline(_under_headline(lines, start, story))
        found["author"] = [{"@type": "Person", "name": name} for name in printed]
    return {key: value for key, value in found.items() if value}


def _read_credits(credits: portal.Credits, around: list[str], whole: list[str]) -> None:
    """What the lines `around` the story credit (labelled values, keywords, an editor),
    then an editor line anywhere and a copyright from the page's last lines (`whole` is
    the page's every line, its furniture included)."""
    for line in around:
        if len(line) <= 200:
            line = _unwrapped(line)
            credits.labelled(portal.labelled_values(line.lstrip(portal.BRACKETS)), editors=False)
            credits.tail(line)
    if not credits.split()[1]:  # an editor line the cleaning took for page furniture
        for line in whole:
            if portal.EDITOR_LINE.search(portal.fold(line)):
                credits.tail(line)
    footer = portal.Credits()
    for line in whole[-40:]:
        footer.tail(line)
    for key in ("copyright_holder", "copyright_notice"):
        if key in footer.found:
            credits.found.setdefault(key, footer.found[key])


def _credited(credits: portal.Credits) -> dict[str, Any]:
    """The schema.org properties of what a page credits."""
    authors, editors = credits.split()
    found = credits.found
    holder = found.get("copyright_holder")
    organisation = {"@type": "Organization", "name": holder} if holder else None
    source = found.get("source")
    return {
        "author": [_person(p) for p in authors],
        "editor": [_person(p) for p in editors],
        "sourceOrganization": {"@type": "Organization", "name": source} if source else None,
        "keywords": found.get("keywords"),
        "copyrightHolder": organisation,
        "publisher": organisation,  # a portal's publisher is its copyright holder (as `page`)
        "copyrightNotice": found.get("copyright_notice"),
    }


def _body(page: lxml_html.HtmlElement) -> Any:
    """The ``<body>``, or the whole page when the parser found none."""
    body = page.find("body")
    return page if body is None else body


def _headline_at(lines: list[str], headline: str | None) -> int:
    """Where the headline is among the page's lines: the heading itself, else a line that
    also holds it (a hidden title), else the top."""
    start = next((i for i, line in enumerate(lines) if line == headline), None)
    if start is None:
        start = next((i for i, line in enumerate(lines) if headline and headline in line), 0)
    return start


def _under_headline(lines: list[str], start: int, story: set[str]) -> list[str]:
    """The short lines just under the headline (at `start`) that are not story: where a
    page prints its by-line and time."""
    near = lines[start : start + _NEAR_HEADLINE]
    return [line for line in near if line not in story and len(line) <= 200]


def _time_line(lines: list[str], start: int, story: set[str]) -> str | None:
    """The first time printed after the headline (at `start`; a clock in the masthead
    comes before): a portal's numeric time, else a date printed in words (``8 January
    2020, 3:51 pm``)."""
    candidates = [x for x in lines[start:] + lines[:start] if x not in story and len(x) <= 200]
    for line in candidates:
        match = portal.TIME.search(line)
        if match:
            return portal.naive_time(match)
    for line in _under_headline(lines, start, story):  # words are looser than digits
        printed = find_printed(line)
        if printed is not None:
            return _as_text(printed)
    return None


_NEAR_HEADLINE = 15
"""How many lines under the headline a date printed in words is looked for in."""


def _as_text(printed: Printed) -> str:
    """A printed date as ISO 8601 text: a day, or a time with its offset if it has one."""
    if printed.day_only:
        return printed.local.date().isoformat()
    offset = printed.offset
    if offset is None:
        return printed.local.isoformat()
    return printed.local.replace(tzinfo=timezone(offset)).isoformat()


def _person(person: dict[str, str]) -> dict[str, str]:
    return {
        "@type": "Person",
        "name": person["name"],
        **({"jobTitle": person["role"]} if person.get("role") else {}),
    }


def _time_element(page: lxml_html.HtmlElement) -> str | None:
    """A ``<time datetime>`` marked as the publication time, or the first on the page."""
    times = [t for t in page.iter("time") if (t.get("datetime") or "").strip()]
    marked = [
        t
        for t in times
        if t.get("itemprop") == "datePublished"
        or t.get("pubdate") is not None
        or "publish" in (t.get("class") or "")
    ]
    chosen = (marked or times)[:1]
    return chosen[0].get("datetime").strip() if chosen else None
