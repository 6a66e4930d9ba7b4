"""Hand-written glue: what an engineer writes without newsschema, for the benchmarks.

Each format gets a reader (its text → a canonical-shaped dict) and a writer (that dict →
its text) mapping the same main fields newsschema maps — identity, headline, body,
language, times, people, publisher, section, keywords, summary, URL, rights — with the
standard library and plain lxml, and no checks at all: no schema, no model, no
normalisation, no error reporting beyond an exception. It is the floor a library's
conversion is measured against; it is not meant to be correct on the world's input.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
Glue = tuple[Any, Any]


def _names(people: Any) -> list[dict[str, Any]]:
    items = people if isinstance(people, list) else [people] if people else []
    return [{"name": p["name"], "type": p.get("@type", "Person")} for p in items]


# --- shared -------------------------------------------------------------------------------

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff"
_WORDS = re.compile(f"[{_CJK}]+|[^\\W_{_CJK}]+")


def _word_count(paragraphs: list[str]) -> int:
    """Ideographs count one each, other words one per run of letters (as newsschema's)."""
    count = 0
    for match in _WORDS.finditer(" ".join(paragraphs)):
        word = match.group()
        count += len(word) if "\u3040" <= word[0] <= "\ufaff" else 1
    return count


def _drop_empty(node: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in node.items() if value not in (None, [], {})}


# --- JSON-LD -----------------------------------------------------------------------------


def _schema_agent(agent: dict[str, Any]) -> dict[str, Any]:
    kind = agent.get("type", "Person")
    return _drop_empty(
        {
            "@type": kind,
            "name": agent["name"],
            "jobTitle": agent.get("role") if kind == "Person" else None,
            "url": agent.get("url"),
            "email": agent.get("email"),
        }
    )


def _agent_of(node: dict[str, Any], default: str = "Person") -> dict[str, Any]:
    kind = node.get("@type", default)
    return _drop_empty(
        {
            "name": node["name"],
            "type": None if kind == "Person" else kind,
            "role": node.get("jobTitle"),
            "url": node.get("url"),
            "email": node.get("email"),
        }
    )


def jsonld_read(text: str) -> dict[str, Any]:
    node = json.loads(text)
    body = node.get("articleBody", "")
    place = node.get("contentLocation") or {}
    rights = _drop_empty(
        {
            "holder": (node.get("copyrightHolder") or {}).get("name"),
            "notice": node.get("copyrightNotice"),
            "year": node.get("copyrightYear"),
            "license": node.get("license"),
        }
    )
    location = _drop_empty(
        {
            "name": place.get("name"),
            "country": (place.get("address") or {}).get("addressCountry"),
            "latitude": (place.get("geo") or {}).get("latitude"),
            "longitude": (place.get("geo") or {}).get("longitude"),
        }
    )
    return _drop_empty(
        {
            "id": node.get("@id"),
            "version": 1,
            "url": node.get("url"),
            "headline": node["headline"],
            "subheadline": node.get("alternativeHeadline"),
            "summary": node.get("description"),
            "body": body.split("\n\n") if body else [],
            "language": node.get("inLanguage", "und"),
            "date_published": node["datePublished"],
            "date_modified": node.get("dateModified"),
            "date_created": node.get("dateCreated"),
            "authors": [_agent_of(a) for a in node.get("author", [])],
            "editors": [_agent_of(a) for a in node.get("editor", [])],
            "publisher": _agent_of(node["publisher"], "Organization")
            if node.get("publisher")
            else None,
            "source": _agent_of(node["sourceOrganization"], "Organization")
            if node.get("sourceOrganization")
            else None,
            "section": node.get("articleSection"),
            "keywords": node.get("keywords", []),
            "images": [
                _drop_empty(
                    {
                        "url": i["url"],
                        "caption": i.get("caption"),
                        "credit": i.get("creditText"),
                        "width": i.get("width"),
                        "height": i.get("height"),
                    }
                )
                for i in node.get("image", [])
            ],
            "subjects": [
                _drop_empty({"code": s.get("termCode"), "name": s.get("name"), "uri": s.get("url")})
                for s in node.get("about", [])
            ],
            "rights": rights,
            "location": location,
            "dateline": node.get("dateline"),
            "genre": node.get("genre"),
            "free": node.get("isAccessibleForFree"),
        }
    )


def jsonld_write(article: dict[str, Any]) -> str:
    rights = article.get("rights") or {}
    place = article.get("location") or {}
    geo = _drop_empty(
        {
            "@type": "GeoCoordinates",
            "latitude": place.get("latitude"),
            "longitude": place.get("longitude"),
        }
    )
    location = _drop_empty(
        {
            "@type": "Place",
            "name": place.get("name"),
            "address": {"@type": "PostalAddress", "addressCountry": place["country"]}
            if place.get("country")
            else None,
            "geo": geo if len(geo) > 1 else None,
        }
    )
    node = _drop_empty(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "@id": article["id"],
            "url": article.get("url"),
            "mainEntityOfPage": article.get("url"),
            "headline": article["headline"],
            "alternativeHeadline": article.get("subheadline"),
            "description": article.get("summary"),
            "articleBody": "\n\n".join(p.strip() for p in article["body"] if p.strip()),
            "articleSection": article.get("section"),
            "keywords": article.get("keywords", []),
            "inLanguage": article["language"],
            "datePublished": article["date_published"],
            "dateModified": article.get("date_modified"),
            "dateCreated": article.get("date_created"),
            "author": [_schema_agent(a) for a in article.get("authors", [])],
            "editor": [_schema_agent(a) for a in article.get("editors", [])],
            "publisher": _schema_agent(article["publisher"]) if article.get("publisher") else None,
            "sourceOrganization": _schema_agent(article["source"])
            if article.get("source")
            else None,
            "image": [
                _drop_empty(
                    {
                        "@type": "ImageObject",
                        "url": i["url"],
                        "caption": i.get("caption"),
                        "creditText": i.get("credit"),
                        "width": i.get("width"),
                        "height": i.get("height"),
                    }
                )
                for i in article.get("images", [])
            ],
            "copyrightHolder": {"@type": "Organization", "name": rights["holder"]}
            if rights.get("holder")
            else None,
            "copyrightNotice": rights.get("notice"),
            "copyrightYear": rights.get("year"),
            "license": rights.get("license"),
            "wordCount": _word_count(article["body"]),
            "dateline": article.get("dateline"),
            "contentLocation": location if len(location) > 1 else None,
            "about": [
                _drop_empty(
                    {
                        "@type": "DefinedTerm",
                        "termCode": s.get("code"),
                        "name": s.get("name"),
                        "url": s.get("uri"),
                    }
                )
                for s in article.get("subjects", [])
            ],
            "genre": article.get("genre"),
            "isAccessibleForFree": article.get("free"),
        }
    )
    return json.dumps(node, ensure_ascii=False, indent=2) + "\n"


