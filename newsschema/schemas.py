"""The schemas newsschema ships, found on disk and never on the network.

In a wheel the top-level ``schemas/`` folder is installed as ``newsschema/schemas``; in a
source checkout it sits beside the package. Both are looked up here and nowhere else.
Every schema stands alone: its ``$ref``s point inside itself (or, for the XSDs, at a file
beside it), so other tools can use it with neither newsschema nor a network.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from .errors import UsageError

if TYPE_CHECKING:
    from referencing import Registry

__all__ = [
    "ShippedSchema",
    "load_iptc",
    "load_schema",
    "registry",
    "schema_dir",
    "schema_names",
    "shipped_schemas",
]

_SUFFIX = ".schema.json"
_KINDS = (  # file suffix → what the file is; a schema's name is its file name without it
    (".tableschema.json", "Table Schema"),
    (_SUFFIX, "JSON Schema"),
    (".xsd", "XML Schema"),
)
_IPTC = "iptc"
"""The folder of IPTC's own schemas, shipped unchanged: ``iptc/NAME`` for the command line."""
_IPTC_KINDS = ((".json", "JSON Schema"), (".xsd", "XML Schema"))


@functools.cache
def schema_dir() -> Path:
    """The folder holding the bundled schemas (installed copy first, then the checkout)."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "schemas", package.parent / "schemas"):
        if (candidate / f"article{_SUFFIX}").is_file():
            return candidate
    raise RuntimeError(f"newsschema's schemas are missing: looked in {package}")  # pragma: no cover


@attrs.frozen
class ShippedSchema:
    """One file of ``schemas/``: its name for ``newsschema schema NAME``, kind and path."""

    name: str
    kind: str
    path: Path

    @property
    def file(self) -> str:
        """The file's name under ``schemas/`` (``iptc/…`` for IPTC's)."""
        return self.path.relative_to(schema_dir()).as_posix()


def shipped_schemas() -> list[ShippedSchema]:
    """Every schema newsschema ships: its own JSON Schemas, XML Schemas and CSV Table
    Schema, then IPTC's (``iptc/ninjs-schema_3.1``, ``iptc/NewsML-G2_2.35-spec-All-Power``)."""
    found = []
    for path in sorted(schema_dir().iterdir()):
        for suffix, kind in _KINDS:
            if path.name.endswith(suffix):
                found.append(ShippedSchema(path.name.removesuffix(suffix), kind, path))
                break
    for path in sorted((schema_dir() / _IPTC).iterdir()):
        for suffix, kind in _IPTC_KINDS:
            if path.name.endswith(suffix):
                name = f"{_IPTC}/{path.name.removesuffix(suffix)}"
                found.append(ShippedSchema(name, f"{kind} (IPTC)", path))
    return found


def schema_names() -> list[str]:
    """Every bundled JSON Schema, by the name `load_schema` takes."""
    return sorted(p.name.removesuffix(_SUFFIX) for p in schema_dir().glob(f"*{_SUFFIX}"))


@functools.cache
def _load(name: str) -> Mapping[str, Any]:
    path = schema_dir() / f"{name}{_SUFFIX}"
    if not path.is_file():
        known = ", ".join(schema_names())
        raise UsageError(f"unknown schema {name!r}; bundled schemas: {known}")
    loaded: Mapping[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


@functools.cache
def load_iptc(name: str) -> Mapping[str, Any]:
    """One of IPTC's JSON Schemas, shipped unchanged (``ninjs-schema_3.1``,
    ``GeoJSON-schema``); the same mapping on every call: treat it as read-only."""
    path = schema_dir() / _IPTC / f"{name}.json"
    if not path.is_file():
        raise UsageError(f"newsschema ships no IPTC schema {name!r}")
    loaded: Mapping[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def load_schema(name: str) -> Mapping[str, Any]:
    """A bundled JSON Schema by name (``article`` for ``schemas/article.schema.json``).

    The same mapping is returned on every call: treat it as read-only.
    """
    return _load(name)


@functools.cache
def registry() -> Registry[Any]:
    """Every bundled schema under its ``$id``, so ``$ref`` between them never leaves the disk.

    Retrieval of any other URI fails instead of fetching it. (python-jsonschema's; the
    `referencing` library is imported only when a failure is explained.)
    """
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    resources = [
        (str(schema["$id"]), Resource.from_contents(schema, default_specification=DRAFT202012))
        for schema in map(load_schema, schema_names())
    ]
    return Registry().with_resources(resources)
