"""Warn about statements whose threshold word the checks cannot judge: negated, or with an intensifier or hedge.

A statement's verdict judges only the bare word of the threshold table (``exportrow.checks.RULES``). When the
wording negates it ("did not fall", "never halved") or adds a modifier with no stated threshold ("fallen
sharply", "barely rose"), the check gives ``cannot_check`` (:func:`exportrow.checks.unjudged_words`).
``exportrow check`` warns about each such statement (it does not refuse: the quote is the article's), so the
annotator can rephrase or drop it.
"""

from __future__ import annotations

from exportrow.annotations.model import Annotation, Problem

__all__ = ["wording_warnings"]


def wording_warnings(ann: Annotation) -> list[Problem]:
    """A warning for each statement whose threshold word is negated or modified.

    Example:
        >>> from pathlib import Path
        >>> from exportrow.article import load_article
        >>> ann = Annotation(Path("a.yaml"), load_article())
        >>> ann.statements = [{"_label": "statements[s1]", "check": "rate_change", "span": None,
        ...                    "compare_with": "Crossings did not fall"}]
        >>> print(wording_warnings(ann)[0])  # doctest: +NORMALIZE_WHITESPACE
        a.yaml: statements[s1].compare_with: 'not' negates 'fall' in 'Crossings did not fall': the check judges
        only the bare word 'fall', so this statement gets cannot_check
            fix: drop the statement, or rephrase it: a negated word has no threshold in the table (docs/teaching.md,
            "Thresholds for vague words")
        >>> ann.statements[0]["compare_with"] = "Crossings fell"; wording_warnings(ann)
        []
    """
    from exportrow.checks import unjudged_words

    out = []
    for s in ann.statements or []:
        span = s.get("span")
        field = "compare_with" if s.get("compare_with") else "quote"
        text = s.get("compare_with") or (span.text if span is not None else None)
        found = unjudged_words(text, str(s.get("check"))) if text else None
        if not found:
            continue
        kind, w, word = found
        if kind == "negated":
            message = (f"'{w}' negates '{word}' in {text!r}: the check judges only the bare word '{word}', so this "
                       "statement gets cannot_check")
            fix = ("drop the statement, or rephrase it: a negated word has no threshold in the table "
                   "(docs/teaching.md, \"Thresholds for vague words\")")
        else:
            message = (f"'{w}' has no stated threshold: the check judges only the bare word '{word}', so this "
                       "statement gets cannot_check")
            fix = (f"drop the statement, or, to check '{word}' alone, quote only words without '{w}' and say in "
                   f"`note:` that '{w}' is not judged")
        out.append(Problem(str(ann.path), s.get("_label", "statements"), field, message, fix))
    return out
