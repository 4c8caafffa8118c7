"""Review 12: when a figure's period needs `tense:` (M7, H3, L1)."""

import hashlib

import pytest

import exportrow
from exportrow.annotations import AnnotationError, load_annotation
from exportrow.extract import draft_annotation

PORT = """---
title: Harbour grain exports set to climb
outlet: Riverside Courier
published: 2025-08-20
---
The ministry said grain exports reached 1,500 tonnes in 2023 and 1,800 tonnes in 2024.

Exports are expected to reach 2,000 tonnes in 2025, and will reach 2,400 tonnes in 2026, the ministry forecast.

A trade group disputed the figures. In June, sales fell to 300 tonnes, the group said. Sales will reach 500 tonnes \
in May, the group said. Sales rose to 700 tonnes in the second-half so far.
"""


def _fig(fid, value, period, quote, tense=None):
    return (f"  - {{id: {fid}, quantity: grain_exports, value: {value}, unit: tonnes, period: \"{period}\", "
            + (f"tense: {tense}, " if tense else "") + f"actor: min, quote: \"{quote}\"}}\n")


def _write(tmp_path, figures, events=""):
    art = tmp_path / "port.txt"
    art.write_text(PORT, encoding="utf-8")
    sha = hashlib.sha256(art.read_bytes()).hexdigest()
    ann = tmp_path / "port.yaml"
    ann.write_text(f"exportrow: 1\narticle:\n  file: port.txt\n  sha256: {sha}\nsides: [ministry, traders]\n"
                   "actors:\n  - {id: outlet, name: Riverside Courier, side: outlet, kind: outlet}\n"
                   "  - {id: min, name: The ministry, side: ministry, kind: ministry, quote: The ministry}\n"
                   f"figures:\n{figures}claims: []\nevents: {events or '[]'}\nignored_numbers: []\n", encoding="utf-8")
    return exportrow.load_article(art), ann


def _problems(tmp_path, figures, events=""):
    art, ann = _write(tmp_path, figures, events)
    with pytest.raises(AnnotationError) as info:
        load_annotation(ann, art)
    return str(info.value)


def test_a_plainly_past_figure_without_tense_is_read_as_past_as_before_round_11(tmp_path):  # M7
    art, ann = _write(tmp_path, _fig("jun", 300, "June", "In June, sales fell to 300 tonnes"))
    t = exportrow.figures(art, ann).set_index("figure_id")
    assert str(t.loc["jun", "period_start"].date()) == "2025-06-01"
    assert not t.loc["jun", "forecast"]


def test_a_modal_sentence_asks_for_the_tense_with_both_readings(tmp_path):  # M7
    text = _problems(tmp_path, _fig("may", 500, "May", "Sales will reach 500 tonnes in May"))
    assert "figures[may].tense: needed: its sentence has 'will' (a future or modal word), and 'May' reads 2025-05 in " \
           "the past tense (what happened) but 2026-05 in the present or future tense (a forecast)" in text
    art, ann = _write(tmp_path, _fig("may", 500, "May", "Sales will reach 500 tonnes in May", "future"))
    t = exportrow.figures(art, ann)
    assert str(t.period_start[0].date()) == "2026-05-01" and t.forecast.tolist() == [True]


def test_a_current_year_forecast_asks_for_the_tense_and_is_no_count_of_what_happened(tmp_path):  # H3
    e25 = _fig("e25", 2000, "2025", "expected to reach 2,000 tonnes in 2025")
    text = _problems(tmp_path, e25 + _fig("e26", 2400, "2026", "will reach 2,400 tonnes in 2026"))
    assert "figures[e25].tense: needed: '2025' (2025) runs to 31 Dec 2025, after publication (20 Aug 2025), and " \
           "its sentence has 'expected' (a future or modal word): the figure is a forecast (tense: future) unless " \
           "it counts only the part so far (tense: past)" in text
    assert "figures[e26]" not in text  # starts after publication: a forecast without asking
    art, ann = _write(tmp_path, _fig("e25", 2000, "2025", "expected to reach 2,000 tonnes in 2025", "future"))
    assert exportrow.figures(art, ann).forecast.tolist() == [True]
    art, ann = _write(tmp_path, _fig("e25", 2000, "2025", "expected to reach 2,000 tonnes in 2025", "past"))
    assert exportrow.figures(art, ann).forecast.tolist() == [False]


