"""The people an author meta tag names: several in one credit, none in a template's
placeholder. One small page of our own per rule."""

from __future__ import annotations

import html
import json

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


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        ("By  Ed Hornick, CNN", ["Ed Hornick"]),  # the outlet after the person
        ("AP", ["AP"]),  # an agency alone is the credit there is
    ],
)
def test_an_outlet_after_the_people_it_credits_is_no_author(
    credit: str, expected: list[str]
) -> None:
    assert _authors(_page(credit)) == expected


def test_a_meta_written_with_value_instead_of_content_is_read() -> None:
    assert _credited('<meta name="author" value="Melanie Wassink">') == ["Melanie Wassink"]


def test_a_json_ld_person_named_by_parts_is_named() -> None:
    people = [
        {"@type": "Person", "givenName": "Birgit", "familyName": "Baumann"},
        {"@type": "Person", "givenName": "文", "familyName": "王"},  # family first, unspaced
    ]
    node = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Council passes the budget",
        "datePublished": "2020-01-08T15:51:00+01:00",
        "author": people,
    }
    script = f'<script type="application/ld+json">{json.dumps(node)}</script>'
    assert _credited(script) == ["Birgit Baumann", "王文"]


# WordPress puts category-* classes on a post's container, and trafilatura's by-line
# search leaves out anything whose class mentions a category: the rel=author link remains.
_POST = '<div class="post category-politics">{}</div>'


def test_the_rel_author_link_names_the_author_when_the_marked_by_line_is_missed() -> None:
    by_line = '<h4><span>By:</span> <a href="/author/jtm/" rel="author">Jared T. Miller</a></h4>'
    assert _credited("", _POST.format(by_line)) == ["Jared T. Miller"]


def test_many_rel_author_links_are_a_list_of_other_articles_not_a_by_line() -> None:
    links = "".join(f'<li><a rel="author" href="/{n}">Jane Roe {n}</a></li>' for n in "ABCDE")
    assert _credited("", _POST.format(f"<ul>{links}</ul>")) == []


@pytest.mark.parametrize(
    ("by_line", "expected"),
    [
        ("By Joshua Sokol May 20, 2019", ["Joshua Sokol"]),  # the date the by-line runs into
        ("By GILLIAN MOHNEY March 11, 2015 3:46 PM", ["GILLIAN MOHNEY"]),
        ("By Theresa May", ["Theresa May"]),  # a name that ends in a month
    ],
)
def test_a_marked_by_line_ends_before_its_date(by_line: str, expected: list[str]) -> None:
    assert _credited("", f'<div class="byline">{by_line}</div>') == expected


def _chinese(paragraphs: list[str], head: str = "", title: str = "预算通过_示例网") -> list[str]:
    story = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = (
        f'<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
        "<body><h1>预算通过</h1><div>2020-01-08 15:51</div>"
        f"<article>{story}</article></body></html>"
    )
    (article,) = newsschema.read(page, "html")
    assert all(p not in article.body for p in ("澎湃新闻记者 段彦超 廖艳", "《棱镜》作者 周纯"))
    return [a.name for a in article.authors]


_STORY = ["市议会周二开会并表决通过了新的预算方案。", "新预算将于三月起生效，涉及教育和交通。"]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["新京报快讯（记者 裴剑飞）" + _STORY[0], _STORY[1]], ["裴剑飞"]),  # the dateline's
        (["长江网10月4日讯（记者陈智 整合）" + _STORY[0], _STORY[1]], ["陈智"]),
        (["澎湃新闻记者 段彦超 廖艳", *_STORY], ["段彦超", "廖艳"]),  # a credit alone
        ([*_STORY, *_STORY[::-1], _STORY[0], "《棱镜》作者 周纯"], ["周纯"]),  # after points
        (_STORY, []),
    ],
)
def test_a_chinese_story_opening_credits_its_reporters(
    paragraphs: list[str], expected: list[str]
) -> None:
    assert _chinese(paragraphs) == expected


@pytest.mark.parametrize(
    ("author", "title"),
    [
        ("新京报", "预算通过_示例网"),  # a newspaper, not a person
        ("网易", "预算通过_网易科技"),  # the brand the site's name begins with
    ],
)
def test_a_chinese_organisation_as_author_gives_way_to_the_printed_reporter(
    author: str, title: str
) -> None:
    head = f'<meta name="author" content="{author}">'
    paragraphs = ["新京报讯（记者 陆一夫）" + _STORY[0], _STORY[1]]
    assert _chinese(paragraphs, head, title) == ["陆一夫"]


