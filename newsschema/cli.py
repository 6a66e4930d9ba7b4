"""The ``newsschema`` command: its options and help; `newsschema.commands` does the work.

Exit codes: 0 all valid, 1 invalid or unreadable input, 2 usage error, 3 a bug in
newsschema (``--debug`` shows its traceback). Problems go to standard error, never as a
traceback; converted text goes to standard output or a file written atomically.

This module imports click and little else, so that ``--help`` and ``--version`` answer at
once; a command imports what it needs when it runs.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ._version import __version__
from .limits import summary

if TYPE_CHECKING:
    from .formats import FormatName

__all__ = ["main"]

F = TypeVar("F", bound=Callable[..., Any])

_REPORTS = ("github", "json", "junit", "text")
"""The reporters of `newsschema.reporting` (a test keeps them equal)."""


if TYPE_CHECKING:
    _Choice = click.Choice[str]
else:
    _Choice = click.Choice  # generic only from click 8.2


class _FormatChoice(_Choice):
    """The registered format names, looked up when first needed (``--help`` of the whole
    command needs none): newsschema's own and installed plug-ins'."""

    def __init__(self, *, writable: bool) -> None:
        self._writable = writable
        self._names: tuple[str, ...] | None = None
        super().__init__((), case_sensitive=False)

    @property
    def choices(self) -> tuple[str, ...]:
        if self._names is None:
            from .plugins import READ_ONLY, format_names

            names = format_names()
            self._names = tuple(n for n in names if not (self._writable and n in READ_ONLY))
        return self._names

    @choices.setter
    def choices(self, value: object) -> None:
        """click.Choice sets its choices when it is made; these are found later."""


def _format_choice(*, writable: bool = False) -> _FormatChoice:
    """The format names a user may give (click hands back one of them: typed `FormatName`
    below, which names newsschema's own; a plug-in's name passes as well)."""
    return _FormatChoice(writable=writable)


def _terminal_options(command: F) -> F:
    """``--color/--no-color``, ``--quiet`` and ``--no-warnings``, alike on every command."""
    options = [
        click.option(
            "--color/--no-color",
            "color",
            default=None,
            help="Colour the output (default: on a terminal, unless NO_COLOR is set).",
        ),
        click.option("--quiet", "-q", is_flag=True, help="Print only errors."),
        click.option("--no-warnings", is_flag=True, help="Leave warnings out."),
        click.option(
            "--exclude",
            multiple=True,
            metavar="GLOB",
            help="Leave out files whose path or name matches GLOB (repeatable).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _scheduler_option(command: F) -> F:
    """``--scheduler``: run on a Dask cluster (``newsschema[dask]``)."""
    return click.option(
        "--scheduler",
        metavar="ADDRESS",
        help="Run on a Dask cluster: its scheduler's address (tcp://host:8786), a scheduler "
        "file, or local:N to start N worker processes here. Needs newsschema[dask]; "
        "convert writes one part per piece of input into -o DIR/.",
    )(command)


def _reading_options(command: F) -> F:
    """``--timezone``, ``--encoding``, ``--standard-version`` and ``--verbose``, alike on
    every command that reads."""
    command = click.option(
        "--verbose",
        "-v",
        "notes",
        is_flag=True,
        help="Also say, as notes, what the readers leave out of each document (metadata "
        "with no canonical field) and which rendition of its text they read.",
    )(command)
    command = click.option(
        "--standard-version",
        metavar="VERSION",
        callback=_standard_version,
        help="The version of the standard to check documents against, over the one they "
        "declare (ninjs: 1.0 to 3.1).",
    )(command)
    command = click.option(
        "--encoding",
        callback=_text_encoding,
        help="Encoding of saved pages and HTML (default: as declared, else detected), "
        "e.g. gb18030.",
    )(command)
    return click.option(
        "--timezone", help="Time zone for times without one: +08:00 or Asia/Shanghai."
    )(command)


def _standard_version(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--standard-version`` names a version a standard has (today ninjs's), or it is a
    usage error before any file is read."""
    from .errors import UsageError
    from .formats.ninjs.standard import check_version

    try:
        return check_version(value) if value is not None else None
    except UsageError as error:
        raise click.BadParameter(str(error)) from None


