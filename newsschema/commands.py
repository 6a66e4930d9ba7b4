"""What each command does, behind the command line's options (`newsschema.cli`).

Kept apart from the options so that ``newsschema --help`` and ``--version`` import only
click: everything here — the formats, the schemas, the validators — is imported when a
command runs.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import click

from . import api, batch, storage
from .console import Console, wants_colour
from .errors import Issue, UsageError
from .fixtures import write_fixtures
from .formats import FORMATS, Context, Format, FormatName
from .formats import csv as csv_format
from .output import atomic, atomic_text
from .reporting import REPORTERS, Batch, FileReport
from .schemas import shipped_schemas
from .selection import STDIN, Selection, Skipped, select

__all__ = ["convert", "fixtures", "schema", "validate"]


class _Exit1(click.ClickException):
    exit_code = 1


@attrs.frozen
class Terminal:
    """The options every command shares: how it speaks, and which files it leaves out."""

    color: bool | None
    quiet: bool
    no_warnings: bool
    exclude: tuple[str, ...]

    def console(self) -> Console:
        return Console.for_stderr(
            colour=self.color, quiet=self.quiet, warnings=not self.no_warnings
        )


def with_terminal(options: dict[str, Any]) -> dict[str, Any]:
    """A command's click options with the shared ones gathered into `terminal`, and the
    reading ones into `reading`."""
    shared = {name: options.pop(name) for name in ("color", "quiet", "no_warnings", "exclude")}
    names = [field.name for field in attrs.fields(batch.Reading)]
    reading = batch.Reading(**{name: options.pop(name) for name in names if name in options})
    return {**options, "terminal": Terminal(**shared), "reading": reading}


def _selected(
    names: Sequence[str], format: FormatName | None, exclude: Sequence[str], *, skip_named: bool
) -> Selection:
    """The files a command works on; a usage error when there are none to work on."""
    if list(names).count(STDIN) > 1:
        raise click.UsageError("standard input (-) can be read only once")
    selection = select(names, format=format, exclude=exclude, skip_named=skip_named)
    if selection.missing:
        first = selection.missing[0]
        what = "no file matches" if set("*?[") & set(first) else "no such file:"
        raise click.UsageError(f"{what} {first}")
    if not selection.files:
        skipped = (
            f" ({len(selection.skipped)} skipped: no news format's)" if selection.skipped else ""
        )
        raise click.UsageError(f"no files to work on in {' '.join(names)}{skipped}")
    return selection


# --- convert ------------------------------------------------------------------------------


@attrs.frozen
class _Target:
    """Where converted text goes: standard output, one file, or a folder of one per input."""

    path: Path | None
    folder: bool = False


def _target(output: str | None, inputs: int, to: FormatName) -> _Target:
    if output is None or output == STDIN:
        target = _Target(None)
    elif output.endswith(("/", "\\")) or Path(output).is_dir():
        return _Target(Path(output), folder=True)
    else:
        target = _Target(Path(output))
    if inputs > 1 and not FORMATS[to].many_per_file:
        where = "standard output" if target.path is None else str(target.path)
        raise click.UsageError(
            f"{to} holds one article per file: {inputs} inputs cannot go to {where}; "
            "give -o a folder (-o DIR/) for one output per input"
        )
    return target


def _refuse_overwriting_inputs(names: Sequence[str], target: _Target, to: FormatName) -> None:
    """An output that is one of the inputs would destroy it (with ``--keep-going``, its bad
    records would vanish from their own source): a usage error, before anything is read."""
    if target.path is None:
        return
    inputs = [name for name in names if name != STDIN]
    for name in inputs:
        output = batch.output_path(name, target.path, to) if target.folder else target.path
        if _same_file(Path(name), output):
            raise click.UsageError(f"-o {output} is the input {name}: it would be overwritten")


def _same_file(a: Path, b: Path) -> bool:
    """Whether two names are one file (through links), or would be once `b` is written."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # `b` does not exist yet
        return os.path.realpath(a) == os.path.realpath(b)


