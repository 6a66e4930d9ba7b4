"""Fuzz targets, one per reader: Hypothesis searches for input that makes a reader fail.

Run one for as long as you like, outside the test run::

    python -m tests.fuzzing jsonld --minutes 10

`tests/test_fuzzing.py` runs every target briefly so that none of them rots. Each input
is a valid document of the format (generated from a random article, or one of the test
pages for `page`) broken by a few random edits — cuts, repeats, hostile snippets, bytes
in other encodings — or plain random bytes. The property is the library's promise at
its boundary: every record gives an article or located issues, a bad record never
costs a good one, an article read can be written again, and nothing else escapes —
no other exception, no hang (a deadline per input), no runaway memory (an address-space
limit while fuzzing).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.database import DirectoryBasedExampleDatabase

import newsschema
from newsschema.api import outcomes
from newsschema.errors import NewsSchemaError
from newsschema.testing import documents

ROOT = Path(__file__).resolve().parent.parent
READERS = ("article", "csv", "html", "jsonld", "newsml", "ninjs", "page")

# What the world puts in files: each snippet is inserted somewhere by the fuzzer.
HOSTILE = (
    "\x00", "\ufeff", "\u2028", "\r", "\r\n", "'", '"', "\\", "\\u0000", "\\ud800", "\\udfff",
    "<", ">", "&", "&amp;", "&#0;", "&#xD800;", "]]>", "<!--", "-->", "</script>",
    "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>", "&e;", "<?xml version='1.0'?>",
    "{", "}", "[", "]", ",", ":", "null", "true", "1e999", "-0", "9" * 400, "NaN",
    "=cmd|' /C calc'!A0", "+1", "@SUM(A1)", "\t", "来源：", "作者：", "责任编辑：",
    "2022-04-22 14:36:26", "2022-02-30T25:61:00+08:00", "+14:00", "-12:00", "😀", "\u0301",
    "العربية", "\uff0c", "\u3000", '"@type": "NewsArticle"', '"@id": "x"', '"headline": 5',
    '"uri": []', "<p>", "</p>", "<headline>", "</newsItem>", "xmlns=''",
    # Long runs: where a backtracking pattern or a quadratic walk shows itself.
    " " * 2000, "\n\t" * 1000, "[" * 5000, '"k": 1, ' * 2000, "<a>" * 3000, "<!-- -->" * 500,
    "，" * 3000, "a" * 100_000, "<meta charset='gbk'>", '<script type="application/ld+json">',
    "</script>", "<h1>", "<article>", "<p class='byline'>By ", "来源：映象网", "//", "/*", ",}",
)  # fmt: skip


def _page_sources() -> list[str]:
    pages = sorted((ROOT / "tests" / "data" / "page").glob("*.txt"))
    seed = ROOT / "fixtures" / "seed" / "hnr-2022-04-22-xinxiang.txt"
    return [p.read_text(encoding="utf-8", errors="replace") for p in [seed, *pages]]


def _html_sources() -> list[str]:
    pages = sorted((ROOT / "tests" / "data" / "html" / "valid").glob("*.html"))
    return [p.read_bytes().decode("utf-8", errors="replace") for p in pages]


def _valid(reader: str) -> st.SearchStrategy[str]:
    if reader == "page":
        return st.sampled_from(_page_sources())
    if reader == "html":
        embedded = documents("jsonld").map(
            lambda script: f"<html><head>{script}</head><body><h1>x</h1></body></html>"
        )
        return st.sampled_from(_html_sources()) | embedded
    return documents(reader)


@st.composite
def _broken(draw: st.DrawFn, valid: st.SearchStrategy[str]) -> str:
    """A valid document with a few random edits."""
    text = draw(valid)
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["cut", "repeat", "insert", "truncate", "swap"]))
        if kind == "cut":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif kind == "repeat":
            text = text[:at] + text[at : at + draw(st.integers(1, 40))] * 2 + text[at:]
        elif kind == "insert":
            snippet = draw(st.sampled_from(HOSTILE) | st.text(max_size=8))
            text = text[:at] + snippet + text[at:]
        elif kind == "truncate":
            text = text[:at]
        else:
            text = text[:at] + draw(st.characters()) + text[at + 1 :]
    return text


def _encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace" if encoding != "utf-8" else "surrogatepass")


def inputs(reader: str) -> st.SearchStrategy[str | bytes]:
    """What the fuzzer feeds `reader`: broken documents as text or bytes, and random bytes."""
    broken = _broken(_valid(reader))
    encodings = st.sampled_from(["utf-8", "utf-16", "gb18030", "big5", "latin-1"])
    as_bytes = st.builds(_encoded, broken, encodings)
    return st.one_of(broken, as_bytes, st.binary(max_size=2000))


def check_reader(reader: str, data: str | bytes) -> None:
    """The promise: articles or located issues for every record, nothing else escapes."""
    try:
        results = list(outcomes(data, reader))
    except NewsSchemaError as error:  # the whole input refused: a message, not a crash
        refusal = str(error)
        results = []
    else:
        refusal = "-"
    assert refusal.strip(), "a refusal without a message"
    for outcome in results:
        if outcome.article is None:
            assert any(i.severity == "error" for i in outcome.issues), outcome
            assert all(i.message.strip() for i in outcome.issues)
            continue
        # An article that was read can be written, as canonical JSON at least, and read back.
        text = newsschema.write(outcome.article, "article")
        assert newsschema.read(text, "article") == [outcome.article]


def target(reader: str) -> Callable[..., None]:
    """A Hypothesis test of `reader`; call it to run one batch of examples."""

    @given(data=inputs(reader))
    def fuzz(data: str | bytes) -> None:
        check_reader(reader, data)

    fuzz.__name__ = f"fuzz_{reader}"
    return fuzz


def run(reader: str, minutes: float, *, memory_gib: float = 4.0) -> int:
    """Batches of examples until `minutes` pass; the number of examples tried."""
    limit = int(memory_gib * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    database = DirectoryBasedExampleDatabase(str(ROOT / ".hypothesis" / "fuzz" / reader))
    batch = 200
    configured: Any = settings(
        max_examples=batch,
        deadline=timedelta(seconds=10),
        database=database,
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )(target(reader))
    end = time.monotonic() + minutes * 60
    tried = 0
    while time.monotonic() < end:
        configured()
        tried += batch
    return tried


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("reader", choices=READERS)
    parser.add_argument("--minutes", type=float, default=10.0)
    arguments = parser.parse_args()
    start = time.monotonic()
    tried = run(arguments.reader, arguments.minutes)
    took = time.monotonic() - start
    print(f"{arguments.reader}: {tried} inputs in {took / 60:.1f} min, no failure")
    sys.exit(0)


if __name__ == "__main__":
    main()
