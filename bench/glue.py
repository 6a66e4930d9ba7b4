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
import io
import json
from typing import Any

from lxml import etree

NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
Glue = tuple[Any, Any]


def _names(people: Any) -> list[dict[str, Any]]:
    items = people if isinstance(people, list) else [people] if people else []
    return [{"name": p["name"], "type": p.get("@type", "Person")} for p in items]


# --- JSON-LD -----------------------------------------------------------------------------


def jsonld_read(text: str) -> dict[str, Any]:
    node = json.loads(text)
    body = node.get("articleBody", "")
    return {
        "id": node.get("@id"),
        "url": node.get("url"),
        "headline": node["headline"],
        "summary": node.get("description"),
        "body": body.split("\n\n") if body else [],
        "language": node.get("inLanguage", "und"),
        "date_published": node["datePublished"],
        "date_modified": node.get("dateModified"),
        "authors": _names(node.get("author")),
        "editors": _names(node.get("editor")),
        "publisher": (_names(node.get("publisher")) or [None])[0],
        "section": node.get("articleSection"),
        "keywords": node.get("keywords", []),
    }


def jsonld_write(article: dict[str, Any]) -> str:
    node: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": article["id"],
        "headline": article["headline"],
        "articleBody": "\n\n".join(article.get("body", [])),
        "inLanguage": article["language"],
        "datePublished": article["date_published"],
        "author": [{"@type": a["type"], "name": a["name"]} for a in article.get("authors", [])],
        "editor": [{"@type": a["type"], "name": a["name"]} for a in article.get("editors", [])],
        "keywords": article.get("keywords", []),
    }
    for key, name in (("url", "url"), ("summary", "description"), ("section", "articleSection")):
        if article.get(key):
            node[name] = article[key]
    if article.get("publisher"):
        node["publisher"] = {"@type": "Organization", "name": article["publisher"]["name"]}
    return json.dumps(node, ensure_ascii=False, indent=2) + "\n"


# --- ninjs -------------------------------------------------------------------------------


def ninjs_read(text: str) -> dict[str, Any]:
    item = json.loads(text)
    bodies = item.get("bodies", [])
    body = bodies[0]["value"] if bodies else ""
    people = item.get("people", [])
    return {
        "id": item["uri"],
        "headline": item["headlines"][0]["value"],
        "body": body.split("\n\n") if body else [],
        "language": item.get("language", "und"),
        "date_published": item.get("firstCreated"),
        "date_modified": item.get("contentCreated"),
        "authors": [{"name": p["name"]} for p in people if p.get("rel") == "author"],
        "editors": [{"name": p["name"]} for p in people if p.get("rel") == "editor"],
        "keywords": [s["name"] for s in item.get("subjects", []) if s.get("rel") == "keyword"],
        "rights": {"holder": item.get("copyrightHolder")},
    }


def ninjs_write(article: dict[str, Any]) -> str:
    item: dict[str, Any] = {
        "standard": {"name": "ninjs", "version": "3.1"},
        "uri": article["id"],
        "type": "text",
        "firstCreated": article["date_published"],
        "language": article["language"],
        "headlines": [{"role": "main", "value": article["headline"]}],
        "bodies": [
            {"role": "main", "contentType": "text/plain", "value": "\n\n".join(article["body"])}
        ],
        "people": [{"name": a["name"], "rel": "author"} for a in article.get("authors", [])]
        + [{"name": a["name"], "rel": "editor"} for a in article.get("editors", [])],
        "subjects": [{"name": k, "rel": "keyword"} for k in article.get("keywords", [])],
    }
    if article.get("rights", {}).get("holder"):
        item["copyrightHolder"] = article["rights"]["holder"]
    return json.dumps(item, ensure_ascii=False, indent=2) + "\n"


# --- NewsML-G2 ---------------------------------------------------------------------------


def _n(path: str) -> str:
    return "/".join(f"{{{NAR}}}{step}" for step in path.split("/"))


_PATHS = {path: _n(path) for path in (
    "itemMeta/firstCreated", "itemMeta/versionCreated", "itemMeta/provider/name",
    "itemMeta/memberOf/name", "contentMeta/headline", "contentMeta/creator",
    "contentMeta/contributor", "contentMeta/keyword", "contentMeta/language",
    "contentMeta/description", "name",
)}  # fmt: skip


