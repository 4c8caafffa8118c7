"""Warn about statements whose threshold word the checks cannot judge: negated, or with an intensifier or hedge.

A statement's verdict judges only the bare word of the threshold table (``exportrow.checks.RULES``). When the
wording negates it ("did not fall", "never halved") or adds a modifier with no stated threshold ("fallen
sharply", "barely rose"), the check gives ``cannot_check`` (:func:`exportrow.checks.unjudged_words`).
``exportrow check`` warns about each such statement (it does not refuse: the quote is the article's), so the
annotator can quote fewer words (when that removes the problem) or drop it: a quote is the article's own words.
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
            fix: drop the statement: the quote is the article's own words, and a negated word has no threshold
            in the table (docs/teaching.md, "Thresholds for vague words")
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
        shorter = _shorter_quote(text, str(s.get("check")), kind, w)
        if kind == "negated":
            message = (f"'{w}' negates '{word}' in {text!r}: the check judges only the bare word '{word}', so this "
                       "statement gets cannot_check")
        elif kind == "forecast":
            message = (f"'{w} {word}' in {text!r} is a forecast or possibility: the figures are past values, so "
                       "this statement gets cannot_check")
        else:
            message = (f"'{w}' has no stated threshold: the check judges only the bare word '{word}', so this "
                       "statement gets cannot_check")
        if shorter and kind == "modified":
            fix = (f"to check '{word}' alone, quote fewer words of the article, e.g. {shorter!r}, and say in "
                   f"`note:` that '{w}' is not judged; or drop the statement")
        elif shorter:
            fix = (f"quote fewer words of the article, e.g. {shorter!r} (the clause with '{word}'), or drop the "
                   "statement")
        else:
            fix = ("drop the statement: the quote is the article's own words, and a "
                   f"{'negated word' if kind == 'negated' else 'forecast'} has no threshold in the table "
                   "(docs/teaching.md, \"Thresholds for vague words\")")
        out.append(Problem(str(ann.path), s.get("_label", "statements"), field, message, fix))
    return out


def _shorter_quote(text: str, check: str, kind: str, w: str) -> str | None:
    """Fewer words of ``text`` that hold the threshold word and lose the problem, or None.

    The clause with the threshold word; for a modifier (which the bare word survives: "fell sharply" says it
    fell), also the words before or after the modifier. A negation or a forecast in the word's own clause
    cannot be quoted away.

    Example:
        >>> _shorter_quote("Crossings rose, though not sharply", "rate_change", "modified", "not sharply")
        'Crossings rose'
        >>> _shorter_quote("Crossings had fallen sharply", "rate_change", "modified", "sharply")
        'Crossings had fallen'
        >>> _shorter_quote("Crossings did not fall", "rate_change", "negated", "not") is None
        True
    """
    from exportrow.checks import threshold_clause, unjudged_words

    candidates = [threshold_clause(text, check)]
    if kind == "modified":
        lowered = text.lower()
        at = lowered.rfind(w)
        candidates += [text[:at].rstrip(" ,;:"), text[at + len(w):].lstrip(" ,;:")] if at >= 0 else []
    for c in candidates:
        if c and c != text and unjudged_words(c, check) is None and threshold_clause(c, check):
            return c
    return None
