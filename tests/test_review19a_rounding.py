"""Review 19a, finding 6: numbers shown rounded round a tie half up (away from zero), as students round by hand.
19,500 tonnes over 12 months is 1,625 a month exactly; to three significant digits that is 1,630, but Python's
``round`` (half to even) gave "1,620" in the chart title, the bar label and the answer sheet."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

import exportrow
from exportrow import stats
from exportrow.annotations import load_annotation
from exportrow.article import load_article
from exportrow.framing import voice_share
from exportrow.handout import handout
from exportrow.numbers import fmt_fixed, fmt_percent, fmt_rate, fmt_value, round_half_up, stored_rate
from exportrow.plots import bar_periods

ARTICLE = """---
title: Ecuador's shrimp sales to Peru double
outlet: Andes Trade Monitor
published: 2024-11-14
language: en
---
In 2022, Ecuador shipped 19,500 tonnes of shrimp to Peru, according to Peru's customs agency.

In 2023, Ecuador shipped 31,500 tonnes of shrimp to Peru, the agency said.
"""

ANNOTATION = """exportrow: 1
article:
  file: andes-2024-11-14-shrimp.txt
  sha256: {sha256}
sides: [peru, ecuador]
actors:
  - {id: pe_customs, name: Peru's customs agency, side: peru, kind: government, quote: Peru's customs agency}
figures:
  - id: imports_2022
    quantity: shrimp_imports
    value: 19500
    unit: tonnes
    period: "2022"
    actor: pe_customs
    quote: In 2022, Ecuador shipped 19,500 tonnes of shrimp to Peru
  - id: imports_2023
    quantity: shrimp_imports
    value: 31500
    unit: tonnes
    period: "2023"
    actor: pe_customs
    quote: In 2023, Ecuador shipped 31,500 tonnes of shrimp to Peru
ignored_numbers: []
events: []
claims: []
"""


@pytest.fixture(scope="module")
def ann(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("rounding")
    (tmp / "andes-2024-11-14-shrimp.txt").write_text(ARTICLE, encoding="utf-8")
    art = load_article(tmp / "andes-2024-11-14-shrimp.txt")
    (tmp / "andes-2024-11-14-shrimp.yaml").write_text(ANNOTATION.replace("{sha256}", art.sha256), encoding="utf-8")
    return load_annotation(tmp / "andes-2024-11-14-shrimp.yaml", art)


def test_a_tie_rounds_away_from_zero():
    assert fmt_rate(19500 / 12, 19500) == "1,630"  # was 1,620
    assert fmt_rate(31500 / 12, 31500) == "2,630"  # was 2,620
    assert fmt_rate(-19500 / 12, 19500) == "-1,630"
    assert fmt_rate(30450000.0) == "30.5 million"  # was 30.4 million
    assert fmt_value(0.125, 2) == "0.13" and fmt_value(2.675, 2) == "2.68"  # 2.675 is just under in binary
    assert stored_rate(0.125) == 0.125 and stored_rate(2.675) == 2.68 and stored_rate(1625.0) == 1625.0
    assert round_half_up(2.5) == 3.0 and round_half_up(-2.5) == -3.0
    assert fmt_percent(0.125) == "13%" and fmt_percent(0.125, sign=True) == "+13%" and fmt_percent(-0.375) == "-38%"
    assert fmt_fixed(1.125, 2) == "1.13" and fmt_fixed(0.0625, 3) == "0.063"


def test_not_a_tie_rounds_to_nearest_as_before():
    assert fmt_rate(14 / 12, 14) == "1.17" and fmt_rate(38200 / 12, 38200) == "3,180"
    assert fmt_rate(1234567 / 12, 1234567) == "102,880.6" and fmt_rate(1 / 288, 1) == "0.00347"


def test_the_chart_title_and_bar_labels_show_the_hand_rounding(ann):
    periods = exportrow.figures(ann.article, ann.path).pipe(stats.case_periods)
    assert periods.per_month.tolist() == [1625.0, 2625.0]
    fig, alt = bar_periods(periods)
    try:
        title = fig.axes[0].get_title() or fig._suptitle.get_text()
        words = " ".join(t.get_text() for ax in fig.axes for t in ax.texts)
    finally:
        plt.close(fig)
    assert alt.startswith("Shrimp imports per month rose from 1,630 in 2022 to 2,630 in 2023")
    assert "1,630 in 2022 to 2,630 in 2023" in " ".join(title.split())
    assert "1,630 a month" in words and "2,630 a month" in words
    assert "1,620" not in alt + title + words and "2,620" not in alt + title + words


def test_the_answer_sheet_agrees_with_a_correct_hand_computation(ann):
    check = handout("01-enforcement-statistics", ann).check
    assert "19,500 tonnes over 12 months = 1,630 a month (computed, rounded to" in check
    assert "1,620" not in check and "2,620" not in check


def test_a_share_on_a_tie_is_shown_rounded_half_up():
    import pandas as pd

    claims = pd.DataFrame({"claim_id": ["a", "b"], "side": pd.Categorical(["x", "y"]), "words": [1, 7]})
    v = voice_share(claims, ["x", "y"]).set_index("side")
    assert v.word_share.tolist() == [0.125, 0.875]
    assert fmt_percent(int(v.words["x"]) / int(v.words.sum())) == "13%"