def newsml_read(text: str) -> dict[str, Any]:
    item = etree.fromstring(text.encode("utf-8"))
    language = item.find(_PATHS["contentMeta/language"])
    return {
        "id": item.get("guid"),
        "headline": item.findtext(_PATHS["contentMeta/headline"]),
        "summary": item.findtext(_PATHS["contentMeta/description"]),
        "body": [p.text or "" for p in item.iter(f"{{{XHTML}}}p")],
        "language": language.get("tag") if language is not None else "und",
        "date_published": item.findtext(_PATHS["itemMeta/firstCreated"]),
        "date_modified": item.findtext(_PATHS["itemMeta/versionCreated"]),
        "authors": [
            {"name": c.findtext(_PATHS["name"])}
            for c in item.iterfind(_PATHS["contentMeta/creator"])
        ],
        "editors": [
            {"name": c.findtext(_PATHS["name"])}
            for c in item.iterfind(_PATHS["contentMeta/contributor"])
        ],
        "publisher": {"name": item.findtext(_PATHS["itemMeta/provider/name"])},
        "section": item.findtext(_PATHS["itemMeta/memberOf/name"]),
        "keywords": [k.text for k in item.iterfind(_PATHS["contentMeta/keyword"])],
    }


def _sub(parent: Any, name: str, text: str | None = None, **attributes: str) -> Any:
    element = etree.SubElement(parent, f"{{{NAR}}}{name}", attributes)
    element.text = text
    return element


def newsml_write(article: dict[str, Any]) -> str:
    item = etree.Element(
        f"{{{NAR}}}newsItem",
        guid=article["id"],
        version="1",
        standard="NewsML-G2",
        standardversion="2.35",
        conformance="power",
        nsmap={None: NAR},
    )
    _sub(
        item, "catalogRef", href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"
    )
    meta = _sub(item, "itemMeta")
    _sub(meta, "itemClass", qcode="ninat:text")
    provider = _sub(meta, "provider")
    _sub(provider, "name", (article.get("publisher") or {}).get("name") or "unknown")
    _sub(meta, "versionCreated", article.get("date_modified") or article["date_published"])
    _sub(meta, "firstCreated", article["date_published"])
    if article.get("section"):
        _sub(_sub(meta, "memberOf"), "name", article["section"])
    content = _sub(item, "contentMeta")
    for role, people in (("author", "authors"), ("editor", "editors")):
        for person in article.get(people, []):
            tag = "creator" if role == "author" else "contributor"
            _sub(_sub(content, tag, role=f"cpprole:{role}"), "name", person["name"])
    _sub(content, "language", tag=article["language"])
    for keyword in article.get("keywords", []):
        _sub(content, "keyword", keyword)
    _sub(content, "headline", article["headline"])
    if article.get("summary"):
        _sub(content, "description", article["summary"], role="drol:summary")
    inline = _sub(_sub(item, "contentSet"), "inlineXML", contenttype="application/xhtml+xml")
    html = etree.SubElement(inline, f"{{{XHTML}}}html", nsmap={None: XHTML})
    etree.SubElement(
        etree.SubElement(html, f"{{{XHTML}}}head"), f"{{{XHTML}}}title"
    ).text = article["headline"]
    body = etree.SubElement(html, f"{{{XHTML}}}body")
    for paragraph in article.get("body", []):
        etree.SubElement(body, f"{{{XHTML}}}p").text = paragraph
    etree.indent(item)
    return str(etree.tostring(item, encoding="unicode", xml_declaration=False)) + "\n"


# --- CSV ---------------------------------------------------------------------------------

_LISTS = ("body", "authors", "editors", "keywords", "subjects", "images")
_NESTED = ("publisher", "source", "location", "rights")


def csv_read(text: str) -> dict[str, Any]:
    row = next(csv.DictReader(io.StringIO(text)))
    article: dict[str, Any] = {}
    for column, cell in row.items():
        if not cell:
            continue
        value: Any = json.loads(cell) if column in _LISTS else cell
        if column in ("version", "urgency", "rights_year"):
            value = int(cell)
        owner, _, key = column.partition("_")
        if owner in _NESTED:
            article.setdefault(owner, {})[key] = value
        else:
            article[column] = value
    return article


def csv_write(article: dict[str, Any]) -> str:
    row: dict[str, Any] = {}
    for key, value in article.items():
        if key in _NESTED:
            row.update({f"{key}_{k}": v for k, v in value.items()})
        else:
            row[key] = json.dumps(value, ensure_ascii=False) if key in _LISTS else value
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(row.keys())
    writer.writerow(row.values())
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
