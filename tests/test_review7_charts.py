"""Review 7: charts and prose on another article (F-i timeline selection, F-l prose, F-n timeline rows,
F-o monthly bars, F-p side names)."""

from __future__ import annotations

import pandas as pd
import pytest

from exportrow import claims

# ---------------------------------------------------------------- F-l: prose about anonymous voices and coders


def test_no_anonymous_claim_says_the_annotation_records_none_not_that_the_article_has_none():
    from exportrow.framing import reading_questions

    named = claims()[claims().attribution != "anonymous_source"]
    line = next(x for x in reading_questions(named) if x.startswith("**Anonymous voices"))
    assert line.endswith(" The annotation records no claim from an unnamed source or a relay.")
    assert "This article has none" not in line


def test_too_few_units_with_three_codings_says_two_or_more_coders(tmp_path):
    from exportrow.agreement import frame_warning

    few = pd.DataFrame({"frame": ["Economic"], "alpha": [1.0], "units": [8], "verdict": ["too few units"]})
    files = [tmp_path / f"{n}.yaml" for n in ("river-ann", "river.anna", "river.ben")]
    three = frame_warning(few, None, files)
    assert three.startswith("**Too few claims to judge agreement.** Other codings of this article exist, but only "
                            "8 claims were coded by two or more coders, fewer than 10")
    two = frame_warning(few, None, files[:2])
    assert "Another coding of this article exists, but only 8 claims were coded by both, fewer than 10" in two


# ---------------------------------------------------------------- helpers: what a reader sees


def _drawn_texts(fig):
    """Every visible, non-empty text of ``fig`` after a draw, with its box in pixels."""
    fig.canvas.draw()
    out = []
    for t in fig.findobj(lambda a: hasattr(a, "get_text") and hasattr(a, "get_window_extent")):
        if not t.get_visible() or not t.get_text().strip():
            continue
        ax = getattr(t, "axes", None)
        if ax is not None and t in ax.get_xticklabels() + ax.get_yticklabels():
            lo, hi = ax.get_xlim() if t in ax.get_xticklabels() else ax.get_ylim()
            pos = t.get_position()[0 if t in ax.get_xticklabels() else 1]
            if not min(lo, hi) <= pos <= max(lo, hi):
                continue  # a tick outside the view is not drawn
        out.append((t, t.get_window_extent()))
    return out


def _inside(fig, texts) -> list[str]:
    canvas = fig.bbox
    return [t.get_text() for t, b in texts
            if b.x0 < canvas.x0 - 0.5 or b.x1 > canvas.x1 + 0.5 or b.y0 < canvas.y0 - 0.5 or b.y1 > canvas.y1 + 0.5]


def _overlapping(boxes) -> list[tuple[str, str]]:
    return [(a.get_text(), b.get_text()) for i, (a, ba) in enumerate(boxes) for b, bb in boxes[i + 1:]
            if ba.x0 < bb.x1 - 0.5 and bb.x0 < ba.x1 - 0.5 and ba.y0 < bb.y1 - 0.5 and bb.y0 < ba.y1 - 0.5]


# ---------------------------------------------------------------- F-o: a monthly series with a long unit

_UNIT = "farm households applying for emergency water permits"
_MONTHLY = [1200, 980, 15000, 1430, 1650, 1210, 990, 20500, 1820, 1400, 1100, 1999]


def _monthly_periods() -> pd.DataFrame:
    starts = pd.date_range("2025-01-01", periods=12, freq="MS")
    n = len(starts)
    return pd.DataFrame({
        "label": pd.array([f"{s:%b %Y}" for s in starts], dtype="string"),
        "quantity": pd.array(["emergency_water_permit_applications"] * n, dtype="string"),
        "period_start": starts, "period_end": starts + pd.offsets.MonthBegin(1),
        "months": pd.array([1] * n, dtype="Int64"), "count": pd.array(_MONTHLY, dtype="Float64"),
        "qualifier": pd.array(["lower_bound"] * n, dtype="string"),
        "per_month": pd.array(_MONTHLY, dtype="Float64"), "value": pd.array(_MONTHLY, dtype="Float64"),
        "unit": pd.array([_UNIT] * n, dtype="string"),
        "basis": pd.Categorical(["stated"] * n, categories=["stated", "derived"]),
        "figure_id": pd.array([f"p{i}" for i in range(n)], dtype="string"),
        "actor": pd.array(["outlet"] * n, dtype="string"),
        "side": pd.Categorical(["outlet"] * n, categories=["a", "b", "outlet", "other"]),
        "source": pd.array(["stated (outlet)"] * n, dtype="string")})


