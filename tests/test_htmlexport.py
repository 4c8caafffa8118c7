"""The report's HTML exporter writes the same document as nbconvert's, without its slow passes."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from nbconvert import HTMLExporter

from exportrow.htmlexport import MISSING_ALT, TEMPLATES, ReportExporter, add_focus_and_alt

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")) + sorted((ROOT / "notebooks" / "solutions")
                                                                              .glob("*.ipynb"))
MARK = "{#- Code as pygments"


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> HTMLExporter:
    """nbconvert's own exporter on the report's template as it was before the code block was overridden."""
    folder = tmp_path_factory.mktemp("templates") / "exportrow_offline"
    folder.mkdir()
    ours = (TEMPLATES / "exportrow_offline" / "index.html.j2").read_text(encoding="utf-8")
    assert MARK in ours  # the override this test undoes
    (folder / "index.html.j2").write_text(ours.split(MARK)[0], encoding="utf-8")
    (folder / "conf.json").write_text((TEMPLATES / "exportrow_offline" / "conf.json").read_text(encoding="utf-8"))
    return HTMLExporter(template_name="exportrow_offline", extra_template_basedirs=[str(folder.parent)])


def tree(html: str) -> str:
    """The page as BeautifulSoup parses and writes it (what nbconvert's exporter returns)."""
    return str(BeautifulSoup(html, features="html.parser"))


def same_page(nb, reference: HTMLExporter) -> None:
    expected, _ = reference.from_notebook_node(nb)
    ours, _ = ReportExporter().from_notebook_node(nb)
    assert tree(ours) == expected
    assert ours.count('tabindex="0"') == expected.count('tabindex="0"') > 0


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: p.stem)
def test_committed_notebooks_give_the_same_page(path, reference):
    same_page(nbformat.read(path, as_version=4), reference)


def test_hostile_report_pages_are_the_same(hostile_report, reference):
    executed = sorted(hostile_report.glob("*/*.ipynb"))
    assert len(executed) >= 4
    for path in executed:
        same_page(nbformat.read(path, as_version=4), reference)


def test_images_without_alt_and_plain_outputs(reference):
    nb = nbformat.v4.new_notebook(metadata={"language_info": {"name": "python", "pygments_lexer": "ipython3"}})
    png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    nb.cells = [
        nbformat.v4.new_code_cell("x = '<div class=\"jp-OutputArea-output\">' > 1", execution_count=1, outputs=[
            nbformat.v4.new_output("display_data", {"image/png": png, "text/plain": "<Figure>"}),
            nbformat.v4.new_output("stream", text="<img src=x> <!-- -->\n"),
            nbformat.v4.new_output("display_data", {"text/html": '<p title="a > b">q</p><img src="data:,">'}),
        ]),
        nbformat.v4.new_markdown_cell("![a chart](chart.png) and <img src='y.png'>"),
    ]
    same_page(nb, reference)
    ours, _ = ReportExporter().from_notebook_node(nb)
    assert f'<img src="data:," alt="{MISSING_ALT}">' in ours  # an image in an output without alt gets one


def test_add_focus_and_alt_leaves_text_alone():
    page = ('<html><head><style>div.jp-OutputArea-output > img {}</style><title><img></title></head>'
            '<body class="jp-Notebook"><!-- <div class="jp-Cell-inputWrapper"> -->'
            '<div class="jp-Cell-inputWrapper" tabindex="-1">a</div>'
            "<div data-x='a > b' class='jp-OutputArea-output'>b</div><img alt=\"\" src=\"c\"/></body></html>")
    out = add_focus_and_alt(page)
    assert out.count("tabindex") == 2 and 'tabindex="-1"' in out  # an existing tabindex is kept, not doubled
    assert "<div data-x='a > b' class='jp-OutputArea-output' tabindex=\"0\">" in out
    assert '<img alt="" src="c"/>' in out and "<title><img></title>" in out  # alt="" is an alt; title is text
    assert "<style>div.jp-OutputArea-output > img {}</style>" in out
    assert "<!-- <div class=\"jp-Cell-inputWrapper\"> -->" in out
    outside = '<div class="jp-Cell-inputWrapper">x</div>'  # no .jp-Notebook around it: nbconvert adds nothing
    assert add_focus_and_alt(outside) == outside
