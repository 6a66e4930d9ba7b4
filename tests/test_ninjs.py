"""ninjs: output valid against IPTC's 3.1 schema, and 1.x / 2.x / 3.x in."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

import newsschema
from newsschema import Agent, Article, Place, Rights
from newsschema.formats.ninjs import ninjs_version
from newsschema.testing import TIME_OF_DAY, articles

from .conftest import FIXTURES, at_time_of_day, iptc_ninjs_validator, reference

SEED_PAGE = FIXTURES / "seed" / "hnr-2022-04-22-xinxiang.txt"


def assert_iptc_valid(text: str) -> Any:
    document = json.loads(text)
    errors = [e.message for e in iptc_ninjs_validator().iter_errors(document)]
    assert errors == []
    return document


def seed() -> Article:
    (article,) = newsschema.read(SEED_PAGE)
    return article


def test_seed_is_valid_ninjs_3_1_and_keeps_what_ninjs_carries() -> None:
    text = newsschema.write(seed(), "ninjs")
    document = assert_iptc_valid(text)
    assert document["headlines"] == [{"role": "main", "value": seed().headline}]
    assert document["firstCreated"] == "2022-04-22T14:36:26+08:00"
    assert [p["name"] for p in document["people"] if p["rel"] == "author"] == [
        "陆建斌",
        "李修朝",
        "武海鸣",
    ]
    (html_body,) = [b for b in document["bodies"] if b["contentType"] == "text/html"]
    assert html_body["value"].count("<p>") == 19
    assert html_body["charCount"] == len("".join(seed().body))
    # ninjs has no free-text role for a person: 责编 is carried as the editor relation.
    expected = attrs.evolve(seed(), editors=(Agent(name="高御"),))
    assert newsschema.read(text) == [expected]


def test_several_articles_are_an_array() -> None:
    other = attrs.evolve(seed(), id="urn:example:2")
    text = newsschema.write([seed(), other], "ninjs")
    for item in json.loads(text):
        assert_iptc_valid(json.dumps(item))
    assert [a.id for a in newsschema.read(text, "ninjs")] == [seed().id, "urn:example:2"]


OFFICIAL = {
    "ninjs-1.6_005_complex_text_article.json": ("1", 4),
    "ninjs-2.2_005_complex_text_article.json": ("2", 4),
    "ninjs-3.1_005_complex_text_article.json": ("3", 4),
    "ninjs-3.x_dpa_text.json": ("3", 9),
}


@pytest.fixture(scope="module")
def examples() -> Path:
    return reference("ninjs", "examples")


@pytest.mark.parametrize("name", sorted(OFFICIAL))
def test_official_examples_read_with_headline_body_and_time(examples: Path, name: str) -> None:
    version, paragraphs = OFFICIAL[name]
    document = json.loads((examples / name).read_text(encoding="utf-8"))
    assert ninjs_version(document) == version
    (article,) = newsschema.read(examples / name, "ninjs")
    assert article.headline
    assert len(article.body) == paragraphs
    assert article.date_published.year in (2013, 2019)
    assert article.date_published.utcoffset() is not None


def test_every_official_example_is_covered(examples: Path) -> None:
    assert {p.name for p in examples.glob("*.json")} == set(OFFICIAL)


def test_complex_example_details(examples: Path) -> None:
    (article,) = newsschema.read(examples / "ninjs-3.1_005_complex_text_article.json", "ninjs")
    assert article.headline == "Captain of wrecked cruise ship on trial in Italy"
    assert [a.name for a in article.authors] == ["Paulo Santalucia", "Frances d'Emilio"]
    assert article.dateline == "Grossetto, Italy"
    assert article.language == "en"


@pytest.mark.parametrize(
    ("document", "version"),
    [
        ({"uri": "x", "headline": "h", "versioncreated": "2020-01-01T00:00:00Z"}, "1"),
        ({"uri": "x", "headlines": [], "versioncreated": "2020-01-01T00:00:00Z"}, "2"),
        ({"uri": "x", "headlines": [], "versionCreated": "2020-01-01T00:00:00Z"}, "3"),
        ({"uri": "x", "$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"}, "2"),
        ({"uri": "x", "standard": {"name": "ninjs", "version": "3.1"}}, "3"),
    ],
)
def test_version_is_told_apart(document: dict[str, Any], version: str) -> None:
    assert ninjs_version(document) == version


def test_missing_headline_and_time_are_named() -> None:
    issues = newsschema.validate(json.dumps({"uri": "urn:x:1", "bodies": []}), "ninjs")
    assert [i.path for i in issues] == ["/headlines"]
    issues = newsschema.validate(
        json.dumps({"uri": "urn:x:1", "headlines": [{"value": "h"}]}), "ninjs"
    )
    assert [i.path for i in issues] == ["/firstCreated"]


def ninjs_view(article: Article) -> Article:
    """The article as ninjs 3.1 carries it (see the format's documentation)."""

    def agents(items: tuple[Agent, ...]) -> tuple[Agent, ...]:
        kept: list[Agent] = []
        ordered = [a for a in items if a.type == "Person"] + [
            a for a in items if a.type == "Organization"
        ]
        for agent in ordered:
            if all(k.name != agent.name for k in kept):
                kept.append(Agent(name=agent.name, type=agent.type, url=agent.url))
        return tuple(kept)

    def organisation(agent: Agent | None) -> Agent | None:
        return Agent(name=agent.name, type="Organization", url=agent.url) if agent else None

    place = article.location
    kept_place = Place(name=place.name, country=place.country) if place else None
    rights = article.rights
    kept_rights = (
        Rights(holder=rights.holder, notice=rights.notice, license=rights.license)
        if rights
        else None
    )
    published = at_time_of_day(article.date_published)  # ninjs's times are all date-times
    modified = at_time_of_day(article.date_modified)
    return attrs.evolve(
        article,
        body=tuple(p.replace("\x00", "\ufffd") for p in article.body),
        date_published=published,
        date_modified=modified if modified != published else None,
        date_created=at_time_of_day(article.date_created),
        authors=agents(article.authors),
        editors=agents(article.editors),
        publisher=organisation(article.publisher),
        source=organisation(article.source),
        location=kept_place,
        images=article.images,  # as picture associations
        rights=kept_rights,
        free=None,
    )


@given(articles())
def test_generated_articles_round_trip_through_ninjs(article: Article) -> None:
    text = newsschema.write(article, "ninjs", time_of_day=TIME_OF_DAY)
    assert_iptc_valid(text)
    assert newsschema.read(text, "ninjs") == [ninjs_view(article)]


def test_a_line_of_ideographic_spaces_breaks_paragraphs_as_in_every_reader() -> None:
    """One definition of a paragraph break (`formats.forgiving`): JSON-LD's articleBody
    and a ninjs plain-text body split the same text into the same paragraphs."""
    text = "第一段。\n\u3000\u3000\n\u3000\u3000第二段。\n \t\n第三段。"
    ninjs = {
        "uri": "urn:example:1",
        "headlines": [{"role": "main", "value": "标题"}],
        "firstCreated": "2022-04-22T14:36:26+08:00",
        "bodies": [{"role": "main", "contentType": "text/plain", "value": text}],
    }
    jsonld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "标题",
        "datePublished": "2022-04-22T14:36:26+08:00",
        "articleBody": text,
    }
    (from_ninjs,) = newsschema.read(json.dumps(ninjs), "ninjs")
    (from_jsonld,) = newsschema.read(json.dumps(jsonld), "jsonld")
    assert from_ninjs.body == from_jsonld.body == ("第一段。", "第二段。", "第三段。")
