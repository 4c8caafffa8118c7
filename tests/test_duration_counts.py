"""Units of time that add up (working days lost, hours worked, hotel nights) are counts by default; a bare length of
time ("the strike lasted nine days") is still a duration (review 10, finding 6)."""

import pytest

from exportrow.annotations import load_annotation
from exportrow.annotations.kinds import is_duration, settle_duration_kinds


@pytest.mark.parametrize("unit, quantity, kind", [
    ("working days", "working_days_lost", None), ("nights", "hotel_nights", None), ("hotel nights", "stays", None),
    ("school days", "school_days", None), ("hours", "hours_worked", None), ("days", "days_lost_to_strikes", None),
    ("days", "strike_length", "level"), ("hours", "outage", "level"), ("calendar days", "strike_length", "level")])
def test_time_that_adds_up_is_a_count_and_a_length_of_time_a_duration(unit, quantity, kind):
    ann = load_annotation()
    fig = ann.figures[0]
    fig.pop("kind", None)
    fig.update(unit=unit, quantity=quantity)
    settle_duration_kinds(ann)
    assert fig.get("kind") == kind and fig.get("_kind_default") == ("duration" if kind else None)


def test_is_duration_reads_the_unit_alone():
    assert [is_duration(u) for u in ("days", "working days", "nights", "years")] == [True, False, False, True]
