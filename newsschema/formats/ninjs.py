"""The ``ninjs`` format: IPTC's News in JSON, 3.1 out, 1.x / 2.x / 3.x in.

ninjs 3.x is camelCase with arrays of headlines and bodies; 2.x has the same arrays with
lower-case keys; 1.x has flat ``headline_main``/``body_text`` style properties. The
reader folds keys to lower case and understands all three. ninjs 3.1 has no keywords or
section property: newsschema writes them as subjects with ``rel`` ``keyword`` and
``section``, and reads them back from there. The body is written twice, as plain text
and as HTML (one ``<p>`` per paragraph, which is what the reader prefers: it is exact).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from typing import Any

from lxml import html as lxml_html

from ..errors import FieldError, Issue
from ..jsontext import dumps, loads, locate, parse_issue
from ..language import language_or_und, strip_byline, word_count
from ..model import URI, Agent, AgentType, Article, Place, Rights, Subject, derive_id, is_qcode
from ..times import format_datetime, parse_iso8601
from ..uri import is_uri
from .base import Context, Format, Parsed, Reader, Writer

__all__ = ["FORMAT", "ninjs_version"]

NAME = "ninjs"
SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"
_COUNTRY_URI = re.compile(r"^https?://cvx?\.iptc\.org/iso3166-1a2/([A-Za-z]{2})$")
_BREAK = re.compile(r"\n[ \t]*\n")
# For text whose white space is collapsed to single spaces (no run to backtrack over).
_BY_SEPARATORS = re.compile(r" (?:and|und|et|y|&) | ?[,;、，] ?")


# --- writer ------------------------------------------------------------------------------


def _compact(node: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in node.items() if v not in (None, [], {})}


def _party(agent: Agent, rel: str) -> dict[str, Any]:
    return _compact({"name": agent.name, "rel": rel, "uri": agent.url})


# HTML parsers turn a raw CR into LF; a character reference keeps it. NUL has no place in
# HTML at all: its reference reads back as U+FFFD, the one loss in the HTML body.
_HTML_KEEP = str.maketrans({"\r": "&#13;", "\x00": "&#0;"})


def _html_text(paragraph: str) -> str:
    text = html.escape(paragraph, quote=False)
    return text.translate(_HTML_KEEP) if "\r" in text or "\x00" in text else text


def from_article(article: Article, context: Context) -> dict[str, Any]:
    people = [_party(a, "author") for a in article.authors if a.type == "Person"]
    people += [_party(e, "editor") for e in article.editors if e.type == "Person"]
    organisations = [_party(a, "author") for a in article.authors if a.type == "Organization"]
    organisations += [_party(e, "editor") for e in article.editors if e.type == "Organization"]
    sources = [
        _compact({"name": agent.name, "role": role, "uri": agent.url})
        for agent, role in ((article.publisher, "publisher"), (article.source, "source"))
        if agent
    ]
    subjects = [
        _compact({"name": s.name, "literal": s.code, "uri": s.uri}) for s in article.subjects
    ]
    subjects += [{"name": k, "rel": "keyword"} for k in article.keywords]
    subjects += [{"name": article.section, "rel": "section"}] if article.section else []
    place = article.location
    places = []
    if place and (place.name or place.country):
        country = f"http://cv.iptc.org/iso3166-1a2/{place.country}" if place.country else None
        places.append(_compact({"name": place.name, "rel": "located", "uri": country}))
    text = "".join(article.body)
    counts = {"charCount": len(text), "wordCount": word_count(" ".join(article.body))}
    rights = article.rights
    return _compact(
        {
            "standard": {"name": "ninjs", "version": "3.1", "schema": SCHEMA_URI},
            "uri": article.id,
            "type": "text",
            "version": str(article.version),
            "firstCreated": format_datetime(article.date_published),
            "versionCreated": format_datetime(article.date_modified or article.date_published),
            "contentCreated": format_datetime(article.date_created)
            if article.date_created
            else None,
            "pubStatus": "usable",
            "urgency": article.urgency,
            "copyrightHolder": rights.holder if rights else None,
            "copyrightNotice": rights.notice if rights else None,
            "usageTerms": rights.license if rights else None,
            "language": article.language,
            "headlines": [
                {"role": "main", "value": article.headline},
                *([{"role": "sub", "value": article.subheadline}] if article.subheadline else []),
            ],
            "descriptions": (
                [{"role": "summary", "value": article.summary}] if article.summary else []
            ),
            "bodies": [
                {
                    "role": "main",
                    "contentType": "text/plain",
                    "value": "\n\n".join(article.body),
                    **counts,
                },
                {
                    "role": "main",
                    "contentType": "text/html",
                    "value": "".join(f"<p>{_html_text(p)}</p>" for p in article.body),
                    **counts,
                },
            ],
            "by": ", ".join(a.name for a in article.authors) or None,
            "people": people,
            "organisations": organisations,
            "infoSources": sources,
            "subjects": subjects,
            "genres": [{"name": article.genre}] if article.genre else [],
            "located": article.dateline,
            "places": places,
            "altIds": [{"role": "url", "value": article.url}] if article.url else [],
        }
    )


def serialise(documents: Sequence[Any], context: Context) -> str:
    value = documents[0] if len(documents) == 1 else list(documents)
    return dumps(value) + "\n"


# --- reader ------------------------------------------------------------------------------


def _fold(value: Any) -> Any:
    """Keys in lower case, all the way down: one reader for 1.x, 2.x and 3.x."""
    if isinstance(value, dict):
        return {str(k).lower(): _fold(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_fold(v) for v in value]
    return value


def ninjs_version(document: dict[str, Any]) -> str:
    """ "1", "2" or "3", from ``$schema`` or, failing that, from the property names."""
    declared = str(document.get("$schema") or document.get("$standard") or "")
    standard = document.get("standard")
    if isinstance(standard, dict):
        declared += str(standard.get("version", ""))
    found = re.search(r"ninjs-schema_([0-9])|^([0-9])\.", declared)
    if found:
        return found[1] or found[2]
    keys = set(document)
    if keys & {"headlines", "bodies"}:
        return "3" if any(k != k.lower() for k in keys) else "2"
    return "1"


def parse(text: str, context: Context) -> Iterator[Parsed]:
    try:
        document = loads(text.removeprefix("\ufeff"))
    except ValueError as error:
        yield Parsed(issues=[parse_issue(error, NAME)])
        return
    items = document if isinstance(document, list) else [document]
    for index, item in enumerate(items):
        base = f"/{index}" if isinstance(document, list) else ""
        if not isinstance(item, dict):
            issue = Issue(
                stage="parse", format=NAME, path="", message="a ninjs item is a JSON object"
            )
            yield Parsed(issues=[issue], base=base, source=text)
        else:
            yield Parsed(document=item, base=base, source=text)


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    return None


def _by_role(items: Any, role: str | None = None, key: str = "role") -> list[dict[str, Any]]:
    entries = [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []
    return [i for i in entries if role is None or i.get(key) == role]


def _first_value(items: Any, role: str) -> str | None:
    chosen = _by_role(items, role) or _by_role(items)
    return _text(chosen[0].get("value")) if chosen else None


_PLAIN_PARAGRAPHS = re.compile(r"(?:<p>[^<]*</p>)*")
_PLAIN_PARAGRAPH = re.compile(r"<p>([^<]*)</p>")


def _paragraphs_from_html(markup: str) -> tuple[str, ...]:
    """The text of each ``<p>``; markup of plain paragraphs (what newsschema writes) is read
    exactly, without an HTML parser, whose handling of control characters varies with the
    libxml2 version."""
    if _PLAIN_PARAGRAPHS.fullmatch(markup):
        return tuple(html.unescape(text) for text in _PLAIN_PARAGRAPH.findall(markup))
    fragments = lxml_html.fragments_fromstring(markup) if markup.strip() else []
    paragraphs: list[str] = []
    for fragment in fragments:
        if isinstance(fragment, str):
            continue
        found = [fragment] if fragment.tag == "p" else list(fragment.iter("p"))
        paragraphs.extend("".join(str(piece) for piece in p.itertext()) for p in found)
    return tuple(paragraphs)


def _body(node: dict[str, Any]) -> tuple[str, ...]:
    bodies = _by_role(node.get("bodies"))
    markup = [b for b in bodies if "html" in str(b.get("contenttype", b.get("role", "")))]
    if markup and isinstance(markup[0].get("value"), str):
        return _paragraphs_from_html(markup[0]["value"])
    rich = node.get("body_html") or node.get("body_richtext")
    if isinstance(rich, str):
        return _paragraphs_from_html(rich)
    plain = [b for b in bodies if isinstance(b.get("value"), str)]
    text = plain[0]["value"] if plain else node.get("body_text") or node.get("body_main")
    if not isinstance(text, str):
        return ()
    return tuple(p.strip() for p in _BREAK.split(text) if p.strip())


def _agent(entry: dict[str, Any], kind: AgentType) -> Agent | None:
    name = _text(entry.get("name")) or _text(entry.get("literal"))
    uri = entry.get("uri") if isinstance(entry.get("uri"), str) and is_uri(entry["uri"]) else None
    return Agent(name=name, type=kind, url=uri) if name else None


def _parties(node: dict[str, Any], rel: str) -> tuple[Agent, ...]:
    found: list[Agent] = []
    kinds: tuple[tuple[str, AgentType], ...] = (
        ("people", "Person"),
        ("person", "Person"),
        ("organisations", "Organization"),
        ("organisation", "Organization"),
    )
    for key, kind in kinds:
        for entry in _by_role(node.get(key), rel, "rel"):
            agent = _agent(entry, kind)
            if agent and all(a.name != agent.name for a in found):
                found.append(agent)
    return tuple(found)


def _authors(node: dict[str, Any]) -> tuple[Agent, ...]:
    authors = _parties(node, "author")
    by = _text(node.get("by")) or _text(node.get("byline"))
    if authors or by is None:
        return authors
    collapsed = " ".join(strip_byline(by).split())  # the separators expect single spaces
    names = [n.strip() for n in _BY_SEPARATORS.split(collapsed) if n.strip()]
    return tuple(Agent(name=n) for n in dict.fromkeys(names))


def _source(node: dict[str, Any], role: str) -> Agent | None:
    entries = _by_role(node.get("infosources") or node.get("infosource"), role)
    return _agent(entries[0], "Organization") if entries else None


def _time(node: dict[str, Any], key: str, context: Context) -> Any:
    text = _text(node.get(key))
    if text is None:
        return None
    try:
        return parse_iso8601(text, context.timezone)
    except ValueError as error:
        raise FieldError(key, str(error)) from None


def _subjects(node: dict[str, Any]) -> tuple[Subject, ...]:
    subjects = []
    for entry in _by_role(node.get("subjects") or node.get("subject")):
        if entry.get("rel") in ("keyword", "section"):
            continue
        code = _text(entry.get("literal")) or _text(entry.get("code"))
        code = code if code and is_qcode(code) else None
        uri = (
            entry.get("uri") if isinstance(entry.get("uri"), str) and is_uri(entry["uri"]) else None
        )
        name = _text(entry.get("name"))
        if code or name or uri:
            subjects.append(Subject(code=code, name=name, uri=uri))
    return tuple(subjects)


def _place(node: dict[str, Any]) -> Place | None:
    entries = _by_role(node.get("places") or node.get("place"), "located", "rel")
    if not entries:
        return None
    uri = entries[0].get("uri")
    country = _COUNTRY_URI.match(uri) if isinstance(uri, str) else None
    place = Place(
        name=_text(entries[0].get("name")), country=country[1].upper() if country else None
    )
    return place if place != Place() else None


def to_article(document: dict[str, Any], context: Context) -> Article:
    node = _fold(document)
    headline = (
        _first_value(node.get("headlines"), "main")
        or _text(node.get("headline_main"))
        or _text(node.get("headline"))
    )
    if headline is None:
        raise FieldError("headlines", "is required: the item has no headline")
    published = next(
        (
            t
            for t in (
                _time(node, k, context)
                for k in ("firstcreated", "contentcreated", "versioncreated")
            )
            if t
        ),
        None,
    )
    if published is None:
        raise FieldError(
            "firstCreated", "is required: the item has no firstCreated or versionCreated"
        )
    version_created = _time(node, "versioncreated", context)
    modified = version_created if version_created and version_created != published else None
    language = _text(node.get("language")) or ""
    keywords = [_text(s.get("name")) for s in _by_role(node.get("subjects"), "keyword", "rel")]
    sections = [_text(s.get("name")) for s in _by_role(node.get("subjects"), "section", "rel")]
    genres = _by_role(node.get("genres") or node.get("genre"))
    url = next((a.get("value") for a in _by_role(node.get("altids"), "url")), None)
    publisher = _source(node, "publisher")
    version = str(node.get("version") or "1")
    uri = str(node.get("uri") or "")
    urgency = node.get("urgency")
    terms = _text(node.get("usageterms"))
    rights = Rights(
        holder=_text(node.get("copyrightholder")),
        notice=_text(node.get("copyrightnotice")),
        license=terms if terms and is_uri(terms) else None,
    )
    return Article(
        id=uri
        if is_uri(uri)
        else derive_id(publisher.name if publisher else None, published, headline),
        version=int(version) if version.isdigit() and int(version) > 0 else 1,
        url=URI(url) if isinstance(url, str) and is_uri(url) else None,
        headline=headline,
        subheadline=_first_value(_by_role(node.get("headlines"), "sub"), "sub"),
        summary=_first_value(node.get("descriptions"), "summary")
        or _text(node.get("description_text")),
        body=_body(node),
        language=language_or_und(language),
        date_published=published,
        date_modified=modified,
        date_created=_time(node, "contentcreated", context),
        authors=_authors(node),
        editors=_parties(node, "editor"),
        publisher=publisher,
        source=_source(node, "source"),
        section=next((s for s in sections if s), None),
        keywords=tuple(dict.fromkeys(k for k in keywords if k)),
        subjects=_subjects(node),
        genre=next((_text(g.get("name")) for g in genres if _text(g.get("name"))), None),
        dateline=_text(node.get("located")),
        location=_place(node),
        rights=rights,
        urgency=urgency
        if isinstance(urgency, int) and not isinstance(urgency, bool) and 1 <= urgency <= 9
        else None,
    )


def sniff(head: str) -> bool:
    start = head.lstrip("\ufeff \t\r\n")[:1]
    return (
        start in ("{", "[")
        and '"uri"' in head
        and ("ninjs" in head or '"headlines"' in head or '"headline' in head or '"bodies"' in head)
    )


FORMAT = Format(
    name=NAME,
    extensions=(".ninjs.json", ".ninjs"),
    syntax="json",
    description="IPTC ninjs 3.1 (News in JSON); 1.x, 2.x and 3.x in",
    sniff=sniff,
    reader=Reader(parse=parse, to_article=to_article, schema="ninjs-input", locate=locate),
    writer=Writer(from_article=from_article, serialise=serialise, schema="ninjs"),
)