def _text_encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--encoding`` names a text encoding, or it is a usage error (rot13 and hex are not)."""
    from .text import text_codec

    if value is not None and text_codec(value) is None:
        raise click.BadParameter(f"{value!r} is not a text encoding (like utf-8 or gb18030)")
    return value


class _Newsschema(click.Group):
    """The command group, with the endings every command shares: a failed write, Ctrl-C,
    and a bug of newsschema's (exit 3)."""

    def invoke(self, ctx: click.Context) -> Any:
        from .errors import InternalError, OutputError

        try:
            return super().invoke(ctx)
        except InternalError as error:
            if ctx.meta.get(_DEBUG):
                click.echo(error.details.rstrip(), err=True)
            click.echo(
                f"newsschema: {error}: a bug in newsschema, not a problem of your input. "
                "Please report it with what the same command prints with --debug.",
                err=True,
            )
            ctx.exit(3)
        except OutputError as error:
            if error.path == "standard output":
                _drop_standard_output()
            click.echo(f"Error: {error}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)


def _drop_standard_output() -> None:
    """Standard output refused a write (a full disk, a closed pipe): what is still buffered
    must not be flushed again at exit, where it would fail with a traceback."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        empty = os.open(os.devnull, os.O_WRONLY)
        os.dup2(empty, sys.stdout.fileno())


_DEBUG = "newsschema.debug"


def _remember_debug(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    ctx.meta[_DEBUG] = value
    return value


@click.group(
    cls=_Newsschema,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog='\b\nLimits (see "Security and guarantees" in the documentation):\n' + summary(),
)
@click.version_option(__version__, prog_name="newsschema")
@click.option(
    "--debug",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_remember_debug,
    help="On an internal error (exit 3), show its traceback.",
)
def main() -> None:
    """Convert news articles between JSON-LD, NewsML-G2, CSV, ninjs and canonical JSON,
    validating every file on the way in and out.

    Shell completion: eval "$(_NEWSSCHEMA_COMPLETE=bash_source newsschema)" (or zsh_source,
    fish_source).
    """


# --- the commands -------------------------------------------------------------------------


@main.command()
@click.argument("inputs", nargs=-1)
@click.option(
    "--to", "to", required=True, type=_format_choice(writable=True), help="Format to write."
)
@click.option("--from", "from_", type=_format_choice(), help="Input format (default: guess).")
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    help="A file (several inputs go into it where the format holds several articles), "
    "a folder (an existing one, or a path ending in /) for one output per input, "
    "or - for standard output (the default).",
)
@_reading_options
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
    "--time-of-day",
    metavar="HH:MM[±HH:MM]",
    help="newsml, ninjs: the time of day to write a day-only date at where the format "
    "needs a date and time (ninjs's times, NewsML-G2's firstCreated and versionCreated), "
    "like 12:00+08:00, or 12:00 with --timezone; without it such a day is refused.",
)
@click.option(
    "--single-item",
    is_flag=True,
    help="newsml: write an article with images as its text item alone, each image a "
    'link rel="irel:seeAlso" (no width or height), not a newsMessage of the text item, '
    "picture items and a package.",
)
@click.option(
    "--partition-by",
    type=click.Choice(["language", "date"]),
    help="parquet: write a Hive-partitioned dataset under -o DIR/ (language=zh-CN/…, "
    "date=2022-04-22/…), one file per input in each partition.",
)
@click.option(
    "-O",
    "--option",
    "writer_options",
    multiple=True,
    metavar="NAME=VALUE",
    help="An option of the --to format's writer, plug-ins' included (repeatable): "
    "-O embed=true is --embed.",
)
@click.option(
    "--datapackage",
    is_flag=True,
    help="csv: also write datapackage.json (Frictionless) beside the -o file.",
)
@click.option("--keep-going", is_flag=True, help="Convert the good records, report the bad.")
@click.option(
    "--strict",
    is_flag=True,
    help="Refuse a document that breaks its standard (IPTC's schema, schema.org's "
    "vocabulary) even where it can be read; default: convert it, with warnings.",
)
@click.option(
    "--jobs",
    "-j",
    default=1,
    show_default=True,
    type=click.IntRange(1, 256),
    help="Processes, for one output per input (-o DIR).",
)
@_scheduler_option
@_terminal_options
def convert(**options: Any) -> None:
    """Convert INPUT files, folders or globs (or standard input) to another format."""
    from . import commands

    commands.convert(**commands.with_terminal(options))


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "format", type=_format_choice(), help="Format of every FILE.")
@click.option(
    "--report",
    type=click.Choice(_REPORTS),
    default="text",
    show_default=True,
    help="How to report: text for people, json, github (annotations), junit (GitLab, Jenkins).",
)
@_reading_options
@click.option(
    "--level",
    type=click.Choice(["both", "standard", "readable"]),
    default="both",
    show_default=True,
    help="standard: the standard owner's schema alone (any valid item passes, article or "
    "not); readable: what newsschema needs to read an article alone; both.",
)
@click.option(
    "--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 256), help="Processes."
)
@_scheduler_option
@_terminal_options
def validate(**options: Any) -> None:
    """Check FILES, folders or globs; exit 1 if any is invalid.

    Folders and globs take the files with a format's extension whose content is news (or
    not even well-formed); well-formed files of no news format are skipped and counted.
    """
    from . import commands

    commands.validate(**commands.with_terminal(options))


@main.command()
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--count", default=10, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--seed", default=0, show_default=True, type=int, help="Same seed, same bytes.")
@click.option(
    "--to",
    "formats",
    multiple=True,
    type=_format_choice(writable=True),
    help="A format to write (repeat it; default: every writable format).",
)
def fixtures(directory: str, count: int, seed: int, formats: tuple[FormatName, ...]) -> None:
    """Write COUNT realistic, valid test articles into DIRECTORY, with manifest.json."""
    from . import commands

    commands.fixtures(directory, count, seed, formats)


@main.command()
@click.argument("name", required=False, default="article")
@click.option("--list", "list_", is_flag=True, help="List every schema newsschema ships.")
def schema(name: str, list_: bool) -> None:
    """Print a schema newsschema ships (default: the canonical article's JSON Schema).

    JSON Schemas, the XML Schemas of NewsML-G2 output, the CSV Table Schema and the
    schema of validate's JSON report; --list names them all.
    """
    from . import commands

    commands.schema(name, list_)
