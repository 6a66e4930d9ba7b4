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
import statistics
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


def _wall(command: list[str], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return times


def _median_ms(times: list[float]) -> str:
    return f"{statistics.median(times) * 1000:6.0f} ms (min {min(times) * 1000:.0f})"


def startup(rounds: int) -> None:
    """Whole commands that do almost nothing: what a user waits for --help."""
    command = shutil.which("newsschema") or "newsschema"
    print(f"\nstart-up, wall time, median of {rounds} runs:")
    floors = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import click'": [sys.executable, "-c", "import click"],
    }
    for label, argv in {
        **floors,
        "newsschema --help": [command, "--help"],
        "newsschema --version": [command, "--version"],
    }.items():
        print(f"  {label:<28}{_median_ms(_wall(argv, rounds))}")


def validate_files(folder: Path, count: int, rounds: int) -> None:
    """newsschema validate against check-jsonschema on the same files, one and many."""
    files = []
    for number, text in enumerate(newsschema.write(a, "article") for a in generate(count, seed=1)):
        path = folder / f"{number:05d}.json"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    ours = shutil.which("newsschema") or "newsschema"
    theirs = shutil.which("check-jsonschema")
    print(f"\nvalidating article files (whole command, wall time, median of {rounds}):")
    for label, chosen in (("1 file", files[:1]), (f"{count} files", files)):
        mine = _wall([ours, "validate", *chosen], rounds)
        print(f"  {label:>11}: newsschema validate      {_median_ms(mine)}")
        if len(chosen) > 1:
            jobs = _wall([ours, "validate", "--jobs", "2", *chosen], rounds)
            print(f"  {label:>11}: newsschema validate -j 2 {_median_ms(jobs)}")
        if theirs:
            other = _wall([theirs, "--schemafile", str(SCHEMA), *chosen], rounds)
            ratio = statistics.median(other) / statistics.median(mine)
            print(f"  {label:>11}: check-jsonschema         {_median_ms(other)}  → {ratio:.1f}x")
    if not theirs:
        print("  check-jsonschema is not installed: pip install check-jsonschema")


def jobs_and_throughput(folder: Path, count: int) -> None:
    """--jobs 2 against one process, and canonical → JSON-LD per second, over `count` files."""
    source = folder / "many"
    source.mkdir()
    (seed,) = newsschema.read(ROOT / "fixtures" / "seed" / "hnr-2022-04-22-xinxiang.json")
    text = newsschema.write(seed, "article")
    for number in range(count):
        (source / f"{number:05d}.json").write_text(
            text.replace(seed.id, f"urn:example:{number}", 1), encoding="utf-8"
        )
    ours = shutil.which("newsschema") or "newsschema"
    print(f"\n{count} files, whole command, wall time (best of 3):")
    one = min(_wall([ours, "validate", str(source)], 3))
    two = min(_wall([ours, "validate", "--jobs", "2", str(source)], 3))
    print(f"  validate: {one:.2f} s, --jobs 2: {two:.2f} s → {one / two:.2f}x")
    out = folder / "out"
    took = min(_wall([ours, "convert", str(source), "--to", "jsonld", "-o", f"{out}/"], 3))
    took_two = min(
        _wall([ours, "convert", str(source), "--to", "jsonld", "-o", f"{out}/", "-j", "2"], 3)
    )
    glue = min(_glue_folder(source, folder / "glue") for _ in range(3))
    print(
        f"  convert to jsonld: {count / took:,.0f} articles/s ({count / took_two:,.0f} with "
        f"-j 2); a hand-written loop (bench/glue.py, no checks, in-process): {count / glue:,.0f}/s"
    )


def _glue_folder(source: Path, target: Path) -> float:
    """Seconds for bench/glue.py to convert every file of `source` into `target`."""
    target.mkdir(exist_ok=True)
    _, write = GLUE["jsonld"]
    start = time.perf_counter()
    for path in sorted(source.iterdir()):
        document = json.loads(path.read_text(encoding="utf-8"))
        (target / (path.stem + ".jsonld")).write_text(write(document), encoding="utf-8")
    return time.perf_counter() - start


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


