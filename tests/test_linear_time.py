"""Time linear in the input: no pattern and no reader backtracks on long runs.

A pattern such as ``\\s*,\\s*`` tries every start of a run of white space that no comma
follows, and takes time quadratic in the run. These tests compare CPU time on an input and
on one ten times longer: linear is about 10 times the time, quadratic 100 times; the limit
is 15 times. Only the ratio is asserted, never a time.
"""

from __future__ import annotations

import gc
import importlib
import json
import pkgutil
import re
import statistics
import time
from collections.abc import Callable, Iterator

import pytest

import newsschema
from newsschema.api import default_session

LIMIT = 15.0
WHITE = (" ", "\t", "\n", "\u3000", " \n", "\r\n ")
MARKS = ("z", ",", ">", "(", ")", "-", "1", ":", "/", "版", "@", "<", "'")


def _loops(work: Callable[[], object]) -> int:
    """How many calls of `work` make a trial long enough (≥ 10 ms) to measure."""
    loops = 1
    while True:
        start = time.process_time()
        for _ in range(loops):
            work()
        if time.process_time() - start >= 0.01:
            return loops
        loops *= 2


def _trial(work: Callable[[], object], loops: int) -> float:
    start = time.process_time()
    for _ in range(loops):
        work()
    return (time.process_time() - start) / loops


def _ratio(build: Callable[[int], object], work: Callable[[object], object], small: int) -> float:
    """CPU time on `build(10 * small)` over CPU time on `build(small)`.

    Seven rounds each time the short input and then the long one, back to back, with the
    garbage collector off (a collection in one trial is not the input's doing); the answer
    is the median of the seven ratios. A load spike on the machine lands in one or two
    rounds and moves the median little, while a quadratic pattern (100 times) moves every
    round."""
    short, long = build(small), build(small * 10)
    on_short, on_long = (lambda: work(short)), (lambda: work(long))
    loops_short, loops_long = _loops(on_short), _loops(on_long)
    ratios = []
    gc.collect()
    gc.disable()
    try:
        for _ in range(7):
            took_short = _trial(on_short, loops_short)
            took_long = _trial(on_long, loops_long)
            ratios.append(took_long / took_short)
    finally:
        gc.enable()
    return statistics.median(ratios)


def _patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    """Every pattern compiled at the top of a newsschema module."""
    package = importlib.import_module("newsschema")
    for module_info in pkgutil.walk_packages(package.__path__, "newsschema."):
        if module_info.name in ("newsschema.testing", "newsschema.__main__", "newsschema.dask"):
            continue  # newsschema.dask holds no pattern, and importing Dask starts threads
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                yield f"{module_info.name}.{name}", value


PATTERNS = dict(_patterns())


