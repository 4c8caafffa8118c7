"""The course site's glossary links keep to the sense the glossary defines (review 16c #4): the phrases the review
found linked to the wrong entry, run through the same linking the site uses, with the real glossary."""

import re

import pytest

from exportrow.book import link_terms, read_glossary

TERMS = read_glossary()


def anchors(text: str, page: str = "notebooks/02-claim-timeline.ipynb") -> dict[str, str]:
    """Linked words -> the glossary anchor they link to."""
    linked = link_terms([text], TERMS, page)[0]
    return {m.group(1): m.group(2) for m in re.finditer(r"\[([^\]]+)\]\([./]*docs/glossary\.md#([\w-]+) ", linked)}


@pytest.mark.parametrize("text, word", [
    ("Each relative expression is resolved against the publication date by a stated rule.", "stated"),
    ("A span such as “from 2010 to last May” or “since 2012” keeps its whole interval.", "span"),
    ("Krippendorff's alpha per field, with its interval computed by resampling the claims.", "interval"),
    ("a statement gets a verdict only against thresholds stated in advance", "stated"),
    ("On the course site a chart spans the page; click it to open it alone.", "spans"),
    ("For a claim, quote the content, not the reporting frame.", "frame"),
    ("The reporting frame is the part of the sentence that says who claims and how.", "frame"),
    ("Side by side, what does each side claim?", "Side"),
    ("which the article attributes to someone or makes in its own voice", "voice"),
])
def test_a_word_in_another_sense_is_not_linked(text, word):
    assert word not in anchors(text)


def test_the_term_is_still_linked_where_it_is_meant():
    assert anchors("Not the reporting frame: which frames does each side lean on?") == {
        "frames": "frame", "side": "side"}
    assert anchors("events.csv: the events shown, with their resolved intervals")["resolved intervals"] == (
        "date-interval")
    assert anchors("its identifier carries its character span in the article")["character span"] == "character-span"
    assert anchors("every stated value lives in the annotation")["stated value"] == "stated-figure"
    assert anchors("How does the article give each side its voice?")["voice"] == "voice-share"


def test_a_reliability_verdict_links_to_a_definition_that_covers_it():
    """Notebook 04's "Verdicts use Krippendorff's thresholds" links to Verdict, whose hover text names the
    reliability verdicts as well as the statements' ones."""
    linked = link_terms(["Verdicts use Krippendorff's thresholds: reliable from 0.800."], TERMS,
                        "notebooks/04-coding-reliability.ipynb")[0]
    title = re.search(r'\[Verdicts\]\(\.\./docs/glossary\.md#verdict "([^"]+)"\)', linked).group(1)
    assert "`" not in title and "reliable, tentative, unreliable" in title and "supported, approximate" in title
