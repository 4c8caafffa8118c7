"""Review 13 (rv13a finding 8): the close-up timeline's title describes its own window, and names a span that runs
beyond it, instead of the whole range of the events it draws."""

import hashlib

import matplotlib.pyplot as plt

import exportrow
from exportrow.plots import timeline
from exportrow.timeline import select_events, timeline_note, weeks_before

STEEL = """---
title: EU plans steel quotas
outlet: Steel Wire
published: 2025-10-13
---
The Commission unveiled the proposal on Tuesday. Turkey protested on Friday. Talks began in March.
It wants the measure in force by July 1, 2026, officials said.
"""


def _events(tmp_path):
    art = tmp_path / "steel.txt"
    art.write_text(STEEL, encoding="utf-8")
    sha = hashlib.sha256(art.read_bytes()).hexdigest()
    ann = tmp_path / "steel.yaml"
    ann.write_text(
        f"exportrow: 1\narticle:\n  file: steel.txt\n  sha256: {sha}\nsides: [eu]\nactors:\n"
        "  - {id: outlet, name: Steel Wire, side: outlet, kind: outlet}\n"
        "  - {id: com, name: The Commission, side: eu, kind: organisation, quote: The Commission}\n"
        "figures: []\nclaims: []\nevents:\n"
        "  - {id: unveil, actor: com, action: OTHER, description: The Commission unveils the proposal, "
        "expression: on Tuesday, tense: past, quote: unveiled the proposal on Tuesday}\n"
        "  - {id: protest, actor: com, action: OTHER, description: Turkey protests, "
        "expression: on Friday, tense: past, quote: protested on Friday}\n"
        "  - {id: talks, actor: com, action: OTHER, description: Talks begin, "
        "expression: March, tense: past, quote: Talks began in March}\n"
        "  - {id: in_force, actor: com, action: OTHER, description: The Commission wants the measure in force, "
        "expression: \"by July 1, 2026\", quote: \"in force by July 1, 2026\"}\n", encoding="utf-8")
    return exportrow.events(exportrow.load_article(art), ann)


def test_the_close_up_title_gives_its_own_window_and_the_span_beyond_it(tmp_path):
    ev = _events(tmp_path)
    close = weeks_before("2025-10-13", 2)
    assert close == ["2025-09-29", "2025-10-20"]
    fig, alt = timeline(ev.pipe(select_events, window=close), published=pd_ts("2025-10-13"), window=close)
    plt.close(fig)
    assert alt.split(". ")[0] == ("From 29 Sep to 19 Oct 2025 only: the article dates 3 events in this window, "
                                  "between 7 and 13 Oct 2025 (1 of them a span running on to 1 Jul 2026); one more "
                                  "row marks its publication (13 "
                                  "Oct 2025)")  # was "... dates 2 events between 7 Oct 2025 and 1 Jul 2026"
    assert timeline_note(ev, close_up=close, close_up_weeks=2) == (
        "The close-up shows the 3 events the article dates between 2025-09-29 and 2025-10-19 (1 of them a span "
        "running on to 1 Jul 2026), and a row for its publication.")
    alone = ev[~ev.event_id.isin(["protest", "talks"])]  # no close-up: the span is not said to fall inside
    assert timeline_note(alone, close_up=close, close_up_weeks=2).startswith(
        "No close-up: every event shown is dated at least in part between 2025-09-29 and 2025-10-19")


def test_the_bundled_close_up_title_is_unchanged():
    close = weeks_before("2019-07-12", 2)
    fig, alt = timeline(exportrow.events().pipe(select_events, window=close), published=pd_ts("2019-07-12"),
                        window=close)
    plt.close(fig)
    assert alt.startswith("From 24 Jun to 14 Jul 2019 only: the article dates 5 events between 1 and 12 Jul 2019; "
                          "one more row marks its publication (12 Jul 2019).")


def pd_ts(day):
    import pandas as pd

    return pd.Timestamp(day)
