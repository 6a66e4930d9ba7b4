"""newsschema's benchmarks in one run: per format, batch validation, memory at scale.

Run: ``pip install check-jsonschema && python bench/run.py`` (a few minutes; add
``--quick`` for a smaller run). Everything is measured on this machine in this run and
printed as ratios against hand-written baselines run beside it, so the figures compare
across machines. Not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
from glue import GLUE  # bench/glue.py: python puts the script's folder on the path
from timing import compare

import newsschema
from newsschema.canonical import make_converter
from newsschema.fixtures import generate

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schemas" / "article.schema.json"


def best(function: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


FORMATS = ("jsonld", "ninjs", "newsml", "csv")


def _dump(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def conversions(label: str, articles: list[newsschema.Article], rounds: int) -> None:
    """Every conversion to and from canonical JSON, all checks on, against the glue.

    The glue (bench/glue.py) reads with the format's parser, maps the same fields with
    plain Python and writes with the standard library or lxml, checking nothing.
    """
    canonical = [newsschema.write(a, "article") for a in articles]
    calls = max(1, 60 // len(articles))
    print(f"\n{label}: µs per article, CPU time, median of {rounds} alternating rounds")
    print("| conversion | newsschema | glue | ratio | spread |")
    print("|---|---|---|---|---|")

    def row(name: str, ours: Callable[[], object], glue: Callable[[], object]) -> None:
        found = compare(ours, glue, rounds=rounds, calls=calls)
        per = len(articles)
        scaled = attrs.evolve(found, ours=found.ours / per, baseline=found.baseline / per)
        print(scaled.row(name), flush=True)

    row(
        "article→article",
        lambda: [newsschema.convert(t, "article", from_="article") for t in canonical],
        lambda: [_dump(json.loads(t)) for t in canonical],
    )
    for name in FORMATS:
        texts = [newsschema.write(a, name) for a in articles]
        glue_read, glue_write = GLUE[name]
        row(
            f"article→{name}",
            lambda n=name: [newsschema.convert(t, n, from_="article") for t in canonical],
            lambda w=glue_write: [w(json.loads(t)) for t in canonical],
        )
        row(
            f"{name}→article",
            lambda n=name, ts=texts: [newsschema.convert(t, "article", from_=n) for t in ts],
            lambda r=glue_read, ts=texts: [_dump(r(t)) for t in ts],
        )
    print("what the three checks add (checked against check=False):")
    for name in FORMATS:
        checked = compare(
            lambda n=name: [newsschema.convert(t, n, from_="article") for t in canonical],
            lambda n=name: [
                newsschema.convert(t, n, from_="article", check=False) for t in canonical
            ],
            rounds=rounds,
            calls=calls,
        )
        print(f"  article→{name}: {(checked.ratio - 1) * 100:+.0f} %")


def validate_files(folder: Path, count: int) -> None:
    files = []
    for number, text in enumerate(newsschema.write(a, "article") for a in generate(count, seed=1)):
        path = folder / f"{number:05d}.json"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    ours = best(
        lambda: subprocess.run(
            ["newsschema", "validate", *files], capture_output=True, check=False
        ),
    )
    ours_jobs = best(
        lambda: subprocess.run(
            ["newsschema", "validate", "--jobs", "2", *files], capture_output=True, check=False
        ),
    )
    theirs_command = shutil.which("check-jsonschema")
    print(f"\nvalidating {count} article files (whole command, best of 3):")
    print(f"  newsschema validate           {ours:7.2f} s")
    print(f"  newsschema validate --jobs 2  {ours_jobs:7.2f} s")
    if theirs_command:
        theirs = best(
            lambda: subprocess.run(
                [theirs_command, "--schemafile", str(SCHEMA), *files],
                capture_output=True,
                check=False,
            ),
        )
        print(
            f"  check-jsonschema              {theirs:7.2f} s   → newsschema is "
            f"{theirs / ours:.1f}x faster ({theirs / ours_jobs:.1f}x with --jobs 2)"
        )
    else:
        print("  check-jsonschema is not installed: pip install check-jsonschema")


# Runs the command line's convert in a child process and prints its peak RSS (KiB).
_MEASURED_CONVERT = """
import resource, sys
from newsschema.cli import main
try:
    args = ["convert", sys.argv[1], "--to", "csv", "-o", sys.argv[2]]
    main(args, prog_name="newsschema", standalone_mode=False)
finally:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def memory(folder: Path, counts: list[int]) -> None:
    (seed,) = newsschema.read(ROOT / "fixtures" / "seed" / "hnr-2022-04-22-xinxiang.json")
    line = json.dumps(make_converter().unstructure(seed), ensure_ascii=False)
    print("\npeak memory converting JSON Lines to CSV (whole process, max RSS):")
    for count in counts:
        source = folder / f"{count}.jsonl"
        with source.open("w", encoding="utf-8") as handle:
            for number in range(count):
                handle.write(line.replace(seed.id, f"urn:example:{number}", 1) + "\n")
        target = folder / f"{count}.csv"
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", _MEASURED_CONVERT, str(source), str(target)],
            capture_output=True,
            text=True,
            check=True,
        )
        took = time.perf_counter() - start
        rss = int(done.stdout.strip().splitlines()[-1]) / 1024
        size = source.stat().st_size / 1e6
        print(f"  {count:>7} articles ({size:6.0f} MB in): {rss:6.0f} MB peak, {took:6.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller counts, for a first look")
    quick = parser.parse_args().quick
    (seed,) = newsschema.read(ROOT / "fixtures" / "seed" / "hnr-2022-04-22-xinxiang.json")
    rounds = 5 if quick else 11
    conversions("the seed article", [seed], rounds)
    conversions("300 generated articles", list(generate(60 if quick else 300, seed=0)), rounds)
    with tempfile.TemporaryDirectory() as folder:
        validate_files(Path(folder), 200 if quick else 1000)
        memory(Path(folder), [1_000, 10_000] if quick else [10_000, 100_000])


if __name__ == "__main__":
    main()
