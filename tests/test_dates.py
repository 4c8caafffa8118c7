"""Table-driven tests of the date resolver: every form, the tense rules, and the week and year boundaries.

Every expected value below was worked out by hand on a printed calendar. Calendar facts used:
  2019-07-12 Friday, ISO week 2019-W28 (Mon 07-08 .. Sun 07-14); 2019-07-14 Sunday (still W28);
  2019-07-15 Monday (W29); 2019-12-30 Monday, ISO week 2020-W01 (1 Jan 2020 is a Wednesday, so the
  week holding it starts Mon 30 Dec); 2020-01-02 Thursday (2020-W01); 2020-01-10 Friday;
  2021-01-01 Friday, ISO week 2020-W53 (2020 is a leap year that began on a Wednesday: 53 weeks,
  W53 = Mon 2020-12-28 .. Sun 2021-01-03); 2016 is the last leap year before 2019.
End dates are exclusive.
"""

import datetime as dt

import pytest

from exportrow.dates import (
    PRECISIONS,
    DateResolutionError,
    TenseNeeded,
    find_date_expressions,
    part_of_wider,
    period_fault,
    resolve_date,
    wider_expression,
)

PUB = "2019-07-12"  # a Friday, ISO week 2019-W28

# expression, published, tense -> start, end (exclusive), precision, timex, mod
CASES = [
    # --- weekdays: past = latest on or before publication; present/future = first on or after
    ("Wednesday", PUB, "past", "2019-07-10", "2019-07-11", "day", "2019-07-10", None),  # Fri 12 - 2
    ("on Wednesday", PUB, "past", "2019-07-10", "2019-07-11", "day", "2019-07-10", None),
    ("Friday", PUB, "past", "2019-07-12", "2019-07-13", "day", "2019-07-12", None),  # the day itself
    ("on Friday", PUB, "present", "2019-07-12", "2019-07-13", "day", "2019-07-12", None),  # Friday article
    ("Friday", PUB, "future", "2019-07-12", "2019-07-13", "day", "2019-07-12", None),
    ("Monday", PUB, "future", "2019-07-15", "2019-07-16", "day", "2019-07-15", None),  # not Mon 8, which is over
    ("Tuesday", PUB, "future", "2019-07-16", "2019-07-17", "day", "2019-07-16", None),  # "will meet Tuesday"
    ("Thursday", PUB, "present", "2019-07-18", "2019-07-19", "day", "2019-07-18", None),  # Thu 11 is over
    ("Monday", PUB, "past", "2019-07-08", "2019-07-09", "day", "2019-07-08", None),
    ("Saturday", PUB, "past", "2019-07-06", "2019-07-07", "day", "2019-07-06", None),  # Sat before Fri 12
    ("Saturday", PUB, "future", "2019-07-13", "2019-07-14", "day", "2019-07-13", None),
    ("last Friday", PUB, None, "2019-07-05", "2019-07-06", "day", "2019-07-05", None),  # strictly before
    ("next Friday", PUB, None, "2019-07-19", "2019-07-20", "day", "2019-07-19", None),  # a week later
    ("next Tuesday", PUB, None, "2019-07-16", "2019-07-17", "day", "2019-07-16", None),
    ("this Wednesday", PUB, "past", "2019-07-10", "2019-07-11", "day", "2019-07-10", None),
    ("this Sunday", PUB, "future", "2019-07-14", "2019-07-15", "day", "2019-07-14", None),
    ("Wednesday night", PUB, "past", "2019-07-10", "2019-07-11", "day", "2019-07-10TNI", None),
    ("Thursday morning", PUB, "future", "2019-07-18", "2019-07-19", "day", "2019-07-18TMO", None),
    ("late Wednesday", PUB, "past", "2019-07-10", "2019-07-11", "day", "2019-07-10", "END"),
    ("Wednesday, July 10", PUB, "past", "2019-07-10", "2019-07-11", "day", "2019-07-10", None),  # agrees
    # week boundary: a Sunday article (still W28) and a Monday article (W29)
    ("Monday", "2019-07-14", "past", "2019-07-08", "2019-07-09", "day", "2019-07-08", None),  # Sun 14 - 6
    ("Monday", "2019-07-14", "future", "2019-07-15", "2019-07-16", "day", "2019-07-15", None),  # Sun 14 + 1
    ("Sunday", "2019-07-14", "future", "2019-07-14", "2019-07-15", "day", "2019-07-14", None),
    ("last week", "2019-07-14", None, "2019-07-01", "2019-07-08", "week", "2019-W27", None),
    ("last week", "2019-07-15", None, "2019-07-08", "2019-07-15", "week", "2019-W28", None),
    ("Sunday", "2019-07-15", "past", "2019-07-14", "2019-07-15", "day", "2019-07-14", None),
    ("yesterday", "2019-07-15", None, "2019-07-14", "2019-07-15", "day", "2019-07-14", None),
    # year boundary: Monday 30 Dec 2019 is in ISO week 2020-W01
    ("this week", "2019-12-30", None, "2019-12-30", "2020-01-06", "week", "2020-W01", None),
    ("last week", "2019-12-30", None, "2019-12-23", "2019-12-30", "week", "2019-W52", None),
    ("Jan. 1", "2019-12-30", "future", "2020-01-01", "2020-01-02", "day", "2020-01-01", None),  # not 2019-01-01
    ("Jan. 1", "2019-12-30", "past", "2019-01-01", "2019-01-02", "day", "2019-01-01", None),
    ("Friday", "2019-12-30", "future", "2020-01-03", "2020-01-04", "day", "2020-01-03", None),  # Mon 30 + 4
    ("Friday", "2019-12-30", "past", "2019-12-27", "2019-12-28", "day", "2019-12-27", None),  # Mon 30 - 3
    ("next year", "2019-12-30", None, "2020-01-01", "2021-01-01", "year", "2020", None),
    ("next month", "2019-12-30", None, "2020-01-01", "2020-02-01", "month", "2020-01", None),
    ("Dec. 31", "2020-01-02", "past", "2019-12-31", "2020-01-01", "day", "2019-12-31", None),  # not 2020-12-31
    ("Dec. 31", "2020-01-02", "future", "2020-12-31", "2021-01-01", "day", "2020-12-31", None),
    ("December", "2020-01-02", "past", "2019-12-01", "2020-01-01", "month", "2019-12", None),
    ("last month", "2020-01-02", None, "2019-12-01", "2020-01-01", "month", "2019-12", None),
    ("last December", "2020-01-02", None, "2019-12-01", "2020-01-01", "month", "2019-12", None),
    ("Nov. 25", "2020-01-10", "past", "2019-11-25", "2019-11-26", "day", "2019-11-25", None),  # "rescued on"
    ("in November", "2020-01-10", "past", "2019-11-01", "2019-12-01", "month", "2019-11", None),
    ("the fourth quarter", "2020-01-10", "past", "2019-10-01", "2020-01-01", "quarter", "2019-Q4", None),
    ("last quarter", "2020-01-10", None, "2019-10-01", "2020-01-01", "quarter", "2019-Q4", None),
    ("this week", "2021-01-01", None, "2020-12-28", "2021-01-04", "week", "2020-W53", None),
    ("next week", "2021-01-01", None, "2021-01-04", "2021-01-11", "week", "2021-W01", None),
    ("last week", "2021-01-01", None, "2020-12-21", "2020-12-28", "week", "2020-W52", None),
    ("Thursday", "2021-01-01", "past", "2020-12-31", "2021-01-01", "day", "2020-12-31", None),  # Fri 1 - 1
    ("Monday", "2021-01-01", "future", "2021-01-04", "2021-01-05", "day", "2021-01-04", None),  # Fri 1 + 3
    # --- days and calendar units
    ("yesterday", PUB, None, "2019-07-11", "2019-07-12", "day", "2019-07-11", None),
    ("tomorrow", PUB, None, "2019-07-13", "2019-07-14", "day", "2019-07-13", None),
    ("last night", PUB, None, "2019-07-11", "2019-07-12", "day", "2019-07-11TNI", None),
    ("tonight", PUB, None, "2019-07-12", "2019-07-13", "day", "2019-07-12TNI", None),
    ("last week", PUB, None, "2019-07-01", "2019-07-08", "week", "2019-W27", None),
    ("this week", PUB, None, "2019-07-08", "2019-07-15", "week", "2019-W28", None),
    ("last month", PUB, None, "2019-06-01", "2019-07-01", "month", "2019-06", None),
    ("last year", PUB, None, "2018-01-01", "2019-01-01", "year", "2018", None),
    ("this quarter", PUB, None, "2019-07-01", "2019-10-01", "quarter", "2019-Q3", None),
    ("last quarter", PUB, None, "2019-04-01", "2019-07-01", "quarter", "2019-Q2", None),
    ("this decade", PUB, None, "2010-01-01", "2020-01-01", "decade", "201", None),
    ("last decade", PUB, None, "2000-01-01", "2010-01-01", "decade", "200", None),
    ("this century", PUB, None, "2000-01-01", "2101-01-01", "century", "20", None),  # 2000-2099 and 2001-2100
    # --- months and days without a year: the year follows the tense
    ("July 4", PUB, "past", "2019-07-04", "2019-07-05", "day", "2019-07-04", None),
    ("July 4", PUB, "future", "2020-07-04", "2020-07-05", "day", "2020-07-04", None),
    ("Aug. 28", PUB, "future", "2019-08-28", "2019-08-29", "day", "2019-08-28", None),
    ("Aug. 28", PUB, "past", "2018-08-28", "2018-08-29", "day", "2018-08-28", None),
    ("Sept. 3, 2018", PUB, None, "2018-09-03", "2018-09-04", "day", "2018-09-03", None),
    ("4 July 2019", PUB, None, "2019-07-04", "2019-07-05", "day", "2019-07-04", None),
    ("the 4th of July", PUB, "past", "2019-07-04", "2019-07-05", "day", "2019-07-04", None),
    ("Feb. 29", PUB, "past", "2016-02-29", "2016-03-01", "day", "2016-02-29", None),  # last leap day
    ("in August", PUB, "past", "2018-08-01", "2018-09-01", "month", "2018-08", None),
    ("August", PUB, "future", "2019-08-01", "2019-09-01", "month", "2019-08", None),
    ("June", PUB, "future", "2020-06-01", "2020-07-01", "month", "2020-06", None),  # June 2019 is over
    ("June", PUB, "past", "2019-06-01", "2019-07-01", "month", "2019-06", None),
    ("July", PUB, "past", "2019-07-01", "2019-08-01", "month", "2019-07", None),  # begun by publication
    ("July", PUB, "future", "2019-07-01", "2019-08-01", "month", "2019-07", None),  # not over
    ("December 2017", PUB, None, "2017-12-01", "2018-01-01", "month", "2017-12", None),
    ("this January", PUB, None, "2019-01-01", "2019-02-01", "month", "2019-01", None),
    ("this March", PUB, None, "2019-03-01", "2019-04-01", "month", "2019-03", None),
    ("last March", PUB, None, "2019-03-01", "2019-04-01", "month", "2019-03", None),
    ("last December", PUB, None, "2018-12-01", "2019-01-01", "month", "2018-12", None),
    ("next January", PUB, None, "2020-01-01", "2020-02-01", "month", "2020-01", None),
    ("in 2016", PUB, None, "2016-01-01", "2017-01-01", "year", "2016", None),
    ("2015", PUB, None, "2015-01-01", "2016-01-01", "year", "2015", None),
    ("2019-08-02", PUB, None, "2019-08-02", "2019-08-03", "day", "2019-08-02", None),
    ("2019-08", PUB, None, "2019-08-01", "2019-09-01", "month", "2019-08", None),
    # --- quarters and halves (calendar)
    ("the third quarter", PUB, "past", "2019-07-01", "2019-10-01", "quarter", "2019-Q3", None),  # begun 1 July
    ("third-quarter", PUB, "future", "2019-07-01", "2019-10-01", "quarter", "2019-Q3", None),
    ("the first quarter", PUB, "future", "2020-01-01", "2020-04-01", "quarter", "2020-Q1", None),
    ("the second quarter", PUB, "past", "2019-04-01", "2019-07-01", "quarter", "2019-Q2", None),
    ("the third quarter of 2018", PUB, None, "2018-07-01", "2018-10-01", "quarter", "2018-Q3", None),
    ("Q3 2018", PUB, None, "2018-07-01", "2018-10-01", "quarter", "2018-Q3", None),
    ("the last quarter of 2018", PUB, None, "2018-10-01", "2019-01-01", "quarter", "2018-Q4", None),
    ("the first half", PUB, "past", "2019-01-01", "2019-07-01", "half", "2019-H1", None),
    ("the first half", PUB, "future", "2020-01-01", "2020-07-01", "half", "2020-H1", None),
    ("the second half of the year", PUB, None, "2019-07-01", "2020-01-01", "half", "2019-H2", None),
    ("the April-June quarter", PUB, "past", "2019-04-01", "2019-07-01", "quarter", "2019-Q2", None),
    # --- seasons (northern hemisphere: meteorological start to latest astronomical end)
    ("last summer", PUB, None, "2018-06-01", "2018-09-24", "season", "2018-SU", None),  # 2019's is not over
    ("this summer", PUB, None, "2019-06-01", "2019-09-24", "season", "2019-SU", None),
    ("next summer", PUB, None, "2020-06-01", "2020-09-24", "season", "2020-SU", None),
    ("summer", PUB, "past", "2019-06-01", "2019-09-24", "season", "2019-SU", None),  # begun 1 June
    ("the winter of 2018-19", PUB, None, "2018-12-01", "2019-03-22", "season", "2018-WI", None),
    ("last winter", "2020-01-10", None, "2018-12-01", "2019-03-22", "season", "2018-WI", None),  # 2019-20 not over
    ("this winter", "2020-01-10", None, "2019-12-01", "2020-03-22", "season", "2019-WI", None),
    ("last autumn", "2019-10-15", None, "2018-09-01", "2018-12-23", "season", "2018-FA", None),  # 2019's runs on
    # --- decades and centuries
    ("the 1990s", PUB, None, "1990-01-01", "2000-01-01", "decade", "199", None),
    ("the '90s", PUB, "past", "1990-01-01", "2000-01-01", "decade", "199", None),
    ("the 20th century", PUB, None, "1900-01-01", "2001-01-01", "century", "19", None),  # 1900-99 and 1901-2000
    ("the 2000s", PUB, None, "2000-01-01", "2100-01-01", "century", "20", None),  # decade or century: both
    ("the early 1990s", PUB, None, "1990-01-01", "2000-01-01", "decade", "199", "START"),
    ("the late 20th century", PUB, None, "1900-01-01", "2001-01-01", "century", "19", "END"),
    # --- early / mid / late: the whole unit, with a mod
    ("early July", PUB, "past", "2019-07-01", "2019-08-01", "month", "2019-07", "START"),
    ("mid-July", PUB, "future", "2019-07-01", "2019-08-01", "month", "2019-07", "MID"),
    ("late July", PUB, "past", "2019-07-01", "2019-08-01", "month", "2019-07", "END"),
    ("mid-2018", PUB, None, "2018-01-01", "2019-01-01", "year", "2018", "MID"),
    ("early 2019", PUB, None, "2019-01-01", "2020-01-01", "year", "2019", "START"),
    ("late last year", PUB, None, "2018-01-01", "2019-01-01", "year", "2018", "END"),
    ("the end of the month", PUB, None, "2019-07-01", "2019-08-01", "month", "2019-07", "END"),
    ("the beginning of next month", PUB, None, "2019-08-01", "2019-09-01", "month", "2019-08", "START"),
    ("late last summer", PUB, None, "2018-06-01", "2018-09-24", "season", "2018-SU", "END"),
    # --- N ... ago (TIMEX3 granularity of the unit)
    ("two weeks ago", PUB, None, "2019-06-24", "2019-07-01", "week", "2019-W26", None),  # Fri 28 Jun is in W26
    ("two weeks ago", "2020-01-02", None, "2019-12-16", "2019-12-23", "week", "2019-W51", None),  # Thu 19 Dec
    ("three days ago", PUB, None, "2019-07-09", "2019-07-10", "day", "2019-07-09", None),
    ("two months ago", PUB, None, "2019-05-01", "2019-06-01", "month", "2019-05", None),
    ("a year ago", PUB, None, "2018-01-01", "2019-01-01", "year", "2018", None),
    ("a decade ago", PUB, None, "2009-01-01", "2010-01-01", "year", "2009", "APPROX"),
    # --- spans
    ("since 2015", PUB, None, "2015-01-01", "2019-07-13", "year", "2015/2019-07-12", "ON_OR_AFTER"),
    ("since March 2018", PUB, None, "2018-03-01", "2019-07-13", "month", "2018-03/2019-07-12", "ON_OR_AFTER"),
    ("by Aug. 28", PUB, "future", "2019-07-12", "2019-08-29", "day", "2019-07-12/2019-08-28", "ON_OR_BEFORE"),
    ("until the end of the month", PUB, None, "2019-07-12", "2019-08-01", "month", "2019-07-12/2019-07",
     "ON_OR_BEFORE"),
    ("by the end of 2019", PUB, None, "2019-07-12", "2020-01-01", "year", "2019-07-12/2019", "ON_OR_BEFORE"),
    ("before Aug. 28", PUB, "future", "2019-07-12", "2019-08-28", "day", "2019-07-12/2019-08-28", "BEFORE"),
    ("after 2015", PUB, "past", "2016-01-01", "2019-07-13", "year", "2015/2019-07-12", "AFTER"),
    ("the four years ending this March", PUB, None, "2015-04-01", "2019-04-01", "month", "2015-04/2019-03", None),
    ("the year ending March 31, 2020", PUB, None, "2019-04-01", "2020-04-01", "day", "2019-04-01/2020-03-31", None),
    ("over the past four years", PUB, None, "2015-07-13", "2019-07-13", "year", "2015-07-13/2019-07-12", None),
    ("in the past two years", PUB, None, "2017-07-13", "2019-07-13", "year", "2017-07-13/2019-07-12", None),
    ("the last week", PUB, None, "2019-07-06", "2019-07-13", "week", "2019-07-06/2019-07-12", None),  # 7 days
    ("the past week", "2020-01-02", None, "2019-12-27", "2020-01-03", "week", "2019-12-27/2020-01-02", None),
    ("the next two weeks", PUB, None, "2019-07-12", "2019-07-26", "week", "2019-07-12/2019-07-25", None),
    ("from 2015 to this March", PUB, None, "2015-01-01", "2019-04-01", "year", "2015/2019-03", None),
    ("from March 2018 to last month", PUB, None, "2018-03-01", "2019-07-01", "month", "2018-03/2019-06", None),
    ("between 2015 and 2018", PUB, None, "2015-01-01", "2019-01-01", "year", "2015/2018", None),
    ("2015-18", PUB, None, "2015-01-01", "2019-01-01", "year", "2015/2018", None),
    ("earlier this year", PUB, None, "2019-01-01", "2019-07-13", "year", "2019-01-01/2019-07-12", None),
    ("later this month", PUB, None, "2019-07-12", "2019-08-01", "month", "2019-07-12/2019-07-31", None),
]


