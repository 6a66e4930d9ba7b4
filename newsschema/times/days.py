"""A day written where a format needs an instant, only with the time of day the user gives.

The canonical article keeps a day as a day (`times.is_day`). Some formats cannot: ninjs's
times and NewsML-G2's ``firstCreated`` and ``versionCreated`` are ``date-time`` only. A
writer never makes up the missing hour (midnight would be a claim the source did not
make), so such a day is refused, naming the field, unless the user says which time of
day to write it at: ``--time-of-day 12:00+08:00``, or ``--time-of-day 12:00`` with
``--timezone``.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Any

import attrs

from ..errors import FieldError

__all__ = ["TimeOfDay", "check_time_of_day", "instant_of", "parse_time_of_day"]

_CLOCK = re.compile(
    r"(?P<hour>[01][0-9]|2[0-3]):(?P<minute>[0-5][0-9])(?::(?P<second>[0-5][0-9]))?"
    r"(?P<zone>[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])?"
)


@attrs.frozen
class TimeOfDay:
    """A wall-clock time, and the offset it is in when the user wrote one."""

    clock: time
    zone: tzinfo | None = None


def parse_time_of_day(text: str) -> TimeOfDay:
    """``HH:MM``, ``HH:MM:SS``, either followed by ``Z`` or ``±HH:MM``; ValueError else."""
    found = _CLOCK.fullmatch(text.strip())
    if found is None:
        raise ValueError(
            f"time_of_day {text!r} is not a time of day like 12:00, 12:00:00 or 12:00+08:00"
        )
    clock = time(int(found["hour"]), int(found["minute"]), int(found["second"] or 0))
    zone = found["zone"]
    if zone is None:
        return TimeOfDay(clock)
    if zone in ("Z", "z"):
        return TimeOfDay(clock, timezone.utc)
    sign = -1 if zone[0] == "-" else 1
    offset = sign * timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6]))
    return TimeOfDay(clock, timezone(offset))


def check_time_of_day(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """The writer options' validator: None, or text `parse_time_of_day` reads."""
    if value is None:
        return
    if not isinstance(value, str):
        raise TypeError(f"time_of_day must be text like 12:00+08:00, not {value!r}")
    parse_time_of_day(value)


def instant_of(
    value: datetime | date,
    *,
    field: str,
    needs: str,
    time_of_day: str | None,
    zone: tzinfo | None,
) -> datetime:
    """`value` itself when it is an instant; a day at the user's time of day, in the zone
    the time of day names or else `zone` (``--timezone``).

    `FieldError` naming `field` when `value` is a day and the user gave no time of day, or
    gave one without a zone and there is no `zone`: `needs` says what asks for a time
    (``ninjs's firstcreated``)."""
    if isinstance(value, datetime):
        return value
    if time_of_day is None:
        raise FieldError(
            field,
            f"is a day ({value.isoformat()}) and {needs} needs a time of day: pass "
            "--time-of-day (time_of_day=), like 12:00+08:00",
        )
    chosen = parse_time_of_day(time_of_day)
    in_zone = chosen.zone or zone
    if in_zone is None:
        raise FieldError(
            field,
            f"is a day ({value.isoformat()}) and --time-of-day {time_of_day} names no zone: "
            "write one (12:00+08:00) or pass --timezone",
        )
    return datetime.combine(value, chosen.clock, tzinfo=in_zone)
