"""A zone for times written without one, from the document's own evidence, said as a
warning; without evidence, refused. Each reader, each kind of evidence, a page of our own."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

import newsschema
from newsschema.api import outcomes
from newsschema.times.evidence import infer_zone


def _warnings(text: str, format: str) -> list[str]:
    """The warnings about zones (others, such as Google's guidelines, left out)."""
    (read,) = outcomes(text, format)  # type: ignore[arg-type]
    assert read.article is not None, read.issues
    return [i.message for i in read.issues if i.severity == "warning" and "zone" in i.message]


def _jsonld(**node: object) -> str:
    return json.dumps(
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H", **node}
    )


def test_another_times_offset_is_the_evidence() -> None:
    text = _jsonld(datePublished="2019-11-18T09:00:00+01:00", dateModified="2019-11-18T10:30:00")
    (article,) = newsschema.read(text, "jsonld")
    assert article.date_modified == datetime(
        2019, 11, 18, 10, 30, tzinfo=timezone(timedelta(hours=1))
    )
    assert (
        "times without a zone are read in +01:00, the offset the document gives its other times"
        in _warnings(text, "jsonld")
    )


def test_the_sites_country_is_the_evidence() -> None:
    text = _jsonld(datePublished="2020-01-21T07:00:00", url="https://www.zeit.de/politik/a.html")
    (article,) = newsschema.read(text, "jsonld")
    assert article.date_published == datetime(2020, 1, 21, 7, tzinfo=ZoneInfo("Europe/Berlin"))
    assert "Europe/Berlin, the one zone of the site's country (.de)" in _warnings(text, "jsonld")[0]


def test_a_site_of_a_country_of_several_zones_is_no_evidence() -> None:
    text = _jsonld(datePublished="2020-01-21T07:00:00.000", url="https://www.wired.com/story/a")
    with pytest.raises(
        newsschema.ValidationError, match="has no time zone; give one, or pass --timezone"
    ):
        newsschema.read(text, "jsonld")


def test_a_chinese_page_is_read_in_china_time() -> None:
    page = (
        '<html lang="zh-CN"><head><meta charset="utf-8"><title>新乡发布暴雨预警</title></head>'
        "<body>"
        "<h1>新乡发布暴雨预警</h1><div>2022-04-22 14:36 来源：新乡日报</div>"
        "<div class='article'><p>新乡市气象台4月22日发布暴雨黄色预警，请市民注意出行安全。</p>"
        "<p>气象部门提醒，未来三天全市有强降雨。</p></div></body></html>"
    )
    (article,) = newsschema.read(page, "html")
    assert article.date_published.utcoffset() == timedelta(hours=8)
    assert any("the document is Chinese" in w for w in _warnings(page, "html"))


def test_an_encoding_declared_as_the_language_is_no_language() -> None:
    """``Content-Language: utf-8`` (a template's slip) says nothing: the words say Chinese."""
    page = (
        '<html><head><meta charset="utf-8"><meta http-equiv="Content-Language" content="utf-8">'
        "<title>新乡发布暴雨预警</title></head><body><h1>新乡发布暴雨预警</h1>"
        "<div>2022-04-22 14:36 来源：新乡日报</div>"
        "<div class='article'><p>新乡市气象台4月22日发布暴雨黄色预警，请市民注意出行安全。</p>"
        "<p>气象部门提醒，未来三天全市有强降雨。</p></div></body></html>"
    )
    (article,) = newsschema.read(page, "html")
    assert article.language.startswith("zh")
    assert article.date_published == datetime(
        2022, 4, 22, 14, 36, tzinfo=timezone(timedelta(hours=8))
    )


def test_a_meta_tags_offset_is_evidence_for_the_json_ld_time() -> None:
    block = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Rain",
            "datePublished": "2017-11-03 03:01:00.000000",
            "articleBody": "It rained all day.",
        }
    )
    page = (
        '<html lang="en"><head><meta charset="utf-8"><title>Rain</title>'
        '<meta name="published_at" content="2017-11-03T03:01:00-04:00">'
        f'<script type="application/ld+json">{block}</script></head>'
        "<body><h1>Rain</h1><p>It rained all day.</p></body></html>"
    )
    (article,) = newsschema.read(page, "html")
    assert article.date_published == datetime(
        2017, 11, 3, 3, 1, tzinfo=timezone(timedelta(hours=-4))
    )
    assert any(
        "-04:00, the offset the document gives its other times" in w
        for w in _warnings(page, "html")
    )


def test_an_agency_of_one_country_is_the_evidence() -> None:
    item = (
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:stt:1" version="1" '
        'standard="NewsML-G2" standardversion="2.12" conformance="power">'
        '<itemMeta><itemClass qcode="ninat:text"/><provider literal="STT"/>'
        "<versionCreated>2019-04-15T13:49:15</versionCreated></itemMeta>"
        "<contentMeta><headline>Otsikko</headline></contentMeta></newsItem>"
    )
    (article,) = newsschema.read(item, "newsml")
    assert article.date_published == datetime(
        2019, 4, 15, 13, 49, 15, tzinfo=ZoneInfo("Europe/Helsinki")
    )
    assert "Europe/Helsinki, the zone of the agency STT" in _warnings(item, "newsml")[0]


def test_a_ninjs_items_other_time_is_the_evidence() -> None:
    item = json.dumps(
        {
            "uri": "urn:x",
            "headlines": [{"role": "main", "value": "H"}],
            "firstCreated": "2024-01-02T10:00:00",
            "versionCreated": "2024-01-02T11:00:00+05:30",
        }
    )
    (article,) = newsschema.read(item, "ninjs")
    assert article.date_published.utcoffset() == timedelta(hours=5, minutes=30)


def test_the_users_timezone_wins_and_nothing_is_inferred() -> None:
    text = _jsonld(datePublished="2020-01-21T07:00:00", url="https://www.zeit.de/a")
    (read,) = outcomes(text, "jsonld", timezone="+09:00")
    assert read.article is not None
    assert read.article.date_published.utcoffset() == timedelta(hours=9)
    assert not [i for i in read.issues if "without a zone" in i.message]


@pytest.mark.parametrize(
    ("times", "given"),
    [
        (["2020-01-21T07:00:00+01:00"], None),  # nothing needs a zone
        (["2020-01-21T07:00:00"], timezone.utc),  # the user gave one
        (["2020-01-21T07:00:00", "2020-01-21T08:00:00+01:00", "2020-01-21T09:00:00+02:00"], None),
    ],
)
def test_no_inference_without_need_or_with_disagreeing_offsets(
    times: list[str], given: timezone | None
) -> None:
    assert infer_zone(times, given=given) is None
