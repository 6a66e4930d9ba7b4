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
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any

import attrs
from lxml import html as lxml_html

from ...errors import FieldError, Issue
from ...jsontext import dumps, loads, locate, parse_issue
from ...language import language_or_und, strip_byline, word_count
from ...model import URI, Agent, AgentType, Article, Place, Rights, Subject, derive_id, is_qcode
from ...times import Moment, format_time, read_time, repair_of
from ...times.days import check_time_of_day, instant_of
from ...times.evidence import Inferred, infer_zone
from ...uri import is_uri
from ...validation import shown
from ..base import Context, Format, Parsed, Reader, Writer, options_of
from ..fields import Field, written
from ..forgiving import compact, markup_paragraphs, split_paragraphs, stripped, unique
from .associations import associations_of, images_of
from .standard import conform

__all__ = ["FIELDS", "FORMAT", "NinjsOptions", "ninjs_version"]

NAME = "ninjs"
WRITTEN = "3.1"
SCHEMA_URI = f"http://www.iptc.org/std/ninjs/ninjs-schema_{WRITTEN}.json"
_COUNTRY_URI = re.compile(r"^https?://cvx?\.iptc\.org/iso3166-1a2/([A-Za-z]{2})$")
# For text whose white space is collapsed to single spaces (no run to backtrack over).
_BY_SEPARATORS = re.compile(r" (?:and|und|et|y|&) | ?[,;、，] ?")


# --- writer ------------------------------------------------------------------------------


def _party(agent: Agent, rel: str) -> dict[str, Any]:
    return compact({"name": agent.name, "rel": rel, "uri": agent.url})


# HTML parsers turn a raw CR into LF; a character reference keeps it. NUL has no place in
# HTML at all: its reference reads back as U+FFFD, the one loss in the HTML body.
_HTML_KEEP = str.maketrans({"\r": "&#13;", "\x00": "&#0;"})


def _html_text(paragraph: str) -> str:
    text = html.escape(paragraph, quote=False)
    return text.translate(_HTML_KEEP) if "\r" in text or "\x00" in text else text


def _credited(article: Article, type: AgentType) -> list[dict[str, Any]]:
    """The article's authors then editors of one type, with their ``rel``."""
    found = [_party(a, "author") for a in article.authors if a.type == type]
    return found + [_party(e, "editor") for e in article.editors if e.type == type]


def _info_sources(article: Article) -> list[dict[str, Any]]:
    pairs = ((article.publisher, "publisher"), (article.source, "source"))
    return [compact({"name": a.name, "role": role, "uri": a.url}) for a, role in pairs if a]


def _subjects_written(article: Article) -> list[dict[str, Any]]:
    """Subjects, then keywords and the section as subjects (ninjs 3.1 has no property
    for either)."""
    found = [compact({"name": s.name, "literal": s.code, "uri": s.uri}) for s in article.subjects]
    found += [{"name": k, "rel": "keyword"} for k in article.keywords]
    return found + ([{"name": article.section, "rel": "section"}] if article.section else [])


def _places(article: Article) -> list[dict[str, Any]]:
    place = article.location
    if not place or not (place.name or place.country):
        return []
    country = f"http://cv.iptc.org/iso3166-1a2/{place.country}" if place.country else None
    return [compact({"name": place.name, "rel": "located", "uri": country})]


def _headlines(article: Article) -> list[dict[str, Any]]:
    sub = [{"role": "sub", "value": article.subheadline}] if article.subheadline else []
    return [{"role": "main", "value": article.headline}, *sub]


def _bodies(article: Article) -> list[dict[str, Any]]:
    """The body as plain text and as HTML, which the reader prefers (it is exact)."""
    counts = {
        "charCount": sum(map(len, article.body)),
        "wordCount": word_count(" ".join(article.body)),
    }
    plain = {"role": "main", "contentType": "text/plain", "value": "\n\n".join(article.body)}
    markup = "".join(f"<p>{_html_text(p)}</p>" for p in article.body)
    return [
        {**plain, **counts},
        {"role": "main", "contentType": "text/html", "value": markup, **counts},
    ]


def _rights(part: str) -> Callable[[Article], Any]:
    return lambda article: getattr(article.rights, part) if article.rights else None


_STANDARD = {"name": "ninjs", "version": "3.1", "schema": SCHEMA_URI}

