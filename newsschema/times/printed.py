"""Dates as news pages print them, in the languages newsschema reads pages in.

English, German, French, Spanish, Portuguese and Finnish month names (full, abbreviated,
with or without accents; Finnish in its partitive ``tammikuuta``), Chinese, Japanese and
Korean ``年月日``, and day-first dotted dates (``9.1.2020``), each with an optional
weekday in front and an optional time after (``15:51``, ``3:51 pm``, ``15.51``,
``15h51``, ``8时18分``) and an optional zone (an offset, or an abbreviation of
`zones.ABBREVIATIONS`)::

    jueves, 9 enero 2020          8 January 2020, 3:51 pm        January 8, 2020 at 3:51 p.m. EST
    9. Januar 2020, 15:51 Uhr     le 9 janvier 2020 à 15h51     8 de enero de 2014 18:37
    9.1.2020 klo 15.51            2019年06月15日 08:18           quinta-feira, 9 de janeiro de 2020

Slashed dates (``01/09/2020``) are not read: nothing in them says which number is the
month. The reading is by tokens, not one pattern: `read_printed` accepts a text only when
every word in it is part of the date, a weekday or one of a few linking words, so a
sentence that happens to hold a date is not taken for one; `find_printed` looks for a
date inside a longer line (a by-line with its time).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import datetime, timedelta

import attrs

from .zones import offset_named

__all__ = ["Printed", "find_printed", "is_month_name", "read_printed"]

_TOKEN = re.compile(
    r"[0-9]+|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|[^\W\d_]+|[+-][0-9]{2}:?[0-9]{2}|\S"
)  # CJK one character at a time: 日 is a word of its own in 15日星期六


def _names(*groups: tuple[int, str]) -> dict[str, int]:
    return {name: month for month, names in groups for name in names.split()}


_MONTHS = _names(
    (1, "january jan januar janner jaen janvier janv enero ene janeiro"),
    (2, "february feb februar fevrier fevr fev febrero fevereiro"),
    (3, "march mar marz mrz mars marzo marco"),
    (4, "april apr avril avr abril abr"),
    (5, "may mai mayo maio"),
    (6, "june jun juni juin junio junho"),
    (7, "july jul juli juillet juil julio julho"),
    (8, "august aug aout agosto ago"),
    (9, "september sep sept septembre septiembre setiembre setembro set"),
    (10, "october oct oktober okt octobre octubre outubro out"),
    (11, "november nov novembre noviembre novembro"),
    (12, "december dec dezember dez decembre diciembre dic dezembro"),
)
_FINNISH_MONTHS = {
    stem: month
    for month, stem in enumerate(
        (
            "tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesakuu",
            "heinakuu", "elokuu", "syyskuu", "lokakuu", "marraskuu", "joulukuu",
        ),
        1,
    )
}  # fmt: skip
_WEEKDAYS = frozenset((
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "montag",
    "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
    "mo", "di", "mi", "do", "fr", "sa", "so", "lundi", "mardi", "mercredi", "jeudi",
    "vendredi", "samedi", "dimanche", "lunes", "martes", "miercoles", "jueves",
    "viernes", "sabado", "domingo", "segunda", "terca", "quarta", "quinta", "sexta",
    "feira", "maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai",
    "sunnuntai",
))  # fmt: skip
_LINKING = frozenset((
    "of", "the", "at", "on", "de", "del", "a", "as", "las", "los", "le", "la", "el",
    "um", "klo", "kello", "kl",
))  # fmt: skip  # between a date's parts and before its time
_CLOCK_WORDS = frozenset(("uhr", "h", "hs", "hrs", "horas", "hora", "heures"))  # after a time
_ORDINALS = frozenset(("st", "nd", "rd", "th", "er"))  # 1st, 2nd, 1er
_AM, _PM = frozenset(("am", "a")), frozenset(("pm", "p"))
_CJK_YEAR, _CJK_MONTH, _CJK_DAY = frozenset("年년"), frozenset("月월"), frozenset("日일")
_CJK_HOUR, _CJK_MINUTE = frozenset("时時시点點"), frozenset("分분")
_SKIPPED = frozenset(",-|()·•")


@attrs.frozen
class Printed:
    """A printed date, read: its naive local time, its offset if it names one, whether
    it is a day alone."""

    local: datetime
    offset: timedelta | None
    day_only: bool


def _fold(text: str) -> str:
    """Lower case without accents: ``März`` and ``marz`` are one word here. Only Latin
    letters are taken apart: a Hangul syllable (``년``) must stay one character."""
    lower = text.lower()
    if lower.isascii():
        return lower
    latin = "".join(unicodedata.normalize("NFKD", c) if c < "\u0250" else c for c in lower)
    return "".join(c for c in latin if not unicodedata.combining(c))


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(_fold(text))


def is_month_name(word: str) -> bool:
    """Whether `word` names a month in one of the languages dates are read in (``May``,
    ``März``, ``joulukuuta``)."""
    return _month(_fold(word)) is not None


def _month(word: str) -> int | None:
    found = _MONTHS.get(word)
    if found is None and word.startswith(tuple(_FINNISH_MONTHS)):
        stem = word.removesuffix("ta")
        found = _FINNISH_MONTHS.get(stem)
    return found


class _Reader:
    """One pass over the tokens from a position, consuming a date, a time and a zone."""

    def __init__(self, tokens: Sequence[str], start: int, chinese: bool) -> None:
        self.tokens, self.at, self.chinese = tokens, start, chinese

    def peek(self, ahead: int = 0) -> str:
        index = self.at + ahead
        return self.tokens[index] if index < len(self.tokens) else ""

    def skip(self, words: frozenset[str]) -> None:
        while self.peek() and (self.peek() in words or self.peek() in _SKIPPED):
            self.at += 1

    def number(self, digits: tuple[int, ...]) -> int | None:
        token = self.peek()
        if token.isdigit() and token.isascii() and len(token) in digits:
            self.at += 1
            return int(token)
        return None

    def take(self, options: frozenset[str] | str) -> bool:
        if self.peek() and self.peek() in options:
            self.at += 1
            return True
        return False

    def date(self) -> tuple[int, int, int] | None:
        """(year, month, day) in any of the printed orders, or None (position unchanged)."""
        start = self.at
        for read in (self._day_month_year, self._month_day_year, self._dotted, self._cjk):
            self.at = start
            found = read()
            if found is not None:
                return found
        self.at = start
        return None

    def _day_month_year(self) -> tuple[int, int, int] | None:
        day = self.number((1, 2))
        if day is None:
            return None
        self.take(_ORDINALS)
        self.take(".")
        self.skip(_LINKING)
        month = _month(self.peek())
        if month is None:
            return None
        self.at += 1
        self.take(".")
        self.skip(_LINKING)
        year = self.number((4,))
        return None if year is None else (year, month, day)

    def _month_day_year(self) -> tuple[int, int, int] | None:
        month = _month(self.peek())
        if month is None:
            return None
        self.at += 1
        self.take(".")
        day = self.number((1, 2))
        if day is None:
            return None
        self.take(_ORDINALS)
        self.skip(_LINKING)
        year = self.number((4,))
        return None if year is None else (year, month, day)

    def _dotted(self) -> tuple[int, int, int] | None:
        day = self.number((1, 2))
        if day is None or not self.take("."):
            return None
        month = self.number((1, 2))
        if month is None or not self.take("."):
            return None
        year = self.number((4,))
        return None if year is None else (year, month, day)

    def _cjk(self) -> tuple[int, int, int] | None:
        year = self.number((4,))
        if year is None or not self.take(_CJK_YEAR):
            return None
        month = self.number((1, 2))
        if month is None or not self.take(_CJK_MONTH):
            return None
        day = self.number((1, 2))
        if day is None or not self.take(_CJK_DAY):
            return None
        return year, month, day

    def time(self) -> tuple[int, int, int] | None:
        """(hour, minute, second) of a printed time, or None (position unchanged)."""
        start = self.at
        self.skip(_LINKING)
        hour = self.number((1, 2))
        separator = self.peek()
        if hour is None or not (separator in (":", ".", "h") or separator in _CJK_HOUR):
            self.at = start
            return None
        self.at += 1
        minute = self.number((2,)) if separator not in _CJK_HOUR else self.number((1, 2))
        if minute is None:
            self.at = start
            return None
        self.take(_CJK_MINUTE)
        second = 0
        if self.peek() in (":", ".") and self.peek(1).isdigit() and len(self.peek(1)) == 2:
            second = int(self.peek(1))
            self.at += 2
        return self._meridiem(hour), minute, second

    def _meridiem(self, hour: int) -> int:
        """The hour on a 24-hour clock, after an ``am``/``pm`` (``a.m.``, ``p.m.``) if any."""
        word = self.peek()
        if word in _AM | _PM and (word in ("am", "pm") or self.peek(1) == "."):
            self.at += 1
            if word in ("a", "p"):  # a.m. / p.m.
                self.take(".")
                self.take("m")
                self.take(".")
            if not 1 <= hour <= 12:
                return 99  # 13 pm is no time: datetime refuses it below
            return hour % 12 + (12 if word in _PM else 0)
        return hour

    def zone(self) -> timedelta | None:
        """The offset a trailing zone gives; None when there is none. ValueError when
        it names a zone that is not one offset."""
        self.skip(_CLOCK_WORDS)
        token = self.peek()
        if token[:1] in "+-" and len(token) >= 5 and token[1:3].isdigit():
            self.at += 1
            sign = -1 if token[0] == "-" else 1
            digits = token[1:].replace(":", "")
            return sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        if token.isascii() and token.isalpha() and 2 <= len(token) <= 5:
            try:
                offset = offset_named(token, chinese=self.chinese)
            except ValueError:
                if token.upper() in ("IST", "BST", "AST", "CST"):
                    raise
                return None
            self.at += 1
            return offset
        return None

    def rest_is_empty(self) -> bool:
        self.skip(_CLOCK_WORDS)
        while self.peek() in (".", ",", ")"):
            self.at += 1
        return self.at >= len(self.tokens)


def _read_at(tokens: Sequence[str], start: int, chinese: bool) -> tuple[Printed, int] | None:
    reader = _Reader(tokens, start, chinese)
    reader.skip(_WEEKDAYS | _LINKING)
    found = reader.date()
    if found is None:
        return None
    year, month, day = found
    clock = reader.time()
    offset = reader.zone() if clock is not None else None
    hour, minute, second = clock or (0, 0, 0)
    try:
        local = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    return Printed(local, offset, clock is None), reader.at


def read_printed(text: str, *, chinese: bool = False) -> Printed | None:
    """The printed date `text` is, whole; None when it is not one (a word in it that is
    no part of a date). ValueError when it names an ambiguous zone."""
    tokens = _tokens(text)
    read = _read_at(tokens, 0, chinese)
    if read is None:
        return None
    printed, end = read
    reader = _Reader(tokens, end, chinese)
    return printed if reader.rest_is_empty() else None


_MAX_TOKENS = 60
"""A longer line is no time line."""


def find_printed(line: str, *, chinese: bool = False, other_words: int = 6) -> Printed | None:
    """The first printed date inside `line` (``By Jane Doe, 8 January 2020, 3:51 pm``),
    when the line has at most `other_words` words besides it: a time line is a date with
    a few words around it, a sentence that mentions a date (``The act was signed into law
    on August 14, 1935``) is not one."""
    tokens = _tokens(line)
    if len(tokens) > _MAX_TOKENS:
        return None
    for start, token in enumerate(tokens):
        if token.isdigit() or _month(token) is not None:
            try:
                read = _read_at(tokens, start, chinese)
            except ValueError:
                continue
            if read is None:
                continue
            printed, end = read
            around = [t for t in (*tokens[:start], *tokens[end:]) if t.isalpha()]
            return printed if len(around) <= other_words else None
    return None
