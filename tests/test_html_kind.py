"""Pages that are not one article — a home page, a section front, a tag page — are refused
as such; article pages that look a little like them are still read."""

from __future__ import annotations

import json

import pytest

import newsschema
from newsschema.errors import Issue

HEADLINES = [
    "City council approves new bike lanes on Main Street",
    "Storm warning issued for the whole weekend",
    "Schools reopen on Monday after the long break",
    "Local bakery wins national bread competition",
    "New bridge opens to traffic ahead of schedule",
    "Museum unveils a collection of river paintings",
    "Hospital opens a new children's ward",
    "Farmers market moves to the old railway station",
]


def _teasers(summaries: bool = True) -> str:
    items = []
    for n, headline in enumerate(HEADLINES):
        summary = f"<p>{headline.split()[0]} news in brief.</p>" if summaries else ""
        items.append(
            f'<article><h2><a href="/story/{n}">{headline}</a></h2>'
            f'<time datetime="2024-03-0{n + 1}T09:00:00+01:00">March {n + 1}</time>{summary}'
            "</article>"
        )
    return "\n".join(items)


def _page(head: str, body: str, jsonld: object | None = None) -> str:
    script = f'<script type="application/ld+json">{json.dumps(jsonld)}</script>' if jsonld else ""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Riverside Daily</title>{head}{script}</head>"
        f"<body><h1>Riverside Daily</h1><main>{body}</main></body></html>"
    )


def _errors(issues: list[Issue]) -> list[str]:
    return [issue.message for issue in issues if issue.severity == "error"]


WEBSITE = {
    "@context": "https://schema.org",
    "@type": "WebSite",
    "name": "Riverside Daily",
    "url": "https://riverside.example/",
    "potentialAction": {
        "@type": "SearchAction",
        "target": "https://riverside.example/search?q={q}",
        "query-input": "required name=q",
    },
}
SECTION = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "CollectionPage", "name": "Local news", "url": "https://riverside.example/local"},
        {
            "@type": "ItemList",
            "itemListElement": [
                {"@type": "ListItem", "position": n + 1, "url": f"https://riverside.example/{n}"}
                for n in range(len(HEADLINES))
            ],
        },
    ],
}
OG_WEBSITE = '<meta property="og:type" content="website">'


@pytest.mark.parametrize(
    ("page", "message"),
    [
        (
            _page(OG_WEBSITE, _teasers(), WEBSITE),
            "not an article: its og:type is 'website' and its JSON-LD describes a WebSite and "
            "no article, and its main content is a list of 8 linked headlines, with no body of "
            "its own",
        ),
        (
            _page(OG_WEBSITE, _teasers(), SECTION),
            "not an article: its JSON-LD describes a CollectionPage and no article",
        ),
        (
            _page(OG_WEBSITE + '<meta property="og:title" content="Tag: bridges">', _teasers()),
            "not an article: its og:type is 'website', and its main content is a list of 8 "
            "linked headlines, with no body of its own",
        ),
        (
            _page("", _teasers(summaries=False)),
            "not an article: its main content is a list of 8 linked headlines, with no body "
            "of its own",
        ),
    ],
    ids=["home page", "section front", "tag page", "bare list of links"],
)
def test_a_page_that_is_no_article_is_refused_as_such(page: str, message: str) -> None:
    assert _errors(newsschema.validate(page, "html")) == [message]
    with pytest.raises(newsschema.ValidationError, match="not an article"):
        newsschema.convert(page, "article", from_="html")


BODY = "\n".join(
    f"<p>{sentence} The council met on Tuesday evening and heard from residents.</p>"
    for sentence in HEADLINES
)


@pytest.mark.parametrize(
    "page",
    [
        # A site that labels every page "website", with an article body of its own.
        _page(
            OG_WEBSITE + '<meta property="article:published_time" '
            'content="2024-03-01T09:00:00+01:00">',
            f"<article><h2>Bike lanes approved</h2>{BODY}</article>{_teasers()}",
        ),
        # The same teasers under an article the JSON-LD names.
        _page(
            OG_WEBSITE,
            f"<article>{BODY}</article>{_teasers()}",
            {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": "Bike lanes approved",
                "datePublished": "2024-03-01T09:00:00+01:00",
            },
        ),
        # og:type article decides, short body and related links notwithstanding.
        _page(
            '<meta property="og:type" content="article"><meta property="og:title" content="Brief">'
            '<meta property="article:published_time" content="2024-03-01T09:00:00+01:00">',
            f"<article><p>The bridge opened at nine.</p></article>{_teasers()}",
        ),
    ],
    ids=["og website, long body", "og website, JSON-LD article", "og article, brief"],
)
def test_an_article_page_with_some_signs_of_a_listing_is_still_read(page: str) -> None:
    (article,) = newsschema.read(page, "html")
    assert article.headline


def test_a_chinese_brief_under_og_type_news_is_read() -> None:
    page = (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta property="og:type" content="news"><title>新乡发布暴雨预警_新闻</title></head>'
        "<body><h1>新乡发布暴雨预警</h1><div>2022-04-22 14:36 来源：新乡日报</div>"
        "<div class='article'><p>新乡市气象台4月22日发布暴雨黄色预警，请市民注意出行。</p></div>"
        + "".join(
            f"<li><a href='/{n}'>相关新闻：新乡市召开防汛工作会议部署第{n}项工作</a></li>"
            for n in range(9)
        )
        + "</body></html>"
    )
    (article,) = newsschema.read(page, "html")
    assert article.headline == "新乡发布暴雨预警"
