"""The ``newsschema`` command: a thin layer over `newsschema.api`.

Exit codes: 0 all valid, 1 invalid or unreadable input, 2 usage error. Problems go to
standard error, never as a traceback; converted text goes to standard output or a file
written atomically.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from . import api
from .errors import Issue, UsageError, ValidationError
from .fixtures import write_fixtures
from .formats import FORMATS
from .formats import csv as csv_format
from .model import Article
from .reporting import REPORTERS, FileReport
from .schemas import load_schema, schema_names

__all__ = ["main"]

STDIN = "-"


class _Exit1(click.ClickException):
    exit_code = 1


def _usage(message: str) -> click.UsageError:
    return click.UsageError(message)


def _read_input(name: str) -> api.Data:
    if name == STDIN:
        return sys.stdin.buffer.read()
    path = Path(name)
    if path.is_dir():
        raise _usage(f"{name} is a folder; name the files in it")
    if not path.is_file():
        raise _usage(f"no such file: {name}")
    return path


def _write_atomically(path: Path, text: str) -> None:
    """Write through a temporary file and rename, so a failure leaves any old file intact."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        stream = sys.stdout.buffer
        stream.write(text.encode("utf-8"))
        stream.flush()
    else:
        _write_atomically(output, text)


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
@click.option("--encoding", help="Encoding of saved pages (default: detect), e.g. gb18030.")
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
) -> None:
    """Convert INPUT files (or standard input) to another format."""
    names = inputs or (STDIN,)
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
    extension = FORMATS[to].extensions[0]
    collected: list[Article] = []
    failed = False
    try:
        for name in names:
            good, issues, _ = _read_one(name, from_, timezone=timezone, encoding=encoding)
            _print_issues(name, issues)
            bad = any(issue.severity == "error" for issue in issues)
            failed = failed or bad
            if bad and not keep_going:
                continue
            if per_file and output is not None:
                if good:
                    stem = "stdin" if name == STDIN else Path(name).name.split(".")[0]
                    target = output / (stem + extension)
                    _emit(api.write(good, to, **options), target)
            else:
                collected.extend(good)
        if failed and not keep_going:
            raise _Exit1("nothing written: fix the input, or pass --keep-going")
        if not per_file and collected:
            _emit(api.write(collected, to, **options), output)
            if datapackage and output is not None:
                package = csv_format.datapackage(output.name, bom=bom)
                text = json.dumps(package, ensure_ascii=False, indent=2) + "\n"
                _write_atomically(output.parent / "datapackage.json", text)
    except ValidationError as error:
        _print_issues("output", error.issues)
        raise _Exit1("nothing written: the output failed its check") from None
    except UsageError as error:
        raise _usage(str(error)) from None
    if failed:
        raise _Exit1("some records were not converted")


def _read_one(
    name: str, format: str | None, *, timezone: str | None, encoding: str | None
) -> tuple[list[Article], list[Issue], str | None]:
    """The good articles of one input, the issues of the bad records, and the format read."""
    data = _read_input(name)
    good: list[Article] = []
    issues: list[Issue] = []
    found = format
    try:
        for outcome in api.outcomes(data, format, timezone=timezone, encoding=encoding):
            found = outcome.format
            if outcome.article is not None:
                good.append(outcome.article)
            issues.extend(outcome.issues)
    except ValidationError as error:  # undecodable bytes
        issues.extend(error.issues)
    return good, issues, found


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
@click.option("--encoding", help="Encoding of saved pages (default: detect), e.g. gb18030.")
def validate(
    files: tuple[str, ...],
    format: str | None,
    report: str,
    timezone: str | None,
    encoding: str | None,
) -> None:
    """Check FILES; exit 1 if any is invalid."""
    reports: list[FileReport] = []
    try:
        for name in files:
            _, issues, found = _read_one(name, format, timezone=timezone, encoding=encoding)
            reports.append(FileReport(path=name, format=found, issues=tuple(issues)))
    except UsageError as error:
        raise _usage(str(error)) from None
    REPORTERS[report]().report(reports, sys.stdout)
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