@pytest.mark.parametrize("expr, published, tense, start, end, precision, timex, mod", CASES)
def test_resolve(expr, published, tense, start, end, precision, timex, mod):
    r = resolve_date(expr, published, tense=tense)
    assert (str(r.start), str(r.end), r.precision, r.timex, r.mod) == (start, end, precision, timex, mod)
    assert r.rule and r.precision in PRECISIONS


def test_the_table_covers_enough_cases():
    assert len(CASES) >= 80


# span -> its ISO 8601 length, checked by counting on the calendar
DURATIONS = [
    ("since 2015", None, "P4Y6M12D"),  # 1 Jan 2015 -> 1 Jul 2019 is 4y6m, then 12 days to the end of 12 July
    ("by Aug. 28", "future", "P1M17D"),  # 12 Jul -> 12 Aug, then 17 days to the end of 28 Aug
    ("until the end of the month", None, "P20D"),  # 12..31 July
    ("the four years ending this March", None, "P4Y"),
    ("over the past four years", None, "P4Y"),
    ("in the past two years", None, "P2Y"),
    ("the last week", None, "P1W"),
    ("from 2015 to this March", None, "P4Y3M"),
    ("earlier this year", None, "P6M12D"),
]


@pytest.mark.parametrize("expr, tense, duration", DURATIONS)
def test_span_durations(expr, tense, duration):
    r = resolve_date(expr, PUB, tense=tense)
    assert r.duration == duration and r.is_span


