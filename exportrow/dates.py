"""Resolve the date expressions of news writing against the publication date.

Every result is an interval ``[start, end)`` with a precision (day, week, month or year)
and a TIMEX3-style value. Nothing is invented: "December 2017" is the whole month, never a
made-up day, and an expression outside the supported forms raises an error instead of
being guessed.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from exportrow.errors import ExportrowError

__all__ = ["DateResolutionError", "ResolvedDate", "find_date_expressions", "resolve_date",
           "PRECISIONS"]

PRECISIONS = ("day", "week", "month", "year")
TENSES = ("past", "present", "future")
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
               "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH_RE = r"(?:" + "|".join(_MONTHS) + r"|(?:" + "|".join(_MONTH_ABBR) + r")\.?)"
_WEEKDAY_RE = "(?:" + "|".join(_WEEKDAYS) + ")"
_YEAR_RE = r"(?:1[5-9]\d\d|2[01]\d\d)"
FORMS = ("a weekday name (with tense=)", "today / yesterday / tomorrow",
         "last|this|next week|month|year", "this|last|next <Month>", "<Month> <day>[, <year>]",
         "<Month> <year>", "a four-digit year", "YYYY-MM-DD or YYYY-MM",
         "from <date> to <date>")


class DateResolutionError(ExportrowError, ValueError):
    """An expression the resolver does not understand or cannot date without guessing."""


@dataclass(frozen=True)
class ResolvedDate:
    """A resolved date expression.

    Attributes:
        start: First day of the interval.
        end: First day after it (exclusive).
        precision: ``day``, ``week``, ``month`` or ``year``.
        timex: TIMEX3-style value, e.g. ``2019-07-10``, ``2019-W27``, ``2017-12``, ``2019``;
            an interval is written ``start/end`` (``2015/2019-03``).
        rule: The rule that was applied, in words.
    """

    start: dt.date
    end: dt.date
    precision: str
    timex: str
    rule: str


def _as_date(published) -> dt.date:
    if isinstance(published, str):
        return dt.date.fromisoformat(published[:10])
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    if hasattr(published, "date"):
        return published.date()
    raise DateResolutionError(f"publication date {published!r} is not a date")


def _month_number(word: str) -> int:
    w = word.lower().rstrip(".")
    return _MONTHS.index(w) + 1 if w in _MONTHS else _MONTH_ABBR[w]


def _next_month(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1)


def _day(d: dt.date, rule: str) -> ResolvedDate:
    return ResolvedDate(d, d + dt.timedelta(days=1), "day", d.isoformat(), rule)


def _month(year: int, month: int, rule: str) -> ResolvedDate:
    return ResolvedDate(dt.date(year, month, 1), _next_month(year, month), "month",
                        f"{year:04d}-{month:02d}", rule)


def _year(year: int, rule: str) -> ResolvedDate:
    return ResolvedDate(dt.date(year, 1, 1), dt.date(year + 1, 1, 1), "year", f"{year:04d}", rule)


def _week(monday: dt.date, rule: str) -> ResolvedDate:
    iso = monday.isocalendar()
    return ResolvedDate(monday, monday + dt.timedelta(days=7), "week",
                        f"{iso.year:04d}-W{iso.week:02d}", rule)


def _strip(expr: str) -> str:
    e = re.sub(r"\s+", " ", expr.replace("\u00a0", " ")).strip().lower().rstrip(",;")
    return re.sub(r"^(?:in|on|since|by|during|at|as of) ", "", e)


def resolve_date(expression: str, published, *, tense: str | None = None) -> ResolvedDate:
    """Resolve a date expression against the publication date.

    Args:
        expression: The words that date something, e.g. ``"Wednesday"``, ``"last week"``,
            ``"this January"``, ``"Aug. 28"``, ``"December 2017"``, ``"2016"``,
            ``"from 2015 to this March"``. A leading "in", "on", "since", "by" is allowed.
        published: The publication date (date, datetime, Timestamp or ISO string).
        tense: ``past``, ``present`` or ``future``. Required for a bare weekday: in the past
            tense it is the most recent such day on or before publication; in the present
            or future tense (a scheduled event) it is that day in the publication week.

    Returns:
        A :class:`ResolvedDate` with ``start``, ``end`` (exclusive), ``precision``, ``timex``.

    Raises:
        DateResolutionError: The expression is not a supported form, or needs a tense.

    Examples:
        >>> pub = "2019-07-12"  # a Friday
        >>> resolve_date("Wednesday", pub, tense="past").timex
        '2019-07-10'
        >>> resolve_date("on Friday", pub, tense="present").timex
        '2019-07-12'
        >>> r = resolve_date("last week", pub)
        >>> r.timex, str(r.start), str(r.end), r.precision
        ('2019-W27', '2019-07-01', '2019-07-08', 'week')
        >>> resolve_date("this January", pub).timex, resolve_date("December 2017", pub).precision
        ('2019-01', 'month')
        >>> r = resolve_date("from 2015 to this March", pub)
        >>> r.timex, str(r.start), str(r.end)
        ('2015/2019-03', '2015-01-01', '2019-04-01')
        >>> resolve_date("22", pub)
        Traceback (most recent call last):
        ...
        exportrow.dates.DateResolutionError: cannot resolve '22': ...
    """
    pub = _as_date(published)
    if tense is not None and tense not in TENSES:
        raise DateResolutionError(f"tense must be one of {', '.join(TENSES)}, not {tense!r}")
    e = _strip(expression)
    m = re.fullmatch(r"(?:from|between) (.+?) (?:to|until|through|and) (.+)", e)
    if m:
        a = resolve_date(m.group(1), pub, tense=tense or "past")
        b = resolve_date(m.group(2), pub, tense=tense or "past")
        if b.end <= a.start:
            raise DateResolutionError(f"{expression!r}: the range ends before it starts")
        precision = max(a.precision, b.precision, key=PRECISIONS.index)
        return ResolvedDate(a.start, b.end, precision, f"{a.timex}/{b.timex}",
                            f"range: from the start of {a.timex} ({a.rule}) to the end of "
                            f"{b.timex} ({b.rule}); as precise as its vaguer end")
    if e in ("today", "yesterday", "tomorrow"):
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[e]
        return _day(pub + dt.timedelta(days=shift), f"{e}: publication day {shift:+d}")
    m = re.fullmatch(rf"(last|this|next)? ?({_WEEKDAY_RE})", e)
    if m:
        which, wd = m.group(1), _WEEKDAYS.index(m.group(2))
        back = (pub.weekday() - wd) % 7
        monday = pub - dt.timedelta(days=pub.weekday())
        if which == "last":
            return _day(pub - dt.timedelta(days=back or 7),
                        f"'last {_WEEKDAYS[wd]}': the most recent one before publication")
        if which == "next":
            return _day(pub + dt.timedelta(days=(wd - pub.weekday()) % 7 or 7),
                        f"'next {_WEEKDAYS[wd]}': the first one after publication")
        if which == "this":
            return _day(monday + dt.timedelta(days=wd),
                        f"'this {_WEEKDAYS[wd]}': that day in the publication week")
        if tense is None:
            raise DateResolutionError(
                f"cannot resolve {expression!r} without a tense: pass tense='past' (the most "
                "recent such day) or tense='present'/'future' (that day in the publication week)")
        if tense == "past":
            return _day(pub - dt.timedelta(days=back),
                        f"past-tense weekday: the most recent {_WEEKDAYS[wd].capitalize()} "
                        "on or before publication")
        return _day(monday + dt.timedelta(days=wd),
                    f"{tense}-tense weekday: {_WEEKDAYS[wd].capitalize()} of the publication week")
    m = re.fullmatch(r"(last|this|next) (week|month|year)", e)
    if m:
        step = {"last": -1, "this": 0, "next": 1}[m.group(1)]
        rule = f"'{m.group(0)}': the {m.group(2)} {'before' if step < 0 else 'after' if step else 'of'} publication"
        if m.group(2) == "week":
            monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=step)
            return _week(monday, rule + " (ISO weeks, Monday to Sunday)")
        if m.group(2) == "month":
            n = pub.year * 12 + pub.month - 1 + step
            return _month(n // 12, n % 12 + 1, rule)
        return _year(pub.year + step, rule)
    m = re.fullmatch(rf"(this|last|next) ({_MONTH_RE})", e)
    if m:
        month = _month_number(m.group(2))
        if m.group(1) == "this":
            return _month(pub.year, month, "'this <Month>': that month of the publication year")
        if m.group(1) == "last":
            year = pub.year if month < pub.month else pub.year - 1
            return _month(year, month, "'last <Month>': the most recent such month before the "
                          "publication month")
        year = pub.year if month > pub.month else pub.year + 1
        return _month(year, month, "'next <Month>': the first such month after the publication month")
    m = re.fullmatch(rf"({_MONTH_RE}) (\d{{1,2}})(?:st|nd|rd|th)?(?:,? ({_YEAR_RE}))?", e)
    if m:
        year = int(m.group(3)) if m.group(3) else pub.year
        try:
            d = dt.date(year, _month_number(m.group(1)), int(m.group(2)))
        except ValueError as exc:
            raise DateResolutionError(f"{expression!r}: {exc}") from None
        rule = "<Month> <day>, <year>" if m.group(3) else "<Month> <day>: in the publication year"
        return _day(d, rule)
    m = re.fullmatch(rf"({_MONTH_RE}),? ({_YEAR_RE})", e)
    if m:
        return _month(int(m.group(2)), _month_number(m.group(1)), "<Month> <year>: the whole month")
    m = re.fullmatch(_YEAR_RE, e)
    if m:
        return _year(int(e), "a year: the whole year")
    m = re.fullmatch(rf"({_YEAR_RE})-(\d\d)(?:-(\d\d))?", e)
    if m:
        try:
            if m.group(3):
                return _day(dt.date.fromisoformat(e), "ISO date")
            return _month(int(m.group(1)), int(m.group(2)), "ISO month")
        except ValueError as exc:
            raise DateResolutionError(f"{expression!r}: {exc}") from None
    raise DateResolutionError(
        f"cannot resolve {expression!r}: not one of the supported forms ({'; '.join(FORMS)})")


@functools.cache
def _finder() -> re.Pattern:
    return re.compile(
        rf"\b(?:from {_YEAR_RE}|from (?:this |last )?{_MONTH_RE}(?: {_YEAR_RE})?)"
        rf" to (?:this |last )?(?:{_MONTH_RE}(?: {_YEAR_RE})?|{_YEAR_RE})"
        rf"|\b(?:last|this|next) (?:week|month|year|{_WEEKDAY_RE}|{_MONTH_RE})\b"
        rf"|\b{_MONTH_RE} \d{{1,2}}(?:st|nd|rd|th)?(?:, {_YEAR_RE})?(?!\d)"
        rf"|\b{_MONTH_RE} {_YEAR_RE}\b"
        rf"|\b{_WEEKDAY_RE}\b|\b(?:today|yesterday|tomorrow)\b"
        rf"|(?<![\d,.])\b{_YEAR_RE}\b(?!\d|,\d)",
        re.IGNORECASE)


def find_date_expressions(text: str) -> list[tuple[int, int, str]]:
    """Spans of the date expressions in ``text`` (for drafting annotations).

    A count next to a year is not a year: in "22 in 2016" only "2016" is a date.

    Example:
        >>> [t for _, _, t in find_date_expressions("22 in 2016, and more on Wednesday")]
        ['2016', 'Wednesday']
        >>> [t for _, _, t in find_date_expressions("156 cases from 2015 to this March")]
        ['from 2015 to this March']
    """
    return [(m.start(), m.end(), m.group(0)) for m in _finder().finditer(text.replace("\u00a0", " "))]
