"""Warn when a figure's ``period:`` comes from another clause than its number's, which has date words of its own.

"Container volumes fell 5% in September, the port authority said last month": "last month" dates the saying, and
"in September" the fall. ``period: last month`` is in the quote, resolves, and dates the figure a month late without
an error. ``exportrow check`` warns (it does not refuse: the annotator may know better) when the period's words
stand wholly outside the number's own clause while that clause has date words of its own, naming both, saying which
is in the number's clause and what ``exportrow extract`` would propose. Clauses are split as extract splits them
(``exportrow.extract._SentenceFacts``, as :func:`exportrow.extract.clause_span`), and the proposal is extract's own
(review 13, rv13a finding 5).

A period from another clause when the number's clause has no date ("In 2016, there were 22 cases") is left alone.
"""

from __future__ import annotations

from exportrow.annotations.checker import shown
from exportrow.annotations.model import Annotation, Problem

__all__ = ["period_clause_warnings"]


def period_clause_warnings(chk, ann: Annotation) -> list[Problem]:
    """A warning for each figure whose period stands outside its number's clause, which has its own date words.

    Example:
        >>> from types import SimpleNamespace
        >>> from exportrow.article import Span
        >>> text = "Container volumes fell 5% in September, the port authority said last month."
        >>> chk = SimpleNamespace(file="a.yaml", article=SimpleNamespace(
        ...     published="2025-11-04", sentence_at=lambda i: Span(0, len(text), text)))
        >>> fig = {"_label": "figures[fall]", "period": "last month", "value_span": Span(23, 24, "5"),
        ...        "period_span": Span(64, 74, "last month")}
        >>> ann = SimpleNamespace(figures=[fig])
        >>> print(period_clause_warnings(chk, ann)[0])  # doctest: +NORMALIZE_WHITESPACE
        a.yaml: figures[fall].period: 'last month' stands in another clause ('the port authority said last month')
        than the number '5', whose own clause ('Container volumes fell 5% in September') has its own date words,
        'September'; exportrow extract proposes `period: September`
            fix: write `period: September` if it dates the number; keep `period: last month` only if it dates the
            number itself and not another verb of its clause
        >>> fig["period_span"], fig["period"] = Span(29, 38, "September"), "September"
        >>> period_clause_warnings(chk, ann)
        []
    """
    seen: dict = {}  # each sentence's dates and facts, found once however many figures it holds
    return [w for f in ann.figures or [] if (w := _figure_warning(chk, f, seen)) is not None]


def _figure_warning(chk, f: dict, seen: dict) -> Problem | None:
    """The warning of :func:`period_clause_warnings` for one figure, or None."""
    from exportrow.dates import _remembered_date_expressions
    from exportrow.extract import _period, _sentence_facts

    value, words = f.get("value_span"), f.get("period_span")
    if value is None or words is None:
        return None
    sent = chk.article.sentence_at(value.start)
    if sent is None or not (sent.start <= words.start and words.end <= sent.end):
        return None
    if sent.start not in seen:
        dates = list(_remembered_date_expressions(sent.text))
        facts = _sentence_facts(sent.text, dates, chk.article.published)
        by_clause: dict = {}
        for d in dates:
            by_clause.setdefault(facts.clause_of(d[0]), []).append(d)
        seen[sent.start] = dates, facts, by_clause
    dates, facts, by_clause = seen[sent.start]
    text, at = sent.text, value.end - sent.start
    a, b = words.start - sent.start, words.end - sent.start
    own = facts.clause_of(at)
    x, y = facts.clause_extent(own)
    if a < y and b > x:
        return None  # the period's words are in the number's clause (or run through it)
    v0, v1 = value.start - sent.start, value.end - sent.start
    mine = [d for d in by_clause.get(own, []) if (d[1] <= a or d[0] >= b) and not (d[0] <= v0 and v1 <= d[1])]
    if not mine:
        return None
    proposed, _ = _period(sent, dates, at, chk.article.published, facts)
    extents = (facts.clause_extent(facts.clause_of(a)), (x, y))
    theirs, ours = (text[p:q].strip(" ,;:.()\u2013\u2014-") for p, q in extents)
    names = ", ".join(repr(d[2]) for d in mine)
    said = f"exportrow extract proposes `period: {proposed}`" if proposed else \
        "exportrow extract proposes no period for it"
    fix = f"write `period: {proposed}` if it dates the number" if proposed else \
        f"date the number by its own clause's words ({names}) if they give its period, or leave out `period:`"
    return Problem(
        chk.file, f["_label"], "period",
        f"{shown(words.text, 40)} stands in another clause ({shown(theirs, 80)}) than the number "
        f"{shown(value.text, 20)}, whose own clause ({shown(ours, 80)}) has its own date words, {names}; {said}",
        f"{fix}; keep `period: {f.get('period')}` only if it dates the number itself and not another verb of its "
        "clause")
