"""The by-line a page prints under its headline, in words: ``By Jane Roe``, ``BY TMZ
STAFF`` after a time, ``Von Jana Roe | 08.01.2020``, ``Publicado por: Clara Borba -
Categoria: Saúde``, ``著者：後藤大地``.

Pages whose markup marks no by-line and whose metadata names no one still print one,
often on the line that holds the time, between separators. A label says it is a credit;
what follows up to the next separator must look like names (capitalised words, or a CJK
name), so that ``By clicking here`` or ``Von 8 bis 10 Uhr`` names no one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...times.printed import is_month_name
from .meta import looks_named, people_in

__all__ = ["printed_byline"]

_SEGMENTS = re.compile(r"(?<=\s)[|·•\-\u2013\u2014](?=\s)")
"""What a meta line's parts are printed between: a ``|``, ``·`` or dash with spaces
around it (looked at one character at a time: no run of spaces is read twice)."""
_LABELLED = re.compile(
    r"(?:^|\s)(?:by|von|par|por|door|publicado por|escrito por|autor|autorin|author)"
    r"\s*:?\s+(?P<names>\S.*)$|^(?:著者|筆者|文)\s*[:：]\s*(?P<cjk>\S.*)$",
    re.IGNORECASE,
)
_BEFORE_THE_LABEL = re.compile(r"\d|\b(?:written|posted|reported|story|text)\s*$", re.IGNORECASE)
"""What may come before a label inside a part: the time it shares a line with (``7:11 AM
PST BY TMZ STAFF``) or a verb of writing (``Written by``)."""
_PICTURE = re.compile(r"photo|foto|image|bild|illustrat|video|graphic|grafik", re.IGNORECASE)
"""A credit for a picture (``Photo by``, ``Foto von``) names no author."""
_DIGITS = re.compile(r"\d")
"""Where a by-line runs into the date printed after it (``Lucas Nolan22 Dec 2016``)."""
_LONGEST_LINE = 160
"""A by-line, with the time and section it shares a line with, is short; a longer line
is story."""


def _before_the_date(credit: str) -> str:
    """The credit up to the date printed after it: at its first digit, and without the
    month written before that digit (``GILLIAN MOHNEY March 16, 2016``)."""
    head, *dated = _DIGITS.split(credit, 1)
    words = head.split()
    if dated and words and is_month_name(words[-1].rstrip(".,")):
        words = words[:-1]
    return " ".join(words).strip(" ,;")


def printed_byline(lines: Iterable[str]) -> list[str]:
    """The names the first labelled by-line among `lines` (those just under the
    headline) gives; none if none does. (The site naming itself is the caller's to drop,
    as for every source of authors.)"""
    for line in lines:
        if len(line) > _LONGEST_LINE:
            continue
        for segment in _SEGMENTS.split(line):
            segment = segment.strip()
            match = _LABELLED.search(segment)
            if match is None:
                continue
            before = segment[: match.start()]
            if before.strip() and (not _BEFORE_THE_LABEL.search(before) or _PICTURE.search(before)):
                continue
            credit = _before_the_date(match["names"] or match["cjk"])
            names = people_in(credit, "") if credit else []
            if names and all(looks_named(name) for name in names):
                return names
    return []
