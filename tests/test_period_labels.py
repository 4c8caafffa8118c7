"""Review 5, finding 12: periods that are not whole months are labelled with days, never "Mar 2025–Mar 2025".

Whole years and runs of whole months keep their labels ("2016", "Jan 2015–Mar 2019"), so the bundled article's
tables, worksheets and notebooks do not change.
"""

from types import SimpleNamespace

import pandas as pd
import pytest

from exportrow import figures
from exportrow.checks import period_label
from exportrow.dates import resolve_date

PUB = "2025-03-14"  # a Friday


def _label(expression, tense="past"):
    r = resolve_date(expression, PUB, tense=tense)
    return period_label(SimpleNamespace(period_start=pd.Timestamp(r.start), period_end=pd.Timestamp(r.end)))


@pytest.mark.parametrize("expression, label", [
    ("earlier this month", "1\u201314 Mar 2025"),
    ("last week", "3\u20139 Mar 2025"),
    ("since January", "1 Jan\u201314 Mar 2025"),
    ("the past two weeks", "1\u201314 Mar 2025"),
    ("the past four weeks", "15 Feb\u201314 Mar 2025"),
    ("the past three months", "15 Dec 2024\u201314 Mar 2025"),
    ("yesterday", "13 Mar 2025"),
    ("last month", "Feb 2025"),
    ("from January to February", "Jan 2025\u2013Feb 2025"),
    ("2024", "2024"),
    ("from 2022 to 2024", "Jan 2022\u2013Dec 2024"),
])
def test_labels(expression, label):
    assert _label(expression) == label


def test_the_bundled_article_keeps_its_labels():
    f = figures().dropna(subset=["period_start"])
    assert [period_label(r) for r in f.itertuples()] == [
        "Jan 2015\u2013Mar 2019", "2015", "2016", "2017", "Jan 2018\u2013Mar 2019"]
