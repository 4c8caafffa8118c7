"""Review 11a, finding 14: amounts of billions are written with scale words ("203.3 billion"), without false cents,
in chart titles, labels, ticks, tables and the worksheet's answer; small numbers stay as they were. Review 13
(rv13a finding 7): a computed rate shows three significant digits, or as many as its count states."""

from __future__ import annotations

from exportrow.notebook import _number
from exportrow.numbers import fmt_value
from exportrow.plots import _grouped_ticks, _rate, fmt_count
from exportrow.stats import hedged


def test_computed_rates_of_billions_get_a_scale_word_and_no_cents():
    assert _rate(610e9 / 3) == "203 billion" and _rate(610e9 / 3, 610e9) == "203 billion"
    assert _rate(880e9 / 3) == "293 billion" and _rate(8805e8 / 3, 8805e8) == "293.5 billion"
    assert fmt_value(3.4e12 / 12, 2) == "283.3 billion"
    assert fmt_value(25.1e12 / 12, 2) == "2.092 trillion"


def test_stated_values_keep_every_digit():
    assert fmt_count(12e9) == "12 billion" and hedged(2.3e12, "approximate") == "about 2.3 trillion"
    assert fmt_value(1234567890) == "1,234,567,890"  # no four digits say it exactly: in full


def test_small_numbers_unchanged():
    assert [fmt_value(v) for v in (40000000, 9800, 2.5)] == ["40,000,000", "9,800", "2.5"]
    assert _rate(2500000 / 15) == "167,000" and _rate(2.5, 2.5) == "2.5"


def test_ticks_and_tables():
    assert _grouped_ticks().format_ticks([0, 1e11, 2e11, 4e11]) == ["0", "100 billion", "200 billion", "400 billion"]
    assert _grouped_ticks().format_ticks([0, 250000, 500000]) == ["0", "250,000", "500,000"]
    assert _number(203333333333.33) == "203.3 billion"


def test_the_worksheets_answer_and_the_statement_check(tmp_path):
    import hashlib

    from exportrow.annotations import load_annotation
    from exportrow.article import load_article
    from exportrow.checks import _two
    from exportrow.handout import _enforcement

    text = ("---\ntitle: Panel maker's loss widens\noutlet: Pacific Ledger\npublished: 2024-03-15\n---\n"
            "The panel maker's operating loss in Q3 2023 reached 880 billion won, the company said.\n")
    (tmp_path / "ledger.txt").write_text(text, encoding="utf-8")
    digest = hashlib.sha256((tmp_path / "ledger.txt").read_bytes()).hexdigest()
    (tmp_path / "ledger.yaml").write_text(
        f"exportrow: 1\narticle:\n  file: ledger.txt\n  sha256: {digest}\nsides: [maker]\nactors:\n"
        "  - {id: outlet, name: Pacific Ledger, side: outlet, kind: outlet}\n"
        "  - {id: maker, name: The panel maker, side: maker, kind: company, quote: the company said}\n"
        "figures:\n  - id: op_loss_q3\n    quantity: operating_loss\n    value: 880000000000\n    unit: won\n"
        "    period: Q3 2023\n    actor: maker\n"
        "    quote: The panel maker's operating loss in Q3 2023 reached 880 billion won\n", encoding="utf-8")
    ann = load_annotation(tmp_path / "ledger.yaml", load_article(tmp_path / "ledger.txt"))
    check = _enforcement(ann).check
    assert ("880 billion won over 3 months = 293 billion a month (computed, rounded to 3 significant digits, as "
            "precise as the count it divides)") in check
    assert "293,333,333,333" not in check
    assert _two(25.1e12 / 12) == "2.09 trillion" and _two(3.0) == "3.00"
