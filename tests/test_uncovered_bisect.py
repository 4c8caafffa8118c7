"""Annotation.uncovered_numbers finds the covering entry by bisection, not by testing every entry (review 11c)."""

from pathlib import Path

import pytest

from exportrow.annotations import load_annotation
from exportrow.article import load_article
from exportrow.numbers import find_numbers

ROOT = Path(__file__).resolve().parent.parent
PAIRS = [(None, None)] + [(p, p.with_suffix(".txt")) for p in sorted((ROOT / "tests" / "fixtures").rglob("*.yaml"))
                          if p.with_suffix(".txt").is_file()]


def scanned(ann):
    """uncovered_numbers before review 11c: every number tested against every covering span."""
    covered = [(f["value_span"].start, f["value_span"].end) for f in ann.figures]
    covered += [(f["period_span"].start, f["period_span"].end) for f in ann.figures if f.get("period_span")]
    covered += [(e["expression_span"].start, e["expression_span"].end) for e in ann.events
                if e.get("expression_span")]
    covered += [(i["span"].start, i["span"].end) for i in ann.ignored_numbers]
    return [(m.start, m.end, m.text) for p in ann.article.paragraphs for m in find_numbers(p.text, p.start)
            if not any(a <= m.start and m.end <= b for a, b in covered)]


@pytest.mark.parametrize("yaml_path,text_path", PAIRS, ids=lambda p: p.name if p else "bundled")
def test_the_same_numbers_are_uncovered_as_with_the_scan(yaml_path, text_path):
    try:
        ann = load_annotation(yaml_path, load_article(text_path) if text_path else None)
    except Exception:  # a fixture meant to be refused, or a coding rather than an annotation
        pytest.skip("not a valid annotation")
    assert ann.uncovered_numbers() == scanned(ann)


def test_dropping_an_ignored_quote_uncovers_exactly_its_numbers(article):
    ann = load_annotation(None, article)
    assert ann.uncovered_numbers() == []
    dropped = ann.ignored_numbers[0]
    ann.ignored_numbers = ann.ignored_numbers[1:]
    inside = [(m.start, m.end, m.text) for m in find_numbers(dropped["span"].text, dropped["span"].start)]
    assert inside and set(ann.uncovered_numbers()) <= set(inside)
    assert ann.uncovered_numbers() == scanned(ann)
