"""Warn when a figure's ``period:`` comes from another clause than its number's, which has date words of its own.

"Container volumes fell 5% in September, the port authority said last month": "last month" dates the saying, and
"in September" the fall. ``period: last month`` is in the quote, resolves, and dates the figure a month late without
an error. ``exportrow check`` warns (it does not refuse: the annotator may know better) when the period's words
stand wholly outside the number's own clause while that clause has date words of its own, naming both, saying which
is in the number's clause and what ``exportrow extract`` would propose. Clauses are split as extract splits them
(``exportrow.extract._SentenceFacts``, as :func:`exportrow.extract.clause_span`), and the proposal is extract's own
(review 13, rv13a finding 5).

A period from another clause when the number's clause has no date ("In 2016, there were 22 cases") is left alone.
So is a fronted date phrase ("Last year, as Red Sea attacks diverted ships, container volumes rose 4.5%"): standing
alone before the subject, with a preposition at most, it dates the sentence's main clause, the first clause after it
that does not open with a subordinating word ("as", "while", "when", ...). And a date the number is compared against
is no date of the number's own: "rose 4.5% from 2023", "up 3% since 2023", "higher than in 2023", "compared with
2023", "against 2023", "versus 2023" name the base of the change, not its period (review 14, rv14a finding 4).
"""

from __future__ import annotations

import re

from exportrow.annotations.checker import shown
from exportrow.annotations.model import Annotation, Problem

__all__ = ["period_clause_warnings"]

#: Words right before a date that make it the base a number is compared against, whatever the clause says.
_BASE_ALWAYS = re.compile(r"\b(?:than(?:\s+(?:in|during|for|at|on))?|compared\s+(?:with|to)|(?:as\s+)?against|versus|"
                          r"vs\.?)\s+(?:(?:the\s+)?(?:same\s+\w+\s+(?:of|in)|levels?\s+(?:of|in)|end\s+of)\s+)?$",
                          re.I)
#: "from" or "since" before a date: a base only after a word of change ("rose 4.5% from 2023"); otherwise the start
#: of a period ("has handled 1.2 million containers since July").
_BASE_AFTER_CHANGE = re.compile(r"\b(?:from|since)\s+(?:(?:the\s+)?(?:same\s+\w+\s+(?:of|in)|levels?\s+(?:of|in)|"
                                r"end\s+of)\s+)?$", re.I)
#: "on", "over", "above", "below", "relative to" before a year: the base of a change or a percentage ("up 2% on 2023",
#: "an increase of 4.5% over 2023", "3% above 2023"); before a day or a month "on" dates the change ("rose 5% on
#: Monday"), so only a year counts.
_BASE_BEFORE_YEAR = re.compile(r"\b(?:on|over|above|below|relative\s+to)\s+$", re.I)
_YEAR_WORDS = re.compile(r"(?:the\s+)?(?:(?:fiscal\s+|FY\s*)?\d{4}|(?:last|the\s+previous|the\s+prior)\s+year)", re.I)
_PERCENT = re.compile(r"\d\s*(?:%|per\s*cent|percent|pc\b)|percentage\s+points?", re.I)
#: A word of change, which makes a following "from <date>" or "since <date>" the base of the change.
_CHANGE = re.compile(r"\b(?:r[io]se[sn]?|rising|f[ae]ll(?:s|en|ing)?|gr[eo]w(?:s|n|ing)?|up|down|higher|lower|"
                     r"(?:in|de)creas\w*|drop\w*|declin\w*|climb\w*|jump\w*|slip\w*|gain\w*|surg\w*|plung\w*|"
                     r"soar\w*|tumbl\w*|doubl\w*|tripl\w*|halv\w*|shr[ua]nk\w*|more|less|fewer)\b", re.I)
