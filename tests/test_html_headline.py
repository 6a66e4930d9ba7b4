"""The headline of a page whose metadata and heading disagree: a metadata headline cut
short, or lengthened by the site's name or the authors after a dash, gives way to the
heading the page prints. One small page of our own per rule."""

from __future__ import annotations

import html

import pytest

import newsschema


def _page(og_title: str, h1: str | None, title: str = "Page") -> str:
    heading = f"<h1>{html.escape(h1)}</h1>" if h1 else ""
    return (
        f'<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f'<meta property="og:title" content="{html.escape(og_title)}">'
        '<meta property="article:published_time" content="2020-01-08T15:51:00+01:00">'
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


def test_a_different_metadata_headline_is_kept() -> None:
    page = _page("Budget: what changes in March", "Council passes the budget")
    assert _headline(page) == "Budget: what changes in March"


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
