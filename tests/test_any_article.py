"""Notebooks that fit any article: neutral prose, explained empty states, the annotation's own sides, solutions.

The slow part runs the report, with --solutions, on every fixture article by parameters alone (one report per
article, shared by the assertions) and checks that no page carries the bundled article's specifics: the words
are taken from the bundled annotation itself (its outlet, title, sides, actors, dated expressions, reporting
verbs, quantities), and a word is allowed only where the fixture's own text contains it. The fast part runs the
notebooks' code in this process on variants of the fictional fixture: no claims, no figures, a figure without a
period, an undated event, one declared side, a tie, a bounded total.
"""

from __future__ import annotations

import ast
import contextlib
import copy
import html
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, NOTEBOOKS, kernel_manager, report

from exportrow.annotations import load_annotation
from exportrow.article import load_article, normalize

ARTICLES = sorted([*FIXTURES.glob("*.txt"), *(FIXTURES / "articles").glob("*.txt")])
EXAMPLE = FIXTURES / "example-gazette-2021-03-03-freedonia-sylvania-fishing.txt"
#: Reporting verbs any article may use: not the bundled article's specifics.
COMMON_CUES = {"said", "says", "according to", "cited", "claim", "question", "position", "requires", "sees", "views",
               "argues", "rejects"}


def bundled_tokens() -> set[str]:
    """The bundled article's specifics, from its own annotation: words no page about another article should carry."""
    ann = load_annotation()
    art = ann.article
    tokens = {art.outlet, art.title, *art.outlet.split()[:1]}
    tokens |= {s.capitalize() for s in ann.sides if s not in ("outlet", "other")}
    for a in ann.actors:
        if a.get("span") is not None:
            tokens.add(a["span"].text)
        if a["kind"] == "person":
            tokens.add(a["name"].split(",")[0].split("(")[0].strip())
    tokens |= {e["expression"] for e in ann.events if e.get("expression") and re.search("[A-Za-z]", e["expression"])}
    tokens |= {f["period"] for f in ann.figures if f.get("period") and re.search("[A-Za-z]", f["period"])}
    tokens |= {c["cue"] for c in ann.claims if c["cue"] not in COMMON_CUES}
    tokens |= {s["compare_with"] for s in ann.statements if s.get("compare_with")}
    tokens |= {q for f in ann.figures for q in (f["quantity"], f["quantity"].replace("_", " "))}
    return {" ".join(t.split()) for t in tokens if t and len(t) >= 4}


def test_the_bundled_tokens_are_the_bundled_articles_own():
    tokens = bundled_tokens()
    for word in ("Nikkei", "Seoul", "Tokyo", "Kang Kyung-wha", "Mike Pompeo", "Wednesday", "last week",
                 "this January", "December 2017", "four years", "widely seen as", "insist", "illegal export cases"):
        assert word in tokens, word
    assert not tokens & {"said", "Security", "cases", "2017"}  # generic words and bare years are no specifics


def _said(text: str, token: str) -> bool:
    """Whether ``token`` stands in ``text`` as whole words (case, curly quotes and spacing folded)."""
    folded = normalize(text)[0].lower()
    return re.search(rf"(?<!\w){re.escape(normalize(token)[0].lower())}(?!\w)", folded) is not None


def page_text(nb: dict) -> str:
    """What a reader of a notebook's page reads: its Markdown and its outputs (not the code cells)."""
    out = []
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            out.append(source)
        for o in cell.get("outputs", []):
            out.append("".join(o.get("text", "")))
            data = o.get("data", {})
            for kind in ("text/markdown", "text/plain"):
                out.append("".join(data.get(kind, "")))
            if "text/html" in data:
                out.append(html.unescape(re.sub(r"<[^>]+>", " ", "".join(data["text/html"]))))
            if o.get("output_type") == "error":
                out.append(f"{o.get('ename')}: {o.get('evalue')}")
    return "\n".join(out)