def _adversaries(size: int) -> list[str]:
    """Long runs of white space or of one character, with a mark before or after them."""
    found = []
    for white in WHITE:
        run = white * (size // len(white))
        for mark in MARKS:
            found += [run + mark, mark + run]
    for mark in MARKS:
        found += [mark * size, (mark + " ") * (size // 2)]
    return found


def test_the_audit_sees_the_patterns() -> None:
    assert len(PATTERNS) > 40
    assert "newsschema.portal.TIME" in PATTERNS


def _every_search(pattern: re.Pattern[str]) -> Callable[[object], None]:
    def search(texts: object) -> None:
        for text in texts:  # type: ignore[attr-defined]
            pattern.search(text)
            pattern.split(text, maxsplit=50)

    return search


@pytest.mark.slow
def test_the_audit_catches_a_quadratic_pattern() -> None:
    """The measurement itself can fail: the textbook quadratic pattern is far over the limit."""
    ratio = _ratio(_adversaries, _every_search(re.compile(r"\s*,\s*")), 100)
    assert ratio > 3 * LIMIT


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_no_pattern_is_superlinear(name: str) -> None:
    pattern = PATTERNS[name]
    ratio = _ratio(_adversaries, _every_search(pattern), 400)
    assert ratio <= LIMIT, f"{name} ({pattern.pattern!r}): {ratio:.0f} times the time"


# --- every reader on its worst white space --------------------------------------------------

_RUN = " \t\u3000\n"


def _spaced(size: int) -> str:
    return " " * size + "x"


def _article(size: int) -> str:
    runs = _RUN * (size // 32)
    return json.dumps(
        {
            "id": "urn:example:1",
            "headline": "a" + runs + "b",
            "body": ["x" + runs + "y"],
            "keywords": ["k" + runs + "l"],
            "language": "en",
            "date_published": "2022-04-22T14:36:26+08:00",
        },
        ensure_ascii=False,
    )


def _csv(size: int) -> str:
    return newsschema.write(newsschema.read(_article(size), "article"), "csv")


def _jsonld(size: int) -> str:
    runs = _RUN * (size // 40)
    node = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "a" + runs + "b",
        "keywords": "k" + runs + "l" + runs + ",",
        "author": {"@type": "Person", "name": "By " + runs + "Jane" + runs + "and"},
        "datePublished": "2022-04-22T14:36:26+08:00",
        "articleBody": "one" + runs + "two",
        "inLanguage": "en",
    }
    return json.dumps(node, ensure_ascii=False)


def _newsml(size: int) -> str:
    text = newsschema.write(newsschema.read(_article(1_000), "article"), "newsml")
    runs = (" \n" * (size // 4)) + " " * (size // 2)
    return text.replace("<headline>a", f"<headline>a{runs}", 1)


def _ninjs(size: int) -> str:
    runs = _RUN * (size // 32)
    return json.dumps(
        {
            "uri": "urn:example:1",
            "headlines": [{"role": "main", "value": "a" + runs + "b"}],
            "by": "Jane" + runs + "," + runs + "John" + runs,
            "firstcreated": "2022-04-22T14:36:26+08:00",
            "language": "en",
            "bodies": [{"role": "main", "contenttype": "text/plain", "value": "x" + runs}],
        },
        ensure_ascii=False,
    )


def _page(size: int) -> str:
    runs = " " * (size // 5)
    return "\n".join(
        [
            "新乡市平原示范区:汇聚群防能量",
            "2022-04-22 14:36:26 来源：映象网 作者：李军",
            "当前位置：首页" + runs + "今日热点" + runs,
            "近日，气温骤升。" + runs + "第二段。",
            "关键词：" + runs + "新乡" + runs,
            "映象网" + runs + "版权所有" + runs,
        ]
    )


def _html(size: int) -> str:
    runs = _RUN * (size // 40)
    block = json.loads(_jsonld(size // 4))
    return (
        "<html><head><title>Headline" + runs + "- Site" + runs + "</title>"
        '<meta name="keywords" content="k' + runs + "l" + runs + '">'
        '<script type="application/ld+json">' + json.dumps(block) + "</script>"
        "</head><body><h1>Headline" + runs + "</h1><p>By " + runs + "Jane</p>"
        "<article><p>One" + runs + "sentence.</p></article></body></html>"
    )


WORST: dict[str, Callable[[int], str]] = {
    "article": _article,
    "csv": _csv,
    "html": _html,
    "jsonld": _jsonld,
    "newsml": _newsml,
    "ninjs": _ninjs,
    "page": _page,
}


@pytest.mark.slow
@pytest.mark.parametrize("format", sorted(WORST))
def test_every_reader_is_linear_on_white_space(format: str) -> None:
    """1 MB against 100 kB of each reader's worst white-space case."""
    session = default_session()

    def read(text: object) -> None:
        for _ in newsschema.outcomes(text, format, session=session):  # type: ignore[arg-type]
            pass

    # It reads (the validators are built here, outside the measurement).
    assert newsschema.read(WORST[format](100_000), format)
    ratio = _ratio(WORST[format], read, 100_000)
    assert ratio <= LIMIT, f"{format}: {ratio:.0f} times the time for 10 times the input"
