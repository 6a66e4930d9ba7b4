"""Parquet: the documented Arrow schema, exact round trips, the input check, row groups,
partitioned datasets, and what DuckDB and pandas make of the files."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
import tracemalloc
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import attrs
import pytest
from hypothesis import given

import newsschema
from newsschema import Article, UsageError, ValidationError
from newsschema.cli import main
from newsschema.fixtures import generate
from newsschema.formats.parquet import column_table, file_schema
from newsschema.schemas import load_schema
from newsschema.testing import articles

from .conftest import FIXTURES, LazyModule, cli_runner

pa = LazyModule("pyarrow")
pq = LazyModule("pyarrow.parquet")

SEED = FIXTURES / "seed" / "hnr-2022-04-22-xinxiang"


def seed() -> Article:
    (article,) = newsschema.read(SEED.with_suffix(".txt"))
    return article


def table(data: bytes) -> object:
    return pq.ParquetFile(
        io.BytesIO(data)
    ).read()  # read_table of a Python file can crash at exit (apache/arrow#33975)


# --- the schema ------------------------------------------------------------------------


def test_every_canonical_field_and_subfield_has_its_column() -> None:
    """A field added to the canonical schema without a column would be dropped silently."""
    canonical = load_schema("article")
    columns = {
        name.removesuffix("_offset_minutes").removesuffix("_day") for name in file_schema().names
    }
    assert columns == set(canonical["properties"])
    definitions = canonical["$defs"]
    nested = {"authors": "agent", "publisher": "agent", "subjects": "subject", "location": "place"}
    nested |= {"images": "image", "rights": "rights"}
    for column, definition in nested.items():
        kind = file_schema().field(column).type
        struct = kind.value_type if pa.types.is_list(kind) else kind
        assert {field.name for field in struct} == set(definitions[definition]["properties"])


def test_a_time_is_its_instant_its_offset_and_for_a_day_alone_its_day() -> None:
    written = table(newsschema.write(seed(), "parquet"))
    row = written.to_pylist()[0]
    assert row["date_published"].isoformat() == "2022-04-22T06:36:26+00:00"  # 14:36:26+08:00
    assert row["date_published_offset_minutes"] == 480
    assert row["date_published_day"] is None
    dated = attrs.evolve(seed(), date_published=date(2022, 4, 22), date_modified=None)
    row = table(newsschema.write(dated, "parquet")).to_pylist()[0]
    assert (row["date_published"], row["date_published_offset_minutes"]) == (None, None)
    assert row["date_published_day"] == date(2022, 4, 22)


def test_the_documented_table_names_every_column_with_its_type() -> None:
    documented = column_table()
    assert [name for name, _, _ in documented] == file_schema().names
    assert documented[9][:2] == ("date_published_offset_minutes", "int16")
    assert documented[6] == ("body", "list<item: string>", "required")


# --- round trips -------------------------------------------------------------------------


def test_the_seed_round_trips_to_the_same_canonical_json() -> None:
    converter = newsschema.api.default_session().converter
    (back,) = newsschema.read(newsschema.write(seed(), "parquet"))
    assert converter.unstructure(back) == converter.unstructure(seed())  # offsets as written


@given(articles())
def test_generated_articles_round_trip_exactly(article: Article) -> None:
    converter = newsschema.api.default_session().converter
    (back,) = newsschema.read(newsschema.write(article, "parquet"))
    assert converter.unstructure(back) == converter.unstructure(article)


def test_many_articles_in_row_groups_read_back_in_order() -> None:
    many = generate(25, seed=3)
    data = newsschema.write(many, "parquet", row_group_size=10)
    assert pq.ParquetFile(io.BytesIO(data)).num_row_groups == 3
    assert newsschema.read(data) == many


class _Sink(io.RawIOBase):
    """Counts the bytes written and keeps none of them."""

    position = 0

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        size = memoryview(data).nbytes  # type: ignore[arg-type]
        self.position += size
        return size

    def tell(self) -> int:
        return self.position


def _peak_memory(count: int) -> int:
    base = seed()
    articles = (
        attrs.evolve(base, id=f"urn:example:{n}", body=[f"{n} {p}" for p in base.body])
        for n in range(count)
    )
    tracemalloc.start()
    try:
        written = newsschema.write_to(articles, "parquet", _Sink(), row_group_size=30)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert written == count
    return peak


@pytest.mark.slow  # tracemalloc slows every allocation, Arrow's conversions included
def test_writing_streams_in_row_groups_in_constant_memory() -> None:
    _peak_memory(600)  # first, so that the interpreter's free lists are as full for both
    small, large = _peak_memory(60), _peak_memory(600)
    assert large < small * 1.5, (small, large)


# --- the checks ------------------------------------------------------------------------


def _refusal(data: bytes) -> str:
    with pytest.raises(ValidationError) as refused:
        newsschema.read(data, "parquet")
    (issue,) = refused.value.issues
    return issue.message


def _parquet(tab: object) -> bytes:
    out = io.BytesIO()
    pq.write_table(tab, out)
    return out.getvalue()


def test_a_file_laid_out_by_another_tool_is_refused_at_its_first_differing_column() -> None:
    ours = table(newsschema.write(seed(), "parquet"))
    assert "column 'id' is missing" in _refusal(_parquet(pa.table({"title": ["x"]})))
    retyped = ours.set_column(1, "version", pa.array(["1"]))
    assert "column 'version' is string, where newsschema's is int64" in _refusal(_parquet(retyped))
    extra = ours.append_column("clicks", pa.array([3]))
    assert "column 'clicks' is not one of newsschema's" in _refusal(_parquet(extra))


def test_bytes_that_are_no_parquet_file_are_refused() -> None:
    assert "not a readable Parquet file" in _refusal(b"PAR1 and then nothing")


def test_a_row_that_is_no_article_is_refused_with_its_row_and_column() -> None:
    ours = table(newsschema.write(generate(2, seed=1), "parquet"))
    headlines = ours.column("headline").to_pylist()
    broken = ours.set_column(3, "headline", pa.array([headlines[0], " untrimmed"]))
    with pytest.raises(ValidationError) as refused:
        newsschema.read(_parquet(broken), "parquet")
    (issue,) = refused.value.issues
    assert (issue.record, issue.path) == (1, "row 2, column headline")


def test_a_number_parquet_cannot_hold_is_an_output_issue() -> None:
    with pytest.raises(ValidationError) as refused:
        newsschema.write(attrs.evolve(seed(), version=2**64), "parquet")
    (issue,) = refused.value.issues
    assert issue.stage == "output"
    assert "does not fit Parquet's 64-bit integer" in issue.message


def test_parquet_text_given_as_text_is_refused() -> None:
    with pytest.raises(ValidationError, match="bytes, not text"):
        newsschema.read("PAR1", "parquet")


def test_without_pyarrow_the_format_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(UsageError, match=r"pip install 'newsschema\[parquet\]'"):
        newsschema.write(seed(), "parquet")


# --- the command line, datasets, and other tools -----------------------------------------


def _jsonl(folder: Path, count: int = 60) -> Path:
    source = folder / "articles.jsonl"
    source.write_text(newsschema.write(generate(count, seed=7), "article"), encoding="utf-8")
    return source


def test_duckdb_and_pandas_read_what_convert_writes(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    pd = pytest.importorskip("pandas")
    source = _jsonl(tmp_path)
    out = tmp_path / "out"
    result = cli_runner().invoke(main, ["convert", str(source), "--to", "parquet", "-o", f"{out}/"])
    assert result.exit_code == 0, result.stderr
    assert duckdb.sql(f"SELECT count(*) FROM '{out}/*.parquet'").fetchall() == [(60,)]
    frame = pd.read_parquet(out / "articles.parquet")
    assert str(frame["date_published"].dtype) == "datetime64[us, UTC]"
    assert list(frame["id"]) == [article.id for article in generate(60, seed=7)]


@pytest.mark.parametrize("key", ["language", "date"])
def test_partition_by_writes_a_hive_dataset_every_tool_reads(tmp_path: Path, key: str) -> None:
    duckdb = pytest.importorskip("duckdb")
    pd = pytest.importorskip("pandas")
    source, out = _jsonl(tmp_path), tmp_path / "out"
    arguments = ["convert", str(source), "--to", "parquet", "-o", f"{out}/", "--partition-by", key]
    result = cli_runner().invoke(main, arguments)
    assert result.exit_code == 0, result.stderr
    folders = sorted(path.name for path in out.iterdir())
    expected = generate(60, seed=7)
    values = {a.language if key == "language" else str(a.date_published)[:10] for a in expected}
    assert folders == sorted(f"{key}={value}" for value in values)
    query = f"SELECT count(*) FROM read_parquet('{out}/*/*.parquet', hive_partitioning = true)"
    assert duckdb.sql(query).fetchall() == [(60,)]
    assert len(pd.read_parquet(out)) == 60
    back = [a for path in sorted(out.glob("*/*.parquet")) for a in newsschema.read(path)]
    assert sorted(a.id for a in back) == sorted(a.id for a in expected)
    assert {a.id: a for a in back} == {a.id: a for a in expected}  # language=… restored


def test_a_dataset_that_fails_leaves_no_file(tmp_path: Path) -> None:
    articles = [*generate(5, seed=2), attrs.evolve(generate(1, seed=9)[0], version=2**64)]
    source, out = tmp_path / "in.jsonl", tmp_path / "out"
    source.write_text(newsschema.write(articles, "article"), encoding="utf-8")
    arguments = ["convert", str(source), "--to", "parquet", "-o", f"{out}/"]
    result = cli_runner().invoke(main, [*arguments, "--partition-by", "language"])
    assert result.exit_code == 1
    assert "does not fit Parquet's 64-bit integer" in result.stderr
    assert [path for path in out.rglob("*") if path.is_file()] == []


def _days_apart(count: int, days: int) -> list[Article]:
    """`count` articles over `days` days, the days interleaved as an unsorted archive's."""
    first = datetime(2001, 1, 1, 12, tzinfo=timezone.utc)
    return [
        attrs.evolve(article, date_published=first + timedelta(days=at % days))
        for at, article in enumerate(generate(count, seed=4))
    ]


