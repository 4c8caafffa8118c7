"""Review 14 (rv14a finding 3): ``attribution`` is the annotator's code everywhere (claims table, article page,
``exportrow agree``); ``quote_form`` is read from the quotation marks, and notebook 03's sentences count a named
claimant's direct quotations and paraphrases by it, saying so when the code differs."""

from __future__ import annotations

from test_review13_quote_form import CLAIMS, _write

from exportrow import framing
from exportrow.article import load_article
from exportrow.tables import claims
from exportrow.view import article_page


def test_the_claims_table_keeps_the_coded_attribution_beside_the_read_quote_form(tmp_path):
    art, ann = _write(tmp_path)
    c = claims(load_article(art), ann).set_index("claim_id")
    assert c.loc["gov_no_withdrawal", ["attribution", "quote_form"]].tolist() == ["direct_quote", "paraphrase"]
    assert c.loc["emp_ships", ["attribution", "quote_form"]].tolist() == ["indirect", "direct_quote"]
    assert c.attribution.astype(str).to_dict() == {i: a for i, _, a, _, _ in CLAIMS}


def test_the_article_page_shows_the_code_and_what_the_marks_say(tmp_path):
    art, ann = _write(tmp_path)
    page = article_page(load_article(art), ann)
    hover = page.split("CLAIM gov_no_withdrawal", 1)[1].split("CLAIM ", 1)[0]
    assert ("attribution: direct_quote as coded; the article gives these words as a paraphrase, not wholly inside "
            "quotation marks (quote_form paraphrase)") in hover
    hover = page.split("CLAIM gov_transition", 1)[1].split("CLAIM ", 1)[0]
    assert "\nattribution: indirect\ncue:" in hover  # code and marks agree: the code alone


def test_notebook_03_counts_by_the_marks_and_says_the_code_differs(tmp_path):
    art, ann = _write(tmp_path)
    c = claims(load_article(art), ann)
    gov = next(line for line in framing.summary(c, "unions", "government") if line.startswith("**Government**"))
    assert ("heard through 4 paraphrases, as the article's quotation marks show them (the annotation codes 2 of its "
            "4 named claims otherwise; exportrow check names them); none of its 4 claims in its own quoted words"
            ) in gov
    unions = next(line for line in framing.summary(c, "unions", "employers") if line.startswith("**Unions**"))
    assert "heard through 2 direct quotations; 2 of its 2 claims in its own quoted words;" in unions
    mix = framing.attribution_mix(c, ["government"]).set_index(["attribution", "quote_form"]).claims
    assert (mix[("direct_quote", "paraphrase")], mix[("indirect", "paraphrase")]) == (2, 2)


def test_the_answer_sheet_gives_the_attribution_the_worksheet_definitions_give(tmp_path):
    """Review 15, finding 3: the framing worksheet picks a paraphrase (gov_no_withdrawal, coded direct_quote); its
    answer sheet said `direct_quote`, marking wrong a student who followed the definitions ("paraphrased": indirect)."""
    from exportrow.annotations import load_annotation
    from exportrow.handout import handout

    art, ann = _write(tmp_path)
    sheet = handout("03-framing-comparison", load_annotation(ann, load_article(art)))
    answer = sheet.check  # "Check your answer": the coding the annotation gives the picked claim
    assert "it would not withdraw the reform" in answer
    assert ("<code>direct_quote</code>; the worksheet’s definitions give <code>indirect</code>: the article gives "
            "these words as a paraphrase, not wholly inside quotation marks") in answer