FIELDS: tuple[Field, ...] = (
    Field("standard", "", lambda a: _STANDARD),
    Field("uri", "id", lambda a: a.id),
    Field("type", "", lambda a: "text"),
    Field("version", "version", lambda a: str(a.version)),
    Field("firstCreated", "date_published", lambda a: format_time(a.date_published)),
    Field(
        "versionCreated",
        "date_modified",
        lambda a: format_time(a.date_modified or a.date_published),
    ),
    Field(
        "contentCreated",
        "date_created",
        lambda a: format_time(a.date_created) if a.date_created else None,
    ),
    Field(
        "embargoedUntil",
        "embargoed",
        lambda a: format_time(a.embargoed) if a.embargoed else None,
    ),
    Field("pubStatus", "", lambda a: "usable"),
    Field("urgency", "urgency", lambda a: a.urgency),
    Field("copyrightHolder", "rights.holder", _rights("holder")),
    Field("copyrightNotice", "rights.notice", _rights("notice")),
    Field("usageTerms", "rights.license", _rights("license")),
    Field("edNote", "editorial_note", lambda a: a.editorial_note),
    Field("language", "language", lambda a: a.language),
    Field("headlines", "headline, subheadline", _headlines),
    Field(
        "descriptions",
        "summary",
        lambda a: [{"role": "summary", "value": a.summary}] if a.summary else [],
    ),
    Field("bodies", "body", _bodies),
    Field("by", "authors", lambda a: ", ".join(x.name for x in a.authors) or None),
    Field("people", "authors, editors", lambda a: _credited(a, "Person")),
    Field("organisations", "authors, editors", lambda a: _credited(a, "Organization")),
    Field("infoSources", "publisher, source", _info_sources),
    Field("subjects", "subjects, keywords, section", _subjects_written),
    Field("genres", "genre", lambda a: [{"name": a.genre}] if a.genre else []),
    Field("slugline", "slugline", lambda a: a.slugline),
    Field("located", "dateline", lambda a: a.dateline),
    Field("places", "location", _places),
    Field("altIds", "url", lambda a: [{"role": "url", "value": a.url}] if a.url else []),
    Field("associations", "images", lambda a: associations_of(a.images)),
)
"""Each ninjs 3.1 property newsschema writes, the canonical field it carries, and how."""


@attrs.frozen(kw_only=True)
class NinjsOptions:
    """What `newsschema.write(..., "ninjs", ...)` takes."""

    time_of_day: str | None = attrs.field(default=None, validator=check_time_of_day)
    """The time of day (``12:00+08:00``; ``12:00`` with ``--timezone``) to write a day
    at: every ninjs time is a date-time."""


_NINJS_TIMES = (
    ("date_published", "firstCreated"),
    ("date_modified", "versionCreated"),
    ("date_created", "contentCreated"),
)


def from_article(article: Article, context: Context) -> dict[str, Any]:
    """The item; a day becomes an instant at the user's time of day, or is refused."""
    return written(FIELDS, _with_instants(article, context))


def _with_instants(article: Article, context: Context) -> Article:
    time_of_day = options_of(context, NinjsOptions).time_of_day
    instants: dict[str, Any] = {}
    for field, property in _NINJS_TIMES:
        value = getattr(article, field)
        if value is not None and not isinstance(value, datetime):
            instants[field] = instant_of(
                value,
                field=field,
                needs=f"ninjs's {property}",
                time_of_day=time_of_day,
                zone=context.timezone,
            )
    return attrs.evolve(article, **instants) if instants else article


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
    listed, prefix = _listed_items(document)
    items = listed if listed is not None else [document]
    for index, item in enumerate(items):
        base = f"{prefix}/{index}" if listed is not None else ""
        record = index if listed is not None else None
        if not isinstance(item, dict):
            issue = Issue(
                stage="parse", format=NAME, path="", message="a ninjs item is a JSON object"
            )
            yield Parsed(issues=[issue], base=base, source=text, record=record)
        else:
            inferred = _inferred_zone(item, context)
            yield Parsed(
                document=item,
                base=base,
                source=text,
                record=record,
                issues=[inferred.issue(NAME)] if inferred else [],
                zone=inferred,
            )


_ENVELOPES = ("items", "item", "_items")
"""Where a content API's page of results (``{"total": 1, "item": [...]}``) keeps them."""


