"""Warn about figures that look like levels or rates but are not marked as such (``kind:``).

A figure is a ``count`` unless its ``kind:`` says ``level``: a count adds up over its period (cases, crossings,
euros of trade), so exportrow divides it by its months (a rate per month) and derives remainders from a total
and its parts. A level (a reservoir level, a debt, a price, an average, per cent, an unemployment rate, an index)
does not add up: divided by months it means nothing. ``exportrow check`` warns when a figure's unit or quantity
reads like a level or a rate and the figure gives no ``kind:``, so the annotator says which it is; and when a figure
says ``kind: count`` but its unit carries a time or a per-head rate ("barrels a day", "per capita"), as the annotator
may mean it, but a rate divided by months again means nothing.
"""

from __future__ import annotations

import re

from exportrow.annotations.checker import shown
from exportrow.annotations.model import Annotation, Problem

__all__ = ["LEVEL_WORDS", "looks_like_level", "looks_like_rate", "kind_warnings", "check_quantity_kinds", "is_duration",
           "settle_duration_kinds"]

#: Words in a unit or a quantity that suggest a level or a rate rather than a count.
LEVEL_WORDS = ("per cent", "percent", "%", "rate", "level", "price", "average", "index", "share", "per ...",
               "a day", "a week", "a month", "a year", "an hour", "a second", "daily", "annual", "degrees",
               "celsius", "fahrenheit", "°", "km/h", "ratio", "basis points", "mean", "median", "temperature")
_TIME = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade)"
_LEVEL = re.compile(r"%|°|\b(?:per\s*cent|percent(?:age)?s?|rates?|levels?|prices?|averages?|ind(?:ex|exes|ices)|"
                    r"shares?|per\s+\S+|(?:a|an|each|every)\s+" + _TIME + r"|"
                    r"(?:daily|weekly|fortnightly|monthly|quarterly|yearly|annual|annually|annualised|annualized|"
                    r"hourly)|degrees?|celsius|centigrade|fahrenheit|kelvin|ratios?|basis\s+points?|mean|medians?|"
                    r"temperatures?|speeds?|densit(?:y|ies))\b|[\w°]+\s*/\s*[a-z]+", re.I)


#: A time or per-head rate in a unit ("a day", "per capita", "annual", "km/h"): such a unit never adds up over a period.
_RATE = re.compile(r"\b(?:per\s+(?!cent\b)\S+|(?:a|an|each|every)\s+" + _TIME + r"|"
                   r"(?:daily|weekly|fortnightly|monthly|quarterly|yearly|annual|annually|annualised|annualized|"
                   r"hourly))\b|[\w°]+\s*/\s*[a-z]+", re.I)


def looks_like_rate(text) -> str | None:
    """The words of a unit that make it a time or per-head rate, which never adds up over a period; None for none.

    Example:
        >>> [looks_like_rate(u) for u in ("barrels a day", "tonnes a year", "euros per capita", "km/h", "annual tons")]
        ['a day', 'a year', 'per capita', 'km/h', 'annual']
        >>> [looks_like_rate(u) for u in ("shares", "per cent", "%", "cases", "price index", "daylight_hours")]
        [None, None, None, None, None, None]
    """
    if not isinstance(text, str):
        return None
    m = _RATE.search(text.replace("_", " "))
    return m.group(0) if m else None


def looks_like_level(text) -> str | None:
    """The word of ``text`` (a unit or a quantity; underscores read as spaces) that suggests a level or a rate.

    Example:
        >>> looks_like_level("per cent"), looks_like_level("unemployment_rate"), looks_like_level("%")
        ('per cent', 'rate', '%')
        >>> [looks_like_level(u) for u in ("barrels a day", "tonnes a year", "euros per capita", "°C", "km/h",
        ...                                 "degrees Celsius", "deaths per 100,000 people", "workers an hour")]
        ['a day', 'a year', 'per capita', '°', 'km/h', 'degrees', 'per 100,000', 'an hour']
        >>> looks_like_level("cases"), looks_like_level("illegal_export_cases"), looks_like_level("separate")
        (None, None, None)
        >>> looks_like_level("barrels"), looks_like_level("tonnes"), looks_like_level("daylight_hours")
        (None, None, None)
    """
    if not isinstance(text, str):
        return None
    m = _LEVEL.search(text.replace("_", " "))
    return m.group(0) if m else None


