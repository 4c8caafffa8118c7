"""A reviewer's own article (tests/fixtures/harbor-bridge): counts in the millions, rates in the hundreds of
thousands, three quantities and a single coding."""

from __future__ import annotations

import matplotlib
import pytest
from conftest import FIXTURES, outputs_text

import exportrow
from exportrow.agreement import codings_table, compare, find_codings
from exportrow.plots import _grouped_ticks, _rate, bar_periods
from exportrow.stats import case_periods, periods_note

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

ARTICLE = FIXTURES / "harbor-bridge" / "harbor-bridge.txt"
ANNOTATION = ARTICLE.with_suffix(".yaml")


@pytest.fixture(scope="module")
def art():
    return exportrow.load_article(ARTICLE)


def _chart_text(fig) -> tuple[str, list[str], list[str]]:
    """The figure's title, its bar labels and its y tick labels, as drawn."""
    fig.canvas.draw()
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.texts]
    low, high = ax.get_ylim()
    ticks = [t.get_text() for t in ax.get_yticklabels() if low <= t.get_position()[1] <= high]  # those shown
    return fig._suptitle.get_text(), labels, ticks


def test_rates_in_the_chart_have_thousands_separators(art):
    fig, alt = bar_periods(exportrow.figures(art).pipe(case_periods))
    title, labels, ticks = _chart_text(fig)
    plt.close(fig)
    assert title.replace("\u00a0", " ").replace("\n", " ") == (
        "Trucks crossing per month rose from 125,000 in 2015 to 200,000 in 2022")
    assert labels == ["1,500,000 trucks\nin 12 months\n= 125,000 a month",
                      "2,400,000 trucks\nin 12 months\n= 200,000 a month"]
    assert ticks == ["0", "50,000", "100,000", "150,000", "200,000", "250,000"]
    assert alt.startswith("Trucks crossing per month rose from 125,000 in 2015 to 200,000 in 2022. ")
    assert "2015: 1,500,000 trucks in 12 months, 125,000 a month (count stated in the article)" in alt


def test_counts_on_the_axis_have_no_power_of_ten_above_it(art):
    fig, _ = bar_periods(exportrow.figures(art).pipe(case_periods), measure="count")
    _, _, ticks = _chart_text(fig)
    offset = fig.axes[0].yaxis.get_offset_text().get_text()
    plt.close(fig)
    assert ticks[:3] == ["0", "500,000", "1,000,000"] and ticks[-1] == "3,000,000"
    assert offset == ""  # matplotlib alone writes 0.5 ... 3.0 under a '1e6'


def test_the_bundled_article_chart_keeps_its_small_numbers():
    fig, alt = bar_periods(exportrow.figures().pipe(case_periods))
    title, labels, ticks = _chart_text(fig)
    plt.close(fig)
    assert title.startswith("Illegal export cases per month rose from 1.17 in 2015 to 4 in 2017")
    assert labels[0] == "14 cases\nin 12 months\n= 1.17 a month"
    assert ticks == ["0", "1", "2", "3", "4", "5", "6", "7", "8"]


def test_rate_and_tick_formats():
    assert [_rate(v) for v in (0.5, 4.0, 1.1667, 9999.994, 12345.0, 2500000 / 15)] == [
        "0.5", "4", "1.17", "10,000", "12,300", "167,000"]  # three significant digits (rv13a finding 7)
    assert _rate(12345.0, 148140) == "12,345"  # as many as the count states
    ticks = _grouped_ticks()
    assert ticks.format_ticks([0.0, 0.5, 1.0, 1.5]) == ["0.0", "0.5", "1.0", "1.5"]
    assert ticks.format_ticks([0.0, 5000.0, 10000.0]) == ["0", "5,000", "10,000"]
    assert ticks.format_ticks([0.0, 2.5, 5.0, 7.5]) == ["0.0", "2.5", "5.0", "7.5"]


def test_the_note_names_the_other_quantities_in_the_plural(art):
    f = exportrow.figures(art)
    note = periods_note(f, f.pipe(case_periods))
    assert note == ("The chart shows trucks crossing. Not charted with them: bridge toll (1 figure, no period); "
                    "norlandic firms using bridge (1 figure, no period); they are other quantities.")
    one = f[f.quantity != "bridge_toll"]
    assert periods_note(one, one.pipe(case_periods)).endswith(
        "norlandic firms using bridge (1 figure, no period); it is another quantity.")


def test_a_single_coding_shows_its_claims(art):
    files = find_codings(ANNOTATION, art)
    assert files == [ANNOTATION] and compare(files, art) is None
    table = codings_table(None, files, art)
    assert table.to_dict("records") == [{"coder": "annotation", "kind": "annotation", "file": "harbor-bridge.yaml",
                                         "claims": 6}]
    assert codings_table(None, files).claims.tolist() == [6]  # the article found from the annotation


def test_notebook_04_with_a_single_coding_counts_its_claims(run_notebook):
    nb, _ = run_notebook("04-coding-reliability", article_path=str(ARTICLE), annotation_path=str(ANNOTATION))
    text = outputs_text(nb)
    assert "Only one coding of this article was found (harbor-bridge.yaml)" in text
    shown = ["".join(o["data"]["text/plain"]) for c in nb["cells"] for o in c.get("outputs", [])
             if "".join(o.get("data", {}).get("text/plain", "")).lstrip().startswith("coder")]
    assert len(shown) == 1, "the codings table is not in the notebook's output"
    header, row = shown[0].splitlines()
    assert header.split() == ["coder", "kind", "file", "claims"]
    assert row.split() == ["annotation", "annotation", "harbor-bridge.yaml", "6"]  # was <NA>
