"""A day the calendar lacks is refused in the calendar's words, never Python's ("day is out of range for month")."""

import datetime as dt

import pytest

from exportrow.dates import DateResolutionError, resolve_date

PUB = dt.date(2025, 7, 15)


@pytest.mark.parametrize(("expression", "said"), [
    ("from February 30 to March 3", "February has no day 30"),  # no February has one: no year named
    ("February 30, 2024", "February has no day 30"),
    ("April 31, 2020", "April has no day 31"),
    ("February 29, 2023", "February 2023 has no day 29"),  # 2023 is no leap year: the year is what matters
    ("2024-02-30", "the calendar has no such day"),
])
def test_a_day_the_calendar_lacks_is_refused_in_plain_words(expression, said):
    with pytest.raises(DateResolutionError) as exc:
        resolve_date(expression, PUB, tense="future")
    assert said in str(exc.value)
    assert "out of range" not in str(exc.value)