def convert(
    inputs: tuple[str, ...],
    to: FormatName,
    from_: FormatName | None,
    output: str | None,
    reading: batch.Reading,
    writer_options: tuple[str, ...],
    datapackage: bool,
    keep_going: bool,
    jobs: int,
    scheduler: str | None,
    terminal: Terminal,
    **flags: Any,
) -> None:
    """``newsschema convert``: see its help. `flags` are the writers' own options
    (``--embed``, ``--xsd``, ``--bom``, ``--time-of-day``, ``--single-item``)."""
    console, exclude = terminal.console(), terminal.exclude
    selection = _convert_inputs(inputs, from_, exclude, scheduler)
    names = selection.files
    target = _target(output, len(names), to)
    options = _options_given(FORMATS[to], flags, writer_options)
    _check_convert_options(to, options, target, datapackage=datapackage, jobs=jobs)
    _check_scheduler(scheduler, target, jobs)
    _refuse_overwriting_inputs(names, target, to)
    for skipped in selection.skipped:
        console.note(f"{skipped.path}: skipped: {skipped.reason}")
    settings = _Settings(to, from_, reading, options, keep_going)
    if scheduler is not None:
        assert output is not None  # a folder: _check_scheduler said so
        converted, failed = _convert_on_cluster(names, output, settings, scheduler, console)
    elif target.folder:
        assert target.path is not None
        converted, failed = _convert_per_file(names, target.path, settings, jobs, console)
    else:
        converted, failed = _convert_to_one(names, target.path, settings, console)
        if datapackage and target.path is not None:
            _write_datapackage(target.path, bom=bool(flags.get("bom")))
    _summarise(console, len(names), converted, failed, len(selection.skipped))
    if failed:
        sys.exit(1)


def _summarise(console: Console, inputs: int, converted: int, failed: int, skipped: int) -> None:
    """The closing count, unless one good file was converted (which needs none)."""
    if inputs > 1 or failed or skipped:
        left_out = f", {skipped} skipped" if skipped else ""
        console.note(
            f"{converted} converted, {failed} failed{left_out}", "red" if failed else "green"
        )


def _write_datapackage(csv_path: Path, *, bom: bool) -> None:
    """``datapackage.json`` beside the CSV file: its Frictionless description."""
    package = csv_format.datapackage(csv_path.name, bom=bom)
    with atomic_text(csv_path.parent / "datapackage.json") as out:
        out.write(json.dumps(package, ensure_ascii=False, indent=2) + "\n")


def _options_given(fmt: Format, flags: dict[str, Any], pairs: tuple[str, ...]) -> dict[str, Any]:
    """The writer options given: the flags that are set, then the ``-O`` pairs."""
    options = {flag: value for flag, value in flags.items() if value}
    options.update(_named_options(pairs, fmt))
    return options


def _named_options(pairs: tuple[str, ...], fmt: Format) -> dict[str, Any]:
    """``-O NAME=VALUE`` pairs as the writer's option values: the type of each option's
    default says how to read its text (true/false, a whole number, or text)."""
    defaults = {} if fmt.writer is None else attrs.asdict(fmt.writer.options())
    found: dict[str, Any] = {}
    for pair in pairs:
        name, equals, text = pair.partition("=")
        if not equals or not name:
            raise click.UsageError(f"-O {pair!r}: give NAME=VALUE")
        default = defaults.get(name)
        try:
            found[name] = _option_value(text, default)
        except ValueError as error:
            raise click.UsageError(f"-O {name}: {error}") from None
    return found


def _option_value(text: str, default: object) -> object:
    if isinstance(default, bool):
        if text.lower() not in ("true", "false", "yes", "no", "1", "0"):
            raise ValueError(f"{text!r} is not true or false")
        return text.lower() in ("true", "yes", "1")
    if isinstance(default, int):
        return int(text)
    return text


def _check_convert_options(
    to: FormatName, options: dict[str, Any], target: _Target, *, datapackage: bool, jobs: int
) -> None:
    """Usage errors of ``convert``'s options, before anything is read."""
    try:
        api.writer_options(FORMATS[to], options)
    except UsageError as error:
        raise click.UsageError(str(error)) from None
    if datapackage and to != "csv":
        raise click.UsageError(f"--datapackage does not apply to {to}")
    if datapackage and (target.path is None or target.folder):
        raise click.UsageError("--datapackage needs -o naming the one CSV file to describe")
    if jobs > 1 and not target.folder:
        raise click.UsageError("--jobs needs -o DIR: it converts inputs into one output each")
    if options.get("partition_by") and not target.folder:
        raise click.UsageError("--partition-by writes a dataset of folders: give -o DIR/")


@attrs.frozen
class _Settings:
    """What every input of one ``convert`` is read and written with."""

    to: FormatName
    from_: FormatName | None
    reading: batch.Reading
    options: dict[str, Any]
    keep_going: bool

    def outcomes(self, name: str) -> Iterator[api.Outcome]:
        return batch.outcomes_of(name, self.from_, self.reading)


def _writing_to_one(settings: _Settings, output: Path | None) -> tuple[Format, Context]:
    """The format and context of one output; a usage error for options it cannot take, or
    for a binary format (Parquet) bound for a terminal."""
    try:
        fmt, context = api.writing(
            settings.to, options={**settings.options, **settings.reading.writing()}
        )
    except UsageError as error:
        raise click.UsageError(str(error)) from None
    if fmt.writer is not None and fmt.writer.binary and output is None and sys.stdout.isatty():
        raise click.UsageError(
            f"{settings.to} is binary, not for a terminal: give -o FILE, or redirect the output"
        )
    return fmt, context


