"""责任编辑 lines as Chinese portals print them: split over source lines, with a staff
number, as a system login, or in the page furniture the reader otherwise leaves out.
One small page of our own per rule."""

from __future__ import annotations

import pytest

import newsschema


def _page(editor_markup: str) -> str:
    return (
        '<html lang="zh-CN"><head><meta charset="utf-8"><title>暴雨</title></head><body>'
        "<h1>新乡暴雨致多条道路积水</h1><p>2022-04-22 14:36 来源：映象网</p>"
        '<div class="article"><p>昨夜一场暴雨袭击新乡，市区多条道路出现积水。</p>'
        "<p>交警部门在主要路口疏导交通，目前道路已恢复通行。</p></div>"
        f"{editor_markup}</body></html>"
    )


def _editors(markup: str) -> list[tuple[str, str | None]]:
    (article,) = newsschema.read(_page(markup), "html")
    return [(e.name, e.role) for e in article.editors]


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # A line break in the source is a space, as a browser shows it (guancha, xinhuanet).
        ("<ul><li>责任编辑:\n\t\t刘响&nbsp;\n\t</li></ul>", [("刘响", "责任编辑")]),
        # A staff number after the name is no part of it (163.com).
        ('<span class="ep-editor">责任编辑：杜硕_NB12556</span>', [("杜硕", "责任编辑")]),
        # An editor named by a system login (qq.com).
        ('<div class="qq_editor">责任编辑：biaoffeng</div>', [("biaoffeng", "责任编辑")]),
        # An editor line inside what the reader takes for page furniture (a footer).
        ('<div class="footer">责任编辑：\n尹世杰\n</div>', [("尹世杰", "责任编辑")]),
    ],
)
def test_editor_lines_as_portals_print_them(markup: str, expected: list[tuple[str, str]]) -> None:
    assert _editors(markup) == expected


def test_a_login_names_an_editor_never_an_author() -> None:
    (article,) = newsschema.read(_page("<p>作者：biaoffeng</p>"), "html")
    assert [a.name for a in article.authors] == []


def test_a_preformatted_block_keeps_its_line_breaks() -> None:
    page = _page("").replace(
        '<div class="article">', '<div class="article"><pre>来源：映象网\n作者：张三</pre>'
    )
    (article,) = newsschema.read(page, "html")
    assert [a.name for a in article.authors] == ["张三"]
