"""What Chinese news portals print around an article, and how to read it.

A time line (``2022-04-22 14:36:26``), labelled values (``来源：映象网  作者：张三``), role
labels before names (``记者 孙国强 通讯员 周丽``), a by-line in parentheses closing the
body, keywords, an editor and a copyright in the lines after it. The ``page`` reader
finds these in a page saved as text and the ``html`` reader in a page's visible text.
Labels are matched on text folded to Simplified characters, so Traditional pages read
alike and keep their own characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

import attrs

__all__ = [
    "AUTHOR_LABELS",
    "BEIJING",
    "BRACKETS",
    "COLON",
    "CRUMB_SEPARATOR",
    "EDITOR_LABELS",
    "EDITOR_LINE",
    "END_OF_BODY",
    "LABEL",
    "TIME",
    "Credits",
    "authors_and_editors",
    "fold",
    "is_han",
    "is_organisation",
    "labelled_values",
    "naive_time",
    "names_with_roles",
    "opening_credit",
    "read_tail",
    "section_of_crumbs",
    "split_byline",
    "unique_people",
]

BEIJING = timezone(timedelta(hours=8), "Asia/Shanghai")

COLON = "[:：]"
TIME = re.compile(
    r"(?P<year>\d{4})\s*[-/.年]\s*(?P<month>\d{1,2})\s*[-/.月]\s*(?P<day>\d{1,2})\s*日?"
    r"\s*(?P<hour>\d{1,2})\s*[:：时]\s*(?P<minute>\d{1,2})(?:\s*[:：分]\s*(?P<second>\d{1,2}))?"
)

CRUMB_SEPARATOR = re.compile(r"[>＞»›]")
_CRUMB_NOISE = {"首页", "主页", "网站首页", "正文", "当前位置", "您的位置", "Home", "home"}
LABEL = re.compile(rf"(?P<label>来源|作者|责任编辑|责编|编辑|记者|通讯员|摄影|稿源){COLON}\s*")
_KEYWORDS = re.compile(rf"(?:文章关键词|关键词|关键字){COLON}")
_BYLINE = re.compile(r"[(（](?P<names>[^()（）]{1,80})[)）]\s*$")
BRACKETS = "【】[]「」"
_SEPARATORS = re.compile(r"[\s、，,;；/|]+")
_KEYWORD_SEPARATORS = re.compile(r"[\s、，,;；|]+")
# A Chinese personal name: two to four characters, or longer with a middle dot
# (阿依古丽·买买提). Parenthesised words that end a paragraph but name no one — (完),
# (待续), (新华社) — are not a by-line.
_NAME = re.compile(r"[\u3400-\u9fff]{2,4}|[\u3400-\u9fff]{1,8}[·•][\u3400-\u9fff·•]{1,12}")
_STAFF_CODE = re.compile(r"(?<=[\u3400-\u9fff])_[A-Za-z]{0,4}[0-9]+$")
"""A staff number portals append to an editor's name (163.com: 杜硕_NB12556)."""
_HANDLE = re.compile(r"[A-Za-z][A-Za-z0-9._-]{2,31}")
"""An editor named by a system login (qq.com: 责任编辑：biaoffeng): taken for an editor only."""
_NOT_NAMES = {
    "完", "待续", "未完待续", "全文完", "组图", "视频", "本报讯", "图文", "原标题",
    "整合", "整理", "综合", "报道", "综合报道", "编译", "摄影报道",
}  # fmt: skip
_NOT_NAME_STARTS = ("发自", "报道")
"""``记者 张三 发自北京``: where a by-line says where it was filed from, not whom."""
_ORGANISATION_ENDINGS = ("社", "网", "报", "台", "站")
END_OF_BODY = re.compile(
    r"^(?:文章关键词|关键词|关键字|相关阅读|相关新闻|相关文章|相关链接|延伸阅读|推荐阅读|"
    r"责任编辑|责编|网站简介|版权声明|关于我们|Copyright|©)|版权所有"
)

EDITOR_LINE = re.compile(rf"(?:责任编辑|责编){COLON}")
"""A line that names the page's editor (folded to Simplified first)."""
_HERE = re.compile(rf"^(?:当前位置|您的位置|位置){COLON}")
_COPYRIGHT_NOTICE = re.compile(r"^(?:Copyright|©|\(c\))", re.IGNORECASE)
_RESERVED = "版权所有"


AUTHOR_LABELS = (
    "本报记者", "本报通讯员", "特约记者", "见习记者", "实习记者", "融媒体记者", "全媒体记者",
    "摄影记者", "记者", "通讯员", "实习生", "摄影", "作者", "撰文", "文", "图", "文图",
)  # fmt: skip
EDITOR_LABELS = ("责任编辑", "责编", "编辑", "审核", "校对")
_FOLD = str.maketrans(
    "來責編輯記訊員攝關鍵詞閱讀權網簡聲頁稿報臺", "来责编辑记讯员摄关键词阅读权网简声页稿报台"
)
_TRADITIONAL = re.compile(f"[{''.join(chr(c) for c in _FOLD)}]")
_PREFIX_LABELS = sorted((x for x in AUTHOR_LABELS + EDITOR_LABELS if len(x) >= 2), key=len)[::-1]


