"""A dead run's temporary folder is removed only when it is that run's own and holds only what it wrote
(review 13, finding 8).

``.<out>.<pid>-*.tmp`` folders of a dead process were removed whole when they held any readable marker, so a
user's folder of that name holding a copied marker was deleted with the user's files. Now the marker must be that
run's temporary marker (kind, the pid in the folder's name, the folder's name and identity), or a published
marker that lists everything in the folder; anything else is left byte-identical and named in one line.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from exportrow.outdir import MARKER, Publication, marker_text, temporary_marker


def dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(proc.stdout)


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its SHA-256 (links as their target)."""
    out = {}
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).as_posix()
        out[rel] = ("-> " + os.readlink(p) if p.is_symlink() else
                    hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir")
    return out


def run_tables(out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "exportrow.cli", "tables", "--out", str(out)],
                          capture_output=True, text=True)


def test_a_users_folder_with_a_copied_marker_is_kept_and_named(tmp_path):
    """The reviewer's case: a published marker copied into a folder of that name, next to the user's work."""
    assert run_tables(tmp_path / "keep").returncode == 0
    mine = tmp_path / f".report.{dead_pid()}-x.tmp"
    mine.mkdir()
    shutil.copy(tmp_path / "keep" / MARKER, mine / MARKER)
    (mine / "mywork.txt").write_text("student work\n")
    before = tree(mine)
    res = run_tables(tmp_path / "report")
    assert res.returncode == 0, res.stderr
    assert tree(mine) == before and (mine / "mywork.txt").read_text() == "student work\n"
    assert res.stderr.strip() == (
        f"note: {mine}: named like what a dead exportrow run left, but it holds files that its marker does not "
        "list (mywork.txt); it was left as it is (delete it yourself if it is not yours)")


def test_a_copied_temporary_marker_does_not_make_a_folder_exportrows(tmp_path, capsys):
    pid = dead_pid()
    real = tmp_path / f".out.{pid}-real.tmp"
    real.mkdir()
    temporary_marker(real, "tables", pid=pid)
    mine = tmp_path / f".out.{pid}-mine.tmp"  # same pid, another folder: the marker names and identifies `real`
    mine.mkdir()
    shutil.copy(real / MARKER, mine / MARKER)
    (mine / "thesis.md").write_text("my thesis\n")
    moved = tmp_path / f".out.{pid}-moved.tmp"  # a real marker in a copy of the folder: another folder on disk
    shutil.copytree(real, moved)
    with Publication(tmp_path / "out", "tables"):
        pass
    err = capsys.readouterr().err
    assert not real.exists()  # the dead run's own folder: removed
    assert (mine / "thesis.md").read_text() == "my thesis\n" and moved.is_dir()
    assert f"note: {mine}: named like what a dead exportrow run left, but its marker is not that of a temporary " \
           f"tables folder of process {pid}; it was left as it is" in err
    assert f"note: {moved}: " in err


def test_a_dead_runs_folder_holding_a_link_or_another_kind_is_kept(tmp_path, capsys):
    pid = dead_pid()
    thesis = tmp_path / "thesis.txt"
    thesis.write_text("3 years of work\n")
    linked = tmp_path / f".out.{pid}-a.tmp"
    linked.mkdir()
    temporary_marker(linked, "tables", pid=pid)
    (linked / "thesis.txt").symlink_to(thesis)
    other = tmp_path / f".out.{pid}-b.tmp"
    other.mkdir()
    temporary_marker(other, "report", pid=pid)  # a report run's folder: not for a tables run to judge
    wrong_pid = tmp_path / f".out.{pid}-c.tmp"
    wrong_pid.mkdir()
    temporary_marker(wrong_pid, "tables", pid=pid + 1)
    before = {p.name: tree(p) for p in (linked, other, wrong_pid)}
    with Publication(tmp_path / "out", "tables"):
        pass
    assert {p.name: tree(p) for p in (linked, other, wrong_pid)} == before
    assert thesis.read_text() == "3 years of work\n"
    err = capsys.readouterr().err
    assert "it holds things that such a run does not write (thesis.txt)" in err
    assert len(err.strip().splitlines()) == 3


def test_a_dead_runs_own_folders_are_removed(tmp_path):
    pid = dead_pid()
    writing = tmp_path / f".out.{pid}-w.tmp"  # died while writing: its temporary marker, its own files
    (writing / "figures").mkdir(parents=True)
    temporary_marker(writing, "tables", pid=pid)
    (writing / "figures" / "a.csv").write_text("x\n")
    old = tmp_path / f".out.{pid}-old.old"  # died while swapping: a published folder, exactly as listed
    old.mkdir()
    (old / "a.csv").write_text("y\n")
    from exportrow.outdir import checksums
    (old / MARKER).write_text(marker_text("tables", files=["a.csv"], sums=checksums(old, ["a.csv"])))
    with Publication(tmp_path / "out", "tables") as pub:
        removed = sorted(p.name for p in pub.remove_leftovers())
        assert removed == []  # already removed on entering
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    assert json.loads(marker_text("tables", pid=pid, folder=tmp_path))["folder"] == tmp_path.name
