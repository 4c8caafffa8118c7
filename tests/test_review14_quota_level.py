"""Review 14 (rv14a finding 2): an amount set for a whole period ("a quota of 34.6 million tonnes this year") has a
tense check accepts, the fix names it, and a level is never cut to "a count so far"."""

import hashlib

import pytest

import exportrow
from exportrow import stats
from exportrow.annotations import AnnotationError, load_annotation

STEEL = """---
title: EU steelmakers cheer plan to halve import quotas
outlet: Reuters
published: 2025-10-13T15:42:00+02:00
dateline: BRUSSELS, Oct 13 (Reuters)
language: en
---
BRUSSELS, Oct 13 (Reuters) - The European Commission unveiled the proposal last Tuesday. It would reduce the annual \
tariff-free quota to 18.3 million tonnes from 34.6 million tonnes this year and apply a 50% tariff to volumes above it.
"""


def _write(tmp_path, current: str, proposed_kind: str = ""):
    art = tmp_path / "steel.txt"
    art.write_text(STEEL, encoding="utf-8")
    sha = hashlib.sha256(art.read_bytes()).hexdigest()
    ann = tmp_path / "steel.yaml"
    ann.write_text(
        f"exportrow: 1\narticle:\n  file: steel.txt\n  sha256: {sha}\nsides: [eu, exporters]\n"
        "actors:\n  - {id: outlet, name: Reuters, side: outlet, kind: outlet}\n"
        "  - {id: commission, name: European Commission, side: eu, kind: organisation, "
        "quote: The European Commission}\n"
        "figures:\n"
        f"  - {{id: proposed_quota, quantity: tariff_free_quota, value: 18300000, unit: tonnes, tense: future, "
        f"{proposed_kind}actor: commission, quote: reduce the annual tariff-free quota to 18.3 million tonnes}}\n"
        f"  - {{id: current_quota, quantity: tariff_free_quota, value: 34600000, unit: tonnes, period: this year, "
        f"{current}actor: commission, quote: from 34.6 million tonnes this year}}\n"
        "claims: []\nevents: []\n", encoding="utf-8")
    return exportrow.load_article(art), ann


def _problems(art, ann) -> str:
    with pytest.raises(AnnotationError) as info:
        load_annotation(ann, art)
    return str(info.value)


LEVEL_FIX = ("`kind: level` with `tense: present` if it is an amount set for the whole period, neither counted so far "
             "nor forecast (a quota, a budget, a cap)")


def test_the_tense_question_names_the_level_and_never_offers_a_bare_present(tmp_path):
    text = _problems(*_write(tmp_path, ""))
    assert "figures[current_quota].tense: needed: 'this year' (2025) runs to 31 Dec 2025, after publication " \
           "(13 Oct 2025)" in text
    assert "or is an amount set for the whole period (a quota, a budget: kind: level)" in text
    assert "fix: add `tense: past` if the figure counts only the part so far (its period then ends at " \
           "publication), `tense: future` if it is a forecast for the whole period, or " + LEVEL_FIX in text
    assert "(or `tense: present`)" not in text  # was offered, then refused


def test_a_bare_present_is_refused_with_a_fix_naming_the_level(tmp_path):
    text = _problems(*_write(tmp_path, "tense: present, "))
    assert "figures[current_quota].tense: present leaves open what the count covers" in text
    assert "or add " + LEVEL_FIX in text


def test_the_suggested_fix_passes_and_keeps_the_whole_year(tmp_path):
    art, ann = _write(tmp_path, "kind: level, tense: present, ", "kind: level, ")
    assert load_annotation(ann, art).figures  # accepted
    row = exportrow.figures(art, ann).set_index("figure_id").loc["current_quota"]
    assert (str(row.period_start.date()), str(row.period_end.date()), row.kind) == ("2025-01-01", "2026-01-01",
                                                                                    "level")
    assert row.per_month is pd_na()


def test_a_past_tense_level_is_a_level_so_far_and_a_present_one_the_whole_period(tmp_path):
    """Review 15, finding 1: `kind: level` with `tense: past` ("has averaged 6.3% this year") reports only the part
    so far, so it ends at publication like a count so far; the amount set for the whole period is `tense: present`."""
    art, ann = _write(tmp_path, "kind: level, tense: past, ", "kind: level, ")
    row = exportrow.figures(art, ann).set_index("figure_id").loc["current_quota"]
    assert str(row.period_end.date()) == "2025-10-14"
    art, ann = _write(tmp_path, "kind: level, tense: present, ", "kind: level, ")
    row = exportrow.figures(art, ann).set_index("figure_id").loc["current_quota"]
    assert str(row.period_end.date()) == "2026-01-01"


def test_a_past_tense_quota_read_as_a_count_so_far_gets_a_warning_naming_the_reading(tmp_path):
    art, ann = _write(tmp_path, "tense: past, ")
    warnings = [w for w in load_annotation(ann, art).warnings if w.entry == "figures[current_quota]"]
    assert [(w.field, w.message, w.fix) for w in warnings] == [(
        "tense", "read as a count so far: with `tense: past`, 'this year' (2025) ends at publication (13 Oct 2025), "
        "but 'quota' reads like an amount set for the whole period",
        "if it is, write `kind: level` with `tense: present`; keep `tense: past` only if the article counts it so far")]
    row = exportrow.figures(art, ann).set_index("figure_id").loc["current_quota"]
    assert str(row.period_end.date()) == "2025-10-14"  # the reading the warning names


def test_a_level_running_to_publication_is_not_labelled_a_count_so_far():
    import pandas as pd

    r = pd.Series({"label": "1 Jan–13 Oct 2025", "period_start": pd.Timestamp("2025-01-01"),
                   "period_end": pd.Timestamp("2025-10-14"), "kind": "level"})
    assert stats.to_publication(r, "2025-10-13") == "1 Jan–13 Oct 2025 (to publication, 13 Oct 2025)"


def pd_na():
    import pandas as pd

    return pd.NA
