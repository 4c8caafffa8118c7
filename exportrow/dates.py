"""Resolve the date expressions of news writing against the publication date.

Every result is an interval ``[start, end)`` with a precision, a TIMEX3-style value, and, where
the words call for one, a TIMEX3 modifier (``mod``) and, for a span, its length (``duration``).
Nothing is invented and nothing is silently narrowed: "December 2017" is the whole month, never a
made-up day; "late July" is all of July with ``mod = END``; "since 2015" runs from the start of
2015 to the publication day. An expression outside the supported forms, or one that depends on
another date in the text, raises an error instead of being guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from exportrow.errors import ExportrowError
from exportrow.numbers import CARDINAL, ORDINAL, parse_number

__all__ = ["DateResolutionError", "DateOutOfRange", "TenseNeeded", "TABLE_YEARS", "ResolvedDate",
           "find_date_expressions", "resolve_date", "wider_expression", "part_of_wider", "period_fault",
           "part_of_period_expressions", "refused_wholes",
           "same_happening", "PRECISIONS", "MODS", "TENSES", "FORMS", "anaphoric_date"]

def same_happening(a_start, a_end, b_start, b_end) -> bool:
    """Whether two dated spans can report one happening: the shorter lies inside the longer (ends exclusive).

    The one rule for ``same_as`` pairs, in ``exportrow check`` and in notebook 02.

    Example:
        >>> d = dt.date
        >>> same_happening(d(2019, 7, 4), d(2019, 7, 5), d(2019, 7, 1), d(2019, 7, 8))  # 4 July in its week
        True
        >>> same_happening(d(2025, 1, 1), d(2026, 1, 1), d(2026, 4, 14), d(2026, 4, 15))  # 2025 and a day of 2026
        False
    """
    (i_start, i_end), (o_start, o_end) = sorted([(a_start, a_end), (b_start, b_end)], key=lambda s: s[1] - s[0])
    return o_start <= i_start and i_end <= o_end


#: From the finest to the vaguest. A span is as precise as its vaguer end.
PRECISIONS = ("day", "week", "month", "quarter", "season", "half", "year", "decade", "century")
#: TIMEX3 modifiers used here.
MODS = ("START", "MID", "END", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "APPROX")
TENSES = ("past", "present", "future")
#: The supported forms, in words (shown when an expression is refused).
FORMS = ("a weekday, with tense (also 'Wednesday night', 'last/this/next Friday')",
         "today / yesterday / tomorrow / tonight / last night",
         "last|this|next week|month|quarter|year|decade|century",
         "<Month> <day>[, <year>] or <day> <Month> [<year>] (a year-less day needs a tense)",
         "<Month> <year>; a bare month with tense ('in August')", "a four-digit year; YYYY-MM-DD; YYYY-MM",
         "quarters and halves ('the third quarter [of 2018]', 'third-quarter', 'Q3 2018', 'the first half', "
         "'the April-June quarter'; fiscal ones given fiscal_year_start)",
         "seasons ('last summer', 'the winter of 2018-19')", "decades and centuries ('the 1990s', 'the 20th century')",
         "early/mid/late X; the start/middle/end of X", "N days/weeks/months/years ago",
         "spans: since X; by/until/through/before X; after X; from X to Y (a year written once at the end dates "
         "both ends: 'from June to August 2024', 'June-August 2024', 'from 5 to 9 March 2024'); the N years ending X; "
         "the past/last/next N days/weeks/months/years; earlier/later this week/month/year")


class DateResolutionError(ExportrowError, ValueError):
    """An expression the resolver does not understand or cannot date without guessing.

    ``fix`` is the nearest fix for an annotation when it is not "use a supported form" (None).
    """

    fix: str | None = None


class TenseNeeded(DateResolutionError):
    """An expression whose date depends on the tense of its verb, resolved without one."""


#: The years a resolved date may reach: the whole years a pandas timestamp in nanoseconds holds (from 21 September
#: 1677 to 11 April 2262), so that every date of the tables fits pandas' classic unit too (the tables store
#: microseconds, whose differences, unlike nanoseconds', reach past 292 years). :func:`resolve_date` refuses a date
#: outside them, so that `exportrow check` and `extract` say so, and `tables`, `view` and the notebooks never meet
#: one. (Publication dates keep to the narrower :data:`exportrow.clock.NEWS_YEARS`.)
TABLE_YEARS = (1678, 2261)


class DateOutOfRange(DateResolutionError):
    """An expression whose date reaches outside :data:`TABLE_YEARS`, the years the tables can hold.

    ``why`` says how, without the expression ("reaches back to 1600, before 1678; the tables hold ...").
    """

    why: str = ""


@dataclass(frozen=True)
class ResolvedDate:
    """A resolved date expression.

    Attributes:
        start: First day of the interval.
        end: First day after it (exclusive).
        precision: One of :data:`PRECISIONS` (``day`` ... ``century``).
        timex: TIMEX3-style value, e.g. ``2019-07-10``, ``2019-07-10TNI``, ``2019-W27``, ``2017-12``,
            ``2019-Q3``, ``2019-H1``, ``2018-SU``, ``2019``, ``199`` (the 1990s), ``19`` (the 1900s),
            ``FY2019``; a span is written ``start/end`` (``2015/2019-03``), each end at its own precision.
        rule: The rule that was applied, in words.
        mod: TIMEX3 modifier, or None: ``START``/``MID``/``END`` (early/mid/late: the interval is still
            the whole unit), ``ON_OR_AFTER`` (since), ``ON_OR_BEFORE`` (by, until), ``BEFORE``, ``AFTER``,
            ``APPROX`` ("a decade ago").
        duration: For a span, its length as an ISO 8601 duration (``P4Y``, ``P4Y6M12D``, ``P1W``);
            None for a single calendar unit.
    """

    start: dt.date
    end: dt.date
    precision: str
    timex: str
    rule: str
    mod: str | None = None
    duration: str | None = None

    @property
    def is_span(self) -> bool:
        """True for a span ("since 2015", "from 2015 to this March"), False for one calendar unit."""
        return self.duration is not None


@dataclass(frozen=True)
class _Ctx:
    pub: dt.date
    tense: str | None
    fiscal_start: int | None
    fiscal_named_by: str | None
    hemisphere: str


# --------------------------------------------------------------------------- vocabulary

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
               "sept": 9, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH_RE = r"(?:" + "|".join(_MONTHS) + r"|(?:" + "|".join(_MONTH_ABBR) + r")\.?)"
_WEEKDAY_RE = "(?:" + "|".join(_WEEKDAYS) + ")"
_YEAR_RE = r"(?:1[5-9]\d\d|2[01]\d\d)"
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_PART_RE = "(?:" + "|".join(_PARTS) + ")"
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON_RE = "(?:" + "|".join(_SEASONS) + ")"
_SEASON_START = {"north": {"SP": 3, "SU": 6, "FA": 9, "WI": 12}, "south": {"SP": 9, "SU": 12, "FA": 3, "WI": 6}}
# exclusive end of a season by its first month: the latest astronomical end (solstice or equinox)
_SEASON_END = {3: (6, 22), 6: (9, 24), 9: (12, 23), 12: (3, 22)}
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_ORD_RE = "(?:" + "|".join(_ORD) + ")"
_NUM_WORDS = sorted(CARDINAL, key=len, reverse=True)
_TENS = [w for w, v in CARDINAL.items() if v >= 20]
_UNITS_WORDS = [w for w, v in CARDINAL.items() if 0 < v < 10]
_NUM_RE = (r"(?:\d+|an?|(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(_UNITS_WORDS) + r"))?|"
           + "|".join(_NUM_WORDS) + ")")
_VAGUE_NUM_RE = r"(?:a few|few|several|many|some|a couple of|a couple|couple of|a number of|dozens of|a handful of)"
_UNIT_MONTHS = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}
_UNIT_DAYS = {"day": 1, "week": 7}
_CENTURY_WORDS = {**{w: n for w, n in ORDINAL.items()}, "twenty-first": 21, "twenty first": 21,
                  "twenty-second": 22}
_MOD_WORDS = {"early": "START", "mid": "MID", "late": "END", "start": "START", "beginning": "START",
              "middle": "MID", "end": "END", "close": "END"}


# --------------------------------------------------------------------------- small helpers

def _as_date(published) -> dt.date:
    if isinstance(published, str):
        try:
            return dt.date.fromisoformat(published[:10])
        except ValueError:
            raise DateResolutionError(f"publication date {published!r} is not an ISO date") from None
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


def _count(word: str, expression: str) -> int:
    w = word.strip().lower()
    n = 1 if w in ("a", "an") else parse_number(w)
    if n is None or n != int(n) or n < 1:
        raise DateResolutionError(f"cannot resolve {expression!r}: {word!r} is not a whole count")
    return int(n)


def _shift_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    if not 1 <= y <= 9998:
        raise OverflowError(f"year {y}")  # _resolve refuses it, with the years a date may reach
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _shift(d: dt.date, unit: str, n: int) -> dt.date:
    if unit in _UNIT_DAYS:
        return d + dt.timedelta(days=n * _UNIT_DAYS[unit])
    return _shift_months(d, n * _UNIT_MONTHS[unit])


def _duration(start: dt.date, end: dt.date) -> str:
    """ISO 8601 length of ``[start, end)`` in calendar years, months and days (weeks when only whole weeks)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if _shift_months(start, months) > end:
        months -= 1
    days = (end - _shift_months(start, months)).days
    years, months = divmod(months, 12)
    if not years and not months and days and days % 7 == 0:
        return f"P{days // 7}W"
    return "P" + ("".join(f"{v}{u}" for v, u in ((years, "Y"), (months, "M"), (days, "D")) if v) or "0D")


def _vaguer(*precisions: str) -> str:
    return max(precisions, key=PRECISIONS.index)


def _day(d: dt.date, rule: str, part: str | None = None, mod: str | None = None) -> ResolvedDate:
    timex = d.isoformat() + (f"T{_PARTS[part]}" if part else "")
    return ResolvedDate(d, d + dt.timedelta(days=1), "day", timex, rule, mod)


def _week(monday: dt.date, rule: str) -> ResolvedDate:
    iso = monday.isocalendar()
    return ResolvedDate(monday, monday + dt.timedelta(days=7), "week", f"{iso[0]:04d}-W{iso[1]:02d}", rule)


def _month(year: int, month: int, rule: str) -> ResolvedDate:
    start = dt.date(year, month, 1)
    return ResolvedDate(start, _shift_months(start, 1), "month", f"{year:04d}-{month:02d}", rule)


def _quarter(year: int, q: int, rule: str) -> ResolvedDate:
    start = dt.date(year, 3 * q - 2, 1)
    return ResolvedDate(start, _shift_months(start, 3), "quarter", f"{year:04d}-Q{q}", rule)


def _half(year: int, h: int, rule: str) -> ResolvedDate:
    start = dt.date(year, 6 * h - 5, 1)
    return ResolvedDate(start, _shift_months(start, 6), "half", f"{year:04d}-H{h}", rule)


def _year(year: int, rule: str) -> ResolvedDate:
    return ResolvedDate(dt.date(year, 1, 1), dt.date(year + 1, 1, 1), "year", f"{year:04d}", rule)


def _decade(first_year: int, rule: str) -> ResolvedDate:
    return ResolvedDate(dt.date(first_year, 1, 1), dt.date(first_year + 10, 1, 1), "decade",
                        f"{first_year // 10:03d}", rule)


def _century(n: int, rule: str) -> ResolvedDate:
    """The n-th century: strictly (n-1)01 to n00, in common use (n-1)00 to (n-1)99; the interval covers both."""
    if not 2 <= n <= 99:
        raise OverflowError(f"the {_ordinal(n)} century")  # _resolve refuses it, with the years a date may reach
    return ResolvedDate(dt.date((n - 1) * 100, 1, 1), dt.date(n * 100 + 1, 1, 1), "century", f"{n - 1:02d}",
                        rule + f" (the {_ordinal(n)} century: strictly {(n - 1) * 100 + 1}-{n * 100}, in common use "
                        f"{(n - 1) * 100}-{(n - 1) * 100 + 99}; the interval covers both)")


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _season(year: int, code: str, ctx: _Ctx, rule: str) -> ResolvedDate:
    first = _SEASON_START[ctx.hemisphere][code]
    em, ed = _SEASON_END[first]
    start = dt.date(year, first, 1)
    end = dt.date(year + (em < first), em, ed)
    if not rule:
        return ResolvedDate(start, end, "season", f"{year:04d}-{code}", "")
    name = {v: k for k, v in _SEASONS.items() if k != "fall"}[code]
    note = (f"{ctx.hemisphere}ern hemisphere {'assumed' if ctx.hemisphere == 'north' else 'given'}: {name} "
            f"from its meteorological start ({start.day} {start:%B}) to its latest astronomical end "
            f"({(end - dt.timedelta(days=1)).day} {end:%B})")
    return ResolvedDate(start, end, "season", f"{year:04d}-{code}", f"{rule}; {note}")