def _html_text(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.fixture(scope="module", params=ARTICLES, ids=[p.stem[:40] for p in ARTICLES])
def fixture_report(request, tmp_path_factory):
    """The report on one fixture article, by parameters alone, with the solutions asked for."""
    article = request.param
    out = tmp_path_factory.mktemp("any") / article.stem
    res = report(out, "--article", str(article), "--annotation", str(article.with_suffix(".yaml")), "--solutions")
    return article, out, res


@pytest.mark.slow
def test_the_report_runs_on_every_fixture_article_by_parameters_alone(fixture_report):
    article, out, res = fixture_report
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr and "Solutions skipped" in res.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Solutions skipped" in index and "solutions" not in {p.name for p in out.iterdir()}
    names = sorted(p.name for p in out.iterdir() if p.is_dir() and p.name[:2].isdigit())
    assert names == ["01-enforcement-statistics", "02-claim-timeline", "03-framing-comparison",
                     "04-coding-reliability"]


@pytest.mark.slow
def test_no_page_carries_the_bundled_articles_specifics(fixture_report):
    article, out, res = fixture_report
    assert res.returncode == 0, res.stderr
    art = load_annotation(article.with_suffix(".yaml"), load_article(article)).article
    own = f"{art.raw} {art.published:%A %B}"  # the text, and its own publication day's name ("Dates are resolved ...")
    allowed = {t for t in bundled_tokens() if _said(own, t)}
    pages = {"index.html": _html_text((out / "index.html").read_text(encoding="utf-8"))}
    for nb in sorted(out.glob("*/*.ipynb")):
        pages[nb.name] = page_text(json.loads(nb.read_text(encoding="utf-8")))
    leaks = sorted((name, t) for name, text in pages.items() for t in bundled_tokens() - allowed if _said(text, t))
    assert leaks == [], leaks


@pytest.mark.slow
def test_every_empty_table_or_chart_is_a_sentence(fixture_report):
    article, out, res = fixture_report
    assert res.returncode == 0, res.stderr
    for nb in sorted(out.glob("*/*.ipynb")):
        for cell in json.loads(nb.read_text(encoding="utf-8"))["cells"]:
            for o in cell.get("outputs", []):
                data = o.get("data", {})
                shown = "".join(data.get("text/html", ""))
                assert not re.search(r"<tbody>\s*</tbody>", shown), f"{nb.name}: an empty table"
                alt = "".join(data.get("text/plain", ""))
                assert not alt.startswith(("[chart] No chart", "[chart] Timeline with no events")), f"{nb.name}: {alt}"
                assert "No frames to draw" not in alt and "No word is used by the two sides" not in alt, nb.name


def test_a_wrong_side_is_refused_before_any_kernel_starts(tmp_path):
    res = report(tmp_path / "r", "--article", str(EXAMPLE), "-p", "side_b", "seoul")
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert "side_b 'seoul' is not a side of this annotation" in res.stderr
    assert "its sides are: freedonia, sylvania, outlet, other" in res.stderr
    assert "started" not in res.stderr and not (tmp_path / "r").exists()
    res = report(tmp_path / "r", "-p", "sides", '["narnia"]', "--notebooks", "02")
    assert res.returncode == 2 and "sides 'narnia' is not a side of this annotation" in res.stderr


def test_a_solution_on_another_article_stops_in_its_first_cell_with_one_sentence(tmp_path):
    import papermill

    from exportrow.notebook import NotTheWorkedExample

    for name in ("01-enforcement-statistics", "02-claim-timeline", "03-framing-comparison"):
        executed = tmp_path / f"{name}.ipynb"
        with pytest.raises(papermill.PapermillExecutionError):
            papermill.execute_notebook(str(NOTEBOOKS / "solutions" / f"{name}-solutions.ipynb"), str(executed),
                                       parameters={"article_path": str(EXAMPLE)}, cwd=str(NOTEBOOKS),
                                       progress_bar=False, kernel_name="python3",
                                       kernel_manager_class=kernel_manager())
        cells = [c for c in json.loads(executed.read_text())["cells"] if c["cell_type"] == "code"]
        errors = [(k, o) for k, c in enumerate(cells) for o in c["outputs"] if o["output_type"] == "error"]
        (k, error), = errors
        assert "parameters" in cells[k - 1]["metadata"].get("tags", []) + cells[k - 2]["metadata"].get("tags", [])
        assert error["ename"] == NotTheWorkedExample.__name__
        assert len(error["traceback"]) == 1 and "written for the bundled article" in error["traceback"][0]
        assert all(c["execution_count"] is None for c in cells[k + 1:])  # nothing ran after it


def test_solutions_on_the_bundled_article_still_run(tmp_path):
    res = report(tmp_path / "r", "--notebooks", "01-enforcement-statistics-solutions",
                 "03-framing-comparison-solutions", "--solutions")
    assert res.returncode == 0, res.stderr
    assert "skipped" not in (tmp_path / "r" / "index.html").read_text()


# ---------------------------------------------------------------------------------------------------------------
# Shapes of articles: the notebooks' code, run in this process on variants of the fictional fixture


def exec_notebook(name: str, **params) -> str:
    """Run a notebook's code cells here, as a kernel would; return what its pages would show (Markdown, text)."""
    import matplotlib

    matplotlib.use("Agg")
    nb = json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))
    shown: list = []

    def show(obj):
        if obj is None:
            return
        bundle = obj._repr_mimebundle_() if hasattr(obj, "_repr_mimebundle_") else {}
        if hasattr(obj, "_repr_markdown_"):
            bundle = {"text/markdown": obj._repr_markdown_()}
        shown.append(bundle.get("text/markdown") or bundle.get("text/plain") or repr(obj))
        shown.append(html.unescape(re.sub(r"<[^>]+>", " ", bundle.get("text/html", ""))))

    ns = {"__name__": "__main__", "display": show}
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        for k, cell in enumerate(nb["cells"]):
            if cell["cell_type"] != "code":
                continue
            tree = ast.parse("".join(cell["source"]))
            last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
            exec(compile(tree, f"{name}[{k}]", "exec"), ns)  # noqa: S102
            if last is not None:  # the last expression's value is shown, as in a notebook
                show(eval(compile(ast.Expression(last.value), f"{name}[{k}]", "eval"), ns))  # noqa: S307
            if "parameters" in cell.get("metadata", {}).get("tags", []):
                ns.update(params)
    return "\n".join([*shown, printed.getvalue()])


