"""Review 11b, finding 11: under a `sides` / `actors` filter the timeline says of how many events the article dates
the shown ones are, in its title, its alt text and a sentence above the table."""

from __future__ import annotations

import matplotlib.pyplot as plt

from exportrow import events, load_annotation
from exportrow import timeline as tl
from exportrow.plots import timeline


def _shown(**kw):
    return events().pipe(tl.select_events, annotation=load_annotation(), **kw)


def test_title_and_alt_text_count_the_chosen_events_of_all():
    sides = ["tokyo", "other"]
    chosen = tl.chosen_events(events(), sides=sides, annotation=load_annotation())
    assert chosen == (12, "Tokyo's or Other's (sides parameter)")
    fig, alt = timeline(tl.dated(_shown(sides=sides)), chosen=chosen)
    plt.close(fig)
    title = alt.split(". Timeline of")[0]
    assert title.startswith("Of the 12 events the article dates, 5 are Tokyo's or Other's (sides parameter), ")
    assert "The article dates 5 events" not in alt


def test_sentence_above_the_table():
    note = tl.chosen_note(events(), _shown(actors=["kang"]), actors=["kang"], annotation=load_annotation())
    assert note == ("Of the 12 events the article dates, 1 is by Kang Kyung-wha (actors parameter): "
                    "only that one is shown.")
    assert tl.chosen_note(events(), _shown(sides=["washington"]), sides=["washington"],
                          annotation=load_annotation()) == \
        "Of the 12 events the article dates, none is Washington's (sides parameter)."


def test_no_filter_keeps_the_plain_title():
    assert tl.chosen_events(events()) is None and tl.chosen_note(events(), events()) == ""
    fig, alt = timeline(events(), chosen=None)
    plt.close(fig)
    assert alt.startswith("The article dates 12 events")
