"""The article view: every mark at its exact span, overlaps drawn as segments, hostile text escaped, a real browser."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from conftest import FIXTURES

from exportrow.annotations import load_annotation
from exportrow.article import load_article
from exportrow.cli import main
from exportrow.view import CSP, ViewError, article_page, article_text, is_bundled, show_article

FIXTURE_TXT = FIXTURES / "example-gazette-2021-03-03-freedonia-sylvania-fishing.txt"
FIXTURE_YAML = FIXTURES / "example-gazette-2021-03-03-freedonia-sylvania-fishing.yaml"


class _Page(HTMLParser):
    """Every element's tag and attributes, and the text of each ``<mark>`` with the mark numbers it lists."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.segments: list[tuple[list[int], str, dict]] = []
        self._in_mark: dict | None = None
        self._text: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "mark":
            assert self._in_mark is None, "marks are never nested: overlaps are cut into segments"
            self._in_mark, self._text = attrs, []

    def handle_endtag(self, tag):
        if tag == "mark":
            ids = [int(i) for i in self._in_mark["data-m"].split()]
            self.segments.append((ids, "".join(self._text), self._in_mark))
            self._in_mark = None

    def handle_data(self, data):
        if self._in_mark is not None:
            self._text.append(data)

    def text_of(self, index: int) -> str:
        """The text of mark ``index``: its segments joined (they follow one another in the page)."""
        return "".join(text for ids, text, _ in self.segments if index in ids)


def _entries(ann):
    """(kind, id, span) of every entry the default layers and coverage draw."""
    out = [("claim", c["id"], c["span"]) for c in ann.claims]
    out += [("figure", f["id"], f["span"]) for f in ann.figures]
    out += [("value", f["id"], f["value_span"]) for f in ann.figures]
    out += [("date", f["id"], f["period_span"]) for f in ann.figures if f.get("period_span")]
    out += [("date", e["id"], e["expression_span"]) for e in ann.events if e.get("expression_span")]
    out += [("ignored", f"ignored_numbers[{k}]", i["span"]) for k, i in enumerate(ann.ignored_numbers)]
    return out


@pytest.mark.parametrize("which", ["bundled", "fixture"])
@pytest.mark.parametrize("excerpt", [False, True])
def test_every_entry_is_marked_with_exactly_its_words(which, excerpt):
    article = load_article(None if which == "bundled" else FIXTURE_TXT)
    ann = load_annotation(None if which == "bundled" else FIXTURE_YAML, article)
    view = show_article(article, ann, excerpt=excerpt)
    page = _Page(view.page())
    entries = _entries(ann)
    assert len(entries) > 20
    for kind, ident, span in entries:
        found = [i for i, m in enumerate(view.marks) if m.kind == kind and ident in m.ids]
        assert len(found) == 1, (kind, ident)
        m = view.marks[found[0]]
        assert (m.start, m.end) == (span.start, span.end)
        assert page.text_of(found[0]) == span.text == article.raw[span.start:span.end], (kind, ident)
    # Every mark drawn in the page, every segment listing only marks that cover its text.
    assert {i for ids, _, _ in page.segments for i in ids} == set(range(len(view.marks)))
    for ids, text, attrs in page.segments:
        assert text and attrs["title"]
        for i in ids:
            assert text in view.marks[i].hover or text in article.raw[view.marks[i].start:view.marks[i].end]


def test_a_figure_inside_a_claim_is_drawn_nested():
    view = show_article()
    page = _Page(view.page())
    kinds = {i: (m.kind, m.ids) for i, m in enumerate(view.marks)}
    seg = next(ids for ids, text, _ in page.segments if text == "156")
    assert sorted(kinds[i] for i in seg) == [("claim", ("kr_156_cases",)), ("figure", ("cases_total",)),
                                             ("value", ("cases_total",))]
    # The total's period is also an event's date: one date mark listing both entries, hover text for both.
    period = next(m for m in view.marks if m.kind == "date" and "cases_total" in m.ids)
    assert period.ids == ("cases_total", "cases_period")
    assert "2015/2019-03" in period.hover and "DATE of event cases_period" in period.hover
    seg = next(attrs for ids, text, attrs in page.segments if text == "from 2015 to this March")
    assert "CLAIM kr_156_cases" in seg["title"] and "FIGURE cases_total" in seg["title"]
    assert "DATE: period of figure cases_total" in seg["title"]
    # Nested bars: the claim's bar, then the figure's, then the date's, one slot each.
    assert seg["style"].count("gradient(") == 4  # three bars and the claim's tint


