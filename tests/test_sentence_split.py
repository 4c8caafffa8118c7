"""The sentence splitter takes linear time and splits exactly as the old (quadratic) splitter did."""

import random
import re
import types
from pathlib import Path

import pytest

from exportrow import article as article_module
from exportrow import paths
from exportrow.article import _ABBREVIATIONS, _split_sentences
from exportrow.capture import Span, parse_capture

ROOT = Path(__file__).resolve().parent.parent


def old_split_sentences(raw: str, para: Span) -> list[Span]:
    """The splitter before review 11c (F1), kept verbatim as the reference for the splits."""
    text = para.text
    out = []
    begin = 0
    for m in re.finditer(r"[.!?][\"'\u201d\u2019]?(?=\s+[\"'\u201c\u2018]?[A-Z0-9])", text):
        word = re.search(r"(\S+)$", text[begin:m.start()])
        token = (word.group(1) if word else "").lower().lstrip("\"'\u201c\u2018(")
        if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token):
            continue
        end = m.end()
        out.append((begin, end))
        rest = text[end:]
        begin = end + (len(rest) - len(rest.lstrip()))
    if begin < len(text.rstrip()):
        out.append((begin, len(text.rstrip())))
    return [Span(para.start + a, para.start + b, raw[para.start + a:para.start + b]) for a, b in out]


def article_files():
    return [paths.default_article()] + sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))


def whole(text: str) -> Span:
    return Span(0, len(text), text)


@pytest.mark.parametrize("path", article_files(), ids=lambda p: p.name)
def test_splits_of_every_fixture_article_are_unchanged(path):
    raw = path.read_text(encoding="utf-8")
    try:
        paragraphs = parse_capture(raw).paragraphs
    except Exception:  # a fixture that is meant to be refused has no paragraphs to split
        paragraphs = []
    for para in paragraphs + [whole(raw)]:
        assert _split_sentences(raw, para) == old_split_sentences(raw, para)


CRAFTED = [
    "Mr. A. Smith said so. 90 boats were seized! Really? \u201cYes.\u201d He left.",
    "The U.S. and the U.K. met. Then Dr. Who spoke at 3 p.m. Friday. Jan. 5 was cold.",
    "(Mr. Kim) said no. \u2018Mr. Lee\u2019 said yes. \"Ms. Park.\" Next one.",
    "A word\n. Next line. Mr\n. Smith. x\n\n. Y again.",
    "Ends with spaces.   \t Then more.  ",
    "Tabs\tand\u00a0no-break\u00a0spaces. Also\u2003em spaces. 2019 was a year. Done",
    ". Leading stop. ! Odd? ?",
    "",
    "   ",
    "x" * 500 + " now. The ministry said 90 boats were seized in 2019.",
    "Mr. A " * 200,
    "x. A " * 200 + "end.",
    "(((((Mr. Smith went. ((((a. B. C.",
]


@pytest.mark.parametrize("text", CRAFTED)
def test_splits_of_crafted_text_are_unchanged(text):
    assert _split_sentences(text, whole(text)) == old_split_sentences(text, whole(text))


def test_splits_of_random_text_are_unchanged():
    pieces = ["Mr", "mr", "U.S", "a", "B", "x", "9", ".", ". ", "! ", "? ", " ", "  ", "\n", "\t", "\u00a0",
              "\"", "'", "\u201c", "\u201d", "\u2018", "\u2019", "(", "word", "Next"]
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert _split_sentences(text, whole(text)) == old_split_sentences(text, whole(text)), repr(text)


def test_a_paragraph_of_initials_is_one_sentence():
    text = "Mr. A " * 5000
    assert [s.text for s in _split_sentences(text, whole(text))] == [text.rstrip()]


def test_a_long_unbroken_token_is_split_after_it():
    text = "See " + "x" * 100_000 + " now. The ministry said 90 boats were seized in 2019."
    spans = _split_sentences(text, whole(text))
    assert [s.text[-5:] for s in spans] == [" now.", "2019."]
    assert spans[1].start == len(text) - len("The ministry said 90 boats were seized in 2019.")


def test_the_splitter_hands_the_regex_engine_each_character_a_bounded_number_of_times(monkeypatch):
    """The old splitter searched the text from the sentence's start again at every abbreviation."""
    handed = []

    def counted(name):
        real = getattr(re, name)

        def call(pattern, string, *args, **kwargs):
            handed.append(len(string))
            return real(pattern, string, *args, **kwargs)
        return call

    fake = types.SimpleNamespace(**{name: counted(name) for name in ("search", "match", "fullmatch", "finditer")},
                                 compile=re.compile)
    monkeypatch.setattr(article_module, "re", fake)
    text = "Mr. A " * 3000
    assert len(_split_sentences(text, whole(text))) == 1
    assert sum(handed) < 2 * len(text)
