"""Review 13 (rv13a finding 7): a computed rate per month is shown no more precisely than the article states its
count (2.09 million tonnes a month from "25.1 million tonnes", not 2,091,666.67); the tables keep every digit."""

import hashlib

import matplotlib.pyplot as plt

import exportrow
from exportrow import stats
from exportrow.plots import bar_periods

STEEL = """---
title: EU steel imports surge
outlet: Steel Wire
published: 2025-10-13
---
Imports had surged to 30.4 million tonnes in 2024 from 25.1 million tonnes in 2023, the association said.
"""


def _steel(tmp_path):
    art = tmp_path / "steel.txt"
    art.write_text(STEEL, encoding="utf-8")
    sha = hashlib.sha256(art.read_bytes()).hexdigest()
    ann = tmp_path / "steel.yaml"
    ann.write_text(
        f"exportrow: 1\narticle:\n  file: steel.txt\n  sha256: {sha}\nsides: [industry]\nactors:\n"
        "  - {id: outlet, name: Steel Wire, side: outlet, kind: outlet}\n"
        "  - {id: assoc, name: The association, side: industry, kind: organisation, quote: the association}\n"
        "figures:\n"
        "  - {id: i24, quantity: steel_imports, value: 30400000, unit: tonnes, period: \"2024\", actor: assoc, "
        "quote: \"surged to 30.4 million tonnes in 2024\"}\n"
        "  - {id: i23, quantity: steel_imports, value: 25100000, unit: tonnes, period: \"2023\", actor: assoc, "
        "quote: \"25.1 million tonnes in 2023\"}\n"
        "statements:\n  - {id: surged, check: rate_change, figures: [i24, i23], quote: \"Imports had surged\"}\n"
        "claims: []\nevents: []\n", encoding="utf-8")
    return exportrow.load_article(art), ann


def test_the_verdict_gives_rates_to_the_counts_precision(tmp_path):
    art, ann = _steel(tmp_path)
    r = stats.check_statements(stats.statements(art, ann), exportrow.figures(art, ann)).iloc[0]
    assert r.value == "2.53 million vs 2.09 million tonnes a month (+21%)"  # was 2,533,333.33 vs 2,091,666.67
    assert "from 2.09 million in 2023 to 2.53 million tonnes a month in 2024" in r.explanation
    assert r.verdict == "not_supported"


def test_the_chart_gives_rates_to_the_counts_precision_and_the_table_keeps_them_whole(tmp_path):
    art, ann = _steel(tmp_path)
    table = exportrow.figures(art, ann)
    assert table.set_index("figure_id").per_month.to_dict() == {"i24": 2533333.33, "i23": 2091666.67}
    fig, alt = bar_periods(table.pipe(stats.case_periods))
    title = fig._suptitle.get_text()
    labels = [t.get_text() for t in fig.axes[0].texts]
    plt.close(fig)
    assert title == "Steel imports per month rose from 2.09 million in 2023 to 2.53 million in 2024"
    assert "25,100,000 tonnes\nin 12 months\n= 2.09 million a month" in labels
    assert "2023: 25,100,000 tonnes in 12 months, 2.09 million a month" in alt and ".67" not in alt + title


def test_the_bundled_article_keeps_its_rates():
    fig, alt = bar_periods(exportrow.figures().pipe(stats.case_periods))
    plt.close(fig)
    assert "1.17 a month" in alt and "1.83 a month" in alt and "4 a month" in alt and "4.8 a month" in alt
    values = stats.check_statements(stats.statements(), exportrow.figures()).value.tolist()
    assert "4.80 vs 4.00 cases a month (+20%)" in values and "4.00 vs 1.83 cases a month (+118%)" in values
