""""minus" keeps its sign across a line break, a thin or narrow space, a non-breaking hyphen and an en dash (review
10, finding 5); an en dash between two numbers stays a range."""

import pytest

from exportrow import load_article
from exportrow.annotations import load_annotation
from exportrow.numbers import find_numbers


@pytest.mark.parametrize("text", ["minus\n0.4", "minus\u20110.4", "minus\u202f0.4", "minus\u20090.4",
                                  "minus \u2013 0.4", "minus - 0.4", "Minus\u20130.4", "negative\r\n0.4"])
def test_minus_before_a_number_keeps_its_sign(text):
    assert [(m.text, m.value) for m in find_numbers(f"growth of {text} per cent")] == [(text, -0.4)]


def test_an_en_dash_between_two_numbers_is_a_range_not_a_sign():
    assert [m.value for m in find_numbers("in 2015\u20132019 and 2015 \u2013 2019")] == [2015, 2019, 2015, 2019]


def test_check_accepts_a_negative_value_quoted_with_minus_and_an_en_dash(tmp_path):
    article = tmp_path / "art.txt"
    article.write_text("---\ntitle: Growth\npublished: 2024-02-10\ntimezone: Europe/Berlin\nlanguage: en\n---\n"
                       "Growth was minus \u2013 0.4 per cent in 2023, the office said, and minus\n0.2 per cent "
                       "in 2022.\n",
                       encoding="utf-8")
    art = load_article(article)
    ann = tmp_path / "art.yaml"
    ann.write_text(f"exportrow: 1\narticle:\n  file: art.txt\n  sha256: {art.sha256}\nsides: [a, b]\nactors:\n"
                   "  - {id: office, name: Statistics office, side: a, kind: organisation, quote: the office}\n"
                   "figures:\n"
                   "  - {id: g23, quantity: growth, value: -0.4, unit: per cent, kind: level, period: '2023', "
                   "actor: office, quote: \"minus \u2013 0.4 per cent in 2023\"}\n"
                   "  - {id: g22, quantity: growth, value: -0.2, unit: per cent, kind: level, period: '2022', "
                   "actor: office, quote: \"minus\\n0.2 per cent in 2022\"}\n", encoding="utf-8")
    loaded = load_annotation(ann, art)
    assert [(f["id"], f["value"]) for f in loaded.figures] == [("g23", -0.4), ("g22", -0.2)]