def test_single_units_have_no_duration():
    assert resolve_date("last week", PUB).duration is None
    assert resolve_date("late July", PUB, tense="past").duration is None


FISCAL = [
    # Japan: fiscal 2019 runs April 2019 to March 2020 (named by its start year)
    ("fiscal 2019", None, 4, "start", "2019-04-01", "2020-04-01", "year", "FY2019"),
    # U.S. federal: FY2019 runs October 2018 to September 2019 (named by its end year)
    ("FY2019", None, 10, "end", "2018-10-01", "2019-10-01", "year", "FY2019"),
    ("the third quarter of fiscal 2019", None, 10, "end", "2019-04-01", "2019-07-01", "quarter", "FY2019-Q3"),
    # April start: fiscal Q3 is October-December; the latest begun by 12 July 2019 is in fiscal 2018
    ("the fiscal third quarter", "past", 4, "start", "2018-10-01", "2019-01-01", "quarter", "FY2018-Q3"),
    ("the fiscal year", "present", 4, "start", "2019-04-01", "2020-04-01", "year", "FY2019"),
    ("fiscal Q1", "future", 4, "start", "2020-04-01", "2020-07-01", "quarter", "FY2020-Q1"),  # FY2019-Q1 is over
]


@pytest.mark.parametrize("expr, tense, first, named_by, start, end, precision, timex", FISCAL)
def test_fiscal_forms(expr, tense, first, named_by, start, end, precision, timex):
    r = resolve_date(expr, PUB, tense=tense, fiscal_year_start=first, fiscal_year_named_by=named_by)
    assert (str(r.start), str(r.end), r.precision, r.timex) == (start, end, precision, timex)


