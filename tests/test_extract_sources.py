"""extract proposes each unnamed source once: "An official in X, who asked not to be named" is one source."""

from exportrow import load_article
from exportrow.extract import propose

HEAD = '---\ntitle: "Talks"\noutlet: "Courier"\npublished: "2023-10-05"\nlanguage: "en"\n---\n'


def _sources(tmp_path, body):
    path = tmp_path / "a.txt"
    path.write_text(HEAD + body + "\n", encoding="utf-8")
    return [c.text for c in propose(load_article(path)).anonymous]


def test_who_asked_not_to_be_named_after_a_source_is_the_same_source(tmp_path):
    body = "An official in Kestral, who asked not to be named, said talks could resume next Tuesday."
    assert _sources(tmp_path, body) == ["An official in Kestral"]


def test_who_asked_not_to_be_named_alone_is_a_source(tmp_path):
    body = ("The minister met the envoy on Monday. A man who asked not to be named said the talks had failed. "
            "An official in Kestral said talks could resume.")
    assert _sources(tmp_path, body) == ["who asked not to be named", "An official in Kestral"]


def test_a_plural_source_is_proposed_with_its_plural(tmp_path):
    """Review 16b, finding 6: the alternation tried each singular first with no word boundary after it, so "two
    officials said" was proposed as the source "two official"."""
    body = ("Wheat is on a list under review, two officials said. Several aides called the list a bluff. "
            "Two sources close to the talks said a deal was near. A Kestral diplomat was not so sure, and two "
            "Kestral diplomats disagreed. Several insiders said the talks would fail.")
    assert _sources(tmp_path, body) == ["two officials", "Several aides", "Two sources close to the talks",
                                        "A Kestral diplomat", "two Kestral diplomats", "Several insiders"]


def test_the_reviewers_article_proposes_two_officials(tmp_path):
    from conftest import FIXTURES

    art = load_article(FIXTURES / "review16b" / "pacific-trade-wire-2025-03-13-steel-duties.txt")
    assert [c.text for c in propose(art).anonymous] == ["A senior Australian official", "two officials"]


def test_a_word_that_only_begins_with_a_source_word_is_not_a_source(tmp_path):
    body = "An officialdom of clerks met. A personal view was given. Several sourced reports were read."
    assert _sources(tmp_path, body) == []
