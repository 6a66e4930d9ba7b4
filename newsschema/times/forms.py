"""The forms a time is written in, read into what the text says and nothing more.

Every reader reads times through `read_written`: RFC 3339 and the ISO 8601 dialects
publishers write (a space for the ``T``, milliseconds, an offset with or without its
colon, ``Z``), ISO 8601's basic form (``20180619T055000+0900``), ordinal days
(``2019-322``), RFC 2822 and HTTP dates (``Wed, 20 Nov 2019 08:02:00 GMT``), and any of
these followed by a zone abbreviation of `zones.ABBREVIATIONS` (``2021-01-03T17:40:00EET``),
and dates as pages print them in the languages newsschema reads pages in (`printed`:
``jueves, 9 enero 2020``, ``8 January 2020, 3:51 pm``, ``2019年06月15日 08:18``). A doubled
``Z`` (``…47ZZ``) is read as one, and says so.

What the text does not say stays unsaid: a time without a zone has no offset here, and a
day is a day. Deciding an offset from elsewhere is the caller's (`times.evidence`).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import attrs

from ..errors import DataError
from .printed import read_printed
from .zones import offset_named

__all__ = ["Written", "read_written", "written_or_none"]


@attrs.frozen
class Written:
    """What a time's text says."""

    local: datetime
    """The wall-clock date and time, naive (midnight for a day)."""
    offset: timedelta | None
    """The offset the text gives, by number or by a zone's abbreviation; None if none."""
    day_only: bool = False
    """Whether the text is a day with no time of day."""
    form: str = "RFC 3339"
    repair: str | None = None
    """What was mended to read it (a doubled ``Z``), for a warning."""

    @property
    def day(self) -> date:
        return self.local.date()


_EXTENDED = re.compile(
    r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})"
    r"(?:[Tt ](?P<time>[0-9]{2}:[0-9]{2}(?::[0-9]{2})?)(?P<fraction>[.,][0-9]{1,9})?)?"
)
_BASIC = re.compile(
    r"(?P<date>[0-9]{8})(?:[Tt](?P<time>[0-9]{4}(?:[0-9]{2})?)(?P<fraction>[.,][0-9]{1,9})?)?"
)
_ORDINAL = re.compile(r"(?P<year>[0-9]{4})-(?P<ordinal>[0-9]{3})")
_ZONE = re.compile(
    r" ?(?:(?P<numeric>[+-][0-9]{2}(?::?[0-9]{2})?)|(?P<z>[Zz])(?P<again>[Zz])?|"
    r"(?P<name>[A-Za-z]{2,5}))"
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_RFC2822 = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*, ?)?(?P<day>[0-9]{1,2}) (?P<month>[a-z]{3})[a-z]* "
    r"(?P<year>[0-9]{4}),? (?P<time>[0-9]{2}:[0-9]{2}(?::[0-9]{2})?)",
    re.IGNORECASE,
)


def read_written(text: str, *, chinese: bool = False) -> Written:
    """What `text` says of a time; `DataError` naming the forms read when it is none.

    `chinese` reads ``CST`` as China's (the document is Chinese)."""
    value = text.strip()
    for read in (_extended, _basic, _ordinal, _rfc2822, _printed):
        found = read(value, chinese)
        if found is not None:
            return found
    raise DataError(
        f"{text!r} is not a date and time newsschema reads: RFC 3339 or ISO 8601 "
        "(2022-04-22T14:36:26+08:00, 20220422T143626+0800), RFC 2822 (Fri, 22 Apr 2022 "
        "14:36:26 +0800), a day (2022-04-22) or a printed date (22 April 2022, 14:36)"
    )


def written_or_none(value: object) -> Written | None:
    """What `value` says of a time, or None when it is no text or says none."""
    if not isinstance(value, str):
        return None
    try:
        return read_written(value)
    except DataError:
        return None


def _extended(value: str, chinese: bool) -> Written | None:
    found = _EXTENDED.match(value)
    if found is None:
        return None
    local = _local(found["date"], found["time"], found["fraction"], value)
    return _zoned(local, value[found.end() :], found["time"] is None, "ISO 8601", chinese, value)


