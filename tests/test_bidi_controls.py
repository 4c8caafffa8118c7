"""Unicode bidirectional controls in an article or an annotation cannot reorder a page's own text: the escaping
helpers drop them (exportrow.escape.BIDI_CONTROLS), so a right-to-left override in a title no longer flips the
closing quote and full stop that the index page writes after it."""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
import sys

import nbformat
from conftest import FIXTURES

from exportrow.escape import BIDI_CONTROLS, html_attribute, html_text, markdown_code, markdown_text

STEM = "example-gazette-2021-03-03-freedonia-sylvania-fishing"
CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"


def hostile(tmp_path):
    """The fixture article with an override in its title and isolates and marks in its body, an actor's name with
    an override, and its annotation (hash updated)."""
    text = (FIXTURES / f"{STEM}.txt").read_text(encoding="utf-8")
    text = text.replace("trade charges over fishing permits", "trade charges\u202e over fishing permits", 1)
    text = text.replace("Both countries and this", "Both\u2067 countries\u200f and this", 1)
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    sha = hashlib.sha256(article.read_bytes()).hexdigest()
    doc = (FIXTURES / f"{STEM}.yaml").read_text(encoding="utf-8")
    doc = re.sub(r"sha256: \w+", f"sha256: {sha}", doc)
    doc = re.sub(r"(\n  file: ).*", r"\1a.txt", doc)
    doc = doc.replace("name: Freedonian government", 'name: "Freedonian\u202e government"')
    annotation = tmp_path / "a.yaml"
    annotation.write_text(doc, encoding="utf-8")
    return article, annotation


def test_every_escaping_helper_drops_the_controls():
    text = "".join(f"x{c}" for c in CONTROLS) + " \u05e9\u05dc\u05d5\u05dd"
    for helper in (html_text, html_attribute, markdown_text, markdown_code):
        out = helper(text)
        assert not BIDI_CONTROLS.search(out), helper.__name__
        assert "x" * len(CONTROLS) in out and "\u05e9\u05dc\u05d5\u05dd" in out  # the letters stay, RTL ones too


def test_the_view_page_holds_no_control_and_still_the_words(tmp_path):
    article, annotation = hostile(tmp_path)
    out = tmp_path / "v.html"
    res = subprocess.run([sys.executable, "-m", "exportrow.cli", "view", str(article), "--annotation",
                          str(annotation), "--out", str(out)], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    page = out.read_text(encoding="utf-8")
    assert [hex(ord(c)) for c in BIDI_CONTROLS.findall(page)] == []
    assert "Freedonia and Sylvania trade charges over fishing permits" in page
    assert "Both countries and this" in page and "Freedonian government" in page


def test_the_index_page_closes_the_title_in_order(tmp_path):
    from exportrow.report import run_report

    article, annotation = hostile(tmp_path)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")])
    nbformat.write(nb, tmp_path / "00-tiny.ipynb")
    params = {"article_path": str(article), "annotation_path": str(annotation)}
    results, where = run_report([tmp_path / "00-tiny.ipynb"], tmp_path / "report", params, stream=io.StringIO())
    assert results[0].ok
    for name in ("index.html", "article.html"):
        page = (where / name).read_text(encoding="utf-8")
        assert [hex(ord(c)) for c in BIDI_CONTROLS.findall(page)] == [], name
    index = (where / "index.html").read_text(encoding="utf-8")
    assert "\u201cFreedonia and Sylvania trade charges over fishing permits\u201d." in index
