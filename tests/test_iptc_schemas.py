"""IPTC's schemas ship unchanged: byte for byte the reference copies, with the licences."""

from __future__ import annotations

import pytest

from newsschema.schemas import schema_dir

from .conftest import reference

SHIPPED = {
    "NewsML-G2_2.35-spec-All-Power.xsd": ("newsml-g2", "xsd", "NewsML-G2_2.35-spec-All-Power.xsd"),
    "xml.xsd": ("newsml-g2", "xsd", "xml.xsd"),
    "GeoJSON-schema.json": ("ninjs", "GeoJSON-schema.json"),
    "LICENSE-NewsML-G2.txt": ("newsml-g2", "LICENSE-IPTC.txt"),
    "LICENSE-ninjs.txt": ("ninjs", "LICENSE-IPTC.txt"),
    **{
        f"ninjs-schema_{v}.json": ("ninjs", f"ninjs-schema_{v}.json")
        for v in (
            "1.0",
            "1.1",
            "1.2",
            "1.3",
            "1.4",
            "1.5",
            "1.6",
            "2.0",
            "2.1",
            "2.2",
            "3.0",
            "3.1",
        )
    },
}


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_the_shipped_copy_is_iptcs_file_unchanged(name: str) -> None:
    shipped = (schema_dir() / "iptc" / name).read_bytes()
    assert shipped == reference(*SHIPPED[name]).read_bytes()


def test_nothing_else_is_shipped_as_iptcs() -> None:
    names = {p.name for p in (schema_dir() / "iptc").iterdir()}
    assert names == {*SHIPPED, "NOTICE.md"}
