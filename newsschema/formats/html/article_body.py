"""A web page's JSON-LD ``articleBody`` in paragraphs.

Sites write ``articleBody`` as plain text, a paragraph per line (wired.com, t3n.de), or as
one run with no break at all (latimes.com: 7,393 characters in one). A line is a paragraph
here. A run is split where the page's shown paragraphs begin: each one found in it, in
order, marks a start. The text is the JSON-LD's, every character kept: only breaks are
added, and only where the page shows one.
"""

from __future__ import annotations

import itertools

from ..forgiving import PARAGRAPH_BREAK

__all__ = ["split_as_shown"]

_PREFIX = 40
"""Characters of a shown paragraph's start looked for in the run: enough to be found once,
few enough to survive a typographic difference later in the paragraph."""


def split_as_shown(article_body: str, shown: list[str]) -> str | None:
    """`article_body` with a blank line between its paragraphs: its lines, or the runs
    where each of the `shown` paragraphs begins; None when it is in paragraphs already,
    holds markup, or is one run in which fewer than two shown paragraphs begin."""
    if "<" in article_body or PARAGRAPH_BREAK.search(article_body):
        return None
    if "\n" in article_body:
        return "\n\n".join(line.strip() for line in article_body.splitlines() if line.strip())
    run = " ".join(article_body.split())
    starts: list[int] = []
    cursor = 0
    for paragraph in shown:
        found = run.find(paragraph[:_PREFIX], cursor)
        if found < 0:
            continue
        starts.append(found)
        cursor = found + min(len(paragraph), _PREFIX)
    breaks = sorted({start for start in starts if start > 0})
    if len(breaks) < 1 or len(starts) < 2:
        return None
    edges = [0, *breaks, len(run)]
    parts = (run[begin:end].strip() for begin, end in itertools.pairwise(edges))
    return "\n\n".join(part for part in parts if part)