def standards(articles: list[newsschema.Article], rounds: int) -> None:
    """What checking against the standard owners' schemas costs (#18).

    Reading: `outcomes` with warnings at both levels against ``level="readable"`` alone.
    Writing: the standard's own validation of each written document (IPTC's XSD, IPTC's
    ninjs 3.1 schema) against the whole conversion that includes it. And building IPTC's
    XSD, which happens once per process, on first use.
    """
    from lxml import etree

    from newsschema.api import default_session
    from newsschema.formats.newsml import from_article as newsml_item
    from newsschema.formats.newsml.standard import IPTC_XSD, iptc_schema
    from newsschema.formats.ninjs import from_article as ninjs_item
    from newsschema.schemas import schema_dir
    from newsschema.xmlparse import safe_parser

    print(f"\nthe standard level, {len(articles)} generated articles, median of {rounds} rounds")
    print("| reading with warnings | both levels | readable alone | ratio | spread |")
    print("|---|---|---|---|---|")
    per = len(articles)
    for name in ("newsml", "ninjs", "jsonld"):
        texts = [newsschema.write(a, name) for a in articles]
        found = compare(
            lambda n=name, ts=texts: [list(newsschema.outcomes(t, n)) for t in ts],
            lambda n=name, ts=texts: [
                list(newsschema.outcomes(t, n, level="readable")) for t in ts
            ],
            rounds=rounds,
            calls=1,
        )
        scaled = attrs.evolve(found, ours=found.ours / per, baseline=found.baseline / per)
        print(scaled.row(f"{name}→article"), flush=True)
    context = default_session().context()
    canonical = [newsschema.write(a, "article") for a in articles]
    items = [newsml_item(a, context) for a in articles]
    documents = [ninjs_item(a, context) for a in articles]
    ninjs31 = context.validators.standard("ninjs-schema_3.1", "GeoJSON-schema")
    for name, check in (
        ("newsml", lambda: [iptc_schema().validate(i) for i in items]),
        ("ninjs", lambda: [ninjs31.is_valid(d) for d in documents]),
    ):
        whole = compare(
            lambda n=name: [newsschema.convert(t, n, from_="article") for t in canonical],
            check,
            rounds=rounds,
            calls=1,
        )
        print(
            f"  article→{name}: the standard's check is {100 / whole.ratio:.0f} % of the conversion"
        )
    path = str(schema_dir() / IPTC_XSD)
    times = []
    for _ in range(rounds):
        start = time.process_time()
        etree.XMLSchema(etree.parse(path, parser=safe_parser()))
        times.append(time.process_time() - start)
    built = statistics.median(times) * 1e3
    print(f"  building IPTC's NewsML-G2 2.35 XSD (once per process): {built:.0f} ms")


PARTS = ("conversions", "standards", "startup", "validate", "jobs", "memory")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller counts, for a first look")
    parser.add_argument(
        "--only",
        action="append",
        choices=PARTS,
        help="run this part alone (repeatable; default: every part)",
    )
    arguments = parser.parse_args()
    quick, parts = arguments.quick, set(arguments.only or PARTS)
    (seed,) = newsschema.read(ROOT / "fixtures" / "seed" / "hnr-2022-04-22-xinxiang.json")
    rounds = 5 if quick else 11
    if "conversions" in parts:
        conversions("the seed article", [seed], rounds)
        conversions("300 generated articles", list(generate(60 if quick else 300, seed=0)), rounds)
    if "standards" in parts:
        standards(list(generate(60 if quick else 300, seed=0)), rounds)
    if "startup" in parts:
        startup(5 if quick else 21)
    with tempfile.TemporaryDirectory() as folder:
        if "validate" in parts:
            validate_files(Path(folder), 200 if quick else 1000, 3 if quick else 7)
        if "jobs" in parts:
            jobs_and_throughput(Path(folder), 1_000 if quick else 10_000)
        if "memory" in parts:
            memory(Path(folder), [1_000, 10_000] if quick else [10_000, 100_000])


if __name__ == "__main__":
    main()
