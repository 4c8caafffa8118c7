"""The contract between `exportrow check` and the rest: whatever check accepts, the tables and notebooks run on.

Random mutations of the bundled and the fixture annotations (tests/mutations.py: delete, retype,
duplicate, rename or swap fields; lists for scalars; unknown keys; other units, quantities, values,
references, codes and dates) must either be reported by the check (an AnnotationError, which the
command line prints without a traceback and exits 1) or build every table and every statement
check. For a few accepted mutants, drawn with a fixed seed, the three notebooks run too (their code
cells executed in this process, as the kernel would). The example budget is fixed and derandomized,
so the run time is predictable and every run tries the same mutants.
"""

from __future__ import annotations

import contextlib
import copy
import io
import itertools
import json
import os
import random

import pytest
import yaml
from conftest import FIXTURES, NOTEBOOKS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutations import GENTLE, ODD_VALUES, OPERATIONS, Chooser, DataChooser, mutate

import exportrow
from exportrow import paths
from exportrow.annotations import AnnotationError, load_annotation
from exportrow.stats import case_periods, caveats, check_statements, statements

pytestmark = pytest.mark.slow  # hundreds of mutated annotations, and notebooks on some of them: the full tier only

FIXTURE_ARTICLE = FIXTURES / "example-gazette-2021-03-03-freedonia-sylvania-fishing.txt"
SOURCES = {
    "seed": (paths.default_article(), paths.default_annotation()),
    "fixture": (FIXTURE_ARTICLE, FIXTURE_ARTICLE.with_suffix(".yaml")),
}
VALUES = st.one_of(st.sampled_from(ODD_VALUES), st.none(), st.booleans(), st.integers(-10, 10 ** 6),
                   st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12),
                   st.lists(st.text(max_size=4), max_size=3), st.dictionaries(st.text(max_size=4), st.integers(),
                                                                              max_size=2))
#: Fixed, so every run takes the same time and tries the same mutants; raise it for a deeper search by hand:
#: EXPORTROW_CONTRACT_EXAMPLES=2000 python -m pytest tests/test_contract.py
EXAMPLES = int(os.environ.get("EXPORTROW_CONTRACT_EXAMPLES", "90"))
BUDGET = settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None, print_blob=False,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
_names = itertools.count()


@pytest.fixture(scope="module")
def sources():
    """Per source: the article, and the annotation as a parsed document."""
    out = {}
    for name, (article, annotation) in SOURCES.items():
        out[name] = (exportrow.load_article(article), yaml.safe_load(annotation.read_text(encoding="utf-8")))
    return out


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("mutants")


def write(folder, doc) -> object:
    path = folder / f"mutant-{next(_names)}.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def outcome(article, path) -> str:
    """``reported`` (check says what is wrong) or ``accepted`` (and then every table builds)."""
    try:
        load_annotation(path, article)
    except AnnotationError as exc:
        assert exc.problems and str(exc).count("\n") >= 1  # a message with at least one problem line
        return "reported"
    tables = exportrow.all_tables(article, path, context=True)
    assert set(tables) == {"actors", "figures", "claims", "events"}
    fig = tables["figures"]
    statements(article, path).pipe(check_statements, fig)  # notebook 01's checks of the article's statements
    fig.pipe(case_periods, years=None, show_derived=True, measure="count")
    fig.pipe(case_periods, years=None, show_derived=False, measure="per_month")
    caveats(fig)
    return "accepted"


@pytest.mark.parametrize("source", list(SOURCES))
def test_unmutated_annotations_are_accepted(sources, folder, source):
    article, doc = sources[source]
    assert outcome(article, write(folder, doc)) == "accepted"


@pytest.mark.parametrize("source", list(SOURCES))
@pytest.mark.parametrize("operations", ["any", "gentle"])
def test_check_reports_or_tables_build(sources, folder, source, operations):
    article, original = sources[source]
    ops = OPERATIONS if operations == "any" else GENTLE
    seen = {"reported": 0, "accepted": 0}

    @BUDGET
    @given(data=st.data())
    def mutant(data):
        doc = copy.deepcopy(original)
        c = DataChooser(data, VALUES)
        mutate(doc, c, data.draw(st.integers(1, 3)), ops)
        seen[outcome(article, write(folder, doc))] += 1

    mutant()
    # the budget really exercises both sides of the contract
    assert seen["reported"] >= 10
    assert seen["accepted"] >= (1 if operations == "any" else 10)


def exec_notebook(name: str, **params) -> dict:
    """Run a notebook's code cells in this process, parameters injected after its `parameters` cell."""
    import matplotlib

    matplotlib.use("Agg")
    nb = json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))
    ns = {"__name__": "__main__", "display": lambda *a, **k: None}
    with contextlib.redirect_stdout(io.StringIO()):
        for k, cell in enumerate(nb["cells"]):
            if cell["cell_type"] != "code":
                continue
            exec(compile("".join(cell["source"]), f"{name}.ipynb[{k}]", "exec"), ns)  # noqa: S102
            if "parameters" in cell.get("metadata", {}).get("tags", []):
                ns.update(params)
    return ns


def accepted_mutants(sources, folder, source: str, count: int, seed: int = 20190712):
    """The first ``count`` accepted mutants from a seeded generator (the same ones on every run)."""
    article, original = sources[source]
    rng = random.Random(seed)
    found = []
    for _ in range(200):
        doc = copy.deepcopy(original)
        mutate(doc, Chooser(rng), rng.randint(1, 3), GENTLE)
        path = write(folder, doc)
        if outcome(article, path) == "accepted":
            found.append(path)
            if len(found) == count:
                break
    assert len(found) == count
    return found


@pytest.mark.parametrize("source, count", [("seed", 3), ("fixture", 2)])
def test_notebooks_run_on_accepted_mutants(sources, folder, tmp_path, source, count):
    article_path = SOURCES[source][0]
    for k, path in enumerate(accepted_mutants(sources, folder, source, count)):
        sides = load_annotation(path, sources[source][0]).sides
        common = {"article_path": str(article_path), "annotation_path": str(path)}
        exec_notebook("01-enforcement-statistics", **common, output_dir=str(tmp_path / f"{k}-01"))
        exec_notebook("02-claim-timeline", **common, show_context=True, output_dir=str(tmp_path / f"{k}-02"))
        ns = exec_notebook("03-framing-comparison", **common, side_a=sides[0], side_b=sides[1],
                           output_dir=str(tmp_path / f"{k}-03"))
        assert (tmp_path / f"{k}-03" / "claims.jsonld").exists() and "claims" in ns
