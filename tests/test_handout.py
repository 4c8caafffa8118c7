"""The printed worksheets' paper exercises (exportrow/handout.py): the exercise comes first with the material it
needs, every answer comes after it under "Check your answer", and nothing on paper points at a notebook."""

import html
import json
import re
from html.parser import HTMLParser

import pandas as pd
import pytest
from conftest import NOTEBOOKS

import exportrow
from exportrow import framing, stats
from exportrow import timeline as tl
from exportrow.handout import handout, pick_claim, pick_event, pick_rate_figure
from exportrow.paths import PROJECT_ROOT
from exportrow.student import worksheet, worksheet_html
from exportrow.tables import annotation

FIXTURES = PROJECT_ROOT / "tests" / "fixtures"
ARTICLES = [None, FIXTURES / "example-gazette-2021-03-03-freedonia-sylvania-fishing.txt",
            *sorted((FIXTURES / "articles").glob("*.txt"))]
MAIN = sorted(p.stem for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
NOTEBOOK_ONLY = ["the cell below", "cell above", "run the notebook", "run this notebook", "the next section",
                 "rows above", "tables below", "resolve_date", "exportrow worksheet", "# your code", "set `published`"]


def text_of(page: str) -> str:
    """A page's words as a reader sees them (tags, style and the embedded images left out)."""
    page = re.sub(r"<style>.*?</style>", " ", page, flags=re.S)
    page = re.sub(r"</?(?:code|strong|em|span)\b[^>]*>", "", page)  # inline: no space of their own
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def page_for(name, ann, charts=True):
    ws = worksheet(json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8")), name)
    ws.handout = handout(name, ann)
    if not charts:
        ws.charts = []
    return worksheet_html(ws)


@pytest.fixture(scope="module")
def bundled():
    ann = annotation()
    return ann, {name: page_for(name, ann) for name in MAIN}


def split(page):
    """The words a student works on, and the words under the heading "Check your answer"."""
    at = page.index("<h2>Check your answer</h2>")
    assert at > page.index("<h2>Exercise") > 0, "the exercise must come before the answers"
    return text_of(page[:at]), text_of(page[at:])


def test_every_main_notebook_has_a_paper_exercise(bundled):
    ann, _ = bundled
    assert all(handout(name, ann) is not None for name in MAIN)


def test_01_states_the_figures_and_keeps_the_derived_answers_for_after(bundled):
    ann, pages = bundled
    before, after = split(pages["01-enforcement-statistics"])
    for quote in ("There were 156 cases from 2015 to this March", "Fourteen cases were caught in 2015",
                  "22 in 2016", "The number more than doubled to 48 in 2017"):
        assert quote in before
    # the answers: the rates, the derived remainder and its months, none before the check
    for answer in ("3.06", "1.17", "72 cases", "15 months", "156 − 14 − 22 − 48", "derived"):
        assert answer not in before, answer
    assert "3.06 a month" in after and "= 72 cases" in after and "15 months" in after
    assert pages["01-enforcement-statistics"].index("<img ") > pages["01-enforcement-statistics"].index(
        "Check your answer")


def test_02_gives_the_date_words_and_the_sentence_but_not_the_resolved_date(bundled):
    ann, pages = bundled
    before, after = split(pages["02-claim-timeline"])
    event = pick_event(exportrow.events(ann.article, ann.path))
    assert "Friday 12 July 2019" in before  # the publication date the student works from
    assert "Kang Kyung-wha discussed the situation with U.S. Secretary of State Mike Pompeo by phone Wednesday" \
        in before
    assert f"“{event.expression}”" in before and event.description in before
    for resolved in ("10 July", "Jul 2019", "2019-07-10", "17 July", "W27", "1 July 2019"):
        assert resolved not in before, resolved
    assert "resolves to Wednesday 10 July 2019" in after
    assert "Write it with its weekday. Which rule did you use?" in before
    assert "Wednesday 17 July 2019" in after  # part 2: a week later, the weekday moves
    # rev16c #6: "implemented last week, cited a breach of trust": "last week" dates the implementing, so the citing
    # is undated, not listed among the dated events, and moves with nothing (it was "5 ... move and 8 ... stay put")
    assert "4 events would move and 8 would stay put" in after
    assert "The curbs cite a breach of trust" not in before + after


def test_03_prints_the_picked_claims_sentence_and_keeps_its_coding_for_after(bundled):
    ann, pages = bundled
    before, after = split(pages["03-framing-comparison"])
    claim = pick_claim(exportrow.claims(ann.article, ann.path))
    assert claim.claim_id == "us_understanding"
    assert ("Pompeo reportedly expressed an understanding of South Korea’s position, which is to push Japan to walk "
            "back the curbs and resolve the situation diplomatically.") in before
    assert "Crime and punishment" in before and "moral_evaluation" in before  # the lists to choose from
    quote = " ".join(claim.quote.split())
    assert f"“{quote}”" in after and f"“{quote}”" not in before  # the annotation's span is part of its coding
    assert "us_understanding" not in before and "14 External regulation and reputation" in after
    assert "anonymous_source" in after and "side washington (said by Mike Pompeo, U.S. Secretary of State)" in after
    assert "said by pompeo" not in after


def test_04_asks_to_code_claims_in_their_sentences_and_shows_the_annotator_after(bundled):
    ann, pages = bundled
    page = pages["04-coding-reliability"]
    before, after = split(page)
    assert "the first 5 of the 24 claims" in before
    assert page.count('<span class="blank"></span>') == 5 * 4
    assert "The annotator's coding" in after and "The annotator's coding" not in before


@pytest.mark.parametrize("name", MAIN)
def test_no_notebook_only_wording_on_paper(bundled, name):
    _, pages = bundled
    words = text_of(pages[name]).lower()
    for phrase in NOTEBOOK_ONLY:
        assert phrase.lower() not in words, f"{name}: {phrase!r} on paper"
    assert "no code needed" in words and "check your answer" in words


def test_the_sheet_works_on_what_the_notebook_picks():
    """The paper exercise and the notebook's exercise cell name the same figure, event and claim."""
    art = exportrow.load_article()
    assert f"`{pick_rate_figure(exportrow.figures(art)).figure_id}`, 156" in stats.exercise_figures(
        exportrow.figures(art))
    assert f"`{pick_event(exportrow.events(art)).event_id}`" in tl.exercise_event(exportrow.events(art))
    assert f"`{pick_claim(exportrow.claims(art)).claim_id}`" in framing.exercise_claim(exportrow.claims(art), art)


@pytest.mark.parametrize("article", ARTICLES[1:], ids=lambda p: p.stem[:40])
def test_any_article_gets_sheets_with_the_exercise_first(article):
    ann = annotation(exportrow.load_article(article))
    for name in MAIN:
        page = page_for(name, ann, charts=False)
        words = text_of(page)
        assert "<script" not in page and "<h2>Exercise" in page
        if "<h2>Check your answer</h2>" in page:
            split(page)
        for phrase in NOTEBOOK_ONLY:
            assert phrase.lower() not in words.lower(), f"{article.name} {name}: {phrase!r}"
    claim = pick_claim(exportrow.claims(ann.article, ann.path))
    if claim is not None:  # the claim's sentence is on the sheet before the check; its coded span after
        before, after = split(page_for("03-framing-comparison", ann, charts=False))
        assert " ".join(claim.quote.split()) in before and f"“{' '.join(claim.quote.split())}”" in after
    event = pick_event(exportrow.events(ann.article, ann.path))
    if event is not None:
        before, after = split(page_for("02-claim-timeline", ann, charts=False))
        day = f"{event.date_start.day} {event.date_start:%B %Y}"
        published = ann.article.published_date
        before = before.replace(f"came out on {published:%A} {published.day} {published:%B %Y}", "")
        assert event.expression in before and day not in before and day in after


VALMORA = FIXTURES / "articles" / "valmora-ledger-2024-05-20-opinion-grey-sound.txt"


def test_a_week_is_asked_for_as_a_week_not_a_weekday():
    ann = annotation(exportrow.load_article(VALMORA))
    event = pick_event(exportrow.events(ann.article, ann.path))
    assert (event.expression, event.precision) == ("last week", "week")
    before, after = split(page_for("02-claim-timeline", ann, charts=False))
    assert "Write the week it names, from its Monday to its Sunday. Which rule did you use?" in before
    assert "weekday. Which rule" not in before
    assert "resolves to 13 May 2024 to 19 May 2024 (week)" in after


def test_the_coding_names_the_actor_by_its_name_not_its_id():
    ann = annotation(exportrow.load_article(VALMORA))
    claim = pick_claim(exportrow.claims(ann.article, ann.path))
    assert claim.actor == "kl_ministers"
    _, after = split(page_for("03-framing-comparison", ann, charts=False))
    assert "side kelmark (said by Kelmark's ministers)" in after and "kl_ministers" not in after


def test_the_note_names_the_notebook_file_as_plain_text():
    """No <code> box around the file name: its padding printed as a space before the full stop."""
    page = page_for("01-enforcement-statistics", annotation(), charts=False)
    assert "Hand-out for the notebook 01-enforcement-statistics.ipynb. No code needed" in page


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs = set(), []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs += attrs


def test_hostile_text_is_escaped():
    hostile = FIXTURES / "hostile-gazette-2021-03-03-freedonia-sylvania-fishing.txt"
    ann = annotation(exportrow.load_article(hostile))
    for name in MAIN:
        page = page_for(name, ann, charts=False)
        parsed = Elements()
        parsed.feed(page)
        assert not parsed.tags & {"script", "a", "svg", "iframe", "img"}, (name, parsed.tags)
        assert not [a for a, v in parsed.attrs if a.startswith("on") or "javascript" in (v or "")]
        assert "&lt;script&gt;" in page or "&lt;img" in page or "&lt;a " in page  # the hostile words, as words
    claim = pick_claim(exportrow.claims(ann.article, ann.path))
    name = next(a["name"] for a in ann.actors if a["id"] == claim.actor)
    assert "<" in name and f"(said by {html.escape(name, quote=False)})" in page_for("03-framing-comparison", ann,
                                                                                      charts=False)


def test_02_answer_says_which_words_move_as_the_rules_and_the_dates_do(bundled):
    """Review 13c, finding 3: the answer said "the words that move are the ones counted from the publication date",
    though "July 4" and "this January" are counted from it and do not move a week later."""
    ann, pages = bundled
    _, after = split(pages["02-claim-timeline"])
    table = exportrow.events(ann.article, ann.path).set_index("event_id")
    later = exportrow.events(ann.article.with_published("2019-07-19"), ann.path).set_index("event_id")
    for stays in ("curbs_take_effect", "shipment_uae"):  # "July 4", "this January": counted, yet they stay put
        assert later.loc[stays, "timex"] == table.loc[stays, "timex"]
    assert "“this January” moves only when the new date is in another year" in after
    # the rule names no date of the worked example's that another article's answer sheet would repeat
    assert "July 4" not in after and "a month and day without a year (“March 5”)" in after
    assert "the words that move are the ones counted from the publication date" not in after
    assert ("Words counted from the publication date move only when the shift crosses the unit they name: a weekday "
            "and “last week” move a week later; “this January” moves only when the new date is in another year; a "
            "month and day without a year (“March 5”) follow the weekday rule, so in the past tense they move only "
            "when the new date falls before that day of the year. Only dates with their year (“December 2017”, "
            "“2016”) never move.") in after


REVIEW16B = FIXTURES / "review16b"
STEEL = REVIEW16B / "pacific-trade-wire-2025-03-13-steel-duties.txt"


def test_02_answer_dates_a_span_of_days_from_its_first_to_its_last_day():
    """Review 16b, finding 1: "by June 30" (13 March to 30 June 2025, precision day) was printed as one day, the
    publication day, "Thursday 13 March 2025"; only an interval one day long is printed as a day."""
    ann = annotation(exportrow.load_article(STEEL))
    settle = exportrow.events(ann.article, ann.path).set_index("event_id").loc["settle_by"]
    assert (settle.expression, settle.precision) == ("by June 30", "day")
    assert (str(settle.date_start.date()), str(settle.date_end.date())) == ("2025-03-13", "2025-07-01")
    _, after = split(page_for("02-claim-timeline", ann, charts=False))
    assert ("Australia hopes to settle the matter “by June 30” 13 March 2025 to 30 June 2025 "
            "20 March 2025 to 30 June 2025") in after
    assert "“on Thursday” resolves to Thursday 13 March 2025" in after  # one day long: still a day, with its weekday
    assert "“on Thursday” Thursday 13 March 2025 Thursday 20 March 2025" in after
    assert "“since 2023” 1 January 2023 to 13 March 2025 (year)" in after


def test_02_part_1_dates_a_span_of_days_from_its_first_to_its_last_day(tmp_path):
    """Part 1 prints the same interval when the exercise's event is the span ("by June 30" is a month and day)."""
    text = (REVIEW16B / "pacific-trade-wire-2025-03-13-steel-duties.yaml").read_text(encoding="utf-8")
    head, events = text.split("\nevents:\n")
    keep = [b for b in events.split("  - id: ") if b.startswith("settle_by\n")]
    (tmp_path / STEEL.name).write_bytes(STEEL.read_bytes())
    (tmp_path / f"{STEEL.stem}.yaml").write_text(f"{head}\nevents:\n  - id: {keep[0]}", encoding="utf-8")
    ann = annotation(exportrow.load_article(tmp_path / STEEL.name))
    assert pick_event(exportrow.events(ann.article, ann.path)).event_id == "settle_by"
    before, after = split(page_for("02-claim-timeline", ann, charts=False))
    assert "Write the first and last days it names. Which rule did you use?" in before
    assert "“by June 30” resolves to 13 March 2025 to 30 June 2025, by the rule" in after
    assert "Thursday 13 March 2025" not in after


def test_03_definitions_lead_to_the_answer_sheets_attribution_for_a_relayed_claim(bundled):
    """Review 16 #1: Pompeo is named and paraphrased, but "reportedly" relays his stance; the printed definitions
    must lead to anonymous_source, as the coding guide and the answer sheet do, and the sheet must say why."""
    _, pages = bundled
    before, after = split(pages["03-framing-comparison"])
    lists = before[before.index("Attribution types:"):before.index("Entman functions")]
    anonymous = lists[lists.index("anonymous_source ("):lists.index("unattributed (")]
    indirect = lists[lists.index("indirect ("):lists.index("anonymous_source (")]
    assert "“reportedly”" in anonymous and "even when it names the speaker" in anonymous
    assert "not passed on with “reportedly”" in indirect
    row = after[after.index("attribution type"):after.index("reporting verb or hedge")]
    assert row.startswith("attribution type anonymous_source: “reportedly”: the article does not say who relayed")
    assert "unnamed relay" in row


def test_a_relay_the_annotation_codes_otherwise_gets_both_answers():
    from exportrow.handout import _attribution_answer

    relayed = _attribution_answer(pd.Series({"attribution": "indirect", "quote_form": "paraphrase",
                                             "cue": "is said to have argued"}))
    assert relayed.startswith("<code>indirect</code>; the worksheet’s definitions and the coding guide give "
                              "<code>anonymous_source</code>: “is said to”")
    # "reported" with a named subject names who relays the words: a named source's paraphrase, nothing to add
    named = pd.Series({"attribution": "indirect", "quote_form": "paraphrase", "cue": "reported"})
    assert _attribution_answer(named) == "<code>indirect</code>"


def test_a_named_outlets_report_stays_indirect_on_the_sheet():
    ann = annotation(exportrow.load_article(FIXTURES / "articles" / "northgate-wire-2024-05-14-kelmark-port-fees.txt"))
    claim = pick_claim(exportrow.claims(ann.article, ann.path))
    assert (claim.cue, claim.attribution) == ("reported", "indirect")
    _, after = split(page_for("03-framing-comparison", ann, charts=False))
    assert "attribution type indirect reporting verb or hedge" in after and "unnamed relay" not in after


def test_the_glossary_attribution_entry_covers_the_unnamed_relay():
    glossary = " ".join((PROJECT_ROOT / "docs" / "glossary.md").read_text(encoding="utf-8").split())
    entry = glossary[glossary.index("## Attribution"):glossary.index("## Cue")]
    assert "unnamed relay" in entry and '"reportedly"' in entry and "even a named actor's" in entry
