"""Review 14 (rv14a finding 5): a computed rate under 0.01 a month was shown as "0" ("1 rhinos in 288 months = 0 a
month", "rose from 0", "0.75 vs 0.00 (+21500%)") and stored as per_month 0.0. A rate whose two decimals would leave
fewer than two significant digits now keeps three ("0.00347"), in the tables too; the bundled article's 1.17, 1.83,
4 and 4.8 are unchanged."""

from pathlib import Path

import matplotlib.pyplot as plt

import exportrow
from exportrow import stats
from exportrow.numbers import fmt_rate, stored_rate
from exportrow.plots import bar_periods

RATE = Path(__file__).parent / "fixtures" / "rate"


def _poaching():
    art = exportrow.load_article(RATE / "coastal-post-2025-03-05-poaching.txt")
    return art, RATE / "poaching.yaml"


def test_small_rates_are_never_shown_or_stored_as_zero():
    assert fmt_rate(1 / 288, 1) == "0.00347" and fmt_rate(1 / 300) == "0.00333"
    assert fmt_rate(1 / 288, 1, fixed=True) == "0.00347" and fmt_rate(0.0347) == "0.0347"
    assert stored_rate(1 / 288) == 0.00347 and stored_rate(1 / 300) == 0.00333
    assert (fmt_rate(9 / 12, 9), fmt_rate(0.5, fixed=True)) == ("0.75", "0.50")


def test_the_poaching_article_gives_its_rare_rate_in_table_chart_and_verdict():
    art, ann = _poaching()
    table = exportrow.figures(art, ann)
    assert table.set_index("figure_id").per_month.to_dict() == {"kills_2000_2024": 0.00347, "kills_2024": 0.75}
    fig, alt = bar_periods(table.pipe(stats.case_periods))
    title = fig._suptitle.get_text()
    labels = [t.get_text() for t in fig.axes[0].texts]
    plt.close(fig)
    assert title == "Rhinos killed per month rose from 0.00347 in Jan\xa02000\u2013Dec\xa02023 to 0.75 in 2024"
    assert "1 rhinos\nin 288 months\n= 0.00347 a month" in labels
    assert "Jan 2000\u2013Dec 2023: 1 rhinos in 288 months, 0.00347 a month" in alt
    r = stats.check_statements(stats.statements(art, ann), table).iloc[0]
    assert r.value == "0.75 vs 0.00347 rhinos a month (+21500%)" and r.verdict == "supported"
    assert "from 0.00347 in Jan 2000\u2013Dec 2023 to 0.75 rhinos a month in 2024" in r.explanation


def test_the_bundled_article_keeps_its_stored_rates():
    assert exportrow.figures().per_month.dropna().tolist() == [3.06, 1.17, 1.83, 4.0, 4.8]
