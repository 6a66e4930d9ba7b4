"""The headline of a page whose metadata and heading disagree: the heading the page prints
wins (the metadata's is often written for search, cut short, lengthened by the site's name
or retyped), unless it is the site's name or the metadata's headline under a kicker.
One small page of our own per rule."""

from __future__ import annotations

import html

import pytest

import newsschema


def _page(og_title: str | None, h1: str | None, title: str = "Page") -> str:
    heading = f"<h1>{html.escape(h1)}</h1>" if h1 else ""
    return (
        f'<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        + (f'<meta property="og:title" content="{html.escape(og_title)}">' if og_title else "")
        + '<meta property="article:published_time" content="2020-01-08T15:51:00+01:00">'
        f"</head><body>{heading}<article><p>The council met on Tuesday and voted.</p>"
        "<p>The new budget takes effect in March.</p></article></body></html>"
    )


def _headline(page: str) -> str:
    (article,) = newsschema.read(page, "html")
    return article.headline


@pytest.mark.parametrize(
    ("og_title", "h1"),
    [
        ("Council passes the budget - The Daily Example", "Council passes the budget"),
        ("Council passes the budget | Jane Doe and John Roe", "Council passes the budget"),
        ("Council passes the budget after a long…", "Council passes the budget after a long night"),
        ("Council passes the", "Council passes the budget"),  # an og:title cut at a quote
    ],
)
def test_the_printed_heading_settles_a_metadata_headline(og_title: str, h1: str) -> None:
    assert _headline(_page(og_title, h1)) == h1


@pytest.mark.parametrize(
    ("og_title", "h1"),
    [
        ("Budget: what changes in March", "Council passes the budget"),  # written for search
        (
            'Council passes the "people\'s" budget',
            "Council passes the \u201cpeople\u2019s\u201d budget",
        ),
        ("Kaeser: Council passes the budget", "Council passes the budget"),  # a kicker added
    ],
)
def test_the_printed_heading_wins_over_another_metadata_headline(og_title: str, h1: str) -> None:
    assert _headline(_page(og_title, h1)) == h1


def test_a_section_name_in_the_heading_does_not_replace_the_story_headline() -> None:
    page = _page("Council passes the budget after a long night", "Politics")
    assert _headline(page) == "Council passes the budget after a long night"


@pytest.mark.parametrize(
    "h1",
    [
        "Budget : Council passes the budget",  # a kicker before the metadata's headline
        "Council passes the budgetDaily Example",  # the logo's text glued after it
    ],
)
def test_a_heading_that_wraps_the_metadata_headline_gives_way(h1: str) -> None:
    page = _page("Council passes the budget", h1, title="Council passes the budget » Daily Example")
    assert _headline(page) == "Council passes the budget"


def test_a_heading_that_is_the_site_name_gives_way_to_the_title() -> None:
    """A logo in an <h1>: the head of the <title> is the headline, spaces in the name aside."""
    page = _page(None, "Daily  example", title="Council passes the budget_Daily Example")
    assert _headline(page) == "Council passes the budget"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("法国全国大罢工再次严重影响交通-新华网", "法国全国大罢工再次严重影响交通"),
        ("中国-东盟博览会开幕-人民日报", "中国-东盟博览会开幕"),
        ("中国-东盟博览会开幕", "中国-东盟博览会开幕"),  # a dash inside the headline stays
    ],
)
def test_a_chinese_site_name_after_a_bare_dash_ends_the_title(title: str, expected: str) -> None:
    assert _headline(_page(None, None, title=title)) == expected


def test_a_dash_inside_a_headline_is_kept_when_only_the_title_says_otherwise() -> None:
    """Without an <h1>, the head of the <title> is no proof that a dash ends the headline."""
    og_title = "Storm - the city counts the damage"
    page = _page(og_title, None, title="Storm - the city counts the damage - Example")
    assert _headline(page) == og_title


@pytest.mark.parametrize(
    ("og_title", "site_name", "expected"),
    [
        ("停戦「最も合意に近い」 - 毎日新聞", "毎日新聞", "停戦「最も合意に近い」"),
        ("法国全国大罢工再次严重影响交通-新华网", "新华网", "法国全国大罢工再次严重影响交通"),
        ("Council passes the budget | DAILY EXAMPLE", "Daily Example", "Council passes the budget"),
        # a headline that merely ends with the site's name, with no mark before it, stays
        ("We all read the Daily Example", "Daily Example", "We all read the Daily Example"),
        ("Daily Example", "Daily Example", "Daily Example"),  # nothing but the name
    ],
)
def test_the_site_name_after_a_tail_mark_is_no_part_of_the_headline(
    og_title: str, site_name: str, expected: str
) -> None:
    meta = f'<meta property="og:site_name" content="{html.escape(site_name)}">'
    page = _page(og_title, None).replace("</head>", f"{meta}</head>")
    assert _headline(page) == expected