def _convert_to_one(
    names: Sequence[str], output: Path | None, settings: _Settings, console: Console
) -> tuple[int, int]:
    """Every input's articles into one stream: standard output or one file."""
    fmt, context = _writing_to_one(settings, output)
    binary = fmt.writer is not None and fmt.writer.binary

    def records(advance: Callable[[int], None]) -> Iterator[api.Outcome]:
        for name in names:
            for outcome in settings.outcomes(name):
                console.issues(name, outcome.issues)
                yield outcome
            advance(1)

    try:
        with console.progress(len(names), "converting") as advance:
            done = api.drive(
                records(advance),
                fmt,
                context,
                lambda: atomic(output, binary=binary, spool=not settings.keep_going),
                keep_going=settings.keep_going,
            )
    except UsageError as error:  # a time zone or encoding the run cannot use
        raise click.UsageError(str(error)) from None
    if done.output_issues:
        console.issues(str(output) if output else "standard output", done.output_issues)
        console.note(f"0 converted, {done.bad + max(done.good, 1)} failed", "red")
        raise _Exit1("nothing written: the output failed its check")
    if done.bad and not settings.keep_going:
        console.note(f"0 converted, {done.bad} failed", "red")
        raise _Exit1("nothing written: fix the input, or pass --keep-going")
    return done.written, done.bad


def _convert_per_file(
    names: Sequence[str], output: Path, settings: _Settings, jobs: int, console: Console
) -> tuple[int, int]:
    """One output file per input in `output`, by `jobs` processes; reports in input order."""
    targets: dict[Path, str] = {}
    for name in names:
        target = batch.output_path(name, output, settings.to)
        if target in targets:
            raise click.UsageError(
                f"{targets[target]} and {name} would both be written to {target}"
            )
        targets[target] = name
    results = batch.convert_files(
        names,
        jobs=jobs,
        to=settings.to,
        directory=output,
        format=settings.from_,
        reading=settings.reading,
        options=settings.options,
        keep_going=settings.keep_going,
    )
    try:
        with console.progress(len(names), "converting") as advance:
            return _reported(results, console, settings.keep_going, advance)
    except UsageError as error:
        raise click.UsageError(str(error)) from None


def _reported(
    results: Iterable[batch.Converted],
    console: Console,
    keep_going: bool,
    advance: Callable[[int], None] = lambda _: None,
) -> tuple[int, int]:
    """Each file's issues, in order; the records converted and failed."""
    converted = failed = 0
    unwritten = False
    for result in results:
        console.issues(result.path, result.issues)
        console.issues(result.path, result.output_issues)
        converted += result.converted
        failed += result.failed
        unwritten = unwritten or (result.bad_records and not keep_going)
        advance(1)
    if unwritten:
        console.note("files with bad records were not converted; pass --keep-going", "red")
    return converted, failed


def _check_scheduler(scheduler: str | None, target: _Target, jobs: int) -> None:
    if scheduler is None:
        return
    if not target.folder:
        raise click.UsageError("--scheduler writes one part per piece of input: give -o DIR/")
    if jobs > 1:
        raise click.UsageError("--jobs is this machine's processes; the cluster has its workers")


def _on_cluster(address: str) -> Any:
    """newsschema.dask, imported only now: nothing of Dask is loaded without --scheduler."""
    try:
        from . import dask as on_dask
    except UsageError as error:  # Dask is not installed
        raise click.UsageError(str(error)) from None
    return on_dask


def _convert_inputs(
    inputs: Sequence[str], from_: FormatName | None, exclude: Sequence[str], scheduler: str | None
) -> Selection:
    """The files ``convert`` reads (standard input if none), URLs for a cluster included."""
    remote = _remote_inputs(inputs, scheduler)
    local = [name for name in inputs if name not in remote]
    if remote and not local:
        return Selection(files=remote)
    selection = _selected(local or (STDIN,), from_, exclude, skip_named=False)
    return attrs.evolve(selection, files=(*selection.files, *remote))


def _remote_inputs(names: Sequence[str], scheduler: str | None) -> tuple[str, ...]:
    """The inputs that are URLs (``s3://…``), which a cluster's workers read through
    fsspec: taken as given, wildcards and all, never looked for here."""
    if scheduler is None:
        return ()
    return tuple(name for name in names if storage.is_remote(name))


