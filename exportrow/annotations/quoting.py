"""Warnings for claims whose coded attribution and the article's quotation marks disagree.

The claims table reads ``quote_form`` from the article (:func:`exportrow.quotation.quote_form`) and keeps
``attribution`` as coded; ``exportrow check`` warns (never refuses) when the two disagree, so a single coder sees
the slip. Notebook 03 counts a named claimant's direct quotations and paraphrases by ``quote_form``; the article page
shows both; ``exportrow agree`` compares the codes.
"""

from __future__ import annotations

from exportrow.annotations.checker import shown
from exportrow.annotations.model import Annotation, Problem

__all__ = ["attribution_warnings"]


def attribution_warnings(ann: Annotation) -> list[Problem]:
    """A warning for each ``direct_quote`` claim with words outside quotation marks, and each ``indirect`` claim
    whose words stand wholly inside them.

    Example:
        >>> from pathlib import Path
        >>> from exportrow.article import load_article
        >>> art = load_article()
        >>> ann = Annotation(Path("a.yaml"), art)
        >>> ann.actors = [{"id": "kr", "kind": "ministry"}]
        >>> span = art.find("the shipments were made by a handful of domestic companies")[0]
        >>> ann.claims = [{"_label": "claims[kr_few]", "actor": "kr", "attribution": "direct_quote", "span": span}]
        >>> print(attribution_warnings(ann)[0])  # doctest: +NORMALIZE_WHITESPACE
        a.yaml: claims[kr_few].attribution: coded direct_quote, but its quote 'the shipments were made by a handful
        of domestic companies' stands outside quotation marks in the article, so the claims table reads it as a
        paraphrase (quote_form paraphrase beside attribution direct_quote as coded) and notebook 03 counts it as one
            fix: code it `attribution: indirect` (the article reports these words, it does not quote them); if the
            article quotes the same words elsewhere, quote them there (`prefix:`/`suffix:` pick the place)
        >>> ann.claims[0]["attribution"] = "indirect"; attribution_warnings(ann)
        []
    """
    from exportrow.quotation import split_by_quotes

    kind = {a.get("id"): a.get("kind") for a in ann.actors or []}
    out = []
    for c in ann.claims or []:
        span, coded = c.get("span"), c.get("attribution")
        if span is None or coded not in ("direct_quote", "indirect"):
            continue
        inside, outside = split_by_quotes(ann.article, span.start, span.end)
        named = kind.get(c.get("actor")) != "anonymous_source"
        if coded == "direct_quote" and outside:
            shown_as = ("a paraphrase (quote_form paraphrase beside attribution direct_quote as coded)"
                        + (" and notebook 03 counts it as one" if named else ""))
            if inside:
                message = (f"coded direct_quote, but the words {shown(outside, 80)} of its quote stand outside "
                           f"quotation marks in the article, so the claims table reads it as {shown_as}")
                fix = (f"quote only the words inside the quotation marks ({shown(inside, 80)}); or code it "
                       "`attribution: indirect` (a paraphrase that borrows a few quoted words)")
            else:
                message = (f"coded direct_quote, but its quote {shown(outside, 80)} stands outside quotation marks in "
                           f"the article, so the claims table reads it as {shown_as}")
                fix = ("code it `attribution: indirect` (the article reports these words, it does not quote them); "
                       "if the article quotes the same words elsewhere, quote them there (`prefix:`/`suffix:` pick "
                       "the place)")
        elif coded == "indirect" and inside and not outside:
            shown_as = ("a direct quote (quote_form direct_quote beside attribution indirect as coded)"
                        + (" and notebook 03 counts it as one" if named else ""))
            message = (f"coded indirect, but its quote {shown(inside, 80)} stands wholly inside quotation marks in the "
                       f"article, so the claims table reads it as {shown_as}")
            fix = ("code it `attribution: direct_quote`; or, for a paraphrase that borrows a few quoted words, quote "
                   "the paraphrase's own words around them too")
        else:
            continue
        out.append(Problem(str(ann.path), c.get("_label", "claims"), "attribution", message, fix))
    return out
