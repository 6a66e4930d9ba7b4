"""A day is a day: a date without a time of day is kept as one from reader to writer, and
never written as midnight; where a format needs an instant, only the user's time of day
makes one."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import attrs
import frictionless
import pytest
from hypothesis import given
from lxml import etree

import newsschema
from newsschema import Article
from newsschema.api import outcomes
from newsschema.cli import main
from newsschema.formats.csv import datapackage
from newsschema.model import derive_id
from newsschema.testing import days

from .conftest import cli_runner, iptc_newsml_xsd, iptc_ninjs_validator

EIGHT = timezone(timedelta(hours=8))
DAY = date(2019, 11, 18)
ARTICLE = Article(
    id="urn:example:day",
    headline="A day, not an instant",
    body=["Text."],
    language="en",
    date_published=DAY,
    date_modified=datetime(2019, 11, 19, 10, 0, tzinfo=timezone(timedelta(hours=2))),
    date_created=date(2019, 11, 17),
)


def test_the_model_holds_a_day_as_a_day() -> None:
    article = attrs.evolve(ARTICLE, date_published="2019-11-18")
    assert article.date_published == DAY
    assert not isinstance(article.date_published, datetime)


@pytest.mark.parametrize("text", ["2019-02-29", "2019-11-18T10:00", "18.11.2019", "20191118"])
def test_the_model_and_the_schema_refuse_what_is_no_day(text: str) -> None:
    document = {**json.loads(newsschema.write(ARTICLE, "article")), "date_published": text}
    with pytest.raises(newsschema.ValidationError) as refused:
        newsschema.read(json.dumps(document), "article")
    assert [i.path for i in refused.value.issues] == ["/date_published"]


def test_canonical_json_jsonld_and_csv_carry_a_day_as_a_day() -> None:
    canonical = json.loads(newsschema.write(ARTICLE, "article"))
    assert (canonical["date_published"], canonical["date_created"]) == ("2019-11-18", "2019-11-17")
    jsonld = json.loads(newsschema.write(ARTICLE, "jsonld"))
    assert (jsonld["datePublished"], jsonld["dateCreated"]) == ("2019-11-18", "2019-11-17")
    (row,) = csv.DictReader(io.StringIO(newsschema.write(ARTICLE, "csv")))
    assert (row["date_published"], row["date_created"]) == ("2019-11-18", "2019-11-17")
    for format in ("article", "jsonld", "csv"):
        assert newsschema.read(newsschema.write(ARTICLE, format), format) == [ARTICLE], format


@given(days())
def test_any_day_round_trips_through_canonical_json(day: date) -> None:
    article = attrs.evolve(ARTICLE, date_published=day, date_modified=day, date_created=None)
    assert newsschema.read(newsschema.write(article, "article"), "article") == [article]


def test_frictionless_reads_a_day_and_an_instant_in_one_column(tmp_path: Path) -> None:
    other = attrs.evolve(
        ARTICLE, id="urn:example:2", date_published=datetime(2019, 11, 18, 8, 0, tzinfo=EIGHT)
    )
    (tmp_path / "articles.csv").write_text(
        newsschema.write([ARTICLE, other], "csv"), encoding="utf-8"
    )
    package = tmp_path / "datapackage.json"
    package.write_text(json.dumps(datapackage("articles.csv")), encoding="utf-8")
    assert frictionless.validate(str(package)).valid
    text = (tmp_path / "articles.csv").read_text(encoding="utf-8")
    (tmp_path / "articles.csv").write_text(
        text.replace("2019-11-18,", "2019-11-18T08:00,", 1), encoding="utf-8"
    )
    assert not frictionless.validate(str(package)).valid  # a time without its offset


def test_newsml_keeps_content_times_as_days() -> None:
    article = attrs.evolve(
        ARTICLE,
        date_published=datetime(2019, 11, 18, 8, 0, tzinfo=EIGHT),
        date_modified=date(2019, 11, 19),
    )
    text = newsschema.write(article, "newsml", time_of_day="09:00+08:00")
    assert "<contentCreated>2019-11-17</contentCreated>" in text
    assert "<contentModified>2019-11-19</contentModified>" in text
    assert "<versionCreated>2019-11-19T09:00:00+08:00</versionCreated>" in text
    schema = iptc_newsml_xsd()
    assert schema.validate(etree.fromstring(text.encode("utf-8"))), schema.error_log
    (read,) = newsschema.read(text, "newsml")
    assert (read.date_modified, read.date_created) == (date(2019, 11, 19), date(2019, 11, 17))


@pytest.mark.parametrize(
    ("format", "needs"),
    [("newsml", "NewsML-G2's firstCreated"), ("ninjs", "ninjs's firstCreated")],
)
def test_a_day_where_an_instant_is_needed_is_refused_naming_the_field(
    format: str, needs: str
) -> None:
    with pytest.raises(newsschema.ValidationError) as refused:
        newsschema.write(ARTICLE, format)  # type: ignore[arg-type]
    (issue,) = refused.value.issues
    assert (issue.stage, issue.path) == ("output", "/date_published")
    assert issue.message == (
        f"is a day (2019-11-18) and {needs} needs a time of day: pass --time-of-day "
        "(time_of_day=), like 12:00+08:00"
    )


def test_ninjs_writes_a_day_at_the_time_of_day_given() -> None:
    text = newsschema.write(ARTICLE, "ninjs", time_of_day="12:00+08:00")
    document = json.loads(text)
    assert [e.message for e in iptc_ninjs_validator().iter_errors(document)] == []
    assert document["firstCreated"] == "2019-11-18T12:00:00+08:00"
    assert document["contentCreated"] == "2019-11-17T12:00:00+08:00"
    assert document["versionCreated"] == "2019-11-19T10:00:00+02:00"  # an instant stays itself


def test_a_time_of_day_without_a_zone_takes_the_timezone() -> None:
    summer = attrs.evolve(ARTICLE, date_published=date(2019, 7, 1), date_created=None)
    text = newsschema.write(summer, "ninjs", time_of_day="09:30", timezone="Europe/Helsinki")
    assert json.loads(text)["firstCreated"] == "2019-07-01T09:30:00+03:00"
    with pytest.raises(newsschema.ValidationError, match="names no zone"):
        newsschema.write(summer, "ninjs", time_of_day="09:30")


@pytest.mark.parametrize("value", ["25:00", "9:30", "noon", "12:00+8"])
def test_a_time_of_day_that_is_none_is_a_usage_error(value: str) -> None:
    with pytest.raises(newsschema.UsageError, match="is not a time of day"):
        newsschema.write(ARTICLE, "ninjs", time_of_day=value)


def test_the_command_line_takes_a_time_of_day(tmp_path: Path) -> None:
    source = tmp_path / "day.json"
    source.write_text(newsschema.write(ARTICLE, "article"), encoding="utf-8")
    refused = cli_runner().invoke(main, ["convert", str(source), "--to", "ninjs"])
    assert refused.exit_code == 1
    assert "standard output: output: /date_published: is a day (2019-11-18)" in refused.stderr
    given = cli_runner().invoke(
        main,
        [
            "convert",
            str(source),
            "--to",
            "newsml",
            "--time-of-day",
            "07:15",
            "--timezone",
            "+08:00",
        ],
    )
    assert given.exit_code == 0, given.stderr
    assert "<firstCreated>2019-11-18T07:15:00+08:00</firstCreated>" in given.stdout
    wrong = cli_runner().invoke(
        main, ["convert", str(source), "--to", "csv", "--time-of-day", "07:15"]
    )
    assert wrong.exit_code == 2
    assert "it is for writing newsml, ninjs" in wrong.stderr


def test_readers_keep_a_day_and_ask_no_zone_for_it() -> None:
    node = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Rain",
        "datePublished": "2019-11-18",
        "articleBody": "It rained.",
    }
    (read,) = outcomes(json.dumps(node), "jsonld")
    assert read.article is not None
    assert read.article.date_published == DAY
    assert not [i for i in read.issues if "zone" in i.message]
    item = {
        "uri": "urn:example:1",
        "type": "text",
        "headlines": [{"role": "main", "value": "Rain"}],
        "firstcreated": "2019-11-18",
    }
    (article,) = newsschema.read(json.dumps(item), "ninjs")
    assert article.date_published == DAY


def _page(meta: str, printed: str) -> str:
    return (
        '<html lang="zh-CN"><head><meta charset="utf-8"><title>新乡降雨</title>'
        f'<meta property="article:published_time" content="{meta}"></head>'
        f"<body><h1>新乡降雨</h1><p>{printed} 来源：映象网</p>"
        "<p>新乡今天下雨，全市降雨量达到五十毫米。</p></body></html>"
    )


def test_a_page_gives_a_metadata_day_the_time_printed_on_that_day() -> None:
    (article,) = newsschema.read(_page("2019-06-15", "2019年06月15日08:18"), "html")
    assert article.date_published == datetime(2019, 6, 15, 8, 18, tzinfo=EIGHT)


def test_a_time_printed_on_another_day_leaves_the_day_alone() -> None:
    (article,) = newsschema.read(_page("2019-06-15", "2019年06月14日08:18"), "html")
    assert article.date_published == date(2019, 6, 15)


def test_a_days_id_is_its_own() -> None:
    midnight = datetime(2019, 11, 18, tzinfo=timezone.utc)
    assert derive_id("p", DAY, "h") == derive_id("p", date(2019, 11, 18), "h")
    assert derive_id("p", DAY, "h") != derive_id("p", midnight, "h")
