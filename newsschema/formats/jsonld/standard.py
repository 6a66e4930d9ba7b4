"""JSON-LD's standard level: schema.org's vocabulary over the whole block, as issues.

A block is judged whole — its article nodes and every node around them — and each issue
goes to the record of the article node it is inside (the others to the first record),
located in the file already.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from ...errors import Issue
from ...jsontext import locate
from ...limits import MAX_ISSUES
from ..base import Context
from .vocabulary import located, terms

__all__ = ["by_record", "check_vocabulary"]

NAME = "jsonld"


def check_vocabulary(document: Any, source: str) -> list[Issue]:
    """Every use of a term schema.org does not have, at most `MAX_ISSUES`, located in
    `source`, the text the document was read from."""
    found = []
    for steps, message in itertools.islice(terms(document), MAX_ISSUES):
        where = located(steps)
        position = locate(source, where)
        line, column = position if position else (None, None)
        found.append(
            Issue(
                stage="standard",
                format=NAME,
                path=where,
                message=message,
                line=line,
                column=column,
                pointer=tuple(map(str, steps)),
            )
        )
    return found


def by_record(
    document: Any, source: str, bases: Sequence[str], context: Context
) -> list[list[Issue]]:
    """The vocabulary's issues for each record (one per article node at `bases`; one
    for a block with none), when the context asks for the standard."""
    per_record: list[list[Issue]] = [[] for _ in bases] or [[]]
    if not context.conformance:
        return per_record
    for issue in check_vocabulary(document, source):
        inside = [n for n, base in enumerate(bases) if _within(issue.path, base)]
        owner = max(inside, key=lambda n: len(bases[n]), default=0)
        per_record[owner].append(issue)
    return per_record


def _within(path: str, base: str) -> bool:
    return path == base or path.startswith(base + "/") or not base
