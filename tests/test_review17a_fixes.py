"""Review rev17a, finding 2: a refused period gets a fix that can be followed.

"from June to August 2024" was refused as "the range ends before it starts" (finding 1 resolves it), and every fix
offered was impossible: "use a supported form, e.g. 'Wednesday' ..." (a period must be the quote's own words, so a
teacher cannot use another form), and, with the period left out, a statement's "give heat_2024 a `period:` of whole
months from its quote" sent the annotator back to the refused words. Now:

- a range that really ends before it starts says how each end was read, and its fix keeps the article's words: check
  the tense or the publication date where they read an end, else leave the period out and give it in `note:`;
- words exportrow does not read get the same kind of fix, not "use a supported form";
- a statement whose figure lacks a period names the words of the figure's quote that would give one, or says that
  the quote has none exportrow reads and what to do instead.
"""

from __future__ import annotations

import hashlib

import pytest

import exportrow
from exportrow.annotations import AnnotationError, load_annotation
from exportrow.dates import DateResolutionError, resolve_date

PUB = "2025-10-16"


def test_a_backwards_range_says_how_its_ends_were_read_and_keeps_the_words():
    with pytest.raises(DateResolutionError) as info:
        resolve_date("from March 9 to March 5, 2024", PUB)
    assert str(info.value) == ("cannot resolve 'from March 9 to March 5, 2024': the range ends before it starts: its "
                               "first end reads 2024-03-09, its second 2024-03-05, which is over by then")
    assert info.value.fix == ("a period or expression must be the article's own words, so do not reword them: if the "
                              "article does write the range this way (a slip), leave out `period:` or `expression:` "
                              "(the entry then has no date) and give the range in words in `note:`")


def test_a_backwards_range_read_by_tense_names_the_tense():
    # "June 2026" has its year; "August" alone, in the past tense, is the latest August by 16 Oct 2025: 2025-08
    with pytest.raises(DateResolutionError) as info:
        resolve_date("from June 2026 to August", PUB, tense="past")
    assert "its first end reads 2026-06, its second 2025-08" in str(info.value)
    assert ("2025-08 is read by `tense: past`: if the article means another year, give the tense that reads it"
            in info.value.fix)
    assert resolve_date("from June 2026 to August", PUB, tense="future").timex == "2026-06/2026-08"  # as the fix says


ARTICLE = """---
title: Riverton hospitals brace for heat
outlet: Riverton Ledger
published: 2025-10-16
language: en
---
Nurses point to a surge in heat-related admissions, the health department said.

The hospitals admitted 640 patients for heat illness from June to August this year, against 410 from June to \
August 2024.

Clinics saw a surge too: 300 visits by 2018 and 500 visits since 2015.

The wards saw a surge as well: 90 beds, then 120 beds.

Heat deaths fell from March 9 to March 5, 2024.
"""


def _problems(tmp_path, figures: str, statements: str = "") -> dict[str, tuple[str, str]]:
    """{fix: entry.field} and {entry.field: (message, fix)} of `exportrow check` on the article with these figures
    and statements, in one dict (a statement may have a problem for each figure)."""
    art = tmp_path / "heat.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    sha = hashlib.sha256(art.read_bytes()).hexdigest()
    ann = tmp_path / "heat.yaml"
    ann.write_text(f"""exportrow: 1
article:
  file: heat.txt
  sha256: {sha}
sides: [department, other]
actors:
  - {{id: dept, name: Riverton health department, side: department, kind: ministry, quote: the health department}}
figures:
{figures}statements:
{statements or "  []"}
""", encoding="utf-8")
    with pytest.raises(AnnotationError) as info:
        load_annotation(ann, exportrow.load_article(art))
    return {**{p.fix: f"{p.entry}.{p.field}" for p in info.value.problems},
            **{f"{p.entry}.{p.field}": (p.message, p.fix) for p in info.value.problems}}


def _figure(fid, value, unit, quote, period=None):
    return (f"  - {{id: {fid}, quantity: {unit}, value: {value}, unit: {unit}, actor: dept, tense: past, "
            + (f"period: \"{period}\", " if period else "") + f"quote: \"{quote}\"}}\n")


