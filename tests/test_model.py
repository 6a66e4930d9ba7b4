"""The model refuses what the canonical schema refuses, at construction."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsschema import Agent, Article, FieldError, Image, Place, Rights, Subject, derive_id

BEIJING = timezone(timedelta(hours=8))
WHEN = datetime(2022, 4, 22, 14, 36, 26, tzinfo=BEIJING)


def article(**changes: Any) -> Article:
    fields: dict[str, Any] = {
        "id": "urn:example:1",
        "headline": "新乡市平原示范区:汇聚群防能量",
        "body": ["近日,气温骤升。"],
        "language": "zh-CN",
        "date_published": WHEN,
    }
    return Article(**{**fields, **changes})


def test_minimal_article_has_defaults() -> None:
    minimal = article()
    assert minimal.version == 1
    assert minimal.authors == ()
    assert minimal.keywords == ()
    assert minimal.url is None


def test_article_is_frozen_and_hashable() -> None:
    minimal = article()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        minimal.headline = "x"  # type: ignore[misc]
    assert hash(minimal) == hash(article())


def test_fields_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        Agent("陆建斌")  # type: ignore[misc]


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"headline": ""}, "headline", "empty"),
        ({"headline": " 新乡"}, "headline", "white space"),
        ({"headline": "新乡\u3000"}, "headline", "white space"),
        ({"headline": "新乡\n"}, "headline", "white space"),
        ({"date_published": datetime(2022, 4, 22, 14, 36)}, "date_published", "time zone"),
        ({"date_published": "2022-04-22T14:36:26"}, "date_published", "offset"),
        (
            {"date_published": datetime(2022, 1, 1, tzinfo=timezone(timedelta(seconds=30)))},
            "date_published",
            "RFC 3339",
        ),
        ({"language": "zh_CN"}, "language", "BCP 47"),
        ({"language": "en\n"}, "language", "BCP 47"),
        ({"urgency": 10}, "urgency", "from 1 to 9"),
        ({"urgency": 0}, "urgency", "from 1 to 9"),
        ({"urgency": True}, "urgency", "whole number"),
        ({"version": 0}, "version", "at least 1"),
        ({"keywords": ["新乡", "新乡"]}, "keywords", "more than once"),
        ({"keywords": [" 党员"]}, "keywords", "white space"),
        ({"id": "not a uri"}, "id", "URI"),
        ({"url": "http://例子.中国:xx/"}, "url", "URI"),
        ({"body": "one string"}, "body", "a list"),
        ({"free": "yes"}, "free", "bool"),
    ],
)
def test_invariants_are_enforced(changes: dict[str, Any], field: str, words: str) -> None:
    with pytest.raises(FieldError) as caught:
        article(**changes)
    assert caught.value.field == field
    assert words in caught.value.message


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: Agent(name="x", type="Robot"), "type"),  # type: ignore[arg-type]
        (lambda: Agent(name="x", email="no at sign"), "email"),
        (lambda: Subject(code="no-colon"), "code"),
        (lambda: Subject(), ""),
        (lambda: Place(country="cn"), "country"),
        (lambda: Place(latitude=90.5), "latitude"),
        (lambda: Place(longitude=float("nan")), "longitude"),
        (lambda: Image(url="http://x.com/a.jpg", width=0), "width"),
        (lambda: Rights(year=10_000), "year"),
    ],
)
def test_parts_enforce_their_invariants(build: Any, field: str) -> None:
    with pytest.raises(FieldError) as caught:
        build()
    assert caught.value.field == field


def test_non_ascii_urls_are_normalised() -> None:
    normalised = article(url="https://例子.中国/新闻/2022 04?q=疫情#段落")
    assert normalised.url == (
        "https://xn--fsqu00a.xn--fiqs8s/%E6%96%B0%E9%97%BB/2022%2004"
        "?q=%E7%96%AB%E6%83%85#%E6%AE%B5%E8%90%BD"
    )


def test_ascii_urls_are_kept_as_given() -> None:
    given = "https://www.hnr.cn/news/2022/04/22/a.html?x=1&y=%E6%96%B0#top"
    assert article(url=given).url == given


def test_stray_percent_is_encoded() -> None:
    assert article(url="http://x.com/100%").url == "http://x.com/100%25"


def test_times_may_be_given_as_rfc3339_text() -> None:
    assert article(date_published="2022-04-22T14:36:26+08:00").date_published == WHEN


def test_null_means_unset() -> None:
    assert article(authors=None).authors == ()
    assert Agent(name="x", type=None).type == "Person"  # type: ignore[arg-type]


def test_derive_id_is_deterministic_and_offset_independent() -> None:
    same_instant = WHEN.astimezone(timezone.utc)
    first = derive_id("映象网", WHEN, "标题")
    assert first == derive_id("映象网", same_instant, "标题")
    assert first.startswith("urn:newsschema:")
    assert first != derive_id("映象网", WHEN, "另一个标题")
    assert first != derive_id(None, WHEN, "标题")


@given(st.text(alphabet=st.sampled_from(" \n\t\u3000\u00a0\u2028x中\r"), min_size=1, max_size=8))
def test_the_end_check_agrees_with_the_schema_pattern_searched(text: str) -> None:
    from newsschema.model import _TRIMMED_END, _untrimmed_end

    assert _untrimmed_end(text) == (_TRIMMED_END.search(text) is not None)
