"""The lock beside ``--out`` (``.<name>.lock``) is a file exportrow creates itself (review 13, finding 1).

A symbolic link or a user's own file of that name was opened, truncated, filled with a process id and then
deleted. Now exportrow never follows a link there and never truncates or deletes a file it did not create: such a
name is refused with one line naming it and the fix, and everything stays byte-identical. Two runs into one folder
still exclude each other, and a dead run's lock is recovered.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from exportrow import book, cli
from exportrow.outdir import OutputFolderError, Publication, lock_text, read_lock

COMMANDS = {  # kind: how the command line names --out
    "tables": lambda out: cli.main(["tables", "--out", str(out)]),
    "report": lambda out: cli.main(["report", "--notebooks", "01", "--out", str(out)]),
    "student-edition": lambda out: cli.main(["student-edition", "--no-pdf", "--out", str(out)]),
    "site": lambda out: book.main(["--out", str(out)]),
}
EXAMPLE = {"tables": "tables/mine", "report": "reports/mine", "student-edition": "reports/class-edition",
           "site": "build/site"}


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry of ``folder`` (not followed): a link's target, a file's SHA-256, a folder's mark."""
    out = {}
    for p in sorted(folder.iterdir()):
        if p.is_symlink():
            out[p.name] = "-> " + os.readlink(p)
        elif p.is_file():
            out[p.name] = hashlib.sha256(p.read_bytes()).hexdigest()
        else:
            out[p.name] = "dir"
    return out


def dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(proc.stdout)


@pytest.mark.parametrize("kind", list(COMMANDS))
@pytest.mark.parametrize("planted", ["symlink", "file"])
def test_a_link_or_a_users_file_named_like_the_lock_is_refused_and_untouched(tmp_path, capsys, kind, planted):
    shared = tmp_path / "shared"
    shared.mkdir()
    thesis = tmp_path / "thesis.txt"
    thesis.write_text("my thesis, 3 years of work\n")
    lock = shared / ".out.lock"
    if planted == "symlink":
        lock.symlink_to(thesis)
        what = "a symbolic link"
    else:
        lock.write_text("my notes\n")
        what = "a file that exportrow did not write"
    before, thesis_before, mtime = snapshot(shared), thesis.read_bytes(), os.stat(shared).st_mtime_ns
    code = COMMANDS[kind](shared / "out")
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == (
        f"error: --out {shared / 'out'}: {lock} is {what}, where exportrow keeps its lock for this folder; it was "
        f"left as it is and nothing was run. Fix: move or rename .out.lock (it is not exportrow's), or choose "
        f"another folder, e.g. --out {EXAMPLE[kind]}")
    assert snapshot(shared) == before and thesis.read_bytes() == thesis_before == b"my thesis, 3 years of work\n"
    assert os.stat(shared).st_mtime_ns == mtime  # nothing was even created and removed there


@pytest.mark.parametrize("planted", ["dangling", "folder", "fifo", "old-style pid"])
def test_other_things_named_like_the_lock_are_left_alone(tmp_path, planted):
    lock = tmp_path / ".out.lock"
    if planted == "dangling":
        lock.symlink_to(tmp_path / "nowhere.txt")
    elif planted == "folder":
        lock.mkdir()
        (lock / "inside.txt").write_text("mine\n")
    elif planted == "fifo":
        os.mkfifo(lock)
    else:
        lock.write_text(f"{dead_pid()}\n")  # what exportrow wrote before: not recognisably its own, so kept
    before = snapshot(tmp_path)
    with pytest.raises(OutputFolderError, match=r"\.out\.lock is .*; it was left as it is and nothing was run"):
        with Publication(tmp_path / "out", "tables"):
            pass
    assert snapshot(tmp_path) == before and not (tmp_path / "nowhere.txt").exists()


def test_the_lock_is_exportrows_own_file_and_is_removed_at_the_end(tmp_path):
    with Publication(tmp_path / "out", "tables") as pub:
        lock = tmp_path / ".out.lock"
        assert lock.is_file() and not lock.is_symlink()
        assert read_lock(lock.read_bytes()) == os.getpid()
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted([".out.lock", pub.tmp.name])  # no temp lock
        (pub.tmp / "a.csv").write_text("x\n")
        pub.publish()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_second_run_is_refused_while_the_first_holds_the_lock(tmp_path):
    with Publication(tmp_path / "out", "tables"):
        with pytest.raises(OutputFolderError, match=rf"another exportrow run \(process {os.getpid()}\) is writing"):
            with Publication(tmp_path / "out", "tables"):
                pass
        assert read_lock((tmp_path / ".out.lock").read_bytes()) == os.getpid()  # the first run's lock is kept
    assert not (tmp_path / ".out.lock").exists()


def test_a_second_process_is_refused_too(tmp_path):
    with Publication(tmp_path / "out", "tables"):
        res = subprocess.run([sys.executable, "-m", "exportrow.cli", "tables", "--out", str(tmp_path / "out")],
                             capture_output=True, text=True)
    assert res.returncode == 2
    assert f"another exportrow run (process {os.getpid()}) is writing into this folder" in res.stderr


def test_a_dead_runs_lock_is_recovered(tmp_path):
    pid = dead_pid()
    (tmp_path / ".out.lock").write_text(lock_text("out", pid=pid))
    with Publication(tmp_path / "out", "tables") as pub:
        assert read_lock((tmp_path / ".out.lock").read_bytes()) == os.getpid()
        (pub.tmp / "a.csv").write_text("x\n")
        pub.publish()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_the_lock_is_not_removed_when_someone_replaced_it_meanwhile(tmp_path):
    lock = tmp_path / ".out.lock"
    with Publication(tmp_path / "out", "tables"):
        lock.unlink()
        lock.write_text("my notes\n")  # a user's file at that name while the run holds its own
    assert lock.read_text() == "my notes\n"
