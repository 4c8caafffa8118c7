"""Catalogue of bad options, parameter values and output folders: each a test, refused before any kernel starts.

Every case runs the command line (``exportrow.cli.main``, in this process: refusals never start a
kernel, so this stays fast) and asserts the message, the exit code, that no traceback was
printed, and that nothing outside exportrow's own files changed: the sandbox folder and the
project's files are snapshotted before and after.

Columns of ``CATALOGUE``: id, what is wrong, the command-line arguments (``{sandbox}`` and
``{project}`` are filled in; the command runs in the sandbox), an optional setup, the expected
message fragment and the exit code.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from exportrow import cli, paths
from exportrow.outdir import MARKER, Publication, marker_text

PROJECT = paths.PROJECT_ROOT
ARTICLE = str(paths.default_article())
PAGE = str(PROJECT / "tests" / "fixtures" / "pages" / "northgate-wire-kelmark-port-fees.html")
FIXTURE_ARTICLE = str(PROJECT / "tests" / "fixtures" / "example-gazette-2021-03-03-freedonia-sylvania-fishing.txt")


def user_folder(sandbox: Path) -> None:
    """A folder of the user's own files."""
    (sandbox / "mine").mkdir()
    (sandbox / "mine" / "notes.txt").write_text("my notes\n")
    (sandbox / "mine" / "thesis").mkdir()
    (sandbox / "mine" / "thesis" / "chapter1.md").write_text("# One\n")


def a_file(sandbox: Path) -> None:
    (sandbox / "a-file.txt").write_text("keep me\n")


def marked(kind: str, *, pid: int | None = None) -> Callable[[Path], None]:
    def setup(sandbox: Path) -> None:
        (sandbox / "out").mkdir()
        (sandbox / "out" / MARKER).write_text(marker_text(kind, pid=pid))
        (sandbox / "out" / "index.html").write_text("published earlier\n")
    return setup


def failed_not_ours(sandbox: Path) -> None:
    (sandbox / "out.failed").mkdir()
    (sandbox / "out.failed" / "draft.txt").write_text("the user's, not a failed report\n")


def symlink_to_user_folder(sandbox: Path) -> None:
    user_folder(sandbox)
    (sandbox / "link").symlink_to(sandbox / "mine")


def locked(sandbox: Path):
    """Another run holds the lock on ``out`` (a Publication open in this process)."""
    pub = Publication(sandbox / "out", "report")
    pub.__enter__()
    return lambda: pub.__exit__(None, None, None)


def locked_tables(sandbox: Path):
    pub = Publication(sandbox / "tables", "tables")
    pub.__enter__()
    return lambda: pub.__exit__(None, None, None)


FIXTURE_ANNOTATION = FIXTURE_ARTICLE.removesuffix(".txt") + ".yaml"
LATIN1 = "caf\udce9.txt"  # how Python receives the Latin-1 file name caf\xe9.txt (bytes 63 61 66 e9) in argv
NOT_UTF8 = "not valid UTF-8 (the byte \\xe9)"
RENAME = "Rename the file 'caf\\xe9.txt' to a UTF-8 name"
RETYPE = "not valid UTF-8 (the byte \\xff); exportrow writes names and values into UTF-8 files and pages, which " \
         "cannot hold it. Type the value again in UTF-8"


def latin1_article(sandbox: Path) -> None:
    """The fixture article under a Latin-1 file name, as a Windows zip unpacks it, and its annotation beside it."""
    (sandbox / LATIN1).write_bytes(Path(FIXTURE_ARTICLE).read_bytes())
    (sandbox / "a.yaml").write_bytes(Path(FIXTURE_ANNOTATION).read_bytes())


def latin1_folder(sandbox: Path) -> None:
    (sandbox / "caf\udce9").mkdir()


@dataclass
class Case:
    id: str
    wrong: str
    args: list[str]
    message: str
    code: int = 2
    setup: Callable | None = None


R = ["report", "--out", "{sandbox}/out"]

