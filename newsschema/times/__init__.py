"""RFC 3339 timestamps: the one textual form of a time in the canonical article.

Parsing is stricter than `datetime.fromisoformat` on purpose: the offset is mandatory,
and the accepted text is exactly what the canonical schema's ``date_time`` pattern
accepts, so the model and the schema never disagree about a time.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo

from ..errors import DataError
from ..schemas import load_schema
from .forms import Written, read_written

__all__ = [
    "ISO8601",
    "Written",
    "check_aware",
    "format_datetime",
    "parse_datetime",
    "parse_iso8601",
    "read_written",
]

_RFC3339 = re.compile(load_schema("article")["$defs"]["date_time"]["pattern"])


def parse_datetime(text: str) -> datetime:
    """An aware datetime from RFC 3339 text; ValueError if the text is not one."""
    if "\n" in text or not _RFC3339.match(text):
        raise DataError(
            f"{text!r} is not an RFC 3339 date-time with an offset, like 2022-04-22T14:36:26+08:00"
        )
    return parse_iso8601(text, None)  # the schema's form is one of ISO 8601's, with an offset


def check_aware(value: datetime) -> None:
    """ValueError unless `value` has an offset that RFC 3339 can write (whole minutes)."""
    offset = value.utcoffset()
    if offset is None:
        raise DataError("has no time zone; give an offset such as +08:00 or a --timezone")
    if offset.total_seconds() % 60 or abs(offset) >= timedelta(hours=24):
        raise DataError(f"has an offset of {offset}, which RFC 3339 cannot write")


def format_datetime(value: datetime) -> str:
    """RFC 3339 text for an aware datetime: seconds always, microseconds when set."""
    return value.isoformat(timespec="microseconds" if value.microsecond else "seconds")


ISO8601 = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2})?)(?P<fraction>[.,]\d+)?)?"
    r"\s*(?P<offset>Z|[+-]\d{2}(?::?\d{2})?)?$",
    re.IGNORECASE,
)
"""The ISO 8601 dialects publishers write: Z or an offset with or without a colon, or none;
milliseconds; a space for the T; a date alone."""


def parse_iso8601(text: str, zone: tzinfo | None, *, chinese: bool = False) -> datetime:
    """An aware datetime from any form `forms.read_written` reads; a time the text gives
    no zone for is read in `zone`.

    ValueError when the text is no time, or has no zone and no `zone` is given: a reader
    must never guess the time zone of a news article (`chinese` reads ``CST`` as China's).
    """
    written = read_written(text, chinese=chinese)
    if written.offset is None:
        if zone is None:
            raise DataError(f"{text!r} has no time zone; give one, or pass --timezone")
        return written.local.replace(tzinfo=zone)
    return written.local.replace(tzinfo=timezone(written.offset))
