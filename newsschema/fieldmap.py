"""Where each canonical field goes in each written format, found by asking the writers.

A table written by hand drifts from the code; this one cannot. For every field of the
canonical schema, a small article is written twice by every writer — once without the
field (or with another value), once with it — and the places whose values differ are
where the writer puts the field: JSON paths, NewsML-G2 element paths, CSV columns,
Parquet columns. NewsML-G2 is asked for one item (``--single-item``), so that an image
is a link in it rather than a picture item of its own. The documentation's field mapping
page is this table.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import attrs
from lxml import etree

from .api import write
from .model import Agent, Article, Image, Place, Rights, Subject
from .schemas import load_schema
from .xmlparse import safe_parser

__all__ = ["FORMATS", "Row", "markdown", "rows"]

FORMATS = ("jsonld", "newsml", "ninjs", "csv", "parquet")
"""The written formats the table has a column for (canonical JSON is the field names)."""

_BEIJING = timezone(timedelta(hours=8))
_BASE = Article(
    id="urn:example:base",
    headline="Base headline",
    body=("Base paragraph.",),
    language="en",
    date_published=datetime(2022, 4, 22, 14, 36, 26, tzinfo=_BEIJING),
)
_SAMPLES: dict[str, Any] = {
    "id": "urn:example:other",
    "version": 2,
    "url": "https://example.org/story",
    "headline": "Other headline",
    "subheadline": "A subheadline",
    "summary": "A summary",
    "body": ("Other paragraph.",),
    "language": "zh-CN",
    "date_published": datetime(2021, 1, 2, 3, 4, 5, tzinfo=_BEIJING),
    "date_modified": datetime(2022, 4, 23, 9, 0, tzinfo=_BEIJING),
    "date_created": datetime(2022, 4, 21, 9, 0, tzinfo=_BEIJING),
    "authors": (Agent(name="An Author", role="reporter"),),
    "editors": (Agent(name="An Editor", role="editor"),),
    "publisher": Agent(name="A Publisher", type="Organization"),
    "source": Agent(name="A Source", type="Organization"),
    "section": "A section",
    "keywords": ("a keyword",),
    "subjects": (Subject(code="medtop:01000000", name="arts"),),
    "genre": "A genre",
    "dateline": "A dateline",
    "location": Place(name="A place", country="CN"),
    "images": (Image(url="https://example.org/a.jpg", caption="A caption"),),
    "rights": Rights(holder="A holder"),
    "free": True,
    "urgency": 3,
    "slugline": "a-slugline",
    "embargoed": datetime(2022, 4, 22, 20, 0, tzinfo=_BEIJING),
    "editorial_note": "An editorial note",
}


@attrs.frozen
class Row:
    """One canonical field, and where each format writes it (empty: nowhere)."""

    field: str
    places: dict[str, tuple[str, ...]]


def _json_places(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _json_places(inner, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for inner in value:
            yield from _json_places(inner, f"{path}[]")
    else:
        yield path, json.dumps(value, ensure_ascii=False)


def _json(text: str | bytes) -> set[tuple[str, str]]:
    return set(_json_places(json.loads(text)))


def _xml(text: str | bytes) -> set[tuple[str, str]]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    root = etree.fromstring(data, safe_parser())
    found: set[tuple[str, str]] = set()
    for element in root.iter(etree.Element):
        path = "/".join(etree.QName(e).localname for e in [*element.iterancestors()][::-1][1:])
        path = f"{path}/{etree.QName(element).localname}".lstrip("/")
        found.add((path, (element.text or "").strip()))
        for name, value in element.attrib.items():
            found.add((f"{path}/@{etree.QName(name).localname}", str(value)))
    return found


def _csv(text: str | bytes) -> set[tuple[str, str]]:
    decoded = text.decode("utf-8") if isinstance(text, bytes) else text
    (row,) = csv.DictReader(io.StringIO(decoded, newline=""))
    return {(column, value) for column, value in row.items() if value}


def _parquet(data: str | bytes) -> set[tuple[str, str]]:
    from .formats.parquet.columns import arrow

    assert isinstance(data, bytes)  # a binary format's
    table = (
        arrow("parquet").ParquetFile(io.BytesIO(data)).read()
    )  # not read_table: apache/arrow#33975
    (row,) = table.to_pylist()
    return {(column, repr(value)) for column, value in row.items() if value not in (None, [])}


_PLACES: dict[str, Callable[[str | bytes], set[tuple[str, str]]]] = {
    "jsonld": _json,
    "newsml": _xml,
    "ninjs": _json,
    "csv": _csv,
    "parquet": _parquet,
}


def _top(paths: set[str], format: str) -> tuple[str, ...]:
    """The places, each cut to what names it (a JSON object's property, an XML element
    under the item, a column), the shortest first and none inside another."""
    kept: list[str] = []
    for path in sorted(paths, key=lambda p: (p.count("/") + p.count("."), p)):
        if format in ("jsonld", "ninjs"):
            path = path.split(".")[0].removesuffix("[]")
        elif format == "newsml":
            path = "/".join(path.split("/")[:2])
        if not any(path == seen or path.startswith(f"{seen}/") for seen in kept):
            kept.append(path)
    return tuple(sorted(kept))


def _places(article: Article, format: str) -> set[tuple[str, str]]:
    """The places `format`'s writer fills for `article`, with their values."""
    options: dict[str, Any] = {"time_of_day": "12:00"} if format in ("newsml", "ninjs") else {}
    if format == "newsml":  # one item: images as links (by default, picture items)
        options["single_item"] = True
    return _PLACES[format](write(article, format, **options))  # type: ignore[call-overload]


def rows() -> list[Row]:
    """Every canonical field, in the canonical schema's order, with its places."""
    fields = list(load_schema("article")["properties"])
    base = {fmt: _places(_BASE, fmt) for fmt in FORMATS}  # each format's, written once

    def moved(field: str, fmt: str) -> tuple[str, ...]:
        after = _places(attrs.evolve(_BASE, **{field: _SAMPLES[field]}), fmt)
        return _top({path for path, _ in after - base[fmt]}, fmt)

    return [Row(f, {fmt: moved(f, fmt) for fmt in FORMATS}) for f in fields]


_TITLES = {"jsonld": "JSON-LD", "newsml": "NewsML-G2", "ninjs": "ninjs", "csv": "CSV column"}
_TITLES |= {"parquet": "Parquet column"}


def markdown() -> str:
    """The table as Markdown, a row per canonical field (— where a format has no place)."""
    head = ["canonical field", *(_TITLES[fmt] for fmt in FORMATS)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows():
        cells = [", ".join(f"`{place}`" for place in row.places[fmt]) or "—" for fmt in FORMATS]
        lines.append("| " + " | ".join([f"`{row.field}`", *cells]) + " |")
    return "\n".join(lines) + "\n"