def _span(start: dt.date, end: dt.date, precision: str, timex: str, rule: str,
          mod: str | None = None) -> ResolvedDate:
    return ResolvedDate(start, end, precision, timex, rule, mod, _duration(start, end))


def _n(n: int, unit: str) -> str:
    return f"{n} {unit}{'s' if n != 1 else ''}"


def _unit_precision(unit: str) -> str:
    return unit if unit in PRECISIONS else "day"


def _refuse(expression: str, why: str, fix: str | None = None) -> DateResolutionError:
    error = DateResolutionError(f"cannot resolve {expression!r}: {why}")
    error.fix = fix
    return error


def _out_of_range(expression: str, why: str) -> DateOutOfRange:
    first, last = TABLE_YEARS
    why = f"{why}; the tables hold dates in the years {first} to {last} only"
    error = DateOutOfRange(f"cannot resolve {expression!r}: it {why}")
    error.why = why
    error.fix = (f"date it by words that stay within the years {first} to {last}, or leave the date out and give it "
                 "in words in `note:`")
    return error


def _within_tables(r: ResolvedDate, expression: str) -> ResolvedDate:
    """``r``, or :class:`DateOutOfRange` when it reaches outside :data:`TABLE_YEARS`.

    Example:
        >>> _within_tables(_year(1700, ""), "1700").timex
        '1700'
        >>> try:
        ...     _within_tables(_decade(1650, ""), "the 1650s")
        ... except DateOutOfRange as exc:
        ...     print(exc.why)
        reaches back to 1650, before 1678; the tables hold dates in the years 1678 to 2261 only
    """
    first, last = TABLE_YEARS
    final = r.end - dt.timedelta(days=1)
    if r.start.year < first:
        raise _out_of_range(expression, f"reaches back to {r.start.year}, before {first}")
    if final.year > last:
        raise _out_of_range(expression, f"reaches {final.year}, after {last}")
    return r


# --------------------------------------------------------------------------- tense

def _years_around(pub: dt.date) -> range:
    """The years a day or a range of days without a year is looked for in: nine either side of publication, since
    a 29 February can be eight years from the next (2096 to 2104)."""
    return range(pub.year - 9, pub.year + 10)


def _pick(candidates: list[ResolvedDate], ctx: _Ctx, what: str, expression: str) -> ResolvedDate:
    """The candidate the tense selects: past = the latest starting on or before the publication day;
    present/future = the first ending on or after it. A refusal, not a date out of range, when none does.

    Example:
        >>> ctx = _Ctx(dt.date(2025, 7, 15), "future", None, None, "north")
        >>> try:
        ...     _pick([_day(dt.date(2024, 2, 29), "")], ctx, "February 29", "February 29")
        ... except DateResolutionError as exc:
        ...     print(exc)
        cannot resolve 'February 29': no February 29 that ends on or after the publication day is among the \
years looked at (2024)
    """
    if ctx.tense is None:
        readings = []
        for tense in ("past", "future"):
            try:
                readings.append(_pick(candidates, _with_tense(ctx, tense), what, expression).timex)
            except DateResolutionError as exc:
                readings.append(f"not resolvable ({exc})")
        raise TenseNeeded(f"cannot resolve {expression!r} without a tense: in the past tense it is {readings[0]} "
                          f"(the latest {what} on or before publication), in the present or future tense "
                          f"{readings[1]} (the first on or after publication); give tense past, present or future")
    if ctx.tense == "past":
        fits, which, when = [c for c in candidates if c.start <= ctx.pub], "latest", "starts on or before"
    else:
        fits, which, when = [c for c in candidates if c.end > ctx.pub], "first", "ends on or after"
    if not fits:
        years = sorted({c.start.year for c in candidates})
        raise _refuse(expression, f"no {what} that {when} the publication day is among the years looked at "
                      f"({', '.join(map(str, years))})")
    rule = f"{ctx.tense} tense: the {which} {what} that {when} the publication day"
    chosen = max(fits, key=lambda c: c.start) if ctx.tense == "past" else min(fits, key=lambda c: c.start)
    return ResolvedDate(chosen.start, chosen.end, chosen.precision, chosen.timex,
                        rule + (f"; {chosen.rule}" if chosen.rule else ""), chosen.mod)


def _with_tense(ctx: _Ctx, tense: str | None) -> _Ctx:
    return _Ctx(ctx.pub, tense, ctx.fiscal_start, ctx.fiscal_named_by, ctx.hemisphere)


# --------------------------------------------------------------------------- the forms

_ANOTHER_DATE = re.compile(
    r".*\b(?:earlier|later|before|after|prior|afterwards?|beforehand|on)$"
    r"|(?:the )?(?:previous|preceding|following|prior|same|subsequent) .*"
    r"|the next (?:day|morning|afternoon|evening|night)|next day|that .*|then|the day before|the day after"
    r"|(?:the )?(?:week|month|year|day)s? (?:before|after) .*|.* (?:before|after) (?:that|then|it)")
_NO_VALUE = re.compile(
    r"(?:right )?now|recently|lately|currently|soon|shortly|presently|at present|at the moment|nowadays"
    r"|these days|the other day|the day|the week|the month|the year|the time|the moment|the weekend"
    r"|once|eventually|someday|some day|one day|for now|for the time being|in the future|the future|the past"
    rf"|(?:in )?recent (?:days|weeks|months|years|decades)|{_VAGUE_NUM_RE} \w+ ago"
    rf"|the (?:past|last|next|coming) {_VAGUE_NUM_RE} \w+|{_VAGUE_NUM_RE} \w+ from now")


#: "the coming weeks", "over the past months", "next years": a plural unit with no number says how long only
#: vaguely (one week? three?), so reading it as one unit would be a guess.
_VAGUE_PLURAL = re.compile(r"(?:the )?(?:past|last|next|coming|recent) (day|week|month|year|decade|centurie)s")
_NO_VALUE_FIX = ("if the sentence gives a date or a number of units, date the event by those words (e.g. 'the next "
                 "two weeks'); else leave out `expression:`, and the event is listed as undated")


def _refusals(e: str, ctx: _Ctx, x: str) -> None:
    if _NO_VALUE.fullmatch(e):
        raise _refuse(x, "it has no honest calendar value (no date follows from the publication date alone)",
                      _NO_VALUE_FIX)
    plural = _VAGUE_PLURAL.fullmatch(e)
    if plural:
        unit = plural.group(1).replace("centurie", "century")
        raise _refuse(x, f"it has no honest calendar value (it gives no number of {unit}s, and reading it as one "
                      f"{unit} would be a guess)", _NO_VALUE_FIX)
    if _ANOTHER_DATE.fullmatch(e):
        raise _refuse(x, "it is dated by another date in the text, and exportrow does not chain dates; date the "
                      "event by words that name its own date",
                      "if the sentence names this date in words of its own, date it by those; else leave out "
                      "`expression:` (the event is listed as undated) or `period:`, and say in a `note:` which date "
                      "it hangs on")


#: One end of a range that names a month, or a day of a month, without a year: "June", "mid-June", "the end of
#: June", "March 5", "5 March", "the 5th of March"; or a bare day ("5", "the 5th") that takes its month from the
#: other end ("from 5 to 9 March 2024", "from March 5 to 9, 2024").
_R_DAY = r"(?:the )?\d{1,2}(?:st|nd|rd|th)?"
_R_MONTHISH = (rf"(?:(?:early|mid|late)[- ]|the (?:start|beginning|middle|end|close) of )?"
               rf"(?:{_R_DAY} (?:of )?{_MONTH_RE}|{_MONTH_RE}(?: \d{{1,2}}(?:st|nd|rd|th)?)?)")
_CALENDAR_RANGE = re.compile(rf"(from |between )?({_R_DAY}|{_R_MONTHISH})(?: (to|until|till|through|thru|and) | ?(-) ?)"
                             rf"({_R_DAY}|{_R_MONTHISH})(?:,? (?:of )?({_YEAR_RE}))?")
_MONTH_IN = re.compile(rf"(?<![a-z])({_MONTH_RE})(?![a-z])")


def _backwards(x: str, a: ResolvedDate, b: ResolvedDate, tense: str | None) -> DateResolutionError:
    """The refusal of a range whose second end is over before its first begins: how each end was read, and a fix
    that keeps the article's words (a period or expression must be those, so "use another form" is none).

    Example:
        >>> nine, five = _day(dt.date(2024, 3, 9), ""), _day(dt.date(2024, 3, 5), "")
        >>> e = _backwards("from March 9 to March 5, 2024", nine, five, None)
        >>> print(e)
        cannot resolve 'from March 9 to March 5, 2024': the range ends before it starts: its first end reads \
2024-03-09, its second 2024-03-05, which is over by then
        >>> print(e.fix)  # doctest: +NORMALIZE_WHITESPACE
        a period or expression must be the article's own words, so do not reword them: if the article does write the
        range this way (a slip), leave out `period:` or `expression:` (the entry then has no date) and give the range
        in words in `note:`
    """
    read = []
    by_tense = [r.timex for r in (a, b) if re.search(r"\b(?:past|present|future)[- ]tense\b", r.rule)]
    if by_tense:
        read.append(f"{' and '.join(by_tense)} {'is' if len(by_tense) == 1 else 'are'} read by `tense: {tense}`: if "
                    "the article means another year, give the tense that reads it")
    if any("publication" in r.rule for r in (a, b)):
        read.append("check the publication date, which the words are read against")
    return _refuse(x, f"the range ends before it starts: its first end reads {a.timex}, its second {b.timex}, which "
                   "is over by then",
                   "a period or expression must be the article's own words, so do not reword them: "
                   + "".join(f"{r}; " for r in read) + "if the article does write the range this way (a slip), leave "
                   "out `period:` or `expression:` (the entry then has no date) and give the range in words in "
                   "`note:`")


def _calendar_range(e: str, ctx: _Ctx, x: str) -> ResolvedDate | None:
    """A range whose ends name months or days without a year of their own: "from June to August 2027", "between
    January and March 2024", "from November to February 2025", "June-August 2024", "June through August 2024",
    "from March 3 to May 5, 2024", "from 5 to 9 March 2024", "March 5-9, 2024"; and without any year, "from June to
    August".

    A year written once at the end dates both ends (the ordinary English reading); the first end takes the year
    before when its month comes later in the year than the second's ("from November to February 2025" starts in
    November 2024). With no year at all, the tense picks the whole range, as it picks a bare month, so its ends are
    never read in different years that leave it backwards; and as for a bare month, without a tense it is refused
    (:class:`TenseNeeded`, naming both readings), never read in the past tense unasked. A bare day takes its month
    from the other end. Without "from" or "between" the words are a range only when the year is written
    ("June-August 2024"); "June and August 2024" names two months, not a range.
    """
    m = _CALENDAR_RANGE.fullmatch(e)
    if not m:
        return None
    prefix, first, word, _, second, year = m.groups()
    if not prefix and (word == "and" or not year):
        return None
    first_month, second_month = _MONTH_IN.search(first), _MONTH_IN.search(second)
    if first_month is None and second_month is None:
        return None  # "from 5 to 9": no month
    if first_month is None:  # "from 5 to 9 March": the first day is in the second's month
        if not re.search(r"\d", second):
            return None
        first, first_month = f"{first} {second_month.group(1)}", second_month
    elif second_month is None:  # "from March 5 to 9": the second day is in the first's month
        if not re.search(r"\d", first):
            return None
        second, second_month = f"{first_month.group(1)} {second.removeprefix('the ')}", first_month
    earlier_year = _month_number(first_month.group(1)) > _month_number(second_month.group(1))

    def ends(y: int) -> tuple[ResolvedDate, ResolvedDate]:
        a = _resolve(f"{first} {y - 1 if earlier_year else y}", ctx, x)
        b = _resolve(f"{second} {y}", ctx, x)
        if b.end <= a.start:
            raise _backwards(x, a, b, ctx.tense)
        return a, b

    def span(a: ResolvedDate, b: ResolvedDate, rule: str) -> ResolvedDate:
        return _span(a.start, b.end, _vaguer(a.precision, b.precision), f"{a.timex}/{b.timex}",
                     f"range: {rule}; from the start of {a.timex} to the end of {b.timex}, as precise as its vaguer "
                     "end")

    if year:
        a, b = ends(int(year))
        why = f"the year {year} written at its end dates both ends"
        if earlier_year:
            why += f" ({a.start:%B} comes after {b.start:%B} in the year, so the range starts in {a.start.year})"
        return span(a, b, why)
    cands, refused = [], None
    for y in _years_around(ctx.pub):  # as for one day: "from February 29 to March 3" reaches the next leap year
        try:
            cands.append(span(*ends(y), "neither end has a year"))
        except DateResolutionError as exc:  # "from February 29 to March 3": not every year has the day
            refused = exc
    if not cands:
        raise refused
    words = _MONTH_IN.sub(lambda mm: mm.group(1).capitalize(), f"range from {first} to {second}")
    r = _pick(cands, ctx, words, x)  # without a tense, TenseNeeded with both readings, as for a bare month
    return _span(r.start, r.end, r.precision, r.timex, r.rule)