CATALOGUE = [
    # -p values, checked against each notebook's parameters cell
    Case("bool-maybe", "a bool parameter given neither true nor false", [*R, "-p", "show_derived", "maybe"],
         "-p show_derived 'maybe': not true or false; allowed: true or false (declared by 01-enforcement-statistics)"),
    Case("int-negative", "below the declared minimum", [*R, "-p", "min_word_count", "-5"],
         "-p min_word_count '-5': out of range; allowed: a whole number, at least 1"),
    Case("int-zero-words", "no words to show", [*R, "-p", "top_words", "0"],
         "-p top_words '0': out of range; allowed: a whole number, at least 1 and at most 50"),
    Case("int-above-max", "above the declared maximum", [*R, "-p", "close_up_weeks", "53"],
         "-p close_up_weeks '53': out of range; allowed: a whole number, at least 0 and at most 52"),
    Case("int-word", "a word for a whole number", [*R, "-p", "close_up_weeks", "two"],
         "-p close_up_weeks 'two': not a whole number"),
    Case("int-fraction", "a fraction for a whole number", [*R, "-p", "top_words", "2.5"],
         "-p top_words '2.5': not a whole number"),
    Case("float-word", "a word for a number", [*R, "-p", "prior_strength", "strong"],
         "-p prior_strength 'strong': not a number; allowed: a number, at least 0.01"),
    Case("float-zero", "a prior of no weight", [*R, "-p", "prior_strength", "0"],
         "-p prior_strength '0': out of range; allowed: a number, at least 0.01"),
    Case("float-nan", "not a finite number", [*R, "-p", "prior_strength", "nan"],
         "-p prior_strength 'nan': not a finite number"),
    Case("choice-format", "a figure format no notebook writes", [*R, "-p", "figure_format", "gif"],
         '-p figure_format \'gif\': not an allowed value; allowed: one of "png", "svg", "pdf"'),
    Case("choice-measure", "a measure notebook 01 does not know", [*R, "-p", "measure", "percent"],
         'allowed: one of "per_month", "count" (declared by 01-enforcement-statistics)'),
    Case("choice-frames", "a frame column notebook 03 does not know", [*R, "-p", "frame_column", "tertiary"],
         'allowed: one of "primary", "both"'),
    Case("choice-background", "a prior background notebook 03 does not know",
         [*R, "-p", "prior_background", "web"], 'allowed: one of "article", "claims", "uniform"'),
    Case("choice-case", "the right word in the wrong case", [*R, "-p", "figure_format", "PNG"],
         "-p figure_format 'PNG': not an allowed value"),
    Case("list-scalar", "a year where a list is declared", [*R, "-p", "years", "2016"],
         "-p years '2016': not a list; allowed: a list of whole numbers in YAML form, e.g. [2016, 2017]"),
    Case("list-broken-yaml", "an unclosed list", [*R, "-p", "years", "[2016, 2017"],
         "-p years '[2016, 2017': not valid YAML"),
    Case("list-alias", "a YAML alias (alias bombs are refused)", [*R, "-p", "sides", "[&a seoul, *a]"],
         "-p sides '[&a seoul, *a]': not valid YAML"),
    Case("date-impossible", "February 30", [*R, "-p", "published", "2019-02-30"],
         "-p published '2019-02-30': February 2019 has no day 30 (it has 28 days); allowed: an ISO date "
         "(YYYY-MM-DD) or date-time (e.g. 2025-03-14T10:00 or 2025-03-14T10:00:00+01:00), or empty"),
    Case("date-words", "a date in words", [*R, "-p", "published", "July 19"],
         "-p published 'July 19': 'July 19' is not an ISO 8601 date"),
    Case("date-window-item", "a word in a list of dates", [*R, "-p", "date_window", "[2019-07-01, soon]"],
         "-p date_window '[2019-07-01, soon]': 'soon' is not an ISO date; allowed: a list of ISO dates"),
    # review 5, finding 8: a window's order and years, and a prior too large, are refused before any kernel starts
    Case("date-window-reversed", "a window that ends before it starts",
         [*R, "--notebooks", "02", "-p", "date_window", "[2025-03-20,2025-03-01]"],
         "-p date_window '[2025-03-20,2025-03-01]': the window ends (2025-03-01) before it starts (2025-03-20); "
         "write the earlier date first, and the end (exclusive) after the start; allowed: a list of ISO dates"),
    Case("date-window-empty", "a window that ends on the day it starts (end exclusive: no day in it)",
         [*R, "-p", "date_window", "[2025-03-20, 2025-03-20]"],
         "-p date_window '[2025-03-20, 2025-03-20]': the window ends (2025-03-20) on the day it starts: the end is "
         "exclusive, so it holds no day"),
    Case("date-window-years", "a window over the whole calendar", [*R, "-p", "date_window", "[0001-01-01,9999-12-31]"],
         "-p date_window '[0001-01-01,9999-12-31]': year 1 is not a year of a news article (years 1700 to 2199)"),
    Case("date-window-one", "a window of one date", [*R, "-p", "date_window", "[2019-07-01]"],
         "-p date_window '[2019-07-01]': a window is [start, end], two ISO dates, not 1 item"),
    Case("published-far-future", "a publication date in year 9999 (blamed on -p, not on the annotation)",
         [*R, "-p", "published", "9999-12-31"],
         "-p published '9999-12-31': year 9999 is not a year of a news article (years 1700 to 2199); "
         "allowed: an ISO date (YYYY-MM-DD) or date-time (e.g. 2025-03-14T10:00 or 2025-03-14T10:00:00+01:00), "
         "or empty"),
    Case("float-huge", "a prior that would drown every count (1e308 overflowed in notebook 03)",
         [*R, "-p", "prior_strength", "1e308"],
         "-p prior_strength '1e308': out of range; allowed: a number, at least 0.01 and at most 1000000"),
    Case("float-subnormal", "a prior near 0 (5e-324 failed in notebook 03's kernel, review 6 finding 5)",
         [*R, "-p", "prior_strength", "5e-324"],
         "-p prior_strength '5e-324': out of range; allowed: a number, at least 0.01 and at most 1000000"),
    Case("float-inf", "an infinite prior", [*R, "-p", "prior_strength", "inf"],
         "-p prior_strength 'inf': not a finite number"),
    Case("param-unknown", "a parameter no selected notebook declares", [*R, "-p", "colour", "red"],
         "parameter 'colour' is not declared by any selected notebook"),
    Case("param-reserved", "output_dir is the report's to set", [*R, "-p", "output_dir", "/tmp/x"],
         "parameter 'output_dir' is set by the report for each notebook; use --out DIR"),
    Case("param-huge", "a 20,000-character value", [*R, "-p", "measure", "x" * 20_000],
         "-p measure: the value is 20,000 characters, more than the 10,000 accepted"),
    Case("notebook-unknown", "a notebook that does not exist", [*R, "--notebooks", "07"],
         "no single notebook matches '07'; choose from: 01-enforcement-statistics"),
    # --jobs and --timeout
    Case("jobs-zero", "no notebook could ever run", [*R, "--jobs", "0"],
         "argument --jobs: must be a whole number of at least 1, not '0'"),
    Case("jobs-negative", "a negative number of jobs", [*R, "--jobs", "-2"],
         "argument --jobs: must be a whole number of at least 1, not '-2'"),
    Case("jobs-word", "a word for a number", [*R, "--jobs", "many"],
         "argument --jobs: must be a whole number of at least 1, not 'many'"),
    Case("timeout-zero", "every cell would time out", [*R, "--timeout", "0"],
         "argument --timeout: must be a whole number of seconds, more than 0, not '0'"),
    Case("timeout-negative", "a negative time limit", [*R, "--timeout", "-5"],
         "argument --timeout: must be a whole number of seconds, more than 0, not '-5'"),
    # report --out
    Case("out-empty", "an empty shell variable (--out \"$X\")", ["report", "--out", ""],
         "--out is empty; name a folder, e.g. --out reports/mine"),
    Case("out-blank", "only spaces", ["report", "--out", "  "], "--out is empty"),
    Case("out-file", "an existing file", ["report", "--out", "{sandbox}/a-file.txt"],
         "a-file.txt: that is a file; exportrow writes an exportrow report into a folder of its own", setup=a_file),
    Case("out-under-a-file", "a folder inside a file", ["report", "--out", "{sandbox}/a-file.txt/report"],
         "a-file.txt is a file; choose another path", setup=a_file),
    Case("out-user-folder", "a folder of the user's files", ["report", "--out", "{sandbox}/mine"],
         "the folder holds files that exportrow did not write (notes.txt, thesis) and has no .exportrow.json marker",
         setup=user_folder),
    Case("out-symlink", "a link to a folder of the user's files", ["report", "--out", "{sandbox}/link"],
         "the folder holds files that exportrow did not write", setup=symlink_to_user_folder),
    Case("out-dot", "the current folder, a user's folder", ["report", "--out", "."],
         "--out .: the folder holds files that exportrow did not write", setup=user_folder),
    Case("out-project", "the project root (a clone, .git included)", ["report", "--out", "{project}"],
         "that is the project folder"),
    Case("out-notebooks", "the source notebooks", ["report", "--out", "{project}/notebooks"],
         "that is the project's notebooks/ folder"),
    Case("out-data", "the data folder", ["report", "--out", "{project}/data"], "that is the project's data/ folder"),
    Case("out-raw", "the raw articles", ["report", "--out", "{project}/data/raw"],
         "that is the project's data/raw/ folder"),
    Case("out-git", "inside .git", ["report", "--out", "{project}/.git/report"],
         "that is inside the project's .git/ folder"),
    Case("out-parent", "a folder that contains the project", ["report", "--out", "{project}/.."],
         "that folder contains the project folder"),
    Case("out-home", "the home folder", ["report", "--out", "~"], "that is your home folder"),
    Case("out-root", "the root of the file system", ["report", "--out", "/"], "that is the root of the file system"),
    Case("out-tables", "a tables folder is not a report", ["report", "--out", "{sandbox}/out"],
         "the folder holds exportrow tables, not an exportrow report", setup=marked("tables")),
    Case("out-in-progress", "the temporary folder of a running report", ["report", "--out", "{sandbox}/out"],
         "that is a temporary folder of an exportrow run in progress", setup=marked("report", pid=1)),
    Case("out-failed-not-ours", "<out>.failed holds the user's files", ["report", "--out", "{sandbox}/out"],
         "out.failed: the folder holds files that exportrow did not write", setup=failed_not_ours),
    Case("out-locked", "another report is writing into the folder", ["report", "--out", "{sandbox}/out"],
         f"another exportrow run (process {os.getpid()}) is writing into this folder", setup=locked),
    # tables --out
    Case("tables-empty", "an empty path", ["tables", "--out", ""],
         "--out is empty; name a folder, e.g. --out tables/mine"),
    Case("tables-file", "an existing file", ["tables", "--out", "{sandbox}/a-file.txt"], "that is a file",
         setup=a_file),
    Case("tables-user-folder", "a folder of the user's files", ["tables", "--out", "{sandbox}/mine"],
         "the folder holds files that exportrow did not write", setup=user_folder),
    Case("tables-project", "the project root", ["tables", "--out", "{project}"], "that is the project folder"),
    Case("tables-notebooks", "the source notebooks", ["tables", "--out", "{project}/notebooks"],
         "that is the project's notebooks/ folder"),
    Case("tables-annotations", "the annotation files", ["tables", "--out", "{project}/data/annotations"],
         "that is the project's data/annotations/ folder"),
    Case("tables-home", "the home folder", ["tables", "--out", "~"], "that is your home folder"),
    Case("tables-report", "a report folder is not a tables folder", ["tables", "--out", "{sandbox}/out"],
         "the folder holds an exportrow report, not exportrow tables", setup=marked("report")),
    Case("tables-locked", "another run is writing the tables", ["tables", "--out", "{sandbox}/tables"],
         "another exportrow run", setup=locked_tables),
    # the default --out, data/processed, holds the bundled article's tables as shipped (review 5, finding 7)
    Case("tables-own-article-default", "your own article without --out",
         ["tables", "--article", FIXTURE_ARTICLE],
         "--out is not given, and the default, the project's data/processed/, holds the bundled article's tables as "
         f"the project ships them; tables made with --article '{FIXTURE_ARTICLE}' go into a folder of their own: "
         "name it, e.g. --out tables/example-gazette-2021-03-03-freedonia-sylvania-fishing"),
    Case("tables-own-article-processed", "your own article with --out data/processed",
         ["tables", "--article", FIXTURE_ARTICLE, "--out", "{project}/data/processed"],
         "is the project's data/processed/, which holds the bundled article's tables"),
    Case("tables-context-default", "the context layer without --out", ["tables", "--context"],
         "tables made with --context go into a folder of their own: name it, e.g. --out tables/mine"),
    # student-edition --out: the same rule (exportrow.outdir)
    Case("edition-user-folder", "a folder of the user's files",
         ["student-edition", "--no-pdf", "--out", "{sandbox}/mine"],
         "the folder holds files that exportrow did not write", setup=user_folder),
    Case("edition-notebooks", "the source notebooks", ["student-edition", "--no-pdf", "--out", "{project}/notebooks"],
         "that is the project's notebooks/ folder"),
    Case("edition-report", "a report folder is not a student edition",
         ["student-edition", "--no-pdf", "--out", "{sandbox}/out"],
         "the folder holds an exportrow report, not an exportrow student edition", setup=marked("report")),
    # extract, import and view --out FILE: a file exportrow did not write is never replaced, not even with --force
    Case("extract-user-file", "the user's own file, with --force", ["extract", ARTICLE, "--force", "--out",
                                                                      "{sandbox}/a-file.txt"],
         "exists and exportrow did not write it", setup=a_file),
    Case("extract-folder", "a folder", ["extract", ARTICLE, "--out", "{sandbox}"], "is a folder"),
    Case("import-user-file", "the user's own file, with --force", ["import", PAGE, "--force", "--out",
                                                                     "{sandbox}/a-file.txt"],
         "exists and exportrow did not write it", setup=a_file),
    Case("view-user-file", "the user's own file, with --force", ["view", "--force", "--out", "{sandbox}/a-file.txt"],
         "exists and exportrow did not write it", setup=a_file),
    # a file name or value that is not UTF-8 (a Latin-1 name, a terminal not set to UTF-8): one refusal for every
    # command, before any work (they crashed writing it into a UTF-8 file: "internal error", UnicodeEncodeError)
    Case("latin1-view", "a Latin-1 file name", ["view", LATIN1, "--annotation", "a.yaml", "--out", "v.html"],
         f"ARTICLE 'caf\\xe9.txt': {NOT_UTF8}", setup=latin1_article),
    Case("latin1-tables", "a Latin-1 file name",
         ["tables", "--article", LATIN1, "--annotation", "a.yaml", "--out", "t"],
         f"--article 'caf\\xe9.txt': {NOT_UTF8}", setup=latin1_article),
    Case("latin1-extract", "a Latin-1 file name", ["extract", LATIN1, "--out", "d.yaml"], RENAME, setup=latin1_article),
    Case("latin1-worksheet", "a Latin-1 file name", ["worksheet", "a.yaml", "--article", LATIN1, "--out", "w.csv"],
         RENAME, setup=latin1_article),
    Case("latin1-report", "a Latin-1 file name", [*R, "--article", LATIN1, "--annotation", "a.yaml"], RENAME,
         setup=latin1_article),
    Case("latin1-edition", "a Latin-1 file name",
         ["student-edition", "--no-pdf", "--article", LATIN1, "--annotation", "a.yaml", "--out", "se"], RENAME,
         setup=latin1_article),
    Case("latin1-check", "check refuses it too (it passed what tables refused)",
         ["check", "a.yaml", "--article", LATIN1], RENAME, setup=latin1_article),
    Case("latin1-agree", "a coding under a Latin-1 name", ["agree", "a.yaml", LATIN1], f"CODING 'caf\\xe9.txt': "
         f"{NOT_UTF8}", setup=latin1_article),
    Case("latin1-out-folder", "an --out inside a Latin-1 folder", ["tables", "--out", "caf\udce9/new"],
         "--out 'caf\\xe9/new': not valid UTF-8 (the byte \\xe9); exportrow writes names and values into UTF-8 files "
         "and pages, which cannot hold it. Rename the folder 'caf\\xe9' to a UTF-8 name", setup=latin1_folder),
    Case("not-utf8-outlet-view", "an outlet typed in Latin-1", ["view", FIXTURE_ARTICLE, "--outlet", "\udcff", "--out",
                                                                "v.html"], f"--outlet '\\xff': {RETYPE}"),
    Case("not-utf8-outlet-tables", "an outlet typed in Latin-1",
         ["tables", "--article", FIXTURE_ARTICLE, "--outlet", "\udcff", "--out", "t"], f"--outlet '\\xff': {RETYPE}"),
    Case("not-utf8-outlet-check", "check refuses it too (it printed '\\udcff')",
         ["check", FIXTURE_ANNOTATION, "--outlet", "\udcff"], f"--outlet '\\xff': {RETYPE}"),
    Case("not-utf8-parameter", "a -p value typed in Latin-1", [*R, "-p", "outlet", "\udcff"],
         f"-p outlet '\\xff': {RETYPE}"),
    Case("not-utf8-import", "an outlet typed in Latin-1", ["import", PAGE, "--outlet", "\udcff", "--out", "x.txt"],
         f"--outlet '\\xff': {RETYPE}"),
]


