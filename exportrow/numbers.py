"""Numbers written as digits or as English words.

Number words are joined into one number only where English joins them inside one number:
"twenty-one", "one hundred and fifty-six", "two thousand and nineteen". Two numbers that
merely stand side by side stay two ("one and two", "one two"). Digits followed by a scale
word are one value: "1.5 million" is 1,500,000. In a range the scale word is written once and
belongs to both ends: in "between 5 and 8 million" or "5 to 8 million" the 5 is 5,000,000.

A scale abbreviation after digits is a scale word too: "bn"/"bln" (billion), "tn"/"trn" (trillion), "mn"/"mln"
(million), glued on or after one space ("¥12bn", "2.5 trn", "3 mln"), and "k" (thousand) glued on ("10k"). South
Asian "lakh" (100,000) and "crore" (10,000,000) are scale words ("Rs 3 crore" is 30,000,000). A glued "m" is million
only for money: a currency symbol or code just before the number ("US$80m", "£400m", "EUR 80m", "€3-4m") or a currency
word just after it ("80m euros"; a space after the symbol is fine: "US$ 80m"). A bare "5m" may be five metres or five
million, so it is not read as a number at all: neither a figure nor a number the coverage count misses; an annotation
settles it by its value (:func:`quote_numbers`: ``value: 80000000`` for "80m people", ``value: 5`` for "a 5m wall").
A glued "pc" is per cent: "4.5pc" is 4.5.

A fraction in words reads as its value, never as a whole number: "half" 0.5, "a quarter" 0.25, "a third" 0.3333,
"two-thirds" 0.6667 (form ``"fraction"``; see :func:`_fractions` for when a spaced "a third" is one), and "two and a
half" is 2.5. A fraction before a scale word is one number: "half a million" is 500,000, "one and a half million"
1,500,000, "a quarter of a million" 250,000. "first-half" and "second-half" name periods, not fractions. An ordinal in
digits reads as its number: "87th" is 87 (form ``"ordinal"``, as "third" is 3).

A number keeps its sign: a minus sign ("-0.4", or U+2212 "−0.4") written straight before it at the start of
a word (after a space, a bracket, a quote mark or the start of the text), or the word "minus" or "negative"
before it ("minus 0.4", across a line break or joined by a hyphen or an en dash: "minus-0.4"). A hyphen inside a
word or between two numbers is not a sign: "2015-2019", "COVID-19", "a 3-year plan", "1.5-2 billion" hold no
negative number.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction

__all__ = ["NumberMention", "find_numbers", "quote_numbers", "parse_number", "fmt_value", "states_value",
           "scale_fix", "fmt_rate", "rate_places", "stored_rate", "significant_digits", "RATE_DIGITS",
           "round_half_up", "round_significant", "fmt_fixed", "fmt_percent"]

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
           "trillion": 1_000_000_000_000, "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000,
           "crores": 10_000_000}
#: Scale abbreviations after digits, glued on or after one space: "12bn", "2.5 trn", "3 mln".
_ABBREVIATIONS = {"bn": 1_000_000_000, "bln": 1_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000,
                  "mn": 1_000_000, "mln": 1_000_000}
#: Scale letters glued on to digits: "10k" always; "m" only for money ("US$80m", "£400m", "80m euros"), since a
#: bare "5m" may be five metres.
_LETTERS = {"k": 1_000, "m": 1_000_000}
#: A currency written just before a number: a symbol ("$", "US$", "€", "¥", "₩") or an ISO code or "Rs" and a space;
#: or before the low end of a range the number ends ("€3-4m").
_CURRENCY = (r"(?:[$\u00a3\u20ac\u00a5\u20a9\u20b9\u20bd\u20ba\u20aa\u20ab\u20b1\u0e3f\u20a6\u20b4\u20b8\u20a3]"
             r"[\s\u00a0]?|(?<![A-Za-z])(?:USD|EUR|GBP|JPY|KRW|CNY|RMB|INR|HKD|AUD|CAD|CHF|SGD|TWD|NZD|SEK|NOK|DKK|Rs\.?)[\s\u00a0]?)")
_MONEY_BEFORE = re.compile(_CURRENCY + r"(?:[\d.,]+[\s\u00a0]*(?:to|-|\u2013)[\s\u00a0]*)?\Z", re.IGNORECASE)
#: A currency named just after a number: "80m euros", "12m yen".
_MONEY_AFTER = re.compile(r"[\s\u00a0]+(?:yen|won|yuan|renminbi|euros?|dollars?|pounds?|sterling|rupees?|francs?|"
                          r"crowns?|kronor|kroner|roubles?|rubles?|pesos?|reais|rand|ringgit|baht|dong)\b",
                          re.IGNORECASE)
_SPECIAL = {"dozen": 12}
_WORD = "|".join(sorted([*CARDINAL, *ORDINAL, "hundred", *_SCALES, *_SPECIAL], key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@functools.cache
def _pattern() -> re.Pattern:
    scale = "|".join(_SCALES)
    return re.compile(
        rf"(?<![\w.,])({_DIGITS})(?:[\s\u00a0]+({scale}|hundred|dozen)\b|[\s\u00a0]?({'|'.join(_ABBREVIATIONS)})\b"
        rf"|({'|'.join(_LETTERS)})\b|(st|nd|rd|th)\b|(?-i:pc)\b)?(?![\w]|[.,]\d)"
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
_SCALED = re.compile(r"(?:[\s\u00a0]+(" + "|".join(_SCALES) + r")|\d[\s\u00a0]?(" + "|".join(_ABBREVIATIONS)
                     + r")|\d(" + "|".join(_LETTERS) + r"))$", re.IGNORECASE)


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
        factor = {**_SCALES, **_ABBREVIATIONS, **_LETTERS}[next(g for g in scale.groups() if g).lower()]
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
        >>> [(m.text, m.value) for m in find_numbers("a charge of ¥12bn, or US$80m; 2.5 trn won; 10k; Rs 3 crore")]
        [('12bn', 12000000000), ('80m', 80000000), ('2.5 trn', 2500000000000), ('10k', 10000), ('3 crore', 30000000)]
        >>> find_numbers("a 5m wall")  # metres or million: not read
        []
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
            if m.group(4) and m.group(4).lower() == "m" and not _money(text, m.start(), m.end()):
                continue  # "5m" with no currency: five metres or five million, so no number is read
            digits = Decimal(m.group(1).replace(",", ""))
            scale = (m.group(2) or m.group(3) or m.group(4) or "").lower()
            if scale:
                digits *= {**_SCALES, "hundred": 100, **_SPECIAL, **_ABBREVIATIONS, **_LETTERS}[scale]
            form = "ordinal" if m.group(5) else "digits"  # "87th": a rank, read as 87
            out.append(NumberMention(offset + m.start(), offset + m.end(), m.group(0), _whole(digits), form))
        else:
            out += _word_numbers(m.group(6), offset + m.start(6))
    out = _with_fractions(text, offset, out)
    return _signed(text, offset, _share_scales(text, offset, out))


#: The form of a bare "<digits>m" in :func:`quote_numbers`: five metres or five million, as the annotator says.
MILLION_OR_METRES = "million or metres"


def quote_numbers(text: str, offset: int = 0) -> list[NumberMention]:
    """The numbers :func:`find_numbers` reads in a quote, and each bare "<digits>m" it leaves out ("80m people", "a
    5m wall": metres or million), with the value in millions and the form :data:`MILLION_OR_METRES`, for an
    annotation's value to settle (:func:`states_value` takes 80,000,000 or 80 for "80m").

    Example:
        >>> [(m.text, m.value, m.form) for m in quote_numbers("80m people in 2024")]
        [('80m', 80000000, 'million or metres'), ('2024', 2024, 'digits')]
    """
    found = find_numbers(text, offset)
    for m in _pattern().finditer(text):
        if m.group(1) and m.group(4) and m.group(4).lower() == "m" and not _money(text, m.start(), m.end()):
            value = _whole(Decimal(m.group(1).replace(",", "")) * _LETTERS["m"])
            found.append(NumberMention(offset + m.start(), offset + m.end(), m.group(0), value, MILLION_OR_METRES))
    return sorted(found, key=lambda m: m.start)


#: Fractions by their denominator word: "a third" is 1/3, "two-thirds" 2/3, "three-quarters" 3/4.
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                 "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
                 "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}
_NUMERATORS = {"a": 1, "an": 1, "one": 1, **{w: CARDINAL[w] for w in _UNITS[2:10]}}
_FRACTION = re.compile(r"\b(" + "|".join(_NUMERATORS) + r")(-|[\s\u00a0]+)(" + "|".join(_DENOMINATORS) + r")\b"
                       r"|\b(half)\b(?![-\u2010\u2011](?!(?:an?[-\u2010\u2011])?(?:" + "|".join(_SCALES)
                       + r"|dozen)\b))", re.IGNORECASE)
#: A scale word after a fraction: "half a million", "a quarter of a million", "a half-million", "half a dozen".
_FRACTION_SCALE = re.compile(r"(?:[\s\u00a0\u2010\u2011-]+of)?(?:[\s\u00a0\u2010\u2011-]+an?)?[\s\u00a0\u2010\u2011-]+("
                             + "|".join(_SCALES) + r"|dozen)\b", re.IGNORECASE)
#: Words after a spaced fraction that show it is one ("a third of voters", "a third more", "by a third.").
_FRACTION_AFTER = re.compile(r"[\s\u00a0]*(?:(?:of|more|less|fewer|higher|lower|larger|smaller|bigger|as|the)\b"
                             r"|[.,;:!?)\]\"'\u201d\u2019]|\Z)", re.IGNORECASE)
#: Words before a spaced fraction that show it is one ("by a third", "more than a third", "up to a quarter").
_FRACTION_BEFORE = re.compile(r"\b(?:by|than|nearly|almost|about|around|roughly|some|over|under|only|just|barely|"
                              r"fully|exactly|approximately|least|most|to)[\s\u00a0]+\Z", re.IGNORECASE)
#: Prepositions after a spaced fraction that show it is one, except after "quarter" ("rose a third from a year
#: earlier", "a fifth since 2020", "a third year-on-year"; not "a third in a row").
_FRACTION_PREPOSITION = re.compile(r"[\s\u00a0]+(?:from|to|since|on|over|year-on-year|y/y"
                                   r"|in(?![\s\u00a0]+a[\s\u00a0]+row\b))\b", re.IGNORECASE)
#: Verbs of change, every form ("rose", "falling", "cut", "surged"): a regular expression with no anchors.
CHANGE_VERBS = (r"(?:r[io]se[sn]?|rising|f[ae]ll(?:s|en|ing)?|gr[eo]w(?:s|n|ing)?|cut(?:s|ting)?"
                r"|drop(?:s|ped|ping)?|declin(?:e|es|ed|ing)|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?"
                r"|slid(?:e|es|ing)?|slump(?:s|ed|ing)?|shr[iau]nk(?:s|ing)?|increas(?:e|es|ed|ing)"
                r"|decreas(?:e|es|ed|ing)|gain(?:s|ed|ing)?|los(?:e|es|ing|t)|soar(?:s|ed|ing)?"
                r"|plung(?:e|es|ed|ing)|plummet(?:s|ed|ing)?|tumbl(?:e|es|ed|ing)|slip(?:s|ped|ping)?"
                r"|surg(?:e|es|ed|ing)|shed(?:s|ding)?|slash(?:es|ed|ing)?|trim(?:s|med|ming)?"
                r"|reduc(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|lower(?:s|ed|ing)?|boost(?:s|ed|ing)?"
                r"|s[ai]nk(?:s|ing)?|dip(?:s|ped|ping)?|eas(?:e|es|ed|ing)|widen(?:s|ed|ing)?"
                r"|narrow(?:s|ed|ing)?|expand(?:s|ed|ing)?|contract(?:s|ed|ing)?)")
#: A verb of change before a spaced fraction: "rose a third", "cut a fifth", "fell a quarter from".
_CHANGE_BEFORE = re.compile(rf"\b{CHANGE_VERBS}[\s\u00a0]+\Z", re.IGNORECASE)
#: After a verb of change, words that end the amount ("rose a third last year", "cut a fifth while"); a noun
#: there makes the word a rank ("fell a third straight month", "rose a third time").
_CHANGE_AFTER = re.compile(r"[\s\u00a0]+(?:last|this|while|and|but|after|during|within|against|compared|versus|vs"
                           r"|between|when|amid|despite|because|at)\b", re.IGNORECASE)
#: Words before a fraction word that make it a part of a period or a rank ("the second half", "the first three
#: quarters", "a third-quarter loss", "first-half profit").
_NOT_FRACTION_BEFORE = re.compile(r"\b(?:the|first|second|last|next|past|previous|other|latter|former|this|that|"
                                  r"each|every|per|a|an|one|final|following|consecutive|straight)"
                                  r"(?:[\s\u00a0]+|[-\u2010\u2011])\Z",
                                  re.IGNORECASE)
#: What after "quarter(s)" makes it a period: "a quarter earlier", "three quarters of 2023", "of the year".
_QUARTER_PERIOD = re.compile(r"[\s\u00a0]*(?:earlier|later|ago|before|after|from now|of[\s\u00a0]+(?:the[\s\u00a0]+|"
                             r"this[\s\u00a0]+|last[\s\u00a0]+|next[\s\u00a0]+)?(?:year|fiscal|\d{4}))\b|-",
                             re.IGNORECASE)


#: A whole number and "and" before a fraction: "two and a half", "3 and a quarter".
_AND_NUMBER = re.compile(rf"(?:\d|\b(?:{_WORD}))[\s\u00a0]+and[\s\u00a0]+\Z", re.IGNORECASE)


def _fractions(text: str) -> list[tuple[int, int, float]]:
    """Fractions in ``text``: (start, end, value), the value rounded to four places ("a third" is 0.3333).

    A hyphenated fraction is always one ("two-thirds", "one-fifth"); a spaced one ("a third", "two thirds",
    "a quarter") only where the words around it show it ("a third of voters", "by a third", "more than a third";
    "a third term" stays the ordinal third); "half" is one unless it names part of a period ("the second half").

    Example:
        >>> t = "a third of voters; two-thirds; up to a quarter; half the staff; the second half; a third term"
        >>> [(t[a:b], v) for a, b, v in _fractions(t)]
        [('a third', 0.3333), ('two-thirds', 0.6667), ('a quarter', 0.25), ('half', 0.5)]
    """
    out = []
    for m in _FRACTION.finditer(text):
        before, after = text[max(0, m.start() - 40):m.start()], m.end()
        if m.group(4):  # "half" alone
            if not _NOT_FRACTION_BEFORE.search(before) or _FRACTION_SCALE.match(text, after):
                out.append((m.start(), m.end(), 0.5))
            continue
        num, denom = _NUMERATORS[m.group(1).lower()], m.group(3).lower()
        if (num == 1) == denom.endswith("s"):
            continue  # "a thirds", "two third": not a fraction
        hyphen = m.group(2) == "-"
        if not hyphen and not _AND_NUMBER.search(before) and not _FRACTION_SCALE.match(text, after) and (
                denom.startswith("quarter") and _QUARTER_PERIOD.match(text, after)
                or _NOT_FRACTION_BEFORE.search(before)
                or not _shows_fraction(text, before, after, denom.startswith("quarter"))):
            continue
        out.append((m.start(), m.end(), round(num / _DENOMINATORS[denom], 4)))
    return out


def _shows_fraction(text: str, before: str, after: int, quarter: bool) -> bool:
    """Whether the words around a spaced fraction ending at ``after`` show it is one: "a third of", "by a third",
    "a third from" (not for "a quarter", which may be a period: "a quarter in which"), "rose a third last year".

    Example:
        >>> t = "rose a third from a year earlier"
        >>> _shows_fraction(t, "rose ", 12, False), _shows_fraction("won a third time", "won ", 11, False)
        (True, False)
    """
    if _FRACTION_AFTER.match(text, after) or _FRACTION_BEFORE.search(before):
        return True
    if not quarter and _FRACTION_PREPOSITION.match(text, after):
        return True
    return bool(_CHANGE_BEFORE.search(before) and (_FRACTION_PREPOSITION.match(text, after)
                                                   or _CHANGE_AFTER.match(text, after)))


#: "two and a half", "3 and a quarter": a whole number and a fraction are one number.
_AND_A = re.compile(r"[\s\u00a0]+and[\s\u00a0]+\Z", re.IGNORECASE)


def _with_fractions(text: str, offset: int, found: list[NumberMention]) -> list[NumberMention]:
    """``found`` with each fraction read as its value (:func:`_fractions`) in place of the numbers in its words
    ("two-thirds" is 0.6667, not 2; "a third" not 3), and "two and a half" one number (2.5).

    Linear in the numbers and fractions found: the numbers inside a fraction are found by bisection, the whole number
    before "and a half" by where it must end (testing every number for every fraction made a long text quadratic).
    """
    fractions = _fractions(text)
    if not fractions:
        return found
    ends = [b for _, b, _ in fractions]  # the fractions do not overlap: sorted by start, so by end too

    def inside(m: NumberMention) -> bool:
        i = bisect.bisect_right(ends, m.start - offset)
        return i < len(fractions) and fractions[i][0] < m.end - offset

    out = [m for m in found if not inside(m)]
    by_end: dict[int, list[NumberMention]] = {}
    for m in out:
        by_end.setdefault(m.end - offset, []).append(m)
    removed: set[int] = set()
    for a, b, value in fractions:
        whole = None
        if (span := _and_before(text, a)) is not None:
            whole = next((m for e in range(*span) for m in by_end.get(e, ()) if id(m) not in removed
                          and m.form in ("digits", "words") and abs(m.value) < 1000), None)
        if whole is not None and text[a:b].lower().startswith(("a ", "an ")):
            removed.add(id(whole))
            joined = NumberMention(whole.start, offset + b, text[whole.start - offset:b],
                                   float(whole.value) + value, whole.form)
            out.append(joined)
            by_end.setdefault(b, []).append(joined)
        else:
            out.append(NumberMention(offset + a, offset + b, text[a:b], value, "fraction"))
    out = [m for m in out if id(m) not in removed]
    return _scale_fractions(text, offset, sorted(out, key=lambda m: m.start))


def _and_before(text: str, a: int) -> tuple[int, int] | None:
    """Where a whole number must end for "<number> and <fraction at a>": the range of ends ``e`` for which
    ``text[e:a]`` is spaces, "and", spaces (:data:`_AND_A`); None when no "and" stands right before ``a``.

    Example:
        >>> t = "two and a half"
        >>> _and_before(t, t.index("a half")), _and_before("a half", 0)
        ((3, 4), None)
    """
    p = a
    while p > 0 and text[p - 1].isspace():
        p -= 1
    if p == a or p < 3 or text[p - 3:p].lower() != "and":
        return None
    q = e = p - 3
    while e > 0 and text[e - 1].isspace():
        e -= 1
    return (e, q) if e < q else None


def _scale_fractions(text: str, offset: int, found: list[NumberMention]) -> list[NumberMention]:
    """``found`` with a fraction and the scale word after it read as one number: "half a million" is 500,000,
    "one and a half million" 1,500,000, "a quarter of a million" 250,000 (form ``"words"``, like "two million"); a
    value that is not whole is rounded to a whole number ("a third of a million" is 333,333)."""
    out, used, at = [], set(), {(w.start - offset, w.end - offset): w for w in found}
    for m in found:
        if id(m) in used:
            continue
        scale = _FRACTION_SCALE.match(text, m.end - offset) if _FRACTION.search(m.text) else None
        word = scale and at.get((scale.start(1), scale.end(1)))
        if word is None:
            out.append(m)
            continue
        exact = _exact_fraction(m) * {**_SCALES, "dozen": 12}[scale.group(1).lower()]
        value = _whole(exact) if exact == exact.to_integral_value() else int(exact.to_integral_value())
        out.append(NumberMention(m.start, word.end, text[m.start - offset:word.end - offset], value, "words"))
        used.add(id(word))
    return out


def _exact_fraction(m: NumberMention) -> Decimal:
    """The exact value of a mention that holds a fraction: "a third" 1/3 (not 0.3333), "two and a half" 2.5."""
    f = _FRACTION.search(m.text)
    if f.group(4):
        part = Fraction(1, 2)
    else:
        part = Fraction(_NUMERATORS[f.group(1).lower()], _DENOMINATORS[f.group(3).lower()])
    whole = Fraction(str(m.value)) - Fraction(str(round(part.numerator / part.denominator, 4))) \
        if f.start() else Fraction(0)
    v = whole + part
    return Decimal(v.numerator) / Decimal(v.denominator)


#: A unit in per cent: a fraction's value may then be written as its per cent ("a quarter" as 25).
_PER_CENT_UNIT = re.compile(r"%|\bper[\s\u00a0]*cent\b|\bpercent\b", re.IGNORECASE)


def states_value(mention: NumberMention, value, unit=None) -> bool:
    """Whether an annotation's ``value`` is the number ``mention`` states.

    Its value exactly; for a fraction ("a third" is 0.3333) also the fraction rounded to two places or more
    (``0.33``, ``0.333``), or with a unit in per cent the same per cent (``33``, ``33.3``; "a quarter" is ``25``,
    "half" ``50``, "a fifth" ``20``, "a tenth" ``10``).

    Example:
        >>> third = find_numbers("a third of voters")[0]
        >>> [states_value(third, v) for v in (0.33, 0.333, 0.3, 3, 33)]
        [True, True, False, False, False]
        >>> [states_value(third, v, "per cent") for v in (33, 33.3, 30)], states_value(find_numbers("87th")[0], 87)
        ([True, True, False], True)
        >>> [states_value(find_numbers(t)[0], v, "per cent") for t, v in (("half of it", 50), ("half of it", 5))]
        [True, False]
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if mention.value == value:
        return True
    if mention.form == MILLION_OR_METRES:  # "80m": 80,000,000 or 80 (metres)
        return Decimal(str(value)) * _LETTERS["m"] == Decimal(str(mention.value))
    if mention.form != "fraction" or not math.isfinite(value):
        return False
    written = [Decimal(str(value))]
    if unit and _PER_CENT_UNIT.search(str(unit)):
        written.append(written[0] / 100)
        if written[1] == Decimal(str(mention.value)):
            return True  # "half" as 50 per cent, "a fifth" as 20, "a tenth" as 10
    for v in written:
        places = -v.normalize().as_tuple().exponent
        if places >= 2 and abs(v - Decimal(str(mention.value))) <= Decimal(5) / 10 ** (places + 1) + Decimal("0.0001"):
            return True
    return False


#: A scale word that ends a number in words: "two million", "half a million".
_WORD_SCALE = re.compile(r"[\s\u00a0\u2010\u2011-](" + "|".join(_SCALES) + r"|dozen)\Z", re.IGNORECASE)


def scale_fix(value, found: list[NumberMention]) -> str | None:
    """The fix for a ``value`` that leaves out the scale word or the fraction of the number its quote states
    (``value: 3.4`` for "3.4 trillion won", ``value: 3`` for "a third"), or None.

    Example:
        >>> scale_fix(3.4, find_numbers("a net loss of 3.4 trillion won"))
        "the quote has '3.4 trillion': write `value: 3400000000000` (a scale word is part of the number)"
        >>> scale_fix(12, find_numbers("a charge of ¥12bn"))
        "the quote has '12bn': write `value: 12000000000` (a scale word is part of the number)"
        >>> scale_fix(5, find_numbers("between 5 and 8 million"))  # doctest: +NORMALIZE_WHITESPACE
        "the quote has '5' (a range: the scale word after its other end is part of it too): write `value: 5000000`
        (a scale word is part of the number)"
        >>> scale_fix(0.5, find_numbers("half a million tonnes"))
        "the quote has 'half a million': write `value: 500000` (a scale word is part of the number, and so is a \
fraction before it)"
        >>> scale_fix(3, find_numbers("a third of voters"))
        "the quote has 'a third', a fraction: write `value: 0.33`, or `value: 33.3` with `unit: per cent`"
        >>> scale_fix(5, find_numbers("4 cases")) is None
        True
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    for m in found:
        digits = re.search(_DIGITS, m.text)
        if m.form != "digits" or not digits or m.value == value or m.value == 0 or len(m.text) > 40:
            continue
        if Decimal(digits.group(0).replace(",", "")) == Decimal(str(abs(value))):
            ranged = " (a range: the scale word after its other end is part of it too)" if \
                m.text.lstrip("-\u2212") == digits.group(0) else ""
            return (f"the quote has {m.text!r}{ranged}: write `value: {m.value}` (a scale word is part of the "
                    "number)")
    for m in found:
        scale = _WORD_SCALE.search(m.text)
        if m.form != "words" or not scale or m.value == value or len(m.text) > 60:
            continue
        factor = {**_SCALES, "dozen": 12}[scale.group(1).lower()]
        if Decimal(str(abs(value))) * factor == Decimal(str(abs(m.value))) and value != 0:
            return (f"the quote has {m.text!r}: write `value: {m.value}` (a scale word is part of the number, "
                    "and so is a fraction before it)" if _FRACTION.search(m.text) else
                    f"the quote has {m.text!r}: write `value: {m.value}` (a scale word is part of the number)")
    for m in found:
        if m.form == MILLION_OR_METRES:
            digits = fmt_value(m.value / _LETTERS["m"]).replace(",", "")
            return (f"the quote has {m.text!r}, which may be {digits} million or {digits} metres: write `value: "
                    f"{m.value}` for million, or `value: {digits}` with `unit: metres`")
    for m in found:
        if m.form == "fraction":
            two = round_half_up(m.value, 2)  # a tie away from zero, as by hand ("an eighth": 0.13)
            as_fraction = fmt_value(m.value) if two == m.value else f"{two}"
            return (f"the quote has {m.text!r}, a fraction: write `value: {as_fraction}`, or "
                    f"`value: {fmt_value(round_half_up(m.value * 100, 1))}` with `unit: per cent`")
    return None


def _money(text: str, start: int, end: int) -> bool:
    """Whether the number at ``start:end`` is money: a currency symbol or code stands just before it, or a currency
    word just after it.

    Example:
        >>> _money("US$80m", 3, 6), _money("EUR 80m", 4, 7), _money("80m euros", 0, 3), _money("a 5m wall", 2, 4)
        (True, True, True, False)
    """
    return bool(_MONEY_BEFORE.search(text[max(0, start - 30):start]) or _MONEY_AFTER.match(text, end))
#: Enough digits for any float quantized to any places a display asks for (a float has at most 309 digits before the
#: point), so :func:`round_half_up` never runs out of precision.
_HALF_UP = Context(prec=420, rounding=ROUND_HALF_UP)


def _half_up(d: Decimal, places: int) -> Decimal:
    """``d`` rounded to ``places`` decimals (negative: tens, hundreds ...), a tie away from zero."""
    return d.quantize(Decimal(1).scaleb(-places), context=_HALF_UP)


def round_half_up(v: float, places: int = 0) -> float:
    """``v`` rounded to ``places`` decimals (negative places: to tens, hundreds ...), a tie away from zero, as readers
    and students round by hand. Python's ``round`` rounds a tie to even (19,500 / 12 = 1,625 to three significant
    digits gave 1,620; by hand it is 1,630), and reads the tie from the binary value (``round(2.675, 2)`` is 2.67).
    Here the tie is read from the shortest decimal that gives back ``v`` (its ``repr``), the number a reader sees.
    Every number exportrow shows rounded goes through this (:func:`fmt_value`, :func:`fmt_rate`,
    :func:`stored_rate`, :func:`fmt_fixed`, :func:`fmt_percent`).

    Example:
        >>> round_half_up(1625.0, -1), round(1625.0, -1), round_half_up(2625.0, -1), round_half_up(2.675, 2)
        (1630.0, 1620.0, 2630.0, 2.68)
        >>> round_half_up(-2.5), round_half_up(0.125, 2), round_half_up(1.1666, 2), round_half_up(-0.001, 2)
        (-3.0, 0.13, 1.17, 0.0)
        >>> round_half_up(float("nan")) != round_half_up(float("nan")), round_half_up(1e300, -2) == 1e300
        (True, True)
    """
    v = float(v)
    if not math.isfinite(v):
        return v
    return float(_half_up(Decimal(repr(v)), places)) + 0.0  # + 0.0: never "-0"


def round_significant(v: float, digits: int) -> float:
    """``v`` to ``digits`` significant digits, a tie away from zero (:func:`round_half_up`).

    Example:
        >>> round_significant(1234.5, 4), round_significant(0.0012345, 4), round_significant(999.5, 3)
        (1235.0, 0.001235, 1000.0)
        >>> round_significant(0.0, 3)
        0.0
    """
    v = float(v)
    if not math.isfinite(v) or v == 0:
        return v
    return round_half_up(v, digits - (math.floor(math.log10(abs(v))) + 1))


def fmt_fixed(v: float, places: int, *, sign: bool = False) -> str:
    """``v`` with exactly ``places`` decimals, a tie rounded away from zero (:func:`round_half_up`), as a reader
    rounds: a factor ("1.13 times"), an agreement coefficient ("alpha 0.667"), a z-score; ``sign`` writes "+" before
    a positive value. Replaces ``f"{v:.2f}"``, which rounds a tie to even.

    Example:
        >>> fmt_fixed(1.125, 2), f"{1.125:.2f}", fmt_fixed(2 / 3, 3), fmt_fixed(0.8, 3), fmt_fixed(1.5, 2, sign=True)
        ('1.13', '1.12', '0.667', '0.800', '+1.50')
        >>> fmt_fixed(-0.0004, 3), fmt_fixed(float("nan"), 3)
        ('0.000', 'nan')
    """
    v = float(v)
    if not math.isfinite(v):
        return f"{v:{'+' if sign else ''}.{places}f}"
    d = _half_up(Decimal(repr(v)), places) + 0  # + 0: never "-0.000"
    text = f"{d:.{places}f}"
    return f"+{text}" if sign and d > 0 else text


def fmt_percent(share: float, places: int = 0, *, sign: bool = False) -> str:
    """A share (0.125) as a per cent (``"13%"``), a tie rounded away from zero as a reader rounds by hand; Python's
    ``f"{share:.0%}"`` gives "12%". The tie is read from the share as written (its ``repr``), times 100 exactly.
    ``sign`` writes "+" before a positive value (a change: "+13%").

    Example:
        >>> fmt_percent(0.125), f"{0.125:.0%}", fmt_percent(0.145), fmt_percent(1 / 3), fmt_percent(0.1234, 1)
        ('13%', '12%', '15%', '33%', '12.3%')
        >>> fmt_percent(-0.125), fmt_percent(0.0), fmt_percent(0.125, sign=True), fmt_percent(0.0, sign=True)
        ('-13%', '0%', '+13%', '+0%')
    """
    share = float(share)
    if not math.isfinite(share):
        return f"{share:{'+' if sign else ''}.{places}%}"
    d = _half_up(Decimal(repr(share)).scaleb(2), places) + 0
    return f"{'+' if sign and d >= 0 else ''}{d:.{places}f}%"


#: Scale words for large values (:func:`fmt_value`), largest first.
SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"))


def _scaled(v: float, *, exact: bool) -> str:
    """``v`` (at least a billion) as a number of billions or trillions to four significant digits; with ``exact``,
    ``""`` when those digits would change it (then it is written in full). ``""`` from a thousand trillion on."""
    for k, (size, word) in enumerate(SCALE_WORDS):
        if abs(v) < size:
            continue
        m = round_significant(v / size, 4)
        if abs(m) >= 1000 and k:  # 999.99 billion rounds to a trillion
            size, word = SCALE_WORDS[k - 1]
            m = round_significant(v / size, 4)
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
        v = round_half_up(v, decimals)
    if v.is_integer():
        return f"{int(v):,}"
    if decimals is not None:
        return f"{v:,.{decimals}f}".rstrip("0").rstrip(".")
    return f"{v:,.15g}" if abs(v) < 1e15 else f"{v:,.0f}"


#: The fewest significant digits a computed rate is shown with (more when its input states more: see
#: :func:`rate_places`); never more than two decimals, unless two decimals would leave fewer than two significant
#: digits (a rate under 0.1, such as 1 in 288 months = 0.00347 a month).
RATE_DIGITS = 3
#: Scale words for large rates (:func:`fmt_rate`), largest first.
_RATE_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def significant_digits(value) -> int:
    """The significant digits of a stated number as written: a whole number's trailing zeros do not count ("25.1
    million" is 25,100,000: 3 digits; "400,000": 1).

    Example:
        >>> significant_digits(25100000), significant_digits(400000), significant_digits(14), significant_digits(4.8)
        (3, 1, 2, 2)
        >>> significant_digits(1234567), significant_digits(0.05), significant_digits(0)
        (7, 1, 1)
    """
    v = Decimal(str(abs(float(value)))).normalize()
    if v == 0:
        return 1
    return len(v.as_tuple().digits)


def rate_places(v: float, of=None, decimals: int = 2) -> int:
    """The decimal places a computed rate ``v`` is rounded to: no more than :data:`RATE_DIGITS` significant digits
    (or as many as its input ``of`` states, when that is more) and never more than ``decimals``, unless ``decimals``
    would leave fewer than two significant digits (a rate under 0.1): then all those significant digits, so that a
    small rate is never shown as 0 or 0.0; negative places round to tens, hundreds ... (``-4``: to ten thousands).

    Example:
        >>> rate_places(1.1667), rate_places(33333.33), rate_places(2091666.67, 25100000)
        (2, -2, -4)
        >>> rate_places(102880.58, 1234567), rate_places(0.75), rate_places(1 / 288, 1), rate_places(0.0347)
        (1, 2, 5, 4)
    """
    if not math.isfinite(v) or v == 0:
        return decimals
    digits = max(RATE_DIGITS, significant_digits(of)) if of is not None else RATE_DIGITS
    whole = math.floor(math.log10(abs(v))) + 1  # digits before the point (0 for 0.5, -2 for 0.00347)
    capped = min(decimals, digits - whole)
    return digits - whole if capped < 2 - whole else capped


def stored_rate(v: float) -> float:
    """A computed rate per month as the tables store it (``per_month``): to two decimals, or to :data:`RATE_DIGITS`
    significant digits when that is finer (a rate under 1), so that a non-zero rate is never stored as 0.

    Example:
        >>> stored_rate(14 / 12), stored_rate(22 / 12), stored_rate(4.0), stored_rate(72 / 15), stored_rate(9 / 12)
        (1.17, 1.83, 4.0, 4.8, 0.75)
        >>> stored_rate(1 / 288), stored_rate(25100000 / 12), stored_rate(0.0)
        (0.00347, 2091666.67, 0.0)
    """
    v = float(v)
    if not math.isfinite(v) or v == 0:
        return v
    return round_half_up(v, max(2, RATE_DIGITS - (math.floor(math.log10(abs(v))) + 1)))


def fmt_rate(v: float, of=None, *, decimals: int = 2, fixed: bool = False) -> str:
    """A rate computed by exportrow (a count divided by months), shown no more precisely than the article states its
    input: to :data:`RATE_DIGITS` significant digits, or as many as the input ``of`` states when that is more (see
    :func:`rate_places`), never more than ``decimals`` decimals unless that would leave fewer than two significant
    digits (a rate under 0.1 keeps its significant digits: never "0" for a rate that is not 0); from a million on
    with a scale word, as articles write large amounts. ``fixed`` keeps trailing zeros of the decimals ("4.00", as a
    verdict writes both rates). The tables store ``per_month`` to two decimals or three significant digits, whichever
    is finer (:func:`stored_rate`).

    Examples:
        >>> fmt_rate(25100000 / 12, 25100000), fmt_rate(30400000 / 12, 30400000), fmt_rate(2091666666666.67)
        ('2.09 million', '2.53 million', '2.09 trillion')
        >>> fmt_rate(14 / 12, 14), fmt_rate(22 / 12), fmt_rate(4.0), fmt_rate(72 / 15), fmt_rate(4.0, fixed=True)
        ('1.17', '1.83', '4', '4.8', '4.00')
        >>> fmt_rate(400000 / 12, 400000), fmt_rate(1234567 / 12, 1234567), fmt_rate(999999.0)
        ('33,300', '102,880.6', '1 million')
        >>> fmt_rate(0.5, fixed=True), fmt_rate(9 / 12, 9, fixed=True), fmt_rate(1 / 288, 1), fmt_rate(1 / 300)
        ('0.50', '0.75', '0.00347', '0.00333')
        >>> fmt_rate(-2500000.0), fmt_rate(float("nan"))
        ('-2.5 million', 'nan')

    A tie rounds away from zero, as a student rounds by hand (:func:`round_half_up`), never to even:

        >>> fmt_rate(19500 / 12, 19500), fmt_rate(31500 / 12, 31500), fmt_rate(0.125 / 12 * 12), fmt_rate(30450000.0)
        ('1,630', '2,630', '0.13', '30.5 million')
    """
    v = float(v)
    if not math.isfinite(v):
        return fmt_value(v)
    places = rate_places(v, of, decimals)
    r = round_half_up(v, places)  # a tie away from zero, as by hand: 19,500 / 12 = 1,625 is 1,630
    for size, word in _RATE_SCALES:
        if abs(r) >= size:
            digits = max(0, places + len(str(int(size))) - 1)  # the same digits, counted after the scale word
            m = round_half_up(r / size, digits)
            return f"{m:,.{digits}f}".rstrip("0").rstrip(".") + f" {word}"
    if places <= 0:
        return f"{int(r):,}"
    text = f"{r:,.{places}f}"
    return text if fixed else (text.rstrip("0").rstrip(".") if "." in text else text)