def _range(e: str, ctx: _Ctx, x: str) -> ResolvedDate | None:
    calendar_range = _calendar_range(e, ctx, x)
    if calendar_range is not None:
        return calendar_range
    m = re.fullmatch(r"(?:from|between) (.+?) (?:to|until|till|through|thru|and|-) (.+)", e)
    if m:
        first, second = m.group(1), m.group(2)
    else:
        m = re.fullmatch(rf"(?:from |between )?({_YEAR_RE}) ?[-/] ?(\d\d|{_YEAR_RE})", e)
        if not m:
            return None
        first, second = m.groups()
        if len(second) == 2:
            if "/" not in e and int(second) <= 12:
                return None  # YYYY-MM is a month (ISO)
            second = first[:2] + second
    try:
        a = _resolve(first, ctx, first)
        b = _resolve(second, ctx, second)
    except TenseNeeded:  # an end the tense dates ("from June 2023 to August"): ask for it, as for that end alone
        raise _range_tense_needed(first, second, ctx, x) from None
    if a.is_span or b.is_span:
        raise _refuse(x, "a range runs between two dates, not between spans")
    if b.end <= a.start:
        raise _backwards(x, a, b, ctx.tense)
    return _span(a.start, b.end, _vaguer(a.precision, b.precision), f"{a.timex}/{b.timex}",
                 f"range: from the start of {a.timex} ({a.rule}) to the end of {b.timex} ({b.rule}); "
                 "as precise as its vaguer end")


def _range_tense_needed(first: str, second: str, ctx: _Ctx, x: str) -> TenseNeeded:
    """The refusal of a range "from X to Y" without a tense when an end of it needs one: both readings of the range.

    Example:
        >>> ctx = _Ctx(dt.date(2025, 11, 2), None, None, None, "north")
        >>> print(_range_tense_needed("june 2023", "august", ctx, "from June 2023 to August"))
        cannot resolve 'from June 2023 to August' without a tense: in the past tense it is 2023-06/2025-08, in \
the present or future tense 2023-06/2026-08 (each end without a year read by the tense); give tense past, present or \
future
    """
    readings = []
    for tense in ("past", "future"):
        sub = _with_tense(ctx, tense)
        try:
            a, b = _resolve(first, sub, first), _resolve(second, sub, second)
            readings.append(f"{a.timex}/{b.timex}" if b.end > a.start else
                            f"backwards ({a.timex} to {b.timex}), so it does not resolve")
        except DateResolutionError as exc:
            readings.append(f"not resolvable ({exc})")
    return TenseNeeded(f"cannot resolve {x!r} without a tense: in the past tense it is {readings[0]}, in the present "
                       f"or future tense {readings[1]} (each end without a year read by the tense); give tense past, "
                       "present or future")


def _since(e: str, ctx: _Ctx, x: str) -> ResolvedDate | None:
    m = re.fullmatch(r"(?:ever )?since (.+)", e)
    if not m:
        return None
    a = _resolve(m.group(1), _with_tense(ctx, "past"), m.group(1))
    if a.is_span:
        raise _refuse(x, "'since' needs a date, not a span")
    if a.start > ctx.pub:
        raise _refuse(x, f"'since' needs a start before publication, and {a.timex} starts after it")
    end = ctx.pub + dt.timedelta(days=1)
    return _span(a.start, end, _vaguer(a.precision, "day"), f"{a.timex}/{ctx.pub.isoformat()}",
                 f"'since': from the start of {a.timex} ({a.rule}) to the publication day", "ON_OR_AFTER")


def _until(e: str, ctx: _Ctx, x: str) -> ResolvedDate | None:
    m = re.fullmatch(r"(by|until|till|til|through|before|no later than|up to) (.+)", e)
    if not m:
        return None
    word = m.group(1)
    b = _resolve(m.group(2), ctx, m.group(2))
    if b.is_span:
        raise _refuse(x, f"'{word}' needs a date, not a span")
    if b.end <= ctx.pub:
        raise _refuse(x, f"'{word} {m.group(2)}' looks back from publication: it gives the end ({b.timex}) but no "
                      "start, so no honest interval follows; date the event by words that give its start, or "
                      "quote a range ('from ... to ...')")
    if word == "before":
        if b.start <= ctx.pub:
            raise _refuse(x, f"{b.timex} has begun by publication, so 'before' it leaves no interval")
        return _span(ctx.pub, b.start, _vaguer(b.precision, "day"), f"{ctx.pub.isoformat()}/{b.timex}",
                     f"'before': from the publication day to the start of {b.timex} ({b.rule})", "BEFORE")
    return _span(ctx.pub, b.end, _vaguer(b.precision, "day"), f"{ctx.pub.isoformat()}/{b.timex}",
                 f"'{word}': from the publication day to the end of {b.timex} ({b.rule})", "ON_OR_BEFORE")


def _after(e: str, ctx: _Ctx, x: str) -> ResolvedDate | None:
    m = re.fullmatch(r"after (.+)", e)
    if not m:
        return None
    if ctx.tense is None:
        raise TenseNeeded(f"cannot resolve {x!r} without a tense: in the past tense it runs from the end of "
                          "that date to publication; in the future it has no end; give tense past")
    if ctx.tense != "past":
        raise _refuse(x, "in the present or future tense 'after' has no end, so no honest interval follows")
    a = _resolve(m.group(1), ctx, m.group(1))
    if a.is_span:
        raise _refuse(x, "'after' needs a date, not a span")
    if a.end > ctx.pub:
        raise _refuse(x, f"{a.timex} has not ended by publication")
    end = ctx.pub + dt.timedelta(days=1)
    return _span(a.end, end, _vaguer(a.precision, "day"), f"{a.timex}/{ctx.pub.isoformat()}",
                 f"'after' (past tense): from the end of {a.timex} ({a.rule}) to the publication day", "AFTER")


def _ending(e: str, ctx: _Ctx, x: str) -> ResolvedDate | None:
    m = re.fullmatch(rf"the (?:({_NUM_RE}) )?(?:fiscal )?(day|week|month|quarter|year)s? (?:that )?"
                     r"(ending|ended|ends|to|through|thru) (.+)", e)
    if not m:
        return None
    n = _count(m.group(1), x) if m.group(1) else 1
    unit, word = m.group(2), m.group(3)
    sub = _with_tense(ctx, "past") if word == "ended" else ctx
    b = _resolve(m.group(4), sub, m.group(4))
    if b.is_span:
        raise _refuse(x, f"'{word}' needs a date, not a span")
    start = _shift(b.end, unit, -n)
    return _span(start, b.end, b.precision, f"{_iso(start, b.precision)}/{b.timex}",
                 f"'the {_n(n, unit)} {word} ...': {_n(n, 'whole ' + unit)} up to the end of {b.timex} ({b.rule})")


def _iso(d: dt.date, precision: str) -> str:
    """A start date written at a precision (the start of a span)."""
    if precision in ("year", "decade", "century", "half", "season") and d.month == 1 and d.day == 1:
        return f"{d.year:04d}"
    if precision in ("month", "quarter", "year", "half", "season") and d.day == 1:
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def _past_next(e: str, ctx: _Ctx, x: str) -> ResolvedDate | None:
    m = re.fullmatch(rf"(?:the (past|last|next|coming)|(past|coming)) (?:({_NUM_RE}) )?(day|week|month|year|decade)s?",
                     e)
    if not m:
        return None
    word = m.group(1) or m.group(2)
    n = _count(m.group(3), x) if m.group(3) else 1
    unit = m.group(4)
    if word in ("past", "last"):
        end = ctx.pub + dt.timedelta(days=1)
        start = _shift(end, unit, -n)
        rule = (f"'the {word} {_n(n, unit)}': the {_n(n, unit)} up to and including the publication day"
                + (" (not 'last week', the ISO week before)" if unit == "week" and n == 1 else ""))
    else:
        start = ctx.pub
        end = _shift(start, unit, n)
        rule = f"'the {word} {_n(n, unit)}': the {_n(n, unit)} from the publication day"
    return _span(start, end, _unit_precision(unit), f"{start.isoformat()}/{(end - dt.timedelta(days=1)).isoformat()}",
                 rule)


def _earlier_later_season(m: re.Match, ctx: _Ctx, x: str) -> ResolvedDate:
    """'later this autumn' (the publication day to the end of this season), 'earlier this spring' / 'so far this
    winter' (the start of this season to the publication day); refused when no day of the season lies that side."""
    word, season = m.group(1), m.group(2)
    whole = _season_form(f"this {season}", ctx, x)
    last = whole.end - dt.timedelta(days=1)
    if word == "later":
        start, end = max(ctx.pub, whole.start), whole.end
        empty = last <= ctx.pub
    else:
        start, end = whole.start, min(ctx.pub + dt.timedelta(days=1), whole.end)
        empty = whole.start >= ctx.pub
    if empty:
        raise _refuse(x, f"no day of this {season} ({whole.start.isoformat()} to {last.isoformat()}) comes "
                      f"{'after' if word == 'later' else 'before'} the publication day ({ctx.pub.isoformat()})",
                      "check the publication date; if it is right, date the event by words that name its own date, "
                      "else leave out `expression:` and the event is listed as undated")
    rule = (f"'{m.group(0)}': from the {'publication day' if start == ctx.pub else 'start of ' + whole.timex} to the "
            f"{'end of ' + whole.timex if end == whole.end else 'publication day'} ({whole.rule})")
    return _span(start, end, "season", f"{start.isoformat()}/{(end - dt.timedelta(days=1)).isoformat()}", rule)


def _earlier_later(e: str, ctx: _Ctx, x: str) -> ResolvedDate | None:
    season = re.fullmatch(rf"(earlier|later|so far) this ({_SEASON_RE})", e)
    if season:
        return _earlier_later_season(season, ctx, x)
    m = re.fullmatch(r"(earlier|later|so far) this (week|month|year)|(?:this|the) (week|month|year) so far", e)
    if not m:
        return None
    unit = m.group(2) or m.group(3)
    whole = _relative_unit(f"this {unit}", ctx, x)
    edge = {"earlier": whole.start == ctx.pub, "later": whole.end - dt.timedelta(days=1) == ctx.pub}
    if edge.get(m.group(1)):
        first = {"week": "Monday, the first day of its ISO week", "month": "the first day of the month",
                 "year": "1 January"}[unit]
        last = {"week": "Sunday, the last day of its ISO week", "month": "the last day of the month",
                "year": "31 December"}[unit]
        where = ("before", first) if m.group(1) == "earlier" else ("after", last)
        raise _refuse(x, f"no day of this {unit} comes {where[0]} the publication day ({ctx.pub.isoformat()}, "
                      f"{where[1]}), so the words cannot be dated from it",
                      "check the publication date; if it is right, date the event by words that name its own date "
                      "(e.g. 'last week'), else leave out `expression:` and the event is listed as undated")
    if m.group(1) == "later":
        start, end = ctx.pub, whole.end
        rule = f"'later this {unit}': from the publication day to the end of {whole.timex}"
    else:
        start, end = whole.start, ctx.pub + dt.timedelta(days=1)
        rule = f"'{m.group(0)}': from the start of {whole.timex} to the publication day"
    return _span(start, end, _unit_precision(unit), f"{start.isoformat()}/{(end - dt.timedelta(days=1)).isoformat()}",
                 rule)