def _convert_on_cluster(
    names: Sequence[str], output: str, settings: _Settings, address: str, console: Console
) -> tuple[int, int]:
    """The inputs converted on a Dask cluster into parts in `output` (a URL too)."""
    on_dask = _on_cluster(address)
    try:
        with on_dask.connected(address) as client:
            results = on_dask.convert(
                names,
                settings.to,
                output,
                format=settings.from_,
                client=client,
                keep_going=settings.keep_going,
                reading=settings.reading,
                progress=console.shows_progress,
                **settings.options,
            )
    except UsageError as error:
        raise click.UsageError(str(error)) from None
    return _reported(results, console, settings.keep_going)


# --- validate -----------------------------------------------------------------------------


def validate(
    files: tuple[str, ...],
    format: FormatName | None,
    report: str,
    reading: batch.Reading,
    jobs: int,
    scheduler: str | None,
    terminal: Terminal,
) -> None:
    """``newsschema validate``: see its help."""
    console, exclude = terminal.console(), terminal.exclude
    color, quiet, no_warnings = terminal.color, terminal.quiet, terminal.no_warnings
    judge_later = scheduler is None  # the cluster's workers are given files to read, only
    remote = _remote_inputs(files, scheduler)
    local = [name for name in files if name not in remote]
    selection = select(local, format=format, exclude=exclude, judge_later=judge_later)
    selection = attrs.evolve(selection, files=(*selection.files, *remote))
    if not selection.files and not selection.missing:
        _selected(files, format, exclude, skip_named=True)  # says why there is nothing to check
    if scheduler is not None:
        _check_scheduler(scheduler, _Target(None, folder=True), jobs)
        reports, skipped = _checked_on_cluster(selection, console, format, reading, scheduler)
    else:
        reports, skipped = _checked(selection, console, format, reading, jobs)
    if not reports and not selection.missing:
        _selected(files, format, exclude, skip_named=True)  # every file was no news format's
    absent = [_missing_report(name) for name in selection.missing]
    found = Batch(files=(*reports, *absent), skipped=skipped)
    if no_warnings or quiet:
        found = found.without_warnings()
    reporter = REPORTERS[report](colour=wants_colour(color, sys.stdout), quiet=quiet)
    reporter.report(found, sys.stdout)
    if selection.missing:
        _selected(files, format, exclude, skip_named=True)  # the usage error, after the report
    if not found.valid:
        sys.exit(1)


def _checked(
    selection: Selection,
    console: Console,
    format: FormatName | None,
    reading: batch.Reading,
    jobs: int,
) -> tuple[list[FileReport], tuple[Skipped, ...]]:
    """Each selected file's report, and every file skipped: by the selection, or by the
    worker that looked into it."""
    try:
        with console.progress(len(selection.files), "validating") as advance:
            checked = batch.check_files(
                selection.files,
                format,
                reading=reading,
                jobs=jobs,
                progress=advance,
                unjudged=selection.unjudged,
            )
    except UsageError as error:
        raise click.UsageError(str(error)) from None
    reports = [r for r in checked if isinstance(r, FileReport)]
    return reports, (*selection.skipped, *(r for r in checked if isinstance(r, Skipped)))


def _checked_on_cluster(
    selection: Selection,
    console: Console,
    format: FormatName | None,
    reading: batch.Reading,
    address: str,
) -> tuple[list[FileReport], tuple[Skipped, ...]]:
    """Each selected file's report, from a Dask cluster."""
    on_dask = _on_cluster(address)
    try:
        with on_dask.connected(address) as client:
            reports: list[FileReport] = on_dask.validate(
                selection.files,
                format,
                client=client,
                reading=reading,
                progress=console.shows_progress,
            )
    except UsageError as error:
        raise click.UsageError(str(error)) from None
    return reports, selection.skipped


def _missing_report(name: str) -> FileReport:
    glob = bool(set("*?[") & set(name))
    message = "no file matches this pattern" if glob else "no such file"
    issue = Issue(stage="parse", format="", path="", message=message)
    return FileReport(path=name, format=None, issues=(issue,))


# --- fixtures and schema ------------------------------------------------------------------


def fixtures(directory: str, count: int, seed: int, formats: tuple[FormatName, ...]) -> None:
    """``newsschema fixtures``: see its help."""
    manifest = write_fixtures(Path(directory), count, seed, formats)
    files = sum(len(entry["files"]) for entry in manifest["articles"])
    click.echo(f"{files} files for {count} articles in {directory}", err=True)


def schema(name: str, list_: bool) -> None:
    """``newsschema schema``: see its help."""
    shipped = {entry.name: entry for entry in shipped_schemas()}
    if list_:
        width = max(map(len, shipped))
        for entry in shipped.values():
            click.echo(f"{entry.name:<{width}}  {entry.kind:<18}  {entry.file}")
        return
    if name not in shipped:
        known = ", ".join(shipped)
        raise click.UsageError(f"unknown schema {name!r}; shipped schemas: {known}")
    click.echo(shipped[name].path.read_text(encoding="utf-8"), nl=False)
