"""newsschema on a real Dask cluster: a LocalCluster of two worker processes converts and
validates a few thousand generated articles as the local path does, and a worker killed
in the middle of a conversion loses no record and writes none twice."""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsschema
from newsschema.batch import Reading, check_file
from newsschema.cli import main
from newsschema.fixtures import generate

from .conftest import LazyModule, cli_runner

distributed = LazyModule("distributed")
on_dask = LazyModule("newsschema.dask")

pytestmark = pytest.mark.slow
COUNT = 3000


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    lines = newsschema.write(generate(COUNT, seed=21), "article").splitlines()
    lines[700] = lines[700].replace('"language": "', '"language": "not a tag ', 1)
    lines[2500] = "{broken"
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    good = [line for at, line in enumerate(lines) if at not in (700, 2500)]
    (folder / "good.jsonl").write_text("\n".join(good) + "\n", encoding="utf-8")
    return folder


def _parts(folder: Path, suffix: str) -> list[Path]:
    return sorted(folder.glob(f"part-*{suffix}"))


def test_the_parts_joined_are_the_bytes_of_the_local_conversion(
    client: object, archive: Path, tmp_path: Path
) -> None:
    source = archive / "good.jsonl"
    results = on_dask.convert([str(source)], "article", tmp_path, client=client, blocksize=2**18)
    parts = _parts(tmp_path, ".jsonl")
    assert len(parts) > 4
    joined = b"".join(part.read_bytes() for part in parts)
    assert joined == newsschema.convert(source, "article").encode("utf-8")
    assert [(r.good, r.bad, r.written) for r in results] == [(COUNT - 2, 0, True)]


def test_parquet_parts_hold_every_article_once_in_order(
    client: object, archive: Path, tmp_path: Path
) -> None:
    duckdb = pytest.importorskip("duckdb")
    source = archive / "good.jsonl"
    on_dask.convert([str(source)], "parquet", tmp_path, client=client, blocksize=2**18)
    parts = _parts(tmp_path, ".parquet")
    ids = [article.id for part in parts for article in newsschema.read(part)]
    assert ids == [article.id for article in newsschema.read(source)]
    query = f"SELECT count(DISTINCT id) FROM '{tmp_path}/*.parquet'"
    assert duckdb.sql(query).fetchall() == [(COUNT - 2,)]


def test_validation_reports_what_the_local_path_reports(client: object, archive: Path) -> None:
    source = str(archive / "articles.jsonl")
    (report,) = on_dask.validate([source], client=client, blocksize=2**18)
    assert report == check_file(source, None, Reading())
    assert [(issue.line, issue.record) for issue in report.issues] == [(701, 700), (2501, 2500)]


def test_without_keep_going_a_file_with_a_bad_record_leaves_no_part(
    client: object, archive: Path, tmp_path: Path
) -> None:
    source = str(archive / "articles.jsonl")
    (result,) = on_dask.convert([source], "parquet", tmp_path, client=client, blocksize=2**18)
    assert (result.bad, result.written, result.converted) == (2, True, COUNT - 2)
    assert result.bad_records
    assert _parts(tmp_path, ".parquet") == []
    kept = tmp_path / "kept"
    (result,) = on_dask.convert(
        [source], "parquet", kept, client=client, blocksize=2**18, keep_going=True
    )
    assert sum(len(newsschema.read(part)) for part in _parts(kept, ".parquet")) == COUNT - 2


def test_the_bag_holds_every_record_with_its_file(archive: Path, client: object) -> None:
    source = str(archive / "articles.jsonl")
    records = on_dask.read([source], blocksize=2**18).compute()
    assert len(records) == COUNT
    bad = [(r.path, r.record) for r in records if r.outcome.article is None]
    assert bad == [(source, 700), (source, 2500)]
    assert [r.record for r in records] == list(range(COUNT))
    line = Path(source).read_text(encoding="utf-8").splitlines()[1234]
    assert records[1234].outcome.article == newsschema.read(line, "article")[0]


def test_a_worker_killed_mid_conversion_loses_no_record_and_writes_none_twice(
    client: object, archive: Path, tmp_path: Path
) -> None:
    source = str(archive / "good.jsonl")
    done: dict[str, object] = {}

    def run() -> None:
        done["results"] = on_dask.convert(
            [source], "parquet", tmp_path, client=client, blocksize=2**15
        )

    worker = threading.Thread(target=run)
    worker.start()
    deadline = time.monotonic() + 120
    while len(_parts(tmp_path, ".parquet")) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    pids = client.run(os.getpid)  # type: ignore[attr-defined]
    killed = next(iter(pids.values()))
    os.kill(killed, signal.SIGKILL)
    written_before = len(_parts(tmp_path, ".parquet"))
    worker.join(timeout=300)
    assert "results" in done, "the conversion did not finish"
    assert written_before < len(_parts(tmp_path, ".parquet"))  # killed in the middle
    ids = [article.id for part in _parts(tmp_path, ".parquet") for article in newsschema.read(part)]
    assert len(ids) == COUNT - 2
    assert ids == [article.id for article in newsschema.read(Path(source))]
    client.wait_for_workers(2, timeout=60)  # type: ignore[attr-defined]
    assert killed not in client.run(os.getpid).values()  # type: ignore[attr-defined]
    assert [path.name for path in tmp_path.iterdir() if not path.name.startswith("part-")] == []