def variant(tmp_path, change) -> dict:
    """The fictional fixture with its annotation changed by ``change(doc)``: notebook parameters for it."""
    doc = copy.deepcopy(yaml.safe_load(EXAMPLE.with_suffix(".yaml").read_text(encoding="utf-8")))
    change(doc)
    folder = tmp_path / "variant"
    folder.mkdir(exist_ok=True)
    (folder / EXAMPLE.name).write_bytes(EXAMPLE.read_bytes())
    ann = folder / EXAMPLE.with_suffix(".yaml").name
    ann.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    load_annotation(ann, load_article(folder / EXAMPLE.name))  # the variant is a valid annotation
    return {"article_path": str(folder / EXAMPLE.name), "annotation_path": str(ann), "output_dir": str(tmp_path / "o")}


def no_claims(doc):
    doc["claims"] = []
    for e in doc["events"]:
        e.pop("claim", None)


def no_figures(doc):
    doc["figures"], doc["statements"] = [], []
    for e in doc["events"]:
        e.pop("figure", None)


def test_no_claims(tmp_path):
    p = variant(tmp_path, no_claims)
    text = exec_notebook("03-framing-comparison", **p)
    assert "The annotation records no claim at all, so there is nothing to compare" in text
    assert "The annotation records no claim, so there is nothing to code here." in text
    assert "No excerpt: the annotation marks no claim in this article." in text
    assert not (tmp_path / "o" / "frames.png").exists() and not (tmp_path / "o" / "distinctive-words.png").exists()
    assert "4 claims" not in exec_notebook("04-coding-reliability", **p)