#: A unit that is a length of time and nothing else ("days", "calendar days", "hours"): "the strike lasted nine days".
#: Not "working days", "school days" or "nights": days of work lost, school days missed and hotel nights are counts
#: that add up over their period, which is almost always how articles use them.
_DURATION = re.compile(r"(?:(?:calendar|full|whole)\s+)?"
                       r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?)", re.I)
#: Words of a quantity's name that say its time adds up over the period ("hours_worked", "days_lost_to_strikes",
#: "hotel_stays"): such a figure stays a count although its unit is a bare length of time.
_ADDS_UP = re.compile(r"\b(?:lost|worked|missed|spent|stays?|overnight|absences?|sick|booked|billed|served|"
                      r"volunteered|total)\b", re.I)


def is_duration(unit) -> bool:
    """Whether a figure's unit is a length of time ("lasted nine days"): how long something lasted, which does not add
    up over the figure's period, so it is never divided by months.

    Example:
        >>> [is_duration(u) for u in ("days", "Calendar days", " weeks ", "years", "hours")]
        [True, True, True, True, True]
        >>> [is_duration(u) for u in ("person-days", "cases", "days a year", "euros", None, "daylight hours")]
        [False, False, False, False, False, False]
        >>> [is_duration(u) for u in ("working days", "school days", "nights", "hotel nights")]  # counts that add up
        [False, False, False, False]
    """
    return isinstance(unit, str) and _DURATION.fullmatch(unit.strip()) is not None


def settle_duration_kinds(ann: Annotation) -> None:
    """Take a figure without ``kind:`` whose unit is a length of time (:func:`is_duration`) as a level: "the last
    strike, in 2019, lasted nine days" is no count that adds up over 2019, and 0.75 days a month of it means nothing.
    The figure then gets no rate per month and no remainder; ``kind: count`` in the annotation keeps it a count
    (hours worked in a year add up). A figure whose quantity says that its time adds up ("hours_worked",
    "days_lost", "hotel_stays": :data:`_ADDS_UP`) stays a count. The figure is marked ``_kind_default`` so that
    messages say where the kind came from.

    Example:
        >>> from exportrow.annotations import load_annotation
        >>> ann = load_annotation()
        >>> ann.figures[0]["unit"], ann.figures[1]["unit"], ann.figures[1]["kind"] = "days", "days", "count"
        >>> ann.figures[0].pop("kind", None); settle_duration_kinds(ann)
        >>> [(f.get("kind"), f.get("_kind_default")) for f in ann.figures[:3]]
        [('level', 'duration'), ('count', None), (None, None)]
        >>> ann.figures[2].update(unit="hours", quantity="hours_worked"); settle_duration_kinds(ann)
        >>> ann.figures[2].get("kind")
    """
    for f in ann.figures or []:
        quantity = str(f.get("quantity") or "").replace("_", " ")
        if f.get("kind") is None and is_duration(f.get("unit")) and not _ADDS_UP.search(quantity):
            f["kind"], f["_kind_default"] = "level", "duration"


def _duration_warning(ann: Annotation, f: dict) -> Problem:
    """The warning for a dated figure whose unit is a length of time and that gives no ``kind:``."""
    return Problem(str(ann.path), f.get("_label", "figures"), "unit",
                   f"{shown(f.get('unit'), 30)} is a length of time, and the figure has a period but no `kind:`, so "
                   "exportrow takes it as a duration (how long something lasted), like a level: it is never divided "
                   "by months and no remainder is derived from it",
                   "add `kind: level` to say so, or `kind: count` if the time adds up over the period (hours worked "
                   "in a year, days of rain in a month; a quantity named for what adds up, such as hours_worked or "
                   "days_lost, is a count without it)")


