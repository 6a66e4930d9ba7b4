"""A zone for times written without one, from evidence in the document, never from nowhere.

A reader that finds a time with no offset asks here, once per record, with what the
document says of itself. In this order:

1. the user's ``--timezone`` (then nothing is inferred, and nothing is said);
2. an offset the same document gives its other times (``datePublished`` with an offset
   beside a zoneless ``dateModified``), when they all give the same one;
3. the country of the site (its address's top-level domain) or of the agency (an STT or
   dpa item), when that country keeps one zone (`zones.COUNTRY_ZONES`);
4. the document's language, for Chinese (``zh``, ``zh-CN``, ``zh-TW``…): wherever Chinese
   news is written, China, Taiwan, Hong Kong, Macau or Singapore, the offset is +08:00.

Each inference is said, as a warning naming what was assumed and why. Without evidence
there is no zone, and the reader refuses the time, naming the field and ``--timezone``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta, timezone, tzinfo
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import attrs

from ..errors import DataError, Issue, Stage
from .forms import Written, read_written, written_or_none
from .zones import COUNTRY_ZONES

__all__ = ["PROVIDER_COUNTRIES", "Inferred", "infer_zone", "to_the_minute"]

PROVIDER_COUNTRIES = {
    "stt": "fi", "dpa": "de", "apa": "at", "ansa": "it", "anp": "nl", "belga": "be",
    "sda": "ch", "keystone-sda": "ch", "ntb": "no", "tt": "se", "ritzau": "dk",
    "pap": "pl", "ctk": "cz", "mti": "hu", "xinhua": "cn", "kyodo": "jp", "yonhap": "kr",
}  # fmt: skip
"""News agencies (a NewsML-G2 provider's name or code) → the country whose zone they write in."""

_CHINESE = re.compile(r"^zh(?:$|-)", re.IGNORECASE)
_CHINA_TIME = timezone(timedelta(hours=8), "+08:00")


@attrs.frozen
class Inferred:
    """A zone the document's evidence gives its zoneless times, and why."""

    zone: tzinfo
    why: str

    def warning(self) -> str:
        return f"times without a zone are read in {self.why}"

    def issue(self, format: str, *, stage: Stage = "input", line: int | None = None) -> Issue:
        """The warning a reader gives with the record it read in this zone."""
        message = self.warning()
        return Issue(
            stage=stage, format=format, path="", message=message, line=line, severity="warning"
        )


def infer_zone(
    times: Iterable[str | None],
    *,
    given: tzinfo | None,
    url: str | None = None,
    provider: str | None = None,
    language: str | None = None,
) -> Inferred | None:
    """The zone for the zoneless times among `times`, when one is needed and evidence
    gives it; None when the user gave one, no time needs one, or nothing says."""
    written = [w for w in _written(times) if not w.day_only]  # a day needs no zone
    if given is not None or not any(w.offset is None for w in written):
        return None
    offsets = {w.offset for w in written if w.offset is not None}
    if len(offsets) == 1:
        (offset,) = offsets
        why = f"{_offset(offset)}, the offset the document gives its other times"
        return Inferred(timezone(offset), why)
    country = _site_country(url)
    if country is not None and country in COUNTRY_ZONES:
        name = COUNTRY_ZONES[country]
        return Inferred(ZoneInfo(name), f"{name}, the one zone of the site's country (.{country})")
    agency = _provider_country(provider)
    if agency is not None and agency in COUNTRY_ZONES:
        name = COUNTRY_ZONES[agency]
        return Inferred(ZoneInfo(name), f"{name}, the zone of the agency {provider}")
    if language and _CHINESE.match(language.strip()):
        why = "+08:00, as the document is Chinese (China, Taiwan, Hong Kong, Macau, Singapore)"
        return Inferred(_CHINA_TIME, why)
    return None


def _written(times: Iterable[str | None]) -> Iterator[Written]:
    for text in times:
        if not text:
            continue
        try:
            yield read_written(text)
        except DataError:
            continue


def _offset(offset: timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _site_country(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return None
    return host.rsplit(".", 1)[-1].lower() if "." in host else None


def _provider_country(provider: str | None) -> str | None:
    if not provider:
        return None
    name = provider.strip().lower().rsplit(":", 1)[-1]
    return PROVIDER_COUNTRIES.get(name)


def to_the_minute(chosen: object, others: Iterable[object]) -> str | None:
    """A time of day for `chosen` when it is a day and another source of the same
    document gives a time on that same day (a page's metadata says ``2019-06-15``, the
    line under its headline ``2019年06月15日08:18``): the same fact, said more precisely.
    None when `chosen` is no day or nothing else says more."""
    day = _day_of(chosen)
    if day is None:
        return None
    for other in others:
        if isinstance(other, str) and other != chosen:
            try:
                written = read_written(other)
            except DataError:
                continue
            if not written.day_only and written.day == day:
                return other
    return None


def _day_of(value: object) -> date | None:
    written = written_or_none(value)
    return written.day if written is not None and written.day_only else None
