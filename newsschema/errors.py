"""The errors newsschema raises, and the one shape every problem report takes.

Every check — a format's own schema, the canonical schema, the attrs model, a parser —
reports `Issue`s, so a user reads one kind of message whatever found the problem.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import attrs

__all__ = [
    "FieldError",
    "Issue",
    "NewsSchemaError",
    "OutputError",
    "Stage",
    "UsageError",
    "ValidationError",
]

Stage = Literal["parse", "input", "model", "output"]


@attrs.frozen(kw_only=True)
class Issue:
    """One problem, located.

    `path` is an RFC 6901 JSON Pointer for JSON-shaped data, an XPath for XML, and
    ``row N, column NAME`` for CSV; `line` and `column` are 1-based positions in the
    source text when they are known.
    """

    stage: Stage
    format: str
    path: str
    message: str
    line: int | None = None
    column: int | None = None
    severity: Literal["error", "warning"] = "error"

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


class FieldError(NewsSchemaError, ValueError):
    """A model invariant failed while an article or one of its parts was being built.

    `field` names the attribute, so the error can be turned into a JSON Pointer; it is
    empty when the rule concerns the object as a whole.
    """

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}" if field else message)