def kind_warnings(ann: Annotation) -> list[Problem]:
    """A warning for each figure without ``kind:`` whose unit or quantity reads like a level or a rate, and for each
    figure with ``kind: count`` whose unit does (:func:`_count_warning`); one warning a figure at most.

    Example:
        >>> from exportrow.annotations import load_annotation
        >>> ann = load_annotation()
        >>> kind_warnings(ann)
        []
        >>> ann.figures[0]["unit"] = "per cent"
        >>> print(kind_warnings(ann)[0].entry, kind_warnings(ann)[0].field)
        figures[cases_total] unit
        >>> print(str(kind_warnings(ann)[0]).split(": ", 1)[1])  # doctest: +NORMALIZE_WHITESPACE
        figures[cases_total].unit: 'per cent' reads like a level or a rate (a value at a time, or an
        average or rate over its period), but the figure has no `kind:`, so exportrow takes it as a count that adds up
        over its period: it divides it by months and derives remainders from it
            fix: add `kind: level` if it is a level, a price, an average, a share or a rate (it is then compared as
            a value, never divided by months), or `kind: count` if it adds up over its period
    """
    out = []
    for f in ann.figures or []:
        if f.get("_kind_default") == "duration" and f.get("date") is not None:
            out.append(_duration_warning(ann, f))
        if f.get("kind") == "count" and (warning := _count_warning(ann, f)) is not None:
            out.append(warning)
        if f.get("kind") is not None:
            continue
        for field in ("unit", "quantity"):
            word = looks_like_level(f.get(field))
            if word is None:
                continue
            shown = f"'{word}'" if field == "unit" and word.lower() == str(f.get(field)).strip().lower() else \
                f"{str(f.get(field))[:60]!r} ('{word}')"
            out.append(Problem(str(ann.path), f.get("_label", "figures"), field,
                               f"{shown} reads like a level or a rate (a value at a time, or an average or rate over "
                               "its period), but the figure has no `kind:`, so exportrow takes it as a count that "
                               "adds up over its period: it divides it by months and derives remainders from it",
                               "add `kind: level` if it is a level, a price, an average, a share or a rate (it is "
                               "then compared as a value, never divided by months), or `kind: count` if it adds up "
                               "over its period"))
            break
    return out


#: Units that never add up over a period, whatever ``kind:`` says: a per cent, an average, an index, a temperature.
_NEVER_ADDS = re.compile(r"%|°|\b(?:per\s*cent|percent(?:age)?s?(?:\s+points?)?|averages?|mean|medians?|"
                         r"ind(?:ex|exes|ices)|degrees?|celsius|centigrade|fahrenheit|kelvin|temperatures?|ratios?|"
                         r"basis\s+points?)\b", re.I)


