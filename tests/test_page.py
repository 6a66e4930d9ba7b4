"""The page reader: the seed, pages of our own for each variation, and refusals."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsschema
from newsschema import Article, ValidationError
from newsschema.cli import main
from newsschema.formats.page import extract

from .conftest import DATA, FIXTURES, SHARED, cli_runner

SEED_PAGE = FIXTURES / "seed" / "hnr-2022-04-22-xinxiang.txt"
SEED_ARTICLE = FIXTURES / "seed" / "hnr-2022-04-22-xinxiang.json"
PAGES = sorted((DATA / "page" / "valid").glob("*.txt"))
BAD_PAGES = sorted((DATA / "page" / "invalid").glob("*.txt"))


BYLINE = re.compile(r"\(陆建斌\s+李修朝\s+武海鸣\)")


def seed_text() -> str:
    return SEED_PAGE.read_text(encoding="utf-8")


def read_page(text: str | bytes, **options: str) -> Article:
    (article,) = newsschema.read(text, "page", **options)
    return article


def test_seed_page_is_the_shared_seed() -> None:
    shared = SHARED / "seed" / SEED_PAGE.name
    if not shared.exists() and not os.environ.get("CI"):
        pytest.skip("../shared is not beside this checkout")
    assert shared.read_bytes() == SEED_PAGE.read_bytes()


def test_seed_reads_as_the_reviewed_article() -> None:
    assert newsschema.convert(SEED_PAGE, to="article") == SEED_ARTICLE.read_text(encoding="utf-8")


def test_seed_has_every_field_the_issue_names() -> None:
    article = read_page(SEED_PAGE.read_bytes())
    assert article.headline == "新乡市平原示范区:汇聚群防能量 筑牢群控屏障"
    assert article.date_published.isoformat() == "2022-04-22T14:36:26+08:00"
    assert article.source is not None
    assert (article.source.name, article.source.type) == ("映象网", "Organization")
    assert article.section == "今日热点"
    assert [a.name for a in article.authors] == ["陆建斌", "李修朝", "武海鸣"]
    assert [(e.name, e.role) for e in article.editors] == [("高御", "责编")]
    assert article.keywords == ("新乡", "疫情防控", "党员")
    assert article.language == "zh-CN"
    assert len(article.body) == 19
    assert article.body[0].startswith("近日,气温骤升。")
    assert article.body[-1].endswith("始终飘扬着一面鲜艳的党旗。")
    assert article.rights is not None
    assert article.rights.holder == "映象网络"
    text = "\n".join(article.body)
    for boilerplate in ("陆建斌", "文章关键词", "相关阅读", "网站简介", "Copyright", "版权所有"):
        assert boilerplate not in text
    assert article.id == read_page(seed_text()).id  # deterministic


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda t: t.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
        pytest.param(lambda t: ("\ufeff" + t).encode("utf-8"), id="utf-8-bom"),
        pytest.param(lambda t: t.encode("gb18030"), id="gb18030"),
        pytest.param(
            lambda t: (
                t.replace("来源:", "来源：")
                .replace("文章关键词:", "文章关键词：")
                .replace("责编:", "责编：")
                .replace("(陆建斌  李修朝  武海鸣)", "（陆建斌　李修朝、武海鸣）")
            ),
            id="full-width",
        ),
        pytest.param(lambda t: BYLINE.sub("（陆建斌　李修朝、武海鸣）", t), id="byline-separators"),
        pytest.param(lambda t: t.replace("14:36:26", "14:36"), id="no-seconds"),
    ],
)
def test_seed_variants_read_alike(variant: object) -> None:
    original = read_page(seed_text())
    changed_text = variant(seed_text())  # type: ignore[operator]
    assert changed_text != seed_text()
    changed = read_page(changed_text)
    assert changed.date_published.replace(second=26) == original.date_published
    assert changed.headline == original.headline
    assert changed.body == original.body
    assert changed.authors == original.authors
    assert changed.editors == original.editors
    assert changed.keywords == original.keywords


def test_gbk_page_is_detected_and_encoding_can_be_named() -> None:
    data = seed_text().replace("\u00a0", " ").replace("©", "(c)").encode("gbk")
    assert read_page(data).body == read_page(seed_text()).body
    assert read_page(data, encoding="gbk").headline == read_page(seed_text()).headline
    with pytest.raises(ValidationError, match="not utf-8"):
        read_page(data, encoding="utf-8")


def test_page_without_keyword_line_or_byline() -> None:
    text = seed_text().replace("文章关键词:新乡,疫情防控,党员 责编:高御\n", "")
    text = BYLINE.sub("", text)
    article = read_page(text)
    assert article.keywords == ()
    assert article.editors == ()
    assert article.authors == ()
    assert article.body == read_page(seed_text()).body


@pytest.mark.parametrize(
    ("opening", "authors", "kept"),
    [
        ("映象网讯（记者 王五）", ["王五"], True),  # a dateline's reporter; the story keeps it
        ("本报记者 王五 李四\n", ["王五", "李四"], False),  # a credit line alone leaves it
    ],
)
def test_the_storys_opening_credits_its_reporters(
    opening: str, authors: list[str], kept: bool
) -> None:
    """The same reading of a story's opening credit as the html reader's."""
    first = read_page(seed_text()).body[0]
    text = BYLINE.sub("", seed_text()).replace(first, opening + first, 1)
    article = read_page(text)
    assert [a.name for a in article.authors] == authors
    assert article.body[0] == (opening + first if kept else first)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_own_pages_read_as_reviewed(path: Path) -> None:
    expected = path.with_suffix(".json").read_text(encoding="utf-8")
    assert newsschema.convert(path, to="article") == expected


def test_role_labels_are_roles_never_names() -> None:
    article = read_page((DATA / "page" / "valid" / "fullwidth-crlf.txt").read_bytes())
    assert [(a.name, a.role) for a in article.authors] == [("孙国强", "记者"), ("周丽", "通讯员")]


def test_traditional_page_keeps_its_characters() -> None:
    article = read_page((DATA / "page" / "valid" / "big5-traditional.txt").read_bytes())
    assert article.language == "zh-TW"
    assert article.body[-1].endswith("（完）")  # a closing mark, not a by-line


@pytest.mark.parametrize(
    ("zone", "expected"),
    [("+00:00", "2022-04-22T14:36:26+00:00"), ("Asia/Tokyo", "2022-04-22T14:36:26+09:00")],
)
def test_timezone_overrides_beijing_time(zone: str, expected: str) -> None:
    assert read_page(seed_text(), timezone=zone).date_published.isoformat() == expected


@pytest.mark.parametrize(
    ("path", "words"),
    [
        (DATA / "page" / "invalid" / "no-time-line.txt", "no line with the publication time"),
        (DATA / "page" / "invalid" / "no-headline.txt", "no headline"),
        (DATA / "page" / "invalid" / "impossible-date.txt", "not a real date"),
    ],
    ids=lambda value: value.name if isinstance(value, Path) else value,
)
def test_pages_that_are_not_news_are_refused(path: Path, words: str) -> None:
    result = cli_runner().invoke(main, ["convert", str(path), "--to", "article"])
    assert result.exit_code == 1
    assert words in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert result.stdout == ""


def test_every_bad_page_is_covered() -> None:
    assert {p.name for p in BAD_PAGES} == {
        "no-time-line.txt",
        "no-headline.txt",
        "impossible-date.txt",
    }


# --- generated pages ---------------------------------------------------------------------

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国"
names = st.builds(
    lambda surname, given: surname + given,
    st.sampled_from(SURNAMES),
    st.text(alphabet=GIVEN, min_size=1, max_size=2),
)
labels = st.sampled_from([None, "记者", "通讯员", "实习生", "本报记者"])
spaces = st.sampled_from([" ", "  ", "\u00a0", "\u3000", "、", "，"])
colons = st.sampled_from([":", "："])
parens = st.sampled_from([("(", ")"), ("（", "）")])
words = st.text(alphabet=GIVEN, min_size=2, max_size=4)


def page_text(
    headline: str,
    body: list[str],
    people: list[tuple[str | None, str]],
    space: str,
    colon: str,
    paren: tuple[str, str],
    keywords: list[str],
    editor: str,
) -> str:
    byline = space.join(f"{label}{space}{name}" if label else name for label, name in people)
    lines = [
        "要闻 > 正文",
        headline,
        f"2023-06-01 08:00{space}来源{colon}大河网",
        *body[:-1],
        body[-1] + (f"{paren[0]}{byline}{paren[1]}" if people else ""),
        f"关键词{colon}{'，'.join(keywords)} 责任编辑{colon}{editor}",
        "网站简介 | 版权声明",
    ]
    return "\n".join(lines)


@given(
    headline=st.text(alphabet=GIVEN + "市区县", min_size=4, max_size=20),
    body=st.lists(
        st.text(alphabet=GIVEN + "，。", min_size=5, max_size=60), min_size=1, max_size=4
    ),
    people=st.lists(st.tuples(labels, names), max_size=4, unique_by=lambda p: p[1]),
    space=spaces,
    colon=colons,
    paren=parens,
    keywords=st.lists(words, min_size=1, max_size=4, unique=True),
    editor=names,
)
def test_generated_pages_read_back_what_they_hold(
    headline: str,
    body: list[str],
    people: list[tuple[str | None, str]],
    space: str,
    colon: str,
    paren: tuple[str, str],
    keywords: list[str],
    editor: str,
) -> None:
    body = [p.strip("，。") + "。" for p in body]
    text = page_text(headline, body, people, space, colon, paren, keywords, editor)
    document, issues = extract(text)
    assert issues == []
    assert document["headline"] == headline
    assert document["body"] == body
    assert document["source"] == "大河网"
    assert document["section"] == "要闻"
    assert document["keywords"] == keywords
    expected_people = []
    role = None
    for label, name in people:
        role = label or role
        expected_people.append({"name": name, **({"role": role} if role else {})})
    assert document.get("authors", []) == expected_people
    assert document["editors"] == [{"name": editor, "role": "责任编辑"}]
    article = read_page(text)
    assert json.loads(newsschema.write(article, "article"))["language"] == "zh-CN"
