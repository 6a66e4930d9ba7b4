"""How `newsschema validate` tells people and machines what it found.

Reporters only format: the checking is done before they are called, so the text, JSON,
GitHub and JUnit outputs always agree on the verdict. The JSON report's shape is
``schemas/report.schema.json``.
"""

from __future__ import annotations

from typing import Any, TextIO

import attrs
import click
from lxml import etree

from .errors import Issue
from .jsontext import dumps
from .selection import Skipped
from .xmlparse import NOT_XML_TEXT

__all__ = [
    "REPORTERS",
    "Batch",
    "FileReport",
    "GithubReporter",
    "JsonReporter",
    "JunitReporter",
    "Reporter",
    "TextReporter",
    "shown_path",
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


@attrs.frozen(kw_only=True)
class Batch:
    """Everything one run found: each file's verdict and the files it skipped."""

    files: tuple[FileReport, ...]
    skipped: tuple[Skipped, ...] = ()

    @property
    def valid(self) -> bool:
        return all(report.valid for report in self.files)

    def counts(self) -> dict[str, int]:
        issues = [issue for report in self.files for issue in report.issues]
        passed = sum(report.valid for report in self.files)
        return {
            "files": len(self.files),
            "passed": passed,
            "failed": len(self.files) - passed,
            "skipped": len(self.skipped),
            "errors": sum(issue.severity == "error" for issue in issues),
            "warnings": sum(issue.severity == "warning" for issue in issues),
        }

    def without_warnings(self) -> Batch:
        files = [
            attrs.evolve(r, issues=tuple(i for i in r.issues if i.severity == "error"))
            for r in self.files
        ]
        return attrs.evolve(self, files=tuple(files))


def shown_path(path: str) -> str:
    """A file name as text any report can hold: undecodable bytes become ``\\xNN``."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _summary(batch: Batch) -> str:
    counts = batch.counts()
    line = f"{counts['passed']} passed, {counts['failed']} failed"
    return line + (f", {counts['skipped']} skipped" if counts["skipped"] else "")


class Reporter:
    """Formats a batch. `colour` is for terminals; `quiet` keeps only what failed."""

    def __init__(self, *, colour: bool = False, quiet: bool = False) -> None:
        self.colour = colour
        self.quiet = quiet

    def report(self, batch: Batch, out: TextIO) -> None:
        raise NotImplementedError


_COLOURS = {"error": "red", "warning": "yellow", "note": "cyan"}


class TextReporter(Reporter):
    """For people: one line per problem, ``file:line:column: stage path: message``."""

    def _paint(self, text: str, colour: str) -> str:
        return click.style(text, fg=colour) if self.colour else text

    def report(self, batch: Batch, out: TextIO) -> None:
        for report in batch.files:
            for issue in report.issues:
                where = ":".join(
                    str(part)
                    for part in (shown_path(report.path), issue.line, issue.column)
                    if part
                )
                label = "" if issue.severity == "error" else f"{issue.severity}: "
                path = issue.path or "/"
                line = f"{where}: {label}{issue.stage} {path}: {issue.message}"
                out.write(self._paint(line, _COLOURS[issue.severity]) + "\n")
        if self.quiet:
            return
        for skipped in batch.skipped:
            out.write(self._paint(f"{shown_path(skipped.path)}: skipped: {skipped.reason}", "cyan"))
            out.write("\n")
        out.write(self._paint(_summary(batch), "green" if batch.valid else "red") + "\n")


def _issue_document(issue: Issue) -> dict[str, Any]:
    return {
        "stage": issue.stage,
        "severity": issue.severity,
        "path": issue.path,
        "line": issue.line,
        "column": issue.column,
        "message": issue.message,
        "record": issue.record,
        "pointer": list(issue.pointer) if issue.pointer is not None else None,
    }


class JsonReporter(Reporter):
    """For programs: the shape of ``schemas/report.schema.json``."""

    def report(self, batch: Batch, out: TextIO) -> None:
        from importlib.metadata import version

        document = {
            "version": version("newsschema"),
            "valid": batch.valid,
            "summary": batch.counts(),
            "files": [
                {
                    "path": shown_path(report.path),
                    "format": report.format,
                    "valid": report.valid,
                    "issues": [_issue_document(issue) for issue in report.issues],
                }
                for report in batch.files
            ],
            "skipped": [
                {"path": shown_path(skipped.path), "reason": skipped.reason}
                for skipped in batch.skipped
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

    def report(self, batch: Batch, out: TextIO) -> None:
        for report in batch.files:
            for issue in report.issues:
                props = [f"file={_escape_property(shown_path(report.path))}"]
                if issue.line is not None:
                    props.append(f"line={issue.line}")
                if issue.column is not None:
                    props.append(f"col={issue.column}")
                text = f"{issue.stage} {issue.path or '/'}: {issue.message}"
                command = "notice" if issue.severity == "note" else issue.severity
                out.write(f"::{command} {','.join(props)}::{_escape_message(text)}\n")
        if not self.quiet:
            out.write(_summary(batch) + "\n")


def _xml_text(text: str) -> str:
    """`text` with what XML 1.0 cannot hold written as ``\\xNN`` / ``\\uNNNN`` escapes."""
    return NOT_XML_TEXT.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)


def _located_line(path: str, issue: Issue) -> str:
    where = ":".join(str(part) for part in (path, issue.line, issue.column) if part)
    return f"{where}: {issue.stage} {issue.path or '/'}: {issue.message}"


class JunitReporter(Reporter):
    """For GitLab, Jenkins and Azure Pipelines: JUnit XML, one testcase per file.

    A failed file has one ``<failure>`` whose text lists every error, each with its line
    and column, and whose ``message`` is the first: Jenkins keeps only one failure per
    testcase, so several would lose all but one. Warnings go to ``<system-out>``; skipped
    files are skipped testcases.
    """

    def report(self, batch: Batch, out: TextIO) -> None:
        counts = batch.counts()
        totals = {
            "name": "newsschema validate",
            "tests": str(counts["files"] + counts["skipped"]),
            "failures": str(counts["failed"]),
            "errors": "0",
            "skipped": str(counts["skipped"]),
        }
        root = etree.Element("testsuites", totals)
        suite = etree.SubElement(root, "testsuite", totals)
        for report in batch.files:
            path = _xml_text(shown_path(report.path))
            case = etree.SubElement(
                suite,
                "testcase",
                classname=f"newsschema.{report.format or 'unknown'}",
                name=path,
                file=path,
            )
            errors = [i for i in report.issues if i.severity == "error"]
            others = [i for i in report.issues if i.severity != "error"]
            if errors:
                more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
                failure = etree.SubElement(
                    case,
                    "failure",
                    message=_xml_text(_located_line(path, errors[0]) + more),
                    type=errors[0].stage,
                )
                failure.text = _xml_text("\n".join(_located_line(path, i) for i in errors))
            if others:
                lines = (f"{i.severity}: " + _located_line(path, i) for i in others)
                etree.SubElement(case, "system-out").text = _xml_text("\n".join(lines))
        for skipped in batch.skipped:
            path = _xml_text(shown_path(skipped.path))
            case = etree.SubElement(suite, "testcase", classname="newsschema", name=path, file=path)
            etree.SubElement(case, "skipped", message=_xml_text(skipped.reason))
        text = etree.tostring(root, encoding="unicode", pretty_print=True)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n' + text)


REPORTERS: dict[str, type[Reporter]] = {
    "github": GithubReporter,
    "json": JsonReporter,
    "junit": JunitReporter,
    "text": TextReporter,
}