def _wire(
    opening: str, head: str = "", marked: str = "", site: str = "Example Zeitung"
) -> list[str]:
    """A page running an agency's story: its first paragraph opens with `opening`."""
    page = (
        f'<html lang="de"><head><meta charset="utf-8"><title>Haushalt | {site}</title>{head}'
        f'<meta property="og:site_name" content="{site}">'
        '<meta property="article:published_time" content="2020-01-08T15:51:00+01:00">'
        f"</head><body><h1>Rat beschließt den Haushalt</h1>{marked}<article>"
        f"<p>{opening} Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr "
        "mit großer Mehrheit beschlossen.</p>"
        "<p>Der neue Haushalt tritt im März in Kraft und sieht mehr Geld für Schulen vor.</p>"
        "</article></body></html>"
    )
    (article,) = newsschema.read(page, "html")
    return [a.name for a in article.authors]


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("Hamburg (dpa/lno) \u2013", ["dpa/lno"]),
        ("FRANKFURT/MAIN (dpa-AFX) -", ["dpa-AFX"]),
        ("MONTGOMERY, Ala. (AP) —", ["AP"]),
        ("Berlin (afp) \u2013", ["afp"]),
        ("Alternative für Deutschland (AfD) \u2013", []),  # the words before it, abbreviated
        ("Der Rat (heute) \u2013", []),  # a word in parentheses, not an agency
        ("Hamburg \u2013", []),  # a dateline that credits no one
    ],
)
def test_wire_copy_credits_the_agency_its_dateline_names(opening: str, expected: list[str]) -> None:
    assert _wire(opening) == expected


def test_the_dateline_agency_comes_after_every_other_credit() -> None:
    marked = '<div class="byline">Von <a rel="author" href="/autor/roe">Jana Roe</a></div>'
    assert _wire("Hamburg (dpa) \u2013", marked=marked) == ["Jana Roe"]
    assert _wire("Hamburg (dpa) \u2013", head='<meta name="author" content="Jana Roe">') == [
        "Jana Roe"
    ]


def test_the_site_in_its_own_dateline_credits_no_one() -> None:
    assert _wire("LOS ANGELES (CNN) —", site="CNN") == []


def test_a_marked_by_line_keeps_the_parenthesis_the_page_prints_in_a_name() -> None:
    """trafilatura reads the marked by-line without its parenthesis (and with its two
    spaces); the page's own text gives the name back as printed."""
    marked = '<span class="byline"><a rel="author" href="/w/e">Richard (R.J.) Eskow</a></span>'
    assert _credited("", marked) == ["Richard (R.J.) Eskow"]


def _printed(line: str, language: str = "en") -> tuple[list[str], list[str]]:
    """The authors and body of a page that prints `line` under its headline and credits
    no one anywhere else."""
    page = (
        f'<html lang="{language}"><head><meta charset="utf-8"><title>Budget</title>'
        '<meta property="article:published_time" content="2020-01-08T15:51:00+01:00">'
        f"</head><body><h1>Council passes the budget</h1><div>{html.escape(line)}</div>"
        "<article><p>The council met on Tuesday and voted for the budget of next year, "
        "after a long debate about schools and roads.</p>"
        "<p>The new budget takes effect in March and gives more money to schools.</p>"
        "</article></body></html>"
    )
    (article,) = newsschema.read(page, "html")
    return [a.name for a in article.authors], list(article.body)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Roe | 8 January 2020", ["Jane Roe"]),
        ("2/26/2015 7:11 AM PST BY JANE ROE", ["JANE ROE"]),  # after the time, as printed
        ("By JANE ROE March 16, 2016", ["JANE ROE"]),  # not the month the date starts with
        ("By Jane Roe8 Jan 2020", ["Jane Roe"]),  # run into its date
        ("Von Jana Roe und Max Mustermann | 08.01.2020", ["Jana Roe", "Max Mustermann"]),
        ("05/10/2018 - Publicado por: Clara Borba - Categoria: Saúde", ["Clara Borba"]),
        ("2019/02/22 17:23 · 著者：後藤大地", ["後藤大地"]),
        ("Photo by John Smith / Reuters", []),  # a picture's credit
        ("By clicking here you agree to our terms", []),
        ("8 January 2020 | Updated 10:01 pm", []),
    ],
)
def test_a_by_line_printed_under_the_headline_names_the_authors(
    line: str, expected: list[str]
) -> None:
    authors, body = _printed(line)
    assert authors == expected
    assert all(line not in paragraph for paragraph in body)


@pytest.mark.parametrize(("credit", "kind"), [("AP", "Organization"), ("Jane Roe", "Person")])
def test_an_agency_named_alone_by_an_author_meta_is_an_organisation(credit: str, kind: str) -> None:
    (article,) = newsschema.read(_page(credit), "html")
    assert [(a.name, a.type) for a in article.authors] == [(credit, kind)]