def _listed_items(document: Any) -> tuple[list[Any] | None, str]:
    """The items of a JSON array, or of an API's page of results (an object that is no
    item itself and lists them under `_ENVELOPES`), with the pointer to the list; None
    for one item."""
    if isinstance(document, list):
        return document, ""
    if not isinstance(document, dict) or {"uri", "headline", "headlines"} & set(document):
        return None, ""
    for key in _ENVELOPES:
        listed = document.get(key)
        if isinstance(listed, list) and listed and all(isinstance(i, dict) for i in listed):
            return listed, f"/{key}"
    return None, ""


def _inferred_zone(item: dict[str, Any], context: Context) -> Inferred | None:
    """The zone the item's evidence gives its times written without one: its other
    times' offset, its language (`times.evidence`)."""
    folded = {str(key).lower(): value for key, value in item.items()}
    times = [folded.get(key) for key in ("firstcreated", "contentcreated", "versioncreated")]
    language = folded.get("language")
    return infer_zone(
        [t for t in times if isinstance(t, str)],
        given=context.timezone,
        language=language if isinstance(language, str) else None,
    )


def _by_role(items: Any, role: str | None = None, key: str = "role") -> list[dict[str, Any]]:
    entries = [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []
    return [i for i in entries if role is None or i.get(key) == role]


def _first_value(items: Any, role: str) -> str | None:
    chosen = _by_role(items, role) or _by_role(items)
    return stripped(chosen[0].get("value")) if chosen else None


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
    if not paragraphs and markup.strip():  # text and links with no paragraph marked
        paragraphs = markup_paragraphs(lxml_html.fragment_fromstring(markup, create_parent="div"))
    return tuple(paragraphs)


def _body(node: dict[str, Any]) -> tuple[str, ...]:
    bodies = _by_role(node.get("bodies"))
    markup = [b for b in bodies if "html" in str(b.get("contenttype", b.get("role", "")))]
    if markup and isinstance(markup[0].get("value"), str):
        return _paragraphs_from_html(markup[0]["value"])
    rich = node.get("body_html") or node.get("body_xhtml") or node.get("body_richtext")
    found = _paragraphs_from_html(rich) if isinstance(rich, str) else ()
    if found:
        return found  # else markup without paragraphs: the plain text says it as well
    plain = [b for b in bodies if isinstance(b.get("value"), str)]
    text = plain[0]["value"] if plain else node.get("body_text") or node.get("body_main")
    if not isinstance(text, str):
        return ()
    return tuple(split_paragraphs(text))


def _agent(entry: dict[str, Any], kind: AgentType) -> Agent | None:
    name = stripped(entry.get("name")) or stripped(entry.get("literal"))
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
    by = stripped(node.get("by")) or stripped(node.get("byline"))
    if authors or by is None:
        return authors
    collapsed = " ".join(strip_byline(by).split())  # the separators expect single spaces
    names = [n.strip() for n in _BY_SEPARATORS.split(collapsed) if n.strip()]
    return tuple(Agent(name=n) for n in dict.fromkeys(names))


def _source(node: dict[str, Any], role: str) -> Agent | None:
    entries = _by_role(node.get("infosources") or node.get("infosource"), role)
    return _agent(entries[0], "Organization") if entries else None


def _time(node: dict[str, Any], key: str, context: Context) -> Moment | None:
    text = stripped(node.get(key))
    if text is None:
        return None
    try:
        return read_time(text, context.timezone)
    except ValueError as error:
        raise FieldError(key, str(error)) from None


def _subjects(node: dict[str, Any]) -> tuple[Subject, ...]:
    subjects = []
    for entry in _by_role(node.get("subjects") or node.get("subject")):
        if entry.get("rel") in ("keyword", "section"):
            continue
        code = stripped(entry.get("literal")) or stripped(entry.get("code"))
        code = code if code and is_qcode(code) else None
        uri = (
            entry.get("uri") if isinstance(entry.get("uri"), str) and is_uri(entry["uri"]) else None
        )
        name = stripped(entry.get("name"))
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
        name=stripped(entries[0].get("name")), country=country[1].upper() if country else None
    )
    return place if place != Place() else None


def _headline(node: dict[str, Any]) -> str:
    headline = (
        _first_value(node.get("headlines"), "main")
        or stripped(node.get("headline_main"))
        or stripped(node.get("headline"))
    )
    if headline is None:
        raise FieldError("headlines", "is required: the item has no headline")
    return headline


_TIMES = ("firstcreated", "contentcreated", "versioncreated")


