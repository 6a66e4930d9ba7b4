"""The html reader: pages of our own, one for each source of data the reader uses.

Each page in ``tests/data/html/valid`` has beside it the article it must give, reviewed
by hand; each in ``invalid`` must be refused with exit 1 and a message.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import newsschema
from newsschema.cli import main
from newsschema.formats.html.decode import declared_encoding, decode_html, whatwg_codec
from newsschema.formats.lenient import mend

from .conftest import DATA, cli_runner

PAGES = sorted((DATA / "html" / "valid").glob("*.html"))
REFUSED = sorted((DATA / "html" / "invalid").glob("*.html"))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_own_pages_read_as_reviewed(path: Path) -> None:
    expected = path.with_suffix(".json").read_text(encoding="utf-8")
    assert newsschema.convert(path, to="article") == expected


@pytest.mark.parametrize("path", REFUSED, ids=lambda p: p.name)
def test_pages_without_an_article_are_refused(path: Path) -> None:
    result = cli_runner().invoke(main, ["convert", str(path), "--to", "article"])
    assert result.exit_code == 1
    assert f"{path}: parse: /: no article on this page: found no " in result.stderr
    assert "Traceback" not in result.stderr


def read(name: str, **options: str) -> newsschema.Article:
    (article,) = newsschema.read(DATA / "html" / "valid" / name, **options)
    return article


# --- each source, and which wins ---------------------------------------------------------


def test_gbk_portal_page_without_json_ld() -> None:
    """Decoded from its gb2312 declaration; headline from <h1>, not the title's
    "…_新乡_映象网"; time, source and author from the info line in Beijing time; the
    closing by-line, editor and keywords lines out of the body; publisher and notice from
    the footer; the breadcrumb's section; no menu, share, related or ranking text."""
    article = read("zh-portal-gbk.html")
    assert article.headline == "新乡市平原示范区：汇聚群防能量 筑牢群控屏障"
    assert article.date_published.isoformat() == "2022-04-22T14:36:26+08:00"
    assert article.source == newsschema.Agent(name="映象网", type="Organization")
    assert [a.name for a in article.authors] == ["陆建斌", "武海鸣", "李修朝"]
    assert [(e.name, e.role) for e in article.editors] == [("高御", "责任编辑")]
    assert article.publisher == newsschema.Agent(name="映象网络", type="Organization")
    assert article.section == "今日热点"
    assert article.keywords == ("新乡", "疫情防控", "党员")
    assert len(article.body) == 4
    assert article.body[-1] == "正是这样，困难时刻，平凡的岗位显现普通人的不平凡。"
    text = " ".join(article.body)
    for noise in ("分享到", "相关新闻", "热点排行", "核酸检测", "版权所有", "登录", "首页"):
        assert noise not in text


def test_english_page_with_json_ld_and_opengraph() -> None:
    """JSON-LD first (its 07:15 beats OpenGraph's 06:00), OpenGraph and meta keywords fill
    the gaps (description, image, section, keywords), the body comes from <article>
    without the by-line paragraph, the share links or the related list."""
    article = read("en-jsonld-opengraph.html")
    assert article.date_published.isoformat() == "2024-02-10T07:15:00+00:00"
    assert article.id == "https://ledger.example/news/2024/02/ouse-barrier#article"
    assert article.summary == (
        "The Ouse reached 5.2 metres overnight; the new barrier kept the city centre dry."
    )
    assert [str(i.url) for i in article.images] == ["https://ledger.example/img/ouse-barrier.jpg"]
    assert article.section == "Environment"
    assert article.keywords == ("York", "flooding", "River Ouse")
    assert article.language == "en-GB"
    assert len(article.body) == 4
    assert not any(p.startswith("By ") or "Share" in p or "Related" in p for p in article.body)


def test_broken_json_ld_is_mended_and_wins_over_the_visible_page() -> None:
    article = read("broken-jsonld.html")
    assert article.keywords == ("transport", "city council", "cycling")
    assert article.body[0].startswith("The council voted 7-2")
    assert article.summary == "A 7-2 vote after\nthree hours of public comment."


def test_opengraph_and_article_tags_without_json_ld() -> None:
    article = read("opengraph-only.html")
    assert article.headline == "Madrid records its hottest June day"  # the <h1> over og:title
    assert [a.name for a in article.authors] == ["Lucía Fernández"]  # not the author's URL
    assert article.keywords == ("heatwave", "Madrid")  # article:tag before keywords
    assert article.language == "en-GB"  # og:locale en_GB
    assert article.date_modified is not None


