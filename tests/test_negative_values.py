"""Review 8 finding 2: a figure's number keeps its sign ("-0.4", "\u22120.4", "minus 0.4", "negative 0.4"), so a
negative level can be annotated, drafted and judged; a value whose sign disagrees with its quote is refused with the
value to write. A hyphen inside a word or a range is not a sign."""

from __future__ import annotations

import hashlib

import pytest

from exportrow import cli, figures
from exportrow.annotations import AnnotationError, load_annotation
from exportrow.article import load_article
from exportrow.extract import propose
from exportrow.numbers import find_numbers
from exportrow.stats import check_statements, statements

ARTICLE = """---
title: "Prices turn"
outlet: "Riverside Courier"
published: 2026-04-16
---
In January 2025, consumer prices changed by minus 0.4 per cent on a year earlier. In February 2025, consumer \
prices changed by \u22120.2 per cent on a year earlier. In March 2025, consumer prices changed by -0.1 per cent on \
a year earlier. In April 2025, consumer prices changed by negative 0.3 per cent on a year earlier. In August 2025, \
consumer prices changed by 3.4 per cent on a year earlier.

Inflation surged to 3.4 per cent in August 2025, up from minus 0.4 per cent in January 2025.
"""
QUOTES = {"jan": ("January", "minus 0.4"), "feb": ("February", "\u22120.2"), "mar": ("March", "-0.1"),
          "apr": ("April", "negative 0.3"), "aug": ("August", "3.4")}


def annotation(values: dict) -> str:
    figs = "".join(f"""  - id: i_{k}
    quantity: inflation
    kind: level
    value: {values[k]}
    unit: per cent
    period: {month} 2025
    actor: outlet
    quote: "In {month} 2025, consumer prices changed by {words} per cent"
""" for k, (month, words) in QUOTES.items())
    return f"""exportrow: 1
article:
  file: i.txt
  sha256: {hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest()}
sides: [a, b]
actors:
  - id: outlet
    name: Riverside Courier
    side: outlet
    kind: outlet
figures:
{figs}statements:
  - id: surge
    check: rate_change
    figures: [i_aug, i_jan]
    quote: "Inflation surged to 3.4 per cent in August 2025"
"""


SIGNED = {"jan": -0.4, "feb": -0.2, "mar": -0.1, "apr": -0.3, "aug": 3.4}


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "i.txt").write_bytes(ARTICLE.encode("utf-8"))
    return tmp_path


def test_find_numbers_keeps_a_minus_sign_or_word():
    got = [(m.text, m.value) for m in find_numbers("by -0.4, by \u22120.4, by minus 0.4, by negative 0.4 (-3)")]
    assert got == [("-0.4", -0.4), ("\u22120.4", -0.4), ("minus 0.4", -0.4), ("negative 0.4", -0.4), ("-3", -3)]


@pytest.mark.parametrize("text, values", [("in 2015-2019", [2015, 2019]), ("COVID-19 cases", [19]),
                                          ("a 3-year plan", [3]), ("1.5-2 billion", [1_500_000_000, 2_000_000_000]),
                                          ("between 3 - 4 cases", [3, 4]), ("pre-2020 levels", [2020])])
def test_a_hyphen_in_a_word_or_a_range_is_not_a_sign(text, values):
    assert [m.value for m in find_numbers(text)] == values


def test_negative_values_pass_check_and_keep_their_sign(folder):
    (folder / "i.yaml").write_text(annotation(SIGNED), encoding="utf-8")
    ann = load_annotation(folder / "i.yaml", load_article(folder / "i.txt"))
    assert {f["id"]: (f["value"], f["value_span"].text) for f in ann.figures} == {
        "i_jan": (-0.4, "minus 0.4"), "i_feb": (-0.2, "\u22120.2"), "i_mar": (-0.1, "-0.1"),
        "i_apr": (-0.3, "negative 0.3"), "i_aug": (3.4, "3.4")}
    art = load_article(folder / "i.txt")
    figs = figures(art, folder / "i.yaml")
    assert figs.set_index("figure_id")["value"].to_dict() == {f"i_{k}": v for k, v in SIGNED.items()}
    (row,) = statements(art, folder / "i.yaml").pipe(check_statements, figs).itertuples()
    assert (row.verdict, row.value) == ("cannot_check", "3.4 vs -0.4 per cent")
    assert "a change from zero or below has no percentage" in row.explanation


def test_a_value_without_the_quotes_sign_is_refused_with_the_signed_value(folder):
    (folder / "i.yaml").write_text(annotation({**SIGNED, "jan": 0.4, "feb": 0.2, "aug": -3.4}), encoding="utf-8")
    with pytest.raises(AnnotationError) as info:
        load_annotation(folder / "i.yaml", load_article(folder / "i.txt"))
    got = {p.entry: (p.message, p.fix) for p in info.value.problems}
    assert got == {
        "figures[i_jan]": ("0.4 does not appear in the quote as digits or words (numbers there: 2025, minus 0.4)",
                           "the quote has 'minus 0.4', a negative number: write `value: -0.4`"),
        "figures[i_feb]": ("0.2 does not appear in the quote as digits or words (numbers there: 2025, \u22120.2)",
                           "the quote has '\u22120.2', a negative number: write `value: -0.2`"),
        "figures[i_aug]": ("-3.4 does not appear in the quote as digits or words (numbers there: 2025, 3.4)",
                           "the quote has '3.4' with no minus sign: write `value: 3.4`, or widen the quote to hold "
                           "the minus sign")}


def test_extract_drafts_the_signed_value(folder, capsys):
    proposed = propose(load_article(folder / "i.txt"))
    values = [(f.mention.text, f.mention.value) for f in proposed.figures]
    assert values[:5] == [("minus 0.4", -0.4), ("\u22120.2", -0.2), ("-0.1", -0.1), ("negative 0.3", -0.3),
                          ("3.4", 3.4)]
    assert cli.main(["extract", str(folder / "i.txt"), "--out", str(folder / "draft.yaml")]) == 0
    draft = (folder / "draft.yaml").read_text(encoding="utf-8")
    assert "value: -0.4         # written 'minus 0.4' (digits)" in draft
    assert "value: -0.2         # written '\u22120.2' (digits)" in draft


def test_the_chart_hangs_negative_levels_below_a_zero_line(folder):
    from exportrow.plots import bar_periods, plt
    from exportrow.stats import case_periods

    (folder / "i.yaml").write_text(annotation(SIGNED), encoding="utf-8")
    periods = figures(load_article(folder / "i.txt"), folder / "i.yaml").pipe(case_periods, measure="count")
    fig, alt = bar_periods(periods, measure="count")
    ax = fig.axes[0]
    heights = [round(b.get_height(), 6) for b in ax.patches]
    bottom, top = ax.get_ylim()
    labels = {t.get_text(): t.xy[1] for t in ax.texts}
    zero_lines = [ln for ln in ax.lines if list(ln.get_ydata()) == [0, 0]]
    plt.close(fig)
    assert heights == [-0.4, -0.2, -0.1, -0.3, 3.4]
    assert bottom == pytest.approx(-0.48) and top == pytest.approx(3.4 * 1.45)
    # each label over the zero line or its bar, never inside a bar
    assert labels == {"-0.4 per cent": 0, "-0.2 per cent": 0, "-0.1 per cent": 0, "-0.3 per cent": 0,
                      "3.4 per cent": 3.4}
    assert len(zero_lines) == 1
    assert alt.startswith("Inflation rose from -0.4 in Jan 2025 to 3.4 per cent in Aug 2025.")
