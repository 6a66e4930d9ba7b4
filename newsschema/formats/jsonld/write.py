"""Article → schema.org NewsArticle: one strict, documented shape.

Every property is a schema.org term; people and organisations are always objects in
arrays, with the name alone in ``name`` and a role in ``jobTitle``; the body is one
``articleBody`` string of paragraphs separated by a blank line. What schema.org cannot
say (urgency, version, an organisation's role) is left out rather than invented.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from ...jsontext import dumps
from ...language import word_count
from ...model import Agent, Article, Image, Place, Subject
from ...times import format_datetime
from ..base import Context, options_of
from .values import split_paragraphs

__all__ = ["PARAGRAPH_SEPARATOR", "JsonldOptions", "from_article", "serialise"]

PARAGRAPH_SEPARATOR = "\n\n"

# Inside <script>, "</script>" and "<!--" must never appear; JSON may escape any character.
_SCRIPT_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def _compact(node: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in node.items() if value not in (None, [], {})}


def _agent(agent: Agent) -> dict[str, Any]:
    role = agent.role if agent.type == "Person" else None
    return _compact(
        {
            "@type": agent.type,
            "name": agent.name,
            "jobTitle": role,
            "url": agent.url,
            "email": agent.email,
        }
    )


def _image(image: Image) -> dict[str, Any]:
    return _compact(
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
    geo = _compact(
        {"@type": "GeoCoordinates", "latitude": place.latitude, "longitude": place.longitude}
    )
    return _compact(
        {
            "@type": "Place",
            "name": place.name,
            "address": address,
            "geo": geo if len(geo) > 1 else None,
        }
    )


def _subject(subject: Subject) -> dict[str, Any]:
    return _compact(
        {"@type": "DefinedTerm", "termCode": subject.code, "name": subject.name, "url": subject.uri}
    )


def from_article(article: Article, context: Context) -> dict[str, Any]:
    rights = article.rights
    location = _place(article.location) if article.location else None
    when = {
        "datePublished": article.date_published,
        "dateModified": article.date_modified,
        "dateCreated": article.date_created,
    }
    return _compact(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "@id": article.id,
            "url": article.url,
            "mainEntityOfPage": article.url,
            "headline": article.headline,
            "alternativeHeadline": article.subheadline,
            "description": article.summary,
            # The paragraphs a reader will find: blank ones and stray spaces cannot
            # survive a blank-line-separated text, so they are not written either.
            "articleBody": PARAGRAPH_SEPARATOR.join(
                split_paragraphs(PARAGRAPH_SEPARATOR.join(article.body))
            ),
            "articleSection": article.section,
            "keywords": list(article.keywords),
            "inLanguage": article.language,
            **{key: format_datetime(value) for key, value in when.items() if value},
            "author": [_agent(a) for a in article.authors],
            "editor": [_agent(e) for e in article.editors],
            "publisher": _agent(article.publisher) if article.publisher else None,
            "sourceOrganization": _agent(article.source) if article.source else None,
            "image": [_image(i) for i in article.images],
            "copyrightHolder": (
                {"@type": "Organization", "name": rights.holder}
                if rights and rights.holder
                else None
            ),
            "copyrightNotice": rights.notice if rights else None,
            "copyrightYear": rights.year if rights else None,
            "license": rights.license if rights else None,
            "wordCount": word_count(" ".join(article.body)),
            "dateline": article.dateline,
            "contentLocation": location if location and len(location) > 1 else None,
            "about": [_subject(s) for s in article.subjects],
            "genre": article.genre,
            "isAccessibleForFree": article.free,
        }
    )


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
