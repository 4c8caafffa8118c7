"""Review 7: charts and prose on another article (F-i timeline selection, F-l prose, F-n timeline rows,
F-o monthly bars, F-p side names)."""

from __future__ import annotations

import pandas as pd

from exportrow import claims

# ---------------------------------------------------------------- F-l: prose about anonymous voices and coders


def test_no_anonymous_claim_says_the_annotation_records_none_not_that_the_article_has_none():
    from exportrow.framing import reading_questions

    named = claims()[claims().attribution != "anonymous_source"]
    line = next(x for x in reading_questions(named) if x.startswith("**Anonymous voices"))
    assert line.endswith(" The annotation records no claim from an unnamed source.")
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
