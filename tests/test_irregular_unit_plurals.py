"""Units: irregular plurals ("people", "children", "men", "women") are one unit with their singular."""

from __future__ import annotations

import pandas as pd
import pytest

from exportrow.checks import check_one
from exportrow.comparable import same_unit, unit_key


def judge(new_unit: str, old_unit: str) -> tuple[str, str, str, str]:
    figs = pd.DataFrame({"figure_id": ["new", "old"], "value": [410.0, 200.0], "unit": [new_unit, old_unit],
                         "quantity": ["q", "q"], "months": [12, 12], "basis": ["stated", "stated"]})
    st = pd.Series({"statement_id": "s", "check": "growth_factor", "figures": "new;old", "wording": "doubled",
                    "wording_source": "article", "quote": "doubled"})
    return check_one(st, figs.set_index("figure_id"))


@pytest.mark.parametrize("a, b", [("person", "people"), ("child", "children"), ("man", "men"), ("woman", "women"),
                                  ("tonne", "tonnes"), ("case", "cases"), ("People", "persons"),
                                  ("tonnes of rice", "tonne of rice")])
def test_singular_and_plural_are_one_unit(a, b):
    assert same_unit(a, b) and unit_key(a) == unit_key(b)


@pytest.mark.parametrize("a, b", [("people", "cases"), ("men", "women"), ("children", "child care")])
def test_different_units_stay_different(a, b):
    assert not same_unit(a, b)


def test_a_growth_check_between_person_and_people_is_accepted():
    value, verdict, _, why = judge("people", "person")
    assert (value, verdict) == ("410 / 200 = 2.05x", "supported")
    assert why.startswith("'doubled' means about 2 times")


def test_a_growth_check_between_people_and_cases_is_refused():
    value, verdict, _, why = judge("people", "cases")
    assert (value, verdict) == ("", "cannot_check")
    assert why == ("the figures are in different units: new is in people, old in cases; growth_factor compares two "
                   "values of the same unit")


@pytest.mark.parametrize("a, b, key", [("fisherman", "fishermen", "fisherman"), ("policeman", "policemen", "policeman"),
                                       ("bus", "buses", "bus"), ("virus", "viruses", "virus"),
                                       ("crisis", "crises", "crisis"), ("analysis", "analyses", "analysis"),
                                       ("gas", "gases", "gas"), ("abuse", "abuses", "abuse"),
                                       ("house", "houses", "house"), ("specimen", "specimens", "specimen"),
                                       ("hypothesis", "hypotheses", "hypothesis")])
def test_review8_plurals_in_men_uses_and_ses_are_one_unit(a, b, key):
    assert unit_key(a) == unit_key(b) == key
    assert same_unit(a, b)


@pytest.mark.parametrize("a, b", [("news", "new"), ("bus", "bu"), ("crisis", "crisi"), ("fishermen", "fisher")])
def test_review8_words_that_only_look_alike_stay_apart(a, b):
    assert not same_unit(a, b)


def test_review8_a_growth_check_between_fishermen_and_fisherman_is_judged():
    value, verdict, _, _ = judge("fishermen", "fisherman")
    assert (value, verdict) == ("410 / 200 = 2.05x", "supported")
