"""`exportrow student-edition`: blank notebooks without solutions, a worksheet per notebook, a safe output folder."""

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from conftest import NOTEBOOKS

import exportrow
from exportrow.escape import html_text
from exportrow.handout import handout, pick_claim
from exportrow.paths import PROJECT_ROOT
from exportrow.student import MARKER, find_chromium, worksheet
from exportrow.tables import annotation

pytestmark = pytest.mark.slow  # writes student editions, prints PDFs with Chromium: the full tier only

FIXTURES = PROJECT_ROOT / "tests" / "fixtures"
MAIN = sorted(p.stem for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def edition(out, *args, **kw):
    cmd = [sys.executable, "-m", "exportrow.cli", "student-edition", "--out", str(out), *args]
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


@pytest.fixture(scope="module")
def html_edition(tmp_path_factory):
    out = tmp_path_factory.mktemp("class") / "edition"
    res = edition(out, "--no-pdf")
    assert res.returncode == 0, res.stderr
    return out


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_notebooks_have_no_outputs_and_no_solutions(html_edition):
    names = sorted(p.stem for p in (html_edition / "notebooks").glob("*.ipynb"))
    assert names == MAIN
    assert not list(html_edition.rglob("*solutions*"))
    for name in MAIN:
        nb = load(html_edition / "notebooks" / f"{name}.ipynb")
        original = load(NOTEBOOKS / f"{name}.ipynb")
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        assert code and all(c["outputs"] == [] and c["execution_count"] is None for c in code)
        sources = ["".join(c["source"]) for c in original["cells"] if c["cell_type"] == "code"]
        # the same code; the one change: outputs go beside the notebook, not into the exportrow folder
        outputs = f'output_dir: str = "outputs/{name}"  #'
        assert ["".join(c["source"]) for c in code] == [
            re.sub(r'^output_dir: str = ""  #', outputs, src, flags=re.M) for src in sources]
        assert outputs in "".join(code[0]["source"])
        text = json.dumps(nb)
        assert "solutions/" not in text and "injected-parameters" not in text
        assert sum("parameters" in c["metadata"].get("tags", []) for c in code) == 1  # still runs with papermill


def test_linked_documents_travel_with_the_notebooks(html_edition):
    for nb in (html_edition / "notebooks").glob("*.ipynb"):
        for target in re.findall(r"\]\(\.\./([^)#\s]+)", json.dumps(load(nb))):
            assert (html_edition / target).is_file(), f"{nb.name} links {target}, which is not in the edition"
    assert not (html_edition / "data").exists()  # the article's text is not handed out


def test_worksheets_show_question_charts_and_exercises_but_no_code(html_edition):
    charts = 0
    for name in MAIN:
        page = (html_edition / "worksheets" / f"{name}.html").read_text(encoding="utf-8")
        key = (html_edition / "worksheets" / "answers" / f"{name}.html").read_text(encoding="utf-8")
        ws = worksheet(load(NOTEBOOKS / f"{name}.ipynb"), name)
        sheet = handout(name, annotation())
        boxes = sum(1 for ex in sheet.exercises for p in ex.parts if not isinstance(p, tuple) or p[1])
        assert ws.question and ws.question.split()[0] in page
        assert "Question" in page and page.count('class="answer"') == boxes
        # review 11b, finding 13: the answers are a file of their own, so that sharing the sheets is safe
        assert "<img " not in page and "<h2>Check your answer" not in page and sheet.check not in page
        assert "The answers come on a separate sheet, after the exercise." in page
        assert key.count("<img ") == len(ws.charts) and "<h2>Check your answer</h2>" in key and sheet.check in key
        assert "<h2>Exercise" not in key and 'class="answer"' not in key
        charts += len(ws.charts)
        for html in (page, key):
            assert all(len(alt) > 20 for alt in re.findall(r'<img [^>]*alt="([^"]*)"', html))
            assert "<script" not in html and "Content-Security-Policy" in html
            assert "import exportrow" not in html and "<pre" not in html  # no code
            assert "solutions/" not in html and "worked solution" not in html.lower()
    assert charts >= 3  # the bundled notebooks' charts


def test_exercise_text_comes_from_the_notebook():
    """A notebook without a paper exercise (exportrow.handout) gets its own exercise text on its sheet."""
    nb = load(NOTEBOOKS / "01-enforcement-statistics.ipynb")
    ws = worksheet(nb, "01-enforcement-statistics")
    exercise = next("".join(c["source"]) for c in nb["cells"] if "".join(c["source"]).startswith("## Exercise"))
    first_sentence = exercise.split("\n\n")[1].split(".")[0]
    assert len(ws.exercises) == 1 and ws.exercises[0].startswith(first_sentence)


@pytest.mark.skipif(not find_chromium(), reason="Debian's chromium is not installed: no PDF printed here")
def test_pdf_worksheets_are_printed(tmp_path):
    out = tmp_path / "class"
    res = edition(out, "--notebooks", "01", "03")
    assert res.returncode == 0, res.stderr
    for name in ("01-enforcement-statistics", "03-framing-comparison"):
        for pdf in ((out / "worksheets" / f"{name}.pdf").read_bytes(),
                    (out / "worksheets" / "answers" / f"{name}.pdf").read_bytes()):
            assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF")
            pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
            assert 1 <= pages <= 3, f"{name}: {pages} pages"

    def words(pdf):  # the printed words, in the order a reader meets them
        return subprocess.run(["pdftotext", str(out / "worksheets" / pdf), "-"], capture_output=True, text=True,
                              check=True).stdout

    if shutil.which("pdftotext"):
        text, key = words("01-enforcement-statistics.pdf"), words("answers/01-enforcement-statistics.pdf")
        assert text.index("EXERCISE") < text.index("Fourteen cases were caught in 2015")
        assert "CHECK YOUR ANSWER" not in text and "72 cases" not in text and "3.06 a month" not in text
        assert "the cell below" not in text and "run the notebook" not in text
        assert "Hand-out for the notebook 01-enforcement-statistics.ipynb. No code needed" in text  # no gap
        assert key.index("CHECK YOUR ANSWER") < key.index("3.06 a month") and "72 cases" in key
        text, key = words("03-framing-comparison.pdf"), words("answers/03-framing-comparison.pdf")
        assert "Pompeo reportedly expressed" in text and "CHECK YOUR ANSWER" not in text
        assert "said by Mike Pompeo, U.S. Secretary of State)" in " ".join(key.split())
    assert sorted(p.name for p in (out / "notebooks").iterdir()) == ["01-enforcement-statistics.ipynb",
                                                                     "03-framing-comparison.ipynb"]


@pytest.mark.skipif(not find_chromium(), reason="Debian's chromium is not installed: no PDF printed here")
def test_two_editions_are_byte_identical(tmp_path):
    # review 11a, finding 17: Chromium writes the time of printing as /CreationDate and /ModDate
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    for run in ("a", "b"):
        assert edition(tmp_path / run, "--notebooks", "01", env=env).returncode == 0
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert "worksheets/01-enforcement-statistics.pdf" in {f.as_posix() for f in files}
    for f in files:
        assert (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes(), f
    pdf = (tmp_path / "a" / "worksheets" / "01-enforcement-statistics.pdf").read_bytes()
    # the bundled article's day of publication, in UTC, never the clock
    assert re.findall(rb"/(?:CreationDate|ModDate) \((D:[^)]*)\)", pdf) == [b"D:20190712000000+00'00'"] * 2
    if shutil.which("qpdf"):  # same length: the cross-reference table still points at every object
        subprocess.run(["qpdf", "--check", str(tmp_path / "a" / "worksheets" / "01-enforcement-statistics.pdf")],
                       check=True, capture_output=True)
    # SOURCE_DATE_EPOCH, the reproducible-builds convention, wins
    assert edition(tmp_path / "c", "--notebooks", "01", env={**env, "SOURCE_DATE_EPOCH": "1000000000"}).returncode == 0
    pdf = (tmp_path / "c" / "worksheets" / "01-enforcement-statistics.pdf").read_bytes()
    assert re.findall(rb"/(?:CreationDate|ModDate) \((D:[^)]*)\)", pdf) == [b"D:20010909014640+00'00'"] * 2


def test_an_edition_for_another_article(tmp_path):
    """--article: the sheets work on that article (no chart of the bundled one), the notebooks point at it."""
    article = FIXTURES / "example-gazette-2021-03-03-freedonia-sylvania-fishing.txt"
    out = tmp_path / "class"
    res = edition(out, "--no-pdf", "--article", str(article))
    assert res.returncode == 0, res.stderr
    for name in MAIN:
        page = (out / "worksheets" / f"{name}.html").read_text(encoding="utf-8")
        assert "The Example Gazette" in page and "Nikkei" not in page and "<img " not in page
        key = (out / "worksheets" / "answers" / f"{name}.html").read_text(encoding="utf-8")
        assert "they are not printed on this sheet" in key and "<img " not in key
        nb = load(out / "notebooks" / f"{name}.ipynb")
        params = next("".join(c["source"]) for c in nb["cells"] if "parameters" in c["metadata"].get("tags", []))
        assert f'article_path: str = "../data/{article.name}"  # article file' in params
        assert f'annotation_path: str = "../data/{article.stem}.yaml"  # annotation' in params
        assert f'output_dir: str = "outputs/{name}"  # folder for tables and figures' in params
    assert sorted(p.name for p in (out / "data").iterdir()) == sorted(
        p.name for p in FIXTURES.glob(f"{article.stem}.*"))  # the article, its annotation, the two other codings
    page = (out / "worksheets" / "03-framing-comparison.html").read_text(encoding="utf-8")
    key = (out / "worksheets" / "answers" / "03-framing-comparison.html").read_text(encoding="utf-8")
    claim = pick_claim(exportrow.claims(exportrow.load_article(article)))
    assert page.index("<h2>Exercise") < page.index(html_text(claim.quote.split()[0]))
    assert "<h2>Check your answer</h2>" in key and "<h2>Check your answer</h2>" not in page
    res = edition(tmp_path / "bad", "--no-pdf", "--article", str(tmp_path / "missing.txt"))
    assert res.returncode != 0 and "missing.txt" in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "bad").exists()


def test_never_replaces_a_folder_it_did_not_write(tmp_path):
    mine = tmp_path / "my-class"
    mine.mkdir()
    (mine / "grades.csv").write_text("alice,A\n")
    res = edition(mine, "--no-pdf")
    assert res.returncode == 2 and "files that exportrow did not write" in res.stderr and "Traceback" not in res.stderr
    assert sorted(p.name for p in mine.iterdir()) == ["grades.csv"]
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine")
    res = edition(a_file, "--no-pdf")
    assert res.returncode == 2 and "is a file" in res.stderr and a_file.read_text() == "mine"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary folder left


def test_one_rule_for_output_folders(tmp_path):
    """The edition follows exportrow's one rule (exportrow.outdir): project folders are refused, and a report or
    a tables folder is not replaced by an edition; an edition of an earlier version (its old marker) still is."""
    from exportrow import paths
    from exportrow.outdir import marker_text

    for folder in (paths.PROJECT_ROOT / "notebooks", paths.PROJECT_ROOT):
        res = edition(folder, "--no-pdf")
        assert res.returncode == 2 and "choose a folder of its own" in res.stderr, res.stderr
    report = tmp_path / "report"
    report.mkdir()
    (report / MARKER).write_text(marker_text("report"))
    res = edition(report, "--no-pdf", "--notebooks", "01")
    assert res.returncode == 2 and "holds an exportrow report, not an exportrow student edition" in res.stderr
    older = tmp_path / "older"
    older.mkdir()
    (older / ".exportrow-student-edition").write_text("Written by `exportrow student-edition`\n")
    assert edition(older, "--no-pdf", "--notebooks", "01").returncode == 0
    assert json.loads((older / MARKER).read_text())["kind"] == "student-edition"


def test_replaces_its_own_folder(tmp_path):
    out = tmp_path / "edition"
    assert edition(out, "--no-pdf", "--notebooks", "01").returncode == 0
    assert (out / "notebooks" / "01-enforcement-statistics.ipynb").is_file()  # its own earlier file: replaced
    res = edition(out, "--no-pdf", "--notebooks", "02")
    assert res.returncode == 0, res.stderr
    assert (out / MARKER).is_file()
    assert sorted(p.name for p in (out / "notebooks").iterdir()) == ["02-claim-timeline.ipynb"]


def test_without_chromium_it_says_what_to_do(tmp_path):
    env = dict(os.environ, PATH=os.path.dirname(sys.executable))  # no chromium on this PATH
    res = edition(tmp_path / "edition", "--notebooks", "01", env=env)
    assert res.returncode == 2 and "chromium" in res.stderr and "--no-pdf" in res.stderr
    assert "Traceback" not in res.stderr and not (tmp_path / "edition").exists()


def test_unknown_notebook_is_a_usage_error(tmp_path):
    res = edition(tmp_path / "edition", "--no-pdf", "--notebooks", "99")
    assert res.returncode == 2 and "choose from" in res.stderr and "Traceback" not in res.stderr


def test_an_edition_for_another_article_runs_wherever_it_is_copied(tmp_path):
    """The edition carries its article and annotation and writes beside its notebooks: moved to another place (a
    student's computer), a notebook runs from its folder and writes its tables there, not into exportrow's."""
    import papermill
    from conftest import kernel_manager

    article = FIXTURES / "example-gazette-2021-03-03-freedonia-sylvania-fishing.txt"
    res = edition(tmp_path / "teacher" / "class", "--no-pdf", "--notebooks", "01", "--article", str(article))
    assert res.returncode == 0, res.stderr
    moved = tmp_path / "student" / "class"
    moved.parent.mkdir()
    shutil.move(tmp_path / "teacher" / "class", moved)
    shutil.rmtree(tmp_path / "teacher")
    folder = moved / "notebooks"
    papermill.execute_notebook(str(folder / "01-enforcement-statistics.ipynb"), str(tmp_path / "run.ipynb"),
                               cwd=str(folder), progress_bar=False, kernel_name="python3",
                               kernel_manager_class=kernel_manager())
    figures = (folder / "outputs" / "01-enforcement-statistics" / "figures.csv").read_text(encoding="utf-8")
    ids = [line.split(",")[0] for line in figures.splitlines()[1:]]
    stated = exportrow.figures(exportrow.load_article(article))
    assert figures.startswith("figure_id,") and ids == list(stated.figure_id)


def test_only_codings_travel_with_the_annotation(tmp_path):
    """A teacher's other file beside the annotation that shares its name (grades) stays behind, and the command
    says what went into data/ and what was left out."""
    stem = "example-gazette-2021-03-03-freedonia-sylvania-fishing"
    mine = tmp_path / "mine"
    mine.mkdir()
    for src in FIXTURES.glob(f"{stem}.*"):
        shutil.copyfile(src, mine / src.name)
    (mine / f"{stem}.grades.csv").write_text("student,grade\nalice,A\n")
    res = edition(tmp_path / "se", "--no-pdf", "--notebooks", "04", "--article", str(mine / f"{stem}.txt"))
    assert res.returncode == 0, res.stderr
    assert sorted(p.name for p in (tmp_path / "se" / "data").iterdir()) == [
        f"{stem}.coder-a.csv", f"{stem}.coder-b.yaml", f"{stem}.txt", f"{stem}.yaml"]
    assert f"left out, not codings of this article: {stem}.grades.csv" in res.stderr
    assert (mine / f"{stem}.grades.csv").read_text() == "student,grade\nalice,A\n"


def test_pdfs_that_differ_only_in_chromiums_node_numbers_become_the_same():
    """A busy machine gave one answer sheet's table headers other DOM node numbers (node00000006 for node00000029),
    so two editions differed in one PDF; renumbered in file order, both prints are the same bytes."""
    from exportrow.student import fix_pdf_ids

    def pdf(first: int, second: int) -> bytes:
        a, b = sorted([(first, 43), (second, 45)])
        return (f"43 0 obj <</S /TH /ID (node{first:08d})>> 45 0 obj <</S /TH /ID (node{second:08d})>> 99 0 obj "
                f"<</Limits [(node{a[0]:08d}) (node{b[0]:08d})]\n/Names [(node{a[0]:08d}) {a[1]} 0 R "
                f"(node{b[0]:08d}) {b[1]} 0 R]>>").encode()

    one, other = pdf(29, 30), pdf(30, 6)
    assert one != other and len(one) == len(other)
    assert fix_pdf_ids(one) == fix_pdf_ids(other)
    assert b"(node00000001) 43 0 R (node00000002) 45 0 R" in fix_pdf_ids(other)
