"""A number beyond the range of a float is listed as ignored in the draft, never an internal error (review 11c F4)."""

from exportrow import extract
from exportrow.article import load_article
from exportrow.cli import main

HEAD = "---\ntitle: T\noutlet: Example Gazette\npublished: 2021-03-03\n---\n"


def write(tmp_path, body):
    path = tmp_path / "a.txt"
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def test_a_310_digit_number_is_ignored_as_too_large(tmp_path):
    path = write(tmp_path, "There were 1" + "0" * 309 + " seizures. Later 90 boats were seized.\n")
    props = extract.propose(load_article(path))
    assert [f.mention.text for f in props.figures] == ["90"]
    [(mention, sentence, reason)] = props.ignored
    assert len(mention.text) == 310 and sentence.text.startswith("There were 1000")
    assert reason == "a number of 310 digits is too large to be a figure"
    draft = extract.draft_annotation(load_article(path))
    assert "    reason: TODO   # a number of 310 digits is too large to be a figure" in draft
    assert "    value: 90         # written '90' (digits)" in draft


def test_the_largest_float_is_still_a_figure_and_a_decimal_beyond_it_is_not(tmp_path):
    largest = str(int(1.7976931348623157e308))
    path = write(tmp_path, f"There were {largest} seizures. And 2{'0' * 320}.5 boats.\n")
    props = extract.propose(load_article(path))
    assert [f.mention.text for f in props.figures] == [largest]
    assert [reason for _, _, reason in props.ignored] == ["a number of 322 digits is too large to be a figure"]
    assert f"    value: {largest}  " in extract.draft_annotation(load_article(path))


def test_extract_of_a_thousand_digit_number_exits_0(tmp_path, capsys):
    path = write(tmp_path, "There were " + "7" * 1000 + " seizures.\n")
    out = tmp_path / "draft.yaml"
    assert main(["extract", str(path), "--out", str(out)]) == 0
    assert "a number of 1,000 digits is too large to be a figure" in out.read_text(encoding="utf-8")
    assert "internal error" not in capsys.readouterr().err


def test_a_length_in_words_beyond_a_float_is_no_length():
    """checks._period subtracted it from a float: OverflowError."""
    from exportrow.checks import months_in_words

    assert months_in_words("1" + "0" * 400 + " years") is None
    assert months_in_words("the past 4 years") == 48
