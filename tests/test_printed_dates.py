"""Dates as pages print them: each language's forms, a small case of our own each; a
property that any day and time printed in a language reads back as itself; and the page
rules that use them (a time line under the headline, never a sentence about a date)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsschema
from newsschema.errors import DataError
from newsschema.times import read_time, read_written
from newsschema.times.printed import find_printed, read_printed

CASES = [
    ("jueves, 9 enero 2020", datetime(2020, 1, 9), None, True),
    ("8 January 2020, 3:51 pm", datetime(2020, 1, 8, 15, 51), None, False),
    ("January 8, 2020 at 3:51 p.m. EST", datetime(2020, 1, 8, 15, 51), -5, False),
    ("Jan. 8, 2020", datetime(2020, 1, 8), None, True),
    ("8th January 2020 14:00 GMT", datetime(2020, 1, 8, 14), 0, False),
    ("9. Januar 2020, 15:51 Uhr", datetime(2020, 1, 9, 15, 51), None, False),
    ("Donnerstag, 9. März 2020", datetime(2020, 3, 9), None, True),
    ("le 9 janvier 2020 à 15h51", datetime(2020, 1, 9, 15, 51), None, False),
    ("9 févr. 2020", datetime(2020, 2, 9), None, True),
    ("8 de enero de 2014 18:37", datetime(2014, 1, 8, 18, 37), None, False),
    ("jueves, 8 enero 2014 18:37 hs.", datetime(2014, 1, 8, 18, 37), None, False),
    ("quinta-feira, 9 de janeiro de 2020", datetime(2020, 1, 9), None, True),
    ("9. tammikuuta 2020 klo 15.51", datetime(2020, 1, 9, 15, 51), None, False),
    ("9.1.2020 klo 15.51", datetime(2020, 1, 9, 15, 51), None, False),
    ("2019年06月15日 08:18", datetime(2019, 6, 15, 8, 18), None, False),
    ("2019年6月15日 8时18分", datetime(2019, 6, 15, 8, 18), None, False),
    ("2019년 6월 15일", datetime(2019, 6, 15), None, True),
    ("8. Januar 2020 14:00 +01:00", datetime(2020, 1, 8, 14), 1, False),
]


@pytest.mark.parametrize(("text", "local", "hours", "day_only"), CASES)
def test_each_printed_form_reads_as_printed(
    text: str, local: datetime, hours: int | None, day_only: bool
) -> None:
    written = read_written(text)
    assert written.form == "printed date"
    assert (written.local, written.day_only) == (local, day_only)
    assert written.offset == (None if hours is None else timedelta(hours=hours))


@pytest.mark.parametrize(
    "text",
    [
        "the 8 January 2020 was cold",  # a sentence, not a date
        "13 pm, 8 January 2020",
        "01/09/2020",  # which is the month?
        "8 Fooary 2020",
        "8 January",  # no year
        "31 February 2020",
    ],
)
def test_what_is_no_printed_date_is_not_read(text: str) -> None:
    with pytest.raises(DataError):
        read_written(text)


def test_an_ambiguous_zone_after_a_printed_time_is_refused_saying_why() -> None:
    with pytest.raises(DataError, match="ambiguous"):
        read_written("8 January 2020 14:00 IST")


_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
    "dezembro",
}
_FORMS = {
    "en": "{d} {m} {y}, {H}:{M}",
    "de": "{d}. {m} {y}, {H}:{M} Uhr",
    "fr": "{d} {m} {y} à {H}h{M}",
    "es": "{d} de {m} de {y} {H}:{M}",
    "pt": "{d} de {m} de {y} às {H}:{M}",
}


@given(
    language=st.sampled_from(sorted(_FORMS)),
    when=st.datetimes(min_value=datetime(1000, 1, 1), max_value=datetime(9999, 12, 31)),
)
def test_any_time_printed_in_a_language_reads_back_as_itself(language: str, when: datetime) -> None:
    month = _MONTHS[language].split()[when.month - 1]
    text = _FORMS[language].format(
        d=when.day, m=month, y=when.year, H=f"{when.hour:02d}", M=f"{when.minute:02d}"
    )
    instant = read_time(text, timezone.utc)
    assert instant == when.replace(second=0, microsecond=0, tzinfo=timezone.utc), text


def test_a_date_is_found_in_a_by_line_but_not_in_a_sentence() -> None:
    found = find_printed("By Jane Doe, 8 January 2020, 3:51 pm")
    assert found is not None
    assert found.local == datetime(2020, 1, 8, 15, 51)
    assert find_printed("The Social Security Act was signed into law on August 14, 1935") is None


def test_a_printed_day_is_a_day() -> None:
    assert read_time("jueves, 9 enero 2020", None) == date(2020, 1, 9)
    assert read_printed("9 janvier 2020") is not None


def _page(lines_before: int) -> str:
    filler = "".join(f"<div>Mehr zum Thema, Teil {n}</div>" for n in range(lines_before))
    return (
        '<html lang="de"><head><meta charset="utf-8"><title>Regen in Berlin</title>'
        '<link rel="canonical" href="https://www.example.de/regen"></head><body>'
        f"<h1>Regen in Berlin</h1>{filler}<div>Von Anna Schmidt, 9. Januar 2020, 15:51 Uhr</div>"
        "<div class='article'><p>In Berlin hat es den ganzen Tag geregnet, und es regnet.</p>"
        "<p>Der Wetterdienst erwartet morgen wieder Sonne.</p></div></body></html>"
    )


def test_a_page_prints_its_time_in_words_under_the_headline() -> None:
    (article,) = newsschema.read(_page(0), "html")
    assert article.date_published == datetime(2020, 1, 9, 15, 51, tzinfo=ZoneInfo("Europe/Berlin"))


def test_a_date_in_words_far_below_the_headline_is_not_the_publication_time() -> None:
    """Only its day, which htmldate finds when the page states no time (with a warning)."""
    (article,) = newsschema.read(_page(30), "html")
    assert article.date_published == date(2020, 1, 9)
    (warning,) = newsschema.validate(_page(30), "html")
    assert "the page states no publication time" in warning.message