def test_derived_figures_are_listed_apart_from_stated_ones():
    view = show_article()
    assert [d["figure_id"] for d in view.derived] == ["cases_total_remainder"]
    d = view.derived[0]
    assert (int(d["value"]), d["period"], d["numbers"]) == (72, "January 2018 to March 2019", "156 − 14 − 22 − 48")
    page = view.page()
    assert "Derived by exportrow (not stated in the article)" in page
    total = next(m for m in view.marks if m.kind == "figure" and m.ids == ("cases_total",))
    assert "input of derived figure cases_total_remainder = 72 cases (computed by exportrow)" in total.hover
    value = next(m for m in view.marks if m.kind == "value" and m.ids == ("cases_total",))
    assert "STATED VALUE" in value.hover


OVERLAP_YAML = """\
exportrow: 1
article:
  file: {name}
  sha256: {sha}
sides: [freedonia, sylvania]
actors:
  - id: fr_gov
    name: Freedonian government
    side: freedonia
    kind: government
    quote: Freedonia
    suffix: has published
  - id: sy_gov
    name: Sylvanian government
    side: sylvania
    kind: government
    quote: Sylvania's permit rules
claims:
  - id: left_claim
    actor: fr_gov
    attribution: unattributed
    cue: published
    quote: Freedonia has published its record
    frame: 7
  - id: right_claim
    actor: sy_gov
    attribution: unattributed
    cue: seized
    quote: its record of seized fishing boats
    frame: 7
"""


def _fixture_copy(tmp_path, yaml_text: str, article_text_: str | None = None):
    art = tmp_path / "art.txt"
    if article_text_ is None:
        art.write_bytes(FIXTURE_TXT.read_bytes())
    else:
        art.write_text(article_text_, encoding="utf-8")
    sha = hashlib.sha256(art.read_bytes()).hexdigest()
    ann = tmp_path / "art.yaml"
    ann.write_text(yaml_text.format(name=art.name, sha=sha), encoding="utf-8")
    return art, ann


def test_partially_overlapping_spans_are_cut_into_segments_listing_both(tmp_path):
    art, ann = _fixture_copy(tmp_path, OVERLAP_YAML)
    view = show_article(art, ann, layers=["claims"], coverage=False)
    page = _Page(view.page())
    names = {i: m.ids[0] for i, m in enumerate(view.marks)}
    segs = [([names[i] for i in ids], text) for ids, text, _ in page.segments]
    assert segs == [(["left_claim"], "Freedonia has published "), (["left_claim", "right_claim"], "its record"),
                    (["right_claim"], " of seized fishing boats")]
    both = next(attrs for ids, text, attrs in page.segments if text == "its record")
    assert "CLAIM left_claim" in both["title"] and "CLAIM right_claim" in both["title"]
    assert page.text_of(0) == "Freedonia has published its record"
    assert page.text_of(1) == "its record of seized fishing boats"
    # Each claim keeps one bar slot across its segments; the two sides' colours are the charts' colours.
    assert "#0072B2" in both["style"] and "#D55E00" in both["style"]


def test_uncovered_numbers_stand_out_and_ignored_ones_are_marked(tmp_path):
    art, ann = _fixture_copy(tmp_path, OVERLAP_YAML)
    view = show_article(art, ann)
    uncovered = sorted(view.article.raw[m.start:m.end] for m in view.marks if m.kind == "uncovered")
    assert uncovered == ["2018", "2018", "2019", "2020", "30", "40", "90", "Twelve", "first", "two"]
    assert view.counts["not annotated"] == 10
    page = view.page()
    text = page[page.index('<div class="xr-text">'):]
    assert text.count('<span class="xr-uncovered">') == 10
    full = show_article(load_article(FIXTURE_TXT), load_annotation(FIXTURE_YAML, load_article(FIXTURE_TXT)))
    assert full.counts["not annotated"] == 0 and full.counts["ignored numbers"] == 2
    ignored = [m for m in full.marks if m.kind == "ignored"]
    assert [full.article.raw[m.start:m.end] for m in ignored] == ["the two countries", "their first talks"]
    assert "reason: The two parties to the dispute" in ignored[0].hover


HOSTILE_ARTICLE = """\
<script>alert('title')</script> "Quoted" & <b>bold</b> title

  • March 3, 2021
  • , Evil <i>Gazette</i> , 9:15 a.m.
  • <img src=x onerror=alert(1)>

EVILTOWN — The minister said <script>alert("x")</script> and <img src=x onerror="alert(1)"> in 2020.

She added: "quotes' end" </p></mark></div> and 7 more.
"""

