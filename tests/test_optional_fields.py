"""Optional fields never sink a record: what the article can do without is dropped with a
warning at its place; only the headline, the publication time and the body can refuse it."""

from __future__ import annotations

import json

import pytest

import newsschema
from newsschema.api import outcomes


def _read(text: str, format: str) -> tuple[newsschema.Article, list[tuple[str, str]]]:
    (read,) = outcomes(text, format)  # type: ignore[arg-type]
    assert read.article is not None, read.issues
    return read.article, [(i.path, i.message) for i in read.issues if i.severity == "warning"]


NODE = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Rain",
    "datePublished": "2022-04-22T09:30:00+08:00",
    "image": "https://example.com/a.jpg",
}


def _page(block: str) -> str:
    """A small English page carrying `block` as its JSON-LD."""
    return (
        '<html lang="en"><head><meta charset="utf-8"><title>Rain</title>'
        f'<script type="application/ld+json">{block}</script></head>'
        "<body><h1>Rain</h1><p>It rained.</p></body></html>"
    )


def test_an_unreadable_date_modified_is_dropped_with_a_warning() -> None:
    article, warnings = _read(json.dumps({**NODE, "dateModified": "yesterday"}), "jsonld")
    assert article.date_modified is None
    dropped = [m for path, m in warnings if path == "/dateModified" and "dropped" in m]
    assert [m.split(": ")[-1] for m in dropped] == ["dropped, as the article can do without it"]


def test_an_unreadable_publication_time_still_refuses() -> None:
    (read,) = outcomes(json.dumps({**NODE, "datePublished": "yesterday"}), "jsonld")
    assert read.article is None
    assert [i.path for i in read.issues if i.severity == "error"] == ["/datePublished"]


def test_an_article_nested_in_an_image_is_the_images_not_the_documents() -> None:
    image = {"@type": "ImageObject", "url": "https://example.com/a.jpg"}
    image["associatedArticle"] = {"@type": "NewsArticle", "url": "https://example.com/b"}
    node = {**NODE, "image": [image]}
    articles = newsschema.read(json.dumps([node]), "jsonld")
    assert [a.headline for a in articles] == ["Rain"]


def test_a_page_drops_an_unreadable_optional_time_too() -> None:
    block = json.dumps({**NODE, "dateModified": "2022-13-45"})
    page = _page(block)
    article, warnings = _read(page, "html")
    assert article.date_modified is None
    assert any(path == "/dateModified" for path, _ in warnings)


ITEM = """<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="1"
 standard="NewsML-G2" standardversion="2.35" conformance="power">
 <itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/>
  <versionCreated>VERSION</versionCreated></itemMeta>
 <contentMeta><contentCreated>CREATED</contentCreated><headline>Rain</headline></contentMeta>
</newsItem>"""


@pytest.mark.parametrize(
    ("version", "created", "read"),
    [
        ("2022-04-22T09:30:00+08:00", "the day before", True),
        ("not a time", "2022-04-22T09:30:00+08:00", True),
        ("not a time", "the day before", False),
    ],
)
def test_a_newsml_item_needs_one_readable_time(version: str, created: str, read: bool) -> None:
    text = ITEM.replace("VERSION", version).replace("CREATED", created)
    (outcome,) = outcomes(text, "newsml")
    assert (outcome.article is not None) == read
    severities = {i.severity for i in outcome.issues if i.stage == "input"}
    assert severities == ({"warning"} if read else {"error"})


def test_a_ninjs_item_drops_a_time_it_cannot_read() -> None:
    item = {
        "uri": "urn:x",
        "headlines": [{"role": "main", "value": "Rain"}],
        "contentCreated": "last spring",
        "versionCreated": "2022-04-22T09:30:00+08:00",
    }
    article, warnings = _read(json.dumps(item), "ninjs")
    assert article.date_created is None
    assert [path for path, _ in warnings] == ["/contentCreated"]


def test_a_ninjs_item_drops_an_urgency_and_entries_it_cannot_use() -> None:
    item = {
        "uri": "urn:x",
        "headlines": [{"role": "main", "value": "Rain"}],
        "versionCreated": "2022-04-22T09:30:00+08:00",
        "urgency": 5.5,
        "people": ["Jane Doe", {"name": "John Roe", "rel": "author"}],
    }
    article, warnings = _read(json.dumps(item), "ninjs")
    assert article.urgency is None
    assert [a.name for a in article.authors] == ["John Roe"]
    assert ("/urgency", "5.5 is not an urgency from 1 to 9: dropped") in warnings
    assert ("/people/0", "'Jane Doe' is not an object: dropped") in warnings


def test_a_json_ld_node_drops_a_free_flag_that_is_no_yes_or_no() -> None:
    article, warnings = _read(json.dumps({**NODE, "isAccessibleForFree": 5}), "jsonld")
    assert article.free is None
    assert ("/isAccessibleForFree", "5 is not true or false: dropped") in warnings


def test_a_doubled_z_is_read_and_said_in_a_page_and_a_ninjs_item() -> None:
    block = json.dumps({**NODE, "dateModified": "2020-01-10T00:59:47ZZ"})
    page = _page(block)
    article, warnings = _read(page, "html")
    assert article.date_modified is not None
    said = "'2020-01-10T00:59:47ZZ' ends in a doubled Z, read as one"
    assert ("/dateModified", said) in warnings
    item = {
        "uri": "urn:x",
        "headlines": [{"role": "main", "value": "Rain"}],
        "versionCreated": "2020-01-10T00:59:47ZZ",
    }
    _, item_warnings = _read(json.dumps(item), "ninjs")
    assert ("/versionCreated", said) in item_warnings
