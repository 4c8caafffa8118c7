"""rev17a #4: "over N years" after a figure (or a verb of change) is the span the figure is spread across, not a
lower bound; "over" stays a bound where it qualifies the figure itself ("over 150 cases", "over 40 percent")."""

import pytest

from exportrow import load_article
from exportrow.extract import draft_annotation, propose

HEAD = "---\ntitle: Osaka sets aside funds\noutlet: Riverton Ledger\npublished: 2025-10-16\nlanguage: en\n---\n"


def _article(tmp_path, body):
    p = tmp_path / "a.txt"
    p.write_text(HEAD + body + "\n", encoding="utf-8")
    return load_article(p)


def _proposed(tmp_path, sentence):
    """(qualifier, words) proposed for each number of ``sentence``, by the number as written."""
    return {f.mention.text: (f.qualifier, f.qualifier_words) for f in propose(_article(tmp_path, sentence)).figures}


@pytest.mark.parametrize(("sentence", "number", "after"), [
    ("Osaka has set aside 1.2 trillion yen over five years for public health, officials said.", "five", "a figure"),
    ("Spending rose 8% over three years, the council said.", "three", "a figure"),
    ("The city paid 300 nurses over two decades.", "two", "a figure"),
    ("Overdose deaths rose over five years, the department said.", "five", "a verb of change"),
])
def test_over_a_span_after_a_figure_proposes_no_bound(tmp_path, sentence, number, after):
    qualifier, words = _proposed(tmp_path, sentence)[number]
    assert qualifier is None
    assert words.startswith(f"'over {number} ") and f" after {after} reads as 'across {number} " in words


@pytest.mark.parametrize(("sentence", "number", "expected"), [
    ("Over 150 cases were reported in 2024.", "150", "lower_bound"),
    ("Turnout was over 40 percent, officials said.", "40", "lower_bound"),
    ("Spending rose over 40 percent in 2024.", "40", "lower_bound"),  # the figure itself, no unit of time
    ("Over 200 nurses joined the strike.", "200", "lower_bound"),
    ("The 14 projects took over five years.", "five", "lower_bound"),  # "took over": more than five years
    ("The union paid $500 a month for over five years.", "five", "lower_bound"),
    ("In 2016 the trial ran over five years.", "five", "lower_bound"),  # a year is no figure
])
def test_over_that_qualifies_the_number_stays_a_bound(tmp_path, sentence, number, expected):
    qualifier, words = _proposed(tmp_path, sentence)[number]
    assert (qualifier, words) == (expected, "over")


def test_over_the_past_two_years_bounds_nothing(tmp_path):
    proposed = _proposed(tmp_path, "Deaths rose 20% over the past two years, and 40 clinics opened over the decade.")
    assert proposed == {"20": (None, ""), "40": (None, "")}  # "the past two years" is a date, no figure


def test_the_draft_says_why_no_qualifier_is_proposed(tmp_path):
    art = _article(tmp_path, "Osaka has set aside 1.2 trillion yen over five years, and over 200 nurses joined.")
    draft = draft_annotation(art)
    assert ("    # qualifier: none proposed: 'over five years' after a figure reads as 'across five years', not "
            "'more than five years': add `qualifier: over` only if the article means 'more than'") in draft
    assert draft.count("qualifier: over   # proposed: 'over' bounds this number (lower bound)") == 1  # the 200
