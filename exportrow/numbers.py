"""Numbers written as digits or as English words.

Number words are joined into one number only where English joins them inside one number:
"twenty-one", "one hundred and fifty-six", "two thousand and nineteen". Two numbers that
merely stand side by side stay two ("one and two", "one two"). Digits followed by a scale
word are one value: "1.5 million" is 1,500,000. In a range the scale word is written once and
belongs to both ends: in "between 5 and 8 million" or "5 to 8 million" the 5 is 5,000,000.

A number keeps its sign: a minus sign ("-0.4", or U+2212 "−0.4") written straight before it at the start of
a word (after a space, a bracket, a quote mark or the start of the text), or the word "minus" or "negative"
before it ("minus 0.4", across a line break or joined by a hyphen or an en dash: "minus-0.4"). A hyphen inside a
word or between two numbers is not a sign: "2015-2019", "COVID-19", "a 3-year plan", "1.5-2 billion" hold no
negative number.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["NumberMention", "find_numbers", "parse_number", "fmt_value"]

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
             "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"]
CARDINAL = {w: i for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
ORDINAL = {w: i + 1 for i, w in enumerate(_ORDINALS)}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}
_SPECIAL = {"dozen": 12}
_WORD = "|".join(sorted([*CARDINAL, *ORDINAL, "hundred", *_SCALES, *_SPECIAL], key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@functools.cache
def _pattern() -> re.Pattern:
    scale = "|".join(_SCALES)
    return re.compile(
        rf"(?<![\w.,])({_DIGITS})(?:[\s\u00a0]+({scale}|hundred|dozen)\b)?(?![\w]|[.,]\d)"
        rf"|\b((?:{_WORD})(?:(?:[\s\u00a0-]+|[\s\u00a0]+and[\s\u00a0]+)(?:{_WORD}))*)\b",
        re.IGNORECASE)


@dataclass(frozen=True)
class NumberMention:
    """A number found in text: where it stands, its words, value and form."""

    start: int
    end: int
    text: str
    value: float
    form: str  # "digits", "words" or "ordinal"


def _whole(value: Decimal):
    return int(value) if value == value.to_integral_value() else float(value)


def _tokens(text: str) -> list[tuple[str, int, int, str]]:
    """Words of a run with their offsets and the separator before each ('', ' ', '-', 'and')."""
    out, sep = [], ""
    for m in re.finditer(r"[A-Za-z]+|-", text):
        w = m.group(0).lower()
        if w == "-":
            sep = "-"
        elif w == "and":
            sep = "and"
        else:
            out.append((w, m.start(), m.end(), sep or (" " if out else "")))
            sep = ""
    return out


def _below_100(toks, i):
    """(value, next index, ordinal?) for a number below 100 at ``i``, or None."""
    if i >= len(toks):
        return None
    w = toks[i][0]
    if w in ORDINAL:
        return ORDINAL[w], i + 1, True
    if w in _UNITS:
        return CARDINAL[w], i + 1, False
    if w in CARDINAL:  # a tens word, maybe followed by a unit: twenty-one, twenty one
        if i + 1 < len(toks) and toks[i + 1][3] in ("-", " "):
            nxt = toks[i + 1][0]
            if nxt in _UNITS[1:10]:
                return CARDINAL[w] + CARDINAL[nxt], i + 2, False
            if nxt in _ORDINALS[:9]:
                return CARDINAL[w] + ORDINAL[nxt], i + 2, True
        return CARDINAL[w], i + 1, False
    return None


def _below_1000(toks, i):
    """(value, next index, ordinal?) for a number below 1000 (``nineteen hundred`` too)."""
    if i < len(toks) and toks[i][0] == "hundred":  # "hundred" alone: 100
        return 100, i + 1, False
    head = _below_100(toks, i)
    if head is None:
        return None
    value, j, ordinal = head
    if ordinal or j >= len(toks) or toks[j][0] != "hundred" or toks[j][3] not in (" ", "-") or value == 0:
        return head
    value, j = value * 100, j + 1
    tail = _below_100(toks, j) if j < len(toks) and toks[j][3] in (" ", "and") else None
    if tail is not None:
        return value + tail[0], tail[1], tail[2]
    return value, j, False


def _number(toks, i):
    """The longest single number starting at ``i``: (value, next index, ordinal?), or None."""
    first = _below_1000(toks, i)
    if first is None:
        if i < len(toks) and toks[i][0] in _SCALES:  # "thousand" alone
            return _SCALES[toks[i][0]], i + 1, False
        if i < len(toks) and toks[i][0] in _SPECIAL:
            return _SPECIAL[toks[i][0]], i + 1, False
        return None
    total, (group, j, ordinal) = 0, first
    last_scale = None
    while not ordinal and j < len(toks) and toks[j][3] in (" ", "-"):
        w = toks[j][0]
        if w in _SPECIAL and last_scale is None and total == 0:
            return group * _SPECIAL[w], j + 1, False
        if w not in _SCALES or (last_scale is not None and _SCALES[w] >= last_scale):
            break
        total += group * _SCALES[w]
        last_scale, j, group = _SCALES[w], j + 1, 0
        nxt = _below_1000(toks, j) if j < len(toks) and toks[j][3] in (" ", "and") else None
        if nxt is None:
            break
        if toks[j][3] == "and" and nxt[0] >= 100:  # "and" joins only a last part below 100
            break
        group, j, ordinal = nxt
    return total + group, j, ordinal


def _word_numbers(text: str, offset: int) -> list[NumberMention]:
    toks = _tokens(text)
    out, i = [], 0
    while i < len(toks):
        found = _number(toks, i)
        if found is None:
            i += 1
            continue
        value, j, ordinal = found
        start, end = toks[i][1], toks[j - 1][2]
        out.append(NumberMention(offset + start, offset + end, text[start:end], value,
                                 "ordinal" if ordinal else "words"))
        i = j
    return out


def parse_number(text: str) -> float | None:
    """The value of one number in digits or English words, or None.

    Example:
        >>> parse_number("Fourteen"), parse_number("one hundred fifty-six"), parse_number("1,024")
        (14, 156, 1024)
        >>> parse_number("second"), parse_number("handful")
        (2, None)
        >>> parse_number("1.5 million"), parse_number("2 billion"), parse_number("2.5")
        (1500000, 2000000000, 2.5)
        >>> parse_number("one and two") is None  # two numbers, not one
        True
    """
    found = find_numbers(text.strip())
    if len(found) != 1 or found[0].text != text.strip():
        return None
    return found[0].value


#: A minus sign straight before a number: a hyphen or U+2212.
_MINUS_SIGNS = "-\u2212"
#: What may stand before a minus sign for it to start a word (with whitespace and the start of the text).
_BEFORE_SIGN = "([{\"'\u201c\u2018/:;=~"
#: The words "minus" and "negative" ending just before a number (read in the few characters before it), after any
#: space (a line break, a no-break, thin or narrow no-break space) or joined to it by a hyphen-like dash ("minus-0.4",
#: a non-breaking hyphen U+2011, an en dash "minus – 0.4"), with spaces around it or not.
_MINUS_WORD = re.compile(r"(?<![\w\u2212-])(?:minus|negative)"
                         r"(?:\s{1,3}|\s{0,2}[-\u2010\u2011\u2012\u2013\u2212]\s{0,2})\Z", re.IGNORECASE)


#: "plus or minus", "plus/minus", "plus-minus", "+/-" ending just before a minus word or sign: a margin ("plus or
#: minus 3 points" is a margin of 3), never a negative number.
_PLUS_OR = re.compile(r"(?:\bplus\s{0,3}(?:or\s{1,3}|/\s{0,2}|[-\u2010\u2011]\s{0,2})?|\+\s{0,2}/\s{0,2})\Z",
                      re.IGNORECASE)


def _sign_start(text: str, i: int) -> int | None:
    """Where the minus sign or word of a number starting at ``i`` starts, or None when it has none.

    Example:
        >>> _sign_start("fell -0.4", 6), _sign_start("2015-2019", 5), _sign_start("by minus 3", 9)
        (5, None, 3)
        >>> _sign_start("by minus-0.4", 9), _sign_start("a 3-year", 4), _sign_start("minus-3", 6)
        (3, None, 0)
        >>> _sign_start("plus or minus 3", 14), _sign_start("plus/minus 3", 11), _sign_start("+/-3", 3)
        (None, None, None)
    """
    start = None
    if i >= 1 and text[i - 1] in _MINUS_SIGNS and (i == 1 or text[i - 2].isspace() or text[i - 2] in _BEFORE_SIGN):
        start = i - 1
    else:
        m = _MINUS_WORD.search(text[max(0, i - 16):i])
        start = None if m is None else i - (len(m.group(0)))
    if start is not None and _PLUS_OR.search(text[max(0, start - 12):start]):
        return None  # a margin: "plus or minus 3" is 3 either way
    return start


def _signed(text: str, offset: int, found: list[NumberMention]) -> list[NumberMention]:
    """The numbers with their minus signs: span, text and value ("minus 0.4" is -0.4); ordinals have none."""
    out = []
    for m in found:
        start = _sign_start(text, m.start - offset) if m.form != "ordinal" else None
        if start is not None and m.value != 0:
            m = NumberMention(offset + start, m.end, text[start:m.end - offset], -m.value, m.form)
        out.append(m)
    return out


#: What joins the two ends of a range ("5 to 8 million", "5-8 million"); "and" only after "between".
_RANGE_JOIN = re.compile(r"[\s\u00a0]*(?:to|or|-|\u2013|\u2014)[\s\u00a0]*", re.IGNORECASE)
_RANGE_AND = re.compile(r"[\s\u00a0]+and[\s\u00a0]+", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween[\s\u00a0]+$", re.IGNORECASE)
_SCALED = re.compile(r"[\s\u00a0]+(" + "|".join(_SCALES) + r")$", re.IGNORECASE)


def _share_scales(text: str, offset: int, found: list[NumberMention]) -> list[NumberMention]:
    """The low end of a range in digits takes the scale word of its high end ("5 to 8 million": 5,000,000).

    Only where the low end is smaller than the high end's digits, so "in 2019 and 2 million" stays apart.
    """
    out = list(found)
    for k in range(len(out) - 1):
        low, high = out[k], out[k + 1]
        scale = _SCALED.search(high.text)
        if low.form != "digits" or high.form != "digits" or not scale or not low.text[-1].isdigit():
            continue
        between = text[low.end - offset:high.start - offset]
        joined = _RANGE_JOIN.fullmatch(between) or (
            _RANGE_AND.fullmatch(between) and _BETWEEN.search(text[:low.start - offset]))
        factor = _SCALES[scale.group(1).lower()]
        if joined and Decimal(str(low.value)) < Decimal(str(high.value)) / factor:
            out[k] = dataclasses.replace(low, value=_whole(Decimal(str(low.value)) * factor))
    return out


def find_numbers(text: str, offset: int = 0) -> list[NumberMention]:
    """Every number in ``text``, in digits or words, with spans shifted by ``offset``.

    Times such as ``7:30`` are read as two numbers; callers decide what to ignore.

    Example:
        >>> [(m.text, m.value, m.form) for m in find_numbers("Fourteen cases in 2015 and 22 in 2016")]
        [('Fourteen', 14, 'words'), ('2015', 2015, 'digits'), ('22', 22, 'digits'), ('2016', 2016, 'digits')]
        >>> [(m.text, m.form) for m in find_numbers("its second deputy chief")]
        [('second', 'ordinal')]
        >>> [m.value for m in find_numbers("one and two; two thousand and nineteen; one hundred and five")]
        [1, 2, 2019, 105]
        >>> [(m.text, m.value) for m in find_numbers("1.5 million people, 2 billion yen")]
        [('1.5 million', 1500000), ('2 billion', 2000000000)]
        >>> [(m.text, m.value) for m in find_numbers("between 5 and 8 million crowns; 1.5-2 billion")]
        [('5', 5000000), ('8 million', 8000000), ('1.5', 1500000000), ('2 billion', 2000000000)]
        >>> [m.value for m in find_numbers("in 2019 and 2 million more; 5 and 8 million")]
        [2019, 2000000, 5, 8000000]
        >>> [(m.text, m.value) for m in find_numbers("prices fell by minus 0.4 per cent, then -0.2 and \u22121.5")]
        [('minus 0.4', -0.4), ('-0.2', -0.2), ('\u22121.5', -1.5)]
        >>> [m.value for m in find_numbers("in 2015-2019, COVID-19 and a 3-year plan (-3); negative five")]
        [2015, 2019, 19, 3, -3, -5]
        >>> [(m.text, m.value) for m in find_numbers("it fell minus-0.4 per cent; Negative-two; 2015-2019; a 3-year")]
        [('minus-0.4', -0.4), ('Negative-two', -2), ('2015', 2015), ('2019', 2019), ('3', 3)]

    A margin keeps its number positive: "plus or minus 3", "plus/minus 3", "plus-minus 3", "+/-3" and "±3" are all 3.

        >>> [m.value for m in find_numbers("plus or minus 3; plus/minus 3; plus-minus 3; +/-3; \u00b13; minus 3")]
        [3, 3, 3, 3, 3, -3]

    The sign survives a line break, a thin or narrow space, a non-breaking hyphen and an en dash after "minus"; an en
    dash between two numbers is a range:

        >>> [m.value for m in find_numbers("minus\\n0.4; minus\u20110.4; minus\u202f0.4; minus\u20090.4; "
        ...                                "minus \u2013 0.4")]
        [-0.4, -0.4, -0.4, -0.4, -0.4]
        >>> [m.value for m in find_numbers("in 2015\u20132019; 2015 \u2013 2019; minus - 0.4")]
        [2015, 2019, 2015, 2019, -0.4]
    """
    out = []
    for m in _pattern().finditer(text):
        if m.group(1):
            digits = Decimal(m.group(1).replace(",", ""))
            if m.group(2):
                scale = m.group(2).lower()
                digits *= {**_SCALES, "hundred": 100, **_SPECIAL}[scale]
            out.append(NumberMention(offset + m.start(), offset + m.end(), m.group(0), _whole(digits), "digits"))
        else:
            out += _word_numbers(m.group(3), offset + m.start(3))
    return _signed(text, offset, _share_scales(text, offset, out))


#: Scale words for large values (:func:`fmt_value`), largest first.
SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"))


def _scaled(v: float, *, exact: bool) -> str:
    """``v`` (at least a billion) as a number of billions or trillions to four significant digits; with ``exact``,
    ``""`` when those digits would change it (then it is written in full). ``""`` from a thousand trillion on."""
    for k, (size, word) in enumerate(SCALE_WORDS):
        if abs(v) < size:
            continue
        m = float(f"{v / size:.4g}")
        if abs(m) >= 1000 and k:  # 999.99 billion rounds to a trillion
            size, word = SCALE_WORDS[k - 1]
            m = float(f"{v / size:.4g}")
        if abs(m) >= 1000 or (exact and abs(m * size - v) > 0.5):
            return ""
        return f"{m:g} {word}"
    return ""


def fmt_value(value, decimals: int | None = None) -> str:
    """A number as the notebooks, charts and worksheets write it: thousands separated from 1,000 on, as articles
    write them (``9,800``), no ``.0`` on a whole number, never in scientific notation. With ``decimals`` (a rate),
    rounded to at most that many places, trailing zeros dropped: ``3,416.67``, ``1,500,000``.

    The one formatter behind :func:`exportrow.stats.hedged`, :func:`exportrow.checks.fmt_number` (the statement
    checks), :func:`exportrow.plots.fmt_count`, the charts' rates and ticks and the printed worksheets.

    Example:
        >>> fmt_value(9800), fmt_value(41000.0), fmt_value(2.5), fmt_value(48), fmt_value(1234567.5)
        ('9,800', '41,000', '2.5', '48', '1,234,567.5')
        >>> fmt_value(3416.6666, 2), fmt_value(1500000.0, 2), fmt_value(1.1667, 2), fmt_value(4.0, 2)
        ('3,416.67', '1,500,000', '1.17', '4')

    From a billion on, a value is written with a scale word, as articles write money: a computed value (with
    ``decimals``) to four significant digits, so no false cents; a stated one only when the words keep it exact,
    else in full.

        >>> fmt_value(203333333333.33, 2), fmt_value(2091666666666.67, 2), fmt_value(999999999999.0, 2)
        ('203.3 billion', '2.092 trillion', '1 trillion')
        >>> fmt_value(12000000000), fmt_value(21.7e12), fmt_value(1234567890), fmt_value(-3.4e12)
        ('12 billion', '21.7 trillion', '1,234,567,890', '-3.4 trillion')
    """
    v = float(value)
    if math.isfinite(v) and abs(v) >= 1e9 and (scaled := _scaled(v, exact=decimals is None)):
        return scaled
    if decimals is not None and math.isfinite(v):
        v = round(v, decimals)
    if v.is_integer():
        return f"{int(v):,}"
    if decimals is not None:
        return f"{v:,.{decimals}f}".rstrip("0").rstrip(".")
    return f"{v:,.15g}" if abs(v) < 1e15 else f"{v:,.0f}"