# --- ninjs -------------------------------------------------------------------------------


def _by_rel(items: list[dict[str, Any]], rel: str) -> list[dict[str, Any]]:
    return [item for item in items if item.get("rel") == rel]


def _source(entry: dict[str, Any] | None) -> dict[str, Any] | None:
    if entry is None:
        return None
    return _drop_empty({"name": entry["name"], "type": "Organization", "url": entry.get("uri")})


def ninjs_read(text: str) -> dict[str, Any]:
    item = json.loads(text)
    bodies = item.get("bodies", [])
    body = bodies[0]["value"] if bodies else ""
    people, organisations = item.get("people", []), item.get("organisations", [])
    sources = {s.get("role"): s for s in item.get("infoSources", [])}
    subjects = item.get("subjects", [])
    places = _by_rel(item.get("places", []), "located")
    headlines = {h["role"]: h["value"] for h in item.get("headlines", [])}
    country = (places[0].get("uri") or "").rsplit("/", 1)[-1] if places else None
    return _drop_empty(
        {
            "id": item["uri"],
            "version": int(item.get("version", "1")),
            "url": next((a["value"] for a in item.get("altIds", []) if a["role"] == "url"), None),
            "headline": headlines["main"],
            "subheadline": headlines.get("sub"),
            "summary": next((d["value"] for d in item.get("descriptions", [])), None),
            "body": body.split("\n\n") if body else [],
            "language": item.get("language", "und"),
            "date_published": item.get("firstCreated"),
            "date_modified": item["versionCreated"]
            if item.get("versionCreated") != item.get("firstCreated")
            else None,
            "date_created": item.get("contentCreated"),
            "urgency": item.get("urgency"),
            "authors": [
                _drop_empty({"name": p["name"], "url": p.get("uri")})
                for p in _by_rel(people, "author")
            ]
            + [
                {"name": o["name"], "type": "Organization"}
                for o in _by_rel(organisations, "author")
            ],
            "editors": [
                _drop_empty({"name": p["name"], "url": p.get("uri")})
                for p in _by_rel(people, "editor")
            ],
            "publisher": _source(sources.get("publisher")),
            "source": _source(sources.get("source")),
            "section": next((s["name"] for s in _by_rel(subjects, "section")), None),
            "keywords": [s["name"] for s in _by_rel(subjects, "keyword")],
            "subjects": [
                _drop_empty({"name": s.get("name"), "code": s.get("literal"), "uri": s.get("uri")})
                for s in subjects
                if "rel" not in s
            ],
            "rights": _drop_empty(
                {
                    "holder": item.get("copyrightHolder"),
                    "notice": item.get("copyrightNotice"),
                    "license": item.get("usageTerms"),
                }
            ),
            "dateline": item.get("located"),
            "slugline": item.get("slugline"),
            "embargoed": item.get("embargoedUntil"),
            "editorial_note": item.get("edNote"),
            "location": _drop_empty(
                {"name": places[0].get("name") if places else None, "country": country}
            ),
            "genre": next((g["name"] for g in item.get("genres", [])), None),
            "images": [_image_of(a) for a in item.get("associations", [])],
        }
    )