def test_an_archive_of_many_days_keeps_few_files_open_and_loses_no_row(tmp_path: Path) -> None:
    """Rows of 100 days, interleaved, in row groups of 50, under a limit of 96 open files:
    every partition's file cannot stay open, so the writer closes the one written longest
    ago and gives that day's later rows a file of their own; every row is there once."""
    import resource

    expected = _days_apart(400, 100)
    source, out = tmp_path / "archive.jsonl", tmp_path / "out"
    source.write_text(newsschema.write(expected, "article"), encoding="utf-8")
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    command = [sys.executable, "-m", "newsschema", "convert", str(source), "--to", "parquet"]
    command += ["-o", f"{out}/", "--partition-by", "date", "-O", "row_group_size=50"]
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (96, hard)),
    )
    assert done.returncode == 0, done.stderr
    files = sorted(out.glob("date=*/*.parquet"))
    assert len({path.parent for path in files}) == 100
    assert "archive-1.parquet" in {path.name for path in files}  # a day's second file
    back = [article for path in files for article in newsschema.read(path)]
    assert sorted(a.id for a in back) == sorted(a.id for a in expected)
    assert {a.id: a for a in back} == {a.id: a for a in expected}


def test_withdrawing_a_part_removes_every_file_of_it_and_no_other(tmp_path: Path) -> None:
    """A cluster's part taken back (a file with a bad record, without --keep-going) is
    every file it wrote in every partition; a part whose name extends it stays."""
    from newsschema import storage

    names = ["a/part-00001-0.parquet", "a/part-00001-1.parquet", "b/part-00001-12.parquet"]
    names += ["b/part-00002-0.parquet", "b/part-00001-1-0.parquet", "b/part-00001.parquet"]
    for name in names:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(b"PAR1")
    storage.remove(str(tmp_path), "part-00001.parquet")
    left = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.parquet"))
    assert left == ["b/part-00001-1-0.parquet", "b/part-00002-0.parquet"]


