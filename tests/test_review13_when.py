"""Review 13 (rv13a findings 3-5): what `exportrow check` reads of a figure's or event's date words."""

import hashlib

import pytest

import exportrow
from exportrow.annotations import AnnotationError, load_annotation

STEEL = """---
title: Steel quotas
outlet: Riverside Courier
published: 2025-10-13
---
Tata Steel, whose fiscal year runs from April to March, said its Dutch unit made an operating loss of 212 million \
euros in fiscal 2025. Its rival lost 90 million euros in FY2025. A third lost 40 million euros in financial year 2025.
"""


def _write(tmp_path, text, figures="", events="", article_extra=""):
    art = tmp_path / "a.txt"
    art.write_text(text, encoding="utf-8")
    sha = hashlib.sha256(art.read_bytes()).hexdigest()
    ann = tmp_path / "a.yaml"
    ann.write_text(f"exportrow: 1\narticle:\n  file: a.txt\n  sha256: {sha}\n{article_extra}sides: [firms, unions]\n"
                   "actors:\n  - {id: outlet, name: Riverside Courier, side: outlet, kind: outlet}\n"
                   "  - {id: firm, name: Tata Steel, side: firms, kind: company, quote: Tata Steel}\n"
                   f"figures:\n{figures or '  []'}\nclaims: []\nevents:\n{events or '  []'}\nignored_numbers: []\n",
                   encoding="utf-8")
    return exportrow.load_article(art), ann


def _problems(art, ann):
    with pytest.raises(AnnotationError) as info:
        load_annotation(ann, art)
    return str(info.value)


def _loss(fid, value, period, quote, tense="past"):
    return (f"  - {{id: {fid}, quantity: loss, value: {value}, unit: euros, period: \"{period}\", tense: {tense}, "
            f"actor: firm, quote: \"{quote}\"}}\n")


FISCAL = "  fiscal_year_start: 4\n  fiscal_year_named_by: end\n"


@pytest.mark.parametrize("fid,value,whole,quote", [
    ("tata", 212000000, "fiscal 2025", "an operating loss of 212 million euros in fiscal 2025"),
    ("rival", 90000000, "FY2025", "lost 90 million euros in FY2025"),
    ("third", 40000000, "financial year 2025", "lost 40 million euros in financial year 2025"),
])
def test_a_year_cut_out_of_a_fiscal_year_is_refused(tmp_path, fid, value, whole, quote):  # finding 3
    art, ann = _write(tmp_path, STEEL, _loss(fid, value, "2025", quote), article_extra=FISCAL)
    text = _problems(art, ann)
    assert f"figures[{fid}].period: '2025' is only part of the date expression '{whole}' in its sentence" in text
    assert f"fix: date it by the whole expression: `period: {whole}`; the part alone is the calendar year, not the " \
           "fiscal one\n" in text + "\n"
    # the whole words date it as the article's April-March year named by its end: April 2024 to March 2025
    ann.write_text(ann.read_text().replace('period: "2025"', f'period: "{whole}"'), encoding="utf-8")
    r = exportrow.figures(art, ann).iloc[0]
    assert (str(r.period_start.date()), str(r.period_end.date()), int(r.months)) == ("2024-04-01", "2025-04-01", 12)


def test_without_the_fiscal_year_the_cut_year_is_refused_and_the_fix_names_both_conventions(tmp_path):  # finding 3
    art, ann = _write(tmp_path, STEEL, _loss("tata", 212000000, "2025", "loss of 212 million euros in fiscal 2025"))
    text = _problems(art, ann)
    assert "fix: date it by the whole expression: `period: fiscal 2025`; the part alone is the calendar year, " \
           "not the fiscal one (and give the article's fiscal year under `article:`: `fiscal_year_start` and " \
           "`fiscal_year_named_by`)" in text
    ann.write_text(ann.read_text().replace('period: "2025"', 'period: "fiscal 2025"'), encoding="utf-8")
    text = _problems(art, ann)
    assert "cannot resolve 'fiscal 2025': a fiscal year depends on who keeps it" in text
    assert "`fiscal_year_named_by: start` if its FY2023 starts in 2023 (as in Japan: April 2023 to March 2024), " \
           "`end` if it ends in 2023 (as for Indian and British companies: April 2022 to March 2023" in text
    assert "'FY2023, the year to March 2023' or 'the year ended 31 March 2023' means `end`" in text


