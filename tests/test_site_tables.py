"""The course site's output tables fit a projector's page (review 16c #2): how a notebook's tables are staged for
the site. The browser check at 1280 pixels is in test_site.py (slow)."""

import json

from conftest import NOTEBOOKS

from exportrow.book import student_view


def cell_with(html: str) -> dict:
    return {"cell_type": "code", "metadata": {}, "source": "show(t)", "execution_count": 1,
            "outputs": [{"output_type": "execute_result", "metadata": {}, "execution_count": 1,
                         "data": {"text/html": html, "text/plain": "t"}}]}


def test_a_cell_with_a_wide_table_is_drawn_across_the_page():
    import pandas as pd

    from exportrow.notebook import show

    wide = show(pd.DataFrame({c: ["48 / 22 = 2.18x"] for c in "abcdefgh"}))._repr_mimebundle_()["text/html"]
    narrow = show(pd.DataFrame({"a": [1], "b": ["2019-07-01"]}))._repr_mimebundle_()["text/html"]
    view = student_view({"cells": [cell_with(wide), cell_with(narrow)]})
    assert [c["metadata"]["tags"] for c in view["cells"]] == [["hide-input", "full-width"], ["hide-input"]]
    shown = view["cells"][0]["outputs"][0]["data"]["text/html"]
    assert 'white-space:nowrap">48 / 22' not in shown and 'white-space:normal">48 / 22 = 2.18x</td>' in shown
    # a short cell with no space (an id, a date) stays on one line
    assert 'white-space:nowrap">2019-07-01</td>' in view["cells"][1]["outputs"][0]["data"]["text/html"]
    assert 'white-space:nowrap">a</th>' in shown


def test_the_notebooks_wide_tables_are_the_ones_the_review_found_cut_off():
    nb = json.loads((NOTEBOOKS / "01-enforcement-statistics.ipynb").read_text(encoding="utf-8"))
    view = student_view(nb)
    wide = [c for c in view["cells"] if "full-width" in c["metadata"].get("tags", [])
            and "exportrow-table" in json.dumps(c.get("outputs", []))]
    shown = json.dumps([c["outputs"] for c in wide])
    assert "statement_id" in shown and "per_<wbr>month" in shown
