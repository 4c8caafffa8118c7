"""Committed notebooks: clean metadata, one parameters cell of commented literals, no typed numbers."""

import ast
import json
import re

import pytest
from conftest import NOTEBOOKS

from exportrow.nbtools import metadata_problems

ALL = sorted(NOTEBOOKS.rglob("*.ipynb"))
MAIN = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_metadata_is_clean(path):
    assert metadata_problems(load(path)) == []


@pytest.mark.parametrize("path", MAIN, ids=lambda p: p.name)
def test_opening_and_parameters_cell(path):
    cells = load(path)["cells"]
    head = "".join(cells[0]["source"])
    assert head.startswith("# ") and "**Inputs**" in head and "**Outputs**" in head and "**Question.**" in head
    tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1 and cells[1] is tagged[0]
    for line in "".join(tagged[0]["source"]).splitlines():
        node = ast.parse(line).body[0]
        assert isinstance(node, ast.AnnAssign), line
        ast.literal_eval(node.value)  # a plain literal
        assert "#" in line and line.count("=") == 1, f"needs a comment and no '=' in it: {line}"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_no_numbers_typed_into_code_cells(path):
    for i, cell in enumerate(load(path)["cells"]):
        if cell["cell_type"] != "code" or "parameters" in cell.get("metadata", {}).get("tags", []):
            continue
        code = re.sub(r"#.*", "", "".join(cell["source"]))
        code = re.sub(r"(\"\"\"|''')(.|\n)*?\1|\"[^\"\n]*\"|'[^'\n]*'", "", code)
        assert not re.findall(r"(?<![\w.])\d{2,}(?:\.\d+)?(?![\w.])", code), f"cell {i}"
