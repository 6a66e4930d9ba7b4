"""Article → schema.org NewsArticle: one strict, documented shape.

Every property is a schema.org term; people and organisations are always objects in
arrays, with the name alone in ``name`` and a role in ``jobTitle``; the body is one
``articleBody`` string of paragraphs separated by a blank line. What schema.org cannot
say (urgency, version, slugline, embargo, editorial note, an organisation's role) is
left out rather than invented.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from ...jsontext import dumps
from ...language import word_count
from ...model import Agent, Article, Image, Place, Subject
from ...times import Moment, format_time
from ..base import Context, options_of
from ..fields import Field, written
from ..forgiving import compact, split_paragraphs

__all__ = ["FIELDS", "PARAGRAPH_SEPARATOR", "JsonldOptions", "from_article", "serialise"]

PARAGRAPH_SEPARATOR = "\n\n"

# Inside <script>, "</script>" and "<!--" must never appear; JSON may escape any character.
_SCRIPT_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def _agent(agent: Agent) -> dict[str, Any]:
    role = agent.role if agent.type == "Person" else None
    return compact(
        {
            "@type": agent.type,
            "name": agent.name,
            "jobTitle": role,
            "url": agent.url,
            "email": agent.email,
        }
    )


def _image(image: Image) -> dict[str, Any]:
    return compact(
        {
            "@type": "ImageObject",
            "url": image.url,
            "caption": image.caption,
            "creditText": image.credit,
            "width": image.width,
            "height": image.height,
        }
    )


def _place(place: Place) -> dict[str, Any]:
    address = {"@type": "PostalAddress", "addressCountry": place.country} if place.country else None
    geo = compact(
        {"@type": "GeoCoordinates", "latitude": place.latitude, "longitude": place.longitude}
    )
    return compact(
        {
            "@type": "Place",
            "name": place.name,
            "address": address,
            "geo": geo if len(geo) > 1 else None,
        }
    )


def _subject(subject: Subject) -> dict[str, Any]:
    return compact(
        {"@type": "DefinedTerm", "termCode": subject.code, "name": subject.name, "url": subject.uri}
    )


def _body(article: Article) -> str:
    """The paragraphs a reader will find: blank ones and stray spaces cannot survive a
    blank-line-separated text, so they are not written either."""
    return PARAGRAPH_SEPARATOR.join(split_paragraphs(PARAGRAPH_SEPARATOR.join(article.body)))


def _time(value: Moment | None) -> str | None:
    return format_time(value) if value else None


def _holder(article: Article) -> dict[str, Any] | None:
    holder = article.rights.holder if article.rights else None
    return {"@type": "Organization", "name": holder} if holder else None


def _location(article: Article) -> dict[str, Any] | None:
    location = _place(article.location) if article.location else None
    return location if location and len(location) > 1 else None


FIELDS: tuple[Field, ...] = (
    Field("@context", "", lambda a: "https://schema.org"),
    Field("@type", "", lambda a: "NewsArticle"),
    Field("@id", "id", lambda a: a.id),
    Field("url", "url", lambda a: a.url),
    Field("mainEntityOfPage", "url", lambda a: a.url),
    Field("headline", "headline", lambda a: a.headline),
    Field("alternativeHeadline", "subheadline", lambda a: a.subheadline),
    Field("description", "summary", lambda a: a.summary),
    Field("articleBody", "body", _body),
    Field("articleSection", "section", lambda a: a.section),
    Field("keywords", "keywords", lambda a: list(a.keywords)),
    Field("inLanguage", "language", lambda a: a.language),
    Field("datePublished", "date_published", lambda a: format_time(a.date_published)),
    Field("dateModified", "date_modified", lambda a: _time(a.date_modified)),
    Field("dateCreated", "date_created", lambda a: _time(a.date_created)),
    Field("author", "authors", lambda a: [_agent(x) for x in a.authors]),
    Field("editor", "editors", lambda a: [_agent(x) for x in a.editors]),
    Field("publisher", "publisher", lambda a: _agent(a.publisher) if a.publisher else None),
    Field("sourceOrganization", "source", lambda a: _agent(a.source) if a.source else None),
    Field("image", "images", lambda a: [_image(i) for i in a.images]),
    Field("copyrightHolder", "rights.holder", _holder),
    Field("copyrightNotice", "rights.notice", lambda a: a.rights.notice if a.rights else None),
    Field("copyrightYear", "rights.year", lambda a: a.rights.year if a.rights else None),
    Field("license", "rights.license", lambda a: a.rights.license if a.rights else None),
    Field("wordCount", "body", lambda a: word_count(" ".join(a.body))),
    Field("dateline", "dateline", lambda a: a.dateline),
    Field("contentLocation", "location", _location),
    Field("about", "subjects", lambda a: [_subject(s) for s in a.subjects]),
    Field("genre", "genre", lambda a: a.genre),
    Field("isAccessibleForFree", "free", lambda a: a.free),
)
"""Each schema.org property newsschema writes, the canonical field it carries, and how."""


def from_article(article: Article, context: Context) -> dict[str, Any]:
    return written(FIELDS, article)


@attrs.frozen(kw_only=True)
class JsonldOptions:
    """What `newsschema.write(..., "jsonld", ...)` takes."""

    embed: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    """Write a ``<script type="application/ld+json">`` element to paste into a page."""


def serialise(documents: Sequence[Any], context: Context) -> str:
    value = documents[0] if len(documents) == 1 else list(documents)
    if not options_of(context, JsonldOptions).embed:
        return dumps(value) + "\n"
    script_safe = dumps(value).translate(_SCRIPT_SAFE)
    return f'<script type="application/ld+json">\n{script_safe}\n</script>\n'