def _image_of(association: dict[str, Any]) -> dict[str, Any]:
    rendition = association["renditions"][0]
    return _drop_empty(
        {
            "url": rendition["href"],
            "caption": next((d["value"] for d in association.get("descriptions", [])), None),
            "credit": association.get("by"),
            "width": rendition.get("width"),
            "height": rendition.get("height"),
        }
    )


def _association(number: int, image: dict[str, Any]) -> dict[str, Any]:
    rendition = {"name": "original", "href": image["url"]}
    rendition |= {k: image[k] for k in ("width", "height") if image.get(k)}
    association: dict[str, Any] = {"name": f"image-{number}", "type": "picture"}
    association["uri"] = image["url"]
    if image.get("caption"):
        association["descriptions"] = [{"role": "caption", "value": image["caption"]}]
    if image.get("credit"):
        association["by"] = image["credit"]
    association["renditions"] = [rendition]
    return association


def ninjs_write(article: dict[str, Any]) -> str:
    authors, editors = article.get("authors", []), article.get("editors", [])
    rights = article.get("rights") or {}
    body = article["body"]
    counts = {"charCount": len("".join(body)), "wordCount": _word_count(body)}
    place = article.get("location") or {}
    subjects: list[dict[str, Any]] = [
        _drop_empty({"name": s.get("name"), "literal": s.get("code"), "uri": s.get("uri")})
        for s in article.get("subjects", [])
    ]
    subjects += [{"name": k, "rel": "keyword"} for k in article.get("keywords", [])]
    if article.get("section"):
        subjects.append({"name": article["section"], "rel": "section"})
    item = _drop_empty(
        {
            "standard": {
                "name": "ninjs",
                "version": "3.1",
                "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json",
            },
            "uri": article["id"],
            "type": "text",
            "version": str(article.get("version", 1)),
            "firstCreated": article["date_published"],
            "versionCreated": article.get("date_modified") or article["date_published"],
            "contentCreated": article.get("date_created"),
            "embargoedUntil": article.get("embargoed"),
            "pubStatus": "usable",
            "urgency": article.get("urgency"),
            "copyrightHolder": rights.get("holder"),
            "copyrightNotice": rights.get("notice"),
            "usageTerms": rights.get("license"),
            "edNote": article.get("editorial_note"),
            "language": article["language"],
            "headlines": [{"role": "main", "value": article["headline"]}]
            + (
                [{"role": "sub", "value": article["subheadline"]}]
                if article.get("subheadline")
                else []
            ),
            "descriptions": [{"role": "summary", "value": article["summary"]}]
            if article.get("summary")
            else [],
            "bodies": [
                {"role": "main", "contentType": "text/plain", "value": "\n\n".join(body), **counts},
                {
                    "role": "main",
                    "contentType": "text/html",
                    "value": "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in body),
                    **counts,
                },
            ],
            "by": ", ".join(a["name"] for a in authors) or None,
            "people": [
                _drop_empty({"name": a["name"], "rel": rel, "uri": a.get("url")})
                for rel, group in (("author", authors), ("editor", editors))
                for a in group
                if a.get("type", "Person") == "Person"
            ],
            "organisations": [
                _drop_empty({"name": a["name"], "rel": rel, "uri": a.get("url")})
                for rel, group in (("author", authors), ("editor", editors))
                for a in group
                if a.get("type") == "Organization"
            ],
            "infoSources": [
                _drop_empty(
                    {"name": article[key]["name"], "role": key, "uri": article[key].get("url")}
                )
                for key in ("publisher", "source")
                if article.get(key)
            ],
            "subjects": subjects,
            "genres": [{"name": article["genre"]}] if article.get("genre") else [],
            "slugline": article.get("slugline"),
            "located": article.get("dateline"),
            "places": [
                _drop_empty(
                    {
                        "name": place.get("name"),
                        "rel": "located",
                        "uri": f"http://cv.iptc.org/iso3166-1a2/{place['country']}"
                        if place.get("country")
                        else None,
                    }
                )
            ]
            if place.get("name") or place.get("country")
            else [],
            "altIds": [{"role": "url", "value": article["url"]}] if article.get("url") else [],
            "associations": [
                _association(n, image) for n, image in enumerate(article.get("images", []), 1)
            ],
        }
    )
    return json.dumps(item, ensure_ascii=False, indent=2) + "\n"


