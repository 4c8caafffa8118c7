"""Article.find with prefix/suffix compares in place: no copy of the article per occurrence (review 11c F5)."""

import copy
import random

from exportrow.article import load_article, normalize


class CountingStr(str):
    """A str that adds up the length of every piece cut out of it."""

    cut = 0

    def __getitem__(self, key):
        piece = str.__getitem__(self, key)
        CountingStr.cut += len(piece)
        return piece


def old_find(art, quote, prefix=None, suffix=None):
    """Article.find before review 11c (F5): the reference for its results."""
    q, _ = normalize(quote.strip())
    if not q:
        return []
    pre = normalize(prefix)[0] if prefix else ""
    suf = normalize(suffix)[0] if suffix else ""
    folded, where = art._folded, art._where
    spans = []
    i = folded.find(q)
    while i >= 0:
        j = i + len(q)
        ok = (not pre or folded[:i].rstrip().endswith(pre.rstrip())) and (
            not suf or folded[j:].lstrip().startswith(suf.lstrip()))
        if ok:
            spans.append((where[i], where[j - 1] + 1))
        i = folded.find(q, i + 1)
    return spans


def body_article(tmp_path, body):
    path = tmp_path / "a.txt"
    path.write_text(body, encoding="utf-8")
    return load_article(path)


def test_prefix_and_suffix_pick_the_same_places_as_before(article):
    cases = [("Tokyo", "rebuttal from ", None), ("Tokyo", "from", None), ("Tokyo", None, "'s"),
             ("Seoul", None, " has"), ("Seoul", "", ""), ("the", "of ", " "), ("the", " of", "restrictions"),
             ("South Korea", "\u201c", None), ("Japan", "nobody wrote this", None), ("Japan", None, "nor this")]
    for quote, prefix, suffix in cases:
        got = [(s.start, s.end) for s in article.find(quote, prefix=prefix, suffix=suffix)]
        assert got == old_find(article, quote, prefix, suffix), (quote, prefix, suffix)
    assert len(article.find("Tokyo", prefix="immediate rebuttal from")) == 1


def test_random_prefixes_and_suffixes_agree_with_the_old_find(tmp_path):
    rng = random.Random(5)
    words = ["x", "y", "z", "xy", " ", "  ", "\u00a0", "\u2019", "-"]
    body = "".join(rng.choice(words) for _ in range(400)).strip() + "\n"
    art = body_article(tmp_path, body)
    for _ in range(400):
        quote = rng.choice(["x", "y", "xy", "z x", "y-z"])
        prefix = rng.choice([None, "y", "y ", " x", "z\u00a0", "\u2019", "x y"])
        suffix = rng.choice([None, "z", " z", "x ", "y x", "'"])
        got = [(s.start, s.end) for s in art.find(quote, prefix=prefix, suffix=suffix)]
        assert got == old_find(art, quote, prefix, suffix), (quote, prefix, suffix)


def test_a_common_quote_with_a_prefix_cuts_nothing_long_out_of_the_article(tmp_path):
    art = body_article(tmp_path, "x " * 20_000 + "y x z\n")
    counted = copy.copy(art)
    counted._folded = CountingStr(art._folded)
    CountingStr.cut = 0
    (hit,) = counted.find("x", prefix="y")
    assert (hit.start, hit.end) == (40_002, 40_003)
    (hit,) = counted.find("x", suffix="z")
    assert hit.start == 40_002
    assert CountingStr.cut < 10 * 20_000
