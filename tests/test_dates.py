"""Table-driven tests of the date resolver, including forms the seed article does not use."""

import datetime as dt

import pytest

from exportrow.dates import DateResolutionError, find_date_expressions, resolve_date

PUB = "2019-07-12"  # a Friday, ISO week 2019-W28

CASES = [
    # expression, tense, timex, start, end (exclusive), precision
    ("Wednesday", "past", "2019-07-10", "2019-07-10", "2019-07-11", "day"),
    ("on Wednesday", "past", "2019-07-10", "2019-07-10", "2019-07-11", "day"),
    ("Friday", "past", "2019-07-12", "2019-07-12", "2019-07-13", "day"),
    ("on Friday", "present", "2019-07-12", "2019-07-12", "2019-07-13", "day"),
    ("Monday", "future", "2019-07-08", "2019-07-08", "2019-07-09", "day"),
    ("Saturday", "past", "2019-07-06", "2019-07-06", "2019-07-07", "day"),
    ("Saturday", "future", "2019-07-13", "2019-07-13", "2019-07-14", "day"),
    ("last Friday", None, "2019-07-05", "2019-07-05", "2019-07-06", "day"),
    ("next Tuesday", None, "2019-07-16", "2019-07-16", "2019-07-17", "day"),
    ("yesterday", None, "2019-07-11", "2019-07-11", "2019-07-12", "day"),
    ("last week", None, "2019-W27", "2019-07-01", "2019-07-08", "week"),
    ("this week", None, "2019-W28", "2019-07-08", "2019-07-15", "week"),
    ("last month", None, "2019-06", "2019-06-01", "2019-07-01", "month"),
    ("last year", None, "2018", "2018-01-01", "2019-01-01", "year"),
    ("this January", None, "2019-01", "2019-01-01", "2019-02-01", "month"),
    ("this March", None, "2019-03", "2019-03-01", "2019-04-01", "month"),
    ("last March", None, "2019-03", "2019-03-01", "2019-04-01", "month"),
    ("last December", None, "2018-12", "2018-12-01", "2019-01-01", "month"),
    ("next January", None, "2020-01", "2020-01-01", "2020-02-01", "month"),
    ("July 4", None, "2019-07-04", "2019-07-04", "2019-07-05", "day"),
    ("Aug. 28", None, "2019-08-28", "2019-08-28", "2019-08-29", "day"),
    ("Sept. 3, 2018", None, "2018-09-03", "2018-09-03", "2018-09-04", "day"),
    ("December 2017", None, "2017-12", "2017-12-01", "2018-01-01", "month"),
    ("in 2016", None, "2016", "2016-01-01", "2017-01-01", "year"),
    ("2015", None, "2015", "2015-01-01", "2016-01-01", "year"),
    ("from 2015 to this March", None, "2015/2019-03", "2015-01-01", "2019-04-01", "year"),
    ("from March 2018 to last month", None, "2018-03/2019-06", "2018-03-01", "2019-07-01", "month"),
    ("2019-08-02", None, "2019-08-02", "2019-08-02", "2019-08-03", "day"),
]


@pytest.mark.parametrize("expr, tense, timex, start, end, precision", CASES)
def test_resolve(expr, tense, timex, start, end, precision):
    r = resolve_date(expr, PUB, tense=tense)
    assert (r.timex, str(r.start), str(r.end), r.precision) == (timex, start, end, precision)
    assert r.rule


def test_month_is_never_given_a_made_up_day():
    r = resolve_date("December 2017", PUB)
    assert r.precision == "month" and r.start == dt.date(2017, 12, 1) and r.end == dt.date(2018, 1, 1)


def test_publication_date_moves_relative_dates():
    assert resolve_date("Wednesday", "2019-07-19", tense="past").timex == "2019-07-17"
    assert resolve_date("last week", "2019-07-19").timex == "2019-W28"
    assert resolve_date("this January", "2020-02-01").timex == "2020-01"


@pytest.mark.parametrize("expr, tense", [("22", None), ("the other day", None), ("Wednesday", None),
                                         ("Febtember 3", None), ("February 30", None),
                                         ("from this March to 2015", None), ("Wednesday", "sometime")])
def test_unresolvable_raises_clearly(expr, tense):
    with pytest.raises(DateResolutionError):
        resolve_date(expr, PUB, tense=tense)


def test_a_count_is_never_a_year():
    found = [t for _, _, t in find_date_expressions("Fourteen cases were caught in 2015 and 22 in 2016.")]
    assert found == ["2015", "2016"]
    assert resolve_date(found[1], PUB).timex == "2016"


def test_find_date_expressions_in_seed(article):
    found = {t for p in article.paragraphs for _, _, t in find_date_expressions(p.text)}
    assert {"last week", "from 2015 to this March", "2017", "December 2017", "this January",
            "Wednesday", "July 4", "Friday"} <= found
    assert "12" not in found and "22" not in found
