"""A sentence of many thousand characters (a pasted table, a text that lost its full stops) drafts small quotes.

Each of its numbers used to quote the whole sentence, so a 100,000-character sentence made a draft of hundreds of
megabytes (and ran out of memory under a 2 GB limit); and the words before every number were read from the
sentence's start. Now a long sentence is quoted by the whole words around each number or date, still the article's
own words.
"""
import re

import yaml

from exportrow.article import load_article
from exportrow.extract import _LONG_SENTENCE, draft_annotation

HEADER = """---
title: A long sentence
outlet: The Test Gazette
published: 2024-03-15
---

"""


def _article(tmp_path, n):
    body = "".join(f"in 2019 there were {1000 + i} boats, " for i in range(n)) + "and that was all."
    path = tmp_path / "long.txt"
    path.write_text(HEADER + body + "\n", encoding="utf-8")
    return path, body


def test_every_quote_of_a_long_sentence_is_short_and_the_articles_own_words(tmp_path):
    path, body = _article(tmp_path, 400)  # one sentence of about 12,000 characters
    assert len(body) > 10 * _LONG_SENTENCE
    draft = yaml.safe_load(draft_annotation(load_article(path)))
    quotes = [f["quote"] for f in draft["figures"]] + [e["quote"] for e in draft["events"]]
    assert len(draft["figures"]) == 400 and len(quotes) > 400
    assert max(map(len, quotes)) <= 2 * 150 + 40
    flat = " ".join(body.split())
    assert all(q in flat for q in quotes)
    # each figure's quote holds its own number, whole (not cut inside a word at either end)
    for f in draft["figures"]:
        assert re.search(rf"(?<!\d){f['value']} boats", f["quote"])
        start, end = flat.index(f["quote"]), flat.index(f["quote"]) + len(f["quote"])
        assert start == 0 or flat[start - 1] == " "
        assert end == len(flat) or flat[end] == " "


def test_a_sentence_under_the_limit_is_still_quoted_whole(tmp_path):
    path, body = _article(tmp_path, 10)
    assert len(body) <= _LONG_SENTENCE
    draft = yaml.safe_load(draft_annotation(load_article(path)))
    assert {f["quote"] for f in draft["figures"]} == {" ".join(body.split())}
