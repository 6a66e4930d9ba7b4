"""ninjs as IPTC's own schema of its version judges it.

Every released ninjs schema, 1.0 to 3.1, ships unchanged (``schemas/iptc/``). A document
is checked against the version it declares — ``standard.version`` (2.x, 3.x),
``$standard.version`` (1.3 to 1.6), or a ``$schema`` naming ``ninjs-schema_X.Y`` — else
the one its property names are spelt in: camelCase names only 3.x has (``versionCreated``)
mean 3.1, names only 1.x has (``headline``, ``body_text``, ``person``) mean 1.6, names
only 2.x has mean 2.2; a document whose names all versions share is checked against
3.1, the version newsschema writes. ``--standard-version`` (``standard_version=``) names
the version over all of these.

As in IPTC's own validation suite, ``format`` is an annotation: a ``uri`` that is no URI
or a ``date-time`` that is none passes the standard (the suite's should_pass files hold
both); newsschema's own readability check decides whether it can read the time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

import attrs

from ...errors import Issue, UsageError
from ...schemas import load_iptc
from ..base import Context

__all__ = ["DEFAULT_VERSION", "VERSIONS", "check_version", "conform", "version_of"]

VERSIONS = ("1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.0", "2.1", "2.2", "3.0", "3.1")
"""Every released ninjs version; each has its schema."""
DEFAULT_VERSION = "3.1"
"""For a document that neither declares a version nor spells one: the version written."""
_LATEST = {"1": "1.6", "2": "2.2", "3": "3.1"}
_DECLARED = re.compile(r"ninjs-schema_([0-9]+\.[0-9]+)\.json")


def check_version(version: str) -> str:
    """`version` if ninjs has it, else a usage error listing those it has."""
    if version not in VERSIONS:
        raise UsageError(f"ninjs has no version {version!r}: give one of {', '.join(VERSIONS)}")
    return version


def version_of(document: Mapping[str, Any], context: Context) -> tuple[str, Issue | None]:
    """The version to check `document` against, and an issue when it declares one that
    ninjs does not have (it is then checked against the version its names are spelt in)."""
    if context.standard_version is not None:
        return check_version(context.standard_version), None
    declared = _declared(document)
    spelt = _spelt(document)
    if declared is None or declared in VERSIONS:
        return declared or spelt, None
    message = f"declares ninjs {declared}, which is no ninjs version; checked as {spelt}"
    return spelt, Issue(stage="standard", format="ninjs", path="", message=message)


def _declared(document: Mapping[str, Any]) -> str | None:
    """The version the document declares: ``2.0-dev`` and ``3.0.1`` are 2.0 and 3.0."""
    declared = None
    for key in ("standard", "$standard"):
        standard = document.get(key)
        if isinstance(standard, Mapping) and isinstance(standard.get("version"), str):
            declared = str(standard["version"])
            break
    schema = document.get("$schema")
    if declared is None and isinstance(schema, str):
        found = _DECLARED.search(schema)
        declared = found[1] if found else None
    release = _RELEASE.match(declared) if declared else None
    return release[1] if release and release[1] in VERSIONS else declared


_RELEASE = re.compile(r"^([0-9]+\.[0-9]+)(?:[.-][0-9A-Za-z.-]*)?$")


def _spelt(document: Mapping[str, Any]) -> str:
    """3.x's camelCase names mean 3.1; else 1.x's own names or patterns mean 1.6; else
    lower-case names 3.x lacks (``versioncreated``) mean 2.2; else the default."""
    keys = set(document)
    only = _only_in()
    if keys & only["3"]:
        return _LATEST["3"]
    if keys & only["1"] or any(_PATTERNS_1.match(key) for key in keys):
        return _LATEST["1"]
    if keys & only["2"]:
        return _LATEST["2"]
    return DEFAULT_VERSION


_PATTERNS_1 = re.compile(r"^(?:body|description|headline)_[a-zA-Z0-9_]+$")
"""The property patterns of ninjs 1.x (``body_text``, ``headline_main``)."""


@functools.cache
def _only_in() -> dict[str, frozenset[str]]:
    """The property names that tell a major version, read from the latest schemas: 3.x's
    and 1.x's own; for 2.x, those 3.x lacks (2.x shares its lower-case names with 1.x)."""
    names = {major: _properties(load_iptc(f"ninjs-schema_{v}")) for major, v in _LATEST.items()}
    return {
        "3": frozenset(names["3"] - names["2"] - names["1"]),
        "1": frozenset(names["1"] - names["2"] - names["3"]),
        "2": frozenset(names["2"] - names["3"]),
    }


def _properties(schema: Mapping[str, Any]) -> set[str]:
    """A ninjs schema's top-level property names (2.1 on keep them in ``$defs``)."""
    item = schema.get("$defs", {}).get("ninjsType", schema)
    return set(item.get("properties", {}))


def conform(document: Mapping[str, Any], context: Context) -> list[Issue]:
    """What IPTC's schema of the document's version finds, each message saying which."""
    version, declared = version_of(document, context)
    validator = context.validators.standard(f"ninjs-schema_{version}", "GeoJSON-schema")
    found = validator.issues(document, stage="standard", format="ninjs")
    issues = [attrs.evolve(i, message=f"{i.message} (ninjs {version})") for i in found]
    return [declared, *issues] if declared else issues
