"""Numbers in digits and words: one number only where English makes one."""

import pytest

from exportrow.numbers import find_numbers, parse_number


@pytest.mark.parametrize("text,values", [
    ("one and two", [1, 2]),                     # two numbers, not three
    ("one two", [1, 2]),
    ("one hundred and fifty-six", [156]),
    ("two thousand and nineteen", [2019]),
    ("twenty-one cases", [21]),
    ("1.5 million people", [1_500_000]),         # digits with a scale word: one value
    ("2 billion yen", [2_000_000_000]),
    ("1,024 and 2.5", [1024, 2.5]),
    ("its second deputy chief", [2]),
    ("between 5 and 8 million crowns", [5_000_000, 8_000_000]),  # a range writes its scale once
    ("5 to 8 million", [5_000_000, 8_000_000]),
    ("12-15 thousand", [12_000, 15_000]),
    ("in 2019 and 2 million more", [2019, 2_000_000]),  # not a range: the first is not below the second
    ("5 and 8 million", [5, 8_000_000]),                # "and" joins a range only after "between"
])
def test_numbers(text, values):
    assert [m.value for m in find_numbers(text)] == values


def test_a_scaled_value_is_one_number():
    m = find_numbers("sales of 1.5 million units")[0]
    assert (m.text, m.value, m.form) == ("1.5 million", 1500000, "digits")
    assert parse_number("1.5 million") == 1500000 and parse_number("one and two") is None


@pytest.mark.parametrize("text, found", [
    ("inflation was minus-0.4 per cent", [("minus-0.4", -0.4)]),    # the word joined by a hyphen: negative
    ("Minus\u22122 degrees", [("Minus\u22122", -2)]),
    ("a negative-five rating", [("negative-five", -5)]),
    ("minus 0.4, -0.4 and \u22120.4", [("minus 0.4", -0.4), ("-0.4", -0.4), ("\u22120.4", -0.4)]),
    ("in 2015-2019", [("2015", 2015), ("2019", 2019)]),              # hyphens that stay hyphens
    ("COVID-19 cases", [("19", 19)]),
    ("a 3-year plan", [("3", 3)]),
    ("the aminus-3 code", [("3", 3)]),                               # "minus" inside another word is no sign
])
def test_minus_joined_by_a_hyphen(text, found):
    assert [(m.text, m.value) for m in find_numbers(text)] == found
