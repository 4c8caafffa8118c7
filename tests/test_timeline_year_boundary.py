"""Notebook 02's charts on an article whose events cross a year boundary (review 2, finding 3): a span "since
last October" published in March, an accusation the day before, a meeting three days after publication."""

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.legend import Legend
from matplotlib.text import Text

from exportrow.dates import resolve_date
from exportrow.plots import _panels, timeline
from exportrow.timeline import close_up_adds, select_events, weeks_before

PUBLISHED = "2025-03-14"


def _events():
    start = pd.to_datetime(["2024-10-01", "2025-03-13", PUBLISHED, "2025-03-17"])
    end = pd.to_datetime(["2025-03-15", "2025-03-14", "2025-03-15", "2025-03-18"])
    return pd.DataFrame({
        "event_id": ["stranded", "blame", "publication", "meet"], "source": "article",
        "actor": ["hart", "hart", "outlet", "be_gov"],
        "side": pd.Categorical(["arden", "arden", "outlet", "belmar"], categories=["arden", "belmar", "outlet"]),
        "description": ["Fishing boats stranded", "Arden and Belmar trade accusations",
                        "Lakeside Courier publishes the article", "The two sides meet again"],
        "date_start": start, "date_end": end, "precision": ["month", "day", "day", "day"]})


def _draw(events, **kw):
    fig, alt = timeline(events, published=pd.Timestamp(PUBLISHED), **kw)
    fig.canvas.draw()
    return fig, alt


def _axes(fig):
    return [ax for ax in fig.axes if ax.get_yticks().size and ax.xaxis.get_major_locator() is not None
            and ax.get_xlim() != (0.0, 1.0)]


@pytest.fixture
def main():
    close = weeks_before(PUBLISHED, 2)
    fig, alt = _draw(_events(), close_up=close)
    yield fig, alt
    plt.close(fig)


@pytest.fixture
def close_up():
    close = weeks_before(PUBLISHED, 2)
    assert close == ["2025-02-24", "2025-03-17"] and close_up_adds(_events(), close)
    fig, alt = _draw(_events().pipe(select_events, window=close), window=close)
    yield fig, alt, close
    plt.close(fig)


def test_titles_name_both_years_of_a_range_across_new_year(main, close_up):
    assert main[1].startswith("The article dates 3 events between 1 Oct 2024 and 17 Mar 2025; one more row marks its "
                              "publication (14 Mar 2025)")
    # the close-up's own window, with the span that began before it (rv13a finding 8: not the events' whole range)
    assert close_up[1].startswith("From 24 Feb to 16 Mar 2025 only: the article dates 2 events in this window, "
                                  "between 24 Feb and 14 Mar 2025 (1 of them a span from 1 Oct 2024);")
    drawn = " ".join(t.get_text().replace("\n", " ") for t in main[0].findobj(Text))
    assert "between 1 Oct 2024 and 17 Mar 2025;" in drawn and "1 Oct and" not in drawn


def test_a_rule_across_new_year_names_both_years():
    assert resolve_date("the October-March period of 2024", PUBLISHED).rule == "October 2024-March 2025"
    assert resolve_date("the January-March quarter of 2024", PUBLISHED).timex == "2024-Q1"


def test_panels_never_touch_nor_overlap():
    # before | close-up | after touch each other here (the band runs into the close-up, the meeting starts at its
    # end): a break would leave no time out, so they are one panel
    assert _panels(_events(), None, weeks_before(PUBLISHED, 2)) == [(pd.Timestamp("2024-10-01"),
                                                                     pd.Timestamp("2025-03-18"))]
    # a real gap keeps its break, and the drawn axes do not overlap
    ev = _events().assign(date_start=pd.to_datetime(["2019-01-01", "2025-03-13", PUBLISHED, "2025-03-17"]),
                          date_end=pd.to_datetime(["2020-01-01", "2025-03-14", "2025-03-15", "2025-03-18"]))
    panels = _panels(ev, None, weeks_before(PUBLISHED, 2))
    assert [(f"{a:%F}", f"{b:%F}") for a, b in panels] == [("2019-01-01", "2020-01-01"), ("2025-02-24", "2025-03-18")]
    fig, _ = _draw(ev, close_up=weeks_before(PUBLISHED, 2))
    lims = [ax.get_xlim() for ax in _axes(fig)]
    plt.close(fig)
    assert len(lims) == 2 and lims[0][1] < lims[1][0]


def test_every_event_lies_within_the_axis_and_every_day_shown_has_its_events(main, close_up):
    (lo, hi), = [ax.get_xlim() for ax in _axes(main[0])]
    for r in _events().itertuples():
        assert lo <= mdates.date2num(r.date_start) and mdates.date2num(r.date_end) <= hi, r.event_id
    fig, _, (a, b) = close_up
    ax, = _axes(fig)
    assert ax.get_xlim() == (mdates.date2num(pd.Timestamp(a)), mdates.date2num(pd.Timestamp(b)))
    labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert labels[0].startswith("24 Feb") and not any(x.startswith("17 Mar") for x in labels), labels


def _band_end(ax):
    bars = [p for p in ax.patches if p.get_width() > 31]
    assert len(bars) == 1
    return bars[0].get_x() + bars[0].get_width()


def test_a_span_since_last_october_stops_at_the_publication_line(main, close_up):
    line = mdates.date2num(pd.Timestamp(PUBLISHED) + pd.Timedelta(hours=12))
    for fig in (main[0], close_up[0]):
        ax, = _axes(fig)
        dashed, = [x.get_xdata()[0] for x in ax.lines if x.get_linestyle() == "--"]
        assert mdates.date2num(pd.Timestamp(dashed)) == pytest.approx(line)
        assert _band_end(ax) == pytest.approx(line)


def test_the_legend_names_the_length_of_the_band_drawn(main):
    texts = [t.get_text() for leg in main[0].findobj(Legend) for t in leg.get_texts()]
    assert "a light band: dated only to a span longer than a month\n('since last October', '2017'); some time in " \
        "it, not necessarily all of it" in texts
    assert not any("year" in t for t in texts)
