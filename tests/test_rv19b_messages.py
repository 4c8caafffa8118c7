"""Messages from review rv19b (findings 4 to 6), run in this process through ``exportrow.cli.main``:

- ``worksheet`` on an annotation that is no valid YAML gives the YAML error (file, line, column, fix), not "cannot
  find the article it annotates";
- ``worksheet``, ``extract`` and ``agree`` with an ``--out`` whose folder cannot be written name ``--out``, the
  folder, the reason and the fix, as ``view`` does, never an invented temporary file;
- a coder's CSV cell longer than the csv module's default field limit is read (the file is under the input cap).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES

from exportrow import cli

NAME = "example-gazette-2021-03-03-freedonia-sylvania-fishing"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """The fixture article, annotation and coder A's CSV in ``tmp_path``, the working folder."""
    for suffix in (".txt", ".yaml", ".coder-a.csv"):
        shutil.copy(FIXTURES / f"{NAME}{suffix}", tmp_path / f"{NAME}{suffix}")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# ---------------------------------------------------------------- finding 4

YAML_FIX = "    fix: check indentation and quote any text holding ': ' or '#'"


@pytest.mark.parametrize("change, where", [
    (("    name: Freedonian government", "\tname: Freedonian government"),
     "line 17, column 1: found a tab character that violates indentation"),
    (("  - id: fr_gov\n    name:", "  - id: fr_gov\n      name:"),
     "line 17, column 11: mapping values are not allowed in this context"),
], ids=["tab", "indentation"])
def test_worksheet_reports_the_yaml_error_not_a_missing_article(folder, capsys, change, where):
    text = (folder / f"{NAME}.yaml").read_text(encoding="utf-8")
    assert change[0] in text
    (folder / "bad.yaml").write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    assert cli.main(["worksheet", "bad.yaml", "--out", "w.csv"]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == ["error: 1 problem in the annotation file:",
                                f"  - bad.yaml: file: not valid YAML at {where}", YAML_FIX]
    assert not (folder / "w.csv").exists()


def test_worksheet_still_asks_for_the_article_when_the_yaml_names_none(folder, capsys):
    text = (folder / f"{NAME}.yaml").read_text(encoding="utf-8")
    (folder / "lost.yaml").write_text(text.replace(f"  file: {NAME}.txt\n", ""), encoding="utf-8")
    assert cli.main(["worksheet", "lost.yaml", "--out", "w.csv"]) == 2
    assert capsys.readouterr().err == ("error: lost.yaml: cannot find the article it annotates; name it with "
                                       "--article PATH\n")


# ---------------------------------------------------------------- finding 5

SYS = "/sys"  # a folder nobody may create files in, root included (a class's read-only share stands in for it)
FIX5 = "choose a folder you can write to"
needs_sys = pytest.mark.skipif(not Path(SYS, "kernel").is_dir(), reason="needs Linux's /sys")


@needs_sys
@pytest.mark.parametrize("argv, out, why", [
    (["worksheet", f"{NAME}.yaml"], "/sys/w.csv", "Permission denied"),
    (["extract", f"{NAME}.txt"], "/sys/x.yaml", "Permission denied"),
    (["agree", f"{NAME}.yaml", f"{NAME}.coder-a.csv"], "/sys/x", "Operation not permitted"),
    (["agree", f"{NAME}.yaml", f"{NAME}.coder-a.csv"], "/sys/kernel", "Permission denied"),
    (["import", str(FIXTURES / "pages" / "northgate-wire-kelmark-port-fees.html")], "/sys/a.txt",
     "Permission denied"),
    (["view", f"{NAME}.txt"], "/sys/x.html", "Permission denied"),  # the form the others now share
], ids=["worksheet", "extract", "agree-new-folder", "agree-into-folder", "import", "view"])
def test_an_out_folder_that_cannot_be_written_is_named_with_the_fix(folder, capsys, argv, out, why):
    assert cli.main([*argv, "--out", out]) == 2
    folder_named = out if out == "/sys/kernel" else SYS  # agree writes its tables into --out itself
    assert capsys.readouterr().err == f"error: --out {out}: cannot write in {folder_named} ({why}); {FIX5}\n"


def test_a_disk_full_while_writing_a_worksheet_names_out_not_the_temporary_file(folder, capsys, monkeypatch):
    import errno
    import os

    opened = os.fdopen

    class Full:  # the temporary file of a disk that fills up while it is written
        def __init__(self, fd, mode):
            self.fh = opened(fd, mode)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", Full)
    assert cli.main(["worksheet", f"{NAME}.yaml", "--out", "sheets/w.csv"]) == 2
    assert capsys.readouterr().err == (f"error: --out sheets/w.csv: cannot write in sheets (No space left on "
                                       f"device); {FIX5}\n")
    assert [p.name for p in (folder / "sheets").iterdir()] == []  # no temporary file left behind


# ---------------------------------------------------------------- finding 6

def long_note(folder, extra: str, *, cut: bool = False) -> Path:
    """Coder A's CSV with ``extra`` pasted at the end of claim c01's last cell (its note); with ``cut``, the file
    also stops inside a quoted cell of that length, as a copy cut short does."""
    rows = (folder / f"{NAME}.coder-a.csv").read_text(encoding="utf-8-sig").split("\n")
    i = next(i for i, line in enumerate(rows) if line.startswith("c01;"))
    rows[i] += extra
    if cut:
        rows = rows[:i + 1] + [";".join(rows[i + 1].split(";")[:3]) + ';"' + "M" * 200_000]  # cut in its context
    path = folder / f"{NAME}.big.csv"
    path.write_text("\n".join(rows), encoding="utf-8")
    return path


def test_a_coding_cell_longer_than_the_csv_modules_limit_is_read(folder, capsys):
    import csv

    from exportrow import load_article
    from exportrow.worksheet import read_worksheet

    path = long_note(folder, "N" * 200_000)
    assert path.stat().st_size < 4_000_000  # under the input cap every file gets
    ws = read_worksheet(path, load_article(folder / f"{NAME}.txt"))
    note = next(c["note"] for c in ws.claims if c["id"] == "c01")
    assert note.endswith("N" * 200_000) and len(note) == 200_000
    assert csv.field_size_limit() == 131_072  # raised for the read only
    assert cli.main(["agree", path.name, f"{NAME}.yaml", "--article", f"{NAME}.txt", "--out", "agreement"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Agreement of 2 codings (big, annotation) on 8 claims:\n")
    assert "not readable as CSV" not in err


def test_a_sheet_cut_inside_a_long_cell_is_called_cut(folder):
    from exportrow import load_article
    from exportrow.worksheet import WorksheetError, read_worksheet

    path = long_note(folder, "", cut=True)
    with pytest.raises(WorksheetError) as exc:
        read_worksheet(path, load_article(folder / f"{NAME}.txt"))
    assert exc.value.problems == ["the file ends in the middle of row c02 (4 of 15 cells, the last one a quoted "
                                  "text that is never closed): it looks cut short; save it again from your "
                                  "spreadsheet"]
