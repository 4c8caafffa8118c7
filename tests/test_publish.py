"""Output folders are published as a whole: failures leave the previous set, modes follow the umask,
dead runs' leftovers are removed, and the command line maps every failure to one line and an exit code."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys

import pytest

from exportrow import cli, export
from exportrow.outdir import MARKER, marker_text, temporary_marker

TABLES = [".exportrow.json", "actors.csv", "claims.csv", "datapackage.json", "events.csv", "figures.csv"]


def tables_cmd(out, **kw):
    return subprocess.run([sys.executable, "-m", "exportrow.cli", "tables", "--out", str(out)],
                          capture_output=True, text=True, **kw)


def files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def tables_out(tmp_path):
    out = tmp_path / "tables"
    assert tables_cmd(out).returncode == 0
    return out


def test_full_disk_leaves_the_previous_tables_and_names_the_file(tables_out, monkeypatch, capsys):
    (tables_out / "figures.csv").write_bytes(b"an older set\n")  # so that a mix of old and new would show
    (tables_out / MARKER).write_text(marker_text("tables", files=sorted(files(tables_out))[1:]))  # names only
    before = files(tables_out)
    real = export.write_atomic

    def full_disk(path, data):
        if path.name == "claims.csv":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real(path, data)

    monkeypatch.setattr(export, "write_atomic", full_disk)
    code = cli.main(["tables", "--out", str(tables_out)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert f"{tables_out / 'claims.csv'}: cannot write (No space left on device)" in err
    assert f"the previous tables in {tables_out} were left as they were" in err
    assert files(tables_out) == before  # not one new file mixed in
    assert sorted(p.name for p in tables_out.parent.iterdir()) == ["tables"]  # no temporary folder, no lock


def test_tables_replace_only_their_own_set(tables_out):
    """A table an earlier run wrote (listed in the marker) goes; see tests/test_own_files_kept.py for a user's file."""
    import json

    (tables_out / "old-table.csv").write_text("from an earlier version\n")
    marker = json.loads((tables_out / MARKER).read_text())
    (tables_out / MARKER).write_text(marker_text("tables", files=[*marker["files"], "old-table.csv"]))
    assert tables_cmd(tables_out).returncode == 0
    assert sorted(files(tables_out)) == TABLES


def test_published_folders_follow_the_umask(tmp_path):
    out = tmp_path / "t"
    res = tables_cmd(out, preexec_fn=lambda: os.umask(0o027))
    assert res.returncode == 0, res.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o750
    assert {stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()} == {0o640}


def test_next_run_removes_a_dead_runs_leftovers_only(tables_out):
    parent = tables_out.parent
    dead = parent / ".tables.999999999-x1.tmp"  # a run killed with SIGKILL: no such process any more
    dead.mkdir()
    temporary_marker(dead, "tables", pid=999999999)
    alive = parent / f".tables.{os.getppid()}-x2.tmp"  # a process that is alive: not ours to judge
    alive.mkdir()
    temporary_marker(alive, "tables", pid=os.getppid())
    unmarked = parent / ".tables.999999998-x3.tmp"  # no marker: not exportrow's
    unmarked.mkdir()
    assert tables_cmd(tables_out).returncode == 0
    assert sorted(p.name for p in parent.iterdir()) == sorted([alive.name, unmarked.name, "tables"])


def test_the_committed_tables_folder_carries_the_marker():
    from exportrow import paths
    from exportrow.outdir import checksums

    names = ["actors.csv", "claims.csv", "datapackage.json", "events.csv", "figures.csv"]
    assert (paths.DATA / "processed" / MARKER).read_text() == marker_text(
        "tables", files=names, sums=checksums(paths.DATA / "processed", names))


def test_a_bug_is_one_line_and_debug_shows_the_traceback(monkeypatch, capsys):
    import exportrow.tables

    def broken(*a, **kw):
        raise RuntimeError("something impossible\nsecond line")

    monkeypatch.setattr(exportrow.tables, "annotation", broken)
    assert cli.main(["tables", "--out", "/nonexistent-never-written"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == ("internal error (a bug in exportrow): RuntimeError: something impossible; run the command "
                           "again with --debug to see the traceback, and please report it")
    assert cli.main(["--debug", "tables", "--out", "/nonexistent-never-written"]) == 1
    assert "Traceback" in capsys.readouterr().err
    assert cli.main(["tables", "--debug", "--out", "/nonexistent-never-written"]) == 1
    assert "Traceback" in capsys.readouterr().err


def test_exit_codes_are_documented():
    text = cli.build_parser().format_help()
    for line in ("0    success", "1    bad data", "2    usage error", "130  interrupted by Ctrl-C (SIGINT)",
                 "143  stopped by SIGTERM or SIGHUP", "--debug"):
        assert line in text
