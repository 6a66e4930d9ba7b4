"""The page's publication day when no time with a zone can be had from it.

Two last resorts, after every time the page states (JSON-LD, meta tags, ``<time>``, a time
printed under the headline) has been tried. A time the page writes without a zone, on a
page nothing places in a zone, is kept as the day it names: that day is what the page
says, the instant is not. A page that states no time at all is given the day htmldate
(Apache-2.0) finds in its URL, its markup and its text: it knows far more ways pages write
a date than newsschema would keep rules for, and on the corpus it finds the day on 14 of
the pages whose time newsschema's readers miss (bench/README.md).
"""

from __future__ import annotations

import copy
from typing import Any

from lxml import html as lxml_html

from ...times.forms import written_or_none

__all__ = ["day_found", "day_of_zoneless"]


def day_of_zoneless(text: Any) -> str | None:
    """The day of a time written with a clock and without a zone, as ISO 8601; None for a
    time with a zone, a day, or what is no time."""
    written = written_or_none(text)
    if written is None or written.day_only or written.offset is not None:
        return None
    return written.local.date().isoformat()


def day_found(root: lxml_html.HtmlElement, url: str | None) -> str | None:
    """The publication day htmldate finds on the page (never after today); None if none."""
    from htmldate import find_date  # imported on the first page that needs it

    return find_date(
        copy.deepcopy(root),
        extensive_search=True,
        original_date=True,
        url=url,
    )
