"""What a page's head says about its article: OpenGraph, ``article:*``, Dublin Core,
``<meta name="keywords">``, ``<link rel="canonical">`` and ``<html lang>``.

Each is read into the schema.org property it means, so that one mapping (the JSON-LD
reader's) turns every source into an article. When two sources give one property, the
first in each list below wins: publishers fill OpenGraph for social networks with care,
and Dublin Core, where it survives, is often a template's leftovers.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import html as lxml_html

from ...model import is_language_tag
from ...portal import TIME, naive_time
from ...times import read_written

__all__ = ["head_properties", "meta_contents"]

# schema.org property → the meta names or properties that give it, best first
# (``datepublished``: schema.org microdata, <meta itemprop="datePublished" content=…>,
# taken when the page gives it one value: `_MICRODATA`).
_SINGLE = {
    "headline": ("og:title", "twitter:title", "dc.title", "dcterms.title"),
    "description": ("og:description", "description", "twitter:description", "dc.description",
                    "dcterms.description", "dcterms.abstract"),
    "datePublished": ("article:published_time", "og:article:published_time",
                      "article:published", "datepublished", "pubdate",
                      "publishdate", "publish-date", "publish_date", "published_at",
                      "parsely-pub-date", "sailthru.date", "dcterms.issued", "dc.date.issued",
                      "dcterms.created", "dc.date.created", "dc.date", "dcterms.date", "date"),
    "dateModified": ("article:modified_time", "og:updated_time", "article:modified",
                     "datemodified", "dcterms.modified",
                     "dc.date.modified", "lastmod"),
    "articleSection": ("article:section", "og:article:section"),
    "url": ("og:url",),
    "image": ("og:image:secure_url", "og:image", "og:image:url", "twitter:image"),
    "publisher": ("og:site_name", "dc.publisher", "dcterms.publisher", "publisher"),
    "inLanguage": ("dc.language", "dcterms.language", "content-language", "language"),
    "copyrightNotice": ("copyright", "dc.rights", "dcterms.rights"),
    "sourceOrganization": ("source", "contentsource"),
}  # fmt: skip
_SOURCE_LABEL = re.compile(r"^\s*(?:来源|來源|稿源)\s*[:：]\s*")
_AUTHOR_METAS = (
    "article:author", "author", "dc.creator", "dcterms.creator", "byl",
    "cxenseparse:author",  # Piano's analytics tag, the one by-line meta of many sites
)  # fmt: skip
_KEYWORD_METAS = ("article:tag", "news_keywords", "keywords", "dc.subject", "dcterms.subject")
_KEYWORD_SEPARATORS = re.compile(r"[,，、;；|]")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_WEB_ADDRESS = re.compile(r"^https?://", re.IGNORECASE)


def meta_contents(root: lxml_html.HtmlElement) -> dict[str, list[str]]:
    """Every meta's content by its lower-cased name, property or http-equiv, in order;
    some publishing systems write ``value=`` where ``content=`` belongs, and are read."""
    found: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        content = (meta.get("content") or meta.get("value") or "").strip()
        if not content:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = (meta.get(attribute) or "").strip().lower()
            if key:
                found.setdefault(key, []).append(content)
    return found


_MICRODATA = frozenset(("datepublished", "datemodified"))
"""Names read from ``itemprop``: each belongs to the item around it, so a page that gives
one several values (a related video's, then the article's) says not which is the
article's, and none is taken."""


def _first(metas: dict[str, list[str]], names: tuple[str, ...]) -> str | None:
    return next(
        (
            metas[name][0]
            for name in names
            if name in metas and (name not in _MICRODATA or len(set(metas[name])) == 1)
        ),
        None,
    )


def _language(root: lxml_html.HtmlElement, metas: dict[str, list[str]]) -> str | None:
    """The first language the page declares that is a language tag: templates put an
    encoding (``Content-Language: utf-8``) where a language belongs, and a page that says
    nothing usable is better guessed from its words."""
    lang = (
        root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    ).strip()
    declared = (lang, _first(metas, ("og:locale",)), _first(metas, _SINGLE["inLanguage"]))
    tags = ((text or "").strip().replace("_", "-") for text in declared)
    return next((tag for tag in tags if is_language_tag(tag)), None)


