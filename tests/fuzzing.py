"""Fuzz targets, one per reader: Hypothesis searches for input that makes a reader fail.

Run one for as long as you like, outside the test run::

    python -m tests.fuzzing jsonld --minutes 10

`tests/test_fuzzing.py` runs every target briefly so that none of them rots. Each input
is a valid document of the format (generated from a random article, or one of the test
pages for `page`) broken by a few random edits — cuts, repeats, hostile snippets, bytes
in other encodings, long runs of white space before a marker that patterns look for,
references to control characters — or plain random bytes, or JSON-LD graphs whose nodes
refer to each other many times over. Every input is read as text or bytes and also as a
file of the reader's extension, written out in UTF-8 (the path users take). The property
is the library's promise at its boundary: every record gives an article or located
issues, a bad record never costs a good one, an article read can be written again, and
nothing else escapes — no other exception, no hang and no runaway memory: CPU time and
Python memory per input stay within a multiple of its size (`Budget`), besides an
address-space limit while fuzzing.
"""

from __future__ import annotations

import argparse
import functools
import json
import resource
import sys
import tempfile
import time
import tracemalloc
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
    # References to characters XML text cannot hold, in every spelling.
    "&#11;", "&#1;", "&#x1b;", "&#x0B;", "&#0000012;", "\\u000b", "\x0b", "\x1b", "\x85",
)  # fmt: skip

MARKERS = (
    ",", "，", "、", ";", "版权所有", "Copyright", "By ", "作者：", "来源：", "关键词：", ">", "»",
    "<br>", "</p>", "\n", "-", "|", "_", "T", "Z", "+08:00", "2022-04-22",
)  # fmt: skip
"""What the readers' patterns look for after optional white space: a run of white space
before one of them is where a backtracking pattern shows itself."""


def _white_space_runs() -> st.SearchStrategy[str]:
    spaces = st.sampled_from([" ", "\t", " \t", "\u3000", "\xa0", "\r\n", " \n"])
    return st.builds(
        lambda space, count, marker: space * count + marker,
        spaces,
        st.integers(1000, 20_000),
        st.sampled_from(MARKERS),
    )


def reference_fan_out(nodes: int, fan_out: int, *, embed: bool = False) -> str:
    """A JSON-LD article whose author is the first of `nodes` people, each naming the next
    `fan_out` times: expanding references naively costs `fan_out` ** `nodes`."""
    people = [
        {
            "@id": f"https://example.com/p{n}",
            "@type": "Person",
            "name": f"P{n}",
            "knows": [{"@id": f"https://example.com/p{n + 1}"}] * fan_out,
        }
        for n in range(nodes)
    ]
    article = {
        "@type": "NewsArticle",
        "headline": "Fan-out",
        "datePublished": "2022-04-22T14:36:26+08:00",
        "articleBody": "A body.",
        "author": {"@id": "https://example.com/p0"},
    }
    text = json.dumps({"@context": "https://schema.org", "@graph": [article, *people]})
    if not embed:
        return text
    return f'<html><head><script type="application/ld+json">{text}</script></head></html>'


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
            snippet = draw(st.sampled_from(HOSTILE) | st.text(max_size=8) | _white_space_runs())
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
    if reader in ("jsonld", "html"):
        fan_out = st.builds(
            reference_fan_out,
            st.integers(1, 40),
            st.integers(1, 4),
            embed=st.just(reader == "html"),
        )
        broken = broken | _broken(fan_out)
    encodings = st.sampled_from(["utf-8", "utf-16", "gb18030", "big5", "latin-1"])
    as_bytes = st.builds(_encoded, broken, encodings)
    return st.one_of(broken, as_bytes, st.binary(max_size=2000))


class Budget:
    """What one input may cost: CPU seconds and bytes of Python memory, each a constant
    plus a multiple of the input's size — linear work, bounded memory. Generous on
    purpose (a slow machine must not fail it); a quadratic pattern or an exponential
    expansion overshoots it by orders of magnitude."""

    SECONDS = 2.0
    SECONDS_PER_BYTE = 10e-6
    MEMORY = 32 * 2**20
    MEMORY_PER_BYTE = 20

    def __init__(self, data: str | bytes) -> None:
        size = len(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
        self.seconds = self.SECONDS + self.SECONDS_PER_BYTE * size
        self.memory = self.MEMORY + self.MEMORY_PER_BYTE * size
        self.size = size


def _extension(reader: str) -> str:
    return {"article": ".json", "ninjs": ".ninjs.json", "newsml": ".xml", "page": ".txt"}.get(
        reader, f".{reader}"
    )


_UNDATED_PAGE = (
    "<html><head><title>Ferry returns</title><link rel=canonical "
    'href="https://lake.example/2023/04/17/ferry.html"></head><body><h1>Ferry returns</h1>'
    + "<p>The ferry is back in service after a winter in the yard, with its passengers.</p>" * 4
    + "</body></html>"
)
"""A page whose reading imports what the page reader imports on first use: trafilatura
for its text, htmldate for its day (a second of CPU under tracemalloc, once per process)."""


@functools.cache
def _warmed(reader: str) -> None:
    """Whatever `reader` imports on its first input, imported before any input is timed."""
    if reader == "html":
        list(outcomes(_UNDATED_PAGE, reader))
        import dateparser  # htmldate's parser of dates in words loads its languages at its

        # first use: 1 s of CPU, 2.6 s under tracemalloc, when htmldate first reaches it
        dateparser.parse("2022年09月28日 10:05")


def check_reader(reader: str, data: str | bytes) -> None:
    """The promise: articles or located issues for every record, nothing else escapes,
    within the input's `Budget`; the same from a file as from memory."""
    _warmed(reader)
    budget = Budget(data)
    tracing = tracemalloc.is_tracing()
    if not tracing:
        tracemalloc.start()
    tracemalloc.reset_peak()
    started = time.process_time()
    try:
        results = list(outcomes(data, reader))
    except NewsSchemaError as error:  # the whole input refused: a message, not a crash
        refusal = str(error)
        results = []
    else:
        refusal = "-"
    finally:
        seconds = time.process_time() - started
        _, peak = tracemalloc.get_traced_memory()
        if not tracing:
            tracemalloc.stop()
    assert seconds <= budget.seconds, f"{seconds:.1f} s of CPU for {budget.size:,} bytes"
    assert peak <= budget.memory, f"{peak:,} bytes of memory for {budget.size:,} bytes"
    _check_outcomes(refusal, results)
    with tempfile.TemporaryDirectory() as folder:  # the path a user takes: a UTF-8 file
        path = Path(folder) / f"input{_extension(reader)}"
        path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
        try:
            from_file = list(outcomes(path, reader))
        except NewsSchemaError as error:
            _check_outcomes(str(error), [])
        else:
            _check_outcomes("-", from_file)


def _check_outcomes(refusal: str, results: list[Any]) -> None:
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
