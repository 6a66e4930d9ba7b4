"""The desk's fields agencies send with a story: its slugline, its embargo and the note to
editors. Each format with a place for them keeps them; CSV has them as its last columns,
so a file written before they existed still reads."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone

import attrs
import pytest

import newsschema
from newsschema.formats.csv import COLUMNS
from newsschema.model import Article

from .conftest import FIXTURES, corpus

NAR = "http://iptc.org/std/nar/2006-10-01/"
EMBARGO = datetime(2022, 4, 22, 18, 0, tzinfo=timezone(timedelta(hours=8)))


def seed() -> Article:
    (article,) = newsschema.read(FIXTURES / "seed" / "hnr-2022-04-22-xinxiang.txt")
    return article


def _desk() -> Article:
    return attrs.evolve(
        seed(),
        slugline="XINXIANG-FLOOD",
        embargoed=EMBARGO,
        editorial_note="Not before 18:00.\nPictures follow.",
    )


@pytest.mark.parametrize("name", ["article", "newsml", "ninjs", "csv"])
def test_each_format_with_a_place_keeps_the_desks_fields(name: str) -> None:
    (back,) = newsschema.read(newsschema.write(_desk(), name), name)
    assert (back.slugline, back.embargoed, back.editorial_note) == (
        "XINXIANG-FLOOD",
        EMBARGO,
        "Not before 18:00.\nPictures follow.",
    )


def test_json_ld_has_no_place_for_them_and_leaves_them_out() -> None:
    text = newsschema.write(_desk(), "jsonld")
    assert "XINXIANG-FLOOD" not in text
    assert "Pictures follow" not in text


def test_newsml_writes_them_where_iptc_puts_them() -> None:
    text = newsschema.write(_desk(), "newsml")
    assert "<embargoed>2022-04-22T18:00:00+08:00</embargoed>" in text
    assert "<edNote>Not before 18:00.</edNote>" in text
    assert "<edNote>Pictures follow.</edNote>" in text  # one note per line
    assert "<slugline>XINXIANG-FLOOD</slugline>" in text


@pytest.mark.parametrize(
    ("version", "embargo", "note"),
    [("3", "embargoedUntil", "edNote"), ("2", "embargoed", "ednote")],
)
def test_ninjs_reads_the_names_of_each_version(version: str, embargo: str, note: str) -> None:
    item = {
        "uri": "urn:x:1",
        "type": "text",
        "headlines" if version == "3" else "headline": [{"value": "Rain"}]
        if version == "3"
        else "Rain",
        "firstCreated" if version == "3" else "versioncreated": "2020-01-08T15:51:00+01:00",
        embargo: "2020-01-09T06:00:00+01:00",
        note: "Hold for the morning.",
        "slugline": "RAIN",
    }
    (article,) = newsschema.read(json.dumps(item), "ninjs")
    assert article.embargoed == datetime(2020, 1, 9, 5, 0, tzinfo=timezone.utc)
    assert (article.editorial_note, article.slugline) == ("Hold for the morning.", "RAIN")


@pytest.mark.parametrize("name", ["ninjs", "newsml"])
def test_an_embargo_that_is_a_day_is_dropped_with_a_warning(name: str) -> None:
    text = newsschema.write(attrs.evolve(seed(), embargoed=EMBARGO), name)
    text = text.replace("2022-04-22T18:00:00+08:00", "2022-04-22")
    (outcome,) = newsschema.outcomes(text, name)
    assert outcome.article is not None
    assert outcome.article.embargoed is None
    assert any(
        "embargo" in issue.path and "dropped" in issue.message and issue.severity == "warning"
        for issue in outcome.issues
    ), outcome.issues


def test_csv_has_them_as_its_last_columns_and_reads_files_without_them() -> None:
    assert COLUMNS[-3:] == ("slugline", "embargoed", "editorial_note")
    rows = list(csv.reader(io.StringIO(newsschema.write(seed(), "csv"), newline="")))
    old = io.StringIO()
    csv.writer(old, lineterminator="\r\n").writerows(row[:-3] for row in rows)
    assert rows[0][-3:] == ["slugline", "embargoed", "editorial_note"]
    (article,) = newsschema.read(old.getvalue(), "csv")
    assert article == seed()


def test_apas_item_gives_its_embargo_notes_and_slugline() -> None:
    (article,) = newsschema.read(corpus("newsml") / "apa-NewsItem_Text_2.28.xml")
    assert article.embargoed == datetime(2012, 3, 15, 11, 0, tzinfo=timezone.utc)
    assert article.slugline == "Buntes/Freizeit/Bauten/Eröffnung/Unterhaltung/Wien/Kommunales"
    assert article.editorial_note is not None
    assert article.editorial_note.splitlines()[:2] == ["frei für Dienstagsausgaben", "Schluss"]
