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
