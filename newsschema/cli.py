"""The ``newsschema`` command: a thin layer over `newsschema.api`.

Exit codes: 0 all valid, 1 invalid or unreadable input, 2 usage error. Problems go to
standard error, never as a traceback; converted text goes to standard output or a file
written atomically.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import click

from . import api, batch
from .errors import Issue, UsageError, ValidationError
from .fixtures import write_fixtures
from .formats import FORMATS
from .formats import csv as csv_format
from .model import Article
from .reporting import REPORTERS
from .schemas import load_schema, schema_names

__all__ = ["main"]

STDIN = batch.STDIN


class _Exit1(click.ClickException):
    exit_code = 1


def _usage(message: str) -> click.UsageError:
    return click.UsageError(message)


def _print_issues(source: str, issues: Sequence[Issue]) -> None:
    for issue in issues:
        click.echo(f"{source}: {issue}", err=True)


def _format_choice(*, writable: bool = False) -> click.Choice[str]:
    names = [name for name, fmt in FORMATS.items() if fmt.writable or not writable]
    return click.Choice(sorted(names), case_sensitive=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsschema")
def main() -> None:
    """Convert news articles between JSON-LD, NewsML-G2, CSV, ninjs and canonical JSON,
    validating every file on the way in and out."""


@main.command()
@click.argument("inputs", nargs=-1)
@click.option(
    "--to", "to", required=True, type=_format_choice(writable=True), help="Format to write."
)
@click.option("--from", "from_", type=_format_choice(), help="Input format (default: guess).")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Output file, or a directory for one output per input (default: standard output).",
)
@click.option("--timezone", help="Time zone for times without one: +08:00 or Asia/Shanghai.")
@click.option(
    "--encoding",
    help="Encoding of saved pages and HTML (default: as declared, else detected), e.g. gb18030.",
)
@click.option(
    "--embed",
    is_flag=True,
    help='jsonld: write a <script type="application/ld+json"> element for an HTML page.',
)
@click.option(
    "--xsd",
    type=click.Path(exists=True, dir_okay=False),
    help="newsml: also check the output against this XSD (IPTC's full NewsML-G2 schema).",
)
@click.option("--bom", is_flag=True, help="csv: start with a UTF-8 byte order mark (for Excel).")
@click.option(
    "--datapackage",
    is_flag=True,
    help="csv: also write datapackage.json (Frictionless) beside the -o file.",
)
@click.option("--keep-going", is_flag=True, help="Convert the good records, report the bad.")
@click.option(
    "--jobs",
    "-j",
    default=1,
    show_default=True,
    type=click.IntRange(1, 256),
    help="Processes, for one output per input (-o DIR).",
)
def convert(
    inputs: tuple[str, ...],
    to: str,
    from_: str | None,
    output: Path | None,
    timezone: str | None,
    encoding: str | None,
    embed: bool,
    xsd: str | None,
    bom: bool,
    datapackage: bool,
    keep_going: bool,
    jobs: int,
) -> None:
    """Convert INPUT files, folders or globs (or standard input) to another format."""
    try:
        names = batch.expand(inputs or (STDIN,))
    except UsageError as error:
        raise _usage(str(error)) from None
    per_file = output is not None and (output.is_dir() or len(names) > 1)
    flags: dict[str, Any] = {"embed": embed, "xsd": xsd, "bom": bom}
    options = {flag: value for flag, value in flags.items() if value}
    for flag in options:
        if flag not in FORMATS[to].options:
            raise _usage(f"--{flag} does not apply to {to}")
    if datapackage and to != "csv":
        raise _usage(f"--datapackage does not apply to {to}")
    if datapackage and (output is None or per_file):
        raise _usage("--datapackage needs -o naming the one CSV file to describe")
    if jobs > 1 and not per_file:
        raise _usage("--jobs needs -o DIR: it converts inputs into one output each")
    if per_file and output is not None:
        _convert_per_file(names, output, to, from_, timezone, encoding, options, keep_going, jobs)
        return
    read = functools.partial(batch.outcomes_of, format=from_, timezone=timezone, encoding=encoding)
    failed = False

    def good_articles(name: str) -> Iterator[Article]:
        nonlocal failed
        for outcome in read(name):
            _print_issues(name, outcome.issues)
            if outcome.article is None:
                failed = True
                if not keep_going:
                    raise _Exit1("nothing written: fix the input, or pass --keep-going")
            else:
                yield outcome.article

    try:
        everything = (article for name in names for article in good_articles(name))
        if FORMATS[to].stream is not None:  # row by row, in constant memory
            with batch.atomic_text(output, spool=not keep_going) as out:
                api.write_to(everything, to, out, **options)
        else:
            articles = list(everything)
            if articles:
                text = api.write(articles, to, **options)
                with batch.atomic_text(output) as out:
                    out.write(text)
        if datapackage and output is not None:
            package = csv_format.datapackage(output.name, bom=bom)
            with batch.atomic_text(output.parent / "datapackage.json") as out:
                out.write(json.dumps(package, ensure_ascii=False, indent=2) + "\n")
    except ValidationError as error:
        _print_issues("output", error.issues)
        raise _Exit1("nothing written: the output failed its check") from None
    except UsageError as error:
        raise _usage(str(error)) from None
    if failed:
        raise _Exit1("some records were not converted")


def _convert_per_file(
    names: Sequence[str],
    output: Path,
    to: str,
    from_: str | None,
    timezone: str | None,
    encoding: str | None,
    options: dict[str, Any],
    keep_going: bool,
    jobs: int,
) -> None:
    """One output file per input in `output`, by `jobs` processes; reports in input order."""
    targets: dict[Path, str] = {}
    for name in names:
        target = batch.output_path(name, output, to)
        if target in targets:
            raise _usage(f"{targets[target]} and {name} would both be written to {target}")
        targets[target] = name
    results = batch.convert_files(
        names,
        jobs=jobs,
        to=to,
        directory=output,
        format=from_,
        timezone=timezone,
        encoding=encoding,
        options=options,
        keep_going=keep_going,
    )
    bad_records = bad_output = False
    try:
        for result in results:
            _print_issues(result.path, result.issues)
            _print_issues(result.path, result.output_issues)
            bad_records = bad_records or result.bad_records
            bad_output = bad_output or bool(result.output_issues)
    except UsageError as error:
        raise _usage(str(error)) from None
    if bad_records and not keep_going:
        raise _Exit1("files with bad records were not converted; pass --keep-going")
    if bad_records or bad_output:
        raise _Exit1("some records were not converted")


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "format", type=_format_choice(), help="Format of every FILE.")
@click.option(
    "--report",
    type=click.Choice(sorted(REPORTERS)),
    default="text",
    show_default=True,
    help="How to report.",
)
@click.option("--timezone", help="Time zone for times without one: +08:00 or Asia/Shanghai.")
@click.option(
    "--encoding",
    help="Encoding of saved pages and HTML (default: as declared, else detected), e.g. gb18030.",
)
@click.option(
    "--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 256), help="Processes."
)
def validate(
    files: tuple[str, ...],
    format: str | None,
    report: str,
    timezone: str | None,
    encoding: str | None,
    jobs: int,
) -> None:
    """Check FILES, folders or globs; exit 1 if any is invalid."""
    try:
        names = batch.expand(files)
        check = functools.partial(
            batch.check_files, names, format, timezone=timezone, encoding=encoding, jobs=jobs
        )
        if sys.stderr.isatty() and len(names) > 1:  # a progress bar for people, not for logs
            with click.progressbar(length=len(names), file=sys.stderr, label="validating") as bar:
                reports = check(progress=bar.update)
        else:
            reports = check()
    except UsageError as error:
        raise _usage(str(error)) from None
    REPORTERS[report](colour=sys.stdout.isatty()).report(reports, sys.stdout)
    if not all(r.valid for r in reports):
        sys.exit(1)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--count", default=10, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--seed", default=0, show_default=True, type=int, help="Same seed, same bytes.")
@click.option(
    "--to",
    "formats",
    multiple=True,
    type=_format_choice(writable=True),
    help="A format to write (repeat it; default: every writable format).",
)
def fixtures(directory: Path, count: int, seed: int, formats: tuple[str, ...]) -> None:
    """Write COUNT realistic, valid test articles into DIRECTORY, with manifest.json."""
    manifest = write_fixtures(directory, count, seed, formats)
    files = sum(len(entry["files"]) for entry in manifest["articles"])
    click.echo(f"{files} files for {count} articles in {directory}", err=True)


@main.command()
@click.argument("name", required=False, default="article")
@click.option("--list", "list_", is_flag=True, help="List the bundled schemas.")
def schema(name: str, list_: bool) -> None:
    """Print a bundled JSON Schema (default: the canonical article)."""
    if list_:
        for known in schema_names():
            click.echo(known)
        return
    try:
        document = load_schema(name)
    except UsageError as error:
        raise _usage(str(error)) from None
    click.echo(json.dumps(document, ensure_ascii=False, indent=2))
