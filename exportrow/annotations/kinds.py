"""Warn about figures that look like levels or rates but are not marked as such (``kind:``).

A figure is a ``count`` unless its ``kind:`` says ``level``: a count adds up over its period (cases, crossings,
euros of trade), so exportrow divides it by its months (a rate per month) and derives remainders from a total
and its parts. A level (a reservoir level, a debt, a price, an average, per cent, an unemployment rate, an index)
does not add up: divided by months it means nothing. ``exportrow check`` warns when a figure's unit or quantity
reads like a level or a rate and the figure gives no ``kind:``, so the annotator says which it is.
"""

from __future__ import annotations

import re

from exportrow.annotations.model import Annotation, Problem

__all__ = ["LEVEL_WORDS", "looks_like_level", "kind_warnings"]

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


def kind_warnings(ann: Annotation) -> list[Problem]:
    """A warning for each figure without ``kind:`` whose unit or quantity reads like a level or a rate.

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
