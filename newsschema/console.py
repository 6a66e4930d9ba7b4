"""What the command line prints on standard error, by the conventions of Unix tools.

Colour only on a terminal, never when ``NO_COLOR`` is set (https://no-color.org), and as
``--color`` / ``--no-color`` say; ``--quiet`` leaves only errors; ``--no-warnings`` drops
warnings. A progress bar is for people: shown on a terminal for several files, and the
lines that come while it runs are held back and printed when it ends.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TextIO

import attrs
import click

from .errors import Issue
from .reporting import shown_path

__all__ = ["Console", "wants_colour"]


def wants_colour(choice: bool | None, stream: TextIO) -> bool:
    """Colour as asked; when not asked, on a terminal unless ``NO_COLOR`` is set."""
    if choice is not None:
        return choice
    if os.environ.get("NO_COLOR"):
        return False
    return stream.isatty()


@attrs.define
class Console:
    """Standard error for one command: its colour, its quietness, its held-back lines."""

    colour: bool = False
    quiet: bool = False
    warnings: bool = True
    _held: list[str] | None = None

    @classmethod
    def for_stderr(cls, *, colour: bool | None, quiet: bool, warnings: bool) -> Console:
        return cls(
            colour=wants_colour(colour, sys.stderr), quiet=quiet, warnings=warnings and not quiet
        )

    def _say(self, line: str) -> None:
        if self._held is not None:
            self._held.append(line)
        else:
            click.echo(line, err=True)

    def issues(self, source: str, issues: Sequence[Issue]) -> None:
        """One line per issue, ``FILE: [warning: ]stage: where: message``."""
        for issue in issues:
            if (issue.severity == "warning" and not self.warnings) or (
                issue.severity == "note" and self.quiet
            ):
                continue
            colour = {"error": "red", "warning": "yellow"}.get(issue.severity, "cyan")
            self._say(
                click.style(f"{shown_path(source)}: {issue}", fg=colour if self.colour else None)
            )

    def note(self, line: str, colour: str = "cyan") -> None:
        """A line that is not a problem (a skipped file, the summary): left out when quiet."""
        if not self.quiet:
            self._say(self._paint(line, colour))

    def _paint(self, text: str, colour: str) -> str:
        return click.style(text, fg=colour) if self.colour else text

    @property
    def shows_progress(self) -> bool:
        """Whether progress is shown: on a terminal, unless quiet."""
        return not self.quiet and sys.stderr.isatty()

    @contextmanager
    def progress(self, length: int, label: str) -> Iterator[Callable[[int], None]]:
        """Advances a progress bar on a terminal, for several files; elsewhere, nothing."""
        if length <= 1 or self.quiet or not sys.stderr.isatty():
            yield lambda _: None
            return
        self._held = []
        try:
            with click.progressbar(length=length, label=label, file=sys.stderr) as bar:
                yield bar.update
        finally:
            held, self._held = self._held, None
            for line in held:
                self._say(line)
