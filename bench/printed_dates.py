"""Printed dates: newsschema's own reader (`times.printed`) against ``dateparser``.

Run: ``pip install dateparser && python bench/printed_dates.py``. The same printed dates,
in the languages the web-page corpus is in, are read by both; the table says how many
each reads to the right wall-clock time, and the CPU time per date (`timing.compare`:
alternating, many rounds, the ratio of the medians with its spread). dateparser is not a
dependency: this is the measurement that decided against it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import dateparser  # type: ignore[import-untyped]
from timing import compare

from newsschema.times import read_written

DATES = [
    ("jueves, 9 enero 2020", datetime(2020, 1, 9)),
    ("8 January 2020, 3:51 pm", datetime(2020, 1, 8, 15, 51)),
    ("January 8, 2020 at 3:51 p.m. EST", datetime(2020, 1, 8, 15, 51)),
    ("Jan. 8, 2020", datetime(2020, 1, 8)),
    ("9. Januar 2020, 15:51 Uhr", datetime(2020, 1, 9, 15, 51)),
    ("Donnerstag, 9. März 2020", datetime(2020, 3, 9)),
    ("le 9 janvier 2020 à 15h51", datetime(2020, 1, 9, 15, 51)),
    ("8 de enero de 2014 18:37", datetime(2014, 1, 8, 18, 37)),
    ("jueves, 8 enero 2014 18:37 hs.", datetime(2014, 1, 8, 18, 37)),
    ("quinta-feira, 9 de janeiro de 2020", datetime(2020, 1, 9)),
    ("9. tammikuuta 2020 klo 15.51", datetime(2020, 1, 9, 15, 51)),
    ("9.1.2020 klo 15.51", datetime(2020, 1, 9, 15, 51)),
    ("2019年06月15日 08:18", datetime(2019, 6, 15, 8, 18)),
    ("2019年6月15日 8时18分", datetime(2019, 6, 15, 8, 18)),
]
NOT_DATES = ["yesterday", "3 hours ago", "The act was signed into law on August 14, 1935"]


def _ours(text: str) -> datetime | None:
    try:
        return read_written(text).local
    except ValueError:
        return None


def _theirs(text: str) -> datetime | None:
    found: Any = dateparser.parse(text, settings={"RETURN_AS_TIMEZONE_AWARE": False})
    return found.replace(tzinfo=None) if found is not None else None


def main() -> None:
    right_ours = sum(_ours(text) == expected for text, expected in DATES)
    right_theirs = sum(_theirs(text) == expected for text, expected in DATES)
    taken_ours = sum(_ours(text) is not None for text in NOT_DATES)
    taken_theirs = sum(_theirs(text) is not None for text in NOT_DATES)
    texts = [text for text, _ in DATES]
    timed = compare(
        lambda: [_ours(t) for t in texts], lambda: [_theirs(t) for t in texts], rounds=15
    )
    per = len(texts)
    print(f"{len(DATES)} printed dates, {len(NOT_DATES)} texts that are no date")
    print("| reader | right | no-dates taken for a date | µs per date |")
    print("|---|---|---|---|")
    print(f"| newsschema | {right_ours} | {taken_ours} | {timed.ours / per * 1e6:,.0f} |")
    print(f"| dateparser | {right_theirs} | {taken_theirs} | {timed.baseline / per * 1e6:,.0f} |")
    print(f"newsschema / dateparser CPU time: {timed.ratio:.4f} ({timed.low:.4f}-{timed.high:.4f})")


if __name__ == "__main__":
    main()
