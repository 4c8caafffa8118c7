"""Review 5, low findings: prose that fits any article, empty tables explained by their true reason, one number
format, and a teaching guide that matches the notebooks."""

import json

import exportrow
from exportrow import framing
from exportrow import timeline as tl
from exportrow.notebook import citation
from exportrow.paths import PROJECT_ROOT

EMPTY = PROJECT_ROOT / "tests" / "fixtures" / "empty" / "quiet.txt"


def cells(name: str) -> list[str]:
    nb = json.loads((PROJECT_ROOT / "notebooks" / name).read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"]]


def test_teaching_guide_switches_measure_away_from_its_default_and_places_the_exercise():
    guide = (PROJECT_ROOT / "docs" / "teaching.md").read_text(encoding="utf-8")
    nb01 = cells("01-enforcement-statistics.ipynb")
    assert 'measure: str = "per_month"' in next(c for c in nb01 if c.startswith("article_path"))
    assert 'set `measure = "per_month"` and re-run' not in guide and "switch to `per_month`" not in guide
    assert 'set `measure = "count"` and re-run' in guide
    exercise = next(i for i, c in enumerate(nb01) if c.startswith("## Exercise"))
    assert exercise < len(nb01) - 5 and "last cell" not in guide


def test_notebook_04_exercise_names_your_annotation_not_the_bundled_folder():
    exercise = next(c for c in cells("04-coding-reliability.ipynb") if c.startswith("## Exercise"))
    assert "data/annotations" not in exercise
    assert "your annotation file, the one `annotation_path` names" in exercise


def test_empty_article_gets_its_true_reason_in_every_sentence():
    art = exportrow.load_article(EMPTY)
    assert "The article has no dateline." in citation(art) and "Dateline none" not in citation(art)
    events = exportrow.events(art)
    assert tl.undated_note(events, events) == ("The annotation records no event in this article, only its "
                                               "publication: there is nothing to date.")
    assert "records no event" in tl.exercise_event(events) and "every date here is absolute" not in \
        tl.exercise_event(events)
    claims = exportrow.claims(art)
    words = claims.pipe(framing.fightin_words, "valdmark", "ostrel")
    finding = framing.words_finding(words, "valdmark", "ostrel", claims)
    assert finding == "No word to compare: the annotation records no claim of Valdmark or Ostrel"
    questions = framing.reading_questions(claims)
    assert len(questions) == 1 and "Volume is not endorsement" not in questions[0]
    assert questions[0].startswith("The annotation records no claim in this article")


def test_empty_article_worksheet_does_not_claim_absolute_dates():
    from exportrow.handout import handout
    from exportrow.tables import annotation

    ex = handout("02-claim-timeline", annotation(EMPTY)).exercises[0]
    text = " ".join(ex.parts)
    assert "The annotation records no event in this article." in text
    assert "absolute words" not in text and "events listed below" not in text


def test_a_view_emptied_by_the_selection_is_blamed_on_the_selection():
    events = exportrow.events()
    shown = tl.select_events(events, sides=["outlet"])
    assert tl.undated_note(shown, events).startswith("No event from the article matches the chosen")


def test_notebook_03_hides_the_all_zero_tables_when_there_is_no_claim():
    src = "\n".join(cells("03-framing-comparison.ipynb"))
    assert ('.reset_index()\n     ) if not empty else Markdown(framing.claims_note_again(empty, '
            '"voice or attribution"))') in src
    assert "framing.words_finding(words, side_a, side_b, claims, inputs.annotation.sides)" in src


def test_timeline_legend_and_alt_read_a_span_as_a_date_range_not_a_duration():
    import matplotlib.pyplot as plt

    from exportrow.plots import SPAN_BAND, SPAN_BAR, timeline

    events = exportrow.events()
    fig, alt = timeline(events)
    labels = [t.get_text() for t in fig.legends[0].get_texts()] if fig.legends else \
        [t.get_text() for sub in fig.subfigs for lg in sub.legends for t in lg.get_texts()]
    plt.close(fig)
    assert SPAN_BAR in labels and SPAN_BAND in labels
    assert "a bar: dated only to a span of up to a month (a week, a month,\n'earlier this month'); some time in it, " \
        "not necessarily all of it" in labels
    assert "a light band: dated only to a span longer than a month\n('since last October', '2017'); some time in " \
        "it, not necessarily all of it" in labels
    assert not [x for x in labels if "this week or month" in x]  # a bar may be "earlier this month" (1 to 14 Mar)
    assert not [x for x in labels if "a bar that long" in x]
    assert alt.endswith("the event happened some time in it, not necessarily all of it. A bar or band is drawn "
                        "from its first day to its last.")
    days = events[events.event_id.isin(["kang_pompeo_call", "publication"])]
    fig, alt = timeline(days)
    plt.close(fig)
    assert "not how long it lasted" not in alt  # only points: nothing to misread


TEACHER = PROJECT_ROOT / "tests" / "fixtures" / "review5-teacher" / "harbour-bridge.txt"


def test_one_number_format_in_worksheet_chart_and_tables():
    import re

    import matplotlib.pyplot as plt

    from exportrow.handout import handout
    from exportrow.notebook import _number
    from exportrow.plots import bar_periods, fmt_count
    from exportrow.stats import case_periods, fmt_value, hedged
    from exportrow.tables import annotation

    ann = annotation(TEACHER)
    h = handout("01-enforcement-statistics", ann)
    page = h.exercises[0].material + h.check
    assert ">9,800<" in page and ">4,100<" in page and ">41,000<" in page
    assert ">1.5 million<" in page and ">3,420<" in page and "= 3,420 a month" in page  # 41,000 / 12, 3 digits
    assert not re.search(r"\b(9800|4100|1500000\.00|3416\.67)\b", page)
    fig, alt = bar_periods(exportrow.figures(ann.article, ann.path).pipe(case_periods))
    title = fig.axes[0].get_title(loc="left") or fig._suptitle.get_text()
    plt.close(fig)
    assert "3,420" in title + alt and "3416.67" not in title + alt and "3,416.67" not in title + alt
    assert [fmt_value(9800), hedged(9800.0), fmt_count(9800.0), _number(9800.0)] == ["9,800"] * 4


def test_notebook_01_prose_about_the_bundled_article_comes_from_the_annotation():
    from exportrow.stats import limits_note
    from exportrow.tables import annotation

    ann = annotation(TEACHER)
    note = limits_note(exportrow.figures(ann.article, ann.path))
    assert "(here, for lorry crossings: more of them in fact, or more of them noticed and recorded)" in note
    assert "enforcement" not in note and "cases" not in note
    assert "(here, for illegal export cases: more of them in fact" in limits_note(exportrow.figures())
    head = cells("01-enforcement-statistics.ipynb")[0]
    assert head.startswith("# 01 · The article's numbers: what do they say") and "Enforcement" not in head
    assert "the files keep this name for every article" in head
