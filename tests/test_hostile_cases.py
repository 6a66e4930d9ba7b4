"""The second adversarial pass: each case with its own expectation, run as a user runs it.

Every case is a whole ``newsschema`` run in a child process with 2 GiB of address space
and 10 seconds: it must end with the exit code expected (0, 1, or 2 for usage), print the
message expected on one line, and never a traceback. Small inputs are files in
``tests/hostile/``; big ones are built here. Cases that need the operating system's help
(a full disk, a device, Ctrl-C) are in ``test_environment.py``.
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from .conftest import SEED_ARTICLE

HOSTILE = Path(__file__).resolve().parent / "hostile"
SEED = SEED_ARTICLE.parent
ADDRESS_SPACE = 2 * 2**30
SECONDS = 10
MEBIBYTE = 2**20

pytestmark = pytest.mark.slow


def _seed(**changes: object) -> dict[str, object]:
    return {**json.loads(SEED_ARTICLE.read_text(encoding="utf-8")), **changes}


def _csv_with(column: str, cell: str) -> bytes:
    """The seed's CSV with one cell replaced, written as newsschema's writer quotes cells."""
    import csv
    import io

    header, row = (SEED / "hnr-2022-04-22-xinxiang.csv").read_text("utf-8-sig").splitlines()[:2]
    columns = header.split(",")
    cells = dict(zip(columns, next(csv.reader([row])), strict=True))
    cells[column] = cell
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([columns, [cells[c] for c in columns]])
    return out.getvalue().encode("utf-8")


def _white_space_then(marker: str, size: int = MEBIBYTE) -> str:
    return " \t" * (size // 2) + marker


def _newsml_with_paragraph(text: str) -> bytes:
    xml = (SEED / "hnr-2022-04-22-xinxiang.xml").read_text("utf-8")
    return re.sub(r"<p>[^<]*</p>", lambda _: f"<p>{text}</p>", xml, count=1).encode("utf-8")


def _ninjs(**changes: object) -> bytes:
    document = json.loads((SEED / "hnr-2022-04-22-xinxiang.ninjs.json").read_text("utf-8"))
    return json.dumps({**document, **changes}, ensure_ascii=False).encode("utf-8")


def _html_page(body: str, head: str = "") -> bytes:
    return (
        "<!doctype html><html lang='en'><head><title>Page</title>"
        "<meta property='article:published_time' content='2022-04-22T14:36:26+08:00'>"
        f"{head}</head><body><h1>A headline for the page</h1>{body}</body></html>"
    ).encode()


BUILT: dict[str, Callable[[], bytes]] = {
    "many-columns.csv": lambda: (",".join(f"c{n}" for n in range(40_000)) + "\n").encode(),
    "deep-brackets-cell.csv": lambda: _csv_with("keywords", "[" * 50_000),
    "deep-ninjs.ninjs.json": lambda: _ninjs(subject=json.loads("[" * 500 + "]" * 500)),
    "white-space-newsml.xml": lambda: _newsml_with_paragraph(_white_space_then("x")),
    "white-space-by-line.ninjs.json": lambda: _ninjs(byline=_white_space_then("By x")),
    "white-space-keywords.json": lambda: json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Keywords",
            "datePublished": "2022-04-22T14:36:26+08:00",
            "articleBody": "A body.",
            "keywords": _white_space_then(","),
        }
    ).encode(),
    "white-space-keywords.html": lambda: _html_page(
        "<p>A body long enough to be a story's only paragraph.</p>",
        f"<meta name='keywords' content='{_white_space_then(',')}'>",
    ),
    "white-space-footer.txt": lambda: (
        "新闻标题\n\n2022-04-22 14:36:26 来源:示例日报\n\n正文第一段。\n\n"
        + _white_space_then("版权所有")
        + "\n"
    ).encode(),
    "deep-story.html": lambda: _html_page("<div>" * 300 + "<p>" + "Text. " * 50 + "</p>"),
    "big-page.html": lambda: _html_page(("<div><p>" + "word " * 200 + "</p></div>") * 20_000),
    "big-newsml.xml": lambda: _newsml_with_paragraph(
        "</p><p>".join(["新闻 " * 150_000] * 40)  # 42 MB in 40 paragraphs of 1 MB
    ),
    "huge-uri.json": lambda: json.dumps(
        _seed(url="https://example.com/ " + "ä" * 20 * MEBIBYTE), ensure_ascii=False
    ).encode(),
    "huge-guid.xml": lambda: re.sub(
        rb'guid="[^"]*"',
        b'guid="urn:x:' + b"a" * 9 * MEBIBYTE + b'"',
        (SEED / "hnr-2022-04-22-xinxiang.xml").read_bytes(),
        count=1,
    ),
    "huge-uri.ninjs.json": lambda: _ninjs(uri="urn:x:" + "a" * 9 * MEBIBYTE),
    "long-cell.csv": lambda: _csv_with("summary", "长" * 200_000),
}


@attrs.frozen
class Case:
    """One run: the arguments (``{case}`` is the input, ``{tmp}`` a private folder), the
    exit code it must end with, and a pattern one line of its standard error must match."""

    name: str
    args: tuple[str, ...]
    exit: int
    message: str = ""


def _convert(name: str, to: str = "article", *extra: str) -> tuple[str, ...]:
    return ("convert", "{case:" + name + "}", "--to", to, "-o", "{tmp}/out", *extra)


CASES = [
    # Severe: references that multiply.
    Case("fan-out jsonld", _convert("reference-fan-out.jsonld"), 0),
    Case("fan-out in html", _convert("reference-fan-out-page.html"), 0),
    Case("fan-out validate", ("validate", "{case:reference-fan-out.jsonld}"), 0),
    # Hangs: runs of white space before a marker, a header of 40,000 columns.
    Case("newsml white space", _convert("white-space-newsml.xml"), 0),
    Case("ninjs by-line white space", _convert("white-space-by-line.ninjs.json"), 0),
    Case(
        "jsonld keywords white space",
        _convert("white-space-keywords.json", "article", "--from", "jsonld"),
        0,
    ),
    Case("html keywords white space", _convert("white-space-keywords.html"), 0),
    Case("page footer white space", _convert("white-space-footer.txt"), 0),
    Case(
        "40,000 columns",
        ("validate", "--format", "csv", "{case:many-columns.csv}"),
        1,
        r"and 39,\d{3} more problems like these, not listed",
    ),
    # Tracebacks from input.
    Case(
        "lone surrogate in a csv cell",
        ("validate", "{case:lone-surrogate-cell.csv}"),
        1,
        r"row 2, column keywords: holds a lone surrogate",
    ),
    Case(
        "50,000 [ in a csv cell",
        ("validate", "{case:deep-brackets-cell.csv}"),
        1,
        r"row 2, column keywords: nested deeper than 256 levels",
    ),
    Case(
        "ninjs nested 500 deep",
        ("validate", "{case:deep-ninjs.ninjs.json}"),
        1,
        r"nested deeper than 256 levels",
    ),
    Case("control references", _convert("control-references.html"), 0),
    Case("charset rot13", _convert("charset-rot13.html"), 0),
    Case("charset hex", _convert("charset-hex.html"), 0),
    # Tracebacks from the environment that need no operating-system help.
    Case(
        "--encoding rot13",
        (
            "convert",
            "{case:headline-line-separators.txt}",
            "--to",
            "article",
            "--encoding",
            "rot13",
        ),
        2,
        r"'rot13' is not a text encoding",
    ),
    Case(
        "--encoding bogus",
        ("validate", "--encoding", "bogus", "{case:stray-brace.json}"),
        2,
        r"'bogus' is not a text encoding",
    ),
    Case(
        "--xsd not XML",
        _convert("gb2312-declared.xml", "newsml", "--xsd", "{case:stray-brace.json}"),
        2,
        r"--xsd names .*stray-brace.json, which is not an XML",
    ),
    Case(
        "NEWSSCHEMA_NEWSML_XSD missing",
        _convert("gb2312-declared.xml", "newsml"),
        2,
        r"NEWSSCHEMA_NEWSML_XSD names .*: there is no such file",
    ),
    # Memory: big inputs, under the 2 GiB cap.
    Case("20 MB page", _convert("big-page.html"), 0),
    Case("big NewsML-G2", _convert("big-newsml.xml"), 0),
    Case("20 MB URI", _convert("huge-uri.json"), 1, r"/url .*is too long"),
    Case(
        "9 MB guid",
        _convert("huge-guid.xml"),
        1,
        r"/newsItem/@guid .*: is 9,437,190 characters; an identifier here has at most 65,536",
    ),
    Case("9 MB ninjs uri", _convert("huge-uri.ninjs.json"), 1, r"/uri .*is too long"),
    # Lost or changed data.
    Case("csv cell over 131,072", _convert("long-cell.csv", "csv"), 0),
    Case(
        "-o is the input",
        ("convert", "{case:stray-brace.json}", "--to", "article", "-o", "{case:stray-brace.json}"),
        2,
        r"is the input .*: it would be overwritten",
    ),
    Case(
        "headline with U+2028",
        ("convert", "{case:headline-line-separators.txt}", "--to", "jsonld"),
        0,
    ),
    Case(
        "csv number 1_0",
        ("validate", "{case:underscore-number.csv}"),
        1,
        r"row 2, column version: '1_0' is not a whole number",
    ),
    Case(
        "- twice",
        ("convert", "-", "-", "--to", "article"),
        2,
        r"standard input \(-\) can be read only once",
    ),
    Case("lower-case t and z", _convert("lower-case-time.json"), 0),
    Case(
        "-00:00",
        ("validate", "{case:unknown-offset.json}"),
        1,
        r"/date_published: .* \(-00:00 says the offset is unknown\)",
    ),
    # Exit codes and messages.
    Case(
        "stray } after an article",
        ("validate", "{case:stray-brace.json}"),
        1,
        r"stray-brace.json:64:1: parse /: not valid JSON: text after the end of the document",
    ),
    Case("html mentioning NewsML-G2", ("validate", "{case:mentions-newsml.html}"), 0),
    Case(
        "story nested too deep",
        ("validate", "{case:deep-story.html}"),
        1,
        r"nest deeper than 256 levels",
    ),
    Case("GB2312 XML", _convert("gb2312-declared.xml"), 0),
    Case("empty selection", ("validate", "{tmp}"), 2, r"no files to work on"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("built")
    for name, build in BUILT.items():
        (folder / name).write_bytes(build())
    return folder


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def _argument(text: str, built: Path, tmp: Path) -> str:
    def case_path(match: re.Match[str]) -> str:
        name = match[1]
        return str(HOSTILE / name if (HOSTILE / name).exists() else built / name)

    return re.sub(r"\{case:([^}]+)\}", case_path, text).replace("{tmp}", str(tmp))


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_case_ends_as_expected(case: Case, built: Path, tmp_path: Path) -> None:
    arguments = [_argument(a, built, tmp_path) for a in case.args]
    environment = {**os.environ, "NEWSSCHEMA_NEWSML_XSD": str(tmp_path / "no-such.xsd")}
    if case.name != "NEWSSCHEMA_NEWSML_XSD missing":
        environment.pop("NEWSSCHEMA_NEWSML_XSD")
    done = subprocess.run(
        [sys.executable, "-m", "newsschema", *arguments],
        input=b"",
        capture_output=True,
        timeout=SECONDS,
        preexec_fn=_limited,
        env=environment,
        check=False,
    )
    stderr = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr[-3000:]
    assert "MemoryError" not in stderr
    assert done.returncode == case.exit, stderr[-3000:]
    said = stderr + done.stdout.decode("utf-8", "replace")  # validate reports on stdout
    if case.message:
        assert any(re.search(case.message, line) for line in said.splitlines()), said[-3000:]


def test_every_small_case_file_has_a_case_or_is_in_the_reader_matrix() -> None:
    """Files in tests/hostile/ are all read by test_hostile's every-reader matrix; those of
    this pass also have their own expectation here."""
    named = {m for case in CASES for a in case.args for m in re.findall(r"\{case:([^}]+)\}", a)}
    assert named - set(BUILT) <= {p.name for p in HOSTILE.iterdir()}
    assert set(BUILT) <= named
