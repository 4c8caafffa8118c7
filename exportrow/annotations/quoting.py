"""Warnings for claims whose coded attribution and the article's quotation marks, or their cue, disagree.

The claims table reads ``quote_form`` from the article (:func:`exportrow.quotation.quote_form`) and keeps
``attribution`` as coded; ``exportrow check`` warns (never refuses) when the two disagree, so a single coder sees
the slip. It warns too when a claim whose cue is an unnamed relay ("reportedly", "allegedly", ...: the coding guide's
list, :data:`exportrow.annotations.vocab.UNNAMED_RELAY_PHRASES`) is coded anything but ``anonymous_source``.
Notebook 03 counts a named claimant's direct quotations and paraphrases by ``quote_form``; the article page
shows both; ``exportrow agree`` compares the codes.
"""

from __future__ import annotations

from exportrow.annotations.checker import shown
from exportrow.annotations.model import Annotation, Problem
from exportrow.annotations.vocab import UNNAMED_RELAY

__all__ = ["attribution_warnings", "relay_warning"]


def attribution_warnings(ann: Annotation) -> list[Problem]:
    """A warning for each ``direct_quote`` claim with words outside quotation marks, each ``indirect`` claim
    whose words stand wholly inside them, and each claim with an unnamed relay as its cue not coded
    ``anonymous_source`` (:func:`relay_warning`).

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
        relayed = relay_warning(c)
        if relayed:
            out.append(Problem(str(ann.path), c.get("_label", "claims"), "attribution", *relayed))
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


def relay_warning(claim: dict) -> tuple[str, str] | None:
    """(message, fix) when the claim's cue holds an unnamed relay (:data:`exportrow.annotations.vocab.UNNAMED_RELAY`)
    and its coded attribution is not ``anonymous_source``, as the coding guide codes every unnamed relay; else None.

    Example:
        >>> print("\\n".join(relay_warning({"attribution": "unattributed", "cue": "reportedly"})))
        ... # doctest: +NORMALIZE_WHITESPACE
        coded unattributed, but its cue 'reportedly' is an unnamed relay: the article passes on someone's words
        without saying who it has them from, which the coding guide codes anonymous_source (the outlet's own voice
        is unattributed: no one's words are passed on), so the claims table and notebook 03 count it as
        unattributed, against the coding guide
        code it `attribution: anonymous_source`, with `actor:` the one whose words or stance are relayed; keep
        `unattributed` only for the outlet's own judgement, with its hedge as the cue ("widely seen as")
        >>> relay_warning({"attribution": "anonymous_source", "cue": "reportedly"}) is None
        True
        >>> relay_warning({"attribution": "unattributed", "cue": "widely seen as"}) is None
        True
        >>> print(relay_warning({"attribution": "indirect", "cue": "was said to have told"})[1])
        ... # doctest: +NORMALIZE_WHITESPACE
        code it `attribution: anonymous_source`, with `actor:` the one whose words or stance are relayed (the
        coding guide codes a relay so even when it names the speaker)
    """
    coded, cue = claim.get("attribution"), claim.get("cue")
    if coded == "anonymous_source" or not isinstance(coded, str) or not isinstance(cue, str):
        return None
    relay = UNNAMED_RELAY.search(cue)
    if relay is None:
        return None
    whole = relay.group(0).lower() == " ".join(cue.split()).lower()
    what = (f"its cue {shown(cue, 60)} is an unnamed relay:" if whole else
            f"its cue {shown(cue, 60)} holds an unnamed relay ({shown(relay.group(0), 40)}):")
    if coded == "unattributed":
        message = (f"coded unattributed, but {what} the article passes on someone's words without saying who it has "
                   "them from, which the coding guide codes anonymous_source (the outlet's own voice is unattributed: "
                   "no one's words are passed on), so the claims table and notebook 03 count it as "
                   "unattributed, against the coding guide")
        fix = ("code it `attribution: anonymous_source`, with `actor:` the one whose words or stance are relayed; keep "
               "`unattributed` only for the outlet's own judgement, with its hedge as the cue (\"widely seen as\")")
    else:
        message = (f"coded {coded}, but {what} the article passes on these words without saying who it has them from, "
                   "which the coding guide codes anonymous_source even when it names the speaker, so the claims table "
                   f"and notebook 03 count it as {coded}, against the coding guide")
        fix = ("code it `attribution: anonymous_source`, with `actor:` the one whose words or stance are relayed (the "
               "coding guide codes a relay so even when it names the speaker)")
    return message, fix
