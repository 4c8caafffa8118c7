"""Review rev17a, finding 1: a range whose year is written once, at its end, dates both ends.

"from June to August 2027" was read as June 2026 (the first end alone, by tense, against the publication date) to
August 2027: 15 months, and a rate per month five times too small. "from November to December 2025" in the past
tense was 14 months; "from June to August 2024" was refused as ending before it starts. In the ordinary English
reading the year at the end belongs to both ends (and the month, for a day range: "from 5 to 9 March 2024"); a
first month later in the year than the second ("from November to February 2025") is in the year before.

Every expected date below was counted on a calendar. Calendar facts used: 16 Oct 2025 is a Thursday; 2024 is a
leap year (29 Feb 2024 exists), 2025 is not; June, August and December have 30, 31 and 31 days, so June-August is
1 Jun to 31 Aug (exclusive end 1 Sep) and 20 Dec 2024 to 5 Jan 2025 is 12 + 5 = 17 days; 3 Mar to 3 May is two
months, and to the end of 5 May three days more (P2M3D); 5 to 9 March is five days.
"""

from __future__ import annotations

import hashlib
import re

import pytest

import exportrow
from exportrow import cli
from exportrow.dates import DateResolutionError, find_date_expressions, resolve_date

PUB = "2025-10-16"  # the Riverton Ledger article's publication day, a Thursday

# expression, tense -> start, end (exclusive), precision, timex, duration
YEAR_AT_THE_END = [
    ("from June to August 2027", "future", "2027-06-01", "2027-09-01", "month", "2027-06/2027-08", "P3M"),
    ("from June to August 2027", "past", "2027-06-01", "2027-09-01", "month", "2027-06/2027-08", "P3M"),
    ("from November to December 2025", "past", "2025-11-01", "2026-01-01", "month", "2025-11/2025-12", "P2M"),
    ("from June to August 2024", "past", "2024-06-01", "2024-09-01", "month", "2024-06/2024-08", "P3M"),
    ("between June and August 2024", "past", "2024-06-01", "2024-09-01", "month", "2024-06/2024-08", "P3M"),
    ("between January and March 2024", None, "2024-01-01", "2024-04-01", "month", "2024-01/2024-03", "P3M"),
    ("June-August 2024", None, "2024-06-01", "2024-09-01", "month", "2024-06/2024-08", "P3M"),
    ("June \u2013 August 2024", None, "2024-06-01", "2024-09-01", "month", "2024-06/2024-08", "P3M"),
    ("June through August 2024", "past", "2024-06-01", "2024-09-01", "month", "2024-06/2024-08", "P3M"),
    ("from mid-June to late August 2024", None, "2024-06-01", "2024-09-01", "month", "2024-06/2024-08", "P3M"),
    # the first month comes later in the year than the second: the year before (in every tense)
    ("from November to February 2025", "past", "2024-11-01", "2025-03-01", "month", "2024-11/2025-02", "P4M"),
    ("from November to February 2025", "future", "2024-11-01", "2025-03-01", "month", "2024-11/2025-02", "P4M"),
    ("from December 20 to January 5, 2025", None, "2024-12-20", "2025-01-06", "day", "2024-12-20/2025-01-05",
     "P17D"),
    # days: the year, and for a bare day the month, come from the end that writes them
    ("from March 3 to May 5, 2024", "past", "2024-03-03", "2024-05-06", "day", "2024-03-03/2024-05-05", "P2M3D"),
    ("from 5 to 9 March 2024", "past", "2024-03-05", "2024-03-10", "day", "2024-03-05/2024-03-09", "P5D"),
    ("from the 5th to the 9th of March 2024", None, "2024-03-05", "2024-03-10", "day", "2024-03-05/2024-03-09",
     "P5D"),
    ("from March 5 to 9, 2024", "future", "2024-03-05", "2024-03-10", "day", "2024-03-05/2024-03-09", "P5D"),
    ("March 5-9, 2024", None, "2024-03-05", "2024-03-10", "day", "2024-03-05/2024-03-09", "P5D"),
    ("5\u20139 March 2024", None, "2024-03-05", "2024-03-10", "day", "2024-03-05/2024-03-09", "P5D"),
]


@pytest.mark.parametrize("expr, tense, start, end, precision, timex, duration", YEAR_AT_THE_END)
def test_the_year_written_at_the_end_dates_both_ends(expr, tense, start, end, precision, timex, duration):
    r = resolve_date(expr, PUB, tense=tense)
    assert (str(r.start), str(r.end), r.precision, r.timex, r.duration) == (start, end, precision, timex, duration)


def test_the_rule_says_whose_year_it_is():
    assert "the year 2027 written at its end dates both ends" in resolve_date("from June to August 2027", PUB).rule
    assert ("November comes after February in the year, so the range starts in 2024"
            in resolve_date("from November to February 2025", PUB).rule)


