import pandas as pd
import pytest
from conftest import outputs_text

import exportrow
from exportrow.timeline import date_agreement, explain_dates, select_events, weeks_before


def test_seed_events_and_their_dates():
    t = exportrow.events().set_index("event_id")
    expect = {
        "curbs_implemented": ("2019-W27", "week", "2019-07-01", "2019-07-08"),
        "curbs_take_effect": ("2019-07-04", "day", "2019-07-04", "2019-07-05"),
        "shipment_vietnam": ("2017-12", "month", "2017-12-01", "2018-01-01"),
        "shipment_uae": ("2019-01", "month", "2019-01-01", "2019-02-01"),
        "cases_caught_2015": ("2015", "year", "2015-01-01", "2016-01-01"),
        "cases_caught_2016": ("2016", "year", "2016-01-01", "2017-01-01"),
        "cases_caught_2017": ("2017", "year", "2017-01-01", "2018-01-01"),
        "moon_takes_office": ("2017", "year", "2017-01-01", "2018-01-01"),
        "kang_pompeo_call": ("2019-07-10", "day", "2019-07-10", "2019-07-11"),
        "kim_to_washington": ("2019-07-10", "day", "2019-07-10", "2019-07-11"),
        "tokyo_meeting": ("2019-07-12", "day", "2019-07-12", "2019-07-13"),
        "publication": ("2019-07-12", "day", "2019-07-12", "2019-07-13"),
    }
    for eid, (timex, precision, start, end) in expect.items():
        row = t.loc[eid]
        assert (row.timex, row.precision, f"{row.date_start:%Y-%m-%d}", f"{row.date_end:%Y-%m-%d}") == (
            timex, precision, start, end), eid
    assert set(t.source) == {"article"}


def test_implemented_last_week_agrees_with_took_effect_july_4():
    (row,) = exportrow.events().pipe(date_agreement).itertuples()
    assert (row.event, row.other, row.agree) == ("curbs_take_effect", "curbs_implemented", True)


def test_disagreeing_dates_are_caught():
    t = exportrow.events()
    t.loc[t.event_id == "curbs_take_effect", ["date_start", "date_end"]] = [pd.Timestamp("2019-07-09"),
                                                                            pd.Timestamp("2019-07-10")]
    assert not t.pipe(date_agreement).agree.item()


def test_another_publication_date_moves_relative_dates(article):
    later = exportrow.events(article.with_published("2019-07-19")).set_index("event_id")
    assert later.loc["kang_pompeo_call", "timex"] == "2019-07-17"
    assert later.loc["curbs_implemented", "timex"] == "2019-W28"
    assert later.loc["curbs_take_effect", "timex"] == "2019-07-04"  # absolute: stays
    assert later.loc["publication", "timex"] == "2019-07-19"
    assert "overriding" in later.loc["publication", "rule"]


def test_context_layer_is_separate_and_sourced():
    plain = exportrow.events()
    both = exportrow.events(context=True)
    ctx = both[both.source == "context"]
    assert len(both) == len(plain) + len(ctx) and len(ctx) >= 8
    assert ctx.reference.notna().all() and ctx.quote.isna().all()
    assert ctx.set_index("event_id").loc["ctx_court_ruling", "timex"] == "2018-10-30"
    assert ctx.set_index("event_id").loc["ctx_second_ruling", "timex"] == "2018-11-29"  # known to the day
    assert {"ctx_kr_list_announced", "ctx_kr_list_in_force", "ctx_gsomia_notice", "ctx_gsomia_suspended"} <= set(
        ctx.event_id)
    assert ctx.set_index("event_id").loc["ctx_kr_list_in_force", "timex"] == "2019-09-18"
    assert both.pipe(select_events, context=False).source.eq("article").all()


def test_select_events_filters():
    t = exportrow.events()
    assert t.pipe(select_events, actors=["kang"]).event_id.tolist() == ["kang_pompeo_call", "publication"]
    tokyo = t.pipe(select_events, sides=["tokyo"])
    assert set(tokyo.side) == {"tokyo", "outlet"}
    with pytest.raises(ValueError, match="before it starts"):
        t.pipe(select_events, window=["2019-07-12", "2019-07-01"])


