"""Warn when an event's ``tense:`` reads its date against the verb that its date words follow (review 13).

A year-less date ("on Sunday", "July 4") is read by the event's tense: in the past it is the latest such day on or
before publication, in the present or future the first on or after it. A slip in ``tense:`` then moves the event by
a week or a year without any error: "The strike began on Sunday" with ``tense: future`` puts the strike's start
after an article that reports its third day. ``exportrow check`` warns (it does not refuse: English is not parsed,
and the annotator may know better) in two plain cases, naming both readings:

- ``tense: future`` or ``present`` dates the event after publication, while the date words follow a past-tense
  verb with at most two words between and no object ("began on Sunday", "took effect July 4", "broke down on
  Friday"), and the clause has no future, modal or scheduling word up to them ("said on Friday the plan would"
  still warns: the date follows "said");
- ``tense: past`` while the clause has "will", "is set to", "plans to", "is expected to" (and the like) before the
  date words, with no past-tense verb anywhere in the clause ("said ... will" is left alone).

Nothing is said when the tense does not change the date ("July 1, 2026"), or when the words hedge either way:
"was planned for Thursday", "have called a day of action for November 26", "said on Friday the plan will ...".
"""

from __future__ import annotations

import datetime as dt
import re

from exportrow.annotations.checker import shown
from exportrow.annotations.model import Annotation, Problem
from exportrow.dates import DateResolutionError, ResolvedDate, resolve_date

__all__ = ["event_tense_warnings", "past_verb_before", "future_phrase_before"]

#: Past-tense verbs that are never present tense, nor usually a participle before a noun ("cut", "set", "hit" and
#: "-ed" words such as "planned" or "registered" are left out on purpose).
_PAST = re.compile(
    r"\b(?:began|begun|started|ended|said|told|was|were|took|came|went|broke|met|held|signed|announced|agreed|"
    r"rejected|approved|launched|opened|closed|voted|unveiled|declared|stopped|halted|resumed|collapsed|struck|"
    r"arrived|died|happened|occurred|walked|spoke|wrote|sent|gave|made|won|lost|left|fell|rose|did)\b",
    re.IGNORECASE)
#: Words that make a clause about what is to come (or hedge it): a past verb beside them proves nothing.
_FUTURE_WORDS = re.compile(
    r"\b(?:will|would|shall|could|might|should|(?-i:may)|must|can|expects?|expected|forecasts?|plans?|planned|planning|"
    r"schedul\w*|due|set|slated|intends?|intended|aims?|aimed|upcoming|coming|next|later|soon|going to)\b|'ll\b",
    re.IGNORECASE)
#: A future construction in the present tense: "will meet", "is set to", "plans to", "is expected to".
_FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are|am) (?:set|due|scheduled|expected|slated|going|poised|planned|to)\b(?: to)?|"
    r"plans? to|intends? to|(?:is|are) planning to)\b|'ll\b", re.IGNORECASE)
#: Words after which a date is when something is due, not when it happened ("a strike for Friday", "by July").
_SCHEDULE = re.compile(r"\b(?:for|by|until|till|to|from|before|after|next|through)\b", re.IGNORECASE)
#: Words that start an object ("began the talks on Friday"): the date may then belong to the object.
_OBJECT = re.compile(r"\b(?:a|an|the|its|their|his|her|our|this|that|these|those)\b", re.IGNORECASE)


def past_verb_before(clause: str, at: int) -> str | None:
    """The past-tense verb that the date words at ``at`` of ``clause`` plainly follow, or None.

    Plainly: at most two words between, none of them starting an object ("the", "a") or scheduling ("for", "by").

    Example:
        >>> c = "The strike began on Sunday after talks broke down"
        >>> d = "The strike began the week on Sunday"
        >>> past_verb_before(c, c.index("on Sunday")), past_verb_before(d, d.index("on Sunday"))
        ('began', None)
        >>> c = "Unions have called a national day of action for November 26"
        >>> past_verb_before(c, c.index("November")) is None
        True
    """
    found = [m for m in _PAST.finditer(clause, 0, at)]
    if not found:
        return None
    verb = found[-1]
    between = clause[verb.end():at]
    if len(between.split()) > 2 or _OBJECT.search(between) or _SCHEDULE.search(between) or \
            _FUTURE_WORDS.search(between):
        return None
    return verb.group(0)


def future_phrase_before(clause: str, at: int) -> str | None:
    """The future construction ("will", "is set to", "plans to") before ``at`` in ``clause``, when the clause has no
    past-tense verb at all; else None.

    Example:
        >>> c = "The two sides will meet in Geneva on Friday"
        >>> future_phrase_before(c, c.index("on Friday"))
        'will'
        >>> c = "The ministry said the two sides will meet on Friday"
        >>> future_phrase_before(c, c.index("on Friday")) is None
        True
    """
    if _PAST.search(clause):
        return None
    found = [m for m in _FUTURE.finditer(clause, 0, at)]
    return found[-1].group(0) if found else None


