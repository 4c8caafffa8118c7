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
from exportrow.outdir import OutputFolderError, Publication, lock_text, read_lock, read_old_lock

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


@pytest.mark.parametrize("planted", ["dangling", "folder", "fifo"])
def test_other_things_named_like_the_lock_are_left_alone(tmp_path, planted):
    lock = tmp_path / ".out.lock"
    if planted == "dangling":
        lock.symlink_to(tmp_path / "nowhere.txt")
    elif planted == "folder":
        lock.mkdir()
        (lock / "inside.txt").write_text("mine\n")
    else:
        os.mkfifo(lock)
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


# Review 14, finding 6: the lock an older exportrow wrote (before 7f98fbf: the pid and a newline, nothing else, held
# with flock while the run lived) was refused as "not exportrow's" with the advice to move it aside, so a killed
# run's lock was never recovered, and moving a live old run's lock let two runs collide.


@pytest.mark.parametrize("text", ["{pid}\n", "{pid}"])
def test_an_older_exportrows_lock_left_by_a_dead_run_is_recovered(tmp_path, capsys, text):
    pid = dead_pid()
    (tmp_path / ".out.lock").write_text(text.format(pid=pid))
    assert cli.main(["tables", "--out", str(tmp_path / "out")]) == 0
    assert "error" not in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert (tmp_path / "out" / "figures.csv").is_file()


def test_an_older_exportrows_lock_whose_process_is_alive_is_refused_and_kept(tmp_path, capsys):
    lock = tmp_path / ".out.lock"
    lock.write_text(f"{os.getpid()}\n")  # a live process, not holding the lock: its pid is all there is to go by
    before = snapshot(tmp_path)
    assert cli.main(["tables", "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.strip() == (
        f"error: --out {tmp_path / 'out'}: another exportrow run (process {os.getpid()}) is writing into this "
        f"folder; wait for it to finish or choose another folder; if process {os.getpid()} is not an exportrow run "
        f"(`ps -p {os.getpid()}`; an older exportrow's lock whose process id was reused), delete {lock}")
    assert snapshot(tmp_path) == before and lock.read_text() == f"{os.getpid()}\n"


def test_an_older_exportrow_run_holding_its_lock_is_refused_with_its_pid(tmp_path):
    lock = tmp_path / ".out.lock"
    old_run = subprocess.Popen(  # what the older exportrow did: open, flock, write its pid, work
        [sys.executable, "-c", "import fcntl, os, sys, time\n"
         "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)\nfcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
         "os.write(fd, f'{os.getpid()}\\n'.encode())\nprint('held', flush=True)\ntime.sleep(60)", str(lock)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert old_run.stdout.readline() == "held\n"
        with pytest.raises(OutputFolderError, match=rf"another exportrow run \(process {old_run.pid}\) is writing"):
            with Publication(tmp_path / "out", "tables"):
                pass
        assert lock.read_text() == f"{old_run.pid}\n" and not (tmp_path / "out").exists()
    finally:
        old_run.kill()
        old_run.wait()
    with Publication(tmp_path / "out", "tables") as pub:  # the old run is gone: its lock is recovered
        assert read_lock(lock.read_bytes()) == os.getpid()
        pub.publish()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize("text", ["my notes\n", "5140 my pid\n", "5140\n\n", " 5140\n", "0\n", "", "12345678\n"])
def test_a_users_file_that_only_looks_like_an_old_lock_is_refused_and_untouched(tmp_path, text):
    lock = tmp_path / ".out.lock"
    lock.write_text(text)
    before = snapshot(tmp_path)
    with pytest.raises(OutputFolderError, match=r"is a file that exportrow did not write.*it is not exportrow's"):
        with Publication(tmp_path / "out", "tables"):
            pass
    assert snapshot(tmp_path) == before and lock.read_text() == text


def test_read_old_lock_takes_only_a_small_regular_file_of_ones_own(tmp_path):
    lock = tmp_path / ".out.lock"
    lock.write_text("5140\n")
    assert read_old_lock(b"5140\n", os.lstat(lock)) == 5140
    assert read_old_lock(b"5140\n", os.lstat(tmp_path)) is None  # a folder
    lock.write_text("5140\n" + " " * 100)
    assert read_old_lock(b"5140\n", os.lstat(lock)) is None  # the file is larger than what was read
