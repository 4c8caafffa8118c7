"""Numbers written as digits or as English words."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

__all__ = ["NumberMention", "find_numbers", "parse_number"]

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
             "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"]
CARDINAL = {w: i for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
ORDINAL = {w: i + 1 for i, w in enumerate(_ORDINALS)}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_SPECIAL = {"dozen": 12}
_WORD = "|".join(sorted([*CARDINAL, *ORDINAL, *_SCALES, *_SPECIAL], key=len, reverse=True))


@functools.cache
def _pattern() -> re.Pattern:
    return re.compile(
        r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w])"
        rf"|\b((?:{_WORD})(?:(?:[\s-]+|\s+and\s+)(?:{_WORD}))*)\b",
        re.IGNORECASE)


@dataclass(frozen=True)
class NumberMention:
    """A number found in text: where it stands, its words, value and form."""

    start: int
    end: int
    text: str
    value: float
    form: str  # "digits", "words" or "ordinal"


def parse_number(text: str) -> float | None:
    """The value of a number in digits or English words, or None.

    Example:
        >>> parse_number("Fourteen"), parse_number("one hundred fifty-six"), parse_number("1,024")
        (14, 156, 1024)
        >>> parse_number("second"), parse_number("handful")
        (2, None)
    """
    t = text.strip().lower()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", t):
        return int(t.replace(",", ""))
    if re.fullmatch(r"\d+\.\d+", t):
        return float(t)
    words = [w for w in re.split(r"[\s-]+", t) if w and w != "and"]
    if not words:
        return None
    total = current = 0
    for w in words:
        if w in CARDINAL:
            current += CARDINAL[w]
        elif w in ORDINAL:
            current += ORDINAL[w]
        elif w in _SPECIAL:
            current = (current or 1) * _SPECIAL[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0
        else:
            return None
    return total + current


def find_numbers(text: str, offset: int = 0) -> list[NumberMention]:
    """Every number in ``text``, in digits or words, with spans shifted by ``offset``.

    Times such as ``7:30`` are read as two numbers; callers decide what to ignore.

    Example:
        >>> [(m.text, m.value, m.form) for m in find_numbers("Fourteen cases in 2015 and 22 in 2016")]
        [('Fourteen', 14, 'words'), ('2015', 2015, 'digits'), ('22', 22, 'digits'), ('2016', 2016, 'digits')]
        >>> [(m.text, m.form) for m in find_numbers("its second deputy chief")]
        [('second', 'ordinal')]
    """
    out = []
    for m in _pattern().finditer(text):
        word = m.group(0)
        value = parse_number(word)
        if value is None:
            continue
        if m.group(1):
            form = "digits"
        else:
            form = "ordinal" if word.lower().split()[-1].split("-")[-1] in ORDINAL else "words"
        out.append(NumberMention(offset + m.start(), offset + m.end(), word, value, form))
    return out
