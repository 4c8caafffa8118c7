"""Whether two figures can be compared: one unit, periods of like length, the later one listed first.

Growth words ("doubled", checked by ``growth_factor``) compare two values; rate words ("surged",
``rate_change``) compare rates per month. Both comparisons need two figures in the same unit, and a
statement lists them later first (``figures: [later, earlier]``). A growth factor compares the raw
values, so it also needs periods of about the same length: within :data:`LENGTH_TOLERANCE` of each
other (a 28-day February against a 31-day January passes; a week against a year does not). Rates per
month do not need that: ``rate_change`` exists for periods of unequal length.

The annotation checks (``exportrow check``) and the verdicts (:func:`exportrow.checks.check_one`)
both ask the functions here, so they cannot disagree. What each does with a fault:

- different units: ``exportrow check`` refuses the statement; the verdict is ``cannot_check``.
- different quantities in one unit (``complaints`` and ``firms``, both counted in firms): a warning
  (the names may be two spellings of one thing); the verdict notes it.
- periods of unequal length under ``growth_factor``: a warning; the verdict is ``cannot_check``
  (exportrow does not guess whether the words mean the counts or the rates).
- the earlier figure listed first (its period ends before the other's starts): ``exportrow check``
  refuses it with the order to write; the verdict is ``cannot_check``.
- one period inside the other (a year and one of its months; :func:`one_contains_other`): a warning;
  the verdict is ``cannot_check`` (a total and its part are not an earlier and a later period, and
  the listed order would decide the verdict).
- the same period for both figures (:func:`same_period`): ``exportrow check`` refuses it; the verdict is
  ``cannot_check`` (there is no earlier and later to compare; often one figure is really dated by words
  such as "a year earlier", which exportrow cannot resolve).
- periods that overlap in part (each has days the other lacks), or that are unknown, are taken as
  listed: the first is read as the later.
"""

from __future__ import annotations

__all__ = ["LENGTH_TOLERANCE", "ORDERED_CHECKS", "LENGTH_CHECKS", "IRREGULAR_PLURALS", "unit_key", "same_unit",
           "period_days", "length_text", "lengths_differ", "listed_earlier_first", "one_contains_other",
           "same_period"]

#: Two periods whose lengths differ by more than this share of the longer are of unequal length.
LENGTH_TOLERANCE = 0.10
#: Checks that compare two figures, the later first (``figures: [later, earlier]``), in one unit.
ORDERED_CHECKS = ("growth_factor", "rate_change", "rate_increase")
#: Checks that compare raw values, so need periods of about the same length.
LENGTH_CHECKS = ("growth_factor",)
#: Plurals that do not end in "s", with their singular (see :func:`unit_key`).
IRREGULAR_PLURALS = {"people": "person", "children": "child", "men": "man", "women": "woman", "feet": "foot",
                     "teeth": "tooth", "mice": "mouse", "geese": "goose", "crises": "crisis", "oases": "oasis",
                     "diagnoses": "diagnosis", "prognoses": "prognosis", "gas": "gas", "gases": "gas",
                     "news": "news", "menus": "menu", "gurus": "guru", "hindus": "hindu", "emus": "emu"}
#: Words ending in "men" that are not a plural of "man" ("specimen", not "speciman").
_MEN_SINGULARS = frozenset({"amen", "omen", "semen", "hymen", "lumen", "rumen", "numen", "yamen", "stamen", "acumen",
                            "abdomen", "regimen", "bitumen", "albumen", "dolmen", "foramen", "gravamen", "cyclamen",
                            "specimen"})
#: Nouns ending in "use" whose plural ends in "uses" like "buses" ("abuses" is "abuse", not "abus").
_USE_NOUNS = frozenset({"abuse", "excuse", "fuse", "muse", "ruse", "use", "recluse", "refuse", "misuse", "overuse",
                        "reuse", "disuse"})


def unit_key(unit) -> str:
    """A unit as compared: case, spacing and a plural do not count.

    Each word loses a plural ending: "ies" becomes "y" ("lorries", "companies"), "ches", "shes", "sses", "xes"
    and "zes" lose "es" ("boxes"), "men" becomes "man" ("fishermen", "policemen"; not "specimen"), "uses" after a
    consonant loses "es" ("buses", "viruses"; not "abuses"), "yses" and "theses" become "ysis" and "thesis"
    ("analyses"), and any other final "s" goes, except after "s" ("class"), in "us" ("bus", "virus") and in "sis"
    ("crisis"). The irregular plurals of :data:`IRREGULAR_PLURALS` ("people", "children", "crises") are known, and
    "news" and "gas" are their own singular; others are not: write the unit the same way in both figures.

    Example:
        >>> unit_key(" Lorries "), unit_key("cases") == unit_key("Case"), unit_key("crowns") == unit_key("lorries")
        ('lorry', True, False)
        >>> unit_key("lorry") == unit_key("lorries"), unit_key("companies"), unit_key("boxes"), unit_key("class")
        (True, 'company', 'box', 'class')
        >>> unit_key("tonnes of rice") == unit_key("tonne of rice")
        True
        >>> unit_key("People"), unit_key("children"), same_unit("women", "woman"), same_unit("people", "cases")
        ('person', 'child', True, False)
        >>> unit_key("fishermen"), unit_key("buses"), unit_key("viruses"), unit_key("crises"), unit_key("analyses")
        ('fisherman', 'bus', 'virus', 'crisis', 'analysis')
        >>> unit_key("bus"), unit_key("crisis"), unit_key("specimens"), unit_key("abuses"), same_unit("news", "new")
        ('bus', 'crisis', 'specimen', 'abuse', False)
    """
    return " ".join(_singular(w) for w in str(unit).casefold().split())


