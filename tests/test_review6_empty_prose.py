"""Review 6, finding 9: the empty article's report says each "nothing here" once, with its true reason: notebook 03
says in full once that there is no claim (later sections one short line), notebook 02 says there is no event to
show close up, notebook 01 lists no limits of a chart that is not there."""

import exportrow
from exportrow import framing, stats
from exportrow import timeline as tl
from exportrow.paths import PROJECT_ROOT

EMPTY = PROJECT_ROOT / "tests" / "fixtures" / "empty" / "quiet.txt"
FULL = "The annotation records no claim at all, so there is nothing to compare: no voice, no frames, no words."


def test_notebook_01_lists_no_limits_of_a_chart_that_is_not_there():
    art = exportrow.load_article(EMPTY)
    note = stats.limits_note(exportrow.figures(art))
    assert note == ("The annotation records no figure of the article, so there is no table or chart here to read "
                    "with care.")
    assert "Other series measure other things" in stats.limits_note(exportrow.figures())


def test_notebook_02_says_there_is_no_event_to_show_close_up():
    art = exportrow.load_article(EMPTY)
    events = exportrow.events(art)
    close = tl.weeks_before(art.published, 2)
    note = tl.timeline_note(events, close_up=close, close_up_weeks=2)
    assert note == "No close-up: the timeline shows no event, only the article's publication, so there is none to show."
    assert "every event shown falls between" not in note


def test_notebook_03_later_sections_say_briefly_that_there_is_nothing():
    claims = exportrow.claims(exportrow.load_article(EMPTY))
    note = framing.claims_note(claims, ["valdmark", "ostrel"])
    assert note == FULL
    assert framing.claims_note_again(note, "frames") == "No frames to compare: no claim (see above)."
    assert framing.claims_note_again(None, "frames") is None


def test_notebook_03_on_the_empty_article_says_it_once(run_notebook):
    from conftest import outputs_text

    nb, _ = run_notebook("03-framing-comparison", article_path=str(EMPTY))
    text = outputs_text(nb)
    assert text.count(FULL) == 1
    assert "No voice or attribution to compare: no claim (see above)." in text
    assert "No frames to compare: no claim (see above)." in text