def test_a_partition_rewritten_keeps_no_file_of_the_run_before(tmp_path: Path) -> None:
    """A rerun with larger row groups writes one file per day where the first run wrote
    two; the day's second file from the first run goes, and another input's file beside
    them stays."""
    source, out = tmp_path / "archive.jsonl", tmp_path / "out"
    source.write_text(newsschema.write(_days_apart(200, 100), "article"), encoding="utf-8")
    other = tmp_path / "archive-1.jsonl"
    other.write_text(newsschema.write(_days_apart(4, 4), "article"), encoding="utf-8")
    arguments = ["convert", str(source), str(other), "--to", "parquet", "-o", f"{out}/"]
    arguments += ["--partition-by", "date"]
    first = cli_runner().invoke(main, [*arguments, "-O", "row_group_size=50"])
    assert first.exit_code == 0, first.stderr
    day = out / "date=2001-01-01"
    assert "archive-1.parquet" in {path.name for path in day.iterdir()}  # 100 days, 64 open
    again = cli_runner().invoke(main, arguments)
    assert again.exit_code == 0, again.stderr
    assert sorted(path.name for path in day.iterdir()) == [
        "archive-0.parquet",
        "archive-1-0.parquet",
    ]


def test_a_dataset_that_fails_after_its_first_row_groups_closes_its_writers(
    tmp_path: Path,
) -> None:
    """Row groups of 2 are written before the bad record comes: the files are discarded,
    and no writer is left to write into a closed file when it is collected."""
    articles = [*generate(6, seed=2), attrs.evolve(generate(1, seed=9)[0], version=2**64)]
    source, out = tmp_path / "in.jsonl", tmp_path / "out"
    source.write_text(newsschema.write(articles, "article"), encoding="utf-8")
    command = [sys.executable, "-m", "newsschema", "convert", str(source), "--to", "parquet"]
    command += ["-o", f"{out}/", "--partition-by", "language", "-O", "row_group_size=2"]
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode == 1
    assert "does not fit Parquet's 64-bit integer" in done.stderr
    assert "Exception ignored" not in done.stderr, done.stderr
    assert [path for path in out.rglob("*") if path.is_file()] == []


def test_partition_by_needs_a_folder(tmp_path: Path) -> None:
    source = _jsonl(tmp_path, 2)
    arguments = ["convert", str(source), "--to", "parquet", "--partition-by", "date"]
    result = cli_runner().invoke(main, [*arguments, "-o", str(tmp_path / "one.parquet")])
    assert result.exit_code == 2
    assert "--partition-by writes a dataset of folders" in result.stderr


def test_parquet_read_from_standard_input_by_its_first_bytes(tmp_path: Path) -> None:
    data = newsschema.write(seed(), "parquet")
    result = cli_runner().invoke(main, ["convert", "-", "--to", "article"], input=data)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["headline"] == seed().headline


def test_parquet_is_not_written_to_a_terminal() -> None:
    """Binary output on a terminal is noise at best: it is refused, before anything is read."""
    leader, follower = pty.openpty()
    seed_page = str(SEED.with_suffix(".txt"))
    command = [sys.executable, "-m", "newsschema", "convert", seed_page, "--to", "parquet"]
    done = subprocess.run(command, stdout=follower, stderr=subprocess.PIPE, check=False)
    os.close(follower)
    os.close(leader)
    assert done.returncode == 2
    assert b"parquet is binary, not for a terminal" in done.stderr
