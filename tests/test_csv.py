"""CSV: exact round trips, spreadsheet safety, Frictionless, located errors, streaming."""

from __future__ import annotations

import csv
import io
import json
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import attrs
import frictionless
import pytest
from hypothesis import given

import newsschema
from newsschema import Agent, Article, ValidationError
from newsschema.cli import main
from newsschema.formats.csv import COLUMNS, table_schema
from newsschema.schemas import schema_dir
from newsschema.testing import articles, csv_safe

from .conftest import FIXTURES, cli_runner

SEED_PAGE = FIXTURES / "seed" / "hnr-2022-04-22-xinxiang.txt"


def seed() -> Article:
    (article,) = newsschema.read(SEED_PAGE)
    return article


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def test_seed_round_trips_exactly() -> None:
    text = newsschema.write(seed(), "csv")
    assert newsschema.read(text, "csv") == [seed()]
    (row,) = rows(text)
    assert list(row) == list(COLUMNS)
    assert json.loads(row["keywords"]) == ["新乡", "疫情防控", "党员"]
    assert row["publisher_name"] == "映象网络"
    assert len(json.loads(row["body"])) == 19


@given(articles().map(csv_safe))
def test_generated_articles_round_trip_exactly(article: Article) -> None:
    assert newsschema.read(newsschema.write(article, "csv"), "csv") == [article]


def test_nul_in_a_text_cell_is_refused_on_the_way_out_and_in() -> None:
    """The same verdict on every Python: 3.10's csv module cannot write or read U+0000."""
    with pytest.raises(ValidationError) as refused:
        newsschema.write(attrs.evolve(seed(), dateline="新乡\x00电"), "csv")
    (issue,) = refused.value.issues
    assert (issue.stage, issue.message) == (
        "output",
        "/dateline: holds U+0000, which CSV cannot carry",
    )
    inside_an_array = attrs.evolve(seed(), keywords=("新\x00乡",))  # JSON escapes it: \u0000
    assert newsschema.read(newsschema.write(inside_an_array, "csv"), "csv") == [inside_an_array]
    text = newsschema.write(seed(), "csv").replace("新乡", "新\x00乡", 1)
    (issue,) = newsschema.validate(text, "csv")
    assert (issue.stage, issue.line, issue.message) == (
        "parse",
        2,
        "holds U+0000, which CSV cannot carry",
    )
    assert issue.column is not None
    assert text.splitlines()[1][issue.column - 1] == "\x00"


AWKWARD = [
    '=HYPERLINK("http://evil.example","click")',
    "+SUM(A1:A2)",
    "-2+3",
    "@cmd",
    "'=already quoted",
    "''=twice",
    'comma, "quotes" and\nnew lines',
    "tab\tinside",
]


@pytest.mark.parametrize("value", AWKWARD)
def test_formula_cells_are_neutralised_and_restored(value: str) -> None:
    article = attrs.evolve(
        seed(), headline=value, keywords=(value, "ok"), authors=(Agent(name=value),)
    )
    text = newsschema.write(article, "csv")
    (row,) = rows(text)
    for cell in row.values():
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert newsschema.read(text, "csv") == [article]


def test_control_character_starts_are_neutralised() -> None:
    for start in ("\t", "\r"):
        article = attrs.evolve(seed(), dateline="x", body=(start + "indented",))
        text = newsschema.write(attrs.evolve(article, section="x"), "csv")
        assert newsschema.read(text, "csv")[0].body == (start + "indented",)


def test_any_column_order_and_line_ends() -> None:
    text = newsschema.write(seed(), "csv")
    (row,) = rows(text)
    order = list(reversed(COLUMNS))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=order, lineterminator="\n")
    writer.writeheader()
    writer.writerow(row)
    assert newsschema.read(out.getvalue(), "csv") == [seed()]


def test_bom_is_written_and_read(tmp_path: Path) -> None:
    target = tmp_path / "seed.csv"
    result = cli_runner().invoke(
        main, ["convert", str(SEED_PAGE), "--to", "csv", "--bom", "-o", str(target)]
    )
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert newsschema.read(target) == [seed()]


@pytest.mark.parametrize("bom", [False, True])
def test_datapackage_validates_with_frictionless(tmp_path: Path, bom: bool) -> None:
    source, target = tmp_path / "source.csv", tmp_path / "articles.csv"
    generated = [seed(), attrs.evolve(seed(), id="urn:example:2", urgency=3, free=True)]
    source.write_bytes(newsschema.write(generated, "csv", bom=bom).encode("utf-8"))
    args = ["convert", str(source), "--to", "csv", "-o", str(target), "--datapackage"]
    args += ["--bom"] if bom else []
    result = cli_runner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    package = tmp_path / "datapackage.json"
    report = frictionless.validate(str(package))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    described = json.loads(package.read_text(encoding="utf-8"))["resources"][0]["schema"]
    assert described == table_schema()
    assert described["primaryKey"] == ["id"]