def _basic(value: str, chinese: bool) -> Written | None:
    found = _BASIC.match(value)
    if found is None:
        return None
    day = found["date"]
    clock = found["time"]
    text_date = f"{day[:4]}-{day[4:6]}-{day[6:]}"
    text_time = (
        None if clock is None else ":".join(clock[i : i + 2] for i in range(0, len(clock), 2))
    )
    local = _local(text_date, text_time, found["fraction"], value)
    rest = value[found.end() :]
    return _zoned(local, rest, clock is None, "ISO 8601 basic", chinese, value)


def _ordinal(value: str, chinese: bool) -> Written | None:
    found = _ORDINAL.fullmatch(value)
    if found is None:
        return None
    year, ordinal = int(found["year"]), int(found["ordinal"])
    if year < 1 or not 1 <= ordinal <= (366 if _leap(year) else 365):
        raise DataError(f"{value!r} is not a real day: {year} has no day {ordinal}")
    day = date(year, 1, 1) + timedelta(days=ordinal - 1)
    return Written(datetime(day.year, day.month, day.day), None, True, "ISO 8601 ordinal")


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _rfc2822(value: str, chinese: bool) -> Written | None:
    found = _RFC2822.match(value)
    month = _MONTHS.get(found["month"].lower()) if found else None
    if found is None or month is None:
        return None
    text_date = f"{found['year']}-{month:02d}-{int(found['day']):02d}"
    local = _local(text_date, found["time"], None, value)
    return _zoned(local, value[found.end() :], False, "RFC 2822", chinese, value)


def _printed(value: str, chinese: bool) -> Written | None:
    try:
        found = read_printed(value, chinese=chinese)
    except ValueError as error:
        raise DataError(f"{value!r}: {error}; give an offset, or pass --timezone") from None
    if found is None:
        return None
    return Written(found.local, found.offset, found.day_only, "printed date")


def _local(day: str, clock: str | None, fraction: str | None, value: str) -> datetime:
    """The naive time of ``YYYY-MM-DD``, ``HH:MM[:SS]`` and a fraction of a second."""
    seconds = clock if clock and len(clock) == 8 else f"{clock or '00:00'}:00"
    digits = (fraction or ".0")[1:7].ljust(6, "0")
    try:
        return datetime.fromisoformat(f"{day}T{seconds}.{digits}")
    except ValueError:
        raise DataError(f"{value!r} is not a real date and time") from None


def _zoned(
    local: datetime, rest: str, day_only: bool, form: str, chinese: bool, value: str
) -> Written | None:
    """The time with the zone `rest` names; None when `rest` is no zone at all."""
    if not rest:
        return Written(local, None, day_only, form)
    zone = _ZONE.fullmatch(rest)
    if zone is None or day_only:
        return None
    if zone["numeric"]:
        return Written(local, _numeric(zone["numeric"], value), False, form)
    if zone["z"]:
        repair = f"{value!r} ends in a doubled Z, read as one" if zone["again"] else None
        return Written(local, timedelta(0), False, form, repair)
    try:
        offset = offset_named(zone["name"], chinese=chinese)
    except ValueError as error:
        raise DataError(f"{value!r}: {error}; give an offset, or pass --timezone") from None
    return Written(local, offset, False, f"{form} with a zone abbreviation")


def _numeric(offset: str, value: str) -> timedelta:
    if offset[0] == "-" and not offset.strip("-:0"):
        raise DataError(
            f"{value!r} has the offset -00:00, which says the local offset is unknown "
            "(RFC 3339 §4.3): give the real offset, or Z for UTC"
        )
    digits = offset[1:].replace(":", "").ljust(4, "0")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 23 or minutes > 59:
        raise DataError(f"{value!r} has an offset of {offset}, which is no offset")
    sign = -1 if offset[0] == "-" else 1
    return sign * timedelta(hours=hours, minutes=minutes)
