"""`check` scans a sentence for date expressions once, however many figures it holds (review 11c F7)."""

from exportrow import dates
from exportrow.article import load_article
from exportrow.dates import part_of_wider

HEAD = "---\ntitle: Boats\noutlet: Example Gazette\npublished: 2019-07-12\n---\n"


def counting(monkeypatch):
    """Count find_date_expressions calls, starting from nothing remembered."""
    calls = []
    real = dates.find_date_expressions

    def counted(text):
        calls.append(len(text))
        return real(text)

    monkeypatch.setattr(dates, "find_date_expressions", counted)
    monkeypatch.setattr(dates, "_REMEMBERED", {})
    monkeypatch.setattr(dates, "_remembered_chars", 0)
    return calls


def test_many_figures_in_one_sentence_scan_it_once(tmp_path, monkeypatch):
    body = ", ".join(f"in 2019 there were {1000 + k} boats" for k in range(200)) + \
        ", and from 2015 to this March there were 5 more.\n"
    path = tmp_path / "a.txt"
    path.write_text(HEAD + body, encoding="utf-8")
    art = load_article(path)
    calls = counting(monkeypatch)
    periods = art.find("2019")
    assert len(periods) == 200
    assert all(part_of_wider(art, span, "past") is None for span in periods)
    assert part_of_wider(art, art.find("this March")[0], "past")[0] == (
        "'this March' is only part of the date expression 'from 2015 to this March' in its sentence")
    assert calls == [len(art.sentences[0].text)]


def test_figures_taken_in_turn_from_many_sentences_scan_each_sentence_once(tmp_path, monkeypatch):
    sentences = [f"From 2015 to this March there were {k} boats, in 2019 there were {k + 1}." for k in range(30)]
    path = tmp_path / "a.txt"
    path.write_text(HEAD + " ".join(sentences) + "\n", encoding="utf-8")
    art = load_article(path)
    assert len(art.sentences) == 30
    calls = counting(monkeypatch)
    marches, years = art.find("this March"), art.find("2019")
    for _ in range(3):
        for march, year in zip(marches, years):
            assert part_of_wider(art, march, "past")[1] == (
                "date it by the whole expression: `period: From 2015 to this March`; "
                "the part alone dates something else")
            assert part_of_wider(art, year, "past") is None
    assert len(calls) == 30


def test_what_is_remembered_stays_bounded(monkeypatch):
    calls = counting(monkeypatch)
    monkeypatch.setattr(dates, "_REMEMBER_CHARS", 100)
    texts = [f"{k:02d} in 2016, and more on a Wednesday evening" for k in range(10)]  # 42 characters each
    for text in texts:
        assert dates._remembered_date_expressions(text)[0][2] == "2016"
    assert list(dates._REMEMBERED) == texts[-2:]
    assert dates._remembered_chars == 2 * len(texts[0])
    dates._remembered_date_expressions(texts[-1])
    dates._remembered_date_expressions(texts[0])
    assert len(calls) == 11
