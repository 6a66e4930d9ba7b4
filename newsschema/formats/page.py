"""The ``page`` format (read only): a news web page saved as text, like the seed.

Chinese portals print the same layout: breadcrumb, headline, a line with the time and
the source (来源), the body, a by-line in parentheses, a line with keywords and editor,
then related links and the site footer. The reader finds those parts by their labels,
not by line numbers, so that the variations real pages show (full-width punctuation,
odd spaces, role labels, CRLF, legacy encodings) all read alike. What it finds becomes a
native document checked against ``schemas/page.schema.json`` before it is mapped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from ..errors import Issue
from ..language import guess_language
from ..model import Agent, Article, Rights, derive_id
from .base import Context, Format, Parsed

__all__ = ["FORMAT", "extract"]

NAME = "page"
BEIJING = timezone(timedelta(hours=8), "Asia/Shanghai")
_HEAD_LINES = 20  # the time line is near the top; a date deep in the body is not it

_COLON = "[:：]"
_TIME = re.compile(
    r"(?P<year>\d{4})\s*[-/.年]\s*(?P<month>\d{1,2})\s*[-/.月]\s*(?P<day>\d{1,2})\s*日?"
    r"\s*(?P<hour>\d{1,2})\s*[:：时]\s*(?P<minute>\d{1,2})(?:\s*[:：分]\s*(?P<second>\d{1,2}))?"
)
_CRUMB_SEPARATOR = re.compile(r"\s*[>＞»›]\s*")
_CRUMB_NOISE = {"首页", "主页", "网站首页", "正文", "当前位置", "您的位置", "Home", "home"}
_LABEL = re.compile(rf"(?P<label>来源|作者|责任编辑|责编|编辑|记者|通讯员|摄影|稿源){_COLON}\s*")
_KEYWORDS = re.compile(rf"^(?:文章关键词|关键词|关键字){_COLON}\s*(?P<words>.*?)\s*$")
_BYLINE = re.compile(r"[(（](?P<names>[^()（）]{1,80})[)）]\s*$")
_BRACKETS = "【】[]「」"
_SEPARATORS = re.compile(r"[\s、，,;；/|]+")
_KEYWORD_SEPARATORS = re.compile(r"[\s、，,;；|]+")
# A Chinese personal name: two to four characters, or longer with a middle dot
# (阿依古丽·买买提). Parenthesised words that end a paragraph but name no one — (完),
# (待续), (新华社) — are not a by-line.
_NAME = re.compile(r"[\u3400-\u9fff]{2,4}|[\u3400-\u9fff]{1,8}[·•][\u3400-\u9fff·•]{1,12}")
_NOT_NAMES = {"完", "待续", "未完待续", "全文完", "组图", "视频", "本报讯", "图文", "原标题"}
_ORGANISATION_ENDINGS = ("社", "网", "报", "台", "站")
_END_OF_BODY = re.compile(
    r"^(?:文章关键词|关键词|关键字|相关阅读|相关新闻|相关文章|相关链接|延伸阅读|推荐阅读|"
    r"责任编辑|责编|网站简介|版权声明|关于我们|Copyright|©)|版权所有"
)
_COPYRIGHT_NOTICE = re.compile(r"^(?:Copyright|©|\(c\))", re.IGNORECASE)
_HOLDER = re.compile(r"^(?P<holder>.+?)\s*版权所有|版权所有\s*[:：]?\s*(?:©\s*)?(?P<after>.+)$")

AUTHOR_LABELS = (
    "本报记者", "本报通讯员", "特约记者", "见习记者", "实习记者", "融媒体记者", "全媒体记者",
    "摄影记者", "记者", "通讯员", "实习生", "摄影", "作者", "撰文", "文", "图", "文图",
)  # fmt: skip
EDITOR_LABELS = ("责任编辑", "责编", "编辑", "审核", "校对")
_FOLD = str.maketrans(
    "來責編輯記訊員攝關鍵詞閱讀權網簡聲頁稿報臺", "来责编辑记讯员摄关键词阅读权网简声页稿报台"
)
_PREFIX_LABELS = sorted((x for x in AUTHOR_LABELS + EDITOR_LABELS if len(x) >= 2), key=len)[::-1]


def _fold(text: str) -> str:
    """Traditional forms of the label characters made Simplified, one character for one.

    Labels are matched on the folded text; values are cut from the original at the same
    positions, so a Traditional page keeps its own characters in names and roles.
    """
    return text.translate(_FOLD)


def _lines(text: str) -> list[tuple[int, str]]:
    """Non-empty lines, trimmed of every kind of space, with their 1-based numbers."""
    numbered = enumerate(text.removeprefix("\ufeff").splitlines(), start=1)
    return [(number, line.strip()) for number, line in numbered if line.strip()]


def _time(match: re.Match[str]) -> str | None:
    year, month, day, hour, minute, second = (
        int(match[group] or 0) for group in ("year", "month", "day", "hour", "minute", "second")
    )
    try:
        return datetime(year, month, day, hour, minute, second).isoformat()
    except ValueError:
        return None


def _labelled(line: str) -> list[tuple[str, str, str]]:
    """``来源:映象网  作者:张三`` → [("来源", "来源", "映象网"), ("作者", "作者", "张三")].

    Each entry is (the label folded to Simplified, the label as printed, its value).
    """
    labels = list(_LABEL.finditer(_fold(line)))
    ends = [label.start() for label in labels[1:]] + [len(line)]
    found = []
    for here, end in zip(labels, ends[: len(labels)], strict=True):
        value = line[here.end() : end].strip()
        value = re.split(r"\s{2,}|\u3000", value, maxsplit=1)[0].strip(_BRACKETS + " ")
        if value:
            found.append((here["label"], line[here.start("label") : here.end("label")], value))
    return found


def _people(text: str, default_role: str | None = None) -> tuple[list[dict[str, str]], bool]:
    """Names with the role label that precedes them, and whether every token made sense.

    ``记者 孙国强 通讯员 周丽`` gives 孙国强 (记者) and 周丽 (通讯员); a label is never a name.
    """
    people: list[dict[str, str]] = []
    role = default_role
    clean = True
    for token in filter(None, _SEPARATORS.split(text.strip(_BRACKETS))):
        folded = _fold(token)
        if folded in AUTHOR_LABELS or folded in EDITOR_LABELS:
            role = token
            continue
        label = next((x for x in _PREFIX_LABELS if folded.startswith(x) and folded != x), None)
        if label is not None:
            role, token, folded = token[: len(label)], token[len(label) :], folded[len(label) :]
        named = not (folded in _NOT_NAMES or folded.endswith(_ORGANISATION_ENDINGS))
        if not named or not _NAME.fullmatch(token):
            clean = False
        elif all(person["name"] != token for person in people):
            people.append({"name": token, **({"role": role} if role else {})})
    return people, clean


def _byline(paragraph: str) -> tuple[str, list[dict[str, str]]]:
    """The paragraph without a trailing ``(陆建斌  李修朝)`` by-line, and the people in it."""
    match = _BYLINE.search(paragraph)
    if match is None:
        return paragraph, []
    people, clean = _people(match["names"])
    if not clean or not people:
        return paragraph, []  # an ordinary parenthesis that happens to end a paragraph
    return paragraph[: match.start()].rstrip(), people


def extract(text: str) -> tuple[dict[str, Any], list[Issue]]:
    """The native page document, or the issues saying why this is not a news page."""
    lines = _lines(text)
    if not lines:
        return {}, [_issue("the page is empty")]
    at = next(
        (
            i
            for i, (_, line) in enumerate(lines[:_HEAD_LINES])
            if _TIME.search(line) and len(line) < 160
        ),
        None,
    )
    if at is None:
        return {}, [_issue("found no line with the publication time (like 2022-04-22 14:36:26)")]
    time_number, time_line = lines[at]
    match = _TIME.search(time_line)
    assert match is not None
    published = _time(match)
    if published is None:
        return {}, [_issue(f"{match[0]!r} is not a real date and time", line=time_number)]

    before = [line for _, line in lines[:at]]
    crumbs_at = next((i for i, line in enumerate(before) if _CRUMB_SEPARATOR.search(line)), None)
    headline_candidates = before[crumbs_at + 1 :] if crumbs_at is not None else before
    if not headline_candidates:
        return {}, [_issue("found no headline above the time line", line=time_number)]
    document: dict[str, Any] = {"headline": headline_candidates[-1], "published": published}
    if crumbs_at is not None:
        crumbs = _CRUMB_SEPARATOR.split(before[crumbs_at])
        section = next((c for c in crumbs if c and _fold(c) not in _CRUMB_NOISE), None)
        if section:
            document["section"] = re.sub(rf"^当前位置{_COLON}", "", section) or section

    people: list[dict[str, str]] = []
    labelled = _labelled(time_line[match.end() :])
    body: list[str] = []
    tail: list[str] = []
    for _, line in lines[at + 1 :]:
        if tail or _END_OF_BODY.search(_fold(line)):
            tail.append(line)
        elif _LABEL.match(_fold(line.lstrip(_BRACKETS))):
            labelled.extend(_labelled(line.lstrip(_BRACKETS)))
        else:
            body.append(line)
    if body:
        last, from_byline = _byline(body[-1])
        body[-1:] = [last] if last else []
        people.extend(from_byline)

    for label, printed, value in labelled:
        if label in ("来源", "稿源"):
            document.setdefault("source", value)
        else:
            people.extend(_people(value, None if label == "作者" else printed)[0])
    for line in tail:
        _read_tail(line, document, people)
    authors, editors = (_unique(group) for group in _split_people(people))
    document.update({k: v for k, v in (("authors", authors), ("editors", editors)) if v})
    document["body"] = body
    document["language"] = guess_language(" ".join([document["headline"], *body]))
    return document, []


def _split_people(
    people: Iterable[dict[str, str]],
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    authors: list[dict[str, str]] = []
    editors: list[dict[str, str]] = []
    for person in people:
        is_editor = _fold(person.get("role", "")) in EDITOR_LABELS
        (editors if is_editor else authors).append(person)
    return authors, editors


def _read_tail(line: str, document: dict[str, Any], people: list[dict[str, str]]) -> None:
    """Keywords, editors and the copyright, from the lines after the body."""
    folded = _fold(line)
    editor_at = re.search(rf"(责任编辑|责编|编辑){_COLON}", folded)
    end = editor_at.start() if editor_at else len(line)
    keywords = _KEYWORDS.match(folded[:end])
    if keywords and "keywords" not in document:
        words = line[keywords.start("words") : keywords.end("words")]
        document["keywords"] = list(dict.fromkeys(filter(None, _KEYWORD_SEPARATORS.split(words))))
    if editor_at:
        for _, printed, names in _labelled(line[editor_at.start() :].strip(_BRACKETS))[:1]:
            people.extend(_people(names, printed)[0])
    if _COPYRIGHT_NOTICE.match(line) and "copyright_notice" not in document:
        document["copyright_notice"] = line
    holder = _HOLDER.search(folded)
    if holder and "copyright_holder" not in document:
        group = "holder" if holder["holder"] else "after"
        name = line[holder.start(group) : holder.end(group)].strip(" ©")
        if name and not _COPYRIGHT_NOTICE.match(name):
            document["copyright_holder"] = name


def _unique(people: Sequence[dict[str, str]]) -> list[dict[str, str]]:
    seen: set[str] = set()
    kept = []
    for person in people:
        if person["name"] not in seen:
            seen.add(person["name"])
            kept.append(person)
    return kept


def _issue(message: str, line: int | None = None) -> Issue:
    return Issue(
        stage="parse", format=NAME, path="", message=f"not a news page: {message}", line=line
    )


def parse(text: str, context: Context) -> Iterator[Parsed]:
    document, issues = extract(text)
    yield Parsed(document=document, issues=issues)


def to_article(document: dict[str, Any], context: Context) -> Article:
    zone = context.timezone or BEIJING
    naive = datetime.fromisoformat(document["published"])
    published = naive.replace(tzinfo=zone)
    holder = document.get("copyright_holder")
    publisher = Agent(name=holder, type="Organization") if holder else None
    source = document.get("source")
    rights = None
    if holder or document.get("copyright_notice"):
        rights = Rights(holder=holder, notice=document.get("copyright_notice"))
    return Article(
        id=derive_id(holder or source, published, document["headline"]),
        headline=document["headline"],
        body=document["body"],
        language=document["language"],
        date_published=published,
        authors=tuple(Agent(**person) for person in document.get("authors", ())),
        editors=tuple(Agent(**person) for person in document.get("editors", ())),
        publisher=publisher,
        source=Agent(name=source, type="Organization") if source else None,
        section=document.get("section"),
        keywords=document.get("keywords", ()),
        rights=rights,
    )


def sniff(head: str) -> bool:
    start = head.lstrip("\ufeff \t\r\n")[:1]
    if start in ("{", "[", "<"):
        return False
    return any(_TIME.search(line) for line in head.splitlines()[: _HEAD_LINES * 2])


FORMAT = Format(
    name=NAME,
    extensions=(".txt",),
    description="a news web page saved as text (read only)",
    sniff=sniff,
    parse=parse,
    to_article=to_article,
    input_schema="page",
    legacy_encodings=True,
)