@pytest.mark.parametrize("measure", ["per_month", "count"])
def test_a_monthly_series_with_a_long_unit_is_readable(measure):
    """Review 7, F-o: 12 monthly bars got three-line labels with the unit that overprinted each other, tick labels
    ran together ("Jan 2025Feb 2025"), and the y label ran from the source line into the title."""
    import matplotlib.pyplot as plt

    from exportrow.plots import bar_periods

    fig, alt = bar_periods(_monthly_periods(), measure=measure, source="Source: Riverside Courier, 16 April 2026.")
    ax = fig.axes[0]
    texts = _drawn_texts(fig)
    labels = [(t, b) for t, b in texts if t in ax.texts]
    assert [t.get_text() for t, _ in labels] == [f"\u2265{v:,}" for v in _MONTHLY]  # value only, the hedge a sign
    assert not any(_UNIT in t.get_text() for t, _ in labels)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "\u2265 = at least (as the article hedges the figure)" in legend
    ticks = [(t, b) for t, b in texts if t in ax.get_xticklabels()]
    assert [t.get_text() for t, _ in ticks] == ["Jan\n2025", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                                                "Sep", "Oct", "Nov", "Dec"]
    assert _overlapping(labels) == [] and _overlapping(ticks) == []
    assert _inside(fig, texts) == []
    ylabel = ax.yaxis.label.get_window_extent()
    axes = ax.get_window_extent()
    assert axes.y0 - 1 <= ylabel.y0 and ylabel.y1 <= axes.y1 + 1, (ylabel, axes)  # fitted to the axis height
    assert _UNIT.capitalize().split()[0] in ax.get_ylabel()  # the unit once, in the axis label
    assert f"Mar 2025: at least 15,000 {_UNIT} in 1 month, at least 15,000 a month" in alt  # full text kept
    assert "1 months" not in alt + fig._suptitle.get_text()
    plt.close(fig)