def _ago(e: str, ctx: _Ctx, x: str) -> ResolvedDate | None:
    m = re.fullmatch(rf"({_NUM_RE}) (day|week|month|year|decade)s? ago", e)
    if not m:
        return None
    n, unit = _count(m.group(1), x), m.group(2)
    pub = ctx.pub
    rule = f"'{_n(n, unit)} ago': "
    if unit == "day":
        return _day(pub - dt.timedelta(days=n), rule + f"the publication day -{n}")
    if unit == "week":
        d = pub - dt.timedelta(weeks=n)
        return _week(d - dt.timedelta(days=d.weekday()), rule + f"the ISO week holding the publication day -{7 * n} "
                     "days (TIMEX3 counts weeks, not days)")
    if unit == "month":
        d = _shift_months(pub, -n)
        return _month(d.year, d.month, rule + f"the publication month -{n} (the whole month)")
    if unit == "year":
        return _year(pub.year - n, rule + f"the publication year -{n} (the whole year)")
    r = _year(pub.year - 10 * n, rule + f"about the publication year -{10 * n} (the whole year, approximate)")
    return ResolvedDate(r.start, r.end, r.precision, r.timex, r.rule, "APPROX")


#: How to choose ``fiscal_year_named_by`` (the fixes of ``exportrow check`` name both conventions, review 13).
FISCAL_NAMING = ("`fiscal_year_named_by: start` if its FY2023 starts in 2023 (as in Japan: April 2023 to March "
                 "2024), `end` if it ends in 2023 (as for Indian and British companies: April 2022 to March 2023; the "
                 "US government: October 2022 to September 2023); to tell which, find where the article (or the "
                 "keeper's own results) ends one named year: 'FY2023, the year to March 2023' or 'the year ended 31 "
                 "March 2023' means `end`, an FY2023 that runs to March 2024 means `start`")


def _fiscal_year(n: int, ctx: _Ctx, x: str) -> dt.date:
    """First day of fiscal year ``n``."""
    if ctx.fiscal_start is None or ctx.fiscal_named_by is None:
        raise _refuse(x, "a fiscal year depends on who keeps it, and the month it starts is not given "
                      "(`fiscal_year_start`)",
                      "when the article says when its fiscal year starts, give it under `article:` in the annotation: "
                      f"`fiscal_year_start:` the month it starts (4 for an April-March year), and {FISCAL_NAMING} (in "
                      "Python: resolve_date(..., fiscal_year_start=4, fiscal_year_named_by='end')); or date it by "
                      "the span the article spells out ('the year to March 2024', 'the year ending March 31, 2024')")
    s = ctx.fiscal_start
    year = n if ctx.fiscal_named_by == "start" or s == 1 else n - 1
    return dt.date(year, s, 1)


def _fiscal_unit(n: int, unit: str, k: int, ctx: _Ctx, x: str) -> ResolvedDate:
    first = _fiscal_year(n, ctx, x)
    size = {"year": 12, "quarter": 3, "half": 6}[unit]
    start = _shift_months(first, size * (k - 1))
    tag = {"year": "", "quarter": f"-Q{k}", "half": f"-H{k}"}[unit]
    rule = (f"fiscal year {n} starts {first:%B %Y} (fiscal_year_start={ctx.fiscal_start}, named by the calendar "
            f"year it {ctx.fiscal_named_by}s in)")
    return ResolvedDate(start, _shift_months(start, size), unit, f"FY{n:04d}{tag}", rule)


