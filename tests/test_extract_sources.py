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