def _singular(word: str) -> str:
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if len(word) > 3 and word.endswith("men") and word not in _MEN_SINGULARS:
        return word[:-3] + "man"
    if word.endswith(("yses", "theses")):
        return word[:-2] + "is"
    if len(word) > 4 and word.endswith("uses") and word[-5] not in "aeiou" and word[:-1] not in _USE_NOUNS:
        return word[:-2]
    if word.endswith(("us", "sis")):
        return word
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if len(word) > 1 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def same_unit(a, b) -> bool:
    """Whether two units are one unit (see :func:`unit_key`).

    Example:
        >>> same_unit("cases", "Cases"), same_unit("crowns", "lorries")
        (True, False)
    """
    return unit_key(a) == unit_key(b)


def _missing(value) -> bool:
    return value is None or value != value  # NaT and NaN are not equal to themselves


def period_days(start, end) -> int | None:
    """Days in a period (``end`` is the first day after it), or None when either end is unknown.

    Example:
        >>> import datetime as dt
        >>> period_days(dt.date(2024, 1, 1), dt.date(2025, 1, 1)), period_days(None, dt.date(2025, 1, 1))
        (366, None)
    """
    if _missing(start) or _missing(end):
        return None
    return (end - start).days


def length_text(start, end) -> str:
    """A period's length in words: whole months as months, anything else in days.

    Example:
        >>> import datetime as dt
        >>> year, week = (dt.date(2024, 1, 1), dt.date(2025, 1, 1)), (dt.date(2025, 3, 3), dt.date(2025, 3, 10))
        >>> length_text(*year), length_text(*week)
        ('12 months', '7 days')
        >>> length_text(dt.date(2025, 2, 1), dt.date(2025, 3, 1))
        '1 month'
    """
    days = period_days(start, end)
    if days is None:
        return "an unknown length"
    if start.day == 1 and end.day == 1:
        months = (end.year - start.year) * 12 + end.month - start.month
        return f"{months} month{'s' * (months != 1)}"
    return f"{days} day{'s' * (days != 1)}"


def lengths_differ(first: tuple, second: tuple) -> bool:
    """Whether two periods ``(start, end)`` differ in length by more than :data:`LENGTH_TOLERANCE`.

    Unknown periods do not differ (nothing is known against them).

    Example:
        >>> import datetime as dt
        >>> year, week = (dt.date(2024, 1, 1), dt.date(2025, 1, 1)), (dt.date(2025, 3, 3), dt.date(2025, 3, 10))
        >>> lengths_differ(year, week), lengths_differ(year, (dt.date(2023, 1, 1), dt.date(2024, 1, 1)))
        (True, False)
        >>> lengths_differ((dt.date(2025, 1, 1), dt.date(2025, 2, 1)), (dt.date(2025, 2, 1), dt.date(2025, 3, 1)))
        False
        >>> lengths_differ(year, (None, None))
        False
    """
    a, b = period_days(*first), period_days(*second)
    if a is None or b is None:
        return False
    return abs(a - b) > LENGTH_TOLERANCE * max(a, b)


def listed_earlier_first(first: tuple, second: tuple) -> bool:
    """Whether the first period ``(start, end)`` ends before the second starts (so the order is reversed).

    Overlapping or unknown periods are not (the listed order is taken as meant).

    Example:
        >>> import datetime as dt
        >>> y23, y24 = (dt.date(2023, 1, 1), dt.date(2024, 1, 1)), (dt.date(2024, 1, 1), dt.date(2025, 1, 1))
        >>> listed_earlier_first(y23, y24), listed_earlier_first(y24, y23), listed_earlier_first(y23, (None, None))
        (True, False, False)
    """
    if _missing(first[1]) or _missing(second[0]) or _missing(first[0]) or _missing(second[1]):
        return False
    return first[1] <= second[0]


def same_period(first: tuple, second: tuple) -> bool:
    """Whether two periods ``(start, end)`` are known and the same: then neither is earlier nor later.

    Example:
        >>> import datetime as dt
        >>> y23, y24 = (dt.date(2023, 1, 1), dt.date(2024, 1, 1)), (dt.date(2024, 1, 1), dt.date(2025, 1, 1))
        >>> same_period(y23, y23), same_period(y23, y24), same_period((None, None), (None, None))
        (True, False, False)
    """
    if any(_missing(v) for v in (*first, *second)):
        return False
    return tuple(first) == tuple(second)


def one_contains_other(first: tuple, second: tuple) -> bool:
    """Whether one period ``(start, end)`` lies inside the other (and they are not the same period).

    Unknown periods do not (nothing is known against them); periods that overlap in part do not.

    Example:
        >>> import datetime as dt
        >>> y24, jan = (dt.date(2024, 1, 1), dt.date(2025, 1, 1)), (dt.date(2024, 1, 1), dt.date(2024, 2, 1))
        >>> one_contains_other(y24, jan), one_contains_other(jan, y24), one_contains_other(y24, y24)
        (True, True, False)
        >>> one_contains_other((dt.date(2024, 7, 1), dt.date(2025, 7, 1)), y24), one_contains_other(y24, (None, None))
        (False, False)
    """
    if any(_missing(v) for v in (*first, *second)) or tuple(first) == tuple(second):
        return False
    return (first[0] <= second[0] and second[1] <= first[1]) or (second[0] <= first[0] and first[1] <= second[1])
