"""The page reader's last resorts, each shown on a small page of our own: the story's
paragraphs as trafilatura finds them, the day htmldate finds when the page states no time,
and the day of a time the page writes without a zone."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

import newsschema
from newsschema.formats.html.main_text import MOST_ELEMENTS, _broken, main_paragraphs

_STORY = "".join(
    f"<p>Paragraph {n} of the council story tells how the vote on the new bike lanes went, "
    "who spoke for them and who spoke against them at length.</p>"
    for n in range(6)
)
_TEASERS = "".join(
    f'<article class="teaser"><h2><a href="/more/{n}">Another story {n}</a></h2><p>A teaser '
    f"for story {n}, one that readers might want next, a little longer than most.</p></article>"
    for n in range(8)
)


def _page(tmp_path: Path, markup: str) -> Path:
    path = tmp_path / "page.html"
    path.write_text(markup, encoding="utf-8")
    return path


def _published(head: str, body: str, lang: str = "en") -> str:
    return (
        f'<html lang="{lang}"><head><title>Council approves bike lanes - City Paper</title>'
        f"{head}</head><body><h1>Council approves bike lanes</h1>{body}</body></html>"
    )


_ZONED = '<meta property="article:published_time" content="2024-05-02T10:00:00+02:00">'


def test_a_story_marked_as_the_article_body_wins_over_teaser_cards(tmp_path: Path) -> None:
    """newsschema's own rule took the largest ``<article>`` - here a teaser card."""
    body = f'<div itemprop="articleBody">{_STORY}</div><div class="more">{_TEASERS}</div>'
    (article,) = newsschema.read(_page(tmp_path, _published(_ZONED, body)))
    assert len(article.body) == 6
    assert all(p.startswith("Paragraph ") for p in article.body)


def test_lines_broken_by_br_are_paragraphs(tmp_path: Path) -> None:
    lines = [
        f"第{n}段：郑州地铁6号线首期工程今天开通运营，沿线居民出行更加方便，"
        "市民纷纷前来体验新线路的服务和设施。"
        for n in range(1, 6)
    ]
    head = '<meta property="article:published_time" content="2022-09-28T10:05:00+08:00">'
    body = f'<div class="content">{"<br><br>".join(lines)}</div>'
    markup = _published(head, body, lang="zh-CN")
    (article,) = newsschema.read(_page(tmp_path, markup))
    assert list(article.body) == lines
    shown = "\n".join(["Council approves bike lanes", *lines])
    assert main_paragraphs(lxml_html.document_fromstring(markup), shown) == lines


def test_text_the_page_shows_in_no_one_block_is_no_paragraph() -> None:
    """trafilatura's last resort on a short page is all its text as one paragraph."""
    markup = (
        '<html><body><div class="nav"><a href="/">Home</a></div><h1>Short</h1>'
        "<p>One short line.</p><div>Editor: Jane Roe</div></body></html>"
    )
    root = lxml_html.document_fromstring(markup)
    shown = "\n".join(["Home", "Short", "One short line.", "Editor: Jane Roe"])
    assert all(p in shown.splitlines() for p in main_paragraphs(root, shown))


def _read_warned(path: Path) -> tuple[newsschema.Article, newsschema.Issue]:
    """The page's article and the one issue reading it raises, which is a warning."""
    (article,) = newsschema.read(path)
    (warning,) = newsschema.validate(path)
    assert warning.severity == "warning"
    return article, warning


def test_a_page_stating_no_time_gets_the_day_htmldate_finds(tmp_path: Path) -> None:
    head = '<link rel="canonical" href="https://citypaper.example/2023/04/17/bike-lanes.html">'
    path = _page(tmp_path, _published(head, f"<div>{_STORY}</div>"))
    article, warning = _read_warned(path)
    assert article.date_published == date(2023, 4, 17)
    assert "states no publication time: 2023-04-17, the day htmldate finds" in warning.message


def test_a_page_stating_no_time_anywhere_is_still_refused(tmp_path: Path) -> None:
    path = _page(tmp_path, _published("", f"<div>{_STORY}</div>"))
    (issue,) = newsschema.validate(path)
    assert issue.severity == "error"
    assert "found no publication time" in issue.message


def test_a_zoneless_time_nothing_places_is_read_as_its_day(tmp_path: Path) -> None:
    head = '<meta property="article:published_time" content="2024-01-01T09:00:00">'
    path = _page(tmp_path, _published(head, f"<div>{_STORY}</div>"))
    article, warning = _read_warned(path)
    assert article.date_published == date(2024, 1, 1)
    assert warning.path == "/datePublished"
    assert "has no time zone and nothing on the page gives one" in warning.message
    (timed,) = newsschema.read(path, timezone="Europe/London")
    assert timed.date_published.isoformat() == "2024-01-01T09:00:00+00:00"