def snapshot(*folders: Path) -> dict:
    """Every file and folder under ``folders`` with its size, mode and modification time (not .git/.venv)."""
    skip = {".git", ".venv", "__pycache__", "reports", "exportrow.egg-info", ".pytest_cache"}
    seen = {}
    for top in folders:
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames[:] = [d for d in dirnames if d not in skip]
            for name in [*dirnames, *filenames]:
                p = Path(dirpath) / name
                st = p.lstat()
                seen[str(p)] = (st.st_size, st.st_mode, st.st_mtime_ns)
            seen[dirpath] = os.lstat(dirpath).st_mtime_ns
    return seen


@pytest.fixture
def sandbox(tmp_path, monkeypatch):
    box = tmp_path / "sandbox"
    box.mkdir()
    (tmp_path / "home").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(box)
    had = "rfc3987_syntax" in sys.modules  # the report command skips an optional jsonschema import
    yield box
    if not had:
        sys.modules.pop("rfc3987_syntax", None)


@pytest.mark.parametrize("case", CATALOGUE, ids=[c.id for c in CATALOGUE])
def test_refused_with_a_clear_message(case, sandbox, capsys):
    undo = case.setup(sandbox) if case.setup else None
    args = [a.replace("{sandbox}", str(sandbox)).replace("{project}", str(PROJECT)) for a in case.args]
    before = snapshot(sandbox, PROJECT)
    try:
        try:
            code = cli.main(args)
        except SystemExit as exc:  # argparse refuses bad option values itself (exit 2)
            code = exc.code
        after = snapshot(sandbox, PROJECT)
    finally:
        if callable(undo):
            undo()
    out, err = capsys.readouterr()
    assert code == case.code, err
    assert case.message in err, err
    assert "Traceback" not in out + err
    assert err.count("error:") == 1  # one clear message
    assert after == before  # nothing created, changed or removed


