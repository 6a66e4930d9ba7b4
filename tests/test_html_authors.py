"""The people an author meta tag names: several in one credit, none in a template's
placeholder. One small page of our own per rule."""

from __future__ import annotations

import html

import pytest

import newsschema


def _page(author: str, site: str = "The Daily Example") -> str:
    return (
        '<html lang="en"><head><meta charset="utf-8"><title>Budget</title>'
        f'<meta name="author" content="{html.escape(author)}">'
        f'<meta property="og:site_name" content="{html.escape(site)}">'
        '<meta property="article:published_time" content="2020-01-08T15:51:00+01:00">'
        "</head><body><h1>Council passes the budget</h1><article>"
        "<p>The council met on Tuesday and voted.</p>"
        "<p>The new budget takes effect in March.</p></article></body></html>"
    )


def _authors(page: str) -> list[str]:
    (article,) = newsschema.read(page, "html")
    return [a.name for a in article.authors]


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        ("Maggie Haberman and Shira Toeplitz", ["Maggie Haberman", "Shira Toeplitz"]),
        (  # the publisher's own name closing the credit is no author
            "Dana Ford, James Corey, and Tom Watkins, The Daily Example",
            ["Dana Ford", "James Corey", "Tom Watkins"],
        ),
        ("王文、李娜", ["王文", "李娜"]),
        ("name, email@gmail.com", []),  # a template nobody filled in
        ("admin", []),
        ("Doe, Jane", ["Doe, Jane"]),  # one person, surname first: not split
        ("Smith, Jones and co", ["Smith, Jones and co"]),  # not all names: kept whole
    ],
)
def test_an_author_credit_names_its_people(credit: str, expected: list[str]) -> None:
    assert _authors(_page(credit)) == expected


def _credited(head: str, body: str = "", title: str = "Budget | The Daily Example") -> list[str]:
    page = (
        f'<html lang="en"><head><meta charset="utf-8"><title>{title}</title>{head}'
        '<meta property="article:published_time" content="2020-01-08T15:51:00+01:00">'
        f"</head><body><h1>Council passes the budget</h1>{body}<article>"
        "<p>The council met on Tuesday and voted.</p>"
        "<p>The new budget takes effect in March.</p></article></body></html>"
    )
    return _authors(page)


_JSON_LD_SELF = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
    '"NewsArticle", "headline": "Council passes the budget", "datePublished": '
    '"2020-01-08T15:51:00+01:00", "author": {"@type": "Organization", "name": "Daily '
    'Example"}, "publisher": {"@type": "Organization", "name": "Daily Example"}}</script>'
)


def test_the_site_named_as_author_credits_no_one_and_the_next_source_is_asked() -> None:
    meta = '<meta name="author" content="Jane Roe">'
    assert _credited(_JSON_LD_SELF + meta) == ["Jane Roe"]


@pytest.mark.parametrize(
    ("head", "title"),
    [
        (  # its host
            '<meta name="author" content="dailyexample.com">'
            '<link rel="canonical" href="https://www.dailyexample.com/budget">',
            "Budget",
        ),
        ('<meta name="author" content="The Daily Example">', "Budget | The Daily Example"),
    ],
)
def test_an_author_meta_naming_the_site_is_no_author(head: str, title: str) -> None:
    assert _credited(head, title=title) == []


def test_the_by_line_the_markup_marks_when_nothing_else_names_anyone() -> None:
    marked = '<div class="byline">By <a rel="author" href="/staff/roe">Jane Roe</a></div>'
    assert _credited("", marked) == ["Jane Roe"]


@pytest.mark.parametrize(
    "marked",
    [
        '<div class="author">About the author</div>',  # a heading, not a name
        '<span class="author">Lesedauer</span>',  # one word that names no one
    ],
)
def test_marked_text_that_is_no_name_is_no_author(marked: str) -> None:
    assert _credited("", marked) == []


def test_an_author_meta_holding_a_web_address_gives_way_to_the_next() -> None:
    head = (
        '<meta property="article:author" content="https://www.facebook.com/dailyexample">'
        '<meta name="cXenseParse:author" content="松岡大地">'
    )
    assert _credited(head) == ["松岡大地"]
