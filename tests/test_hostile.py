"""The hostile-input corpus: what the world sends, faced by every reader.

Small cases are files in ``tests/hostile/``; large ones (hundreds of thousands of
levels of nesting, numbers of thousands of digits, multi-megabyte strings) are built
here. Every reader gets every case through the command line and must answer with a
correct conversion (exit 0) or exit 1 and a located message — never a traceback. A
batch of all of them runs in a child process with its address space capped and a time
limit: no hang, no unbounded memory, and the good files of the batch are written.
"""

from __future__ import annotations

import json
import os
import random
import re
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import newsschema
from newsschema.cli import main

from .conftest import SEED_ARTICLE, cli_runner

HOSTILE = Path(__file__).resolve().parent / "hostile"
# Every case has its own stem: a batch writes one output per input, named by the stem.
READERS = ("article", "csv", "html", "jsonld", "newsml", "ninjs", "page")
MEBIBYTE = 2**20


def _seed_bytes(**changes: object) -> bytes:
    document = {**json.loads(SEED_ARTICLE.read_text(encoding="utf-8")), **changes}
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def _with_raw(key: str, raw: str) -> bytes:
    """The seed article with `key`'s value replaced by raw JSON text."""
    marker = "\ue000"
    return _seed_bytes(**{key: marker}).replace(f'"{marker}"'.encode(), raw.encode())