def fold(text: str) -> str:
    """Traditional forms of the label characters made Simplified, one character for one.

    Labels are matched on the folded text; values are cut from the original at the same
    positions, so a Traditional page keeps its own characters in names and roles.
    """
    if not _TRADITIONAL.search(text):
        return text  # str.translate looks up every character of the text: 14 us per line
    return text.translate(_FOLD)


def naive_time(match: re.Match[str]) -> str | None:
    year, month, day, hour, minute, second = (
        int(match[group] or 0) for group in ("year", "month", "day", "hour", "minute", "second")
    )
    try:
        return datetime(year, month, day, hour, minute, second).isoformat()
    except ValueError:
        return None


def labelled_values(line: str) -> list[tuple[str, str, str]]:
    """``来源:映象网  作者:张三`` → [("来源", "来源", "映象网"), ("作者", "作者", "张三")].

    Each entry is (the label folded to Simplified, the label as printed, its value).
    """
    labels = list(LABEL.finditer(fold(line)))
    ends = [label.start() for label in labels[1:]] + [len(line)]
    found = []
    for here, end in zip(labels, ends[: len(labels)], strict=True):
        value = line[here.end() : end].strip()
        value = re.split(r"\s{2,}|\u3000", value, maxsplit=1)[0].strip(BRACKETS + " ")
        if value:
            found.append((here["label"], line[here.start("label") : here.end("label")], value))
    return found


def is_organisation(name: str) -> bool:
    """Whether a Chinese credit names an organisation (新京报, 新华社, 央视网), not a person."""
    return is_han(name) and fold(name).endswith(_ORGANISATION_ENDINGS)


def is_han(text: str) -> bool:
    """Whether `text` is Chinese characters only."""
    return bool(_HAN_ONLY.fullmatch(text))


_HAN_ONLY = re.compile(r"[\u3400-\u9fff]+")


def names_with_roles(
    text: str, default_role: str | None = None
) -> tuple[list[dict[str, str]], bool]:
    """Names with the role label that precedes them, and whether every token made sense.

    ``记者 孙国强 通讯员 周丽`` gives 孙国强 (记者) and 周丽 (通讯员); a label is never a name.
    """
    people: list[dict[str, str]] = []
    role = default_role
    clean = True
    for token in filter(None, _SEPARATORS.split(text.strip(BRACKETS))):
        folded = fold(token)
        if folded in AUTHOR_LABELS or folded in EDITOR_LABELS:
            role = token
            continue
        label = next((x for x in _PREFIX_LABELS if folded.startswith(x) and folded != x), None)
        if label is not None:
            role, token, folded = token[: len(label)], token[len(label) :], folded[len(label) :]
        token = _STAFF_CODE.sub("", token)  # 杜硕_NB12556: the editor's staff number
        named = not (
            folded in _NOT_NAMES
            or folded.endswith(_ORGANISATION_ENDINGS)
            or folded.startswith(_NOT_NAME_STARTS)
        )
        editor = fold(role or "") in EDITOR_LABELS
        if not named or not (_NAME.fullmatch(token) or (editor and _HANDLE.fullmatch(token))):
            clean = False
        elif all(person["name"] != token for person in people):
            people.append({"name": token, **({"role": role} if role else {})})
    return people, clean


def split_byline(paragraph: str) -> tuple[str, list[dict[str, str]]]:
    """The paragraph without a trailing ``(陆建斌  李修朝)`` by-line, and the people in it."""
    match = _BYLINE.search(paragraph)
    if match is None:
        return paragraph, []
    people, clean = names_with_roles(match["names"])
    if not clean or not people:
        return paragraph, []  # an ordinary parenthesis that happens to end a paragraph
    return paragraph[: match.start()].rstrip(), people


_AUTHOR_LABEL = "|".join(label for label in AUTHOR_LABELS if len(label) > 1)
_DATELINE = re.compile(
    rf"^[^（(。！？]{{0,30}}?[讯电]\s*[（(](?P<names>(?:{_AUTHOR_LABEL})[^（()）]{{1,40}})[)）]"
)
"""A story's opening dateline with its by-line: ``新京报快讯（记者 裴剑飞）``,
``新华社北京12月1日电（记者 张三 李四）``."""
_CREDIT_LINE = re.compile(
    rf"^[^\s，。！？,.]{{0,12}}?(?P<names>(?:{_AUTHOR_LABEL})[^，。！？,.]{{1,30}})$"
)
"""A paragraph that is only a credit: ``澎湃新闻记者 段彦超 廖艳``, ``《棱镜》作者 周纯``."""


def opening_credit(paragraph: str) -> tuple[list[dict[str, str]], bool]:
    """The people a story's opening paragraph credits, and whether the paragraph is
    nothing but the credit (then it is no part of the story)."""
    folded = fold(paragraph)
    line = _CREDIT_LINE.match(folded)
    if line is not None:
        people, clean = names_with_roles(paragraph[line.start("names") :])
        if people and clean:
            return people, True
    dateline = _DATELINE.match(folded)
    if dateline is not None:
        return names_with_roles(paragraph[dateline.start("names") : dateline.end("names")])[
            0
        ], False
    return [], False