def test_catalogue_is_large_and_unique():
    ids = [c.id for c in CATALOGUE]
    assert len(ids) == len(set(ids)) and len(ids) >= 25
    assert all(c.wrong and c.message and c.code in (1, 2) for c in CATALOGUE)


def test_latin1_file_name_from_the_shell_is_refused(tmp_path):
    """The real thing: the bytes of a Latin-1 name in argv, through the installed command (not a str handed to main)."""
    import subprocess

    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_bytes(Path(FIXTURE_ARTICLE).read_bytes())
    exe = Path(sys.executable).with_name("exportrow")
    run = subprocess.run([exe, b"view", b"caf\xe9.txt", b"--annotation", FIXTURE_ANNOTATION, b"--out", b"v.html"],
                         cwd=tmp_path, capture_output=True)
    err = run.stderr.decode("utf-8")  # the message itself is UTF-8: the name is shown as caf\xe9.txt
    assert run.returncode == 2, err
    assert err == (f"error: ARTICLE 'caf\\xe9.txt': {NOT_UTF8}; exportrow writes names and values into UTF-8 files and "
                   f"pages, which cannot hold it. {RENAME} (e.g. `convmv -f latin1 -t utf8 --notest NAME`) or copy it "
                   "under a plain name\n")
    assert sorted(os.listdir(tmp_path)) == [b"caf\xe9.txt".decode("utf-8", "surrogateescape")]  # no v.html
