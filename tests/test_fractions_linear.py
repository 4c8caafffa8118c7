"""numbers._with_fractions finds the numbers inside a fraction, and the whole number before "and a half", without
testing every number for every fraction (400 kB of "half a million, " took minutes). The readings are those of the
old quadratic code, kept here as the reference."""
import random
import re

import pytest

from exportrow import numbers
from exportrow.numbers import NumberMention, find_numbers

_AND_A = re.compile(r"[\s\u00a0]+and[\s\u00a0]+\Z", re.IGNORECASE)


def _old_with_fractions(text, offset, found):
    fractions = numbers._fractions(text)
    if not fractions:
        return found
    out = [m for m in found if not any(a < m.end - offset and m.start - offset < b for a, b, _ in fractions)]
    for a, b, value in fractions:
        whole = next((m for m in out if m.end - offset <= a and _AND_A.fullmatch(text, m.end - offset, a)
                      and m.form in ("digits", "words") and abs(m.value) < 1000), None)
        if whole is not None and text[a:b].lower().startswith(("a ", "an ")):
            out.remove(whole)
            out.append(NumberMention(whole.start, offset + b, text[whole.start - offset:b],
                                     float(whole.value) + value, whole.form))
        else:
            out.append(NumberMention(offset + a, offset + b, text[a:b], value, "fraction"))
    return numbers._scale_fractions(text, offset, sorted(out, key=lambda m: m.start))


WORDS = ["two", "and", "a", "half", "third", "thirds", "quarter", "million", "one", "3", "12", "by", "of", "the",
         "second", "rose", "AND", "an", "  ", "\u00a0", "-", "two-thirds", "half-million", "dozen", ",", "."]


def _texts():
    rng = random.Random(11)
    fixed = ["two and a half", "3 and a quarter of voters", "two  and\u00a0a half million", "one and a half and a half",
             "by a third, two-thirds and half a million", "12 AND a half", "the second half and a third of them"]
    return fixed + [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 30))) for _ in range(3000)]


@pytest.mark.parametrize("offset", [0, 17])
def test_the_same_readings_as_the_quadratic_code(monkeypatch, offset):
    texts = _texts()
    new = [find_numbers(t, offset) for t in texts]
    monkeypatch.setattr(numbers, "_with_fractions", _old_with_fractions)
    old = [find_numbers(t, offset) for t in texts]
    assert new == old
    assert sum(any(m.form == "fraction" for m in r) for r in new) > 300  # the texts do hold fractions


def test_the_fractions_are_matched_to_numbers_without_testing_every_pair(monkeypatch):
    text = "half a million, 2 and a half, " * 2000
    calls = []
    real = numbers._and_before
    monkeypatch.setattr(numbers, "_and_before", lambda t, a: calls.append(a) or real(t, a))
    found = find_numbers(text)
    assert len(calls) == 4000  # one look before each fraction, not one per number and fraction
    assert [m.value for m in found[:2]] == [500000, 2.5]