def _count_warning(ann: Annotation, f: dict) -> Problem | None:
    """The warning for a figure that says ``kind: count`` but whose unit carries a time or per-head rate
    (:func:`looks_like_rate`) or is a per cent, an average, an index or a temperature, which never add up; or None.
    A unit that only may read like a level ("shares", "price") is left alone: ``kind: count`` is how an annotator
    says that such a figure does add up (shares traded).

    Example:
        >>> from exportrow.annotations import load_annotation
        >>> ann = load_annotation()
        >>> fig = dict(ann.figures[0], kind="count", unit="barrels a day")
        >>> w = _count_warning(ann, fig)
        >>> print(w.entry, w.field); print(w.message); print(w.fix)  # doctest: +NORMALIZE_WHITESPACE
        figures[cases_total] kind
        `kind: count`, but the unit 'barrels a day' ('a day') reads like a rate: as a count, exportrow
        divides it by months again (its rates per month, rate_change verdicts) and derives remainders from it
        write `kind: level` if it is a rate (a day, a year, per head), a level, a price or an average (it is then
        compared as a value, never divided by months); keep `kind: count` only if it adds up over its period
        >>> [_count_warning(ann, dict(fig, unit=unit)) for unit in ("barrels", "shares", "price")]
        [None, None, None]
        >>> print(_count_warning(ann, dict(fig, unit="average tonnes")).message)  # doctest: +NORMALIZE_WHITESPACE
        `kind: count`, but the unit 'average tonnes' ('average') reads like a level (a per cent, an average, an index
        or a temperature never adds up): as a count, exportrow divides it by months again (its rates per month,
        rate_change verdicts) and derives remainders from it
        >>> _count_warning(ann, dict(fig, unit="per cent")).message[:60]
        "`kind: count`, but the unit 'per cent' reads like a level (a"
    """
    unit = f.get("unit")
    word, like = looks_like_rate(unit), "a rate"
    if word is None and isinstance(unit, str) and (m := _NEVER_ADDS.search(unit.replace("_", " "))):
        word, like = m.group(0), "a level (a per cent, an average, an index or a temperature never adds up)"
    if word is None:
        return None
    said = f"'{word}'" if word.lower() == str(unit).strip().lower() else f"{str(unit)[:60]!r} ('{word}')"
    return Problem(str(ann.path), f.get("_label", f"figures[{f.get('id')}]"), "kind",
                   f"`kind: count`, but the unit {said} reads like {like}: as a count, exportrow divides it "
                   "by months again (its rates per month, rate_change verdicts) and derives remainders from it",
                   "write `kind: level` if it is a rate (a day, a year, per head), a level, a price or an average (it "
                   "is then compared as a value, never divided by months); keep `kind: count` only if it adds up "
                   "over its period")


def check_quantity_kinds(chk, ann: Annotation) -> None:
    """A problem for each quantity whose figures mix kinds (a level and a count): one series is drawn and compared
    as one kind of number, so a level among counts would be divided by months again.

    Example:
        >>> from exportrow.annotations.sections import _demo
        >>> figs = [{"id": "a", "quantity": "water", "kind": "level"}, {"id": "b", "quantity": "water"},
        ...         {"id": "c", "quantity": "rain"}]
        >>> chk, ann, ids = _demo(figures=figs)
        >>> check_quantity_kinds(chk, ann); [(p.entry, p.field, p.message, p.fix) for p in chk.problems]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('figures[b]', 'kind', "figures of quantity 'water' mix kinds: a is a level, b a count (no `kind:` gives a
        count)", "give every figure of 'water' the same `kind:` (`kind: level` on b, or `kind: count` on a if
        it adds up over its period), or give the level its own `quantity:`")]
    """
    first: dict[str, dict] = {}
    for f in ann.figures or []:
        q = f.get("quantity")
        if not isinstance(q, str):
            continue
        kind, name = f.get("kind") or "count", shown(q, 40)
        seen = first.setdefault(q, f)
        if (seen.get("kind") or "count") == kind:
            continue
        lev, cnt = (seen, f) if kind == "count" else (f, seen)
        none = " (no `kind:` gives a count)" if cnt.get("kind") is None else ""
        if lev.get("_kind_default") == "duration":
            none += f" ({lev.get('id')} has no `kind:` and a unit of time, taken as a duration, like a level)"
        chk.add(f.get("_label", f"figures[{f.get('id')}]"), "kind",
                f"figures of quantity {name} mix kinds: {lev.get('id')} is a level, {cnt.get('id')} a count{none}",
                f"give every figure of {name} the same `kind:` (`kind: level` on {cnt.get('id')}, or `kind: count` on "
                f"{lev.get('id')} if it adds up over its period), or give the level its own `quantity:`")