def test_chinese_portal_metas_and_an_editor_line_in_parentheses() -> None:
    """publishdate in 年月日 form, source with its 来源 label, and （责编：王佳、李娜） closing
    the story: editors, not a paragraph."""
    article = read("zh-portal-metas.html")
    assert article.date_published.isoformat() == "2022-09-28T10:05:00+08:00"
    assert article.source == newsschema.Agent(name="人民网-河南频道", type="Organization")
    assert [(e.name, e.role) for e in article.editors] == [("王佳", "责编"), ("李娜", "责编")]
    assert article.body[-1].endswith("串联起荥阳与郑州主城区。")


def test_a_meta_time_nobody_can_read_gives_way_to_the_printed_one(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta name="pubdate" content="yesterday"></head><body><h1>新乡降雨</h1>'
        "<p>2023-07-01 08:30 来源：新乡日报</p><div><p>今天新乡普降中雨。</p></div></body></html>",
        encoding="utf-8",
    )
    (article,) = newsschema.read(page)
    assert article.date_published.isoformat() == "2023-07-01T08:30:00+08:00"


def _published(head: str, printed: str = "") -> object:
    """The publication time of a page whose head holds `head` and which prints `printed`
    under its headline."""
    page = (
        f'<html lang="en"><head><meta charset="utf-8"><title>Budget</title>{head}</head>'
        f"<body><h1>Council passes the budget</h1><div>{printed}</div><article>"
        "<p>The council met on Tuesday and voted for the budget of next year.</p>"
        "<p>The new budget takes effect in March.</p></article></body></html>"
    )
    (article,) = newsschema.read(page, "html")
    return article.date_published


@pytest.mark.parametrize(
    "meta",
    [
        '<meta itemprop="datePublished" content="2016-07-29T16:42:34-04:00">',  # microdata
        '<meta property="article:published" content="2016-07-29T16:42:34-04:00">',
        '<meta property="article:published" itemprop="datePublished"'
        ' content="2016-07-29T16:42:34-04:00">' * 2,  # the same value twice
    ],
)
def test_a_microdata_or_article_published_meta_gives_the_time(meta: str) -> None:
    assert str(_published(meta)) == "2016-07-29 16:42:34-04:00"


def test_microdata_times_of_several_items_give_none_of_them() -> None:
    """Two itemprop times: a related video's and the article's, in no telling order; the
    time the page prints is read instead."""
    metas = (
        '<meta itemprop="datePublished" content="2015-03-12T13:11:07Z">'
        '<meta itemprop="datePublished" content="2015-03-11T19:46:14Z">'
    )
    assert str(_published(metas, "11 March 2015, 19:46 UTC")) == "2015-03-11 19:46:00+00:00"


def test_dublin_core_and_br_separated_text() -> None:
    article = read("dublin-core.html")
    assert article.headline == "Lakeside ferry returns after winter repairs"
    assert [a.name for a in article.authors] == ["Annika Berg"]
    assert article.language == "sv"
    assert article.keywords == ("ferry", "tourism")
    assert article.body[0].startswith("Färjan")  # the headline printed above is not story


@pytest.mark.parametrize(
    ("name", "language", "text"),
    [
        ("big5.html", "zh-TW", "台北捷運環狀線北段今天上午舉行動工典禮"),
        ("shift-jis.html", "ja", "京都市内の紅葉は今年"),
        ("windows-1252.html", "fr", "le café de la gare a rouvert lundi, à la grande joie"),
        ("bom-utf8.html", "en", "“quotes” and ünïcödé survive"),
        ("stale-charset.html", "de", "Umlaute wie ä, ö und ü"),
    ],
)
def test_declared_and_detected_encodings(name: str, language: str, text: str) -> None:
    article = read(name)
    assert article.language == language
    assert text in article.body[0]


def test_windows_1252_punctuation_survives() -> None:
    quoted = "\u201cOn a gardé le comptoir d\u2019origine\u201d"  # curly quotes: 0x93 0x92 0x94
    assert read("windows-1252.html").body[1].startswith(quoted)


def test_html_lang_and_time_element() -> None:
    article = read("shift-jis.html")
    assert article.date_published.isoformat() == "2023-11-10T09:00:00+09:00"


def test_encoding_option_overrides_the_declaration() -> None:
    path = DATA / "html" / "valid" / "windows-1252.html"
    with pytest.raises(newsschema.ValidationError, match="not utf-8: byte"):
        newsschema.read(path, encoding="utf-8")
    assert newsschema.read(path, encoding="latin-1")[0].headline == read(path.name).headline


def test_format_is_recognised_from_content(tmp_path: Path) -> None:
    page = tmp_path / "saved-page"
    page.write_bytes((DATA / "html" / "valid" / "zh-portal-gbk.html").read_bytes())
    result = cli_runner().invoke(main, ["convert", str(page), "--to", "newsml"])
    assert result.exit_code == 0, result.stderr
    assert "<headline>新乡市平原示范区：汇聚群防能量 筑牢群控屏障</headline>" in result.stdout