def test_fiscal_forms_need_the_fiscal_year():
    with pytest.raises(DateResolutionError, match="fiscal_year_start"):
        resolve_date("fiscal 2019", PUB)
    with pytest.raises(DateResolutionError, match="fiscal_year_named_by"):
        resolve_date("fiscal 2019", PUB, fiscal_year_named_by="sometimes")


def test_southern_hemisphere_and_stated_assumption():
    r = resolve_date("last summer", PUB)
    assert "northern hemisphere assumed" in r.rule
    # southern summer 2018 = December 2018 to the March equinox; the latest over by 12 July 2019
    s = resolve_date("last summer", PUB, hemisphere="south")
    assert (str(s.start), str(s.end), s.timex) == ("2018-12-01", "2019-03-22", "2018-SU")


def test_month_is_never_given_a_made_up_day():
    r = resolve_date("December 2017", PUB)
    assert r.precision == "month" and r.start == dt.date(2017, 12, 1) and r.end == dt.date(2018, 1, 1)


def test_rules_name_the_tense_reading():
    assert "first Friday on or after" in resolve_date("on Friday", PUB, tense="present").rule
    assert "most recent Wednesday on or before" in resolve_date("Wednesday", PUB, tense="past").rule
    assert "past tense: the latest" in resolve_date("Nov. 25", "2020-01-10", tense="past").rule