#: Ids are plain words (the schema refuses markup in them, see tests/test_bad_input_files.py); every
#: other text field carries markup.
HOSTILE_YAML = """\
exportrow: 1
article:
  file: {name}
  sha256: {sha}
sides: ['<b>side</b>"x']
actors:
  - id: a1
    name: '<script>alert(2)</script>'
    side: '<b>side</b>"x'
    kind: government
    quote: The minister
claims:
  - id: c1
    actor: a1
    attribution: unattributed
    cue: '"><script>alert(4)</script>'
    quote: <script>alert("x")</script> and <img src=x onerror="alert(1)">
    frame: 7
    entman: ['problem_definition']
figures:
  - id: f1
    quantity: '<u>q</u>'
    value: 7
    unit: '</title><script>alert(6)</script>'
    actor: a1
    quote: 7 more
ignored_numbers:
  - quote: in 2020
    reason: '<script>alert(7)</script>'
"""


def test_hostile_text_is_escaped_everywhere(tmp_path):
    art, ann = _fixture_copy(tmp_path, HOSTILE_YAML, HOSTILE_ARTICLE)
    view = show_article(art, ann)
    for page in (view.page(), view.html(), article_page(art, ann, excerpt=True)):
        parsed = _Page(page)
        tags = {t for t, _ in parsed.tags}
        assert tags <= {"html", "head", "meta", "title", "style", "body", "div", "h2", "h3", "p", "span", "b", "mark",
                        "ul", "li", "code"}, tags
        for tag, attrs in parsed.tags:
            assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
            assert set(attrs) <= {"class", "style", "title", "data-m", "data-label", "charset", "http-equiv",
                                  "content", "name", "lang"}, (tag, attrs)
        assert "<script" not in page and "<img" not in page and "<svg" not in page
        # The hostile words are still there, as text: marked with exactly their raw characters.
        claim = next(i for i, m in enumerate(view.marks) if m.kind == "claim")
        if page is not view.html():
            assert parsed.text_of(claim) == '<script>alert("x")</script> and <img src=x onerror="alert(1)">'
    hover = next(attrs["title"] for ids, text, attrs in _Page(view.page()).segments if text.startswith("<script>"))
    assert 'cue: “"><script>alert(4)</script>”' in hover and "actor: a1 (<script>alert(2)</script>)" in hover
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in view.page()


def _shown_text(page: str) -> str:
    """The article text of a page: every paragraph of the text block, tags dropped."""
    import html
    import re

    block = page[page.index('<div class="xr-text">'):page.index("</div>", page.index('<div class="xr-text">'))]
    block = re.sub(r'<span class="xr-tag"[^>]*></span>', "", block)
    return html.unescape(re.sub(r"<[^>]+>", "", block))


def test_sentence_excerpt_keeps_only_the_sentences_with_a_mark():
    article = load_article()
    full = show_article(article)
    short = show_article(article, layers=["figures"], excerpt=True)
    assert short.excerpt == "sentences" and full.excerpt == "full"
    text = _shown_text(short.page())
    kept = [s.text for s in article.sentences if s.text in text]
    assert kept == ["There were 156 cases from 2015 to this March of sensitive materials illegally shipped from South "
                    "Korea to Southeast Asia, China, the Middle East and elsewhere, according to South Korea’s "
                    "Ministry of Trade, Industry and Energy.", "Fourteen cases were caught in 2015 and 22 in 2016.",
                    "The number more than doubled to 48 in 2017, the year Moon took office.",
                    "The export restrictions that took effect July 4 put South Korea back on a contract-by-contract "
                    "basis for three chipmaking materials."]
    assert len(kept) == 4 and text.count("[…]") >= 3
    assert "Seoul has pointed" not in text and "Pompeo" not in text
    assert "Excerpt (sentences): 13% of the body" in short.page()
    # Every sentence of the bundled article holds a claim, figure or date: a sentence excerpt of all
    # layers would be the whole text, so pages handed out keep only the marked words.
    every = show_article(article, excerpt="sentences")
    assert "[…]" not in _shown_text(every.page())
    page = article_page(article)  # the bundled article: an excerpt by default
    assert is_bundled(article) and "Excerpt (quotes): 63% of the body" in page
    quoted = _shown_text(page)
    for m in full.marks:
        if m.kind in ("claim", "figure", "date"):
            assert article.raw[m.start:m.end] in quoted
    assert "South Korea lacks a proper monitoring regime" in quoted
    assert "Tokyo continues to" not in quoted  # a reporting frame, which the claims' quotes leave out
    assert "as bilateral relations" not in quoted and "[…]" in quoted  # words no entry quotes are left out
    assert len(quoted) < 0.8 * len(_shown_text(full.page()))
    # Another article's page is the full text by default.
    assert "[…]" not in _shown_text(article_page(load_article(FIXTURE_TXT)))
    with pytest.raises(ViewError, match="unknown excerpt 'some'"):
        show_article(excerpt="some")