def _reading(expression: str, published, tense: str, fiscal: dict) -> ResolvedDate | None:
    try:
        return resolve_date(expression, published, tense=tense, **fiscal)
    except (DateResolutionError, ValueError, OverflowError):
        return None


def _day(r: ResolvedDate) -> str:
    last = r.end - dt.timedelta(days=1)
    if r.precision == "day" or r.start == last:
        return f"{r.timex} ({r.start:%a %-d %b %Y})"
    return f"{r.timex} ({r.start:%-d %b %Y} to {last:%-d %b %Y})"


def event_tense_warnings(chk, ann: Annotation) -> list[Problem]:
    """A warning for each event whose ``tense:`` reads its date against the verb its date words follow.

    Example:
        >>> from exportrow.annotations.sections import _demo
        >>> from exportrow.article import Span
        >>> from types import SimpleNamespace
        >>> chk, ann, ids = _demo(events=[{"id": "began"}])
        >>> text = "The strike began on Sunday after talks broke down."
        >>> chk.article = SimpleNamespace(published="2025-11-04", published_date=dt.date(2025, 11, 4),
        ...                               sentence_at=lambda i: Span(0, len(text), text))
        >>> ann.events[0].update(expression="on Sunday", tense="future", span=Span(0, 26, text[:26]),
        ...                      expression_span=Span(17, 26, "on Sunday"),
        ...                      date=resolve_date("on Sunday", "2025-11-04", tense="future"))
        >>> print(event_tense_warnings(chk, ann)[0])  # doctest: +NORMALIZE_WHITESPACE
        demo.yaml: events[began].tense: 'on Sunday' is read with `tense: future` as 2025-11-09 (Sun 9 Nov 2025),
        after publication (4 Nov 2025), but it follows 'began', a past-tense verb; with `tense: past` it is
        2025-11-02 (Sun 2 Nov 2025)
            fix: write `tense: past` if the event happened before publication; keep `tense: future` only if 'on
            Sunday' dates something still to come
        >>> ann.events[0].update(tense="past", date=resolve_date("on Sunday", "2025-11-04", tense="past"))
        >>> event_tense_warnings(chk, ann)
        []
    """
    pub = chk.article.published_date
    if pub is None:
        return []
    return [w for e in ann.events or [] if (w := _event_warning(chk, e, pub)) is not None]


def _event_warning(chk, e: dict, pub: dt.date) -> Problem | None:
    """The warning of :func:`event_tense_warnings` for one event, or None."""
    from exportrow.extract import clause_span

    tense, words, date = e.get("tense"), e.get("expression_span"), e.get("date")
    if tense is None or words is None or date is None:
        return None
    sent = chk.article.sentence_at(words.start)
    if sent is None or not (sent.start <= words.start and words.end <= sent.end):
        return None
    at = words.start - sent.start
    a, b = clause_span(sent.text, at)
    clause, at = sent.text[a:b], at - a
    shown_words = shown(words.text, 40)
    if tense in ("future", "present") and date.start > pub:
        verb = None if _FUTURE_WORDS.search(clause, 0, at + len(words.text)) else past_verb_before(clause, at)
        past = _reading(e["expression"], chk.article.published, "past", chk.fiscal) if verb else None
        if past is None or (past.start, past.end) == (date.start, date.end):
            return None
        return Problem(
            chk.file, e["_label"], "tense",
            f"{shown_words} is read with `tense: {tense}` as {_day(date)}, after publication ({pub:%-d %b %Y}), "
            f"but it follows {verb!r}, a past-tense verb; with `tense: past` it is {_day(past)}",
            f"write `tense: past` if the event happened before publication; keep `tense: {tense}` only if "
            f"{shown_words} dates something still to come")
    if tense == "past":
        phrase = future_phrase_before(clause, at)
        future = _reading(e["expression"], chk.article.published, "future", chk.fiscal) if phrase else None
        if future is None or (future.start, future.end) == (date.start, date.end):
            return None
        return Problem(
            chk.file, e["_label"], "tense",
            f"{shown_words} is read with `tense: past` as {_day(date)}, but its clause says {phrase!r} (what "
            f"is to come); with `tense: future` it is {_day(future)}",
            f"write `tense: future` if the event was still to come at publication ({pub:%-d %b %Y}); keep "
            f"`tense: past` only if {shown_words} dates something that had happened")
    return None
