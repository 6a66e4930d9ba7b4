"""The registry of formats: newsschema's own, and any an installed package adds.

A format is a `Format` record published under the entry-point group
``newsschema.formats``; newsschema's own are published there too (and are found without
it, from a plain checkout). Installing a package that declares, in its pyproject.toml::

    [project.entry-points."newsschema.formats"]
    markdown = "newsschema_markdown:FORMAT"

adds ``markdown`` to every command and function that takes a format name. The registry
is built on first use, so a plug-in may import `newsschema.formats.base` (and
`newsschema.model`) while it is being loaded.
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import ItemsView, Iterator, Mapping, ValuesView
from importlib.metadata import entry_points
from typing import Literal

from ..plugins import BUILT_IN, ENTRY_POINTS
from .base import Context, Format, Parsed

__all__ = [
    "FORMATS",
    "BinaryFormatName",
    "Context",
    "Format",
    "FormatName",
    "Parsed",
    "TextFormatName",
]

TextFormatName = Literal["article", "csv", "html", "jsonld", "newsml", "ninjs", "page"]
"""The name of a format of newsschema's own whose files are text."""
BinaryFormatName = Literal["parquet"]
"""The name of a format of newsschema's own whose files are bytes."""
FormatName = Literal[TextFormatName, BinaryFormatName]
"""The name of a format newsschema itself reads or writes, for type checkers. Functions
take any registered name; this names the ones that are always there."""


def _load(target: str) -> object:
    module, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module), attribute)


class _Registry(Mapping[str, Format]):
    """Every format by name, loaded when first asked for; read-only."""

    def __init__(self) -> None:
        self._formats: dict[str, Format] | None = None

    def _loaded(self) -> dict[str, Format]:
        if self._formats is None:
            self._formats = _discover()
        return self._formats

    def __getitem__(self, name: str) -> Format:
        return self._loaded()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._loaded())

    def __len__(self) -> int:
        return len(self._loaded())

    def values(self) -> ValuesView[Format]:
        return self._loaded().values()  # the dict's own view: no lookup per value

    def items(self) -> ItemsView[str, Format]:
        return self._loaded().items()


def _discover() -> dict[str, Format]:
    found: dict[str, Format] = {}
    for name, target in BUILT_IN.items():
        loaded = _load(target)
        assert isinstance(loaded, Format), target
        assert loaded.name == name, target
        found[name] = loaded
    for point in entry_points(group=ENTRY_POINTS):
        if point.name in found:
            continue  # newsschema's own, published for other tools to see
        try:
            loaded = point.load()
        except Exception as error:  # a broken plug-in must not break newsschema
            warnings.warn(
                f"format {point.name!r} ({point.value}) could not be loaded: {error}",
                stacklevel=2,
            )
            continue
        if not isinstance(loaded, Format) or loaded.name != point.name:
            warnings.warn(
                f"format {point.name!r} ({point.value}) is not a newsschema Format named so",
                stacklevel=2,
            )
            continue
        found[point.name] = loaded
    return found


FORMATS: Mapping[str, Format] = _Registry()
"""Every registered format by name: newsschema's own and installed plug-ins."""
