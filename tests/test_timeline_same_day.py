"""Review 13c, finding 8: when the events near publication share one day, the timeline's title says "on" that day,
not "between 10 and 10 Jul 2019"."""

from __future__ import annotations

import matplotlib.pyplot as plt

import exportrow
from exportrow import timeline as tl
from exportrow.plots import timeline


def _title(sides):
    art = exportrow.load_article()
    ev = exportrow.events(art)
    dated = tl.dated(tl.select_events(ev, sides=sides))
    fig, alt = timeline(dated, published=art.published.date(), close_up=tl.weeks_before(art.published, 2),
                        chosen=tl.chosen_events(ev, sides=sides))
    plt.close(fig)
    return alt.split(". Timeline of")[0]


def test_near_events_on_one_day_are_on_that_day():
    title = _title(["seoul"])
    assert "2 of them on 10 Jul 2019;" in title
    assert "between 10 and 10" not in title


def test_near_events_over_several_days_are_still_between_two_days():
    assert "; 5 of them between 1 and 12 Jul 2019;" in _title(None)