# --- NewsML-G2 ---------------------------------------------------------------------------


def _n(path: str) -> str:
    return "/".join(f"{{{NAR}}}{step}" for step in path.split("/"))


_PATHS = {path: _n(path) for path in (
    "itemMeta/firstCreated", "itemMeta/versionCreated", "itemMeta/provider",
    "itemMeta/memberOf/name", "itemMeta/link", "contentMeta/headline", "contentMeta/creator",
    "contentMeta/contributor", "contentMeta/infoSource", "contentMeta/keyword",
    "contentMeta/language", "contentMeta/description", "contentMeta/subject",
    "contentMeta/urgency", "contentMeta/contentCreated", "contentMeta/contentModified",
    "contentMeta/located", "contentMeta/located/name", "contentMeta/located/broader",
    "contentMeta/genre/name", "contentMeta/dateline", "rightsInfo/copyrightHolder/name",
    "rightsInfo/copyrightNotice", "rightsInfo/usageTerms", "name",
)}  # fmt: skip
_PARTY_TYPES = {"cpnat:organisation": "Organization", "cpnat:person": None}


def _party_of(element: Any) -> dict[str, Any]:
    return _drop_empty(
        {
            "name": element.findtext(_PATHS["name"]),
            "type": _PARTY_TYPES.get(element.get("type", "")),
            "url": element.get("uri"),
        }
    )


_IMAGE_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
                ".gif": "image/gif", ".webp": "image/webp"}  # fmt: skip


def _picture_of(item: Any) -> dict[str, Any]:
    remote = item.find(_n("contentSet/remoteContent"))
    return _drop_empty(
        {
            "url": remote.get("href"),
            "caption": item.findtext(_n("contentMeta/description")),
            "credit": item.findtext(_n("contentMeta/creditline")),
            "width": int(remote.get("width")) if remote.get("width") else None,
            "height": int(remote.get("height")) if remote.get("height") else None,
        }
    )