def test_a_comment_inside_a_subheading_is_no_text_of_it() -> None:
    """trafilatura keeps a comment in a heading (a review's score box on engadget.com)."""
    heading = etree.fromstring('<head rend="h4">Score <!-- rating key --> 85<lb/>of 100</head>')
    assert list(_broken(heading)) == ["Score 85", "of 100"]


def test_a_related_news_box_above_the_story_does_not_end_it(tmp_path: Path) -> None:
    story = [
        f"第{n}段：苹果今天凌晨发布新款手机，售价与去年相同，预购将于本周五开始，"
        "首批上市的国家和地区包括中国大陆。"
        for n in range(1, 5)
    ]
    paragraphs = ["相关新闻：", *story, "相关新闻：", "苹果去年发布会回顾"]
    head = '<meta property="article:published_time" content="2019-09-11T08:00:00+08:00">'
    body = "<div class='content'>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div>"
    (article,) = newsschema.read(_page(tmp_path, _published(head, body, lang="zh-CN")))
    assert list(article.body) == story


_PARAGRAPHS = [
    "The council voted on Tuesday for new bike lanes on Main Street, after a long debate.",
    "Work starts in March and should end before the summer holidays, the mayor said.",
    "Shop owners on the street had asked for parking to be kept; some of it will be.",
]


def _with_article_body(tmp_path: Path, article_body: str, shown: list[str]) -> list[str]:
    node = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Council approves bike lanes",
        "datePublished": "2024-05-02T10:00:00+02:00",
        "articleBody": article_body,
    }
    script = f'<script type="application/ld+json">{json.dumps(node)}</script>'
    body = "<article>" + "".join(f"<p>{p}</p>" for p in shown) + "</article>"
    (article,) = newsschema.read(_page(tmp_path, _published(script, body)))
    return list(article.body)


def test_an_article_body_in_one_run_is_split_where_the_page_shows_paragraphs(
    tmp_path: Path,
) -> None:
    assert _with_article_body(tmp_path, " ".join(_PARAGRAPHS), _PARAGRAPHS) == _PARAGRAPHS


def test_an_article_body_with_a_paragraph_per_line_is_split_at_its_lines(
    tmp_path: Path,
) -> None:
    assert _with_article_body(tmp_path, "\r\n".join(_PARAGRAPHS), _PARAGRAPHS) == _PARAGRAPHS


def test_an_article_body_the_page_does_not_show_stays_as_written(tmp_path: Path) -> None:
    """Breaks are added only where the page shows a paragraph beginning."""
    run = " ".join(_PARAGRAPHS)
    assert _with_article_body(tmp_path, run, ["Something else entirely."]) == [run]


def test_a_page_of_more_elements_than_any_real_one_is_read_by_our_own_rule() -> None:
    """trafilatura's time grows with the page: a built 20 MB page would take seconds."""
    paragraph = "<p>" + "word " * 20 + "</p>"
    many = paragraph * MOST_ELEMENTS
    root = lxml_html.document_fromstring(f"<html><body><div>{many}</div></body></html>")
    assert main_paragraphs(root, "word " * 20) == []
    few = lxml_html.document_fromstring(f"<html><body><div>{paragraph * 40}</div></body></html>")
    assert main_paragraphs(few, ("word " * 20).strip())


def test_the_time_printed_under_the_heading_is_found_past_a_hidden_copy_of_it(
    tmp_path: Path,
) -> None:
    """A hidden line that holds the headline and the site's name opens the page: the time is
    looked for under the heading itself, not under that copy and the menus after it."""
    menu = "".join(f"<li><a href='/{n}'>Section {n}</a></li>" for n in range(20))
    body = (
        '<div class="visually-hidden">Council approves bike lanes - City Paper</div>'
        f"<ul>{menu}</ul><h1>Council approves bike lanes</h1>"
        "<p>By Jane Roe March 11, 2015 3:46 PM City Paper</p>"
        f"<div>{_STORY}</div>"
    )
    page = (
        '<html lang="en"><head><title>Council approves bike lanes - City Paper</title></head>'
        f"<body>{body}</body></html>"
    )
    (article,) = newsschema.read(page, "html", timezone="America/New_York")
    assert article.date_published.isoformat() == "2015-03-11T15:46:00-04:00"
