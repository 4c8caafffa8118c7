"""Review 11b, finding 1: a what-if publication date (`-p published 2019-07-19`) keeps the article's own date in
every citation and source line, marks the what-if, and does not call the article wrong when a relative phrase moves."""

from __future__ import annotations

import pandas as pd

from exportrow import events, load_article
from exportrow.notebook import citation
from exportrow.plots import source_line
from exportrow.report import _front_matter
from exportrow.timeline import agreement_note, date_agreement

WHAT_IF = "dates resolved as if published 19 Jul 2019 (parameter"


def test_citation_keeps_the_articles_date_and_marks_the_what_if():
    text = citation(load_article(published="2019-07-19"))
    assert text.startswith("*Nikkei Asian Review*, 12 July 2019, 07:30 (JST): ")
    assert "**What-if:** dates resolved as if published 19 Jul 2019 (parameter `published`)." in text
    assert "19 July 2019" not in text
    assert "What-if" not in citation(load_article())


def test_a_date_only_an_option_gives_is_no_what_if(tmp_path):
    body = tmp_path / "body.txt"
    body.write_text("Officials met on Tuesday to discuss the plan.\n", encoding="utf-8")
    art = load_article(body, published="2021-03-03")
    assert art.what_if == ""
    assert citation(art).startswith("*outlet unknown*, 3 March 2021 (date only)")
    assert load_article(published="2019-07-12").what_if == ""  # the article's own day: nothing moves


def test_chart_source_line_and_report_index_keep_the_articles_date():
    line = source_line(load_article(published="2019-07-19"))
    assert line.startswith('Source: Nikkei Asian Review, 12 July 2019, "South Korea-Japan row')
    assert line.endswith("What-if: dates resolved as if published 19 Jul 2019 (parameter published).")
    front = _front_matter({"published": "2019-07-19"})
    assert front.source.startswith("Source: Nikkei Asian Review, 12 July 2019, 07:30 (JST), ")
    assert WHAT_IF in front.source
    assert "What-if" not in _front_matter({}).source


def test_publication_row_says_as_if_published():
    t = events(load_article(published="2019-07-19")).set_index("event_id")
    assert t.loc["publication", "description"] == "What-if: the article as if published by Nikkei Asian Review"
    assert t.loc["publication", "date_start"] == pd.Timestamp("2019-07-19")
    assert t.loc["publication", "rule"].startswith("what-if publication date (parameter published)")
    assert events().set_index("event_id").loc["publication", "description"] == \
        "Nikkei Asian Review publishes the article"


def test_timeline_title_and_line_mark_the_what_if():
    import matplotlib.pyplot as plt

    from exportrow.plots import timeline

    fig, alt = timeline(events(load_article(published="2019-07-19")))
    plt.close(fig)
    assert "one more row marks its publication (as if on 19 Jul 2019, a what-if date)" in alt
    assert "dashed line: what-if publication, 2019-07-19" in alt
    fig, alt = timeline(events())
    plt.close(fig)
    assert "its publication (12 Jul 2019)" in alt and "what-if" not in alt


def test_agreement_note_blames_the_what_if_not_the_article():
    art = load_article(published="2019-07-19")
    table = date_agreement(events(art))
    assert table.agree.tolist() == [False]  # "last week" moved to 8-14 Jul, "July 4" did not
    note = agreement_note(table, article=art)
    assert "do NOT agree as if published 19 Jul 2019" in note
    assert "they agree under the article's own date" in note and "The article is not wrong here." in note
    assert "is wrong" not in note
    # without the article, the same table reads as a real disagreement, as before
    assert agreement_note(table).endswith("one of the two phrases, or its resolution, is wrong.")