def newsml_read(text: str) -> dict[str, Any]:
    root = etree.fromstring(text.encode("utf-8"))
    item, images = root, []
    if root.tag == f"{{{NAR}}}newsMessage":  # the text item, its pictures, a package
        items = root.findall(_n("itemSet/newsItem"))
        item, images = items[0], [_picture_of(picture) for picture in items[1:]]
    find, text_of = item.find, item.findtext
    first = text_of(_PATHS["itemMeta/firstCreated"])
    version_created = text_of(_PATHS["itemMeta/versionCreated"])
    link = find(_PATHS["itemMeta/link"])
    headlines = item.findall(_PATHS["contentMeta/headline"])
    located, country = (
        find(_PATHS["contentMeta/located"]),
        find(_PATHS["contentMeta/located/broader"]),
    )
    urgency = text_of(_PATHS["contentMeta/urgency"])
    return _drop_empty(
        {
            "id": item.get("guid"),
            "version": int(item.get("version", "1")),
            "url": link.get("href") if link is not None else None,
            "headline": headlines[0].text,
            "subheadline": headlines[1].text if len(headlines) > 1 else None,
            "summary": text_of(_PATHS["contentMeta/description"]),
            "body": [p.text or "" for p in item.iter(f"{{{XHTML}}}p")],
            "language": find(_PATHS["contentMeta/language"]).get("tag"),
            "date_published": first,
            "date_modified": text_of(_PATHS["contentMeta/contentModified"])
            or (version_created if version_created != first else None),
            "date_created": text_of(_PATHS["contentMeta/contentCreated"]),
            "authors": [_party_of(c) for c in item.iterfind(_PATHS["contentMeta/creator"])],
            "editors": [_party_of(c) for c in item.iterfind(_PATHS["contentMeta/contributor"])],
            "publisher": {**_party_of(find(_PATHS["itemMeta/provider"])), "type": "Organization"},
            "source": next(
                (
                    {**_party_of(s), "type": "Organization"}
                    for s in item.iterfind(_PATHS["contentMeta/infoSource"])
                ),
                None,
            ),
            "section": text_of(_PATHS["itemMeta/memberOf/name"]),
            "keywords": [k.text for k in item.iterfind(_PATHS["contentMeta/keyword"])],
            "subjects": [
                _drop_empty(
                    {
                        "code": s.get("qcode"),
                        "uri": s.get("uri"),
                        "name": s.findtext(_PATHS["name"]),
                    }
                )
                for s in item.iterfind(_PATHS["contentMeta/subject"])
            ],
            "genre": text_of(_PATHS["contentMeta/genre/name"]),
            "dateline": text_of(_PATHS["contentMeta/dateline"]),
            "location": _drop_empty(
                {
                    "name": text_of(_PATHS["contentMeta/located/name"]),
                    "country": country.get("qcode", "").rpartition(":")[2]
                    if country is not None
                    else None,
                }
            )
            if located is not None
            else None,
            "rights": _drop_empty(
                {
                    "holder": text_of(_PATHS["rightsInfo/copyrightHolder/name"]),
                    "notice": text_of(_PATHS["rightsInfo/copyrightNotice"]),
                    "license": text_of(_PATHS["rightsInfo/usageTerms"]),
                }
            ),
            "urgency": int(urgency) if urgency else None,
            "images": images,
            "slugline": text_of(_n("contentMeta/slugline")),
            "embargoed": text_of(_n("itemMeta/embargoed")),
            "editorial_note": "\n".join(n.text for n in item.iterfind(_n("itemMeta/edNote")))
            or None,
        }
    )


def _sub(parent: Any, name: str, text: str | None = None, **attributes: str) -> Any:
    element = etree.SubElement(parent, f"{{{NAR}}}{name}", attributes)
    element.text = text
    return element


def _party(parent: Any, tag: str, agent: dict[str, Any], role: str | None = None) -> None:
    attributes = {"role": role} if role else {}
    organisation = agent.get("type") == "Organization"
    attributes["type"] = "cpnat:organisation" if organisation else "cpnat:person"
    if agent.get("url"):
        attributes["uri"] = agent["url"]
    _sub(_sub(parent, tag, **attributes), "name", agent["name"])