def test_bad_layers_and_sides_say_what_is_allowed():
    with pytest.raises(ViewError, match="unknown layer 'claim'; choose from: figures, claims, dates, actors"):
        show_article(layers=["claim"])
    with pytest.raises(ViewError, match="unknown side 'seol'; this annotation's sides are: seoul, tokyo"):
        show_article(sides=["seol"])


def test_sides_filter_keeps_coverage_and_colours():
    view = show_article(sides=["tokyo"], layers=["claims"])
    assert {m.side for m in view.marks if m.kind == "claim"} == {"tokyo"}
    assert {m.kind for m in view.marks} == {"claim", "ignored"}
    assert "#D55E00" in view.page() and "#0072B2" not in view.page()  # Tokyo's colour, not Seoul's


def test_article_shows_as_its_readable_text_in_a_notebook():
    article = load_article()
    text = article._repr_mimebundle_()["text/plain"]
    assert text.startswith("South Korea-Japan row rages on, this time over export details\nNikkei Asian Review")
    assert "SEOUL/TOKYO — Seoul has pointed" in text
    assert "print PRINT" not in text and "•" not in text
    assert max(len(line) for line in text.splitlines()) <= 88
    assert text == article_text(article)
    assert " ".join(text.split()).count("There were 156 cases from 2015 to this March") == 1


def test_page_is_standalone_and_identical_every_run():
    page = article_page(excerpt=False)
    assert page == article_page(excerpt=False)
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in page
    assert "http://" not in page and "https://" not in page and "<script" not in page and "<link" not in page


