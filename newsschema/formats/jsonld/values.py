"""Values as publishers write them: strings, objects, arrays, entities, every date dialect.

Each function takes one schema.org property value in any of the shapes sites use and
gives the canonical value, or None when there is nothing usable (a caption where an
image URL should be, a relative link with no base, a width of "auto").
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urljoin

from lxml import html as lxml_html

from ...errors import FieldError
from ...language import language_or_und, strip_byline
from ...model import URI, Agent, AgentType, Image, Place, Subject, is_qcode
from ...times import Moment, read_time
from ...uri import is_uri, normalise_uri
from ..base import Context
from ..forgiving import split_paragraphs, unique
from .graph import type_names

__all__ = [
    "agents_of",
    "boolean_of",
    "first",
    "images_of",
    "integer_of",
    "keywords_of",
    "language_of",
    "paragraphs_of",
    "place_of",
    "subjects_of",
    "text_of",
    "time_of",
    "uri_of",
]

_HTML_BLOCK = re.compile(r"<(?:p|br|div|h[1-6]|li|blockquote)\b[^>]*>", re.IGNORECASE)
_SPACE = re.compile(r"\s")
_KEYWORD_SEPARATORS = re.compile(r"[,，、;；]")


def first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def text_of(value: Any) -> str | None:
    """Plain text from a string, a number, ``{"@value": …}`` or the first of a list."""
    value = first(value)
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


def texts_of(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [t for t in map(text_of, items) if t]


def uri_of(value: Any, base: str | None = None) -> URI | None:
    """A URI from a string or an object with ``url``/``@id``; None for a caption or junk."""
    value = first(value)
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl") or value.get("@id")
        value = first(value)
    if not isinstance(value, str):
        return None
    candidate = value.strip()
    if not candidate or _SPACE.search(candidate):
        return None  # a sentence, not an address
    if base and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", candidate):
        candidate = urljoin(base, candidate)
    try:
        normalised = normalise_uri(candidate)
    except ValueError:
        return None
    return URI(normalised) if is_uri(normalised) else None


def integer_of(value: Any) -> int | None:
    value = first(value)
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


def boolean_of(value: Any) -> bool | None:
    value = first(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def time_of(value: Any, field: str, context: Context) -> Moment | None:
    text = text_of(value)
    if text is None:
        return None
    try:
        return read_time(text, context.timezone)
    except ValueError as error:
        raise FieldError(field, str(error)) from None


def agents_of(value: Any, default: AgentType = "Person") -> list[Agent]:
    agents: list[Agent] = []
    kind: AgentType
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            name, kind, role, url, email = text_of(item), default, None, None, None
        elif isinstance(item, dict):
            types = type_names(item)
            kind = (
                "Organization"
                if types & {"organization", "newsmediaorganization", "corporation"}
                else default
            )
            kind = "Person" if "person" in types else kind
            name = (
                text_of(item.get("name"))
                or text_of(item.get("legalName"))
                or _joined_name(text_of(item.get("givenName")), text_of(item.get("familyName")))
            )
            role = text_of(item.get("jobTitle")) if kind == "Person" else None
            url = uri_of(item.get("url") or item.get("sameAs"))
            email = text_of(item.get("email"))
            email = email.removeprefix("mailto:") if email and "@" in email else None
        else:
            continue
        name = strip_byline(name) if name else None
        if name and all(a.name != name for a in agents):
            agents.append(Agent(name=name, type=kind, role=role, url=url, email=email_of(email)))
    return agents


def _joined_name(given: str | None, family: str | None) -> str | None:
    """A person named only by parts (``givenName`` Birgit, ``familyName`` Baumann): the
    name as it is written — family first and unspaced in Chinese, Japanese and Korean
    (王 文 → 王文)."""
    if not given or not family:
        return given or family
    if _CJK_NAME.fullmatch(given + family):
        return family + given
    return f"{given} {family}"


_CJK_NAME = re.compile(r"[\u3400-\u9fff\uac00-\ud7af\u3040-\u30ff]+")


def email_of(value: str | None) -> str | None:
    if value and re.fullmatch(r"[!#-'*+\-/-9=?A-Z^-~.]+@[A-Za-z0-9.-]+", value):
        return value
    return None


def paragraphs_of(value: Any) -> list[str]:
    text = value if isinstance(value, str) else (text_of(value) or "")
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
    return split_paragraphs(text)


def images_of(value: Any, base: str | None) -> list[Image]:
    images: list[Image] = []
    for item in value if isinstance(value, list) else [value]:
        url = uri_of(item, base)
        if url is None or any(i.url == url for i in images):
            continue
        details = item if isinstance(item, dict) else {}
        images.append(
            Image(
                url=url,
                caption=text_of(details.get("caption")),
                credit=text_of(details.get("creditText") or details.get("copyrightHolder")),
                width=_size(details.get("width")),
                height=_size(details.get("height")),
            )
        )
    return images


def _size(value: Any) -> int | None:
    """A width or height in pixels; 0, "auto" and the like mean unknown."""
    size = integer_of(value)
    return size if size else None


def keywords_of(value: Any) -> list[str]:
    """An array is a list of keywords; a single string is a comma-separated list of them."""
    words = (
        texts_of(value)
        if isinstance(value, list)
        else _KEYWORD_SEPARATORS.split(text_of(value) or "")
    )
    return unique(words)


def subjects_of(value: Any) -> list[Subject]:
    subjects: list[Subject] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            name = text_of(item)
            subjects.extend([Subject(name=name)] if name else [])
        elif isinstance(item, dict):
            code = text_of(item.get("termCode"))
            valid_code = code if code and is_qcode(code) else None
            name = text_of(item.get("name")) or (code if code and not valid_code else None)
            uri = uri_of(item.get("url") or item.get("@id"))
            if valid_code or name or uri:
                subjects.append(Subject(code=valid_code, name=name, uri=uri))
    return subjects


def place_of(value: Any) -> Place | None:
    if isinstance(first(value), str):
        return Place(name=text_of(value))
    node = first(value)
    if not isinstance(node, dict):
        return None
    address = first(node.get("address"))
    country = text_of(address.get("addressCountry")) if isinstance(address, dict) else None
    geo = first(node.get("geo"))
    geo = geo if isinstance(geo, dict) else {}
    latitude, longitude = (number_of(geo.get(k)) for k in ("latitude", "longitude"))
    place = Place(
        name=text_of(node.get("name")),
        country=country.upper() if country and re.fullmatch(r"[A-Za-z]{2}", country) else None,
        latitude=latitude if latitude is not None and -90 <= latitude <= 90 else None,
        longitude=longitude if longitude is not None and -180 <= longitude <= 180 else None,
    )
    return place if place != Place() else None


def number_of(value: Any) -> float | None:
    value = first(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    try:
        return float(value) if isinstance(value, str) else None
    except ValueError:
        return None


def language_of(value: Any) -> str:
    node = first(value)
    if isinstance(node, dict):
        node = node.get("alternateName") or node.get("name")
    return language_or_und(text_of(node))
