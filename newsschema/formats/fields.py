"""Field tables: a writer as a list of the properties it writes, one line each.

A table says, for every property of a format's document, which canonical field it
carries and how its value is made from the article: the writer is the table applied, and
the documentation's field mapping is the tables read (no hand-written copy to drift).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs

from ..model import Article

__all__ = ["Field", "written"]


@attrs.frozen
class Field:
    """One property of a format's document."""

    name: str
    """The property as the format spells it (``headline``, ``firstCreated``)."""
    canonical: str
    """The canonical field it carries (``rights.holder`` for a part); empty for a
    constant the format requires, such as ``@type``."""
    value: Callable[[Article], Any]
    """The property's value for an article; None, ``[]`` or ``{}`` leave it out."""


def written(fields: Iterable[Field], article: Article) -> dict[str, Any]:
    """The document the table writes for `article`, without the properties that are empty."""
    document = {}
    for field in fields:
        value = field.value(article)
        if value is not None and value != [] and value != {}:
            document[field.name] = value
    return document