def _closest_year(yy: int, pub: dt.date) -> int:
    """A two-digit year read as the year ending in those digits nearest the publication year."""
    return min((c * 100 + yy for c in range(pub.year // 100 - 1, pub.year // 100 + 2)), key=lambda y: abs(y - pub.year))


def _fiscal(e: str, ctx: _Ctx, x: str) -> ResolvedDate | None:
    e = re.sub(r"\bfinancial year\b", "fiscal year", e)  # British and Indian usage: "financial year 2025"
    if not re.search(r"\bfiscal\b|\bfy ?\d", e):
        return None
    _fiscal_year(ctx.pub.year, ctx, x)  # refuses when the article's fiscal year is not given
    e2 = re.sub(r"\bfy ?(\d{4})\b", r"fiscal \1", e)
    e2 = re.sub(r"\bfy ?(\d\d)\b", lambda m: f"fiscal {_closest_year(int(m.group(1)), ctx.pub)}", e2)
    e2 = re.sub(r"fiscal year (\d{4})|the (\d{4}) fiscal year", lambda m: f"fiscal {m.group(1) or m.group(2)}", e2)
    years = [_fiscal_unit(y, "year", 1, ctx, x) for y in range(ctx.pub.year - 1, ctx.pub.year + 2)]
    current = int(next(c for c in years if c.start <= ctx.pub < c.end).timex[2:])
    m = re.fullmatch(rf"fiscal ({_YEAR_RE})", e2)
    if m:
        return _fiscal_unit(int(m.group(1)), "year", 1, ctx, x)
    m = re.fullmatch(rf"(?:the )?(?:(?:fiscal )?({_ORD_RE})(?: fiscal)?[- ](quarter|half)"
                     rf"|fiscal q([1-4])|fiscal h([12]))"
                     rf"(?: of (?:the )?(?:fiscal )?({_YEAR_RE}|this year|last year|next year|year))?"
                     rf"|fiscal ({_YEAR_RE}) (?:q([1-4])|h([12]))", e2)
    if m:
        unit = m.group(2) or ("quarter" if (m.group(3) or m.group(7)) else "half")
        k = _ORD[m.group(1)] if m.group(1) else int(m.group(3) or m.group(4) or m.group(7) or m.group(8))
        if unit == "half" and k > 2:
            raise _refuse(x, "a year has two halves")
        year = m.group(5) or m.group(6)
        if year and year[0].isdigit():
            return _fiscal_unit(int(year), unit, k, ctx, x)
        if year:
            n = current + {"this year": 0, "year": 0, "last year": -1, "next year": 1}[year]
            r = _fiscal_unit(n, unit, k, ctx, x)
            where = "holding" if n == current else "before" if n < current else "after"
            return ResolvedDate(r.start, r.end, r.precision, r.timex,
                                f"of the fiscal year {where} the publication day: {r.rule}")
        cands = [_fiscal_unit(y, unit, k, ctx, x) for y in range(current - 2, current + 3)]
        return _pick(cands, ctx, f"fiscal {_ordinal(k)} {unit}", x)
    m = re.fullmatch(r"(?:the )?(this|last|next|current)? ?fiscal year", e2)
    if m:
        if m.group(1) is None:
            cands = [_fiscal_unit(y, "year", 1, ctx, x) for y in range(current - 2, current + 3)]
            return _pick(cands, ctx, "fiscal year", x)
        step = {"last": -1, "next": 1}.get(m.group(1), 0)
        r = _fiscal_unit(current + step, "year", 1, ctx, x)
        return ResolvedDate(r.start, r.end, r.precision, r.timex, f"'{m.group(0)}': the fiscal year "
                            f"{'holding' if not step else 'before' if step < 0 else 'after'} the publication day; "
                            f"{r.rule}")
    raise _refuse(x, "not a supported fiscal form ('fiscal 2019', 'FY2019', 'the fiscal third quarter', "
                  "'the third quarter of fiscal 2019', 'fiscal Q3', 'the fiscal year')")


def _year_of(words: str, ctx: _Ctx, x: str) -> int:
    r = _resolve(words, ctx, words)
    if r.precision != "year" or r.is_span:
        raise _refuse(x, f"{words!r} is not a year")
    return r.start.year


def _quarter_half(e: str, ctx: _Ctx, x: str) -> ResolvedDate | None:
    m = re.fullmatch(rf"(?:the )?({_ORD_RE}|last)[- ](quarter|half)(?: of (.+))?", e)
    if m and m.group(1) == "last" and not e.startswith("the "):
        m = None  # "last quarter": the calendar unit before publication (below)
    if m:
        k = 4 if m.group(1) == "last" and m.group(2) == "quarter" else 2 if m.group(1) == "last" else _ORD[m.group(1)]
        if m.group(1) == "last" and not m.group(3):
            raise _refuse(x, f"'the last {m.group(2)}' can mean the previous one, the {m.group(2)} ending the year "
                          "or the past months; quote the year ('the last quarter of 2018') or a range")
        unit = m.group(2)
        if unit == "half" and k > 2:
            raise _refuse(x, "a year has two halves")
        make = _quarter if unit == "quarter" else _half
        if m.group(3):
            words = {"the year": "this year"}.get(m.group(3), m.group(3))
            year = _year_of(words, _with_tense(ctx, ctx.tense or "past"), x)
            return make(year, k, f"the {_ordinal(k)} {unit} of {year} (calendar "
                                 f"{'halves' if unit == 'half' else 'quarters'})")
        kind = f"calendar {'halves' if unit == 'half' else 'quarters'}"
        cands = [make(y, k, kind) for y in range(ctx.pub.year - 1, ctx.pub.year + 2)]
        return _pick(cands, ctx, f"{_ordinal(k)} {unit}", x)
    m = re.fullmatch(rf"(q[1-4]|h[12])(?:[ -]({_YEAR_RE}))?|({_YEAR_RE})[ -]?(q[1-4]|h[12])", e)
    if m:
        tag = m.group(1) or m.group(4)
        year = m.group(2) or m.group(3)
        make = _quarter if tag[0] == "q" else _half
        unit = "quarter" if tag[0] == "q" else "half"
        if year:
            return make(int(year), int(tag[1]), f"{tag.upper()} {year}: calendar {unit}")
        kind = f"calendar {'halves' if unit == 'half' else 'quarters'}"
        cands = [make(y, int(tag[1]), kind) for y in range(ctx.pub.year - 1, ctx.pub.year + 2)]
        return _pick(cands, ctx, tag.upper(), x)
    m = re.fullmatch(rf"(?:the )?({_MONTH_RE}) ?[-–] ?({_MONTH_RE}) (?:quarter|period|half)(?: of ({_YEAR_RE}))?", e)
    if m:
        a, b = _month_number(m.group(1)), _month_number(m.group(2))
        length = (b - a) % 12 + 1

        def block(year: int) -> ResolvedDate:
            start = dt.date(year, a, 1)
            end = _shift_months(start, length)
            if length == 3 and a % 3 == 1:
                timex, precision = f"{year:04d}-Q{(a + 2) // 3}", "quarter"
            elif length == 6 and a in (1, 7):
                timex, precision = f"{year:04d}-H{(a + 5) // 6}", "half"
            else:
                timex, precision = f"{year:04d}-{a:02d}/{end.year:04d}-{b:02d}", "month"
            last = end - dt.timedelta(days=1)
            first = f"{start:%B}" if start.year == last.year else f"{start:%B %Y}"  # both years when they differ
            return ResolvedDate(start, end, precision, timex, f"{first}-{last:%B %Y}")

        if m.group(3):
            return block(int(m.group(3)))
        return _pick([block(y) for y in range(ctx.pub.year - 2, ctx.pub.year + 2)], ctx,
                     f"{m.group(1).capitalize()}-{m.group(2).capitalize()} period", x)
    return None


_SPECIAL_UNITS = {"the week": "this week", "the month": "this month", "the quarter": "this quarter",
                  "the year": "this year", "the decade": "this decade", "the century": "this century"}


def _modified(e: str, ctx: _Ctx, x: str) -> ResolvedDate | None:
    m = re.fullmatch(r"(?:the )?(early|late|mid)(?:-| |dle of |dle )(.+)"
                     r"|the (start|beginning|middle|end|close) of (.+)", e)
    if not m:
        return None
    word = m.group(1) or m.group(3)
    rest = m.group(2) or m.group(4)
    rest = _SPECIAL_UNITS.get(rest, rest)
    try:
        inner = _resolve(rest, ctx, rest)
    except TenseNeeded as exc:
        raise TenseNeeded(str(exc).replace(repr(rest), repr(x), 1)) from None
    if inner.is_span:
        raise _refuse(x, f"'{word}' applies to a calendar unit, not to the span {inner.timex}")
    if inner.mod:
        raise _refuse(x, f"{rest!r} already has the modifier {inner.mod}")
    mod = _MOD_WORDS[word]
    return ResolvedDate(inner.start, inner.end, inner.precision, inner.timex,
                        f"'{word}': the {mod} of {inner.timex} (TIMEX3 mod {mod}); the interval is all of "
                        f"{inner.timex}, since the words do not say where '{word}' begins or ends ({inner.rule})", mod)


def _day_words(e: str, ctx: _Ctx, x: str) -> ResolvedDate | None:
    m = re.fullmatch(rf"(today|yesterday|tomorrow)(?: ({_PART_RE}))?|(tonight)|(this) (morning|afternoon|evening)"
                     r"|(last) (night)", e)
    if not m:
        return None
    if m.group(3):
        return _day(ctx.pub, "'tonight': the night of the publication day (TIMEX3 TNI)", "night")
    if m.group(4):
        return _day(ctx.pub, f"'this {m.group(5)}': the publication day (TIMEX3 T{_PARTS[m.group(5)]})", m.group(5))
    if m.group(6):
        return _day(ctx.pub - dt.timedelta(days=1), "'last night': the night before the publication day, dated by "
                    "its evening (TIMEX3 TNI)", "night")
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[m.group(1)]
    part = m.group(2)
    return _day(ctx.pub + dt.timedelta(days=shift), f"{m.group(1)}: publication day {shift:+d}"
                + (f", {part} (TIMEX3 T{_PARTS[part]}{'; a night is dated by its evening' if part == 'night' else ''})"
                   if part else ""), part)


def _weekday(e: str, ctx: _Ctx, x: str) -> ResolvedDate | None:
    m = re.fullmatch(rf"(?:(last|this past|this coming|this|next|coming) )?({_WEEKDAY_RE})(?: ({_PART_RE}))?"
                     rf"(?:,? ({_MONTH_RE} \d{{1,2}}(?:st|nd|rd|th)?(?:,? {_YEAR_RE})?))?", e)
    if not m:
        return None
    which = {"this past": "last", "this coming": "next", "coming": "next"}.get(m.group(1), m.group(1))
    wd, part = _WEEKDAYS.index(m.group(2)), m.group(3)
    name = _WEEKDAYS[wd].capitalize()
    pub = ctx.pub
    suffix = (f", {part} (TIMEX3 T{_PARTS[part]}{'; a night is dated by its evening' if part == 'night' else ''})"
              if part else "")
    if m.group(4):
        d = _month_day(m.group(4), ctx, x)
        if d.start.weekday() != wd:
            raise _refuse(x, f"{d.timex} is a {d.start:%A}, not a {name}")
        return _day(d.start, f"{name}, {d.rule}{suffix}", part)
    if which == "last":
        return _day(pub - dt.timedelta(days=(pub.weekday() - wd) % 7 or 7),
                    f"'last {name}': the most recent {name} before the publication day{suffix}", part)
    if which == "next":
        return _day(pub + dt.timedelta(days=(wd - pub.weekday()) % 7 or 7),
                    f"'next {name}': the first {name} after the publication day (a {name} article's 'next {name}' "
                    f"is a week later){suffix}", part)
    cands = [_day(pub + dt.timedelta(days=k), "") for k in range(-7, 8) if (pub + dt.timedelta(days=k)).weekday() == wd]
    r = _pick(cands, ctx, name, x)
    what = "this " if which == "this" else ""
    rule = (f"past-tense {what}weekday: the most recent {name} on or before the publication day" if ctx.tense == "past"
            else f"{ctx.tense}-tense {what}weekday: the first {name} on or after the publication day "
                 f"(a {name} article's '{name}' is that day)")
    return _day(r.start, rule + suffix, part)


def _relative_unit(e: str, ctx: _Ctx, x: str) -> ResolvedDate | None:
    m = re.fullmatch(r"(last|this|next) (week|month|quarter|year|decade|century)", e)
    if not m:
        return None
    word = m.group(1)
    step = {"last": -1, "this": 0, "next": 1}[word]
    unit, pub = m.group(2), ctx.pub
    rule = f"'{word} {unit}': the {unit} {'before' if step < 0 else 'after' if step else 'of'} publication"
    if unit == "week":
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=step)
        return _week(monday, rule + " (ISO weeks, Monday to Sunday)")
    if unit == "month":
        d = _shift_months(pub.replace(day=1), step)
        return _month(d.year, d.month, rule)
    if unit == "quarter":
        d = _shift_months(pub.replace(day=1), 3 * step)
        return _quarter(d.year, (d.month + 2) // 3, rule + " (calendar quarters)")
    if unit == "year":
        return _year(pub.year + step, rule)
    if unit == "decade":
        return _decade((pub.year // 10 + step) * 10, rule + " (calendar decades, e.g. 2010-2019)")
    return _century(pub.year // 100 + 1 + step, rule)


def _relative_month(e: str, ctx: _Ctx, x: str) -> ResolvedDate | None:
    m = re.fullmatch(rf"(this|last|next) ({_MONTH_RE})", e)
    if not m:
        return None
    month, pub = _month_number(m.group(2)), ctx.pub
    which = m.group(1)
    if which == "this":
        return _month(pub.year, month, "'this <Month>': that month of the publication year")
    if which == "last":
        year = pub.year if month < pub.month else pub.year - 1
        return _month(year, month, "'last <Month>': the most recent such month before the publication month")
    year = pub.year if month > pub.month else pub.year + 1
    return _month(year, month, "'next <Month>': the first such month after the publication month")


def _season_form(e: str, ctx: _Ctx, x: str) -> ResolvedDate | None:
    m = re.fullmatch(rf"(?:(this past|this coming|this|last|next|past|coming) |the )?({_SEASON_RE})"
                     rf"(?: (?:of )?({_YEAR_RE})(?: ?[-/–] ?(\d\d|{_YEAR_RE}))?)?", e)
    if not m:
        m2 = re.fullmatch(rf"({_YEAR_RE}) ({_SEASON_RE})", e)
        if not m2:
            return None
        return _season_form(f"{m2.group(2)} {m2.group(1)}", ctx, x)
    which = {"past": "last", "this past": "last", "coming": "next", "this coming": "next"}.get(m.group(1), m.group(1))
    code = _SEASONS[m.group(2)]
    first = _SEASON_START[ctx.hemisphere][code]
    crosses = first == 12
    cands = [_season(y, code, ctx, "") for y in range(ctx.pub.year - 3, ctx.pub.year + 3)]
    if m.group(3):
        year = int(m.group(3))
        if crosses:
            if not m.group(4):
                raise _refuse(x, f"this {m.group(2)} spans two calendar years; '{m.group(2)} {year}' can mean "
                              f"{year - 1}-{str(year)[2:]} or {year}-{str(year + 1)[2:]}: quote the words that "
                              "say which")
            second = int(m.group(4)) if len(m.group(4)) == 4 else int(m.group(3)[:2] + m.group(4))
            if second != year + 1:
                raise _refuse(x, f"{year} and {second} are not consecutive years")
        elif m.group(4):
            raise _refuse(x, f"a {m.group(2)} falls in one calendar year here")
        return _season(year, code, ctx, f"{m.group(2)} {year}")
    if which == "this":
        year = ctx.pub.year - (1 if crosses and ctx.pub.month <= 6 else 0)
        return _season(year, code, ctx, f"'this {m.group(2)}': the {m.group(2)} of the publication's season-year")
    if which == "last":
        r = max((c for c in cands if c.end <= ctx.pub), key=lambda c: c.start)
        return _season(r.start.year, code, ctx, f"'last {m.group(2)}': the latest one over before the publication day")
    if which == "next":
        r = min((c for c in cands if c.start > ctx.pub), key=lambda c: c.start)
        return _season(r.start.year, code, ctx,
                       f"'next {m.group(2)}': the first one to start after the publication day")
    r = _pick(cands, ctx, m.group(2), x)
    return _season(r.start.year, code, ctx, r.rule)


def _month_day(e: str, ctx: _Ctx, x: str) -> ResolvedDate | None:
    m = re.fullmatch(rf"({_MONTH_RE}) (\d{{1,2}})(?:st|nd|rd|th)?(?:,? ({_YEAR_RE}))?", e)
    if m:
        month, day, year = m.group(1), m.group(2), m.group(3)
    else:
        m = re.fullmatch(rf"(?:the )?(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MONTH_RE}),?(?: ({_YEAR_RE}))?", e)
        if not m:
            return None
        day, month, year = m.group(1), m.group(2), m.group(3)
    month_n, day_n = _month_number(month), int(day)
    if year:
        try:
            return _day(dt.date(int(year), month_n, day_n), "<Month> <day>, <year>")
        except ValueError:  # not Python's words ("day is out of range for month"); a year only where it matters
            never = day_n > calendar.monthrange(2024, month_n)[1]  # 2024: a leap year, every month at its longest
            month_name = calendar.month_name[month_n] + ("" if never else f" {int(year)}")
            raise DateResolutionError(f"{x!r}: {month_name} has no day {day_n}") from None
    cands = []
    for y in _years_around(ctx.pub):
        try:
            cands.append(_day(dt.date(y, month_n, day_n), ""))
        except ValueError:
            continue
    if not cands:
        raise DateResolutionError(f"{x!r}: {calendar.month_name[month_n]} has no day {day_n}")
    r = _pick(cands, ctx, f"{calendar.month_name[month_n]} {day_n}", x)
    return _day(r.start, f"<Month> <day> without a year, {r.rule.split(';')[0]}")


def _month_year(e: str, ctx: _Ctx, x: str) -> ResolvedDate | None:
    m = re.fullmatch(rf"({_MONTH_RE}),? (?:of )?({_YEAR_RE})", e)
    if not m:
        return None
    return _month(int(m.group(2)), _month_number(m.group(1)), "<Month> <year>: the whole month")


def _bare_month(e: str, ctx: _Ctx, x: str) -> ResolvedDate | None:
    m = re.fullmatch(rf"(?:the month of )?({_MONTH_RE})", e)
    if not m:
        return None
    month = _month_number(m.group(1))
    cands = [_month(y, month, "") for y in range(ctx.pub.year - 1, ctx.pub.year + 2)]
    r = _pick(cands, ctx, calendar.month_name[month], x)
    return _month(r.start.year, month, f"a month without a year, {r.rule.split(';')[0]} (the whole month)")


def _decade_century(e: str, ctx: _Ctx, x: str) -> ResolvedDate | None:
    m = re.fullmatch(r"(?:the )?(\d\d\d)0'?s", e)
    if m:
        first = int(m.group(1)) * 10
        if first % 100 == 0:
            return ResolvedDate(dt.date(first, 1, 1), dt.date(first + 100, 1, 1), "century", f"{first // 100:02d}",
                                f"'the {first}s' can name the decade {first}-{first + 9} or the century "
                                f"{first}-{first + 99}; the interval covers both")
        return _decade(first, f"the {first}s: the decade {first}-{first + 9}")
    m = re.fullmatch(r"(?:the )?'(\d)0s|the (\d)0s", e)
    if m:
        tens = int(m.group(1) or m.group(2))
        cands = [_decade(c * 100 + tens * 10, "") for c in range(ctx.pub.year // 100 - 2, ctx.pub.year // 100 + 2)]
        r = _pick(cands, ctx, f"'{tens}0s", x)
        return _decade(r.start.year, f"a decade without its century, {r.rule.split(';')[0]}")
    m = re.fullmatch(r"(?:the )?(?:(\d{1,2})(?:st|nd|rd|th)|(" + "|".join(_CENTURY_WORDS) + r")) century", e)
    if m:
        n = int(m.group(1)) if m.group(1) else _CENTURY_WORDS[m.group(2)]
        return _century(n, f"the {_ordinal(n)} century")
    return None


def _year_form(e: str, ctx: _Ctx, x: str) -> ResolvedDate | None:
    m = re.fullmatch(rf"(?:the year )?({_YEAR_RE})", e)
    if m:
        return _year(int(m.group(1)), "a year: the whole year")
    m = re.fullmatch(rf"({_YEAR_RE})-(\d\d)(?:-(\d\d))?", e)
    if m:
        try:
            if m.group(3):
                return _day(dt.date.fromisoformat(e), "ISO date")
            return _month(int(m.group(1)), int(m.group(2)), "ISO month")
        except ValueError:  # not Python's words ("day is out of range for month"): the calendar's
            raise DateResolutionError(f"{x!r}: the calendar has no such {'day' if m.group(3) else 'month'}") from None
    return None


_HANDLERS = (_range, _since, _until, _after, _ending, _past_next, _earlier_later, _ago, _fiscal, _quarter_half,
             _modified, _day_words, _weekday, _relative_unit, _relative_month, _season_form, _month_day,
             _month_year, _bare_month, _decade_century, _year_form)


def _normalise(expression: str) -> str:
    e = str(expression).replace("\u00a0", " ").replace("\u2019", "'").replace("\u2018", "'")
    e = re.sub(r"\s*[\u2013\u2014]\s*", "-", e)
    e = re.sub(r"\s+", " ", e).strip().lower().rstrip(",;:")
    return re.sub(r"(?<=\d)\.$", "", e)


def _strip(e: str) -> str:
    return re.sub(r"^(?:(?:in|on|at|during|over|throughout|for|within|as of|as early as|as late as) )+", "", e)


def _resolve(expression: str, ctx: _Ctx, original: str) -> ResolvedDate:
    e = _strip(_normalise(expression))
    _refusals(e, ctx, original)
    for handler in _HANDLERS:
        try:
            r = handler(e, ctx, original)
        except DateResolutionError:
            raise
        except OverflowError:  # a date beyond the calendar's years 1-9999, or a count beyond C's ints
            raise _out_of_range(original, "falls outside the calendar") from None  # not Python's words for it
        except ValueError as exc:
            if re.fullmatch(r"year -?\d+ is out of range", str(exc)):  # datetime's words for a year beyond 1-9999
                raise _out_of_range(original, "falls outside the calendar") from None
            # anything else is no year overflow: refuse it as a day the calendar lacks, never as "outside 1678-2261"
            raise _refuse(original, "it names a day the calendar does not have") from None
        if r is not None:
            return r
    raise _refuse(original, f"not one of the supported forms ({'; '.join(FORMS)})")


def resolve_date(expression: str, published, *, tense: str | None = None, fiscal_year_start: int | None = None,
                 fiscal_year_named_by: str | None = None, hemisphere: str = "north") -> ResolvedDate:
    """Resolve a date expression against the publication date.

    Rules (each result's ``rule`` names the one applied; "the publication day" is the day of publication):

    - **Tense.** ``present`` and ``future`` follow one rule (a scheduled event). Where the calendar
      repeats and the words give no year, the tense picks the occurrence: **past** = the latest
      one that starts on or before the publication day; **present/future** = the first one that
      ends on or after it. Without a tense such an expression raises :class:`TenseNeeded`, which
      names both readings. This covers a bare weekday ("Wednesday", "on Friday": in a Friday
      article a future "on Friday" is that very day), "this <weekday>", a month and day without
      a year ("Jan. 1", "Nov. 25"), a bare month ("in August"), a range without a year ("from June to
      August"), a bare quarter, half or season,
      and a decade without its century ("the '90s").
    - **Weekdays.** "last Friday" is the most recent Friday before the publication day; "next
      Friday" the first after it (in a Friday article, a week later). A part of the day keeps the
      day and adds a TIMEX3 time ("Wednesday night" = ``2019-07-10TNI``; a night is dated by its
      evening). "Wednesday, July 10" must agree with the calendar.
    - **Days.** today / yesterday / tomorrow = publication day +0 / -1 / +1; "tonight", "this
      morning"; "last night" = the night before publication.
    - **Calendar units.** "last/this/next week" = ISO weeks (Monday to Sunday) before/of/after
      the publication week; likewise month, quarter, year, decade (2010-2019) and century.
      "this <Month>" = that month of the publication year; "last <Month>" the most recent such
      month before the publication month; "next <Month>" the first after it. "<Month> <year>",
      a four-digit year, "YYYY-MM-DD" and "YYYY-MM" are absolute.
    - **Quarters and halves.** Calendar quarters (``2019-Q3``) and halves (``2019-H1``):
      "the third quarter [of 2018]", "third-quarter", "Q3 2018", "the first half",
      "the April-June quarter". "the last quarter of 2018" = Q4; a bare "the last quarter" is
      refused (previous quarter, Q4 or the past three months?). **Fiscal** forms ("fiscal 2019",
      "FY2019", "the fiscal third quarter", "the third quarter of fiscal 2019") need
      ``fiscal_year_start`` (the month it starts, 1-12) and ``fiscal_year_named_by`` (``start`` or
      ``end``: the calendar year that names it; Japan's fiscal 2019 starts April 2019 -> ``start``,
      the U.S. federal FY2019 starts October 2018 -> ``end``), as the article states them; otherwise
      they are refused. A fiscal span the article spells out needs neither: "the year ending
      March 31, 2020".
    - **Seasons** (``2018-SU``): the northern hemisphere is assumed unless ``hemisphere="south"``;
      a season runs from its meteorological start (summer: 1 June) to its latest astronomical end
      (summer: 23 September), so both conventions fit. "last summer" is the latest one over before
      the publication day; "this summer" the one of the publication's season-year; "next summer"
      the first to start after publication. "winter 2019" is refused (which winter?); "the winter
      of 2018-19" is ``2018-WI``.
    - **Decades and centuries.** "the 1990s" = ``199``; "the 2000s" can be a decade or a century,
      so it is the century; "the 20th century" covers 1900-2000 (strict 1901-2000 and common
      1900-1999), value ``19``.
    - **Modifiers.** "early/mid/late X" and "the start/middle/end of X" keep all of X as the
      interval and set ``mod`` START / MID / END ("mid-2018" = 2018, MID; "the end of the month"
      = the publication month, END). Nothing is narrowed to a guessed third.
    - **"N units ago".** Days: publication day -N; weeks: the ISO week holding publication -7N
      days; months / years: that whole month / year; "a decade ago" = publication year -10,
      ``mod = APPROX``. Vague counts ("a few years ago") are refused.
    - **Spans** (``duration`` is their ISO 8601 length, computed from the interval):
      "since X" = start of X to the publication day, ``ON_OR_AFTER``; "by / until / through X"
      (X on or after publication) = publication day to the end of X, ``ON_OR_BEFORE``; "before X"
      = publication day to the start of X, ``BEFORE``; "after X" in the past tense = end of X to
      the publication day, ``AFTER``. A "by/until X" that looks back (X over before publication)
      and a future "after X" have no honest start or end and are refused. "the N years ending /
      to / ended X" = the N whole years up to the end of X; "the past/last N days/weeks/months/
      years" (and "the last week": the seven days up to publication, unlike "last week") end on
      the publication day; "the next/coming N ..." start on it; "earlier this year" = start of
      the year to publication, "later this year" = publication to the end of the year ("earlier" is
      refused on the unit's first day, "later" on its last: nothing is earlier or later); "from X to
      Y" / "between X and Y" / "2015-18" = start of X to end of Y. A span is as precise as its
      vaguer end. A year written once, at the end, dates both ends ("from June to August 2027" is
      June to August 2027, whatever the tense; "from November to February 2025" starts in November
      2024), and a bare day takes its month from the other end ("from 5 to 9 March 2024", "March
      5-9, 2024"); without "from" or "between", months make a range only with the year ("June-August
      2024"). With no year at all, the tense picks the whole range, never each end alone; without a tense such a
      range (or one whose end needs a tense: "from June 2023 to August") raises :class:`TenseNeeded`, as a bare
      month does.
    - **Refused.** Words dated by another date in the text ("a year earlier", "the following
      week", "that day") and words with no calendar value ("now", "recently", "the day", "in
      recent years", "the next few weeks", and a plural unit with no number: "in the coming weeks",
      "over the past months" are never read as one week or one month). A bare number is never a
      year unless it has four digits (1500-2199).
    - **Range.** A date must keep to the years 1678 to 2261 (:data:`TABLE_YEARS`), which the tables hold:
      "since the 17th century", or "the next 300 years" in 2021, raises :class:`DateOutOfRange`.

    Args:
        expression: The words that date something. A leading "in", "on", "at", "during", "over",
            "for", "within", "as of" is ignored; "since", "by", "until", "before", "after" make spans.
        published: The publication date (date, datetime, Timestamp or ISO string).
        tense: ``past``, ``present`` or ``future`` (see the tense rule).
        fiscal_year_start: Month (1-12) the fiscal year starts, when the article says so.
        fiscal_year_named_by: ``start`` or ``end``: which calendar year names a fiscal year.
        hemisphere: ``north`` (default, stated in the rule) or ``south``, for seasons.

    Returns:
        A :class:`ResolvedDate` with ``start``, ``end`` (exclusive), ``precision``, ``timex``, ``rule``,
        ``mod`` and ``duration``.

    Raises:
        TenseNeeded: The date depends on the tense and none was given.
        DateOutOfRange: The date reaches outside :data:`TABLE_YEARS` (a :class:`DateResolutionError`).
        DateResolutionError: The expression is not a supported form, or has no honest calendar value.

    Examples:
        >>> pub = "2019-07-12"  # a Friday
        >>> resolve_date("Wednesday", pub, tense="past").timex
        '2019-07-10'
        >>> resolve_date("on Friday", pub, tense="present").timex, resolve_date("Tuesday", pub, tense="future").timex
        ('2019-07-12', '2019-07-16')
        >>> r = resolve_date("last week", pub)
        >>> r.timex, str(r.start), str(r.end), r.precision
        ('2019-W27', '2019-07-01', '2019-07-08', 'week')
        >>> resolve_date("this January", pub).timex, resolve_date("December 2017", pub).precision
        ('2019-01', 'month')
        >>> r = resolve_date("from 2015 to this March", pub)
        >>> r.timex, str(r.start), str(r.end), r.duration
        ('2015/2019-03', '2015-01-01', '2019-04-01', 'P4Y3M')
        >>> r = resolve_date("the four years ending this March", pub)
        >>> str(r.start), str(r.end), r.duration
        ('2015-04-01', '2019-04-01', 'P4Y')
        >>> r = resolve_date("since 2015", pub)
        >>> r.timex, r.mod, str(r.end)
        ('2015/2019-07-12', 'ON_OR_AFTER', '2019-07-13')
        >>> r = resolve_date("late July", pub, tense="past")
        >>> r.timex, r.mod, str(r.start), str(r.end)
        ('2019-07', 'END', '2019-07-01', '2019-08-01')
        >>> resolve_date("last summer", pub).timex, resolve_date("the 1990s", pub).timex
        ('2018-SU', '199')
        >>> resolve_date("22", pub)
        Traceback (most recent call last):
        ...
        exportrow.dates.DateResolutionError: cannot resolve '22': ...
    """
    pub = _as_date(published)
    if tense is not None and tense not in TENSES:
        raise DateResolutionError(f"tense must be one of {', '.join(TENSES)}, not {tense!r}")
    if fiscal_year_start is not None and (isinstance(fiscal_year_start, bool) or fiscal_year_start not in range(1, 13)):
        raise DateResolutionError(f"fiscal_year_start must be a month number 1-12, not {fiscal_year_start!r}")
    if fiscal_year_named_by not in (None, "start", "end"):
        raise DateResolutionError(f"fiscal_year_named_by must be 'start' or 'end', not {fiscal_year_named_by!r}")
    if hemisphere not in ("north", "south"):
        raise DateResolutionError(f"hemisphere must be 'north' or 'south', not {hemisphere!r}")
    ctx = _Ctx(pub, tense, fiscal_year_start, fiscal_year_named_by, hemisphere)
    return _within_tables(_resolve(expression, ctx, str(expression)), str(expression))


# --------------------------------------------------------------------------- finding expressions

_F_MONTH_FULL = "(?-i:" + "|".join(m.capitalize() for m in _MONTHS) + ")"
_F_MONTH_ABBR = r"(?-i:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.)"
_F_MONTH_ABBR_LOOSE = r"(?-i:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_F_MONTH = f"(?:{_F_MONTH_FULL}|{_F_MONTH_ABBR})"
# a bare month name; "May" followed by a lower-case word is the verb ("May officials meet?")
_F_BARE_MONTH = ("(?-i:(?:" + "|".join(m.capitalize() for m in _MONTHS if m != "may") + r")\b|May\b(?! [a-z]))")
_F_WEEKDAY = "(?-i:" + "|".join(w.capitalize() for w in _WEEKDAYS) + ")"
_COUNT_NOUNS = ("people|persons|cases|tons|tonnes|units|workers|troops|jobs|times|percent|won|yen|dollars|euros|"
                "yuan|km|kg|miles|barrels|shares|votes|members|employees|companies|firms|students|deaths|seats|"
                "vehicles|cars|ships|boats|items|households|officers|soldiers|residents|patients|visitors")
_F_YEAR = rf"(?<![\d,.$€£¥#])(?:1[5-9]\d\d|2[01]\d\d)(?![\d%]|s\b|,\d|\.\d| (?:per ?cent|{_COUNT_NOUNS})\b)"
_F_DAYNUM = r"(?<![\d,.])\d{1,2}(?:st|nd|rd|th)?(?![\d,.]\d|\w)"
_F_PART = r"(?: (?:morning|afternoon|evening|night))"
_F_ORD = "(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_F_SEASON = "(?:spring|summer|autumn|winter)"


@functools.cache
def _atom() -> str:
    month_day = (rf"(?:{_F_MONTH_FULL}|{_F_MONTH_ABBR_LOOSE}) {_F_DAYNUM}(?:,? {_F_YEAR})?"
                 rf"|(?:the )?{_F_DAYNUM} (?:of )?{_F_MONTH}(?:,? {_F_YEAR})?")
    year_words = rf"(?:the )?(?:fiscal )?(?:{_F_YEAR}|this year|last year|next year|year)"
    quarter = (rf"(?:the )?(?:fiscal )?{_F_ORD}(?: fiscal)?[- ](?:quarter|half)(?: of {year_words})?"
               rf"|(?:the )?last[- ](?:quarter|half) of {year_words}"
               rf"|(?-i:FY) ?(?:\d{{4}}|\d\d)\b(?: (?-i:Q[1-4]|H[12])\b)?"
               rf"|(?:fiscal (?:year )?|financial year ){_F_YEAR}|the {_F_YEAR} (?:fiscal|financial) year"
               rf"|(?:the )?(?:(?:this|last|next|current) )?(?:fiscal|financial) year"
               rf"|fiscal (?-i:Q[1-4]|H[12])\b"
               rf"|\b(?-i:Q[1-4])\b(?:[ -]{_F_YEAR})?|\b(?-i:H[12])[ -]{_F_YEAR}|{_F_YEAR}[ -]?(?-i:Q[1-4]|H[12])\b"
               rf"|(?:the )?{_F_MONTH_FULL} ?[-\u2013] ?{_F_MONTH_FULL} (?:quarter|period|half)(?: of {_F_YEAR})?")
    season = (rf"(?:(?:this past|this coming|last|this|next) )(?:{_F_SEASON}|fall)"
              rf"|(?:the )?(?:{_F_SEASON}|fall) (?:of )?{_F_YEAR}(?: ?[-/\u2013] ?(?:\d\d(?:\d\d)?)(?!\d))?"
              rf"|(?<=\bin )the {_F_SEASON}\b(?! of [a-z])")
    decade = (r"(?:the )?(?<!\d)\d\d\d0['\u2019]?s\b|(?:the )?['\u2019]\d0s\b|the \d0s\b"
              r"|(?:the )?(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(sorted(_CENTURY_WORDS, key=len, reverse=True))
              + r") century")
    weekday = (rf"(?:(?:last|this past|this coming|this|next|coming) )?{_F_WEEKDAY}{_F_PART}?"
               rf"(?:,? (?:{_F_MONTH_FULL}|{_F_MONTH_ABBR_LOOSE}) {_F_DAYNUM}(?:,? {_F_YEAR})?)?")
    days = rf"(?:today|yesterday|tomorrow){_F_PART}?|tonight|this (?:morning|afternoon|evening)|last night"
    units = r"(?:last|this|next) (?:week|month|quarter|year|decade|century)\b"
    months = rf"(?:last|this|next) {_F_MONTH_FULL}|{_F_MONTH},? (?:of )?{_F_YEAR}"
    ago = rf"\b{_NUM_RE} (?:day|week|month|year|decade)s? ago\b"
    span = (r"\bthe (?:past|last|next|coming) (?:" + _NUM_RE + r" (?:day|week|month|year|decade)s?"
            r"|(?:week|month|year|decade))\b|\b(?:past|coming) " + _NUM_RE + r" (?:day|week|month|year|decade)s\b"
            r"|(?:earlier|later|so far) this (?:week|month|year|spring|summer|autumn|fall|winter)\b"
            r"|(?:this|the) (?:week|month|year) so far")
    iso = rf"{_F_YEAR}-\d\d(?:-\d\d)?(?!\d)"
    return "|".join(f"(?:{p})" for p in (month_day, quarter, season, decade, weekday, days, units, months, ago,
                                          span, iso, rf"(?:the year )?{_F_YEAR}", _F_BARE_MONTH))


@functools.cache
def _one() -> tuple[str, str]:
    """The patterns of one date expression (``one``) and of a modified one ("early 2018", "the end of 2018")."""
    atom = _atom()
    modable = (rf"(?<!\d)\d\d\d0['\u2019]?s|['\u2019]\d0s|{_F_MONTH_FULL}(?:,? {_F_YEAR})?|{_F_YEAR}"
               rf"|(?:last|this|next) (?:week|month|year|decade|century)|(?:last|this|next) {_F_MONTH_FULL}"
               rf"|\d{{1,2}}(?:st|nd|rd|th) century|{_F_SEASON}(?: {_F_YEAR})?|{_F_WEEKDAY}|today|yesterday")
    modified = (rf"(?:the )?\b(?:early|late|mid)(?:-| )(?:{modable})"
                rf"|\bthe (?:start|beginning|middle|end|close) of (?:{modable}|the (?:week|month|quarter|year))")
    return f"(?:{modified}|{atom})", modified


@functools.cache
def _finders() -> tuple[re.Pattern, ...]:
    atom = _atom()
    one, modified = _one()
    num = _NUM_RE
    # a range of months or days whose year is written once, at its end ("June-August 2024", "from 5 to 9 March")
    day = rf"(?:the )?{_F_DAYNUM}"
    month = rf"(?:{_F_MONTH_FULL}|{_F_MONTH_ABBR_LOOSE})"
    end = rf"(?:(?:early|mid|late)[- ])?(?:{month} {_F_DAYNUM}|{day} (?:of )?{month}|{_F_MONTH})"
    joint = r"(?: (?:to|until|till|through|thru) | ?[-\u2013] ?)"
    patterns = (
        rf"\b(?:from|between) {one} (?:to|until|till|through|and|-|\u2013) {one}",
        rf"\b(?:from|between) {day} (?:to|until|till|through|thru|and|-|\u2013) {day} (?:of )?{month}(?:,? {_F_YEAR})?"
        rf"|\b(?:from|between) {month} {_F_DAYNUM} (?:to|until|till|through|thru|and|-|\u2013) {day}(?:,? {_F_YEAR})?",
        rf"(?:\b(?:from|between) )?(?:{end}{joint}(?:{end}|{day})|{day}{joint}{day} (?:of )?{month}),? "
        rf"(?:of )?{_F_YEAR}",
        r"(?<![\d,.$€£¥#])(?:1[5-9]\d\d|2[01]\d\d) ?[-\u2013/] ?(?:(?:1[5-9]\d\d|2[01]\d\d)|\d\d)(?![\d%])",
        rf"\b(?:ever )?since {one}",
        rf"\b(?:by|until|till|through|before|no later than|after) {one}",
        rf"\bthe (?:{num} )?(?:fiscal )?(?:day|week|month|quarter|year)s? (?:that )?(?:ending|ended|ends|to|through)"
        rf" {one}",
        modified,
        atom,
    )
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def find_date_expressions(text: str) -> list[tuple[int, int, str]]:
    """Spans of the date expressions in ``text`` (for drafting annotations), longest first where they overlap.

    It finds every form :func:`resolve_date` reads: spans ("since 2015", "by Aug. 28", "the four years
    ending this March", "over the past four years"), "N ... ago", bare capitalised months, quarters,
    halves, seasons, weekdays with a part of the day, decades and centuries. A count is never a year:
    in "22 in 2016" only "2016" is a date, and "2000 tonnes" is no date at all.

    Example:
        >>> [t for _, _, t in find_date_expressions("22 in 2016, and more on Wednesday")]
        ['2016', 'Wednesday']
        >>> [t for _, _, t in find_date_expressions("156 cases from 2015 to this March")]
        ['from 2015 to this March']
        >>> [t for _, _, t in find_date_expressions("156 cases during the four years ending this March")]
        ['the four years ending this March']
        >>> [t for _, _, t in find_date_expressions("Sales fell in the third quarter, two weeks ago, since 2015")]
        ['the third quarter', 'two weeks ago', 'since 2015']
    """
    clean = text.replace("\u00a0", " ")
    found = [(m.start(), m.end()) for p in _finders() for m in p.finditer(clean)]
    chosen: list[tuple[int, int]] = []
    taken = bytearray(len(clean) + 1)
    for a, b in sorted(set(found), key=lambda s: (s[0] - s[1], s[0])):
        if taken.find(1, a, b) < 0:
            chosen.append((a, b))
            taken[a:b] = b"\x01" * (b - a)
    return [(a, b, text[a:b]) for a, b in sorted(chosen)]


# --------------------------------------------------------------------------- checks for `exportrow check`

_REMEMBERED: dict[str, tuple[tuple[int, int, str], ...]] = {}
_REMEMBER_CHARS = 4_000_000  # twice the article size cap: every sentence of one article fits
_remembered_chars = 0


def _remembered(text: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[tuple[int, int, str], ...]]:
    """:func:`find_date_expressions` and :func:`part_of_period_expressions` of ``text``, remembered for the texts of
    the last ~4 M characters."""
    global _remembered_chars
    found = _REMEMBERED.get(text)
    if found is None:
        found = tuple(find_date_expressions(text)), tuple(part_of_period_expressions(text))
        _REMEMBERED[text] = found
        _remembered_chars += len(text)
        while _remembered_chars > _REMEMBER_CHARS and len(_REMEMBERED) > 1:
            _remembered_chars -= len(next(iter(_REMEMBERED)))
            del _REMEMBERED[next(iter(_REMEMBERED))]
    return found


def _remembered_date_expressions(text: str) -> tuple[tuple[int, int, str], ...]:
    """:func:`find_date_expressions` of ``text``, remembered for the texts of the last ~4 M characters.

    ``exportrow check`` asks for the expressions of a sentence once per figure or event in it: a long
    sentence with many figures is then scanned once, not once per figure, in whatever order they come.

    Example:
        >>> _remembered_date_expressions("22 in 2016, and more on Wednesday")
        ((6, 10, '2016'), (24, 33, 'Wednesday'))
    """
    return _remembered(text)[0]


@functools.cache
def _part_finders() -> tuple[re.Pattern, re.Pattern]:
    one = _one()[0]
    unit = r"(?:days?|weeks?|months?|quarters?|half|halves|seasons?)"
    part = (rf"\bthe (?:first|last|final|opening|closing|early|earliest|latter|later|late|remaining|second|third|"
            rf"fourth|past)(?: (?:{_NUM_RE}|few|several))? {unit} (?:of|in) {one}"
            rf"|\b(?:the (?:rest|remainder|bulk|balance|greater part|better part) of|(?:most|much|part|parts) of) "
            rf"{one}")
    other = (rf"\bthe (?:same|comparable|corresponding|equivalent|year-earlier|year-ago|prior-year) "
             rf"(?:period|{unit}|time|stretch|point)(?: (?:of|in|during|from))? {one}")
    tail = r"(?!['\u2019]s\b)"  # "part of 2024's budget" names no part of 2024
    return (re.compile(f"(?:{part}){tail}", re.IGNORECASE), re.compile(f"(?:{other}){tail}", re.IGNORECASE))


def part_of_period_expressions(text: str) -> list[tuple[int, int, str]]:
    """Spans of the date words in ``text`` that name only part of a period ("the first nine months of 2024", "most of
    last year") or that hang on another date ("the same period of 2023", "the same quarter last year").

    :func:`resolve_date` reads few of them ("the first half of 2024" is ``2024-H1``); the others it refuses, and the
    date they hold ("2024", "this year") is no period of what they date. Used by :func:`wider_expression`, so that
    ``exportrow check`` refuses the part, and by ``exportrow extract``, which does not propose it.

    Example:
        >>> [t for _, _, t in part_of_period_expressions("41,000 tonnes in the first nine months of 2024, up 35% "
        ...                                              "from the same period of 2023")]
        ['the first nine months of 2024', 'the same period of 2023']
        >>> [t for _, _, t in part_of_period_expressions("the first three quarters of this year, most of 2023, "
        ...                                              "part of 2024's budget")]
        ['the first three quarters of this year', 'most of 2023']
    """
    clean = text.replace("\u00a0", " ")
    found = sorted((m.start(), m.end()) for p in _part_finders() for m in p.finditer(clean))
    return [(a, b, text[a:b]) for a, b in found]


#: Words that make a date expression a fiscal year's ("fiscal 2025", "FY2025", "financial year 2025").
_FISCAL_WORDS = re.compile(r"\bfiscal\b|\bfinancial year\b|\bFY ?\d", re.IGNORECASE)


def wider_expression(text: str, start: int, end: int, published, tense: str | None = None, **fiscal
                     ) -> tuple[int, int, str] | None:
    """The date expression in ``text`` that strictly holds ``text[start:end]`` and dates something else.

    A figure's period must be the whole dating phrase: in "156 cases during the four years ending
    this March", the period "this March" is only the end of the span. Returns ``(start, end, words)``
    of the wider expression when it resolves to another interval, else None. ``fiscal`` is the
    article's fiscal year (``fiscal_year_start``, ``fiscal_year_named_by``); a fiscal year's words
    ("fiscal 2025") are a wider expression even when the fiscal year is not given, as they name no
    calendar year; so are words that name only part of a period or hang on another date
    (:func:`part_of_period_expressions`), which the resolver refuses.

    Example:
        >>> s = "There were 156 cases during the four years ending this March."
        >>> a = s.index("this March")
        >>> wider_expression(s, a, a + len("this March"), "2019-07-12", "past")
        (28, 60, 'the four years ending this March')
        >>> a = s.index("the four")
        >>> wider_expression(s, a, a + len("the four years ending this March"), "2019-07-12", "past") is None
        True
        >>> s = "an operating loss of 212 million euros in fiscal 2025"
        >>> wider_expression(s, s.index("2025"), len(s), "2025-10-13", "past")
        (42, 53, 'fiscal 2025')
        >>> wider_expression(s, s.index("2025"), len(s), "2025-10-13", "past", fiscal_year_start=1,
        ...                  fiscal_year_named_by="start") is None
        True
        >>> s = "41,000 tonnes in the first nine months of 2024"
        >>> wider_expression(s, s.index("2024"), len(s), "2025-02-10", "past")
        (17, 46, 'the first nine months of 2024')
    """
    inner_words = text[start:end]
    try:
        inner = resolve_date(inner_words, published, tense=tense, **fiscal)
    except DateResolutionError:
        inner = None
    found, parts = _remembered(text)
    for a, b, words in found + parts:
        if a <= start and end <= b and (a, b) != (start, end):
            try:
                outer = resolve_date(words, published, tense=tense, **fiscal)
            except DateOutOfRange:
                return a, b, words  # a span the tables cannot hold ("from 1650 to 1700"): its part is no date of it
            except DateResolutionError:
                if _FISCAL_WORDS.search(words):
                    return a, b, words  # a fiscal year, whose months the article's `article:` block must give
                if (a, b, words) in parts:  # "the first nine months of 2024": the year is not the period
                    return a, b, words
                continue
            if inner is None or (outer.start, outer.end, outer.mod) != (inner.start, inner.end, inner.mod):
                return a, b, words
    return None


def part_of_wider(article, span, tense: str | None, field: str = "period", **fiscal) -> tuple[str, str] | None:
    """A problem (message, fix) when the dating words at ``span`` are only part of a wider date expression.

    ``article`` is an :class:`~exportrow.article.Article`, ``span`` a :class:`~exportrow.article.Span` of
    the words (None: no problem), ``fiscal`` the article's fiscal year (``fiscal_year_start``,
    ``fiscal_year_named_by``). Used by ``exportrow check`` for figure periods and event expressions.

    Example:
        >>> from exportrow.article import load_article
        >>> art = load_article()
        >>> part_of_wider(art, art.find("this March")[0], "past")[0]
        "'this March' is only part of the date expression 'from 2015 to this March' in its sentence"
        >>> part_of_wider(art, art.find("from 2015 to this March")[0], "past") is None
        True

    In "since 2019, from 62% to 28%" the year dates the first value itself (the change runs from 2019 to now), so
    the year alone is no part of a wider date there; a plain "since 2019" gets a fix with both readings:

        >>> from types import SimpleNamespace
        >>> from exportrow.article import Span
        >>> def one(text):
        ...     return SimpleNamespace(published="2025-05-06", sentence_at=lambda i: Span(0, len(text), text))
        >>> part_of_wider(one("It has halved since 2019, from 62% to 28%."), Span(20, 24, "2019"), "past") is None
        True
        >>> print(part_of_wider(one("Sales rose since 2019."), Span(17, 21, "2019"), "past")[1])
        ... # doctest: +NORMALIZE_WHITESPACE
        if the number covers the whole span from 2019 to publication, date it by the whole expression: `period: since
        2019`; if it is the value in 2019 itself, the sentence does not date it by 2019 alone: leave out `period:`

    "2025" cut out of "fiscal 2025" is the calendar year, not the fiscal one (review 13):

        >>> for line in part_of_wider(one("It lost 212 million euros in fiscal 2025."), Span(36, 40, "2025"), "past"):
        ...     print(line)  # doctest: +NORMALIZE_WHITESPACE
        '2025' is only part of the date expression 'fiscal 2025' in its sentence
        date it by the whole expression: `period: fiscal 2025`; the part alone is the calendar year, not the fiscal
        one (and give the article's fiscal year under `article:`: `fiscal_year_start` and `fiscal_year_named_by`)
    """
    if span is None:
        return None
    sent = article.sentence_at(span.start)
    if sent is None:
        return None
    start, end = span.start - sent.start, span.end - sent.start
    wider = wider_expression(sent.text, start, end, article.published, tense, **fiscal)
    if wider is None:
        return None
    if _FISCAL_WORDS.search(wider[2]) and not _FISCAL_WORDS.search(span.text):
        given = "" if fiscal.get("fiscal_year_start") else (" (and give the article's fiscal year under `article:`: "
                                                             "`fiscal_year_start` and `fiscal_year_named_by`)")
        return (f"{span.text!r} is only part of the date expression {wider[2]!r} in its sentence",
                f"date it by the whole expression: `{field}: {wider[2]}`; the part alone is the calendar year, not "
                f"the fiscal one{given}")
    since = re.fullmatch(r"(?:ever )?since ", sent.text[wider[0]:start], re.IGNORECASE) and wider[1] == end
    if since and re.match(r"\s*[,;(–—-]?\s*(?:from|up from|down from)\s+\S*\d", sent.text[end:],
                          re.IGNORECASE):
        return None  # "since 2019, from 62% to 28%": the year dates the first value
    message = f"{span.text!r} is only part of the date expression {wider[2]!r} in its sentence"
    try:
        resolve_date(wider[2], article.published, tense=tense, **fiscal)
    except DateOutOfRange as exc:  # the whole is refused: the part alone would date the thing wrongly
        return (f"{message}, which {exc.why}",
                f"leave out `{field}:` and give the date in words in `note:`; the part alone dates something else")
    except DateResolutionError:
        if not _FISCAL_WORDS.search(wider[2]):
            return _unreadable_whole(span.text, wider[2], field, message)
    if since:
        return (message, f"if the number covers the whole span from {span.text} to publication, date it by the whole "
                f"expression: `{field}: {wider[2]}`; if it is the value in {span.text} itself, the sentence does not "
                f"date it by {span.text} alone: leave out `{field}:`")
    return (message, f"date it by the whole expression: `{field}: {wider[2]}`; the part alone dates something else")


def refused_wholes(text: str, published=None) -> list[tuple[int, int, str, bool]]:
    """The spans of :func:`part_of_period_expressions` in ``text`` that :func:`resolve_date` refuses, each with
    whether its words hang on another date (``True``: "the same period of 2023") or name only part of a period
    (``False``: "the first nine months of 2024"). ``exportrow extract`` proposes no date that is part of one.

    Example:
        >>> refused_wholes("in the first nine months of 2024, up from the same period of 2023, the first half of 2023")
        ... # doctest: +NORMALIZE_WHITESPACE
        [(3, 32, 'the first nine months of 2024', False), (42, 65, 'the same period of 2023', True)]
    """
    out = []
    for a, b, words in part_of_period_expressions(text):
        try:
            resolve_date(words, published or "2000-01-01", tense="past")
        except DateResolutionError:
            out.append((a, b, words, _anaphoric_whole(words)))
    return out


def _unreadable_whole(part: str, whole: str, field: str, message: str) -> tuple[str, str]:
    """The problem (message, fix) of ``part`` cut out of ``whole``, date words the resolver refuses: a part of a
    period ("the first nine months of 2024") or words that hang on another date ("the same period of 2023").

    Example:
        >>> for line in _unreadable_whole("2024", "the first nine months of 2024", "period", "'2024' is only part"):
        ...     print(line)  # doctest: +NORMALIZE_WHITESPACE
        '2024' is only part, which exportrow cannot resolve: it names only part of that period, and '2024' alone
        would date the number by more than that part
        leave out `period:` and give the period in words in `note:`; or date it by words the resolver reads, if the
        article gives them, such as 'from January to September 2024' or 'the nine months to September'
    """
    if _anaphoric_whole(whole):
        undated = ("the event is then listed as undated" if field == "expression" else
                   "and do not compare this number by its period")
        return (f"{message}, which exportrow cannot resolve: those words are dated by another date in the text, "
                f"and exportrow does not chain dates; {part!r} alone would date it to the whole of {part}",
                f"leave out `{field}:` and give the date in words in `note:` ({undated})")
    example = _part_example(whole)
    return (f"{message}, which exportrow cannot resolve: it names only part of that period, and {part!r} alone "
            f"would date the {'event' if field == 'expression' else 'number'} by more than that part",
            f"leave out `{field}:` and give the period in words in `note:`; or date it by words the resolver reads, "
            f"if the article gives them, such as {example}")


def _anaphoric_whole(words: str) -> bool:
    """Whether ``words`` (from :func:`part_of_period_expressions`) hang on another date ("the same period of 2023")."""
    return _part_finders()[1].match(words) is not None


def _part_example(whole: str) -> str:
    """A span the resolver reads for the first months or quarters of a year (``whole``), for a fix; else examples.

    Example:
        >>> print(_part_example("the first three quarters of 2024"))
        'from January to September 2024' or 'the nine months to September'
        >>> print(_part_example("the first 10 months of 2023"))
        'from January to October 2023' or 'the ten months to October'
        >>> _part_example("most of last year")
        "'from January to September 2024' or 'the nine months to September'"
    """
    m = re.match(rf"the first ({_NUM_RE}) (months?|quarters?) of ({_F_YEAR})$", whole, re.IGNORECASE)
    n = None
    if m:
        try:
            n = int(m.group(1))
        except ValueError:
            n = CARDINAL.get(m.group(1).lower())
        n = n * 3 if n and m.group(2).lower().startswith("quarter") else n
    if not n or not 1 <= n <= 11:
        return "'from January to September 2024' or 'the nine months to September'"
    month = dt.date(2000, n, 1).strftime("%B")
    words = next((w for w, v in CARDINAL.items() if v == n and w.isalpha()), str(n))
    return f"'from January to {month} {m.group(3)}' or 'the {words} months to {month}'"


_ANAPHORIC = re.compile(
    r"\b(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d{1,2}) (?:day|week|month|quarter|year)s?"
    r" (?:earlier|before|previously|prior|later)"
    r"|the (?:previous|preceding|prior|same|following) (?:day|week|month|quarter|half|year|period)"
    r"(?: (?:a|last|the previous) year)?)\b", re.IGNORECASE)


def anaphoric_date(text: str) -> str | None:
    """The first dating words in ``text`` that hang on another date ("a year earlier", "the previous month", "the
    same quarter a year earlier"), which :func:`resolve_date` refuses; None if there are none.

    Example:
        >>> anaphoric_date("from 25.1 trillion won a year earlier")
        'a year earlier'
        >>> anaphoric_date("three payments since the previous month")
        'the previous month'
        >>> anaphoric_date("22 cases in 2016") is None
        True
    """
    m = _ANAPHORIC.search(text)
    return m.group(0) if m else None


def period_fault(resolved: ResolvedDate | None, need: str) -> str | None:
    """What a figure's period lacks for a check: ``need`` is ``period`` or ``whole months``; None if nothing.

    Example:
        >>> period_fault(None, "period")
        'has no period'
        >>> period_fault(resolve_date("since 2015", "2019-07-12"), "whole months")
        'has the period 2015-01-01 to 2019-07-12, which is not a run of whole months'
        >>> period_fault(resolve_date("from 2015 to this March", "2019-07-12"), "whole months") is None
        True
    """
    if resolved is None:
        return "has no period"
    if need == "whole months" and not (resolved.start.day == 1 and resolved.end.day == 1):
        last = resolved.end - dt.timedelta(days=1)
        return f"has the period {resolved.start} to {last}, which is not a run of whole months"
    return None
