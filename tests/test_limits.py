"""Size limits: one list of them, stated truly, and kept alike by readers and writers.

What newsschema writes, newsschema reads: each format is written at its limit and read
back, and one step past it the writer refuses with a message rather than writing a file
its own reader would refuse. Memory stays within twenty times the input, plus a constant.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import newsschema
from newsschema import limits
from newsschema.cli import main
from newsschema.errors import ValidationError
from newsschema.model import Article
from newsschema.schemas import load_schema
from newsschema.text import bounded_lines

from .conftest import SEED_ARTICLE, cli_runner

ROOT = Path(__file__).resolve().parent.parent


def _seed(**changes: object) -> Article:
    return attrs.evolve(newsschema.read(SEED_ARTICLE)[0], **changes)


# --- one list, stated truly ------------------------------------------------------------


def test_the_security_page_states_every_limit() -> None:
    page = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    section = page.split("## Limits and what `-o` does", 1)[1].split("\n## ", 1)[0]
    for limit in limits.LIMITS:
        assert f"| {limit.what} | {limit.value} |" in section, limit


def test_help_states_every_limit() -> None:
    shown = cli_runner().invoke(main, ["--help"]).stdout
    flat = " ".join(shown.split())
    for limit in limits.LIMITS:
        assert f"{limit.what}: {limit.value}" in flat, limit


def test_the_schemas_keep_the_uri_limit() -> None:
    assert load_schema("article")["$defs"]["uri"]["maxLength"] == limits.MAX_URI_CHARS
    assert load_schema("ninjs-input")["properties"]["uri"]["maxLength"] == limits.MAX_URI_CHARS


# --- writers and readers agree ---------------------------------------------------------


def test_a_csv_cell_past_pythons_default_field_limit_round_trips() -> None:
    article = _seed(summary="长" * 200_000)  # the csv module's default limit is 131,072
    assert newsschema.read(newsschema.write(article, "csv"), "csv") == [article]


def test_a_csv_row_past_the_limit_is_refused_when_written() -> None:
    article = _seed(body=["x" * (limits.MAX_DOCUMENT_BYTES // 2)] * 2 + ["y"])
    with pytest.raises(ValidationError, match="newsschema reads rows of at most 52,428,800"):
        newsschema.write(article, "csv")


def test_a_newsml_paragraph_at_the_limit_round_trips_and_one_byte_more_is_refused() -> None:
    at_limit = _seed(body=["x" * limits.MAX_XML_TEXT_BYTES])
    (read,) = newsschema.read(newsschema.write(at_limit, "newsml"), "newsml")
    assert read.body == at_limit.body
    past = _seed(body=["a", "x" * (limits.MAX_XML_TEXT_BYTES - 1) + "é"])  # é is two bytes
    with pytest.raises(ValidationError, match=r"inlineXML/html/body/p\[2\]: 10,000,001 bytes"):
        newsschema.write(past, "newsml")


def test_a_newsml_message_past_the_document_limit_is_refused_when_written() -> None:
    paragraph = "x" * (limits.MAX_XML_TEXT_BYTES - 1)
    articles = [_seed(id=f"urn:example:{n}", body=[paragraph]) for n in range(6)]
    with pytest.raises(ValidationError, match="write one file per article"):
        newsschema.write(articles, "newsml")
    for article in articles[:2]:  # one file each is within the limit
        (read,) = newsschema.read(newsschema.write(article, "newsml"), "newsml")
        assert read.body == article.body


def test_a_document_past_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as handle:
        handle.truncate(limits.MAX_DOCUMENT_BYTES + 1)  # sparse: no disk, no memory
    issues = newsschema.validate(path)
    assert [issue.message for issue in issues] == [
        "the document is longer than 52,428,800 bytes, the most read of a document read whole "
        "(JSON Lines .jsonl and CSV files stream at any size)"
    ]


def test_a_uri_at_the_limit_is_taken_and_one_character_more_is_refused() -> None:
    base = "https://example.com/"
    at_limit = base + "a" * (limits.MAX_URI_CHARS - len(base))
    assert _seed(url=at_limit).url == at_limit
    with pytest.raises(ValueError, match="65,537 characters; a URI here has at most 65,536"):
        _seed(url=at_limit + "a")


def test_lines_longer_than_the_limit_are_dropped_without_being_held() -> None:
    stream = io.StringIO("short\n" + "x" * 50 + "\nlast")
    assert list(bounded_lines(stream, 10)) == ["short\n", None, "last"]
    assert list(bounded_lines(["short\n", "x" * 11], 10)) == ["short\n", None]
    exactly = io.StringIO("x" * 10 + "\n" + "y" * 10)
    assert list(bounded_lines(exactly, 10)) == ["x" * 10 + "\n", "y" * 10]


def test_a_json_lines_line_past_the_limit_costs_only_itself(tmp_path: Path) -> None:
    path = tmp_path / "three.jsonl"
    good = json.dumps(json.loads(newsschema.write(_seed(), "article")), ensure_ascii=False)
    with path.open("w", encoding="utf-8") as handle:
        handle.write(good + "\n")
        handle.write('{"headline": "' + "x" * limits.MAX_DOCUMENT_BYTES + '"}\n')
        handle.write(good.replace("ee8c", "ff8c") + "\n")
    outcomes = list(newsschema.api.outcomes(path))
    assert [o.article is not None for o in outcomes] == [True, False, True]
    assert "longer than 52,428,800 characters" in outcomes[1].issues[0].message
    assert outcomes[1].issues[0].line == 2


# --- memory ------------------------------------------------------------------------------

_PEAK = """
import sys
from pathlib import Path
import newsschema

