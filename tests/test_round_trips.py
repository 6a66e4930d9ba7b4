"""Round trips through every pair of formats: nothing a format carries is ever lost.

Each format's test module says, as a *view*, what the format carries of an article
(`jsonld_view`, `newsml_view`, `ninjs_view`; canonical JSON and CSV carry everything).
Going through X and then Y must give exactly the Y view of the X view; writing what a
format gave must give the same text again.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import assume, given, settings

import newsschema
from newsschema import Article
from newsschema.testing import articles, csv_safe, writing_options, xml_safe

from .test_jsonld import jsonld_view
from .test_newsml import newsml_view
from .test_ninjs import ninjs_view

FORMATS = ("article", "csv", "jsonld", "newsml", "ninjs", "parquet")
VIEWS: dict[str, Callable[[Article], Article]] = {
    "article": lambda article: article,
    "csv": lambda article: article,  # but U+0000 in text (`csv_safe`)
    "parquet": lambda article: article,
    "jsonld": jsonld_view,
    "newsml": newsml_view,
    "ninjs": ninjs_view,
}
PAIRS = [(x, y) for x in FORMATS for y in FORMATS if x != y]


def _write(article: Article, format: str) -> str | bytes:
    """`article` in `format`, a day written at `testing.TIME_OF_DAY` where it needs an instant."""
    return newsschema.write(article, format, **writing_options(format))


def _through(article: Article, format: str) -> Article:
    (read,) = newsschema.read(_write(article, format), format)
    return read


def _fit(article: Article, *formats: str) -> Article:
    """The article within what every one of `formats` documents it can carry."""
    if "jsonld" in formats:
        # JSON-LD bodies may be HTML and entities in text are decoded (see test_jsonld).
        assume(not any("&" in t or "<" in t for t in [article.headline, *article.body]))
    if "newsml" in formats:
        return xml_safe(article)
    return csv_safe(article) if "csv" in formats else article


@pytest.mark.parametrize(("first", "second"), PAIRS, ids=[f"{x}-{y}" for x, y in PAIRS])
# Thirty pairs: 1,800 articles through two formats each, fewer on the quick profile.
@settings(max_examples=min(60, settings.default.max_examples))
@given(article=articles())
def test_through_two_formats_keeps_what_both_carry(
    first: str, second: str, article: Article
) -> None:
    article = _fit(article, first, second)
    expected = VIEWS[second](VIEWS[first](article))
    assert _through(_through(article, first), second) == expected


@pytest.mark.parametrize("format", FORMATS)
@given(article=articles())
def test_format_to_article_to_format_gives_the_same_text(format: str, article: Article) -> None:
    carried = VIEWS[format](_fit(article, format))  # all of it is what the format carries
    once = _write(carried, format)
    assert _write(*newsschema.read(once, format), format) == once


@pytest.mark.parametrize("format", FORMATS)
@given(article=articles())
def test_one_pass_through_a_format_reaches_its_fixed_point(format: str, article: Article) -> None:
    """Any article: what a format gives back, it writes and reads back unchanged."""
    once = _write(_fit(article, format), format)
    twice = _write(*newsschema.read(once, format), format)
    assert _write(*newsschema.read(twice, format), format) == twice
