"""Archives on a cluster: Parquet against CSV writing, and JSON Lines → Parquet on Dask.

Two measurements (needs ``newsschema[dask,parquet]``):

1. Writing Parquet against writing CSV, the same generated articles, both with their
   output checks: CPU time, the two alternating in one process (`timing.compare`).
2. One JSON Lines file of generated articles converted to Parquet three ways on this
   machine — the local path (`batch.convert_file`, what ``--jobs 1`` runs per file), a
   `LocalCluster` of one worker and one of two (``--scheduler local:1`` / ``local:2``,
   the cluster started before the clock) — in wall time, rounds alternating; the peak
   memory of each worker process after each size.

    python bench/cluster.py [--articles 100000] [--rounds 3] [--also 1000000]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from timing import compare  # bench/timing.py: python puts the script's folder on the path

import newsschema
from newsschema import dask as on_dask
from newsschema.batch import Reading, convert_file
from newsschema.fixtures import generate


def parquet_against_csv(count: int, rounds: int) -> None:
    articles = generate(count, seed=5)
    compared = compare(
        lambda: newsschema.write(articles, "parquet"),
        lambda: newsschema.write(articles, "csv"),
        rounds=rounds,
    )
    throughput = compared.baseline / compared.ours
    spread = f"{1 / compared.high:.1f}-{1 / compared.low:.1f}"
    print(f"\nwriting {count:,} articles, CPU time per run (median of {rounds} rounds):")
    print(f"  parquet {compared.ours:.3f} s, csv {compared.baseline:.3f} s")
    print(f"  parquet throughput / csv throughput: {throughput:.1f}x (per round {spread})")


def _archive(folder: Path, count: int) -> Path:
    """`count` generated articles as JSON Lines: 10,000 made, repeated with new ids."""
    source = folder / f"{count}.jsonl"
    block = newsschema.write(generate(min(count, 10_000), seed=8), "article").splitlines()
    with source.open("w", encoding="utf-8") as out:
        for number in range(count):
            line = block[number % len(block)]
            out.write(line.replace('"id": "urn:newsschema:', f'"id": "urn:n{number}:', 1) + "\n")
    return source


def _warm() -> None:
    newsschema.read(newsschema.write(generate(3, seed=1), "parquet"))


def _wall(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _local(source: Path, out: Path) -> Callable[[], object]:
    def run() -> object:
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()
        options: dict[str, object] = {}
        return convert_file(
            str(source),
            to="parquet",
            directory=out,
            format=None,
            reading=Reading(),
            options=options,
            keep_going=False,
        )

    return run


def _on_cluster(source: Path, out: Path, client: object) -> Callable[[], object]:
    def run() -> object:
        shutil.rmtree(out, ignore_errors=True)
        return on_dask.convert([str(source)], "parquet", out, client=client)

    return run


def scaling(folder: Path, count: int, rounds: int) -> None:
    source = _archive(folder, count)
    size = source.stat().st_size / 1e6
    print(f"\n{count:,} articles, JSON Lines ({size:,.0f} MB) to Parquet, wall time:")
    with on_dask.connected("local:1") as one, on_dask.connected("local:2") as two:
        runs = {
            "--jobs 1 (local)": _local(source, folder / "local"),
            "local:1": _on_cluster(source, folder / "one", one),
            "local:2": _on_cluster(source, folder / "two", two),
        }
        for client in (one, two):  # warm: every worker imports newsschema and pyarrow
            client.run(_warm)  # type: ignore[attr-defined]
        times: dict[str, list[float]] = {name: [] for name in runs}
        for number in range(rounds):
            order = list(runs) if number % 2 == 0 else list(reversed(runs))
            for name in order:
                times[name].append(_wall(runs[name]))
        memory = {
            "local:1": one.run(_peak_rss_mb),  # type: ignore[attr-defined]
            "local:2": two.run(_peak_rss_mb),  # type: ignore[attr-defined]
        }
    medians = {name: statistics.median(taken) for name, taken in times.items()}
    for name, taken in times.items():
        low, high = min(taken), max(taken)
        rate = count / medians[name]
        print(
            f"  {name:<17} {medians[name]:7.1f} s ({low:.1f}-{high:.1f})  {rate:8,.0f} articles/s"
        )
    local, first, second = medians.values()
    print(
        f"  local:2 over local:1: {first / second:.2f}x; local:1 over --jobs 1: "
        f"{(first / local - 1) * 100:+.0f} %"
    )
    print(f"  this process's peak (the local path ran here): {_peak_rss_mb():,.0f} MB")
    for name, workers in memory.items():
        peaks = ", ".join(f"{peak:,.0f} MB" for peak in workers.values())
        print(f"  {name} worker peak memory: {peaks}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--also", type=int, nargs="*", default=[], help="more archive sizes")
    parser.add_argument("--writing", type=int, default=2_000, help="articles for part 1")
    parsed = parser.parse_args()
    parquet_against_csv(parsed.writing, rounds=11)
    with tempfile.TemporaryDirectory() as folder:
        for count in [parsed.articles, *parsed.also]:
            scaling(Path(folder), count, parsed.rounds)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