GENERATED: dict[str, Callable[[], bytes]] = {
    "empty-json.json": lambda: b"",
    "empty-xml.xml": lambda: b"",
    "empty-csv.csv": lambda: b"",
    "only-whitespace.json": lambda: b" \n\t\r\n" * 100,
    "deep-arrays.json": lambda: b"[" * 300_000 + b"]" * 300_000,
    "deep-objects.json": lambda: b'{"a":' * 300_000 + b"1" + b"}" * 300_000,
    "deep-elements.xml": lambda: b"<a>" * 300_000 + b"</a>" * 300_000,
    "deep-rows.csv": lambda: b"id\n" + b'"' + b"[" * 100_000 + b'"\n',
    "invalid-utf8.json": lambda: _seed_bytes().replace("新乡".encode(), b"\xff\xfe\xc3(", 1),
    "utf16-bom.json": lambda: _seed_bytes().decode("utf-8").encode("utf-16"),
    "utf16-le-no-bom.json": lambda: _seed_bytes().decode("utf-8").encode("utf-16-le"),
    "nul-bytes.json": lambda: b"\x00" * 1000 + _seed_bytes(),
    "nul-escaped.json": lambda: _seed_bytes(headline="新乡\u0000市"),
    "binary-garbage.bin": lambda: random.Random(0).randbytes(64 * 1024),
    "long-integer.json": lambda: _with_raw("version", "9" * 5000),
    "long-fraction.json": lambda: _with_raw("urgency", "0." + "0" * 5000 + "1"),
    "huge-exponent.json": lambda: _with_raw("version", "1e999999"),
    "huge-string.json": lambda: _seed_bytes(body=["新" * (3 * MEBIBYTE)]),
    "huge-headline.json": lambda: _seed_bytes(headline="x" * (3 * MEBIBYTE)),
    "huge-key.json": lambda: _with_raw("free", "true, " + json.dumps("k" * MEBIBYTE) + ": 1"),
    "many-keys.json": lambda: _with_raw(
        "rights", "{" + ",".join(f'"k{n}": {n}' for n in range(200_000)) + "}"
    ),
    "lone-surrogate.json": lambda: _with_raw("headline", '"\\ud800"'),
    "nan.json": lambda: _with_raw("version", "NaN"),
    "wrong-root.json": lambda: b'"just a string"',
    "array-of-junk.json": lambda: b"[1, null, true, [], {}]",
    "huge-xml-text.xml": lambda: (
        b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">'
        + b"x" * (8 * MEBIBYTE)
        + b"</newsItem>"
    ),
    "too-big.xml": lambda: b"<a>" + b" " * (60 * MEBIBYTE) + b"</a>",
    "deep-divs.html": lambda: b"<html><body>" + b"<div>" * 300_000 + b"<p>x</p>",
    "many-paragraphs.html": lambda: b"<html><h1>x</h1>" + b"<p>word " * 500_000,
    "broken-json-ld.html": lambda: (
        b'<html><script type="application/ld+json">{"@type": "NewsArticle", '
        + b'"headline": "'
        + b"x" * MEBIBYTE
        + b'", // oops\n'
        + b"[" * 100_000
        + b"</script></html>"
    ),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    files = {path.name: path for path in sorted(HOSTILE.iterdir())}
    for name, build in GENERATED.items():
        files[name] = folder / name
        files[name].write_bytes(build())
    return files


CASES = sorted({p.name for p in HOSTILE.iterdir()} | set(GENERATED))


def _convert(*args: str) -> tuple[int, str, str]:
    result = cli_runner().invoke(main, ["convert", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{type(result.exception).__name__} escaped: {result.exception}")
    return result.exit_code, result.stdout, result.stderr


def _assert_located(stderr: str, path: Path) -> None:
    """Exit 1 means at least one error line naming the file, the stage and a place."""
    assert "Traceback" not in stderr
    located = re.compile(
        rf"^{re.escape(str(path))}: (?:parse|input|model|output): "
        r"(?:/\S*|row \d+\S*|line \d+|.*\(line \d+)"
    )
    errors = [line for line in stderr.splitlines() if located.match(line)]
    assert errors, stderr[:2000]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("case", CASES)
def test_every_reader_converts_or_refuses_with_a_located_message(
    corpus: dict[str, Path], case: str, reader: str, tmp_path: Path
) -> None:
    path = corpus[case]
    target = tmp_path / "out.json"
    code, _, stderr = _convert(str(path), "--from", reader, "--to", "article", "-o", str(target))
    assert code in (0, 1), stderr
    assert "Traceback" not in stderr
    if code == 0:
        assert newsschema.read(target, "article"), "exit 0 wrote no article"
    else:
        _assert_located(stderr, path)
        assert not target.exists(), "a refused input must leave no output"


def test_every_case_has_its_own_stem() -> None:
    """A batch writes one output per input, named by the stem: two cases, one output."""
    stems = [case.split(".")[0] for case in CASES]
    assert len(stems) == len(set(stems)), sorted(s for s in stems if stems.count(s) > 1)


def test_the_corpus_has_every_kind_of_case() -> None:
    kinds = ["deep", "utf8", "utf16", "nul", "garbage", "long-integer", "huge-string", "html",
             "wrong-types", "xxe", "billion-laughs", "external-dtd", "formula", "script",
             "broken-line", "empty"]  # fmt: skip
    for kind in kinds:
        assert any(kind in case for case in CASES), kind


# --- what must convert, and how ------------------------------------------------------


@pytest.mark.parametrize("case", ["utf16-bom.json", "huge-string.json"])
def test_good_documents_in_awkward_shapes_convert(corpus: dict[str, Path], case: str) -> None:
    code, out, stderr = _convert(str(corpus[case]), "--from", "article", "--to", "article")
    assert code == 0, stderr
    (article,) = newsschema.read(out, "article")
    assert article.headline == "新乡市平原示范区:汇聚群防能量 筑牢群控屏障"


def test_invalid_utf8_is_located_by_byte(corpus: dict[str, Path]) -> None:
    code, _, stderr = _convert(str(corpus["invalid-utf8.json"]), "--to", "article")
    assert code == 1
    assert re.search(r"not UTF-8: byte \d+ is 0xff", stderr), stderr


@pytest.mark.parametrize("case", ["xxe.xml", "billion-laughs.xml", "external-dtd.xml"])
def test_dtds_are_refused_before_parsing(corpus: dict[str, Path], case: str) -> None:
    code, out, stderr = _convert(str(corpus[case]), "--to", "article")
    assert code == 1
    assert f"{corpus[case]}: parse: / (line 2, column 1): the document declares a DTD" in stderr
    assert "root:" not in out + stderr  # nothing of /etc/passwd
    assert "aaaaaaaaaa" not in out + stderr


def test_formula_cells_are_read_as_text_and_written_neutralised(
    corpus: dict[str, Path], tmp_path: Path
) -> None:
    target = tmp_path / "out.csv"
    code, _, stderr = _convert(str(corpus["formula-cells.csv"]), "--to", "csv", "-o", str(target))
    assert code == 0, stderr
    written = target.read_text(encoding="utf-8")
    for cell in ['\'=HYPERLINK(""http://evil.example"",""click"")', "'@SUM(A1)", "'+1 -1", "'-2+3"]:
        assert cell in written
    (article,) = newsschema.read(target)
    assert article.headline == '=HYPERLINK("http://evil.example","click")'
    assert article.section == "@SUM(A1)"


def test_script_in_values_cannot_close_the_embedding_element(corpus: dict[str, Path]) -> None:
    code, out, stderr = _convert(
        str(corpus["script-in-values.jsonld"]), "--to", "jsonld", "--embed"
    )
    assert code == 0, stderr
    inside = out.strip().removeprefix('<script type="application/ld+json">')
    inside = inside.removesuffix("</script>")
    assert "</script" not in inside.lower()
    assert "<!--" not in inside
    (article,) = newsschema.read(out, "jsonld")
    assert article.headline == "</script><script>alert(1)</script>"


def test_a_broken_line_costs_only_itself(corpus: dict[str, Path], tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    path = corpus["one-broken-line.jsonl"]
    code, _, stderr = _convert(str(path), "--to", "article", "-o", str(target), "--keep-going")
    assert code == 1
    assert f"{path}: parse: / (line 2, column 42): not valid JSON" in stderr
    ids = [a.id for a in newsschema.read(target, "article")]
    assert ids == [ids[0], "urn:example:third"]


def test_a_bad_csv_row_costs_only_itself(corpus: dict[str, Path], tmp_path: Path) -> None:
    header, row = corpus["formula-cells.csv"].read_text(encoding="utf-8").splitlines()[:2]
    source = tmp_path / "rows.csv"
    source.write_text("\n".join([header, row, "just,three,cells", row.replace("ee8c", "ff8c")]))
    target = tmp_path / "out.csv"
    code, _, stderr = _convert(str(source), "--to", "csv", "-o", str(target), "--keep-going")
    assert code == 1
    assert f"{source}: input: row 3 (line 3): has 3 cells; the header has 39" in stderr
    assert len(newsschema.read(target)) == 2


def test_wrong_types_in_csv_are_named_by_row_and_column(corpus: dict[str, Path]) -> None:
    path = corpus["wrong-types-csv.csv"]
    code, _, stderr = _convert(str(path), "--to", "article")
    assert code == 1
    for column, message in [
        ("version", "'one' is not a whole number"),
        ("body", "not a JSON array"),
        ("location_latitude", "'north' is not a number"),
        ("free", "'maybe' is not true or false"),
    ]:
        assert f"{path}: input: row 2, column {column} (line 2): {message}" in stderr


def test_wrong_values_in_newsml_are_named_by_xpath_and_line(corpus: dict[str, Path]) -> None:
    path = corpus["wrong-types-newsml.xml"]
    code, _, stderr = _convert(str(path), "--to", "article")
    assert code == 1
    assert (
        f"{path}: input: /newsItem/itemMeta/firstCreated (line 3): "
        "'2022-13-45T99:99:99+08:00' is not a real date and time"
    ) in stderr


# --- the whole corpus at once, with limits -----------------------------------------------

_LIMITED = """
import resource, sys
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from newsschema.cli import main
main(sys.argv[2:], prog_name="newsschema")
"""


@pytest.mark.slow
@pytest.mark.parametrize("reader", [None, *READERS])
def test_the_whole_corpus_in_one_batch_within_limits(
    corpus: dict[str, Path], reader: str | None, tmp_path: Path
) -> None:
    """No hang (a time limit), no runaway memory (1.5 GiB of address space), every file
    answered, and the files that can be converted are."""
    out = tmp_path / "out"
    arguments = ["convert", *map(str, corpus.values()), "--to", "article", "-o", f"{out}/"]
    arguments += ["--keep-going", *(["--from", reader] if reader else [])]
    done = subprocess.run(
        [sys.executable, "-c", _LIMITED, str(int(1.5 * 2**30)), *arguments],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert done.returncode == 1, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    assert "MemoryError" not in done.stderr
    written = {p.name for p in out.iterdir()} if out.exists() else set()
    if reader in (None, "article"):
        assert {"utf16-bom.json", "huge-string.json"} <= {Path(n).stem + ".json" for n in written}
    for path in corpus.values():  # every file answered: written, or named in an error
        assert any(n.startswith(path.stem) for n in written) or f"{path}:" in done.stderr


def test_rlimit_is_available() -> None:
    assert resource.getrlimit(resource.RLIMIT_AS)
