"""Review 6, finding 8: every mark of the timeline on one convention, each day at its noon, where its point and its
tick sit; a span runs from its first day's point to its last day's, so the label's last day is where the bar ends."""

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from exportrow import plots as _plots
from exportrow.plots import timeline

#: A day's point takes its side's shape (plots._markers): any of these, never the arrows at an axis end.
_POINT_SHAPES = {*_plots._MARKERS, "D"}

PUBLISHED = pd.Timestamp("2025-03-14")


def _noon(day: str) -> float:
    return mdates.date2num(pd.Timestamp(day) + pd.Timedelta(hours=12))


def _events():
    """The teacher's close-up: "earlier this month" (1 to 14 Mar), a week, a day, the publication."""
    return pd.DataFrame({
        "event_id": ["rail", "plunge", "blame", "publication"], "source": "article",
        "side": pd.Categorical(["valdmark", "ostrel", "ostrel", "outlet"], categories=["valdmark", "ostrel", "outlet"]),
        "description": ["A rail line opens", "Exports have plunged", "Accusations", "The Courier publishes"],
        "date_start": pd.to_datetime(["2025-03-01", "2025-03-03", "2025-03-13", "2025-03-14"]),
        "date_end": pd.to_datetime(["2025-03-15", "2025-03-10", "2025-03-14", "2025-03-15"]),
        "precision": ["day", "week", "day", "day"]})


@pytest.fixture(params=[None, ["2025-02-24", "2025-03-17"]], ids=["fitted", "window"])
def chart(request):
    fig, alt = timeline(_events(), published=PUBLISHED, window=request.param)
    fig.canvas.draw()
    ax = fig.axes[0]
    yield ax, alt
    plt.close(fig)


def _bar(ax, y):
    bar, = [p for p in ax.patches if p.get_y() < y < p.get_y() + p.get_height()]
    return bar.get_x(), bar.get_x() + bar.get_width()


def test_a_week_bar_runs_from_its_monday_tick_to_its_sunday(chart):
    ax, alt = chart
    assert "Exports have plunged: the week of Mon 3 to Sun 9 Mar 2025" in alt
    assert _bar(ax, 2) == pytest.approx((_noon("2025-03-03"), _noon("2025-03-09")))
    ticks = list(ax.get_xticks())
    assert ticks and all(t % 1 == 0.5 for t in ticks)  # every tick at noon, like every day's point


def test_a_span_to_the_publication_day_ends_at_the_line_on_its_labels_last_day(chart):
    ax, alt = chart
    assert "A rail line opens: 1 Mar 2025 to 14 Mar 2025" in alt
    line, = [x.get_xdata()[0] for x in ax.lines if x.get_linestyle() == "--"]
    assert mdates.date2num(pd.Timestamp(line)) == pytest.approx(_noon("2025-03-14"))
    assert _bar(ax, 3) == pytest.approx((_noon("2025-03-01"), _noon("2025-03-14")))


def test_a_day_is_a_point_at_its_noon_on_the_same_line_as_its_tick(chart):
    ax, _ = chart
    points = sorted(mdates.date2num(pd.Timestamp(x.get_xdata()[0])) for x in ax.lines
                    if x.get_marker() in _POINT_SHAPES)
    assert points == pytest.approx([_noon("2025-03-13"), _noon("2025-03-14")])


def test_a_chart_of_a_few_days_puts_its_point_on_its_tick_too():
    fig, _ = timeline(_events().iloc[[3]].reset_index(drop=True), published=PUBLISHED)
    fig.canvas.draw()
    ax = fig.axes[0]
    point, = [mdates.date2num(pd.Timestamp(x.get_xdata()[0])) for x in ax.lines if x.get_marker() in _POINT_SHAPES]
    plt.close(fig)
    assert point == pytest.approx(_noon("2025-03-14")) and point in list(ax.get_xticks())


def test_month_and_year_ticks_sit_at_noon_of_their_first_day():
    ev = _events()
    ev.loc[0, ["date_start", "date_end"]] = [pd.Timestamp("2021-01-01"), pd.Timestamp("2025-03-15")]
    fig, _ = timeline(ev, published=PUBLISHED)
    fig.canvas.draw()
    ticks = list(fig.axes[0].get_xticks())
    plt.close(fig)
    assert _noon("2022-01-01") in ticks and mdates.date2num(pd.Timestamp("2022-01-01")) not in ticks


def test_a_window_of_centuries_says_why_its_events_crowd_onto_one_line():
    from matplotlib.text import Text

    window = ["1700-01-01", "2200-01-01"]
    fig, alt = timeline(_events(), published=PUBLISHED, window=window)
    texts = " ".join(t.get_text().replace("\n", " ") for t in fig.findobj(Text))
    plt.close(fig)
    assert ("The chosen date_window (1 Jan 1700 to 31 Dec 2199) is over 100 times as long as the time its events "
            "span (1 Mar 2025 to 14 Mar 2025): they crowd onto one line; a narrower date_window spreads them out.") \
        in texts
    fig, _ = timeline(_events(), published=PUBLISHED, window=["2025-02-24", "2025-03-17"])
    texts = " ".join(t.get_text() for t in fig.findobj(Text))
    plt.close(fig)
    assert "date_window" not in texts
