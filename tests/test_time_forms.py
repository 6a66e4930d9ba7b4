"""Times as the world writes them: every form `read_written` reads, each a small case of
our own, and a property: every form of an instant reads back as that instant."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsschema.errors import DataError
from newsschema.times import read_time, read_written
from newsschema.times.zones import ABBREVIATIONS

CASES = [
    ("2022-04-22T14:36:26+08:00", datetime(2022, 4, 22, 6, 36, 26), "ISO 8601"),
    ("2022-04-22 14:36:26+0800", datetime(2022, 4, 22, 6, 36, 26), "ISO 8601"),
    ("20180619T055000+0900", datetime(2018, 6, 18, 20, 50), "ISO 8601 basic"),
    ("20180619T0550Z", datetime(2018, 6, 19, 5, 50), "ISO 8601 basic"),
    ("2021-01-03T17:40:00EET", datetime(2021, 1, 3, 15, 40), "with a zone abbreviation"),
    ("2021-01-03T17:40:00 AEDT", datetime(2021, 1, 3, 6, 40), "with a zone abbreviation"),
    ("Wed, 20 Nov 2019 08:02:00 GMT", datetime(2019, 11, 20, 8, 2), "RFC 2822"),
    ("20 Nov 2019 08:02 GMT", datetime(2019, 11, 20, 8, 2), "RFC 2822"),
    ("Tue, 21 Jan 2020 07:00:00 -0500", datetime(2020, 1, 21, 12, 0), "RFC 2822"),
    ("2020-01-10T00:59:47ZZ", datetime(2020, 1, 10, 0, 59, 47), "ISO 8601"),
]


@pytest.mark.parametrize(("text", "utc", "form"), CASES)
def test_each_form_reads_as_its_instant(text: str, utc: datetime, form: str) -> None:
    written = read_written(text)
    assert form in written.form
    instant = read_time(text, None)
    assert instant == utc.replace(tzinfo=timezone.utc)


def test_a_doubled_z_is_mended_and_says_so() -> None:
    assert read_written("2020-01-10T00:59:47ZZ").repair == (
        "'2020-01-10T00:59:47ZZ' ends in a doubled Z, read as one"
    )
    assert read_written("2020-01-10T00:59:47Z").repair is None


@pytest.mark.parametrize(
    ("text", "day"), [("2019-11-18", "2019-11-18"), ("2019-322", "2019-11-18")]
)
def test_a_day_is_read_as_a_day(text: str, day: str) -> None:
    written = read_written(text)
    assert written.day_only
    assert written.offset is None
    assert written.day.isoformat() == day


def test_cst_is_chinas_only_in_a_chinese_document() -> None:
    assert read_written("2019-06-15 08:18:00 CST", chinese=True).offset == timedelta(hours=8)
    with pytest.raises(DataError, match=r"CST is ambiguous \(China \+08:00 or US Central"):
        read_written("2019-06-15 08:18:00 CST")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2019-06-15 08:18:00 IST", "ambiguous"),
        ("2019-06-15 08:18:00 XYZ", "not one newsschema knows"),
        ("2019-02-29", "not a real date"),
        ("2019-366", "2019 has no day 366"),
        ("yesterday", "is not a date and time newsschema reads"),
        ("2019-06-15T08:18:00-00:00", "-00:00"),
        ("2019-06-15T08:18:00+25:00", "no offset"),
    ],
)
def test_what_is_no_time_is_refused_saying_why(text: str, words: str) -> None:
    with pytest.raises(DataError, match=words):
        read_written(text)


_OFFSETS = st.integers(-14 * 60, 14 * 60).map(lambda m: timedelta(minutes=m))
_NAMED = {offset: name for name, offset in ABBREVIATIONS.items()}


def _forms(instant: datetime) -> list[str]:
    """Every form newsschema reads that can write `instant` exactly."""
    offset = instant.utcoffset()
    assert offset is not None
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    numeric = f"{sign}{minutes // 60:02d}{minutes % 60:02d}"
    local = instant.replace(tzinfo=None)
    forms = [
        instant.isoformat(),
        local.isoformat(sep=" ") + numeric,
        local.strftime("%Y%m%dT%H%M%S") + numeric,
        local.strftime("%a, %d %b %Y %H:%M:%S ") + numeric,
    ]
    if offset in _NAMED:
        forms.append(local.isoformat() + _NAMED[offset])
    return forms


@given(
    local=st.datetimes(datetime(1900, 1, 1), datetime(9999, 12, 30)).map(
        lambda d: d.replace(microsecond=0)
    ),
    offset=_OFFSETS | st.sampled_from(sorted(set(ABBREVIATIONS.values()))),
)
def test_every_form_of_an_instant_reads_back_as_that_instant(
    local: datetime, offset: timedelta
) -> None:
    instant = local.replace(tzinfo=timezone(offset))
    for text in _forms(instant):
        assert read_time(text, None) == instant, text