@pytest.mark.parametrize("expr", ["Wednesday", "this Friday", "July 4", "in August", "the third quarter", "summer",
                                  "the '90s", "after 2015", "early July"])
def test_tense_needed_names_both_readings(expr):
    with pytest.raises(TenseNeeded) as info:
        resolve_date(expr, PUB)
    assert "tense" in str(info.value)


def test_tense_needed_message_gives_the_two_dates():
    with pytest.raises(TenseNeeded, match="past tense it is 2019-07-04.*future tense 2020-07-04"):
        resolve_date("July 4", PUB)


@pytest.mark.parametrize("expr, tense, why", [
    ("22", None, "supported forms"),  # a count is never a year
    ("156", None, "supported forms"),
    ("the other day", None, "no honest calendar value"),
    ("now", None, "no honest calendar value"),
    ("recently", None, "no honest calendar value"),
    ("the day", None, "no honest calendar value"),
    ("in recent years", None, "no honest calendar value"),
    ("a few years ago", None, "no honest calendar value"),
    ("the past few years", None, "no honest calendar value"),
    ("a year earlier", None, "another date"),
    ("the following week", None, "another date"),
    ("the next day", None, "another date"),
    ("that day", None, "another date"),
    ("the year before", None, "another date"),
    ("Febtember 3", None, "supported forms"),
    ("February 30", None, "February has no day 30"),
    ("February 30, 2019", None, "February has no day 30"),
    ("from this March to 2015", None, "ends before it starts"),
    ("Wednesday", "sometime", "tense must be"),
    ("Wednesday, July 11", "past", "is a Thursday"),
    ("by 2018", "past", "looks back"),  # no start: refused, not narrowed to 2018
    ("until March", "past", "looks back"),
    ("after 2015", "future", "no end"),
    ("the last quarter", None, "can mean"),
    ("winter 2019", None, "spans two calendar years"),
    ("the winter of 2018-20", None, "not consecutive"),
    ("late since 2015", None, "not to the span"),
])
def test_unresolvable_raises_clearly(expr, tense, why):
    with pytest.raises(DateResolutionError, match=why):
        resolve_date(expr, PUB, tense=tense)


