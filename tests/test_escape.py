"""Text from input shows as text: escaped on every path into HTML or Markdown, never run, never markup.

The hostile fixture (tests/fixtures/hostile-*) carries a script, handler, link or Markdown marker in every
text field; the browser half of this check is in test_browser.py (the report) and test_jupyterlab.py (JupyterLab's
Markdown renderer, which makes links of www. and e-mail addresses).
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
from html.parser import HTMLParser

import pandas as pd
import pytest
from conftest import HOSTILE_ANNOTATION, HOSTILE_ARTICLE, ROOT

import exportrow
from exportrow import escape, framing
from exportrow.annotations import Annotation, load_annotation
from exportrow.notebook import caveat_list, citation, markdown_list, show

ORDINARY = ["<Month> <year>", "AT&T", "5 * 3", "_underscored_", "C:\\path", "it's \"quoted\"", "$5 and $6",
            "# 1. not a heading", "[a](b) ![c](d)", "`tick`", "~~no strike~~", "a | b", "&amp; stays &amp;",
            "http://example.org/a_b", "<http://example.org>", "12) twelve", "www.example.org/a_b",
            "press@example.org", "Yonhap (WWW.yna.co.kr)"]
HOSTILE = ['<script>window.__x=1</script>', '<img src=x onerror="window.__x=1">', "<svg/onload=window.__x=1>",
           "[x](javascript:window.__x=1)", "![x](javascript:window.__x=1)", '<a href="javascript:x()">a</a>',
           "</textarea><script>x()</script>", "<style>body{display:none}</style>", "<!-- hidden -->",
           '<meta http-equiv="refresh" content="0;url=javascript:x()">', "<iframe srcdoc='<script>x</script>'>"]


class _Scan(HTMLParser):
    """Collect what in an HTML text could run, load or hide something: it must all be absent."""

    TAGS = {"script", "iframe", "object", "embed", "svg", "base", "form", "textarea", "frame", "link"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self.tag = ""

    def handle_starttag(self, tag, attrs):
        self.tag = tag
        if tag in self.TAGS:
            self.problems.append(f"<{tag}>")
        if tag == "meta" and any(k == "http-equiv" and (v or "").lower() == "refresh" for k, v in attrs):
            self.problems.append("<meta refresh>")
        for k, v in attrs:
            value = re.sub(r"\s", "", v or "").lower()
            if k.startswith("on"):
                self.problems.append(f"<{tag} {k}=>")
            if k in ("href", "src", "action", "srcdoc", "formaction") and value.startswith("javascript:"):
                self.problems.append(f"<{tag} {k}={v}>")
            if k == "id" and re.fullmatch(r"x[a-z0-9]+", v or ""):
                self.problems.append(f"<{tag} id={v}> (a marker's element)")

    def handle_comment(self, data):
        self.problems.append(f"<!--{data}-->")

    def handle_data(self, data):
        if self.tag == "style" and "body{display:none}" in data:  # the pages' own styles are allowed
            self.problems.append("<style> from input")
        self.text.append(data)


def problems_in(page: str) -> list[str]:
    scan = _Scan()
    scan.feed(page)
    scan.close()
    return scan.problems


def text_of(page: str) -> str:
    scan = _Scan()
    scan.feed(page)
    scan.close()
    return "".join(scan.text).strip()


def render_markdown(source: str) -> str:
    """The Markdown as the report renders it (nbconvert's mistune: raw HTML and javascript: links pass)."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    return markdown2html_mistune(source)


def cells_of(page: str) -> list[str]:
    cells = re.findall(r"<t[dh](?:\s[^>]*)?>(.*?)</t[dh]>", page, re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", c)) for c in cells]


# --- ordinary text keeps its look -----------------------------------------------------------------------

@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_text_displays_literally_in_a_table(text):
    page = show(pd.DataFrame({text: [text], "n": [1]}))._repr_mimebundle_()["text/html"]
    assert cells_of(page) == [text, "n", text, "1"]
    assert problems_in(page) == []


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_text_displays_literally_in_markdown(text):
    for source in (escape.markdown_text(text), markdown_list([escape.markdown_text(text)]),
                   f"**{escape.markdown_text(text)}** and *{escape.markdown_text(text)}*"):
        page = render_markdown(source)
        assert problems_in(page) == []
        assert text in text_of(page), (source, page)
    assert text_of(render_markdown(escape.markdown_text(text))) == text
    assert text_of(render_markdown(escape.markdown_code(text))) == text


def test_date_resolution_table_shows_its_placeholders():
    from exportrow.timeline import explain_dates

    art = exportrow.load_article()
    page = show(exportrow.events(art).pipe(explain_dates, art.published.date()))._repr_mimebundle_()["text/html"]
    assert any(c.startswith("<Month> <year>") for c in cells_of(page))  # it showed as "" before


# GitHub Flavored Markdown's autolinks as marked (JupyterLab's Markdown renderer) finds them, anywhere in the text
# (marked's rules.ts: the gfm `url` rule and its `_email`): a bare URL, a www. address, an e-mail address.
# nbconvert's mistune makes none of these, so render_markdown cannot see them; test_jupyterlab.py
# (test_escaped_text_reads_as_typed_and_makes_no_link) checks the real renderer in a browser.
GFM_AUTOLINK = re.compile(r"(?i)(?:(?:ftp|https?)://|www\.)[a-z0-9-]|[a-z0-9._+-]+@[a-z0-9_-]+(?:\.[a-z0-9_-]*[a-z0-9])+")


@pytest.mark.parametrize("text", ["Ministry spokesman (see www.evil.example/login or write to press@evil.example)",
                                  "WWW.Evil.example", "Www.evil.example", "https://evil.example/login",
                                  "ftp://evil.example", "mailto:press@evil.example", "a.b+c@d.example"])
def test_no_autolink_survives_markdown_text(text):
    assert GFM_AUTOLINK.search(text)  # the pattern finds the link in the raw text
    escaped = escape.markdown_text(text)
    assert GFM_AUTOLINK.search(escaped) is None, escaped
    assert text_of(render_markdown(escaped)) == text  # and it still reads as typed: in the report (mistune)
    markdown_it = pytest.importorskip("markdown_it")  # and on the course site (myst-nb: markdown-it, commonmark)
    assert text_of(markdown_it.MarkdownIt("commonmark").render(escaped)) == text


def test_autolink_escapes_are_exactly_these():
    assert escape.markdown_text("see www.evil.example/login or press@evil.example, wwwx.y, a.www.b") == (
        "see www\\.evil.example/login or press\\@evil.example, wwwx.y, a.www\\.b")


# --- hostile text stays text ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_only_text_in_every_renderer(text):
    table = show(pd.DataFrame({text: [text]}))._repr_mimebundle_()["text/html"]
    assert problems_in(table) == [] and cells_of(table) == [text, text]
    assert problems_in(f"<p>{escape.html_text(text)}</p>") == []
    assert problems_in(f'<img alt="{escape.html_attribute(text)}">') == []
    assert problems_in(f'<a href="{escape.html_href(text)}">x</a>') == []
    for source in (escape.markdown_text(text), escape.markdown_code(text)):
        page = render_markdown(source)
        assert problems_in(page) == [] and text_of(page) == text


def test_citation_escapes_outlet_title_dateline_and_file_name(tmp_path):
    art = exportrow.load_article()
    hostile = dataclasses.replace(art, outlet=HOSTILE[0], title=HOSTILE[3] + " _x_", dateline=HOSTILE[1],
                                  path=tmp_path / "a`<b>`.txt")
    page = render_markdown(citation(hostile))
    assert problems_in(page) == []
    for text in (HOSTILE[0], HOSTILE[3] + " _x_", HOSTILE[1], "a`<b>`.txt"):
        assert text in text_of(page)


def test_caveat_list_and_summary_escape_annotation_text():
    ann = load_annotation()
    custom = Annotation(ann.path, ann.article, caveats=HOSTILE)
    page = render_markdown(caveat_list(exportrow.figures().head(0), custom))
    assert problems_in(page) == [] and page.count("<li>") == len(HOSTILE)
    claims = exportrow.claims().assign(side=lambda t: t.side.cat.rename_categories({"seoul": HOSTILE[2]}))
    page = render_markdown(markdown_list(framing.summary(claims, HOSTILE[2], "tokyo")))
    assert problems_in(page) == [] and "Seoul" not in page and "The article gives **" not in page
    from exportrow.sides import side_words

    shown = side_words(HOSTILE[2])  # a side id is shown as words: '_' as a space, each word capitalised
    assert html.unescape(page).count(shown) == 3  # its summary, its rebuttals, the other's


def test_every_page_carries_the_same_policy():
    template = (ROOT / "exportrow" / "templates" / "exportrow_offline" / "index.html.j2").read_text(encoding="utf-8")
    assert f'content="{escape.CONTENT_SECURITY_POLICY}"' in template
    assert "'unsafe-inline'" not in escape.CONTENT_SECURITY_POLICY.split("style-src")[0]  # no inline script
    assert "script-src" not in escape.CONTENT_SECURITY_POLICY  # default-src 'none' covers scripts


# --- the hostile fixture, end to end ----------------------------------------------------------------------

def _raw_markers() -> list[str]:
    """Each HTML marker of the hostile fixture as typed: a tag holding __x..., a script, a style."""
    text = HOSTILE_ARTICLE.read_text(encoding="utf-8") + HOSTILE_ANNOTATION.read_text(encoding="utf-8")
    found = (re.findall(r"<[a-z]+[^<>]*__x[a-z0-9]+[^<>]*>", text)
             + re.findall(r"<script>[^<]*__x[a-z0-9]+[^<]*</script>", text) + re.findall(r"<style>.*?</style>", text))
    return sorted(set(found))


#: A Markdown link or image whose "](" is not escaped: in Markdown source it would be live.
LIVE_MARKDOWN_LINK = re.compile(r"(?<!\\)\]\(")


def test_hostile_fixture_passes_check_and_covers_every_field():
    from exportrow.cli import main

    assert main(["check", str(HOSTILE_ANNOTATION)]) == 0
    art = exportrow.load_article(HOSTILE_ARTICLE)
    ann = load_annotation(HOSTILE_ANNOTATION, art)
    for value in (art.title, art.outlet, art.label):
        assert "__x" in value
    for section, fields in (("actors", ["name"]), ("figures", ["quantity", "unit", "quote"]),
                            ("claims", ["quote"]), ("events", ["description"])):
        for entry in getattr(ann, section):
            for f in fields:
                assert "__x" in str(entry[f]) or f == "quote", (section, entry["id"], f)
    assert all("__x" in c for c in ann.caveats) and any("__x" in s for s in ann.sides)
    assert len(_raw_markers()) > 30
    assert len(LIVE_MARKDOWN_LINK.findall(HOSTILE_ANNOTATION.read_text(encoding="utf-8"))) >= 6


def test_no_marker_appears_unescaped_in_any_page_or_output(hostile_report):
    markers = _raw_markers()
    pages = sorted(hostile_report.rglob("*.html"))
    assert len(pages) == 6  # the index, the article page and notebooks 01 to 04
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert problems_in(text) == [], page.name
        assert [m for m in markers if m in text] == [], page.name
        assert escape.csp_meta().split(" content=")[0][:20] in text or "Content-Security-Policy" in text
    notebooks = sorted(hostile_report.glob("*/*.ipynb"))
    assert len(notebooks) == 4
    seen = 0
    for path in notebooks:
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for out in cell.get("outputs", []):
                data = out.get("data", {})
                if "text/html" in data:
                    page = "".join(data["text/html"])
                    assert problems_in(page) == [], path.name
                    assert [m for m in markers if m in page] == [], path.name
                    seen += 1
                if "text/markdown" in data:
                    source = "".join(data["text/markdown"])
                    assert problems_in(render_markdown(source)) == [], (path.name, source)
                    assert [m for m in markers if m in source] == [], path.name
                    assert not LIVE_MARKDOWN_LINK.search(source), (path.name, source)
                    seen += 1
    assert seen >= 10


def test_markers_are_shown_as_text_not_dropped(hostile_report):
    page = (hostile_report / "01-enforcement-statistics" / "01-enforcement-statistics.html").read_text("utf-8")
    shown = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "<script>window.__xtitle=true</script>" in shown  # the title, in the citation
    assert "[Markdown link](javascript:window.__xcaveatlink=true)" in shown  # a caveat, as typed
    assert "AT&T <Month> <year>" in shown
    index = (hostile_report / "index.html").read_text("utf-8")
    assert "&lt;script&gt;window.__xtitle=true&lt;/script&gt;" in index
    page = (hostile_report / "02-claim-timeline" / "02-claim-timeline.html").read_text("utf-8")
    assert '<b id="xdesc2020" onclick="window.__xdesc2020=true">' in html.unescape(re.sub(r"<[^>]+>", "", page))


def test_claim_pairs_cue_is_shown_as_text(hostile_report):
    # rv19c finding 2: notebook 03's charges and rebuttals carry each claim's cue, escaped like the quote beside it
    page = (hostile_report / "03-framing-comparison" / "03-framing-comparison.html").read_text("utf-8")
    cells = cells_of(page)
    at = cells.index("sy_unlicensed_trawlers")
    assert cells[at + 2] == "charge <script>window.__xcue=true</script>"
    assert cells[at + 3].endswith("trawlers </textarea><script>window.__xtrawlers=true</script> work the shared bay")
    assert "&lt;script&gt;window.__xcue=true&lt;/script&gt;" in page and "<script>window.__xcue" not in page
    pairs = pd.read_csv(hostile_report / "03-framing-comparison" / "claim-pairs.csv", dtype=str)
    assert "charge <script>window.__xcue=true</script>" in set(pairs.charge_cue)  # the CSV keeps the record


def test_article_text_with_dollar_signs_is_not_typeset_as_math_in_jupyterlab():
    """JupyterLab typesets '$...$' in HTML outputs with MathJax 3, which skips an element of class
    'mathjax_ignore' (its default ignoreHtmlClass; pandas' 'tex2jax_ignore' is MathJax 2's and is not honoured):
    "$5 billion to $6 billion" in a table, a caption or the article view must show as typed."""
    import pandas as pd

    from exportrow.notebook import show
    from exportrow.plots import _Shown

    table = show(pd.DataFrame({"quote": ["from $5 billion to $6 billion"]}))._repr_mimebundle_()["text/html"]
    assert table.startswith('<table class="exportrow-table mathjax_ignore"') and "$5 billion to $6 billion" in table
    figure = _Shown(b"png", "alt $5 to $6", "caption $5 to $6", None)._repr_mimebundle_()["text/html"]
    assert figure.startswith('<figure class="mathjax_ignore">')
    from exportrow.view import show_article

    view = show_article()._repr_html_()
    assert view.startswith('<div class="xrv mathjax_ignore"')