def test_the_bundled_bar_chart_keeps_its_full_labels_inside_the_figure():
    import matplotlib.pyplot as plt

    import exportrow
    from exportrow.plots import bar_periods
    from exportrow.stats import case_periods

    fig, _ = bar_periods(exportrow.figures().pipe(case_periods), source="Source: the bundled article.")
    ax = fig.axes[0]
    texts = _drawn_texts(fig)
    labels = [t.get_text() for t in ax.texts]
    assert labels[:3] == ["14 cases\nin 12 months\n= 1.17 a month", "22 cases\nin 12 months\n= 1.83 a month",
                          "48 cases\nin 12 months\n= 4 a month"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2015", "2016", "2017", "Jan 2018\u2013\nMar 2019"]
    assert ax.get_ylabel() == "Cases per month\n(computed: count \u00f7 months)"
    assert _inside(fig, texts) == [] and _overlapping([(t, b) for t, b in texts if t in ax.texts]) == []
    plt.close(fig)


# ---------------------------------------------------------------- F-i: a declared side or actor with no event


def test_a_declared_side_or_actor_with_no_event_gives_an_empty_selection_explained_not_an_error():
    """Review 7, F-i: select_events checked sides/actors against the events left after the window, with a raw
    ValueError: a declared side with no event ('other', 'washington'), or none in the window, crashed notebook 02."""
    from exportrow import events
    from exportrow.annotations import load_annotation
    from exportrow.timeline import select_events, selection_note

    ann = load_annotation()
    ev = events()
    shown = ev.pipe(select_events, sides=["washington"], annotation=ann)
    assert shown.event_id.tolist() == ["publication"]
    assert selection_note(shown, sides=["washington"], annotation=ann) == (
        "Washington has no event in this annotation; the publication row is shown.")
    window = ["2019-07-01", "2019-07-09"]  # tokyo's curbs only: seoul has no event in it, and no publication
    shown = ev.pipe(select_events, window=window, sides=["seoul"])  # no annotation: the table's sides
    assert shown.event_id.tolist() == []
    assert selection_note(shown, window=window, sides=["seoul"]) == (
        "Seoul has no event between 1 and 8 Jul 2019; no row is shown.")
    shown = ev.pipe(select_events, actors=["pompeo", "kang"], annotation=ann)
    assert shown.event_id.tolist() == ["kang_pompeo_call", "publication"]
    assert selection_note(shown, actors=["pompeo", "kang"], annotation=ann) == (
        "Mike Pompeo, U.S. Secretary of State (pompeo) has no event in this annotation.")
    assert selection_note(ev.pipe(select_events, sides=["seoul"]), sides=["seoul"]) == ""


def test_a_side_or_actor_unknown_to_the_annotation_is_one_exportrow_error():
    from exportrow import events
    from exportrow.annotations import load_annotation
    from exportrow.errors import ExportrowError
    from exportrow.sides import ActorError, SideError, check_side_parameters
    from exportrow.timeline import select_events

    ann = load_annotation()
    with pytest.raises(ActorError, match=r"^actors 'narnia' is not an actor of this annotation \(.*\); its actors "
                                         r"are: kr_gov, jp_gov, "):
        events().pipe(select_events, actors=["narnia"], annotation=ann)
    with pytest.raises(SideError, match="sides 'narnia' is not a side of this annotation"):
        events().pipe(select_events, sides=["narnia"], annotation=ann)
    with pytest.raises(ExportrowError, match="unknown actor"):  # no annotation: the table's actors
        events().pipe(select_events, actors=["narnia"])
    with pytest.raises(ActorError, match="actors 'narnia' is not an actor"):  # the report's check before kernels
        check_side_parameters(ann, {"actors": ["narnia"]})
    check_side_parameters(ann, {"actors": ["pompeo"], "sides": ["washington"]})  # declared: accepted


def test_notebook_02_runs_for_a_declared_side_with_no_event_and_refuses_an_unknown_actor_before_kernels(tmp_path):
    from exportrow.report import plan
    from exportrow.sides import ActorError

    with pytest.raises(ActorError, match="actors 'narnia' is not an actor of this annotation"):
        plan(["02"], [("actors", "[narnia]")])
    _, _, params, _ = plan(["02"], [("sides", "[washington]"), ("actors", "[pompeo]")])
    assert params["sides"] == ["washington"] and params["actors"] == ["pompeo"]


# ---------------------------------------------------------------- F-p: sides named as words, long names fitted

_LONG_A = "federal_republic_of_lowland_and_its_water_authorities"
_LONG_B = "united_provinces_of_highland_farm_union_and_government"


def _renamed_claims(a: str, b: str) -> pd.DataFrame:
    c = claims()
    c["side"] = c.side.cat.rename_categories({"seoul": a, "tokyo": b})
    return c


def test_two_word_sides_print_as_words_in_charts_and_prose():
    """Review 7, F-p: 'United_states's 3 claims', 'North_korea' in titles, heads, alt text and prose."""
    import matplotlib.pyplot as plt

    from exportrow.framing import fightin_words, frame_counts, side_name, summary, words_finding
    from exportrow.plots import diverging_frames, timeline

    c = _renamed_claims("united_states", "north_korea")
    fig, alt = diverging_frames(c.pipe(frame_counts, ["united_states", "north_korea"]), "united_states",
                                "north_korea")
    heads = [t.get_text() for t in fig.axes[0].texts if "\u2190" in t.get_text() or "\u2192" in t.get_text()]
    assert heads == ["\u2190 United States (12)", "North Korea (4) \u2192"]
    assert alt.startswith("United States' claims lean most on Crime and punishment (4 of 12); North Korea's claims")
    assert "_" not in fig._suptitle.get_text() + alt
    plt.close(fig)
    words = c.pipe(fightin_words, "united_states", "north_korea")
    assert words_finding(words, "united_states", "north_korea").startswith(
        "No word separates United States from North Korea beyond chance")
    assert summary(c, "united_states", "north_korea")[0].startswith("**United States**: 12 claims")
    assert side_name("north_korea") == "North Korea"
    ev = _events_with_side("united_states")
    fig, alt = timeline(ev)
    legend = [t.get_text() for sub in fig.subfigs for lg in sub.legends for t in lg.get_texts()]
    assert "United States" in legend and "United_states" not in " ".join(legend)
    plt.close(fig)


def _events_with_side(name: str) -> pd.DataFrame:
    from exportrow import events

    ev = events()
    ev["side"] = ev.side.cat.rename_categories({"seoul": name})
    return ev


def test_long_side_names_fit_their_half_of_frames_and_the_words_chart():
    """Review 7, F-p: two long side names printed on top of each other over frames.png, and distinctive-words'
    x label ran off the figure on the left."""
    import matplotlib.pyplot as plt

    from exportrow.framing import fightin_words, frame_counts
    from exportrow.plots import distinctive_words, diverging_frames

    c = _renamed_claims(_LONG_A, _LONG_B)
    fig, _ = diverging_frames(c.pipe(frame_counts, [_LONG_A, _LONG_B]), _LONG_A, _LONG_B, source="Source: x.")
    ax = fig.axes[0]
    texts = _drawn_texts(fig)
    heads = [(t, b) for t, b in texts if t in ax.texts and ("\u2190" in t.get_text() or "\u2192" in t.get_text())]
    assert [t.get_text().replace("\n", " ") for t, _ in heads] == [
        "\u2190 Federal Republic of Lowland and Its Water Authorities (12)",
        "United Provinces of Highland Farm Union and Government (4) \u2192"]
    assert _overlapping(heads) == [] and _inside(fig, texts) == []
    middle = ax.get_window_extent().x0 + ax.get_window_extent().width / 2
    assert heads[0][1].x1 <= middle <= heads[1][1].x0  # each head in its own half
    plt.close(fig)
    fig, _ = distinctive_words(c.pipe(fightin_words, _LONG_A, _LONG_B, min_count=1), _LONG_A, _LONG_B,
                               source="Source: x.")
    texts = _drawn_texts(fig)
    assert _inside(fig, texts) == []
    ax = fig.axes[0]
    assert ax.get_window_extent().width > 0.4 * fig.bbox.width  # the legend no longer squeezes the plot
    assert "Federal Republic of Lowland" in ax.get_xlabel().replace("\n", " ")
    plt.close(fig)


# ---------------------------------------------------------------- F-n: timeline labels of three lines or more


def test_timeline_rows_make_room_for_labels_that_wrap_to_three_lines():
    """Review 7, F-n: rows were one apart whatever their labels; a ~110-character description wraps to three lines,
    and each label's third line ran into the next row's first."""
    import matplotlib.pyplot as plt

    from exportrow import events
    from exportrow.plots import timeline

    ev = events()
    long = ("Event number {} with a rather long description that a student typed to explain what happened in detail "
            "on that day")
    ev["description"] = [long.format(i) if i % 3 else d for i, d in enumerate(ev.description)]
    ev["description"] = ev.description.astype("string")
    fig, _ = timeline(ev, source="Source: x.")
    ax = fig.axes[0]
    texts = _drawn_texts(fig)
    ticks = [(t, b) for t, b in texts if t in ax.get_yticklabels()]
    assert len(ticks) == ev.date_start.notna().sum() == 13  # one row per dated event (curbs_cite_breach is undated)
    assert max(t.get_text().count("\n") + 1 for t, _ in ticks) == 3
    assert _overlapping(ticks) == []
    assert all(b.y0 >= ax.get_window_extent().y0 - 1 for _, b in ticks)  # none below the axes
    kept = [t.get_text() for t, _ in ticks if "(" in t.get_text()]
    assert any("12\u00a0Jul\u00a02019" in k for k in kept)  # dates kept together on one line
    plt.close(fig)


def test_tick_labels_that_are_not_months_turn_when_they_do_not_fit():
    import matplotlib.pyplot as plt

    from exportrow.plots import bar_periods

    p = _monthly_periods().assign(label=pd.array([f"Week {i + 1} of 2025" for i in range(12)], dtype="string"),
                                  unit=pd.array(["trucks"] * 12, dtype="string"))
    fig, _ = bar_periods(p, source="Source: x.")
    ax = fig.axes[0]
    ticks = [(t, b) for t, b in _drawn_texts(fig) if t in ax.get_xticklabels()]
    assert [t.get_rotation() for t, _ in ticks] == [30.0] * 12 and ticks[0][0].get_text() == "Week 1 of 2025"
    assert _inside(fig, ticks) == []
    # turned 30°, two neighbours are apart by their spacing x sin 30°: more than a line of text
    ends = [b.x1 for _, b in ticks]
    line = ticks[0][0].get_fontsize() * fig.dpi / 72
    assert all((b - a) * 0.5 > line for a, b in zip(ends, ends[1:]))
    plt.close(fig)


def test_a_title_says_all_when_every_count_is_a_bound():
    """The 12-month series whose counts are all 'more than N' was titled 'the article gives some counts only as
    bounds'."""
    from exportrow.plots import _rate_title

    labels, rates, derived = ["Jan 2025", "Feb 2025"], [1200.0, 980.0], [False, False]
    title = _rate_title("Applications", labels, rates, derived, ["lower_bound", "lower_bound"])
    assert title.endswith("(the article gives all these counts only as bounds)")
    title = _rate_title("Applications", labels, rates, derived, ["lower_bound", None])
    assert title.endswith("(the article gives some counts only as bounds)")
