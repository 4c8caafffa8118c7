"""Notebook 02's charts on a short article (events over a few days): no wider 'close-up', several date labels,
the publication's label clear of every point, titles that count the rows drawn."""

import pandas as pd
import pytest

from exportrow import plots as _plots
from exportrow.plots import timeline
from exportrow.timeline import close_up_adds, timeline_note, weeks_before

#: A day's point takes its side's shape (plots._markers): any of these, never the arrows at an axis end.
_POINT_SHAPES = {*_plots._MARKERS, "D"}

PUBLISHED = "2023-10-05"


def _events():
    """Three rows over a week, as in a short news article: an accusation, the publication, a talk to come."""
    days = ["2023-10-04", PUBLISHED, "2023-10-10"]
    return pd.DataFrame({
        "event_id": ["accuse", "publication", "talks"], "source": "article", "actor": ["north", "courier", "official"],
        "side": pd.Categorical(["north", "outlet", "other"], categories=["north", "south", "outlet", "other"]),
        "description": ["North accuses South", "The Courier publishes the article", "Talks could resume"],
        "date_start": pd.to_datetime(days), "date_end": pd.to_datetime(days) + pd.Timedelta(days=1),
        "precision": "day"})


@pytest.fixture
def chart():
    import matplotlib.pyplot as plt

    fig, alt = timeline(_events(), published=pd.Timestamp(PUBLISHED))
    fig.canvas.draw()
    yield fig, alt
    plt.close(fig)


def test_a_close_up_wider_than_the_timeline_is_left_out_and_the_note_says_why():
    close = weeks_before(PUBLISHED, 2)
    assert close == ["2023-09-18", "2023-10-09"]
    assert not close_up_adds(_events(), close)
    assert timeline_note(_events(), close_up=close, close_up_weeks=2) == (
        "No close-up: the 2 weeks before publication and its week (2023-09-18 to 2023-10-08) are not a close-up of "
        "the timeline above, which spans less than twice as long: it shows every event at a larger scale already.")


def test_a_close_up_of_one_event_adds_nothing():
    far = _events().assign(date_start=pd.to_datetime(["2023-01-04", PUBLISHED, "2023-12-10"]))
    far = far.assign(date_end=far.date_start + pd.Timedelta(days=1))
    assert not close_up_adds(far, weeks_before(PUBLISHED, 2))  # only the publication falls in it
    assert "only one event falls between 2023-09-18 and 2023-10-08" in timeline_note(
        far, close_up=weeks_before(PUBLISHED, 2), close_up_weeks=2)


def test_a_few_days_get_a_label_for_every_day(chart):
    fig, _ = chart
    ax = fig.axes[0]
    low, high = ax.get_xlim()
    labels = [t.get_text() for t in ax.get_xticklabels() if low <= t.get_position()[0] <= high]
    assert labels == [f"{d} Oct\n2023" for d in range(3, 12)]


def test_the_publication_label_stands_clear_of_every_point(chart):
    fig, _ = chart
    ax = fig.axes[0]
    (label,) = [t for t in ax.texts if t.get_text().startswith("published")]
    assert label.get_text() == "published 5 Oct 2023"
    box = label.get_window_extent().expanded(1.0, 1.0)
    points = [line for line in ax.lines if line.get_marker() in _POINT_SHAPES]
    assert len(points) == 3
    for line in points:
        (x, y), = ax.transData.transform(line.get_xydata())
        radius = line.get_markersize() / 72 * fig.dpi / 2
        assert not (box.x0 - radius < x < box.x1 + radius and box.y0 - radius < y < box.y1 + radius)


def test_the_title_counts_the_rows_drawn(chart):
    fig, alt = chart
    rows = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(rows) == 3
    assert alt.startswith("The article dates 2 events between 4 and 10 Oct 2023; one more row marks its "
                          "publication (5 Oct 2023). Timeline of 2 events from the article and its publication")
