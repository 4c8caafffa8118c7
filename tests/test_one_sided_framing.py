"""A one-sided article is said to be one-sided, not compared with the outlet as its opponent (review 11a #6)."""

import exportrow
from exportrow import framing


def seoul_only():
    c = exportrow.claims()
    return c[c.side == "seoul"]


def test_header_says_the_article_gives_one_side():
    head = framing.comparison_header(seoul_only(), "seoul", "outlet", ["seoul"])
    assert head == ("The annotation declares one side, **Seoul**, and the article gives that side alone: 12 of the "
                    "article's 12 claims (100% of claim words) come from Seoul, and the outlet makes none of its own. "
                    "There is nothing to compare Seoul with.")


def test_two_declared_sides_one_silent():
    head = framing.comparison_header(seoul_only(), "seoul", "tokyo", ["seoul", "tokyo", "washington"])
    assert head.startswith("The article gives one of the two sides only: 12 of the article's 12 claims")
    assert "Tokyo makes none" in head


def test_two_declared_sides_both_heard_keep_the_comparison():
    assert framing.comparison_header(exportrow.claims(), "seoul", "tokyo", ["seoul", "tokyo"]) == \
        "Comparing **Seoul** with **Tokyo**."


def test_discussion_skips_the_rebuttal_sentences_and_names_the_outlet_as_such():
    lines = framing.summary(seoul_only(), "seoul", "outlet", declared=["seoul"])
    assert lines[1] == "**The outlet**: no claim of its own in the article."
    assert not any("rebuttal" in line or "to answer" in line for line in lines)
    assert lines[2].startswith("The annotation declares one side, **Seoul**")
    assert len(lines) == 3


def test_one_declared_side_with_the_outlet_heard_says_what_it_is_compared_with():
    c = exportrow.claims()
    head = framing.comparison_header(c[c.side.isin(["seoul", "outlet"])], "seoul", "outlet", ["seoul"])
    assert head == ("The annotation declares one side, **Seoul**, so it is compared with the outlet's own voice: "
                    "12 of the article's 19 claims come from Seoul, 7 from the outlet.")


def test_both_heard():
    assert framing.both_heard(exportrow.claims(), ["seoul", "tokyo"])
    assert not framing.both_heard(seoul_only(), ["seoul", "outlet"])


def test_other_voices_are_counted_apart():
    c = exportrow.claims()
    head = framing.comparison_header(c, "seoul", "outlet", ["seoul"])
    assert head.endswith("12 of the article's 24 claims come from Seoul, 7 from the outlet, 5 from other voices.")
