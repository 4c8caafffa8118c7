"""Review 13c, finding 5: the timeline's legend fits inside the image (the show_context layer, a close-up of 16 weeks
or more: its third column ran off the right edge), clear of the notes under it, and the break marks (//) stay on the
axis line, off the tick labels."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

import exportrow
from exportrow import timeline as tl
from exportrow.plots import _render, source_line, timeline

# (show_context, close_up_weeks, sides): the reviewer's cases, the default and a filter
CASES = [(True, 2, None), (False, 16, None), (False, 52, None), (True, 52, None), (True, 16, None),
         (False, 2, None), (False, 2, ["seoul"])]


def _charts(show_context, weeks, sides):
    """The notebook's two timelines (02-claim-timeline.ipynb, its chart cell), drawn as the report draws them."""
    art = exportrow.load_article()
    every = exportrow.events(art, context=show_context)
    dated = tl.dated(tl.select_events(every, sides=sides))
    close = tl.weeks_before(art.published, weeks)
    charts = [timeline(dated, published=art.published.date(), close_up=close,
                       source=source_line(art, "Hollow [context] events: outside the article, sources in "
                                          "data/context/." if show_context else ""))[0]]
    if tl.close_up_adds(dated, close):
        charts.append(timeline(tl.select_events(dated, window=close), published=art.published.date(), window=close,
                               source=source_line(art))[0])
    for fig in charts:
        _render(fig, "png")  # laid out and drawn as saved
    return charts


@pytest.mark.parametrize("show_context, weeks, sides", CASES)
def test_the_legend_lies_inside_the_figure_above_the_notes(show_context, weeks, sides):
    for fig in _charts(show_context, weeks, sides):
        renderer = fig.canvas.get_renderer()
        foot = fig.subfigs[1]
        (legend,) = foot.legends
        box = legend.get_window_extent(renderer)
        assert 0 <= box.x0 and box.x1 <= fig.bbox.width, (box, fig.bbox)
        assert 0 <= box.y0 and box.y1 <= fig.bbox.height
        for text in legend.get_texts():  # every entry's text, not only the legend's frame
            assert text.get_window_extent(renderer).x1 <= fig.bbox.width, text.get_text()
        for note in foot.texts:
            assert note.get_window_extent(renderer).y1 < box.y0, note.get_text()[:40]
        assert box.y1 <= fig.subfigs[0].bbox.y0 + 1  # under the chart, not over its axis
        plt.close(fig)


def test_the_show_context_legend_keeps_its_three_columns_by_moving_the_long_entries():
    fig = _charts(True, 2, None)[0]
    texts = [t.get_text() for t in fig.subfigs[1].legends[0].get_texts()]
    plt.close(fig)
    assert texts[:6] == ["Seoul", "Tokyo", "The outlet's own voice", "Other (neither side alone)",
                         "a day: a point, its shape the side's", "hollow: context, from outside the article"]
    assert texts[6].startswith("a bar:") and texts[7].startswith("a light band:")


@pytest.mark.parametrize("show_context, weeks", [(True, 2), (False, 2), (True, 52)])
def test_break_marks_stay_off_the_tick_labels(show_context, weeks):
    fig = _charts(show_context, weeks, None)[0]
    renderer = fig.canvas.get_renderer()
    axes = [ax for ax in fig.subfigs[0].axes]
    assert len(axes) >= 2  # the time line is broken
    marks = [line for ax in axes for line in ax.lines if isinstance(line.get_marker(), list)]
    assert len(marks) == 2 * (len(axes) - 1)
    labels = [t.get_window_extent(renderer) for ax in axes for t in ax.get_xticklabels()
              if t.get_text() and t.get_visible()]
    for mark in marks:
        box = mark.get_window_extent(renderer)
        assert not any(box.overlaps(label) for label in labels), box
    plt.close(fig)