def test_the_missing_naming_convention_offers_start_and_end(tmp_path):  # finding 3
    art, ann = _write(tmp_path, STEEL, _loss("tata", 212000000, "fiscal 2025", "212 million euros in fiscal 2025"),
                      article_extra="  fiscal_year_start: 4\n")
    text = _problems(art, ann)
    fix = text.split("article.fiscal_year_named_by: ")[1].split("\n  - ")[0]
    assert "fix: add under article: `fiscal_year_named_by: start` if its FY2023 starts in 2023" in fix
    assert "`end` if it ends in 2023 (as for Indian and British companies" in fix


def test_a_calendar_fiscal_year_keeps_the_cut_year(tmp_path):  # finding 3: January years are the calendar's
    art, ann = _write(tmp_path, STEEL, _loss("tata", 212000000, "2025", "212 million euros in fiscal 2025"),
                      article_extra="  fiscal_year_start: 1\n  fiscal_year_named_by: start\n")
    r = exportrow.figures(art, ann).iloc[0]
    assert str(r.period_start.date()) == "2025-01-01"


DOCK = """---
title: Dock strike
outlet: Riverside Courier
published: 2025-11-04
---
The strike began on Sunday after talks broke down. The ministry said on Friday the plan would hit exports. Unions \
have called a day of action for November 26. The two sides will meet on Friday. A meeting was planned for Thursday. \
The union said the employers will reply on Thursday.
"""


def _event(eid, quote, expression, tense):
    return (f"  - {{id: {eid}, actor: firm, action: OTHER, description: d, quote: \"{quote}\", "
            f"expression: \"{expression}\", tense: {tense}}}\n")


def _event_warnings(tmp_path, eid, quote, expression, tense):
    art, ann = _write(tmp_path, DOCK.replace("The strike", "Tata Steel said the strike", 1),
                      events=_event(eid, quote, expression, tense))
    a = load_annotation(ann, art)
    return [f"{w.entry}.{w.field}: {w.message}\n    fix: {w.fix}" for w in a.warnings if w.field == "tense"], \
        exportrow.events(art, ann).set_index("event_id")


def test_a_future_tense_beside_a_past_verb_warns_with_both_readings(tmp_path):  # finding 4
    warned, t = _event_warnings(tmp_path, "began", "the strike began on Sunday", "on Sunday", "future")
    assert str(t.loc["began", "date_start"])[:10] == "2025-11-09"  # the annotation's reading stands: a warning only
    assert warned == ["events[began].tense: 'on Sunday' is read with `tense: future` as 2025-11-09 (Sun 9 "
                      "Nov 2025), after publication (4 Nov 2025), but it follows 'began', a past-tense verb; with "
                      "`tense: past` it is 2025-11-02 (Sun 2 Nov 2025)\n    fix: write `tense: past` if the event "
                      "happened before publication; keep `tense: future` only if 'on Sunday' dates something still "
                      "to come"]
    assert _event_warnings(tmp_path, "began", "the strike began on Sunday", "on Sunday", "past")[0] == []
    warned = _event_warnings(tmp_path, "said", "The ministry said on Friday", "on Friday", "present")[0]
    assert len(warned) == 1 and "as 2025-11-07 (Fri 7 Nov 2025), after publication (4 Nov 2025), but it follows " \
        "'said', a past-tense verb; with `tense: past` it is 2025-10-31 (Fri 31 Oct 2025)" in warned[0]