def test_view_needs_no_heavy_imports():
    code = ("import sys, exportrow; exportrow.show_article().page(); "
            "heavy = [m for m in ('matplotlib', 'papermill', 'nbconvert', 'nbformat') if m in sys.modules]; "
            "print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_view_command_writes_and_refuses_to_overwrite_other_files(tmp_path, capsys):
    out = tmp_path / "page.html"
    assert main(["view", "--out", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    first = out.read_text(encoding="utf-8")
    assert "Seoul has pointed" in first and "[…]" not in first  # the full view, for local use
    assert main(["view", "--out", str(out), "--excerpt", "quotes", "--layers", "claims"]) == 0  # replaced
    assert "[…]" in out.read_text(encoding="utf-8")
    mine = tmp_path / "notes.html"
    mine.write_text("<p>my notes</p>", encoding="utf-8")
    assert main(["view", "--out", str(mine)]) == 2
    assert "not a page written by exportrow view" in capsys.readouterr().err
    assert mine.read_text(encoding="utf-8") == "<p>my notes</p>"
    assert main(["view", "--out", str(mine), "--force"]) == 2  # one rule for output files: never, even with --force
    assert "exportrow did not write it" in capsys.readouterr().err
    assert mine.read_text(encoding="utf-8") == "<p>my notes</p>"
    assert main(["view", "--out", str(tmp_path)]) == 2
    assert main(["view", "--out", str(out), "--layers", "claim"]) == 2
    assert "unknown layer 'claim'" in capsys.readouterr().err
    fixture = tmp_path / "fixture.html"
    assert main(["view", "--annotation", str(FIXTURE_YAML), "--out", str(fixture)]) == 0
    assert "Freedonia" in fixture.read_text(encoding="utf-8")
    assert main(["view", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "x.html")]) == 1
    assert not (tmp_path / "x.html").exists()


def test_view_into_a_read_only_folder_names_the_folder_not_a_temporary_file(tmp_path, capsys, monkeypatch):
    # rev17b, finding 5: "error: /ro/.a.html.qtynbj1_.tmp: Read-only file system" and exit 1; now the sentence and
    # exit code of report, tables and student-edition
    import errno
    import types

    def read_only(dir, prefix, suffix):
        raise OSError(errno.EROFS, "Read-only file system", f"{dir}/{prefix}qtynbj1_{suffix}")

    monkeypatch.setattr("exportrow.export.tempfile", types.SimpleNamespace(mkstemp=read_only))
    out = tmp_path / "a.html"
    assert main(["view", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == f"error: --out {out}: cannot write in {tmp_path} (Read-only file system); choose a folder you can " \
                  "write to\n"
    assert not out.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a folder without write permission")
def test_view_into_a_folder_without_write_permission(tmp_path, capsys):
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o555)
    assert main(["view", "--out", str(folder / "a.html")]) == 2
    assert capsys.readouterr().err == (f"error: --out {folder / 'a.html'}: cannot write in {folder} (Permission "
                                       "denied); choose a folder you can write to\n")
    assert list(folder.iterdir()) == []


def test_view_command_never_replaces_a_page_someone_changed(tmp_path, capsys):
    out = tmp_path / "v2.html"
    assert main(["view", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").splitlines()[1].startswith("<!-- sha256 of every other line")
    assert main(["view", "--out", str(out), "--excerpt", "quotes"]) == 0  # unchanged since: written again
    capsys.readouterr()
    with open(out, "a", encoding="utf-8") as fh:
        fh.write("<!-- my notes for the class -->\n")  # a teacher's addition
    edited = out.read_bytes()
    for force in ([], ["--force"]):
        assert main(["view", "--out", str(out), *force]) == 2
        err = capsys.readouterr().err
        assert f"--out {out}: exists and is a page that exportrow view wrote and someone has changed since" in err
        assert "Fix: move or rename it to keep it" in err and "or choose another file" in err
        assert out.read_bytes() == edited
    # A page of an older exportrow view (no checksum line): replaced only while it is exactly the page written now.
    old = tmp_path / "old.html"
    old.write_text(article_page(excerpt="quotes"), encoding="utf-8")
    assert main(["view", "--out", str(old)]) == 2
    assert "an older exportrow view wrote without a checksum" in capsys.readouterr().err
    assert old.read_text(encoding="utf-8") == article_page(excerpt="quotes")
    assert main(["view", "--out", str(old), "--excerpt", "quotes"]) == 0
    assert old.read_text(encoding="utf-8").splitlines()[1].startswith("<!-- sha256 of every other line")


# ------------------------------------------------------------------------------------------------------------------
# In a real browser

MARKS_JS = """
return Array.from(document.querySelectorAll('mark')).map(m => {
  const r = m.getBoundingClientRect();
  const s = getComputedStyle(m);
  return {w: r.width, h: r.height, title: m.getAttribute('title'), bg: s.backgroundImage,
          cls: m.className, ids: m.dataset.m};
});
"""
TAGS_JS = """
return Array.from(document.querySelectorAll('.xr-tag')).map(t => getComputedStyle(t, '::before').content);
"""


@pytest.mark.parametrize("which", ["bundled", "bundled-excerpt", "fixture", "hostile"])
def test_view_in_a_real_browser(tmp_path, which):
    from test_browser import ARTIFACTS, _browser

    if which == "fixture":
        view = show_article(FIXTURE_TXT, FIXTURE_YAML)
    elif which == "hostile":
        view = show_article(*_fixture_copy(tmp_path, HOSTILE_YAML, HOSTILE_ARTICLE))
    else:
        view = show_article(excerpt="quotes" if which.endswith("excerpt") else False)
    page = view.save(tmp_path / f"view-{which}.html")
    driver = _browser()
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        driver.get(page.as_uri())
        driver.execute_script("return document.readyState")
        errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR", "WARNING")]
        assert errors == [], f"console: {errors}"
        assert driver.execute_script("return document.querySelectorAll('script,img,svg,iframe,object').length") == 0
        marks = driver.execute_script(MARKS_JS)
        assert len(marks) == len(_Page(page.read_text(encoding="utf-8")).segments) > (2 if which == "hostile" else 20)
        for m in marks:
            assert m["w"] > 0 and m["h"] > 0, m
            assert m["title"] and m["title"].strip(), m
            if "xr-claim" in m["cls"] or "xr-figure" in m["cls"]:
                assert "gradient" in m["bg"], m  # inline styles apply under the page's CSP
        hovers = " ".join(m["title"] for m in marks)
        for needle in ("CLAIM", "FIGURE", "frame:", "attribution:", "cue:", "side", "value:"):
            assert needle in hovers
        if which == "hostile":
            assert '<script>alert("x")</script>' in driver.find_element("css selector", ".xr-text").text
        else:
            assert "DATE" in hovers and "resolved by exportrow" in hovers
        tags = driver.execute_script(TAGS_JS)
        assert tags and all(t not in ("none", "normal", '""') for t in tags), tags[:3]
        driver.set_window_size(1400, 1000 if which != "bundled" else 2600)
        assert driver.save_screenshot(str(ARTIFACTS / f"view-{which}.png"))
    finally:
        driver.quit()