def test_a_count_is_never_a_year():
    found = [t for _, _, t in find_date_expressions("Fourteen cases were caught in 2015 and 22 in 2016.")]
    assert found == ["2015", "2016"]
    assert resolve_date(found[1], PUB).timex == "2016"
    assert find_date_expressions("They seized 2000 tonnes and $2015, 1,500 people and 2019 percent.") == []


FINDS = [
    ("There were 156 cases from 2015 to this March, 22 in 2016.", ["from 2015 to this March", "2016"]),
    ("156 cases during the four years ending this March", ["the four years ending this March"]),
    ("It has doubled since 2015 and must end by Aug. 28.", ["since 2015", "by Aug. 28"]),
    ("Over the past four years and in the past two years prices rose, until the end of the month.",
     ["the past four years", "the past two years", "until the end of the month"]),
    ("In early July, mid-2018 and late last year; two weeks ago. In August profits may fall. June was hot.",
     ["early July", "mid-2018", "late last year", "two weeks ago", "August", "June"]),
    ("Third-quarter profit rose; the first half of 2019; the third quarter of fiscal 2019; Q3 2018.",
     ["Third-quarter", "the first half of 2019", "the third quarter of fiscal 2019", "Q3 2018"]),
    ("Sales in the April-June quarter; FY2019 Q3.", ["the April-June quarter", "FY2019 Q3"]),
    ("Last summer, the winter of 2018-19 and in the spring; prices fall; the fall of Saigon.",
     ["Last summer", "the winter of 2018-19", "the spring"]),
    ("They met Wednesday night and last night, in the last week.", ["Wednesday night", "last night", "the last week"]),
    ("In the 1990s, the '90s, the 20th century and the 2000s.", ["the 1990s", "the '90s", "the 20th century",
                                                                   "the 2000s"]),
    ("She is in her 90s. He spoke Wednesday, July 10, 2019.", ["Wednesday, July 10, 2019"]),
    ("On 4 July 2019; earlier this year; later this month; a decade ago.",
     ["4 July 2019", "earlier this year", "later this month", "a decade ago"]),
    ("The 12 months ended June 30 and the year ending March 31, 2020, and 2015-18.",
     ["The 12 months ended June 30", "the year ending March 31, 2020", "2015-18"]),
    ("A year earlier, recently and now: nothing to date.", []),
    ("Officials meet in Tokyo on Friday; the ban lasts through March.", ["Friday", "through March"]),
    ("May officials meet? In May, sales fell; May 3.", ["May", "May 3"]),  # the verb "May" is no month
    ("Sales in 2019 of 2019 units; the late 1990s; the mid-1990s; 2019's budget.",
     ["2019", "the late 1990s", "the mid-1990s", "2019"]),
    ("Tuesday's meeting moved to mid-March, by the end of last year, early next year.",
     ["Tuesday", "mid-March", "by the end of last year", "early next year"]),
]