def test_no_figures(tmp_path):
    p = variant(tmp_path, no_figures)
    text = exec_notebook("01-enforcement-statistics", **p)
    assert "The annotation records no figure: the article states no number" in text
    assert "**No chart**: no figure, so nothing can be placed on a time line." in text
    assert "The annotation lists no quantitative statement of the article to check" in text
    assert "No excerpt: the annotation marks no figure in this article." in text
    assert not (tmp_path / "o" / "cases-by-period.png").exists()


def test_a_figure_without_a_period_and_parts_without_a_total(tmp_path):
    def change(doc):
        doc["figures"] = [f for f in doc["figures"] if f["id"] != "seizures_total"]
        for f in doc["figures"]:
            if f["id"] == "seizures_2019":
                f.pop("period")
        doc["statements"] = [s for s in doc["statements"] if s["check"] == "growth_factor"]
        doc["ignored_numbers"].append({"quote": "There were 90 seizures from 2018 to this February", "reason": "x"})
        for e in doc["events"]:
            if e.get("figure") in ("seizures_total", "seizures_2019"):
                e.pop("figure")

    text = exec_notebook("01-enforcement-statistics", **variant(tmp_path, change))
    assert "2 have a period and can be placed on a time line; 1 has none (`seizures_2019`)" in text
    assert "Part 2 does not apply here" in text and "No figure is derived" in text
    assert "more_than_doubled" in text and "cannot_check" not in text  # a growth needs values, not periods
    assert (tmp_path / "o" / "cases-by-period.png").exists()  # 2018 and 2020: two bars


def test_a_single_dated_figure_is_a_sentence_not_a_chart(tmp_path):
    def change(doc):
        doc["figures"] = [f for f in doc["figures"] if f["id"] == "seizures_2020"]
        doc["statements"] = []
        for e in doc["events"]:
            e.pop("figure", None)
        doc["ignored_numbers"] += [{"quote": q, "reason": "x"} for q in (
            "There were 90 seizures from 2018 to this February", "Twelve boats were seized in 2018", "30 in 2019")]

    text = exec_notebook("01-enforcement-statistics", **variant(tmp_path, change))
    assert "**No chart**: only one period of boat seizures is left to draw (2020, 40 boats)" in text
    assert not (tmp_path / "o" / "cases-by-period.png").exists()


def test_a_bounded_total_is_hedged_everywhere(tmp_path):
    def change(doc):
        doc["figures"][0]["qualifier"] = "over"

    text = exec_notebook("01-enforcement-statistics", **variant(tmp_path, change))
    assert "`seizures_total` (at least 90)" in text  # the overview names the hedge
    assert "at least **8** boats" in text  # the remainder of a lower bound is a lower bound
    assert "at least 8 boats in 2 months" in text  # the chart's alt text
    checked = (tmp_path / "o" / "statements.csv").read_text()
    assert "counts_within_total" in checked and "approximate" in checked


def test_an_undated_event_is_listed_apart(tmp_path):
    def change(doc):
        event = next(e for e in doc["events"] if e["id"] == "official_statement")
        event.pop("expression")
        event.pop("tense", None)

    text = exec_notebook("02-claim-timeline", **variant(tmp_path, change))
    assert "The article reports 1 event without dating it: it is listed here, apart" in text
    events = (tmp_path / "o" / "events.csv").read_text().splitlines()
    assert any(line.startswith("official_statement,") for line in events)


def test_sides_default_to_the_annotations_own(tmp_path):
    text = exec_notebook("03-framing-comparison", **variant(tmp_path, lambda doc: None))
    assert "Comparing **Freedonia** with **Sylvania**." in text

    def one_side(doc):
        doc["sides"] = ["sylvania"]
        for a in doc["actors"]:
            if a["side"] == "freedonia":
                a["side"] = "other"

    text = exec_notebook("03-framing-comparison", **variant(tmp_path, one_side))
    # one declared side: said plainly, not "Comparing Sylvania with the outlet" as if the outlet were its opponent
    assert "The annotation declares one side, **Sylvania**" in text
    assert "Comparing **Sylvania** with **the outlet**." not in text


