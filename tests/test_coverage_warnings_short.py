"""Coverage warnings quote ~100 characters around the number and stop after 20 (review 11c F8)."""

import hashlib

from exportrow.annotations import load_annotation
from exportrow.annotations.sections import COVERAGE_WARNINGS_SHOWN
from exportrow.article import load_article
from exportrow.cli import main

HEAD = "---\ntitle: Boats\noutlet: Example Gazette\npublished: 2019-07-12\n---\n"


def write(tmp_path, body):
    art = tmp_path / "a.txt"
    art.write_text(HEAD + body, encoding="utf-8")
    ann = tmp_path / "a.yaml"
    ann.write_text("exportrow: 1\narticle:\n  file: a.txt\n"
                   f"  sha256: {hashlib.sha256(art.read_bytes()).hexdigest()}\n"
                   "sides: [a, b]\nactors:\n  - id: outlet\n    name: Outlet\n    side: outlet\n    kind: outlet\n"
                   "    quote: harbour\n", encoding="utf-8")
    return art, ann


def test_a_long_sentence_is_quoted_around_the_number_and_the_rest_summed_up(tmp_path, capsys):
    body = "Boats came to the harbour, " + ", ".join(f"then there were {1000 + k} boats" for k in range(300)) + ".\n"
    art, ann = write(tmp_path, body)
    warnings = load_annotation(ann, load_article(art)).warnings
    assert len(warnings) == COVERAGE_WARNINGS_SHOWN + 1 == 21
    first, size = warnings[0], f"(in a sentence of {len(body.strip()):,} characters)"
    offset = (HEAD + body).index("1000")
    assert first.message == f"number '1000' at offset {offset} is neither a figure, a date nor ignored"
    assert first.fix == ("add a figure or an ignored_numbers entry for: 'Boats came to the harbour, then there were "
                         f"1000 boats, then there were 1001 boats, then there' {size}")
    assert warnings[10].fix == ("add a figure or an ignored_numbers entry for: 'then there were 1009 boats, then there "
                                f"were 1010 boats, then there were 1011 boats, then there' {size}")
    assert all(len(w.fix) < 250 for w in warnings)
    last = warnings[-1]
    assert last.message == ("and 280 more numbers are neither a figure, a date nor ignored "
                            "(only the first 20 are listed)")
    assert last.fix == ("see them all marked in the article: "
                        f"exportrow view {art} --annotation {ann} --out coverage.html")
    assert main(["check", str(ann)]) == 0
    err = capsys.readouterr().err
    assert err.count("warning: ") == 21 and len(err) < 21 * 400


def test_a_short_sentence_is_still_quoted_whole_and_a_huge_number_is_cut(tmp_path):
    body = "There were 90 boats in the harbour. Then " + "1" * 400 + " more came.\n"
    art, ann = write(tmp_path, body)
    first, second = load_annotation(ann, load_article(art)).warnings
    assert first.fix == "add a figure or an ignored_numbers entry for: 'There were 90 boats in the harbour.'"
    offset = (HEAD + body).index("1" * 400)
    assert second.message == ("number '" + "1" * 58 + f"\u2026' (400 characters) at offset {offset} is neither a "
                              "figure, a date nor ignored")
    assert second.fix == ("add a figure or an ignored_numbers entry for: '" + "1" * 58 + "\u2026' (400 characters)")
