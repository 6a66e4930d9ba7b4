"""How `newsschema validate` tells people and machines what it found.

Reporters only format: the checking is done before they are called, so the text, JSON
and GitHub outputs always agree on the verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

import attrs
import click

from .errors import Issue
from .jsontext import dumps

__all__ = [
    "REPORTERS",
    "FileReport",
    "GithubReporter",
    "JsonReporter",
    "Reporter",
    "TextReporter",
]


@attrs.frozen(kw_only=True)
class FileReport:
    """The verdict on one file."""

    path: str
    format: str | None
    issues: tuple[Issue, ...] = ()

    @property
    def valid(self) -> bool:
        return not any(issue.severity == "error" for issue in self.issues)


def _summary(reports: Sequence[FileReport]) -> str:
    passed = sum(report.valid for report in reports)
    return f"{passed} passed, {len(reports) - passed} failed"


class Reporter:
    """Formats reports; `colour` is for terminals only (the command line decides)."""

    def __init__(self, *, colour: bool = False) -> None:
        self.colour = colour

    def report(self, reports: Sequence[FileReport], out: TextIO) -> None:
        raise NotImplementedError


class TextReporter(Reporter):
    """For people: one line per problem, ``file:line:column: stage path: message``."""

    def _paint(self, text: str, colour: str) -> str:
        return click.style(text, fg=colour) if self.colour else text

    def report(self, reports: Sequence[FileReport], out: TextIO) -> None:
        for report in reports:
            for issue in report.issues:
                where = ":".join(
                    str(part) for part in (report.path, issue.line, issue.column) if part
                )
                label = "" if issue.severity == "error" else "warning: "
                path = issue.path or "/"
                line = f"{where}: {label}{issue.stage} {path}: {issue.message}"
                out.write(self._paint(line, "red" if not label else "yellow") + "\n")
        failed = not all(report.valid for report in reports)
        out.write(self._paint(_summary(reports), "red" if failed else "green") + "\n")


class JsonReporter(Reporter):
    """For programs: the shape DESIGN.md promises."""

    def report(self, reports: Sequence[FileReport], out: TextIO) -> None:
        document = {
            "valid": all(report.valid for report in reports),
            "files": [
                {
                    "path": report.path,
                    "format": report.format,
                    "valid": report.valid,
                    "issues": [
                        {
                            "stage": issue.stage,
                            "severity": issue.severity,
                            "path": issue.path,
                            "line": issue.line,
                            "column": issue.column,
                            "message": issue.message,
                        }
                        for issue in report.issues
                    ],
                }
                for report in reports
            ],
        }
        out.write(dumps(document) + "\n")


def _escape_property(value: str) -> str:
    return (
        value.replace("%", "%25")
        .replace("\r", "%0D")
        .replace("\n", "%0A")
        .replace(":", "%3A")
        .replace(",", "%2C")
    )


def _escape_message(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


class GithubReporter(Reporter):
    """For GitHub Actions: workflow commands that annotate the file in a pull request."""

    def report(self, reports: Sequence[FileReport], out: TextIO) -> None:
        for report in reports:
            for issue in report.issues:
                props = [f"file={_escape_property(report.path)}"]
                if issue.line is not None:
                    props.append(f"line={issue.line}")
                if issue.column is not None:
                    props.append(f"col={issue.column}")
                text = f"{issue.stage} {issue.path or '/'}: {issue.message}"
                out.write(f"::{issue.severity} {','.join(props)}::{_escape_message(text)}\n")
        out.write(_summary(reports) + "\n")


REPORTERS: dict[str, type[Reporter]] = {
    "github": GithubReporter,
    "json": JsonReporter,
    "text": TextReporter,
}
