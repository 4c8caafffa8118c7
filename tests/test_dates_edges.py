"""Review 5, finding 19 (dates): "earlier this month" published on the 1st named no earlier day, yet resolved to the
publication day with no note. Nothing of the month comes earlier, so the words are refused (and "later this month"
on its last day): the article's date or the words are wrong, and a guess would hide it."""

import pytest

from exportrow.dates import DateResolutionError, resolve_date


@pytest.mark.parametrize("expression, published, why", [
    ("earlier this month", "2025-03-01", "no day of this month comes before the publication day (2025-03-01, the "
                                         "first day of the month)"),
    ("earlier this year", "2025-01-01", "no day of this year comes before the publication day (2025-01-01, "
                                        "1 January)"),
    ("earlier this week", "2025-03-10", "no day of this week comes before the publication day (2025-03-10, Monday, "
                                        "the first day of its ISO week)"),
    ("later this month", "2025-03-31", "no day of this month comes after the publication day (2025-03-31, the last "
                                       "day of the month)"),
    ("later this year", "2024-12-31", "no day of this year comes after the publication day (2024-12-31, "
                                      "31 December)"),
])
def test_earlier_or_later_with_no_such_day_is_refused(expression, published, why):
    with pytest.raises(DateResolutionError) as info:
        resolve_date(expression, published)
    assert str(info.value) == f"cannot resolve {expression!r}: {why}, so the words cannot be dated from it"
    assert info.value.fix.startswith("check the publication date")


@pytest.mark.parametrize("expression, published, timex", [
    ("earlier this month", "2025-03-02", "2025-03-01/2025-03-02"),
    ("earlier this year", "2025-01-02", "2025-01-01/2025-01-02"),
    ("later this month", "2025-03-30", "2025-03-30/2025-03-31"),
    ("so far this year", "2025-01-01", "2025-01-01/2025-01-01"),  # "so far" holds the day itself: not refused
    ("this month so far", "2025-03-01", "2025-03-01/2025-03-01"),
])
def test_the_day_after_the_edge_still_resolves(expression, published, timex):
    assert resolve_date(expression, published).timex == timex