def test_check_gives_the_backwards_fix_not_use_a_supported_form(tmp_path):
    got = _problems(tmp_path, _figure("deaths", 5, "deaths", "from March 9 to March 5, 2024",
                                      "from March 9 to March 5, 2024").replace("value: 5", "value: 2024"))
    message, fix = got["figures[deaths].period"]
    assert "the range ends before it starts: its first end reads 2024-03-09" in message
    assert "use a supported form" not in fix and "leave out `period:` or `expression:`" in fix


def test_words_exportrow_does_not_read_get_a_fix_that_keeps_the_articles_words(tmp_path):
    got = _problems(tmp_path, _figure("heat_2025", 640, "patients", "640 patients for heat illness from June to August "
                                      "this year", "from June to August this year"))
    message, fix = got["figures[heat_2025].period"]
    assert "cannot resolve 'august this year'" in message
    assert fix == ("`period:` must be the article's own words, so do not reword them: if other words of the quote date "
                   "it in a form exportrow reads ('last week', 'December 2017', '2016', 'since 2015', 'from June to "
                   "August 2024'; a weekday or a day without a year with `tense:`), give those; else leave out "
                   "`period:` (the figure then has no period) and give the date in words in `note:`")


SURGE = "  - {{id: {sid}, check: rate_change, figures: [{a}, {b}], quote: \"{quote}\"}}\n"


def test_a_statement_names_the_quotes_own_words_for_the_missing_period(tmp_path):
    got = _problems(tmp_path,
                    _figure("heat_2025", 640, "patients", "640 patients for heat illness from June to August",
                            "from June to August")
                    + _figure("heat_2024", 410, "patients", "against 410 from June to August 2024"),
                    SURGE.format(sid="heat_surge", a="heat_2025", b="heat_2024",
                                 quote="a surge in heat-related admissions"))
    message, fix = got["statements[heat_surge].figures"]
    assert message == "check rate_change needs whole months for figure 'heat_2024', which has no period"
    assert fix == ("give heat_2024 `period: from June to August 2024` (words of its quote), or choose another "
                   "check")


def test_a_quote_whose_dates_give_no_whole_months_says_so_instead_of_pointing_back(tmp_path):
    got = _problems(tmp_path,
                    _figure("visits_2018", 300, "visits", "300 visits by 2018")
                    + _figure("visits_now", 500, "visits", "500 visits since 2015"),
                    SURGE.format(sid="clinic_surge", a="visits_now", b="visits_2018", quote="a surge too"))
    # "since 2015" runs to 16 Oct 2025, no run of whole months; "by 2018" looks back from 2025 (no start)
    assert got[("visits_now's quote dates it only by 'since 2015', which reads 2015/2025-10-16: no run of whole "
                "months; as `period:` must be the article's own words, choose another check, or drop the statement "
                "and explain the comparison under `caveats:`")] == "statements[clinic_surge].figures"
    assert got[("visits_2018's quote dates it only by 'by 2018', which exportrow does not read ('by 2018' looks back "
                "from publication: it gives the end (2018) but no start, so no honest interval follows): no run of "
                "whole months; as `period:` must be the article's own words, choose another check, or drop the "
                "statement and explain the comparison under `caveats:`")] == "statements[clinic_surge].figures"


def test_a_quote_without_date_words_says_what_to_do(tmp_path):
    got = _problems(tmp_path, _figure("beds_before", 90, "beds", "90 beds") + _figure("beds_now", 120, "beds",
                                                                                       "120 beds"),
                    SURGE.format(sid="ward_surge", a="beds_now", b="beds_before", quote="a surge as well"))
    for fid in ("beds_now", "beds_before"):
        fix = (f"{fid}'s quote has no words that date it: if its sentence gives a run of whole months for it, widen "
               "the quote to hold those words and give them as `period:`; else choose another check, or drop the "
               "statement and explain the comparison under `caveats:`")
        assert got[fix] == "statements[ward_surge].figures"
