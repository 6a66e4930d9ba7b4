"""The ``html`` format (read only): a news web page as the browser received it.

Three sources, in order of trust. The page's own JSON-LD, read by the ``jsonld`` reader
after mending the broken JSON pages carry; then the head's meta tags (OpenGraph,
``article:*``, Dublin Core, keywords, the canonical link, ``<html lang>``); then what a
reader sees: the ``<h1>``, the time and people lines, the story's paragraphs (found by
trafilatura, `main_text`). Each later source only fills what the earlier ones left
empty, with three exceptions settled by the page itself: the printed ``<h1>`` corrects a
metadata headline cut short or lengthened (`headline`), an author that is the site
itself gives way to the next source and, last, to the by-line the markup marks
(`bylines`), and a JSON-LD ``articleBody`` is split into the paragraphs the page shows
(`article_body`). A page that states no time, or one with no zone, is dated by its day
(`dates`). All is gathered as one schema.org node, checked against the JSON-LD reader's
schema and mapped by the JSON-LD reader, so a page and a JSON-LD file with the same facts
give one article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from ...errors import Issue
from ...jsontext import loads
from ...language import guess_language
from ...limits import MAX_NESTING
from ...times.evidence import Inferred, infer_zone, to_the_minute
from ...xmlparse import MAX_BYTES, NOT_XML_TEXT
from ..base import Context, Format, Parsed, Reader
from ..jsonld.graph import article_nodes, described, resolve
from ..jsonld.read import time_warnings, to_article
from ..lenient import mend
from .article_body import split_as_shown
from .bylines import dateline_agency, marked_authors, not_the_site, site_names
from .dates import day_found, day_of_zoneless
from .decode import decode_html
from .headline import decided
from .kind import not_an_article, page_signs
from .meta import head_properties
from .visible import lean, page_properties, title_parts

__all__ = ["FORMAT"]

NAME = "html"
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _parser() -> lxml_html.HTMLParser:
    return lxml_html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, huge_tree=False, recover=True
    )


def _refusal(message: str, line: int | None = None) -> Parsed:
    issue = Issue(stage="parse", format=NAME, path="", message=message, line=line)
    return Parsed(issues=[issue])


def _warning(message: str, line: int | None = None) -> Issue:
    return Issue(
        stage="parse", format=NAME, path="", message=message, line=line, severity="warning"
    )


def _embedded(
    root: lxml_html.HtmlElement,
) -> tuple[dict[str, Any] | None, list[Any], list[Issue]]:
    """The article node of the page's JSON-LD, references resolved across its scripts;
    the JSON-LD documents; what could not be read of them."""
    documents: list[Any] = []
    notes: list[Issue] = []
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        text = script.text or ""
        try:
            documents.append(loads(text))
            continue
        except ValueError:
            pass
        try:
            documents.append(loads(mend(text)))
        except ValueError as error:
            notes.append(
                _warning(f"JSON-LD that cannot be read, skipped: {error}", script.sourceline)
            )
    for _, node, index in article_nodes(documents):
        resolved = resolve(node, index)
        return (resolved if isinstance(resolved, dict) else None), documents, notes
    return None, documents, notes


def _missing(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


_TIMES = ("datePublished", "dateModified", "dateCreated")


def _inferred_zone(
    node: dict[str, Any], sources: tuple[dict[str, Any], ...], context: Context
) -> Inferred | None:
    """The zone the page's evidence gives its times written without one: the offset of
    its other times (the meta tags' and the printed ones too), its site's country, its
    language (`times.evidence`)."""
    times = [source.get(key) for source in (node, *sources) for key in _TIMES]
    return infer_zone(
        [t for t in times if isinstance(t, str)],
        given=context.timezone,
        url=next(
            (u for u in (node.get("url"), node.get("mainEntityOfPage")) if isinstance(u, str)), None
        ),
        language=str(node.get("inLanguage") or ""),
    )


_NUMERIC_REFERENCE = re.compile(r"&#(?:[xX](?P<hex>[0-9A-Fa-f]{1,8})|(?P<decimal>[0-9]{1,8}));?")


def _xml_text_only(markup: str) -> str:
    """`markup` with what XML text cannot hold, raw or as a numeric reference (``&#11;``,
    ``&#x1b;``), made U+FFFD, as browsers show a NUL: libxml2 keeps such characters in its
    tree, and lxml then refuses any text built from them."""

    def replaced(reference: re.Match[str]) -> str:
        number = int(reference["hex"], 16) if reference["hex"] else int(reference["decimal"])
        if number < 0x110000 and NOT_XML_TEXT.match(chr(number)):
            return "\ufffd"
        return reference[0]

    return _NUMERIC_REFERENCE.sub(replaced, NOT_XML_TEXT.sub("\ufffd", markup))


def extract(text: str, context: Context) -> Parsed:
    """The page's article as one schema.org node, or why there is none."""
    tree = _tree(text)
    if isinstance(tree, Parsed):
        return tree
    if not context.readability:  # a web page has no standard owner's schema to meet
        return Parsed()
    return _article(tree, context)


def _tree(text: str) -> lxml_html.HtmlElement | Parsed:
    """The page's element tree, or why it has none."""
    if len(text) > MAX_BYTES:
        return _refusal(f"the page is {len(text):,} characters; at most {MAX_BYTES:,} are read")
    markup = _XML_DECLARATION.sub("", text.removeprefix("\ufeff"), count=1)
    markup = _xml_text_only(markup)
    if not markup.strip():
        return _refusal("no article on this page: it is empty")
    try:
        root = lxml_html.document_fromstring(markup, parser=_parser())
    except (etree.ParserError, ValueError) as error:
        return _refusal(f"not an HTML page: {error}")
    if root is None:
        return _refusal("no article on this page: it is empty")
    return root


def _article(root: lxml_html.HtmlElement, context: Context) -> Parsed:
    """The article the page's tree holds, or why it holds none."""
    embedded, documents, notes = _embedded(root)
    signs = page_signs(root, described(documents)) if embedded is None else None
    node, sources = _merged(root, embedded)
    refusal = not_an_article(signs, str(node.get("articleBody") or "")) if signs else None
    if refusal:
        return Parsed(issues=[Issue(stage="input", format=NAME, path="", message=refusal)])
    if _missing(node.get("inLanguage")):
        words = " ".join(str(node.get(k) or "") for k in ("headline", "articleBody"))
        node["inLanguage"] = guess_language(words)
    notes.extend(_dated(node, root))
    inferred = _inferred_zone(node, sources, context)
    if inferred is None and context.timezone is None:
        notes.extend(_days_of_zoneless(node))
    lacking = [] if embedded is not None else _lacking(node)
    if lacking:
        deep = (
            f"; its elements nest deeper than {_PARSER_DEPTH} levels, past which the "
            "HTML parser reads nothing"
            if _nested_past_limit(root)
            else ""
        )
        return _refusal(f"no article on this page: found no {', no '.join(lacking)}{deep}")
    if inferred is not None:
        notes.append(inferred.issue(NAME, stage="parse"))
    return Parsed(document=node, issues=notes, zone=inferred)


def _merged(
    root: lxml_html.HtmlElement, embedded: dict[str, Any] | None
) -> tuple[dict[str, Any], tuple[dict[str, Any], ...]]:
    """The embedded JSON-LD node, completed by the head's meta tags, then by what the page
    shows (a property is taken from the first that has it); and those two sources."""
    title_element = root.find(".//title")
    title = (
        " ".join("".join(map(str, title_element.itertext())).split())
        if title_element is not None
        else None
    )
    node: dict[str, Any] = {"@context": "https://schema.org", "@type": "NewsArticle"}
    node.update(embedded or {})
    lean_page = lean(root)  # one copy without scripts, for trafilatura's two searches
    sources = (head_properties(root), page_properties(root, lean_page, title))
    metadata = node.get("headline") or sources[0].get("headline")
    for source in sources:
        for key, value in source.items():
            if _missing(node.get(key)) and not (key == "headline" and node.get("name")):
                node[key] = value
                if key == "articleBody":  # the page's headline printed again above the story
                    kept = [p for p in value.split("\n\n") if p != node.get("headline")]
                    node[key] = "\n\n".join(kept)
    publisher = _name_of(node.get("publisher"))
    site = site_names(publisher, _url(node), title)
    node["author"] = (
        _authors(node, sources, site)
        or marked_authors(lean_page, publisher)
        or not_the_site(dateline_agency(node.get("articleBody")), site)
    )
    body, shown = node.get("articleBody"), sources[1].get("articleBody")
    if isinstance(body, str) and shown and body != shown:
        node["articleBody"] = split_as_shown(body, shown.split("\n\n")) or body
    if isinstance(node.get("headline"), str):
        node["headline"] = _headline(root, metadata, sources[1].get("headline"), site, title)
    for key in ("datePublished", "dateModified"):
        timed = to_the_minute(node.get(key), [source.get(key) for source in sources])
        if timed is not None:
            node[key] = timed
    return node, sources


def _headline(
    root: lxml_html.HtmlElement,
    metadata: Any,
    shown: str | None,
    site: frozenset[str],
    title: str | None,
) -> str | None:
    """The headline `headline.decided` chooses from the metadata's and the page's."""
    return decided(
        metadata if isinstance(metadata, str) else None,
        shown,
        printed=any(" ".join(h.text_content().split()) == shown for h in root.iter("h1")),
        site=site,
        title_head=next(iter(title_parts(title or "")), None),
    )


def _authors(
    node: dict[str, Any], sources: tuple[dict[str, Any], ...], site: frozenset[str]
) -> list[Any]:
    """The page's authors from the first source that names someone other than the site
    itself (``"author": {"@type": "Organization", "name": "STERN.de"}``); none if none
    does (the by-line its markup marks is asked next)."""
    for candidate in (node.get("author"), *(source.get("author") for source in sources)):
        kept = not_the_site(candidate, site)
        if kept:
            return kept
    return []


def _name_of(party: Any) -> str:
    """The name of a schema.org organisation or person, given as a node or as text."""
    if isinstance(party, dict):
        party = party.get("name")
    return party if isinstance(party, str) else ""


def _url(node: dict[str, Any]) -> str | None:
    """The page's own address, as its JSON-LD or canonical link gives it."""
    found = (node.get(key) for key in ("url", "mainEntityOfPage"))
    return next((u for u in found if isinstance(u, str)), None)


def _dated(node: dict[str, Any], root: lxml_html.HtmlElement) -> list[Issue]:
    """A page with a headline and a body that states no publication time gets the day
    htmldate finds on it."""
    if any(_missing(node.get(key)) for key in ("headline", "articleBody")):
        return []  # refused for what it lacks: no need to look
    if not _missing(node.get("datePublished")):
        return []
    day = day_found(root, _url(node))
    if day is None:
        return []
    node["datePublished"] = day
    why = f"the page states no publication time: {day}, the day htmldate finds on it"
    return [_warning(why)]


def _days_of_zoneless(node: dict[str, Any]) -> list[Issue]:
    """Each time the page writes without a zone, when nothing on it says the zone, kept
    as its day: a page's article is not refused for a time only its reader's zone fixes."""
    found = []
    for key in _TIMES:
        day = day_of_zoneless(node.get(key))
        if day is None:
            continue
        why = (
            f"{node[key]!r} has no time zone and nothing on the page gives one: read as the "
            f"day {day}; pass --timezone to keep the time"
        )
        node[key] = day
        found.append(
            Issue(stage="parse", format=NAME, path=f"/{key}", message=why, severity="warning")
        )
    return found


_NEEDED = (
    ("headline", "headline (JSON-LD, og:title or <h1>)"),
    ("datePublished", "publication time (JSON-LD, article:published_time, "
     "<time datetime> or a printed time like 2022-04-22 14:36)"),
    ("articleBody", "body paragraphs"),
)  # fmt: skip


def _lacking(node: dict[str, Any]) -> list[str]:
    """What a page without JSON-LD must show to be an article, and this one does not."""
    return [what for key, what in _NEEDED if _missing(node.get(key))]


_PARSER_DEPTH = MAX_NESTING
"""libxml2 (lxml) keeps elements nested at most this deep unless told to read huge trees,
which it is not: a page built to exhaust it is cut there."""


def _nested_past_limit(root: lxml_html.HtmlElement) -> bool:
    """Whether the parser stopped at its depth limit (in time linear in the tree)."""
    depth = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth >= _PARSER_DEPTH - 1:
            return True
    return False


def parse(text: str, context: Context) -> Iterator[Parsed]:
    yield extract(text, context)


_MARKUP = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title)\b", re.IGNORECASE)


def sniff(head: str) -> bool:
    start = head.lstrip("\ufeff \t\r\n")
    return start[:1] == "<" and bool(_MARKUP.search(head)) and "iptc.org/std/nar/" not in head


FORMAT = Format(
    name=NAME,
    extensions=(".html", ".htm", ".xhtml", ".shtml"),
    syntax="html",
    description="a news web page in HTML: embedded JSON-LD, meta tags, visible text (read only)",
    sniff=sniff,
    reader=Reader(
        parse=parse,
        to_article=to_article,
        schema="jsonld-input",
        advise=time_warnings,
        legacy_encodings=True,
        decode=decode_html,
    ),
)