def newsml_write(article: dict[str, Any]) -> str:
    item = _item_head("newsItem", article["id"], str(article.get("version", 1)), article)
    rights = article.get("rights") or {}
    if rights.get("holder") or rights.get("notice") or rights.get("license"):
        info = _sub(item, "rightsInfo")
        if rights.get("holder"):
            _sub(_sub(info, "copyrightHolder"), "name", rights["holder"])
        if rights.get("notice"):
            _sub(info, "copyrightNotice", rights["notice"])
        if rights.get("license"):
            _sub(info, "usageTerms", rights["license"])
    meta = _sub(item, "itemMeta")
    _sub(meta, "itemClass", qcode="ninat:text")
    publisher = article.get("publisher") or {"name": "newsschema", "type": "Organization"}
    _party(meta, "provider", publisher)
    _sub(meta, "versionCreated", article.get("date_modified") or article["date_published"])
    _sub(meta, "firstCreated", article["date_published"])
    if article.get("embargoed"):
        _sub(meta, "embargoed", article["embargoed"])
    _sub(meta, "pubStatus", qcode="stat:usable")
    for note in (article.get("editorial_note") or "").splitlines():
        _sub(meta, "edNote", note)
    if article.get("section"):
        _sub(_sub(meta, "memberOf"), "name", article["section"])
    if article.get("url"):
        _sub(meta, "link", rel="irel:canonical", href=article["url"])
    content = _sub(item, "contentMeta")
    if article.get("urgency") is not None:
        _sub(content, "urgency", str(article["urgency"]))
    if article.get("date_created"):
        _sub(content, "contentCreated", article["date_created"])
    if article.get("date_modified"):
        _sub(content, "contentModified", article["date_modified"])
    place = article.get("location") or {}
    if place.get("name") or place.get("country"):
        located = _sub(content, "located")
        if place.get("name"):
            _sub(located, "name", place["name"])
        if place.get("country"):
            qcode = f"iso3166-1a2:{place['country']}"
            _sub(located, "broader", type="cptype:country", qcode=qcode)
    if article.get("source"):
        _party(content, "infoSource", article["source"])
    for person in article.get("authors", []):
        _party(content, "creator", person, "cpprole:author")
    for person in article.get("editors", []):
        _party(content, "contributor", person, "cpprole:editor")
    _sub(content, "language", tag=article["language"])
    if article.get("genre"):
        _sub(_sub(content, "genre"), "name", article["genre"])
    for keyword in article.get("keywords", []):
        _sub(content, "keyword", keyword)
    for subject in article.get("subjects", []):
        codes = {k: subject[v] for k, v in (("qcode", "code"), ("uri", "uri")) if subject.get(v)}
        element = _sub(content, "subject", **codes)
        if subject.get("name"):
            _sub(element, "name", subject["name"])
    if article.get("slugline"):
        _sub(content, "slugline", article["slugline"])
    _sub(content, "headline", article["headline"])
    if article.get("subheadline"):
        _sub(content, "headline", article["subheadline"], role="hlrole:sub")
    if article.get("dateline"):
        _sub(content, "dateline", article["dateline"])
    if article.get("summary"):
        _sub(content, "description", article["summary"], role="drol:summary")
    body = article["body"]
    inline = _sub(
        _sub(item, "contentSet"),
        "inlineXML",
        contenttype="application/xhtml+xml",
        wordcount=str(_word_count(body)),
        charcount=str(len("".join(body))),
    )
    html = etree.SubElement(inline, f"{{{XHTML}}}html", nsmap={None: XHTML})
    etree.SubElement(
        etree.SubElement(html, f"{{{XHTML}}}head"), f"{{{XHTML}}}title"
    ).text = article["headline"]
    xhtml_body = etree.SubElement(html, f"{{{XHTML}}}body")
    for paragraph in body:
        etree.SubElement(xhtml_body, f"{{{XHTML}}}p").text = paragraph
    root = _with_pictures(item, article, publisher) if article.get("images") else item
    etree.indent(root, space="  ")
    text = str(etree.tostring(root, encoding="unicode"))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"


def _item_head(name: str, guid: str, version: str, article: dict[str, Any]) -> Any:
    item = etree.Element(
        f"{{{NAR}}}{name}",
        guid=guid,
        version=version,
        standard="NewsML-G2",
        standardversion="2.35",
        conformance="power",
        nsmap={None: NAR},
    )
    item.set("{http://www.w3.org/XML/1998/namespace}lang", article["language"])
    _sub(
        item, "catalogRef", href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"
    )
    return item


def _head_meta(item: Any, item_class: str, text_item: Any, publisher: dict[str, Any]) -> None:
    meta = _sub(item, "itemMeta")
    _sub(meta, "itemClass", qcode=item_class)
    _party(meta, "provider", publisher)
    for name in ("versionCreated", "firstCreated"):
        _sub(meta, name, text_item.findtext(_n(f"itemMeta/{name}")))
    _sub(meta, "pubStatus", qcode="stat:usable")


