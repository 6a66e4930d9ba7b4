"""Zones a time's text may name, and the places whose one zone a time may be read in.

Only abbreviations that name one offset wherever news is written are read. ``IST``
(India, Ireland, Israel), ``BST`` (British Summer Time, Bangladesh) and ``AST`` (Atlantic,
Arabia) are not; ``CST`` is China's only where the document is Chinese, since RFC 2822
and American usage make it US Central. A time that names an abbreviation outside the
table is refused, never guessed.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

__all__ = ["ABBREVIATIONS", "CHINESE", "COUNTRY_ZONES", "offset_named"]


def _hours(hours: float) -> timedelta:
    return timedelta(minutes=round(hours * 60))


ABBREVIATIONS: Mapping[str, timedelta] = {
    name: _hours(hours)
    for name, hours in (
        ("UT", 0), ("UTC", 0), ("GMT", 0), ("Z", 0), ("WET", 0), ("WEST", 1),
        ("CET", 1), ("CEST", 2), ("MEZ", 1), ("MESZ", 2), ("EET", 2), ("EEST", 3),
        ("MSK", 3), ("JST", 9), ("KST", 9), ("HKT", 8), ("SGT", 8), ("PHT", 8),
        ("WIB", 7), ("ICT", 7), ("AWST", 8), ("ACST", 9.5), ("ACDT", 10.5),
        ("AEST", 10), ("AEDT", 11), ("NZST", 12), ("NZDT", 13), ("EST", -5), ("EDT", -4),
        ("CDT", -5), ("MST", -7), ("MDT", -6), ("PST", -8), ("PDT", -7), ("AKST", -9),
        ("AKDT", -8), ("HST", -10), ("BRT", -3), ("ART", -3),
    )
}  # fmt: skip
"""Abbreviation → UTC offset, each one offset wherever it is used."""

CHINESE = {"CST": _hours(8)}
"""Abbreviations read only in a Chinese document (China Standard Time)."""

AMBIGUOUS = {
    "CST": "China +08:00 or US Central -06:00",
    "IST": "India +05:30, Ireland +01:00 or Israel +02:00",
    "BST": "British Summer Time +01:00 or Bangladesh +06:00",
    "AST": "Atlantic -04:00 or Arabia +03:00",
}


def offset_named(abbreviation: str, *, chinese: bool = False) -> timedelta:
    """The offset an abbreviation names; ValueError saying why when it names none."""
    name = abbreviation.upper()
    if chinese and name in CHINESE:
        return CHINESE[name]
    if name in ABBREVIATIONS:
        return ABBREVIATIONS[name]
    if name in AMBIGUOUS:
        raise ValueError(f"the zone {abbreviation} is ambiguous ({AMBIGUOUS[name]})")
    raise ValueError(f"the zone {abbreviation} is not one newsschema knows")


COUNTRY_ZONES: Mapping[str, str] = {
    "at": "Europe/Vienna", "be": "Europe/Brussels", "ch": "Europe/Zurich",
    "cn": "Asia/Shanghai", "cz": "Europe/Prague", "de": "Europe/Berlin",
    "dk": "Europe/Copenhagen", "ee": "Europe/Tallinn", "fi": "Europe/Helsinki",
    "fr": "Europe/Paris", "gr": "Europe/Athens", "hk": "Asia/Hong_Kong",
    "hu": "Europe/Budapest", "ie": "Europe/Dublin", "il": "Asia/Jerusalem",
    "in": "Asia/Kolkata", "it": "Europe/Rome", "jp": "Asia/Tokyo", "kr": "Asia/Seoul",
    "lt": "Europe/Vilnius", "lv": "Europe/Riga", "nl": "Europe/Amsterdam",
    "no": "Europe/Oslo", "nz": "Pacific/Auckland", "ph": "Asia/Manila",
    "pl": "Europe/Warsaw", "ro": "Europe/Bucharest",
    "se": "Europe/Stockholm", "sg": "Asia/Singapore", "sk": "Europe/Bratislava",
    "tr": "Europe/Istanbul", "tw": "Asia/Taipei", "uk": "Europe/London",
}  # fmt: skip
"""Country code (a site's top-level domain) → its one IANA zone. Countries of several
zones (the US, Canada, Russia, Brazil, Australia, Mexico, Indonesia; Spain and Portugal
with their islands) are left out: a site there says nothing of its zone."""