# no year at all: the tense picks the whole range, so a range that runs across the publication day is one range,
# never a first end this year and a second end last year (or next year)
NO_YEAR = [
    # unchanged where the ends were already read alike
    ("from June to August", PUB, "past", "2025-06-01", "2025-09-01", "2025-06/2025-08"),
    ("from June to August", PUB, "future", "2026-06-01", "2026-09-01", "2026-06/2026-08"),
    ("from November to February", PUB, "past", "2024-11-01", "2025-03-01", "2024-11/2025-02"),
    # Tuesday 15 July 2025, inside June-August: was refused ("ends before it starts") in every tense
    ("from June to August", "2025-07-15", "past", "2025-06-01", "2025-09-01", "2025-06/2025-08"),
    ("from June to August", "2025-07-15", "present", "2025-06-01", "2025-09-01", "2025-06/2025-08"),
    ("from June to August", "2025-07-15", "future", "2025-06-01", "2025-09-01", "2025-06/2025-08"),
    # Wednesday 10 December 2025, inside November-February: was refused in the future tense
    ("from November to February", "2025-12-10", "future", "2025-11-01", "2026-03-01", "2025-11/2026-02"),
    # 29 February: the latest such range that starts by 16 Oct 2025 is in 2024 (2025 has no 29 February)
    ("from February 29 to March 3", PUB, "past", "2024-02-29", "2024-03-04", "2024-02-29/2024-03-03"),
]


@pytest.mark.parametrize("expr, published, tense, start, end, timex", NO_YEAR)
def test_without_a_year_the_tense_picks_the_whole_range(expr, published, tense, start, end, timex):
    r = resolve_date(expr, published, tense=tense)
    assert (str(r.start), str(r.end), r.timex) == (start, end, timex)


@pytest.mark.parametrize("expr", ["from March 9 to March 5, 2024", "from 9 to 5 March 2024",
                                  "from this March to 2015"])
def test_a_range_that_really_runs_backwards_is_still_refused(expr):
    with pytest.raises(DateResolutionError, match="ends before it starts"):
        resolve_date(expr, PUB, tense="past")


def test_two_months_joined_by_and_are_no_range():
    """"in June and August 2024" names two months; only "between June and August 2024" is a range."""
    with pytest.raises(DateResolutionError, match="supported forms"):
        resolve_date("June and August 2024", PUB, tense="past")
    assert [t for _, _, t in find_date_expressions("It rained in June and August 2024.")] == ["June", "August 2024"]


FOUND = [
    ("It admitted 410 patients from June to August 2024, the department said.", ["from June to August 2024"]),
    ("Sales in June-August 2024 and June through August 2024 rose.", ["June-August 2024", "June through August 2024"]),
    ("The fair ran from 5 to 9 March 2024, from March 5 to 9, 2024, March 5-9, 2024 and 5\u20139 March 2024.",
     ["from 5 to 9 March 2024", "from March 5 to 9, 2024", "March 5-9, 2024", "5\u20139 March 2024"]),
    ("The show runs from the 5th to the 9th of March 2024.", ["from the 5th to the 9th of March 2024"]),
    ("Prices rose from 5 to 9 percent in March 2024.", ["March 2024"]),  # counts, not days
]


@pytest.mark.parametrize("text, expected", FOUND)
def test_the_finder_takes_the_whole_range(text, expected):
    found = [t for _, _, t in find_date_expressions(text)]
    assert found == expected
    for words in found:
        resolve_date(words, PUB, tense="past")  # each one resolves


ARTICLE = """---
title: Riverton hospitals brace for heat
outlet: Riverton Ledger
published: 2025-10-16
language: en
---
Riverton's hospitals admitted 410 patients for heat illness from June to August 2024, the health department said.

The department expects 900 heat admissions from June to August 2027.
"""


def test_tables_count_three_months_and_the_rate_per_month(tmp_path):
    art = tmp_path / "mini.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    sha = hashlib.sha256(art.read_bytes()).hexdigest()
    ann = tmp_path / "mini.yaml"
    ann.write_text(f"""exportrow: 1
article:
  file: mini.txt
  sha256: {sha}
sides: [department, other]
actors:
  - {{id: dept, name: Riverton health department, side: department, kind: ministry, quote: the health department}}
figures:
  - {{id: heat_2024, quantity: heat_admissions, value: 410, unit: patients, actor: dept, tense: past,
      period: from June to August 2024, quote: 410 patients for heat illness from June to August 2024}}
  - {{id: heat_2027, quantity: heat_admissions, value: 900, unit: admissions, actor: dept, tense: future,
      period: from June to August 2027, quote: 900 heat admissions from June to August 2027}}
""", encoding="utf-8")
    figs = exportrow.figures(exportrow.load_article(art), ann).set_index("figure_id")
    got = {i: (str(r.period_start.date()), str(r.period_end.date()), r.months, round(r.per_month, 2))
           for i, r in figs.iterrows()}
    assert got == {"heat_2024": ("2024-06-01", "2024-09-01", 3, 136.67),  # 410 / 3
                   "heat_2027": ("2027-06-01", "2027-09-01", 3, 300.0)}  # 900 / 3, not 900 / 15 = 60


def test_extract_proposes_the_whole_range_and_its_three_months(tmp_path):
    art = tmp_path / "mini.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    assert cli.main(["extract", str(art), "--out", str(tmp_path / "draft.yaml")]) == 0
    draft = (tmp_path / "draft.yaml").read_text(encoding="utf-8")
    assert re.search(r'value: 410 .*\n(?:    .*\n)*?    period: "from June to August 2024"', draft)
    assert "# resolves to 2024-06/2024-08 (month) against 2025-10-16" in draft
    assert "# resolves to 2027-06/2027-08 (month) against 2025-10-16" in draft
    assert "ends before it starts" not in draft and "2025-06/2027-08" not in draft