def test_a_past_tense_beside_will_warns_with_both_readings(tmp_path):  # finding 4
    warned, _ = _event_warnings(tmp_path, "meet", "The two sides will meet on Friday", "on Friday", "past")
    assert warned == ["events[meet].tense: 'on Friday' is read with `tense: past` as 2025-10-31 (Fri 31 Oct "
                      "2025), but its clause says 'will' (what is to come); with `tense: future` it is 2025-11-07 "
                      "(Fri 7 Nov 2025)\n    fix: write `tense: future` if the event was still to come at "
                      "publication (4 Nov 2025); keep `tense: past` only if 'on Friday' dates something that had "
                      "happened"]
    assert _event_warnings(tmp_path, "meet", "The two sides will meet on Friday", "on Friday", "future")[0] == []


@pytest.mark.parametrize("eid,quote,expression,tense", [
    ("action", "have called a day of action for November 26", "November 26", "future"),  # the day is to come
    ("action", "have called a day of action for November 26", "November 26", "past"),
    ("planned", "A meeting was planned for Thursday", "Thursday", "future"),  # "was" and "planned": either way
    ("planned", "A meeting was planned for Thursday", "Thursday", "past"),
    ("reply", "The union said the employers will reply on Thursday", "on Thursday", "past"),  # said ... will
])
def test_no_warning_when_the_sentence_is_ambiguous(tmp_path, eid, quote, expression, tense):  # finding 4
    assert _event_warnings(tmp_path, eid, quote, expression, tense)[0] == []


PORT = """---
title: Port volumes
outlet: Riverside Courier
published: 2025-11-04
---
Container volumes at the Tata Steel port fell 5% in September, the port authority said last month, as lines cut calls. \
In 2024, the port handled 278 tonnes. Exports rose 3% last month, the ministry said on Monday.
"""


def _fig(fid, value, period, quote, unit="percent"):
    return (f"  - {{id: {fid}, quantity: volume, value: {value}, unit: {unit}, period: \"{period}\", actor: firm, "
            f"quote: \"{quote}\"}}\n")


def _period_warnings(tmp_path, figures):
    art, ann = _write(tmp_path, PORT, figures)
    a = load_annotation(ann, art)
    return [(w.entry, w.message, w.fix) for w in a.warnings if w.field == "period"], \
        exportrow.figures(art, ann).set_index("figure_id")


FALL = "Container volumes at the Tata Steel port fell 5% in September, the port authority said last month"


def test_a_period_from_another_clause_warns_when_the_numbers_clause_has_its_own_date(tmp_path):  # finding 5
    warned, t = _period_warnings(tmp_path, _fig("fall", 5, "last month", FALL))
    assert str(t.loc["fall", "period_start"].date()) == "2025-10-01"  # a warning only: the annotation's period stands
    assert warned == [("figures[fall]", "'last month' stands in another clause ('the port authority said last month') "
                       "than the number '5', whose own clause ('Container volumes at the Tata Steel port fell 5% in "
                       "September') has its own date words, 'September'; exportrow extract proposes `period: "
                       "September`", "write `period: September` if it dates the number; keep `period: last month` "
                       "only if it dates the number itself and not another verb of its clause")]
    warned, t = _period_warnings(tmp_path, _fig("fall", 5, "September", FALL))
    assert warned == [] and str(t.loc["fall", "period_start"].date()) == "2025-09-01"


def test_no_warning_when_the_numbers_clause_has_no_date_or_holds_the_period(tmp_path):  # finding 5
    figs = _fig("handled", 278, "2024", "In 2024, the port handled 278 tonnes", "tonnes") \
        + _fig("rose", 3, "last month", "Exports rose 3% last month, the ministry said on Monday")
    warned, t = _period_warnings(tmp_path, figs)
    assert warned == [] and str(t.loc["handled", "period_start"].date()) == "2024-01-01"


def test_the_cut_year_is_refused_without_asking_its_tense(tmp_path):  # finding 3: no question about the wrong words
    fig = _loss("tata", 212000000, "2025", "an operating loss of 212 million euros in fiscal 2025").replace(
        "tense: past, ", "")
    art, ann = _write(tmp_path, STEEL, fig, article_extra=FISCAL)
    text = _problems(art, ann)
    assert "1 problem in the annotation file" in text and "'2025' is only part of the date expression 'fiscal 2025'" \
        in text and ".tense:" not in text
