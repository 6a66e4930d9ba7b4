"""newsschema's benchmarks in one run: per format, batch validation, memory at scale.

Run: ``pip install check-jsonschema && python bench/run.py`` (a few minutes; add
``--quick`` for a smaller run). Everything is measured on this machine in this run and
printed as ratios against hand-written baselines run beside it, so the figures compare
across machines. Not part of the test run.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from glue import GLUE  # bench/glue.py: python puts the script's folder on the path
from lxml import etree

import newsschema
from newsschema.canonical import make_converter
from newsschema.fixtures import generate
from newsschema.formats.csv import COLUMNS, _flatten

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schemas" / "article.schema.json"


def best(function: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def per_format(articles: list[newsschema.Article]) -> None:
    converter = make_converter()
    documents = [converter.unstructure(a) for a in articles]
    print(f"\nper article, {len(articles)} generated articles (µs); ratio = newsschema / baseline")
    print(f"{'format':<8}{'read':>9}{'base':>8}{'x':>6}{'write':>9}{'base':>8}{'x':>6}"
          f"{'convert':>9}{'no chk':>8}{'checks':>8}{'base':>8}{'x':>6}"
          f"{'glue':>8}{'x':>6}")  # fmt: skip
    for name in ("article", "jsonld", "ninjs", "newsml", "csv"):
        print(_format_row(name, articles, documents))
    print(
        "checks = what the three checks add to a conversion; x = newsschema / baseline;\n"
        "base = parse and serialise only; glue = hand-written mapping (bench/glue.py)"
    )


def _baseline(name: str, texts: list[str], documents: list[Any]) -> tuple[Any, Any, list[Any]]:
    """(parse, dump, native documents): hand-written code doing the least for the format."""
    if name == "newsml":

        def parse_xml(text: str) -> Any:
            return etree.fromstring(text.encode("utf-8"))

        def dump_xml(tree: Any) -> str:
            return str(etree.tostring(tree, encoding="unicode"))

        return parse_xml, dump_xml, [parse_xml(t) for t in texts]
    if name == "csv":

        def parse_csv(text: str) -> Any:
            return list(csv.reader(io.StringIO(text)))

        def dump_csv(rows: Any) -> str:
            out = io.StringIO()
            csv.writer(out).writerows(rows)
            return out.getvalue()

        return parse_csv, dump_csv, [[list(COLUMNS), list(_flatten(d).values())] for d in documents]

    def dump_json(document: Any) -> str:
        return json.dumps(document, ensure_ascii=False, indent=2)

    return json.loads, dump_json, [json.loads(t) for t in texts]


def _format_row(name: str, articles: list[newsschema.Article], documents: list[Any]) -> str:
    count = len(articles)
    texts = [newsschema.write(a, name) for a in articles]
    parse, dump, natives = _baseline(name, texts, documents)
    read = best(lambda: [newsschema.read(t, name) for t in texts]) / count
    read_base = best(lambda: [parse(t) for t in texts]) / count
    write = best(lambda: [newsschema.write(a, name) for a in articles]) / count
    write_base = best(lambda: [dump(n) for n in natives]) / count
    full = best(lambda: [newsschema.convert(t, name, from_=name) for t in texts]) / count
    bare = best(lambda: [newsschema.convert(t, name, from_=name, check=False) for t in texts])
    bare /= count
    base = read_base + write_base
    glue_read, glue_write = GLUE[name]
    glue = best(lambda: [glue_write(glue_read(t)) for t in texts]) / count
    return (
        f"{name:<8}{read * 1e6:9.0f}{read_base * 1e6:8.0f}{read / read_base:6.1f}"
        f"{write * 1e6:9.0f}{write_base * 1e6:8.0f}{write / write_base:6.1f}"
        f"{full * 1e6:9.0f}{bare * 1e6:8.0f}{(full / bare - 1) * 100:7.0f}%"
        f"{base * 1e6:8.0f}{full / base:6.1f}{glue * 1e6:8.0f}{full / glue:6.1f}"
    )


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
    articles = generate(60 if quick else 300, seed=0)
    per_format(articles)
    with tempfile.TemporaryDirectory() as folder:
        validate_files(Path(folder), 200 if quick else 1000)
        memory(Path(folder), [1_000, 10_000] if quick else [10_000, 100_000])


if __name__ == "__main__":
    main()