def _with_pictures(item: Any, article: dict[str, Any], publisher: dict[str, Any]) -> Any:
    """The newsMessage of the text item, a picture item per image and their package."""
    mark = "-" if "#" in article["id"] else "#"
    message = etree.Element(f"{{{NAR}}}newsMessage", nsmap={None: NAR})
    _sub(_sub(message, "header"), "sent", item.findtext(_n("itemMeta/versionCreated")))
    item_set = _sub(message, "itemSet")
    item_set.append(item)
    guids = []
    for number, image in enumerate(article["images"], start=1):
        guids.append(f"{article['id']}{mark}image-{number}")
        picture = _item_head("newsItem", guids[-1], "1", article)
        _head_meta(picture, "ninat:picture", item, publisher)
        content = _sub(picture, "contentMeta")
        if image.get("credit"):
            _sub(content, "creditline", image["credit"])
        if image.get("caption"):
            _sub(content, "description", image["caption"], role="drol:caption")
        remote = _sub(_sub(picture, "contentSet"), "remoteContent", href=image["url"])
        path = urlsplit(image["url"]).path.lower()
        extension = path[path.rfind(".") :] if path.rfind(".") > path.rfind("/") else ""
        if extension in _IMAGE_TYPES:
            remote.set("contenttype", _IMAGE_TYPES[extension])
        for name in ("width", "height"):
            if image.get(name) is not None:
                remote.set(name, str(image[name]))
        item_set.append(picture)
    package = _item_head(
        "packageItem", f"{article['id']}{mark}package", item.get("version"), article
    )
    _head_meta(package, "ninat:composite", item, publisher)
    group = _sub(_sub(package, "groupSet", root="G1"), "group", id="G1", role="group:main")
    _sub(group, "itemRef", residref=article["id"], version=item.get("version"))
    for guid in guids:
        _sub(group, "itemRef", residref=guid, version="1")
    item_set.append(package)
    return message


# --- CSV ---------------------------------------------------------------------------------

_AGENT = ("name", "type", "role", "url", "email")
_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id",), "version": ("version",), "url": ("url",), "headline": ("headline",),
    "subheadline": ("subheadline",), "summary": ("summary",), "body": ("body",),
    "language": ("language",), "date_published": ("date_published",),
    "date_modified": ("date_modified",), "date_created": ("date_created",),
    "authors": ("authors",), "editors": ("editors",),
    **{f"publisher_{k}": ("publisher", k) for k in _AGENT},
    **{f"source_{k}": ("source", k) for k in _AGENT},
    "section": ("section",), "keywords": ("keywords",), "subjects": ("subjects",),
    "genre": ("genre",), "dateline": ("dateline",), "location_name": ("location", "name"),
    "location_country": ("location", "country"), "location_latitude": ("location", "latitude"),
    "location_longitude": ("location", "longitude"), "images": ("images",),
    "rights_holder": ("rights", "holder"), "rights_notice": ("rights", "notice"),
    "rights_license": ("rights", "license"), "rights_year": ("rights", "year"),
    "free": ("free",), "urgency": ("urgency",), "slugline": ("slugline",),
    "embargoed": ("embargoed",), "editorial_note": ("editorial_note",),
}  # fmt: skip
_LISTS = frozenset(("body", "authors", "editors", "keywords", "subjects", "images"))
_INTEGERS = frozenset(("version", "rights_year", "urgency"))
_FLOATS = frozenset(("location_latitude", "location_longitude"))
_FORMULA = tuple("=+-@\t\r")


def _csv_cell(column: str, value: Any) -> str:
    if value is None:
        return ""
    if column in _LISTS:
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    return "'" + text if text.lstrip("'").startswith(_FORMULA) else text


def csv_read(text: str) -> dict[str, Any]:
    row = next(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    article: dict[str, Any] = {}
    for column, cell in row.items():
        if not cell:
            continue
        value: Any
        if column in _LISTS:
            value = json.loads(cell)
            if not value:
                continue
        elif column in _INTEGERS:
            value = int(cell)
        elif column in _FLOATS:
            value = float(cell)
        elif column == "free":
            value = cell == "true"
        else:
            value = cell[1:] if cell.startswith("'") and cell.lstrip("'")[:1] in _FORMULA else cell
        path = _COLUMNS[column]
        if len(path) == 1:
            article[path[0]] = value
        else:
            article.setdefault(path[0], {})[path[1]] = value
    return article


def csv_write(article: dict[str, Any]) -> str:
    row = []
    for column, path in _COLUMNS.items():
        value = article.get(path[0])
        if len(path) == 2:
            value = value.get(path[1]) if isinstance(value, dict) else None
        row.append(_csv_cell(column, value))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(_COLUMNS)
    writer.writerow(row)
    return out.getvalue()


def _article_read(text: str) -> Any:
    return json.loads(text)


def _article_write(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


GLUE: dict[str, Glue] = {
    "article": (_article_read, _article_write),
    "jsonld": (jsonld_read, jsonld_write),
    "ninjs": (ninjs_read, ninjs_write),
    "newsml": (newsml_read, newsml_write),
    "csv": (csv_read, csv_write),
}
