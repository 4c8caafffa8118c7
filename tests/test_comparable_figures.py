"""Review 5, finding 3: a statement compares only figures that can be compared.

Different units are refused (by ``exportrow check``, and ``cannot_check`` at verdict time); so is the earlier
figure listed first. A growth factor over periods of unequal length gets ``cannot_check``; different
quantities in one unit get a warning. The inputs are the review's (tests/fixtures/statements/).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import exportrow
from exportrow.annotations import AnnotationError, load_annotation
from exportrow.article import load_article
from exportrow.checks import check_one
from exportrow.cli import main
from exportrow.stats import check_statements, statements

HERE = Path(__file__).parent / "fixtures" / "statements"


def copy(tmp_path: Path, stem: str, change=lambda t: t) -> tuple[Path, Path]:
    """The article and a (changed) copy of its annotation in ``tmp_path``."""
    shutil.copy(HERE / f"{stem}.txt", tmp_path / f"{stem}.txt")
    target = tmp_path / f"{stem}.yaml"
    text = (HERE / f"{stem}.yaml").read_text(encoding="utf-8")
    # review 7: a rate_change without a word of the threshold table (s4, "Traffic skyrocketed") is refused by
    # `exportrow check` since; tests/test_review7_statements.py checks that, these tests leave it out
    text = text.replace("  - {id: s4, check: rate_change, figures: [f24, f23], quote: Traffic skyrocketed}\n", "")
    target.write_text(change(text), encoding="utf-8")
    return tmp_path / f"{stem}.txt", target


def swap(old: str, new: str):
    def change(text: str) -> str:
        assert old in text
        return text.replace(old, new, 1)
    return change


def problems(text_path: Path, yaml_path: Path) -> list:
    with pytest.raises(AnnotationError) as caught:
        load_annotation(yaml_path, load_article(text_path))
    return caught.value.problems


def verdicts(text_path: Path) -> pd.DataFrame:
    article = load_article(text_path)
    return statements(article).pipe(check_statements, exportrow.figures(article)).set_index("statement_id")


def test_check_refuses_different_units_and_the_earlier_figure_first(tmp_path, capsys):
    text, ann = copy(tmp_path, "t")
    found = {(p.entry, p.field): p for p in problems(text, ann)}
    assert set(found) == {("statements[s6]", "figures"), ("statements[s7]", "figures")}
    order, units = found["statements[s6]", "figures"], found["statements[s7]", "figures"]
    assert order.message == ("lists the earlier figure first: f23 ('2023') ends before f24 ('2024') starts, "
                             "but growth_factor reads `figures: [later, earlier]`")
    assert order.fix == "write `figures: [f24, f23]` (the later figure first)"
    assert units.message == ("compares figures in different units: rev is in 'crowns', f23 in 'lorries'; "
                             "growth_factor compares two values of the same unit")
    assert units.fix.startswith("name two figures in one unit, e.g. `figures: [f24, f23]`; if rev and f23")
    assert main(["check", str(ann)]) == 1
    err = capsys.readouterr().err
    assert f"{ann}: statements[s7].figures: compares figures in different units" in err
    assert "cases_" not in err  # the bundled article's ids are no example for this file


def test_check_refuses_a_reversed_rate_change_and_says_the_order(tmp_path):
    text, ann = copy(tmp_path, "t", swap("{id: s1, check: rate_change, figures: [f24, f23]",
                                         "{id: s1, check: rate_change, figures: [f23, f24]"))
    fixes = {p.entry: p.fix for p in problems(text, ann)}
    assert fixes["statements[s1]"] == "write `figures: [f24, f23]` (the later figure first)"


def test_a_wrong_number_of_figures_is_fixed_with_the_files_own_ids(tmp_path):
    text, ann = copy(tmp_path, "t", swap("{id: s1, check: rate_change, figures: [f24, f23]",
                                         "{id: s1, check: rate_change, figures: [f24]"))
    fix = {p.entry: p.fix for p in problems(text, ann)}["statements[s1]"]
    assert fix == "rate_change compares two figures: the later, then the earlier; write e.g. `figures: [f24, f23]`"


def test_once_fixed_the_growth_is_judged_in_the_right_direction(tmp_path):
    text, ann = copy(tmp_path, "t", lambda t: swap("figures: [f23, f24]", "figures: [f24, f23]")(t).replace(
        "  - {id: s7, check: growth_factor, figures: [rev, f23], quote: Crossings more than doubled}\n", ""))
    load_annotation(ann, load_article(text))
    row = verdicts(text).loc["s6"]
    assert row.value == "190 / 100 = 1.90x" and row.verdict == "not_supported"  # 1.9 is not more than 2
    assert row.explanation.endswith("2024 is 1.90 times 2023")


def test_verdicts_refuse_what_check_refuses_when_the_annotation_was_not_checked(tmp_path):
    text, ann = copy(tmp_path, "t", lambda t: t.replace("figures: [f23, f24]", "figures: [f24, f23]").replace(
        "figures: [rev, f23]", "figures: [f24, f23]"))
    figs = exportrow.figures(load_article(text)).set_index("figure_id")

    def judge(ids: str, check: str = "growth_factor", words: str = "Crossings more than doubled"):
        return check_one(pd.Series({"statement_id": "x", "check": check, "figures": ids, "wording": words,
                                    "wording_source": "article", "quote": words}), figs)

    value, verdict, threshold, why = judge("rev;f23")
    assert (value, verdict) == ("", "cannot_check")
    assert why == ("the figures are in different units: rev is in crowns, f23 in lorries; growth_factor compares "
                   "two values of the same unit")
    assert threshold == "'more than doubled': a factor above 2"  # the rule stays in view
    value, verdict, _, why = judge("f23;f24")
    assert (value, verdict) == ("", "cannot_check")
    assert why == ("the figures are listed earlier first: f23 (2023) ends before f24 (2024) starts; growth_factor "
                   "reads them as [later, earlier]")
    assert judge("rev;f23", "rate_change", "Traffic skyrocketed")[1] == "cannot_check"
    assert judge("f24;f23")[1] == "not_supported"  # the same figures in the right order are judged


def test_growth_over_periods_of_unequal_length_cannot_be_checked(tmp_path, capsys):
    text, ann = copy(tmp_path, "u")
    warnings = {p.entry: p for p in load_annotation(ann, load_article(text)).warnings if p.field == "figures"}
    assert warnings["statements[s2]"].message == (
        "growth_factor compares the counts of periods of unequal length: c_w ('last week') covers 7 days, "
        "c_24 ('2024') covers 12 months; its verdict will be cannot_check")
    assert "f25 ('since January') covers 73 days, f23 ('2023') covers 12 months" in warnings["statements[s1]"].message
    assert main(["check", str(ann)]) == 0
    assert "warning: " in capsys.readouterr().err
    t = verdicts(text)
    assert t.verdict.tolist() == ["cannot_check", "cannot_check"]  # were supported and not_supported on raw counts
    assert t.value.tolist() == ["", ""]
    assert "c_w (3–9 Mar 2025) covers 7 days, c_24 (2024) covers 12 months" in t.loc["s2", "explanation"]
    assert "f25 (1 Jan–14 Mar 2025) covers 73 days, f23 (2023) covers 12 months" in t.loc["s1", "explanation"]
    assert "more than 10% apart" in t.loc["s1", "explanation"]


def test_periods_within_the_tolerance_and_unknown_periods_are_compared(tmp_path):
    def table(spans):
        rows = [{"figure_id": k, "value": v, "unit": "cases", "quantity": "q", "months": 1, "basis": "stated",
                 "period_start": pd.Timestamp(s) if s else pd.NaT, "period_end": pd.Timestamp(e) if e else pd.NaT}
                for k, v, s, e in spans]
        return pd.DataFrame(rows).set_index("figure_id")

    st = pd.Series({"statement_id": "x", "check": "growth_factor", "figures": "feb;jan", "wording": "doubled",
                    "wording_source": "article", "quote": "doubled"})
    # February (28 days) against January (31): within 10%, so the counts are compared
    assert check_one(st, table([("feb", 20, "2025-02-01", "2025-03-01"), ("jan", 10, "2025-01-01", "2025-02-01")]))[1] \
        == "supported"
    # no period for one figure: nothing is known against the order or the length
    assert check_one(st, table([("feb", 20, None, None), ("jan", 10, "2025-01-01", "2025-02-01")]))[1] == "supported"
    # periods that overlap in part: taken as listed (review 6, finding 3: a period inside the other is not)
    assert check_one(st, table([("feb", 20, "2025-02-01", "2025-12-01"),
                                ("jan", 10, "2025-01-01", "2025-11-01")]))[1] == "supported"
    assert check_one(st, table([("feb", 20, "2025-01-01", "2025-12-01"),
                                ("jan", 10, "2025-01-01", "2025-11-01")]))[1] == "cannot_check"


def test_two_quantities_in_one_unit_are_warned_about_and_noted(tmp_path):
    add = "  - {id: s3, check: growth_factor, figures: [c_24, f23], quote: complaints tripled}\n"
    text, ann = copy(tmp_path, "u", lambda t: t + add)  # u.yaml ends with its statements
    warnings = [p for p in load_annotation(ann, load_article(text)).warnings if p.entry == "statements[s3]"]
    assert [w.message for w in warnings] == [
        "compares two quantities in one unit: c_24 counts 'complaints', f23 counts 'firms'; the verdict treats them "
        "as one series"]
    row = verdicts(text).loc["s3"]
    assert row.verdict == "not_supported"  # 30 / 50: no rise
    assert row.explanation.endswith("; note: it compares two quantities, complaints (c_24) and firms (f23)")


def test_the_bundled_articles_verdicts_are_unchanged():
    t = statements().pipe(check_statements, exportrow.figures()).set_index("statement_id")
    assert t.verdict.astype(str).to_dict() == {
        "more_than_doubled": "supported", "counts_within_total": "supported", "length_of_period": "approximate",
        "recent_surge": "not_supported", "recent_surge_2017": "supported"}
    assert exportrow.load_annotation().warnings == [] or all(
        "statements[" not in w.entry for w in exportrow.load_annotation().warnings)


def test_a_period_and_a_period_inside_it_cannot_be_compared(tmp_path, capsys):
    """Review 6, finding 3: 2024 against January 2024 got `supported` for "fell" and for "rose" (by the order)."""
    shutil.copy(HERE / "n.txt", tmp_path / "n.txt")
    shutil.copy(HERE / "n.yaml", tmp_path / "n.yaml")
    ann = tmp_path / "n.yaml"
    warnings = {p.entry: p for p in load_annotation(ann, load_article(tmp_path / "n.txt")).warnings
                if p.field == "figures"}
    assert warnings["statements[n1]"].message == (
        "one period contains the other: y24 ('2024') and jan ('January 2024'); a total and its part are not an "
        "earlier and a later period, so its verdict will be cannot_check")
    assert warnings["statements[n2]"].message.startswith("one period contains the other: jan ('January 2024') and y24")
    assert warnings["statements[n1]"].fix == ("compare two figures whose periods do not overlap (the later first), or, "
                                              "for a total and its parts, use `check: parts_within_total`")
    assert main(["check", str(ann)]) == 0
    assert "statements[n1].figures: one period contains the other" in capsys.readouterr().err
    article = load_article(tmp_path / "n.txt")
    t = statements(article, ann).pipe(check_statements, exportrow.figures(article, ann)).set_index("statement_id")
    assert t.loc[["n1", "n2"], "verdict"].tolist() == ["cannot_check", "cannot_check"]  # were supported, supported
    assert t.loc["n1", "explanation"] == (
        "one period contains the other: y24 (2024) and jan (Jan 2024); a total and its part are not an earlier and "
        "a later period, so rate_change cannot compare them")


def test_lorry_and_lorries_are_one_unit_and_the_example_pair_passes_every_check(tmp_path):
    """Review 6, finding 7: 'lorry'/'lorries' were two units; the fix suggested `[wk, f24]`, refused for rate_change."""
    text, ann = copy(tmp_path, "w")
    found = {p.entry: p for p in problems(text, ann)}
    assert set(found) == {"statements[s1]"}  # s2 (lorries against lorry) is accepted
    assert found["statements[s1]"].fix.startswith("name two figures in one unit, e.g. `figures: [f24, f23]`;")
    s1 = "  - {id: s1, check: rate_change, figures: [rev, f24], quote: Crossings rose}\n"
    text, ann = copy(tmp_path, "w", swap(s1, ""))
    load_annotation(ann, load_article(text))
    row = verdicts(text).loc["s2"]
    assert row.verdict == "supported" and row.explanation.startswith("'rose' needs any rise in the rate per month; "
                                                                     "it rose by 90%")