def test_an_unresolved_period_past_publication_is_never_taken_for_what_happened():  # H3: tables without check
    import datetime as dt

    from exportrow.dates import resolve_date
    from exportrow.tables import is_forecast

    pub = dt.date(2025, 8, 20)
    assert is_forecast({"date": resolve_date("2025", pub)}, pub)
    assert not is_forecast({"date": resolve_date("so far this year", pub)}, pub)
    assert not is_forecast({"date": resolve_date("2024", pub)}, pub)


def test_same_reading_both_ways_asks_no_tense_for_an_event_but_asks_for_a_figure_running_past_publication(tmp_path):
    ev = "\n  - {id: ev1, actor: min, action: OTHER, description: sales, expression: second-half, " \
         "quote: \"Sales rose to 700 tonnes in the second-half so far\"}\n"  # L1
    fig = _fig("h2", 700, "second-half", "Sales rose to 700 tonnes in the second-half so far")
    text = _problems(tmp_path, fig, ev)
    assert "events[ev1]" not in text and "2025-H2 (the latest" not in text
    assert "figures[h2].tense: needed: 'second-half' (2025-H2) runs to 31 Dec 2025, after publication (20 Aug 2025), " \
           "so the figure counts either the part so far (tense: past) or what is expected for the whole" in text
    art, ann = _write(tmp_path, _fig("h2", 700, "second-half", "Sales rose to 700 tonnes in the second-half so far",
                                     "past"), ev)
    t = exportrow.figures(art, ann)
    assert str(t.period_start[0].date()) == "2025-07-01" and t.forecast.tolist() == [False]


def test_the_draft_writes_tense_todo_only_where_check_will_ask(tmp_path):
    art, _ = _write(tmp_path, "")
    draft = draft_annotation(art)
    june = draft.split('period: "June"')[1].split("quote:")[0]
    assert "tense" not in june  # "sales fell": read as past
    assert 'period: "2025"     # TODO: keep only if it dates this number\n    tense: TODO           # 2025 runs past ' \
           "publication: past = so far this period; future = a forecast; present with kind: level = an amount set " \
           "for the whole period (a quota, a budget)\n" in draft
    may = draft.split('period: "May"')[1].split("quote:")[0]
    assert "tense: TODO           # past resolves to 2025-05; present/future to 2026-05 (future: a forecast)" in may


def test_a_cut_message_ends_on_a_whole_word():  # L1
    from exportrow.annotations.checker import clip

    msg = ("cannot resolve 'June' without a tense: in the past tense it is 2025-06 (the latest month on or before "
           "publication), in the present or future tense 2026-06 (the first on or after publication); give tense "
           "past, present or future")
    assert clip(msg, 200) == msg[:msg.index(" tense past,")] + "\u2026"  # "...publication); give…", not "give ten…"
    assert clip(msg, 320) == msg


def test_a_problem_only_the_what_if_date_makes_is_named_as_its_doing_with_no_annotation_fix():  # M9
    text = ""
    try:
        load_annotation(None, exportrow.load_article().with_published("2016-06-01"))
    except AnnotationError as exc:
        text = str(exc)
    assert "with published 1 Jun 2016 (the what-if date)" in text
    assert "fix: the annotation is right for the article's own date (12 July 2019, 07:30 (JST)): choose a later " \
           "what-if date (`-p published`), or none" in text
    assert "write figures:" not in text and "add `tense:" not in text