@pytest.mark.parametrize("text, expected", FINDS)
def test_find_date_expressions(text, expected):
    assert [t for _, _, t in find_date_expressions(text)] == expected


@pytest.mark.parametrize("text", [t for t, _ in FINDS])
def test_everything_found_resolves(text):
    """Each expression the finder proposes is a form the resolver reads: it resolves in the past or the future
    tense (fiscal ones given the year), or is refused only because a 'by/until' span looks back (no start)."""
    for _, _, words in find_date_expressions(text):
        readings, reasons = [], []
        for tense in ("past", "future"):
            try:
                readings.append(resolve_date(words, PUB, tense=tense, fiscal_year_start=4,
                                             fiscal_year_named_by="start"))
            except DateResolutionError as exc:
                reasons.append(str(exc))
        assert all(r.start < r.end for r in readings), words
        assert readings or all("looks back" in r for r in reasons), (words, reasons)


def test_find_date_expressions_in_seed(article):
    found = {t for p in article.paragraphs for _, _, t in find_date_expressions(p.text)}
    assert {"last week", "from 2015 to this March", "2017", "December 2017", "this January",
            "Wednesday", "July 4", "Friday"} <= found
    assert "12" not in found and "22" not in found


def test_wider_expression_catches_the_this_march_trap():
    s = "There were 156 cases during the four years ending this March, the ministry said."
    a = s.index("this March")
    assert wider_expression(s, a, a + 10, PUB, "past") == (28, 60, "the four years ending this March")
    assert wider_expression(s, 28, 60, PUB, "past") is None
    b = s.index("156")
    assert wider_expression(s, b, b + 3, PUB, "past") is None  # not inside any date


