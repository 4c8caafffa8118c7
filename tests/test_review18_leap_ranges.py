"""Review rev18, finding 4: "from February 29 to March 3" without a year finds the leap year a single "February 29"
finds, and the "outside the years 1678 to 2261" message is kept for dates really out of range.

In the future tense against 15 July 2025 the range was refused as "outside the calendar; the tables hold dates in
the years 1678 to 2261 only": the range looked only at the years 2023 to 2027 (no 29 February after July 2025),
_pick's min() of nothing raised ValueError, and _resolve turned every ValueError into the out-of-range message.
A single "February 29" resolved to 2028-02-29.

Calendar facts used: the leap years near 2025 are 2024 and 2028; 2100 is no leap year (a century not divisible by
400), so after 2096 the next 29 February is in 2104, eight years on. 29 February to 3 March is four days (29 Feb,
1, 2 and 3 March), so the exclusive end is 4 March.
"""

from __future__ import annotations

import pytest

from exportrow import dates
from exportrow.dates import DateOutOfRange, DateResolutionError, resolve_date

RANGE = "from February 29 to March 3"

LEAP = [
    # published, tense, the range's first day
    ("2025-07-15", "future", "2028-02-29"),  # the reviewer's case: was "outside the calendar"
    ("2025-07-15", "past", "2024-02-29"),
    ("2027-01-15", "past", "2024-02-29"),  # three years back: was "outside the calendar" too
    ("2027-01-15", "present", "2028-02-29"),
    ("2024-03-02", "past", "2024-02-29"),  # published inside the range: both tenses read it
    ("2024-03-02", "future", "2024-02-29"),
    ("2097-06-01", "future", "2104-02-29"),  # 2100 has no 29 February: eight years on
    ("2105-01-01", "past", "2104-02-29"),
]


@pytest.mark.parametrize("published, tense, first", LEAP)
def test_the_range_finds_the_leap_year_the_single_day_finds(published, tense, first):
    r = resolve_date(RANGE, published, tense=tense)
    year = first[:4]
    assert (str(r.start), str(r.end), r.timex, r.duration) == (first, f"{year}-03-04",
                                                               f"{first}/{year}-03-03", "P4D")
    if not first <= published <= f"{year}-03-03":  # the day alone is over by 2 March 2024; the range is not
        assert str(resolve_date("February 29", published, tense=tense).start) == first


def test_without_a_tense_both_leap_years_are_named():
    with pytest.raises(dates.TenseNeeded, match="past tense it is 2024-02-29/2024-03-03 .*present or future tense "
                                                "2028-02-29/2028-03-03"):
        resolve_date(RANGE, "2025-07-15")


def test_no_candidate_is_a_plain_refusal_not_a_date_out_of_range():
    ctx = dates._Ctx(dates.dt.date(2025, 7, 15), "future", None, None, "north")
    with pytest.raises(DateResolutionError) as caught:
        dates._pick([dates._day(dates.dt.date(2024, 2, 29), "")], ctx, "February 29", "February 29")
    assert not isinstance(caught.value, DateOutOfRange)
    assert "1678" not in str(caught.value)
    assert str(caught.value) == ("cannot resolve 'February 29': no February 29 that ends on or after the publication "
                                 "day is among the years looked at (2024)")


def test_only_a_year_beyond_the_calendar_gets_the_out_of_range_message(monkeypatch):
    def slip(e, ctx, x):
        raise ValueError("day is out of range for month")

    monkeypatch.setattr(dates, "_HANDLERS", (slip,))
    with pytest.raises(DateResolutionError) as caught:
        resolve_date("March 3", "2025-07-15", tense="past")
    assert not isinstance(caught.value, DateOutOfRange)
    assert str(caught.value) == "cannot resolve 'March 3': it names a day the calendar does not have"
    monkeypatch.undo()
    with pytest.raises(DateOutOfRange, match="falls outside the calendar; the tables hold dates in the years 1678"):
        resolve_date("999999999 years ago", "2021-03-03", tense="past")  # year -999997978: a real overflow