def authors_and_editors(
    people: Iterable[dict[str, str]],
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    authors: list[dict[str, str]] = []
    editors: list[dict[str, str]] = []
    for person in people:
        is_editor = fold(person.get("role", "")) in EDITOR_LABELS
        (editors if is_editor else authors).append(person)
    return authors, editors


def read_tail(line: str, document: dict[str, Any], people: list[dict[str, str]]) -> None:
    """Keywords, editors and the copyright, from the lines after the body."""
    folded = fold(line)
    editor_at = re.search(rf"(责任编辑|责编|编辑){COLON}", folded)
    end = editor_at.start() if editor_at else len(line)
    keywords = _KEYWORDS.match(folded[:end])
    if keywords and "keywords" not in document:
        words = line[keywords.end() : end].strip()
        document["keywords"] = list(dict.fromkeys(filter(None, _KEYWORD_SEPARATORS.split(words))))
    if editor_at:
        for _, printed, names in labelled_values(line[editor_at.start() :].strip(BRACKETS))[:1]:
            people.extend(names_with_roles(names, printed)[0])
    if _COPYRIGHT_NOTICE.match(line) and "copyright_notice" not in document:
        document["copyright_notice"] = line
    name = _copyright_holder(folded, line)
    if name and "copyright_holder" not in document and not _COPYRIGHT_NOTICE.match(name):
        document["copyright_holder"] = name


def _copyright_holder(folded: str, line: str) -> str | None:
    """``新华网版权所有`` and ``版权所有：新华网`` → 新华网, by string operations: a pattern
    with a lazy holder and white space around the mark is quadratic in a line of spaces."""
    at = folded.find(_RESERVED)
    if at > 0:
        return line[:at].rstrip().strip(" ©") or None
    if at < 0:
        return None
    after = line[len(_RESERVED) :].lstrip()
    after = after[1:].lstrip() if after[:1] in (":", "：") else after
    return after.strip(" ©") or None


def unique_people(people: Sequence[dict[str, str]]) -> list[dict[str, str]]:
    seen: set[str] = set()
    kept = []
    for person in people:
        if person["name"] not in seen:
            seen.add(person["name"])
            kept.append(person)
    return kept


def section_of_crumbs(line: str) -> str | None:
    """``当前位置：首页 > 今日热点 > 正文`` → 今日热点: the first crumb that is not the way home."""
    crumbs = (_HERE.sub("", c.strip()).strip() for c in CRUMB_SEPARATOR.split(line))
    return next((c for c in crumbs if c and fold(c) not in _CRUMB_NOISE), None)


_DATELINE_WITHIN = 3


@attrs.define
class Credits:
    """Who and what a portal page credits around its story, gathered line by line: the
    people (authors and editors with their printed roles), the source, keywords and the
    copyright. Both portal readers (a page saved as text, an HTML page's visible text)
    collect through this one class, so they read a label alike."""

    people: list[dict[str, str]] = attrs.field(factory=list)
    found: dict[str, Any] = attrs.field(factory=dict)
    """``source``, ``keywords``, ``copyright_holder``, ``copyright_notice``: first kept."""

    def byline(self, body: list[str]) -> None:
        """Takes a closing ``(陆建斌  李修朝)`` by-line off the last paragraph of `body`."""
        if body:
            last, people = split_byline(body[-1])
            body[-1:] = [last] if last else []
            self.people.extend(people)

    def opening(self, body: list[str]) -> None:
        """The story's by-line where it opens the story: a dateline's in its first three
        paragraphs (``新京报讯（记者 陆一夫）``, after the headline printed again and an
        ``原标题`` line; kept in the story), or a paragraph of credit alone anywhere
        (``《棱镜》作者 周纯`` after a summary's points; taken out)."""
        for at, paragraph in enumerate(body):
            people, alone = opening_credit(paragraph)
            if people and (alone or at < _DATELINE_WITHIN):
                self.people.extend(
                    {"name": p["name"]} if p.get("role") == "作者" else p for p in people
                )
                if alone:
                    del body[at]
                return

    def labelled(self, values: Iterable[tuple[str, str, str]], *, editors: bool = True) -> None:
        """``来源：`` names the source; every other label names people (``作者`` without
        a role). With `editors` False the editor labels are left to `tail`, which reads
        them where they close a page."""
        for label, printed, value in values:
            if label in ("来源", "稿源"):
                self.found.setdefault("source", value)
            elif editors or label not in ("责任编辑", "责编", "编辑"):
                self.people.extend(names_with_roles(value, None if label == "作者" else printed)[0])

    def tail(self, line: str) -> None:
        """Keywords, an editor and the copyright, from a line after the body."""
        read_tail(line, self.found, self.people)

    def split(self) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
        """The authors and the editors, each named once."""
        authors, editors = authors_and_editors(self.people)
        return unique_people(authors), unique_people(editors)
