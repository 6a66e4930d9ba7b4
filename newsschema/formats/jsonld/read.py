"""schema.org JSON-LD → articles, as publishers really write it.

Real pages wrap articles in ``@graph``, point at authors and publishers by ``@id``, give
types as IRIs or arrays, write one author as a string and the next as an object, put
HTML entities and escaped HTML in text, and dates in every ISO 8601 dialect. This reader
takes all of that; it does not run a JSON-LD processor (no network, no remote contexts),
it reads the schema.org vocabulary as sites use it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import urljoin

from lxml import html as lxml_html

from ...canonical import pointer
from ...errors import FieldError, Issue
from ...jsontext import loads, parse_issue
from ...model import URI, Agent, Article, Image, Place, Rights, Subject, derive_id
from ...uri import is_uri, normalise_uri
from ..base import Context, Parsed

__all__ = ["ARTICLE_TYPES", "advise", "article_nodes", "parse", "to_article"]

NAME = "jsonld"
ARTICLE_TYPES = frozenset(
    t.lower()
    for t in (
        "Article", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle",
        "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle",
        "ReviewNewsArticle", "SatiricalArticle", "BlogPosting", "LiveBlogPosting",
        "SocialMediaPosting", "Report", "TechArticle", "AdvertiserContentArticle",
    )
)  # fmt: skip
_SCHEMA_ORG = re.compile(r"^https?://(www\.)?schema\.org/?$", re.IGNORECASE)
_TYPE_PREFIX = re.compile(r"^(?:https?://(?:www\.)?schema\.org/|schema:)", re.IGNORECASE)
_HTML_BLOCK = re.compile(r"<(?:p|br|div|h[1-6]|li|blockquote)\b[^>]*>", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u3000]*\n")
_DATE = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2})?)(?P<fraction>[.,]\d+)?)?"
    r"\s*(?P<offset>Z|[+-]\d{2}(?::?\d{2})?)?$",
    re.IGNORECASE,
)
_BYLINE_PREFIX = re.compile(r"^\s*(by|von|par|por)\s+", re.IGNORECASE)
_SEVERAL_PEOPLE = re.compile(r"\s(and|&|und|et|y)\s|[、,;]|\s和\s?|和")
_KEYWORD_SEPARATORS = re.compile(r"\s*[,，、;；]\s*")
_MAX_DEPTH = 32
LONG_HEADLINE = 110


# --- finding the article nodes -----------------------------------------------------------


def _type_names(node: dict[str, Any]) -> set[str]:
    types = node.get("@type")
    names = types if isinstance(types, list) else [types]
    return {_TYPE_PREFIX.sub("", t).lower() for t in names if isinstance(t, str)}


def _speaks_schema_org(context: Any) -> bool | None:
    """True or False for a recognisable context; None when there is none (inherit)."""
    if context is None:
        return None
    if isinstance(context, str):
        return bool(_SCHEMA_ORG.match(context.strip()))
    if isinstance(context, dict):
        vocab = context.get("@vocab")
        return isinstance(vocab, str) and bool(_SCHEMA_ORG.match(vocab.strip()))
    if isinstance(context, list):
        return any(_speaks_schema_org(item) for item in context)
    return False


def _nodes(value: Any, path: str, schema_org: bool) -> Iterator[tuple[str, dict[str, Any], bool]]:
    """Every object in the document, with its pointer and whether it speaks schema.org."""
    if isinstance(value, dict):
        here = _speaks_schema_org(value.get("@context"))
        schema_org = schema_org if here is None else here
        yield path, value, schema_org
        for key, item in value.items():
            if key != "@context":
                yield from _nodes(item, path + pointer(key), schema_org)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nodes(item, path + pointer(index), schema_org)


def article_nodes(document: Any) -> Iterator[tuple[str, dict[str, Any], dict[str, dict[str, Any]]]]:
    """(pointer, node, index of nodes by @id) for each article node, each @id once."""
    nodes = list(_nodes(document, "", True))
    index = {n["@id"]: n for _, n, _ in nodes if isinstance(n.get("@id"), str) and len(n) > 1}
    seen: set[str] = set()
    for path, node, schema_org in nodes:
        if not schema_org or not _type_names(node) & ARTICLE_TYPES:
            continue
        identity = node.get("@id")
        if isinstance(identity, str):
            if identity in seen:
                continue
            seen.add(identity)
        yield path, node, index


def _resolve(
    value: Any, index: dict[str, dict[str, Any]], trail: frozenset[str], depth: int
) -> Any:
    """`value` with ``{"@id": …}`` references replaced by the nodes they name (no cycles)."""
    if depth > _MAX_DEPTH:
        return None
    if isinstance(value, list):
        return [_resolve(item, index, trail, depth + 1) for item in value]
    if not isinstance(value, dict):
        return value
    identity = value.get("@id")
    if isinstance(identity, str) and identity not in trail and identity in index:
        target = index[identity]
        if target is not value:
            value = {**target, **value}
        trail = trail | {identity}
    return {k: _resolve(v, index, trail, depth + 1) for k, v in value.items() if k != "@context"}


def _unwrap_script(text: str) -> str:
    """The JSON inside a ``<script type="application/ld+json">`` element, as --embed writes."""
    stripped = text.strip()
    if stripped[:7].lower() == "<script":
        start = stripped.find(">") + 1
        end = stripped.lower().rfind("</script>")
        return stripped[start:end] if end > start else stripped[start:]
    return text


def parse(text: str, context: Context) -> Iterator[Parsed]:
    source = _unwrap_script(text.removeprefix("\ufeff"))
    try:
        document = loads(source)
    except ValueError as error:
        yield Parsed(issues=[parse_issue(error, NAME)])
        return
    found = False
    for path, node, index in article_nodes(document):
        found = True
        trail = frozenset({node["@id"]}) if isinstance(node.get("@id"), str) else frozenset()
        yield Parsed(document=_resolve(node, index, trail, 0), base=path, source=source)
    if not found:
        message = "no article in this JSON-LD: no NewsArticle, Article or BlogPosting node"
        yield Parsed(issues=[Issue(stage="parse", format=NAME, path="", message=message)])


# --- reading values as sites write them --------------------------------------------------


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _text(value: Any) -> str | None:
    """Plain text from a string, a number, ``{"@value": …}`` or the first of a list."""
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("@value", value.get("name"))
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = html.unescape(value).strip() if "&" in value else value.strip()
    return text or None


def _texts(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [t for t in map(_text, items) if t]


def _uri(value: Any, base: str | None = None) -> URI | None:
    """A URI from a string or an object with ``url``/``@id``; None for a caption or junk."""
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl") or value.get("@id")
        value = _first(value)
    if not isinstance(value, str):
        return None
    candidate = value.strip()
    if not candidate or any(c.isspace() for c in candidate):
        return None  # a sentence, not an address
    if base and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", candidate):
        candidate = urljoin(base, candidate)
    try:
        normalised = normalise_uri(candidate)
    except ValueError:
        return None
    return URI(normalised) if is_uri(normalised) else None


def _integer(value: Any) -> int | None:
    value = _first(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        digits = re.match(r"^\s*(\d+)(?:\s*px)?\s*$", value)
        return int(digits[1]) if digits else None
    return None


def _boolean(value: Any) -> bool | None:
    value = _first(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def _datetime(value: Any, field: str, context: Context) -> datetime | None:
    text = _text(value)
    if text is None:
        return None
    match = _DATE.match(text)
    if match is None:
        raise FieldError(field, f"{text!r} is not an ISO 8601 date and time")
    clock = match["time"] or "00:00:00"
    fraction = (match["fraction"] or ".0")[1:7].ljust(6, "0")
    naive = datetime.fromisoformat(f"{match['date']}T{clock}.{fraction}")
    offset = match["offset"]
    if offset is None:
        if context.timezone is None:
            raise FieldError(field, f"{text!r} has no time zone; give one, or pass --timezone")
        return naive.replace(tzinfo=context.timezone)
    if offset.upper() == "Z":
        return naive.replace(tzinfo=timezone.utc)
    digits = offset[1:].replace(":", "").ljust(4, "0")
    sign = -1 if offset[0] == "-" else 1
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return naive.replace(tzinfo=timezone(sign * delta))


def _agents(value: Any, default: str = "Person") -> list[Agent]:
    agents: list[Agent] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            name, kind, role, url, email = _text(item), default, None, None, None
        elif isinstance(item, dict):
            types = _type_names(item)
            kind = (
                "Organization"
                if types & {"organization", "newsmediaorganization", "corporation"}
                else default
            )
            kind = "Person" if "person" in types else kind
            name = _text(item.get("name")) or _text(item.get("legalName"))
            role = _text(item.get("jobTitle")) if kind == "Person" else None
            url = _uri(item.get("url") or item.get("sameAs"))
            email = _text(item.get("email"))
            email = email.removeprefix("mailto:") if email and "@" in email else None
        else:
            continue
        name = _BYLINE_PREFIX.sub("", name) if name else None  # "By Jane Doe" is Jane Doe
        if name and all(a.name != name for a in agents):
            agents.append(Agent(name=name, type=kind, role=role, url=url, email=_email(email)))
    return agents


def _email(value: str | None) -> str | None:
    if value and re.fullmatch(r"[!#-'*+\-/-9=?A-Z^-~.]+@[A-Za-z0-9.-]+", value):
        return value
    return None


def _paragraphs(value: Any) -> list[str]:
    text = value if isinstance(value, str) else (_text(value) or "")
    if "&lt;" in text and _HTML_BLOCK.search(html.unescape(text)):
        text = html.unescape(text)
    if _HTML_BLOCK.search(text):
        fragment = lxml_html.fragment_fromstring(text, create_parent="div")
        for br in fragment.iter("br"):
            br.tail = "\n\n" + (br.tail or "")
        for block in fragment.iter(
            "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"
        ):
            block.tail = "\n\n" + (block.tail or "")
        text = fragment.text_content()
    elif "&" in text:
        text = html.unescape(text)
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def _images(value: Any, base: str | None) -> list[Image]:
    images: list[Image] = []
    for item in value if isinstance(value, list) else [value]:
        url = _uri(item, base)
        if url is None or any(i.url == url for i in images):
            continue
        details = item if isinstance(item, dict) else {}
        images.append(
            Image(
                url=url,
                caption=_text(details.get("caption")),
                credit=_text(details.get("creditText") or details.get("copyrightHolder")),
                width=_integer(details.get("width")),
                height=_integer(details.get("height")),
            )
        )
    return [i for i in images if (i.width or 1) > 0 and (i.height or 1) > 0]


def _keywords(value: Any) -> list[str]:
    """An array is a list of keywords; a single string is a comma-separated list of them."""
    words = (
        _texts(value) if isinstance(value, list) else _KEYWORD_SEPARATORS.split(_text(value) or "")
    )
    return list(dict.fromkeys(w.strip() for w in words if w.strip()))


def _subjects(value: Any) -> list[Subject]:
    subjects: list[Subject] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            name = _text(item)
            subjects.extend([Subject(name=name)] if name else [])
        elif isinstance(item, dict):
            code = _text(item.get("termCode"))
            valid_code = (
                code if code and re.fullmatch(r"[A-Za-z0-9_.-]+:[!#-9;-~]+", code) else None
            )
            name = _text(item.get("name")) or (code if code and not valid_code else None)
            uri = _uri(item.get("url") or item.get("@id"))
            if valid_code or name or uri:
                subjects.append(Subject(code=valid_code, name=name, uri=uri))
    return subjects


def _place(value: Any) -> Place | None:
    if isinstance(_first(value), str):
        return Place(name=_text(value))
    node = _first(value)
    if not isinstance(node, dict):
        return None
    address = _first(node.get("address"))
    country = _text(address.get("addressCountry")) if isinstance(address, dict) else None
    geo = _first(node.get("geo"))
    geo = geo if isinstance(geo, dict) else {}
    latitude, longitude = (_number(geo.get(k)) for k in ("latitude", "longitude"))
    place = Place(
        name=_text(node.get("name")),
        country=country.upper() if country and re.fullmatch(r"[A-Za-z]{2}", country) else None,
        latitude=latitude if latitude is not None and -90 <= latitude <= 90 else None,
        longitude=longitude if longitude is not None and -180 <= longitude <= 180 else None,
    )
    return place if place != Place() else None


def _number(value: Any) -> float | None:
    value = _first(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    try:
        return float(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _language(value: Any) -> str:
    node = _first(value)
    if isinstance(node, dict):
        node = node.get("alternateName") or node.get("name")
    tag = _text(node)
    return tag.replace("_", "-") if tag else "und"


def to_article(node: dict[str, Any], context: Context) -> Article:
    url = _uri(node.get("url")) or _uri(node.get("mainEntityOfPage"))
    headline = _text(node.get("headline")) or _text(node.get("name"))
    if headline is None:
        raise FieldError("headline", "is required")
    published = _datetime(
        node.get("datePublished") or node.get("dateCreated"), "datePublished", context
    )
    if published is None:
        raise FieldError("datePublished", "is required")
    publisher = _agents(node.get("publisher"), "Organization")
    holder = _agents(node.get("copyrightHolder"), "Organization")
    year = _integer(node.get("copyrightYear"))
    rights = Rights(
        holder=holder[0].name if holder else None,
        notice=_text(node.get("copyrightNotice")),
        license=_uri(node.get("license")),
        year=year if year and 1 <= year <= 9999 else None,
    )
    identity = _uri(node.get("@id"))
    if identity is None or identity.startswith("_:"):
        identity = url or derive_id(publisher[0].name if publisher else None, published, headline)
    return Article(
        id=identity,
        url=url,
        headline=headline,
        subheadline=_text(node.get("alternativeHeadline")),
        summary=_text(node.get("description")),
        body=_paragraphs(node.get("articleBody") or node.get("text") or ""),
        language=_language(node.get("inLanguage") or node.get("language")),
        date_published=published,
        date_modified=_datetime(node.get("dateModified"), "dateModified", context),
        date_created=_datetime(node.get("dateCreated"), "dateCreated", context),
        authors=tuple(_agents(node.get("author") or node.get("creator"))),
        editors=tuple(_agents(node.get("editor"))),
        publisher=publisher[0] if publisher else None,
        source=next(iter(_agents(node.get("sourceOrganization"), "Organization")), None),
        section=_text(node.get("articleSection")),
        keywords=tuple(_keywords(node.get("keywords"))),
        subjects=tuple(_subjects(node.get("about"))),
        genre=_text(node.get("genre")),
        dateline=_text(node.get("dateline")),
        location=_place(node.get("contentLocation")),
        images=tuple(_images(node.get("image"), url)),
        rights=rights if rights != Rights() else None,
        free=_boolean(node.get("isAccessibleForFree")),
    )


def advise(node: dict[str, Any], context: Context) -> list[Issue]:
    """Google's Article guidelines a valid document misses: warnings, never failures."""

    def warn(path: str, message: str) -> Issue:
        return Issue(stage="input", format=NAME, path=path, message=message, severity="warning")

    found = []
    if not _uri(_first(node.get("image"))):
        found.append(warn("/image", "no image: Google shows articles without one less often"))
    for field in ("author", "editor"):
        people = node.get(field)
        for index, item in enumerate(people if isinstance(people, list) else [people]):
            name = _text(item.get("name") if isinstance(item, dict) else item)
            where = pointer(field, index) if isinstance(people, list) else pointer(field)
            if name and _BYLINE_PREFIX.match(name):
                found.append(
                    warn(where, f"{name!r} starts with a by-line word; give the name alone")
                )
            elif (
                name
                and _SEVERAL_PEOPLE.search(name)
                and (
                    not isinstance(item, dict)
                    or "person" in _type_names(item)
                    or isinstance(item, str)
                )
            ):
                found.append(
                    warn(where, f"{name!r} looks like several people; give one object each")
                )
    for field in ("datePublished", "dateModified"):
        if context.timezone is None:
            break  # without --timezone, a time with no zone is an error, not a warning
        text = _text(node.get(field))
        match = _DATE.match(text) if text else None
        if match and not match["offset"]:
            found.append(warn(pointer(field), f"{text!r} has no time zone"))
    headline = _text(node.get("headline"))
    if headline and len(headline) > LONG_HEADLINE:
        found.append(
            warn(
                "/headline",
                f"the headline has {len(headline)} characters; Google shows about {LONG_HEADLINE}",
            )
        )
    return found