#: Words that open a subordinate clause: a fronted date dates the first clause after it that opens with none.
_SUBORDINATE = frozenset({"as", "while", "whereas", "when", "whenever", "after", "before", "because", "although",
                          "though", "if", "unless", "which", "who", "whom", "whose", "that", "since", "until", "once",
                          "where", "amid", "despite"})


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
    if _fronted_main_clause(text, facts, a, b) == own:
        return None  # "Last year, as ..., volumes rose 4.5%": a fronted date dates the main clause
    v0, v1 = value.start - sent.start, value.end - sent.start
    mine = [d for d in by_clause.get(own, []) if (d[1] <= a or d[0] >= b) and not (d[0] <= v0 and v1 <= d[1])
            and not _is_base(text, d, x)]
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


def _is_base(text: str, date: tuple[int, int, str], clause_start: int) -> bool:
    """Whether ``date`` is the base a number is compared against, not its period (in the clause from ``clause_start``).

    Example:
        >>> t = "container volumes rose 4.5% from 2023"
        >>> u = "it has handled 1.2 million since July"
        >>> _is_base(t, (33, 37, "2023"), 0), _is_base(u, (27, 37, "since July"), 0)
        (True, False)
        >>> t = "up 2% on 2023"  # review 15: British and wire style; "on Monday" still dates the change
        >>> _is_base(t, (9, 13, "2023"), 0), _is_base("rose 5% on Monday", (11, 17, "Monday"), 0)
        (True, False)
        >>> _is_base("3% above 2023", (9, 13, "2023"), 0), _is_base("held talks over 2023", (16, 20, "2023"), 0)
        (True, False)
        >>> t = "exports were 4% higher than in 2023"
        >>> _is_base(t, (31, 35, "2023"), 0), _is_base("volumes fell 5% in September", (19, 28, "September"), 0)
        (True, False)
    """
    a, b, words = date
    before = text[clause_start:a]
    lead = re.match(r"(?:from|since)\s+", words, re.I)
    if lead:  # the date expression holds its own "since" ("since 2023"): read it as standing before the date
        before, a = before + lead.group(0), a + lead.end()
        if re.search(r"\s(?:to|until|till|through|and)\s", words[lead.end():], re.I):
            return False  # "from January to March": a period
    if _BASE_ALWAYS.search(before):
        return True
    if _BASE_BEFORE_YEAR.search(before) and _YEAR_WORDS.fullmatch(words.strip()):
        return bool(_CHANGE.search(before) or _PERCENT.search(before))
    return bool(_BASE_AFTER_CHANGE.search(before)) and bool(_CHANGE.search(before))


def _fronted_main_clause(text: str, facts, a: int, b: int) -> int | None:
    """The clause a fronted date phrase at ``a``..``b`` dates, or None if the words are no fronted date phrase.

    A fronted date phrase is the sentence's first clause, holding the date and a preposition at most ("Last year,",
    "In 2024,"); it dates the first clause after it that opens with no subordinating word (:data:`_SUBORDINATE`).

    Example:
        >>> from exportrow.extract import _sentence_facts
        >>> t = "Last year, as Red Sea attacks diverted ships, container volumes rose 4.5% from 2023"
        >>> f = _sentence_facts(t, [], None)
        >>> _fronted_main_clause(t, f, 0, 9), f.clause_of(t.index("4.5"))
        (2, 2)
        >>> t = "Volumes fell 5% in September, the port authority said last month"
        >>> _fronted_main_clause(t, _sentence_facts(t, [], None), t.index("last"), len(t)) is None
        True
    """
    from exportrow.extract import _ADVERBIAL

    k = facts.clause_of(a)
    x, y = facts.clause_extent(k)
    if k != 0 or b > y:
        return None
    rest = (text[x:a] + " " + text[b:y]).split()
    if not all(w.strip(".,;:()\u2013\u2014-").lower() in _ADVERBIAL for w in rest if w.strip(".,;:()\u2013\u2014-")):
        return None
    for clause in range(1, len(facts.bounds) + 1):
        p, q = facts.clause_extent(clause)
        first = text[p:q].strip(" ,;:.()\u2013\u2014-").split()
        if first and first[0].lower() not in _SUBORDINATE:
            return clause
    return None
