"""When a figure's period needs ``tense:``, and how one without it is read.

A figure without ``tense:`` is read in the past tense (what happened), as before round 11, unless

- its sentence has a future or modal word ("will", "expected", "forecast", "could", "to reach" ...) and the
  period's words resolve differently in the past and the future ("June": 2025-06 or 2026-06): then the tense
  decides between what happened and a forecast, and ``exportrow check`` asks for it; or
- its period ends after the publication day ("2025" in an article of 20 Aug 2025): the figure is either so far /
  to date (``tense: past``) or a forecast (``tense: future``), and check asks which.

A period that reads the same in every tense ("second-half" in August: 2025-H2 either way) never needs a tense for
its date; only the second rule can still ask.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from exportrow.dates import DateResolutionError, ResolvedDate, TenseNeeded, _as_date, _duration, resolve_date

__all__ = ["PeriodReading", "future_marker", "read_figure_period", "ends_after", "same_either_way", "tense_fix",
           "so_far", "SO_FAR", "LEVEL_FIX"]

#: What the rule of a period cut at publication (:func:`so_far`) says; the tables' and notebooks' notes look for it.
SO_FAR = "to publication"

#: The third reading of a period that runs past publication, beside a count so far and a forecast.
LEVEL_FIX = ("`kind: level` with `tense: present` if it is an amount set for the whole period, neither counted so far "
             "nor forecast (a quota, a budget, a cap)")

#: Words that make a sentence about what is expected, planned or possible rather than what happened.
_MARKER = re.compile(
    r"\b(?:will|would|shall|won't|wouldn't|could|might|should|"
    r"expects?|expected|expecting|expectations?|forecasts?|forecasted|projected|projections?|"
    r"plans|plans? to|planned|planning|aims?|aimed|targets?|targeted|estimates? for|predicts?|predicted|"
    r"(?:is|are|was|were) (?:set|due|likely|poised|going|on track|on course) to|"
    r"to (?:reach|rise|fall|climb|grow|hit|top|exceed|increase|decrease|drop|double|surpass|total))\b"
    r"|'ll\b", re.IGNORECASE)
#: "may" is modal only in lower case ("In May" is the month).
_MAY = re.compile(r"\bmay\b")


def future_marker(text: str) -> str | None:
    """The first future or modal word in ``text`` ("May" the month, capitalised, is no modal), or None.

    Example:
        >>> future_marker("Exports are expected to reach 2,000 tonnes in 2025"), future_marker("In June, sales fell")
        ('expected', None)
        >>> future_marker("In May, sales fell"), future_marker("Sales may fall in June")
        (None, 'may')
    """
    found = [m for m in (_MARKER.search(text), _MAY.search(text)) if m]
    return min(found, key=lambda m: m.start()).group(0) if found else None


def ends_after(r: ResolvedDate, published) -> bool:
    """Whether the interval ``r`` runs past the publication day (its exclusive end is after the day after it).

    Example:
        >>> ends_after(resolve_date("2025", "2025-08-20"), "2025-08-20")
        True
        >>> ends_after(resolve_date("so far this year", "2025-08-20"), "2025-08-20")
        False
    """
    return r.end > _as_date(published) + dt.timedelta(days=1)


def so_far(r: ResolvedDate, published) -> ResolvedDate:
    """A past-tense figure's period (``tense: past``) cut at the publication day when it has begun by then but runs
    past it: "has handled 150,000 containers this year" in a May article counts January to the publication day, as
    "so far this year" does, so it is never divided by months that have not happened. Any other period is returned
    as it is. The rule says so ("... to publication, 15 May 2025"); a forecast (``tense: future``) keeps its whole
    period.

    Examples:
        >>> r = so_far(resolve_date("this year", "2025-05-15", tense="past"), "2025-05-15")
        >>> str(r.start), str(r.end), r.timex, r.duration
        ('2025-01-01', '2025-05-16', '2025-01-01/2025-05-15', 'P4M15D')
        >>> r.rule
        "'this year': the year of publication; in the past tense a count so far: to publication, 15 May 2025"
        >>> so_far(resolve_date("2024", "2025-05-15"), "2025-05-15").timex
        '2024'
    """
    pub = _as_date(published)
    if not (r.start <= pub and ends_after(r, pub)):
        return r
    end = pub + dt.timedelta(days=1)
    return ResolvedDate(r.start, end, r.precision, f"{r.start.isoformat()}/{pub.isoformat()}",
                        f"{r.rule}; in the past tense a count so far: {SO_FAR}, {pub:%-d %b %Y}", r.mod,
                        _duration(r.start, end))


def _try(expression: str, published, tense: str, fiscal: dict) -> ResolvedDate | None:
    try:
        return resolve_date(expression, published, tense=tense, **fiscal)
    except DateResolutionError:
        return None


def same_either_way(expression: str, published, **fiscal) -> ResolvedDate | None:
    """The date of ``expression`` when it needs a tense but reads the same in the past and the future, else None.

    Example:
        >>> same_either_way("second-half", "2025-08-20").timex, same_either_way("June", "2025-08-20")
        ('2025-H2', None)
    """
    past, future = _try(expression, published, "past", fiscal), _try(expression, published, "future", fiscal)
    if past is not None and future is not None and (past.start, past.end) == (future.start, future.end):
        return past
    return None


@dataclass(frozen=True)
class PeriodReading:
    """How a figure's period reads: ``date`` (None when no reading can be taken), ``question`` (why ``tense:`` must
    be given, with the readings; "" when it need not) and ``marker`` (the future or modal word of its sentence)."""

    date: ResolvedDate | None
    question: str = ""
    marker: str | None = None


def read_figure_period(period: str, published, text: str, tense: str | None = None, **fiscal) -> PeriodReading:
    """The reading of a figure's ``period`` in an article published on ``published``, its sentence being ``text``.

    With ``tense:`` the period resolves in that tense (errors raise :class:`~exportrow.dates.DateResolutionError`).
    Without it, see the module's rules.

    Examples:
        >>> r = read_figure_period("June", "2025-08-20", "In June, sales fell to 300 tonnes")
        >>> r.date.timex, r.question
        ('2025-06', '')
        >>> print(read_figure_period("June", "2025-08-20", "Sales will fall to 300 tonnes in June").question)
        ... # doctest: +NORMALIZE_WHITESPACE
        its sentence has 'will' (a future or modal word), and 'June' reads 2025-06 in the past tense (what happened)
        but 2026-06 in the present or future tense (a forecast)
        >>> print(read_figure_period("2025", "2025-08-20", "expected to reach 2,000 tonnes in 2025").question)
        ... # doctest: +NORMALIZE_WHITESPACE
        '2025' (2025) runs to 31 Dec 2025, after publication (20 Aug 2025), and its sentence has 'expected' (a future
        or modal word): the figure is a forecast (tense: future) unless it counts only the part so far (tense: past)
        or is an amount set for the whole period (a quota, a budget: kind: level)
        >>> read_figure_period("second-half", "2025-08-20", "sales rose in the second-half").question[:40]
        "'second-half' (2025-H2) runs to 31 Dec 2"
        >>> read_figure_period("2026", "2025-08-20", "will reach 2,400 tonnes in 2026").question
        ''
    """
    if tense:
        return PeriodReading(resolve_date(period, published, tense=tense, **fiscal))
    marker = future_marker(text)
    try:
        r = resolve_date(period, published, **fiscal)
    except TenseNeeded:
        r = same_either_way(period, published, **fiscal)
        if r is None:
            past, future = _try(period, published, "past", fiscal), _try(period, published, "future", fiscal)
            if past is None and future is None:
                raise
            if past is None or marker:
                return PeriodReading(None, _both(period, past, future, marker), marker)
            r = past
    pub = _as_date(published)
    if r.start <= pub and ends_after(r, pub):
        last = r.end - dt.timedelta(days=1)
        why = f"its sentence has {marker!r} (a future or modal word): the figure is a forecast (tense: future) " \
            "unless it counts only the part so far (tense: past) or is an amount set for the whole period (a " \
            "quota, a budget: kind: level)" if marker else \
            "so the figure counts either the part so far (tense: past) or what is expected for the whole (a " \
            "forecast: tense: future), unless it is an amount set for the whole period (a quota, a budget: kind: " \
            "level)"
        return PeriodReading(r, f"{period!r} ({r.timex}) runs to {last:%-d %b %Y}, after publication "
                                f"({pub:%-d %b %Y}), {'and ' if marker else ''}{why}", marker)
    return PeriodReading(r, "", marker)


def _both(period: str, past: ResolvedDate | None, future: ResolvedDate | None, marker: str | None) -> str:
    """The question for a period whose tense decides its date."""
    p = f"{past.timex} in the past tense (what happened)" if past else "nothing in the past tense"
    f = f"{future.timex} in the present or future tense (a forecast)" if future else \
        "nothing in the present or future tense"
    head = f"its sentence has {marker!r} (a future or modal word), and " if marker else ""
    return f"{head}{period!r} reads {p} but {f}"


def tense_fix(reading: PeriodReading) -> str:
    """The fix for a reading's question.

    A period that has begun but runs past publication (the reading has a date) has three honest readings, and the fix
    names the one ``exportrow check`` accepts for each: a count so far (``tense: past``: its period then ends at
    publication), a forecast for the whole period (``tense: future``), or an amount set for the whole period, which
    is neither counted nor forecast (a quota, a budget, a cap: ``kind: level`` with ``tense: present``). A bare
    ``tense: present`` is refused there for a count, so it is not offered.

    Examples:
        >>> tense_fix(PeriodReading(None, "q", "will"))
        'add `tense: past` if the figure says what happened, `tense: future` if it is a forecast (or `tense: present`)'
        >>> print(tense_fix(read_figure_period("this year", "2025-10-13", "would cut the quota from 34.6 million "
        ...                                    "tonnes this year")))  # doctest: +NORMALIZE_WHITESPACE
        add `tense: past` if the figure counts only the part so far (its period then ends at publication), `tense:
        future` if it is a forecast for the whole period, or `kind: level` with `tense: present` if it is an amount
        set for the whole period, neither counted so far nor forecast (a quota, a budget, a cap)
    """
    if reading.date is not None:
        return ("add `tense: past` if the figure counts only the part so far (its period then ends at publication), "
                "`tense: future` if it is a forecast for the whole period, or " + LEVEL_FIX)
    return "add `tense: past` if the figure says what happened, `tense: future` if it is a forecast (or " \
        "`tense: present`)"