def head_properties(root: lxml_html.HtmlElement) -> dict[str, Any]:
    """schema.org properties from the page's meta tags, canonical link and language."""
    metas = meta_contents(root)
    found: dict[str, Any] = {}
    for prop, names in _SINGLE.items():
        value = _first(metas, names)
        if value is not None and prop != "inLanguage":
            found[prop] = value
    for prop in ("datePublished", "dateModified"):
        if prop in found:
            when = _time(found.pop(prop))
            if when:
                found[prop] = when
    if "sourceOrganization" in found:
        source = _SOURCE_LABEL.sub("", found["sourceOrganization"]).strip()
        found["sourceOrganization"] = {"@type": "Organization", "name": source}
    name = next((n for n in _KEYWORD_METAS if n in metas), None)
    if name is not None:
        words = [w.strip() for v in metas[name] for w in _KEYWORD_SEPARATORS.split(v) if w.strip()]
        found["keywords"] = list(dict.fromkeys(words))
    for name in _AUTHOR_METAS:  # the first that names someone: article:author is often a URL
        people = _people(metas.get(name, []), str(found.get("publisher") or ""))
        if people:
            found["author"] = people
            break
    if "publisher" in found:
        found["publisher"] = {"@type": "Organization", "name": found["publisher"]}
    canonical = next(
        (link.get("href") for link in root.iter("link") if _rel(link) == "canonical"), None
    )
    if canonical and canonical.strip():
        found.setdefault("url", canonical.strip())
    language = _language(root, metas)
    if language:
        found["inLanguage"] = language
    return found


def _people(values: list[str], publisher: str) -> list[dict[str, str]]:
    """The people author metas name; ``article:author`` is often the author's page, not a
    name: a web address names no one. An outlet's or agency's acronym alone (``AP``,
    ``AFP``) is an organisation, not a person."""
    return [
        {"@type": "Organization" if _ACRONYM.fullmatch(name) else "Person", "name": name}
        for value in values
        if not _WEB_ADDRESS.match(value)
        for name in people_in(value, publisher)
    ]


_ACRONYM = re.compile(r"[A-Z]{2,6}")
"""An outlet or agency after the people it credits: ``CNN``, ``AP``, ``AFP``."""
_CREDIT_SEPARATORS = re.compile(r",|;|&|、|\band\b|\bund\b|\bet\b|\by\b")
_PLACEHOLDERS = frozenset(("name", "admin", "administrator", "author", "user", "unknown"))
"""What a page template prints where nobody filled in the author (guancha.cn: ``name,
email@gmail.com``)."""


def people_in(credit: str, publisher: str) -> list[str]:
    """The people an author meta names: ``A and B``, ``A, B, and C, CNN`` give each; the
    publisher's own name, an e-mail address, a number and a template's placeholder are
    none, and an outlet's acronym after a person is none either. A credit is split only
    when every part left looks like a name (capitalised words), else it is kept whole:
    ``Smith, Jones and co`` is one credit."""
    parts = [p.strip() for p in _CREDIT_SEPARATORS.split(credit) if p and p.strip()]
    kept = [
        part
        for part in parts
        if "@" not in part
        and not part.isdigit()
        and part.casefold() not in _PLACEHOLDERS
        and part.casefold() != publisher.casefold()
    ]
    if not kept:
        return []  # only placeholders, addresses or the publisher
    people = [part for part in kept if not _ACRONYM.fullmatch(part)]
    kept = people or kept  # "Ed Hornick, CNN": the outlet after a person
    if len(parts) > 1 and all(looks_named(part) for part in kept):
        return kept
    return [credit.strip()]


_CJK_NAME = re.compile(r"[\u3400-\u9fff\u3040-\u30ff\uac00-\ud7af·•]{2,12}")


def looks_named(part: str) -> bool:
    """Two to five capitalised words, or a CJK name: one word alone may be half of a
    ``Surname, Given`` credit, which must stay whole."""
    words = part.split()
    if len(words) == 1:
        return bool(_CJK_NAME.fullmatch(part))
    return len(words) <= 5 and all(w[:1].upper() == w[:1] for w in words)


def _time(value: str) -> str | None:
    """A time in a form `times.read_written` reads, as it is; a portal's ``2022年04月22日
    14:36`` made ISO; else None.

    A meta time nobody can read is dropped, so that the visible page can give one.
    """
    try:
        read_written(value)
    except ValueError:
        pass
    else:
        return value.strip()
    match = TIME.search(value)
    return naive_time(match) if match else None


def _rel(link: lxml_html.HtmlElement) -> str:
    return " ".join((link.get("rel") or "").lower().split())
