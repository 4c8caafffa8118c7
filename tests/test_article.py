import hashlib

import pytest

from exportrow import paths
from exportrow.article import ArticleFormatError, load_article, normalize

SEED_SHA256 = "8111112eceb8b945634297645461e6cce255c06678d69ea83588695b5b054f1e"


def test_raw_article_is_the_seed_byte_for_byte():
    assert hashlib.sha256(paths.default_article().read_bytes()).hexdigest() == SEED_SHA256


def test_metadata(article):
    assert article.title == "South Korea-Japan row rages on, this time over export details"
    assert article.outlet == "Nikkei Asian Review"
    assert article.label == "English Press"
    assert article.dateline == "SEOUL/TOKYO"
    assert str(article.published) == "2019-07-12 07:30:00+09:00"
    assert str(article.published.tz) == "Asia/Tokyo"
    assert article.sha256 == SEED_SHA256


def test_capture_noise_is_not_body(article):
    body = " ".join(p.text for p in article.paragraphs)
    for noise in ("print PRINT", "English Press", "Ambassador", "Ukraine", "COVID-19", "Trending Japan",
                  "7:30 a.m.", "SEOUL/TOKYO"):
        assert noise not in body
    assert article.navigation == ["Ambassador", "Ukraine", "COVID-19", "Trending Japan"]
    assert article.find("COVID-19") == []


def test_paragraphs_and_sentences_point_into_raw(article):
    assert len(article.paragraphs) == 18
    assert article.paragraphs[0].text.startswith("Seoul has pointed to its interceptions")
    assert article.paragraphs[-1].text.endswith("the lifting of the restrictions.")
    for span in article.paragraphs + article.sentences:
        assert article.raw[span.start:span.end] == span.text
    texts = [s.text for s in article.sentences]
    assert "But Japan remains unconvinced." in texts
    # "U.S." does not end a sentence
    assert any(t.startswith("South Korean Foreign Minister Kang") and t.endswith("by phone Wednesday.")
               for t in texts)
    assert len(article.sentences) == 28


def test_typed_quote_matches_nbsp_and_curly_quotes(article):
    typed = "Tokyo's export curbs on semiconductor materials"
    (span,) = article.find(typed)
    assert "\u00a0" in span.text and "\u2019" in span.text
    assert article.raw[span.start:span.end] == span.text
    (q,) = article.find('"Just because South Korea caught some cases doesn\'t mean it\'s doing enough,"')
    assert article.raw[q.start] == "\u201c" and article.raw[q.end - 1] == "\u201d"
    # dash variants and runs of whitespace
    (em,) = article.find("SEOUL/TOKYO - Seoul has pointed")
    assert "\u2014" in em.text
    (d,) = article.find("Japan-made   etching gas")
    assert d.text == "Japan-made etching gas"


def test_prefix_and_suffix_pick_one_place(article):
    assert len(article.find("Tokyo")) == 5
    (s,) = article.find("Tokyo", prefix="immediate rebuttal from")
    assert article.raw[s.start - 14:s.start] == "rebuttal from "


def test_normalize_maps_back():
    folded, where = normalize("a\u00a0\u00a0b \u201cc\u201d \u2014 d")
    assert folded == 'a b "c" - d'
    assert len(where) == len(folded)


def test_bad_article_files(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("caf\xe9".encode("latin-1"))
    with pytest.raises(ArticleFormatError, match="not UTF-8"):
        load_article(p)
    p2 = tmp_path / "nodate.txt"
    p2.write_text("Title\n\n  • English Press\n\nBody.\n", encoding="utf-8")
    with pytest.raises(ArticleFormatError, match="no date bullet"):
        load_article(p2)
    with pytest.raises(ArticleFormatError, match="no such article"):
        load_article(tmp_path / "missing.txt")