def test_the_command_line_reaches_a_cluster_with_the_same_reports(
    archive: Path, tmp_path: Path
) -> None:
    source = str(archive / "articles.jsonl")
    local = cli_runner().invoke(main, ["validate", source, "--report", "json"])
    address = ["--scheduler", "local:2"]
    clustered = cli_runner().invoke(main, ["validate", source, "--report", "json", *address])
    assert (
        (clustered.exit_code, clustered.stdout)
        == (local.exit_code, local.stdout)
        == (1, local.stdout)
    )
    converted = cli_runner().invoke(
        main, ["convert", source, "--to", "parquet", "-o", f"{tmp_path}/", "--keep-going", *address]
    )
    assert converted.exit_code == 1, converted.stderr
    assert f"{COUNT - 2} converted, 2 failed" in converted.stderr


def test_without_a_scheduler_nothing_of_dask_is_imported(archive: Path, tmp_path: Path) -> None:
    script = (
        "import sys; from newsschema.cli import main\n"
        "try:\n"
        f"    main(['convert', {str(archive / 'good.jsonl')!r}, '--to', 'parquet',"
        f" '-o', {str(tmp_path)!r} + '/'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
    assert (tmp_path / "good.parquet").exists()


def test_object_storage_paths_reach_the_workers_through_fsspec(archive: Path) -> None:
    """fsspec's memory file system stands for s3:// or gs://: one process's, so the
    cluster here is of threads; the code that reads and writes URLs is the same."""
    fsspec = pytest.importorskip("fsspec")
    memory = fsspec.filesystem("memory")
    memory.pipe_file("/archive/2024.jsonl", (archive / "articles.jsonl").read_bytes())
    memory.pipe_file("/archive/2025.jsonl", (archive / "good.jsonl").read_bytes())
    sources = ["memory://archive/*.jsonl"]
    with (
        distributed.LocalCluster(n_workers=2, processes=False, dashboard_address=":0") as cluster,
        distributed.Client(cluster) as threads,
    ):
        reports = on_dask.validate(sources, client=threads, blocksize=2**18)
        results = on_dask.convert(
            sources, "parquet", "memory://out", client=threads, blocksize=2**18, keep_going=True
        )
        good = ["memory://archive/2025.jsonl"]
        on_dask.convert(good, "parquet", "memory://ds", client=threads, partition_by="language")
    languages = {a.language for a in newsschema.read(archive / "good.jsonl")}
    assert sorted(p.split("/")[-2] for p in memory.glob("/ds/*/part-*.parquet")) == sorted(
        f"language={language}" for language in languages
    )
    assert [(r.path.split("/")[-1], r.valid) for r in reports] == [
        ("2024.jsonl", False),
        ("2025.jsonl", True),
    ]
    assert all(r.path.startswith("memory://") for r in reports)
    assert [(r.good, r.bad) for r in results] == [(COUNT - 2, 2), (COUNT - 2, 0)]
    parts = sorted(memory.glob("/out/part-*.parquet"))
    assert len(parts) > 4
    read = [a for part in parts for a in newsschema.read(memory.cat_file(part), "parquet")]
    assert len(read) == 2 * (COUNT - 2)
    memory.rm("/archive", recursive=True)
    memory.rm("/out", recursive=True)
    memory.rm("/ds", recursive=True)


def test_the_command_line_reaches_a_scheduler_by_address_with_urls(archive: Path) -> None:
    """A scheduler started elsewhere (here, in this process, so that fsspec's memory file
    system is the workers' too) is reached by its scheduler file and its tcp:// address;
    URLs are inputs and output as they are."""
    fsspec = pytest.importorskip("fsspec")
    memory = fsspec.filesystem("memory")
    memory.pipe_file("/cli/in.jsonl", (archive / "articles.jsonl").read_bytes())
    with distributed.LocalCluster(
        n_workers=2, processes=False, dashboard_address=":0", protocol="tcp"
    ) as cluster:
        address = ["--scheduler", cluster.scheduler_address]
        with distributed.Client(cluster) as client:
            client.write_scheduler_file(str(archive / "scheduler.json"))
        by_file = ["--scheduler", str(archive / "scheduler.json")]
        validated = cli_runner().invoke(main, ["validate", "memory://cli/*.jsonl", *by_file])
        arguments = ["convert", "memory://cli/in.jsonl", "--to", "article", "--keep-going"]
        converted = cli_runner().invoke(main, [*arguments, "-o", "memory://cli/out/", *address])
    assert validated.exit_code == 1
    assert "/cli/in.jsonl:701:357: input /language" in validated.stdout
    assert converted.exit_code == 1, converted.stderr
    assert f"{COUNT - 2} converted, 2 failed" in converted.stderr
    lines = b"".join(memory.cat_file(p) for p in sorted(memory.glob("/cli/out/part-*.jsonl")))
    assert len(lines.splitlines()) == COUNT - 2
    memory.rm("/cli", recursive=True)


def test_a_terminal_shows_dasks_progress_bar(archive: Path) -> None:
    leader, follower = pty.openpty()
    source = str(archive / "good.jsonl")
    command = [sys.executable, "-m", "newsschema", "validate", source, "--scheduler", "local:1"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    shown = bytearray()
    while True:  # read as it comes: a full terminal buffer would stop the command
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the command has ended and closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    report = process.stdout.read() if process.stdout else b""
    assert process.wait(timeout=120) == 0
    assert b"100% Completed" in shown
    assert b"Completed" not in report  # the report's stream holds the report alone
