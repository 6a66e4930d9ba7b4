"""The errors newsschema raises, and the one shape every problem report takes.

Every check — a format's own schema, the canonical schema, the attrs model, a parser —
reports `Issue`s, so a user reads one kind of message whatever found the problem.
"""

from __future__ import annotations

import traceback
from collections.abc import Sequence
from typing import Literal

import attrs

__all__ = [
    "DataError",
    "FieldError",
    "InternalError",
    "Issue",
    "NewsSchemaError",
    "OutputError",
    "Stage",
    "UsageError",
    "ValidationError",
]

Stage = Literal["parse", "standard", "input", "model", "output"]
"""Which check found an issue: ``parse`` the bytes; ``standard`` the standard owner's
schema (IPTC's XSD or ninjs schema, the schema.org vocabulary); ``input`` what
newsschema needs to read an article; ``model`` the canonical article; ``output`` what
is written."""


@attrs.frozen(kw_only=True)
class Issue:
    """One problem, located.

    `path` says where in words a person reads: an RFC 6901 JSON Pointer for JSON-shaped
    data, an XPath for XML, ``row N, column NAME`` for CSV. Programs need not parse it:
    `record` says which record of a file of several, `pointer` the place inside that
    record's JSON document as reference tokens, and `line` and `column` are 1-based
    positions in the source text, each when it is known.
    """

    stage: Stage
    format: str
    path: str
    message: str
    line: int | None = None
    column: int | None = None
    severity: Literal["error", "warning", "note"] = "error"
    """An error refuses the record; a warning says what a usable record misses; a note
    (asked for with ``notes``, ``--verbose``) says what the reader left out or chose."""
    pointer: tuple[str, ...] | None = None
    """The JSON Pointer's reference tokens inside the record's document (CSV: the
    canonical document the row holds); None where the place is no JSON value (XML, a
    whole file, a line that could not be parsed)."""
    record: int | None = None
    """0-based index of the record in a file of several (a JSON array's item, a JSON
    Lines line, a CSV data row, a newsMessage item); None for a file of one."""

    def __str__(self) -> str:
        where = self.path or "/"
        if self.line is not None:
            where += f" (line {self.line}" + (
                f", column {self.column})" if self.column is not None else ")"
            )
        label = "" if self.severity == "error" else f"{self.severity}: "
        return f"{label}{self.stage}: {where}: {self.message}"


class NewsSchemaError(Exception):
    """Base of every error newsschema raises on purpose."""


class UsageError(NewsSchemaError):
    """The caller asked for something that cannot be done: an unknown format, a bad option."""


class ValidationError(NewsSchemaError, ValueError):
    """Input, the article or the output failed a check; `issues` says where and what.

    It is also a `ValueError` (bad data in, as ``json.loads`` says it), so code that
    already handles ValueError for bad input handles newsschema's too.
    """

    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues = tuple(issues)
        first = self.issues[0] if self.issues else None
        more = f" (and {len(self.issues) - 1} more)" if len(self.issues) > 1 else ""
        super().__init__(f"{first}{more}" if first else "invalid")


class OutputError(NewsSchemaError, OSError):
    """Converted text could not be written: a full disk, a read-only mount, a bad name.

    Nothing is left half-written; `path` names the target (``standard output`` for it).
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"cannot write {path}: {reason}")


class DataError(NewsSchemaError, ValueError):
    """The data is at fault, and a reader, a writer or the model says so on purpose: a time
    that is no time, a URI that is none, text a format cannot carry.

    Only these (and `FieldError`, cattrs' structuring errors) become issues of the input;
    any other exception from inside newsschema is a bug of newsschema's, an `InternalError`.
    """


class InternalError(NewsSchemaError):
    """A bug in newsschema (or in a format plugged into it), not a problem of the input.

    The command line exits 3 and asks for a bug report; ``--debug`` shows `details`, the
    traceback of the error behind it (kept as text, so it crosses process boundaries).
    """

    def __init__(self, where: str, details: str) -> None:
        self.where = where
        self.details = details
        super().__init__(f"internal error {where}")

    def __reduce__(self) -> tuple[type[InternalError], tuple[str, str]]:
        return (type(self), (self.where, self.details))

    @classmethod
    def wrapping(cls, where: str, error: BaseException) -> InternalError:
        """The internal error for `error`, which escaped while newsschema was `where`."""
        details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        return cls(where, details)


class FieldError(DataError):
    """A model invariant failed while an article or one of its parts was being built.

    `field` names the attribute, so the error can be turned into a JSON Pointer; it is
    empty when the rule concerns the object as a whole.
    """

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}" if field else message)