def test_shipped_table_schema_is_the_one_written() -> None:
    shipped = json.loads((schema_dir() / "csv.tableschema.json").read_text(encoding="utf-8"))
    shipped.pop("$comment")
    assert shipped == table_schema()


def test_frictionless_catches_a_bad_cell(tmp_path: Path) -> None:
    """The Table Schema is no formality: a broken cell makes frictionless fail."""
    target = tmp_path / "articles.csv"
    text = newsschema.write(attrs.evolve(seed(), urgency=3), "csv")
    broken = text.replace(",3,,,\r\n", ",three,,,\r\n")  # urgency, then three empty columns
    assert broken != text
    target.write_text(broken, encoding="utf-8")
    package = tmp_path / "datapackage.json"
    from newsschema.formats.csv import datapackage

    package.write_text(json.dumps(datapackage("articles.csv")), encoding="utf-8")
    assert not frictionless.validate(str(package)).valid


def test_datapackage_needs_a_csv_file() -> None:
    result = cli_runner().invoke(main, ["convert", str(SEED_PAGE), "--to", "csv", "--datapackage"])
    assert result.exit_code == 2
    result = cli_runner().invoke(main, ["convert", str(SEED_PAGE), "--to", "jsonld", "--bom"])
    assert result.exit_code == 2


# --- bad input -----------------------------------------------------------------------------


def csv_text(*changes: dict[str, str]) -> str:
    (row,) = rows(newsschema.write(seed(), "csv"))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(row), lineterminator="\r\n")
    writer.writeheader()
    for number, change in enumerate(changes):
        writer.writerow({**row, "id": f"urn:example:{number}", **change})
    return out.getvalue()


def test_unknown_and_missing_columns_are_named() -> None:
    text = csv_text({}).replace("headline,", "headlin,", 1)
    messages = [i.message for i in newsschema.validate(text, "csv")]
    assert messages == ["unknown column 'headlin'", "missing column 'headline'"]


def test_bad_rows_name_row_and_column_and_keep_good_ones() -> None:
    text = csv_text({}, {"urgency": "ten"}, {}, {"headline": "", "keywords": "[broken"}, {})
    outcomes = list(newsschema.outcomes(text, "csv"))
    assert [o.article is not None for o in outcomes] == [True, False, True, False, True]
    paths = sorted(i.path for o in outcomes for i in o.issues)
    assert paths == ["row 3, column urgency", "row 5, column keywords"]
    text = csv_text({}, {"headline": ""}, {"date_published": "2022-04-22 14:36"})
    paths = [i.path for i in newsschema.validate(text, "csv")]
    assert paths == ["row 3, column headline", "row 4, column date_published"]


def test_keep_going_on_the_command_line(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text(csv_text({}, {"language": "english!"}, {}), encoding="utf-8")
    target = tmp_path / "out.jsonl"
    args = ["convert", str(source), "--to", "article", "-o", str(target), "--keep-going"]
    result = cli_runner().invoke(main, args)
    assert result.exit_code == 1
    assert "row 3, column language" in result.stderr
    assert len(target.read_text(encoding="utf-8").splitlines()) == 2


def test_quoted_new_lines_and_wrong_cell_counts() -> None:
    text = csv_text({"headline": "two\nlines"}) + "too,few,cells\r\n"
    outcomes = list(newsschema.outcomes(text, "csv"))
    assert outcomes[0].article is not None
    assert outcomes[0].article.headline == "two\nlines"
    (issue,) = outcomes[1].issues
    assert (issue.path, issue.line) == ("row 3", 4)
    assert "3 cells" in issue.message


def test_empty_file_is_refused() -> None:
    with pytest.raises(ValidationError, match="needs a header row"):
        newsschema.read("", "csv")


# --- streaming -----------------------------------------------------------------------------


class Sink(io.TextIOBase):
    """Counts what is written and keeps none of it."""

    written = 0

    def write(self, text: str) -> int:
        self.written += len(text)
        return len(text)


def many(count: int) -> Iterator[Article]:
    base = seed()
    for number in range(count):
        yield attrs.evolve(base, id=f"urn:example:{number}")


def peak_memory(count: int) -> int:
    tracemalloc.start()
    try:
        written = newsschema.write_to(many(count), "csv", Sink())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert written == count
    return peak


def test_writing_streams_in_constant_memory() -> None:
    peak_memory(2_000)  # first, so that the interpreter's free lists are as full for both runs
    small, large = peak_memory(200), peak_memory(2_000)
    assert large < small * 1.5, (small, large)


def test_streaming_stops_at_the_first_article_that_fails_its_check() -> None:
    def stream() -> Iterator[Article]:
        yield seed()
        raise AssertionError("must not be asked for more")

    session = newsschema.Session()  # whose writer is broken: every row fails its check
    original = session.converter.get_unstructure_hook(Article)
    session.converter.register_unstructure_hook(Article, lambda a: {**original(a), "headline": ""})
    with pytest.raises(ValidationError):
        newsschema.write_to(stream(), "csv", Sink(), session=session)
