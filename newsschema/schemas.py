"""The JSON Schemas newsschema ships, found on disk and never on the network.

In a wheel the top-level ``schemas/`` folder is installed as ``newsschema/schemas``; in a
source checkout it sits beside the package. Both are looked up here and nowhere else.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .errors import UsageError

__all__ = ["load_schema", "registry", "schema_dir", "schema_names"]

_SUFFIX = ".schema.json"


@functools.cache
def schema_dir() -> Path:
    """The folder holding the bundled schemas (installed copy first, then the checkout)."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "schemas", package.parent / "schemas"):
        if (candidate / f"article{_SUFFIX}").is_file():
            return candidate
    raise RuntimeError(f"newsschema's schemas are missing: looked in {package}")  # pragma: no cover


def schema_names() -> list[str]:
    """Every bundled schema, by the name `load_schema` takes."""
    return sorted(p.name.removesuffix(_SUFFIX) for p in schema_dir().glob(f"*{_SUFFIX}"))


@functools.cache
def _load(name: str) -> Mapping[str, Any]:
    path = schema_dir() / f"{name}{_SUFFIX}"
    if not path.is_file():
        known = ", ".join(schema_names())
        raise UsageError(f"unknown schema {name!r}; bundled schemas: {known}")
    loaded: Mapping[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def load_schema(name: str) -> Mapping[str, Any]:
    """A bundled schema by name (``article`` for ``schemas/article.schema.json``).

    The same mapping is returned on every call: treat it as read-only.
    """
    return _load(name)


@functools.cache
def registry() -> Registry[Any]:
    """Every bundled schema under its ``$id``, so ``$ref`` between them never leaves the disk.

    Retrieval of any other URI fails instead of fetching it.
    """
    resources = [
        (str(schema["$id"]), Resource.from_contents(schema, default_specification=DRAFT202012))
        for schema in map(load_schema, schema_names())
    ]
    return Registry().with_resources(resources)
