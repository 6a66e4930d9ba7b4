"""The field mapping table (the docs' Field mapping page) is asked of the writers: every
canonical field has its row, and the places it finds are the formats' real ones."""

from __future__ import annotations

from newsschema.fieldmap import FORMATS, markdown, rows
from newsschema.schemas import load_schema


def test_every_canonical_field_has_a_row_and_a_place_in_some_format() -> None:
    table = rows()
    assert [row.field for row in table] == list(load_schema("article")["properties"])
    for row in table:
        assert set(row.places) == set(FORMATS)
        assert row.places["csv"], row.field  # CSV and Parquet carry every field
        assert row.places["parquet"], row.field


def test_the_places_found_are_the_formats_own() -> None:
    places = {row.field: row.places for row in rows()}
    assert places["headline"]["jsonld"] == ("headline",)
    assert "contentMeta/headline" in places["headline"]["newsml"]
    assert places["headline"]["ninjs"] == ("headlines",)
    assert places["publisher"]["csv"] == ("publisher_name", "publisher_type")
    assert places["date_modified"]["parquet"] == ("date_modified", "date_modified_offset_minutes")
    assert places["embargoed"]["ninjs"] == ("embargoedUntil",)
    # JSON-LD has no place for these (its page in docs/formats says why)
    assert [f for f, p in places.items() if not p["jsonld"]] == [
        "version",
        "urgency",
        "slugline",
        "embargoed",
        "editorial_note",
    ]


def test_the_markdown_table_has_a_row_per_field() -> None:
    lines = markdown().splitlines()
    assert len(lines) == 2 + len(load_schema("article")["properties"])
    assert lines[0].startswith("| canonical field | JSON-LD | NewsML-G2 |")