def test_explain_dates_names_rule_and_publication_date():
    m = exportrow.events().pipe(explain_dates).set_index("event_id")
    assert m.loc["kang_pompeo_call", "rule"].startswith("past-tense weekday")
    assert m.loc["tokyo_meeting", "result"] == "2019-07-12 (day)"
    assert m.loc["curbs_implemented", "interval"] == "2019-07-01 to 2019-07-07"


def test_weeks_before():
    assert weeks_before("2019-07-12", 0) == ["2019-07-08", "2019-07-15"]


def test_notebook_defaults(run_notebook):
    nb, out = run_notebook("02-claim-timeline")
    ev = pd.read_csv(out / "events.csv")
    assert set(ev.source) == {"article"} and len(ev) == len(exportrow.events())
    assert (out / "timeline.png").exists() and (out / "timeline-close-up.png").exists()
    dates = pd.read_csv(out / "date-resolution.csv").set_index("event_id")
    assert dates.loc["kang_pompeo_call", "result"] == "2019-07-10 (day)"
    assert "Friday 12 July 2019" in outputs_text(nb)


def test_notebook_parameters_change_the_output(run_notebook):
    nb, out = run_notebook("02-claim-timeline", published="2019-07-19", show_context=True,
                           date_window=["2018-10-01", "2019-09-01"], sides=["seoul", "tokyo"],
                           close_up_weeks=0, figure_format="svg")
    ev = pd.read_csv(out / "events.csv").set_index("event_id")
    assert ev.loc["kang_pompeo_call", "timex"] == "2019-07-17"
    assert "ctx_white_list_in_force" in ev.index and "cases_caught_2015" not in ev.index
    assert set(ev.side) <= {"seoul", "tokyo", "outlet"} and "pompeo" not in set(ev.actor)
    assert (out / "timeline.svg").exists() and not (out / "timeline-close-up.svg").exists()
    assert "[context]" in outputs_text(nb)


def test_notebook_actor_filter(run_notebook):
    _, out = run_notebook("02-claim-timeline", actors=["kang"], close_up_weeks=1)
    ev = pd.read_csv(out / "events.csv")
    assert ev.event_id.tolist() == ["kang_pompeo_call", "publication"]


def test_solution(run_notebook):
    nb, _ = run_notebook("solutions/02-claim-timeline-solutions")
    text = outputs_text(nb)
    assert "by hand: Wednesday 2019-07-10; library: 2019-07-10" in text
    assert "kang_pompeo_call" in text


def test_context_sources_carry_titles_and_links():
    from exportrow import paths
    from exportrow.annotations import safe_yaml

    doc = safe_yaml((paths.context_dir() / "dispute-2018-2019.yaml").read_text(encoding="utf-8"))
    for e in doc["events"]:
        assert e["reference"] and e["sources"], e["id"]
        for s in e["sources"]:
            assert s["title"] and s["publisher"] and s["url"].startswith(("http://", "https://")), e["id"]
            assert str(s["date"])[:4] in ("2018", "2019"), e["id"]


@pytest.mark.parametrize("context, outside", [(False, ""), (True, ", 4 from outside sources")])
def test_the_close_up_note_counts_as_the_close_up_title(context, outside):
    """Both count the article's events apart from its publication's row (the note said 7 against the title's 6 + 1)."""
    import matplotlib.pyplot as plt

    from exportrow.plots import timeline
    from exportrow.timeline import timeline_note

    t = exportrow.events(context=context)
    close = weeks_before("2019-07-12", 2)
    fig, alt = timeline(t.pipe(select_events, window=close), published=pd.Timestamp("2019-07-12"), window=close)
    plt.close(fig)
    assert alt.startswith("From 24 Jun to 14 Jul 2019 only: the article dates 5 events between 1 and 12 Jul 2019; "
                          "one more row marks its publication (12 Jul 2019)"
                          + (" (and 4 from outside sources, marked [context])" if context else "."))
    assert timeline_note(t, close_up=close, close_up_weeks=2) == (
        f"The close-up shows the 5 events the article dates between 2019-06-24 and 2019-07-14{outside}, and a row "
        "for its publication.")
