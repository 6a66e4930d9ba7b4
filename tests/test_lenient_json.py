"""One lenient JSON for the jsonld and html readers: a block the web broke is read, with
the break reported as the standard's issue (validate fails it; convert warns)."""

from __future__ import annotations

import pytest

import newsschema
from newsschema.api import outcomes

BROKEN = {
    "comments": '{"@context": "https://schema.org", // the site\'s CMS\n'
    '"@type": "NewsArticle", /* kept */ "headline": "Rain",\n'
    '"datePublished": "2022-04-22T09:30:00+08:00"}',
    "trailing commas": '{"@context": "https://schema.org", "@type": "NewsArticle",\n'
    '"headline": "Rain", "keywords": ["a", "b",],\n"datePublished": "2022-04-22T09:30:00+08:00",}',
    "single quotes": "{'@context': 'https://schema.org', '@type': 'NewsArticle',\n"
    "'headline': 'Rain in Xinxiang\\'s north', 'datePublished': '2022-04-22T09:30:00+08:00'}",
    "raw new line in a string": '{"@context": "https://schema.org", "@type": "NewsArticle",\n'
    '"headline": "Rain", "articleBody": "One.\nTwo.",\n'
    '"datePublished": "2022-04-22T09:30:00+08:00"}',
    "HTML comment wrapper": '<!--\n{"@context": "https://schema.org", "@type": "NewsArticle",'
    '"headline": "Rain", "datePublished": "2022-04-22T09:30:00+08:00"}\n-->',
}


@pytest.mark.parametrize("case", BROKEN)
def test_a_broken_block_is_read_and_its_break_reported(case: str) -> None:
    text = BROKEN[case]
    (read,) = outcomes(text, "jsonld")
    assert read.article is not None
    assert read.article.headline.startswith("Rain")
    (broken,) = [i for i in read.issues if i.stage == "standard"]
    assert broken.severity == "warning"
    assert broken.message.startswith("not valid JSON: ")
    assert broken.message.endswith("; read after mending it")
    assert broken.line is not None
    found = [i for i in newsschema.validate(text, "jsonld") if i.severity == "error"]
    assert [i.stage for i in found] == ["standard"]
    assert newsschema.validate(text, "jsonld", level="readable") == [] or all(
        i.severity == "warning" for i in newsschema.validate(text, "jsonld", level="readable")
    )


@pytest.mark.parametrize("case", BROKEN)
def test_the_html_reader_reads_the_same_block_the_same(case: str) -> None:
    block = BROKEN[case]
    page = (
        '<html lang="en"><head><meta charset="utf-8"><title>Rain</title>'
        f'<script type="application/ld+json">{block}</script></head>'
        "<body><h1>Rain</h1><p>It rained.</p></body></html>"
    )
    (from_page,) = newsschema.read(page, "html")
    (from_block,) = newsschema.read(block, "jsonld")
    assert (from_page.headline, from_page.date_published) == (
        from_block.headline,
        from_block.date_published,
    )


def test_what_mending_cannot_make_json_is_refused_as_before() -> None:
    (read,) = outcomes('{"@type": "NewsArticle", "headline": ', "jsonld")
    assert read.article is None
    assert [i.stage for i in read.issues] == ["parse"]