def _published(node: dict[str, Any], context: Context) -> Moment:
    """The first of the creation times the item gives that can be read: ninjs has no
    publication time. The others that cannot be read are dropped (`advise` says so)."""
    unreadable: FieldError | None = None
    for key in _TIMES:
        try:
            published = _time(node, key, context)
        except FieldError as error:
            unreadable = unreadable or error
            continue
        if published:
            return published
    if unreadable is not None:
        raise unreadable
    raise FieldError("firstCreated", "is required: the item has no firstCreated or versionCreated")


def _optional_time(node: dict[str, Any], key: str, context: Context) -> Moment | None:
    try:
        return _time(node, key, context)
    except FieldError:
        return None


def advise(document: dict[str, Any], context: Context) -> list[Issue]:
    """What a readable item loses, as warnings: the times that cannot be read (when
    another can), an urgency that is none, entries of lists that are not objects."""
    node = _fold(document)
    found = []
    for key in _TIMES:
        try:
            _time(node, key, context)
        except FieldError as error:
            found.append(error)
    if len(found) == sum(1 for key in _TIMES if stripped(node.get(key))):
        found = []  # none can be read: the reader refuses the item, saying why
    dropped = [
        (
            f"/{_spelt(document, e.field)}",
            f"{e.message}: dropped, as the item has another time to publish by",
        )
        for e in found
    ]
    dropped += _unusable(document, context)
    unlisted = _unlisted_text(node)
    if unlisted is not None:
        message = f"{shown(unlisted)} is not a ninjs type: read as text, as the item has a body"
        dropped.append((f"/{_spelt(document, 'type')}", message))
    dropped += [
        (f"/{_spelt(document, key)}", repair)
        for key in _TIMES
        if (repair := repair_of(node.get(key)))
    ]
    return [
        Issue(stage="input", format=NAME, path=path, message=message, severity="warning")
        for path, message in dropped
    ]


_LISTS = ("people", "organisations", "places", "subjects", "genres", "infosources")


def _unusable(document: dict[str, Any], context: Context) -> list[tuple[str, str]]:
    """(path, message) of the optional values the reader cannot use and leaves out."""
    found = []
    urgency = next((v for k, v in document.items() if str(k).lower() == "urgency"), None)
    if urgency is not None and _urgency({"urgency": urgency}) is None:
        where = f"/{_spelt(document, 'urgency')}"
        found.append((where, f"{shown(urgency)} is not an urgency from 1 to 9: dropped"))
    for key in _EMBARGOES:
        value = next((v for k, v in document.items() if str(k).lower() == key), None)
        if value is not None and _embargo({key: value}, context) is None:
            message = f"{shown(value)} is not a date-time with a zone: dropped"
            found.append((f"/{_spelt(document, key)}", message))
    for key, value in document.items():
        if str(key).lower() in _LISTS and isinstance(value, list):
            found += [
                (f"/{key}/{index}", f"{shown(item)} is not an object: dropped")
                for index, item in enumerate(value)
                if not isinstance(item, dict)
            ]
    return found


def _spelt(document: dict[str, Any], folded: str) -> str:
    """The key as the document spells it (``versionCreated``, ``versioncreated``)."""
    return next((str(k) for k in document if str(k).lower() == folded), folded)


def _named(node: dict[str, Any], rel: str) -> list[str]:
    """The names of the subjects with ``rel`` (how keywords and the section are written)."""
    return [
        n
        for n in (stripped(s.get("name")) for s in _by_role(node.get("subjects"), rel, "rel"))
        if n
    ]


def _rights_read(node: dict[str, Any]) -> Rights:
    terms = stripped(node.get("usageterms"))
    return Rights(
        holder=stripped(node.get("copyrightholder")),
        notice=stripped(node.get("copyrightnotice")),
        license=terms if terms and is_uri(terms) else None,
    )


def _identity(
    node: dict[str, Any], publisher: Agent | None, published: Moment, headline: str
) -> tuple[str, int, URI | None]:
    """``id``, ``version`` and ``url``: the item's own when they are usable."""
    uri = str(node.get("uri") or "")
    version = str(node.get("version") or "1")
    url = next((a.get("value") for a in _by_role(node.get("altids"), "url")), None)
    if not is_uri(uri):
        uri = derive_id(publisher.name if publisher else None, published, headline)
    number = int(version) if version.isdigit() and int(version) > 0 else 1
    return uri, number, URI(url) if isinstance(url, str) and is_uri(url) else None