def test_unreadable_json_ld_is_a_warning_and_the_page_still_reads(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    source = (DATA / "html" / "valid" / "opengraph-only.html").read_text(encoding="utf-8")
    page.write_text(
        source.replace("</head>", '<script type="application/ld+json">{"@type": </script></head>'),
        encoding="utf-8",
    )
    issues = newsschema.validate(page)
    assert [i.severity for i in issues] == ["warning"]
    assert issues[0].message.startswith("JSON-LD that cannot be read, skipped")
    assert newsschema.read(page)[0].keywords == ("heatwave", "Madrid")  # its article:tag


# --- decoding --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("GB2312", "gb18030"),
        ("gbk", "gb18030"),
        ("Big5", "big5hkscs"),
        ("Shift_JIS", "cp932"),
        ("ISO-8859-1", "cp1252"),
        ("us-ascii", "cp1252"),
        ("utf-16", "utf-8"),
        ("UTF-8", "utf-8"),
        ("koi8-r", "koi8-r"),
        ("no-such-thing", None),
    ],
)
def test_labels_mean_what_they_mean_to_browsers(label: str, codec: str | None) -> None:
    assert whatwg_codec(label) == codec


def test_declarations_in_comments_do_not_count() -> None:
    head = b'<!-- <meta charset="big5"> -->'
    head += b'<meta http-equiv="content-type" content="text/html;charset=GBK">'
    assert declared_encoding(head) == "gb18030"
    assert declared_encoding(b"<html><head><title>x</title></head>") is None


def test_decoding_order() -> None:
    text = "<html><head><meta charset='big5'></head><body>新乡</body></html>"
    assert decode_html(text.encode("utf-8-sig")) == text  # the BOM outranks the meta
    gbk = text.replace("big5", "gbk").encode("gbk")
    assert decode_html(gbk) == text.replace("big5", "gbk")  # the meta
    sentence = "近日，新乡市平原示范区气温骤升，疫情防控工作进入关键阶段，党员干部冲锋在前。"
    undeclared = text.replace("<meta charset='big5'>", "").replace("新乡", sentence)
    assert decode_html(undeclared.encode("gb18030")) == undeclared  # detected
    assert decode_html(gbk, "gb18030") == text.replace("big5", "gbk")  # the user's word


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("zh-portal-gbk.html", "gbk"),
        ("big5.html", "big5"),
        ("shift-jis.html", "cp932"),
        ("windows-1252.html", "cp1252"),
    ],
)
def test_pages_that_declare_nothing_are_detected(name: str, encoding: str) -> None:
    raw = (DATA / "html" / "valid" / name).read_bytes()
    undeclared = re.sub(rb"<meta[^>]*charset[^>]*>", b"", raw, flags=re.IGNORECASE)
    assert declared_encoding(undeclared) is None
    assert decode_html(undeclared) == undeclared.decode(encoding)


@pytest.mark.parametrize("declared", ["iso-8859-15", "windows-1252", "gbk", "shift_jis"])
def test_a_page_saved_as_utf8_under_an_old_declaration_reads_as_utf8(declared: str) -> None:
    text = "La operación de la Guardia Civil en Francia: 运营 東京"
    page = f'<html><head><meta charset="{declared}"></head><body><p>{text}</p></body></html>'
    assert decode_html(page.encode("utf-8")) == page


def test_a_declared_legacy_page_whose_bytes_are_not_utf8_keeps_its_declaration() -> None:
    page = '<html><head><meta charset="iso-8859-15"></head><body><p>operación €</p></body></html>'
    assert decode_html(page.encode("iso-8859-15")) == page


# --- mending JSON ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("broken", "mended"),
    [
        ('{"a": [1, 2,],}', {"a": [1, 2]}),
        ('{"a": 1, // a comment\n "b": 2}', {"a": 1, "b": 2}),
        ('{"a": /* here */ 1}', {"a": 1}),
        ('{"a": "line one\nline two\ttab"}', {"a": "line one\nline two\ttab"}),
        ('<!--\n{"a": 1}\n-->', {"a": 1}),
        ('//<![CDATA[\n{"a": 1}\n//]]>', {"a": 1}),
        (
            '{"url": "https://x.example/a,b//c", "s": "}, ]"}',
            {"url": "https://x.example/a,b//c", "s": "}, ]"},
        ),
        ('{"q": "a \\"quoted\\", word,"}', {"q": 'a "quoted", word,'}),
    ],
)
def test_broken_json_is_mended(broken: str, mended: object) -> None:
    assert json.loads(mend(broken)) == mended