def test_part_of_wider_in_the_seed(article):
    problem = part_of_wider(article, article.find("this March")[0], "past")
    assert problem and "from 2015 to this March" in problem[0] and "`period: from 2015 to this March`" in problem[1]
    assert part_of_wider(article, article.find("December 2017")[0], "past") is None


def test_period_fault():
    assert period_fault(None, "period") == "has no period"
    assert period_fault(resolve_date("2016", PUB), "whole months") is None
    assert "not a run of whole months" in period_fault(resolve_date("since 2015", PUB), "whole months")
    assert period_fault(resolve_date("since 2015", PUB), "period") is None


def _problems(path, article):
    from exportrow.annotations import AnnotationError, load_annotation

    with pytest.raises(AnnotationError) as info:
        load_annotation(path, article)
    return {(p.entry, p.field): p for p in info.value.problems}


def test_check_refuses_a_period_that_is_only_part_of_a_span(article, seed_yaml, write_annotation):
    text = seed_yaml.replace("    period: from 2015 to this March\n", "    period: this March\n", 1)
    p = _problems(write_annotation(text), article)[("figures[cases_total]", "period")]
    assert "'this March' is only part of the date expression 'from 2015 to this March'" in p.message
    assert "period: from 2015 to this March" in p.fix


def test_check_refuses_an_event_date_that_is_only_part_of_a_span(article, seed_yaml, write_annotation):
    text = seed_yaml.replace("    expression: from 2015 to this March\n", "    expression: \"2015\"\n", 1)
    p = _problems(write_annotation(text), article)[("events[cases_period]", "expression")]
    assert "'2015' is only part of the date expression 'from 2015 to this March'" in p.message


def test_check_refuses_a_statement_whose_figure_lacks_the_period(article, seed_yaml, write_annotation):
    text = seed_yaml.replace("    figures: [cases_total]\n    compare_with: four years\n",
                             "    figures: [curbed_materials]\n    compare_with: four years\n")
    p = _problems(write_annotation(text), article)[("statements[length_of_period]", "figures")]
    assert "period_length needs whole months for figure 'curbed_materials', which has no period" in p.message
    assert "period:" in p.fix


def test_the_seed_events_keep_their_dates(article):
    """The bundled events resolve as before where the rules did not change; the Friday meeting stays on Friday."""
    import exportrow

    t = exportrow.events(article).set_index("event_id")
    assert t.loc["tokyo_meeting", "timex"] == "2019-07-12"
    assert "first Friday on or after the publication day" in t.loc["tokyo_meeting", "rule"]
    assert t.loc["curbs_take_effect", "timex"] == "2019-07-04"
    assert t.loc["cases_period", ["timex", "duration"]].tolist() == ["2015/2019-03", "P4Y3M"]
    assert t.loc["shipment_vietnam", ["timex", "precision"]].tolist() == ["2017-12", "month"]
    assert t["mod"].isna().all() and t.loc["cases_period", "precision"] == "year"