def _urgency(node: dict[str, Any]) -> int | None:
    urgency = node.get("urgency")
    if isinstance(urgency, int) and not isinstance(urgency, bool) and 1 <= urgency <= 9:
        return urgency
    return None


def _genre(node: dict[str, Any]) -> str | None:
    names = (stripped(g.get("name")) for g in _by_role(node.get("genres") or node.get("genre")))
    return next((name for name in names if name), None)


_MEDIA_TYPES = frozenset(("audio", "video", "picture", "graphic", "component"))
"""ninjs types that are never text; ``text`` and ``composite`` are the others."""


def _unlisted_text(node: dict[str, Any]) -> str | None:
    """A type ninjs does not list (a newsroom system's ``story``, ``advisory``) on an item
    with a body of text: read as text, with a warning. None for any other item."""
    kind = node.get("type", "text")
    if kind in ("text", "composite") or kind in _MEDIA_TYPES or not _body(node):
        return None
    return str(kind)


def _is_text(node: dict[str, Any]) -> None:
    """An item of type text, or a composite whose content is text (a story packaged with
    its pictures, as agencies send press releases), or of a type ninjs does not list
    that has a body of text; else "not an article"."""
    kind = node.get("type", "text")
    if kind == "text" or (kind == "composite" and _body(node)) or _unlisted_text(node):
        return
    what = "a composite with no body of text" if kind == "composite" else f"of type {kind!r}"
    message = f"not an article: the ninjs item is {what}; newsschema reads type 'text'"
    raise FieldError("type", message)


def to_article(document: dict[str, Any], context: Context) -> Article:
    node = _fold(document)
    _is_text(node)
    headline = _headline(node)
    published = _published(node, context)
    version_created = _optional_time(node, "versioncreated", context)
    publisher = _source(node, "publisher")
    uri, version, url = _identity(node, publisher, published, headline)
    return Article(
        id=uri,
        version=version,
        url=url,
        headline=headline,
        subheadline=_first_value(_by_role(node.get("headlines"), "sub"), "sub"),
        summary=_first_value(node.get("descriptions"), "summary")
        or stripped(node.get("description_text")),
        body=_body(node),
        language=language_or_und(stripped(node.get("language")) or ""),
        date_published=published,
        date_modified=version_created if version_created != published else None,
        date_created=_optional_time(node, "contentcreated", context),
        authors=_authors(node),
        editors=_parties(node, "editor"),
        publisher=publisher,
        source=_source(node, "source"),
        section=next(iter(_named(node, "section")), None),
        keywords=tuple(unique(_named(node, "keyword"))),
        subjects=_subjects(node),
        genre=_genre(node),
        dateline=stripped(node.get("located")),
        location=_place(node),
        rights=_rights_read(node),
        urgency=_urgency(node),
        images=images_of(node),
        slugline=stripped(node.get("slugline")),
        embargoed=_embargo(node, context),
        editorial_note=stripped(node.get("ednote")),
    )


_EMBARGOES = ("embargoeduntil", "embargoed")
"""ninjs 3.x names the embargo ``embargoedUntil``; 1.x and 2.x ``embargoed``."""


def _embargo(node: dict[str, Any], context: Context) -> datetime | None:
    """The embargo's instant; one that cannot be read, or is a day, is dropped (`advise`
    says so): an optional field never sinks the item."""
    for key in _EMBARGOES:
        embargo = _optional_time(node, key, context)
        if isinstance(embargo, datetime):
            return embargo
    return None


def check_output(document: dict[str, Any], context: Context) -> list[Issue]:
    """newsschema's profile of what it writes, then the standard: IPTC's ninjs 3.1."""
    own = context.validators["ninjs"].issues(document, stage="output", format=NAME)
    standard = context.validators.standard(f"ninjs-schema_{WRITTEN}", "GeoJSON-schema")
    found = standard.issues(document, stage="output", format=NAME)
    return own + [
        attrs.evolve(i, message=f"{i.message} (IPTC's ninjs {WRITTEN} schema)") for i in found
    ]


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
    reader=Reader(
        parse=parse,
        to_article=to_article,
        schema="ninjs-input",
        conform=conform,
        advise=advise,
        locate=locate,
    ),
    writer=Writer(
        from_article=from_article,
        serialise=serialise,
        check=check_output,
        options=NinjsOptions,
    ),
)