def test_ties_are_reported_as_ties(tmp_path):
    from exportrow import claims, framing

    def change(doc):
        keep = {"sy_unlicensed_trawlers", "sy_repeated_violations", "fr_seizure_record"}
        doc["claims"] = [c for c in doc["claims"] if c["id"] in keep]
        for e in doc["events"]:
            if e.get("claim") not in keep:
                e.pop("claim", None)

    p = variant(tmp_path, change)
    table = claims(load_article(p["article_path"]), p["annotation_path"])
    lines = framing.summary(table, "freedonia", "sylvania")
    assert "most used frames, tied at 1 each of 2: Legality, constitutionality and jurisprudence; Crime and " \
           "punishment." in lines[1]
    words = table.pipe(framing.fightin_words, "freedonia", "sylvania", min_count=1, background="uniform")
    assert not (words[words.count_a == words.count_b].leans != "neither").any()  # the same count: within chance here


def test_a_notebooks_opening_excerpt_keeps_to_a_few_sentences_of_the_bundled_article():
    import tempfile

    from exportrow.notebook import EXCERPT_SHARE, open_inputs, opening_excerpt

    for layers in (["figures"], ["dates"], ["claims"]):
        view = opening_excerpt(open_inputs("", "", tempfile.mkdtemp(), "demo"), layers)
        kept = sum(b - a for para in view.pieces for piece in para if piece for a, b in [piece])
        body = sum(len(p.text) for p in view.article.paragraphs)
        assert 0 < kept <= EXCERPT_SHARE * body * 1.05, layers  # the dateline may go with the first sentence
        assert view.derived == [] and "resolved by exportrow" not in " ".join(m.hover for m in view.marks)
        page = view._repr_html_()
        assert "<style" not in page and "calc(100% -" not in page and "repeating-linear-gradient" not in page
        assert "Excerpt (sentences)" in page and "belongs to its publisher" in page


def test_the_view_is_drawn_the_same_with_inline_styles():
    from exportrow.view import show_article

    view = show_article(excerpt="sentences")
    inline, page = view.html(inline=True), view.html()
    assert inline.count("<mark") == page.count("<mark") > 20
    assert "<style" not in inline and "<style" in page
    marks = re.findall(r'<mark class="xr-seg ([^"]*)"[^>]*style="([^"]*)"', inline)
    assert marks and all("background-image" in style for cls, style in marks if "xr-claim" in cls)
    assert all("background-clip" in style for _, style in marks)


def test_the_notebooks_prose_names_no_bundled_specifics():
    """Markdown cells are prose for any article: only the parameters' comments may name the bundled default."""
    for nb in sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        prose = "\n".join("".join(c["source"]) for c in json.loads(nb.read_text())["cells"]
                          if c["cell_type"] == "markdown")
        assert [t for t in bundled_tokens() if _said(prose, t)] == [], nb.name


def test_the_solutions_name_their_article_in_their_first_cell():
    for nb in sorted((NOTEBOOKS / "solutions").glob("*.ipynb")):
        code = [c for c in json.loads(nb.read_text())["cells"] if c["cell_type"] == "code"]
        assert "parameters" in code[0]["metadata"]["tags"] and "annotation_path" in "".join(code[0]["source"])
        assert "worked_example(article_path, annotation_path)" in "".join(code[1]["source"]), nb.name


def test_check_sides_from_the_command_line_needs_no_kernel():
    code = ("import sys; from exportrow.sides import check_side_parameters; "
            "from exportrow.annotations import load_annotation; "
            "check_side_parameters(load_annotation(), {'side_a': 'tokyo'}); "
            "print(sorted(m for m in ('papermill', 'nbclient', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_fixture_paths_exist():
    assert EXAMPLE.exists() and len(ARTICLES) >= 12 and all(Path(a).with_suffix(".yaml").exists() for a in ARTICLES)