def resident(field):  # from /proc: ru_maxrss may carry the parent's peak across fork and exec
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith(field + ":"))
    return int(line.split()[1]) * 1024

newsschema.validate(Path(sys.argv[1]), sys.argv[3])  # schemas and parsers built: a constant
before = resident("VmRSS")
newsschema.read(Path(sys.argv[2]), sys.argv[3])
print(max(0, resident("VmHWM") - before))
"""


def _document(reader: str, paragraphs: int) -> bytes:
    """The reader's format with `paragraphs` paragraphs of Chinese text: real-looking, valid."""
    paragraph = "新乡市平原示范区汇聚群防能量，筑牢群控屏障。" * 20
    article = _seed(body=[paragraph] * paragraphs)
    if reader == "html":
        return (
            "<!doctype html><html lang='zh-CN'><head><title>t</title>"
            "<meta property='article:published_time' content='2022-04-22T14:36:26+08:00'>"
            "</head><body><h1>新乡市平原示范区</h1><article>"
            + "".join(f"<div><p>{p}</p></div>" for p in article.body)
            + "</article></body></html>"
        ).encode("utf-8")
    if reader == "page":
        head = "首页 > 新闻\n\n新乡市平原示范区\n\n2022-04-22 14:36:26 来源:示例日报\n\n"
        return (head + "\n\n".join(article.body) + "\n\n责任编辑:王明\n").encode("utf-8")
    return newsschema.write(article, reader).encode("utf-8")  # type: ignore[arg-type]


_EXTENSIONS = {"article": ".json", "ninjs": ".ninjs.json", "newsml": ".xml", "page": ".txt"}


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads memory from /proc")
@pytest.mark.parametrize("reader", ["article", "csv", "html", "jsonld", "newsml", "ninjs", "page"])
def test_reading_takes_at_most_twenty_times_the_input(reader: str, tmp_path: Path) -> None:
    extension = _EXTENSIONS.get(reader, f".{reader}")
    small, big = tmp_path / f"small{extension}", tmp_path / f"big{extension}"
    small.write_bytes(_document(reader, 3))
    big.write_bytes(_document(reader, 8000))
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, str(small), str(big), reader],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    grown = int(done.stdout)
    size = big.stat().st_size
    assert size > 5 * 2**20
    assert grown <= 20 * size + 32 * 2**20, f"{grown / size:.1f} times the input"
