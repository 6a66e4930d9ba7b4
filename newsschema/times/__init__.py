"""Times in the canonical article: an instant (RFC 3339 ``date-time``, offset required) or
a day (RFC 3339 ``full-date``), and the readers' way to them.

A day is not an instant: ``2019-11-18`` says when, to the day, and nothing about the hour
or the zone, so it is kept as a `datetime.date` and written back as a day, never as
midnight somewhere. Parsing canonical text is stricter than `datetime.fromisoformat` on
purpose: the accepted text is exactly what the canonical schema's ``date_time`` and
``full_date`` patterns accept, so the model and the schema never disagree about a time.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import TypeGuard

from ..errors import DataError
from ..schemas import load_schema
from .forms import Written, read_written

__all__ = [
    "Moment",
    "Written",
    "check_aware",
    "format_time",
    "is_day",
    "parse_datetime",
    "parse_time",
    "read_time",
    "read_written",
    "repair_of",
]

Moment = datetime | date
"""A time as the canonical article holds it: an aware instant, or a day (a `date` that
is not a `datetime`). `datetime` is a subclass of `date`: tell them apart with `is_day`."""

_DEFS = load_schema("article")["$defs"]
_RFC3339 = re.compile(_DEFS["date_time"]["pattern"])
_FULL_DATE = re.compile(_DEFS["full_date"]["pattern"])


def is_day(value: object) -> TypeGuard[date]:
    """True for a day (a `date`), False for an instant (a `datetime`) and anything else."""
    return isinstance(value, date) and not isinstance(value, datetime)


_INSTANT = "an RFC 3339 date-time with an offset, like 2022-04-22T14:36:26+08:00"


def parse_datetime(text: str) -> datetime:
    """An aware datetime from RFC 3339 text; ValueError if the text is not one."""
    return _instant(text, _INSTANT)


def parse_time(text: str) -> Moment:
    """An instant or a day from canonical text (RFC 3339 ``date-time`` or ``full-date``);
    ValueError for anything else."""
    if len(text) == 10 and _FULL_DATE.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise DataError(f"{text!r} is not a real day") from None
    return _instant(text, f"{_INSTANT}, or a day, like 2022-04-22")


def _instant(text: str, expected: str) -> datetime:
    """The instant of canonical date-time text, checked once; `expected` says what the
    text should have been when it is not."""
    if "\n" in text or not _RFC3339.match(text):
        raise DataError(f"{text!r} is not {expected}")
    written = read_written(text)  # the schema's form is one of ISO 8601's, with an offset
    assert written.offset is not None
    return written.local.replace(tzinfo=timezone(written.offset))


def check_aware(value: datetime) -> None:
    """ValueError unless `value` has an offset that RFC 3339 can write (whole minutes)."""
    offset = value.utcoffset()
    if offset is None:
        raise DataError("has no time zone; give an offset such as +08:00 or a --timezone")
    if offset.total_seconds() % 60 or abs(offset) >= timedelta(hours=24):
        raise DataError(f"has an offset of {offset}, which RFC 3339 cannot write")


def format_time(value: Moment) -> str:
    """RFC 3339 text: an aware instant with seconds always and microseconds when set; a
    day as ``YYYY-MM-DD``."""
    if not isinstance(value, datetime):
        return value.isoformat()
    return value.isoformat(timespec="microseconds" if value.microsecond else "seconds")


def read_time(text: str, zone: tzinfo | None, *, chinese: bool = False) -> Moment:
    """An aware instant, or a day, from any form `forms.read_written` reads; a time the
    text gives no zone for is read in `zone`. A day stays a day: it needs no zone.

    ValueError when the text is no time, or has no zone and no `zone` is given: a reader
    must never guess the time zone of a news article (`chinese` reads ``CST`` as China's).
    """
    written = read_written(text, chinese=chinese)
    if written.day_only:
        return written.day
    if written.offset is None:
        if zone is None:
            raise DataError(f"{text!r} has no time zone; give one, or pass --timezone")
        return written.local.replace(tzinfo=zone)
    return written.local.replace(tzinfo=timezone(written.offset))


def repair_of(text: object) -> str | None:
    """What was mended to read `text` as a time (a doubled ``Z``), for a warning; None
    when nothing was, or it is no time at all."""
    if not isinstance(text, str):
        return None
    try:
        return read_written(text).repair
    except ValueError:
        return None
