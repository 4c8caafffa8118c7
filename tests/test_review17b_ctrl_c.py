"""Review 17b, finding 2: Ctrl-C on `python3 dev.py report` / `python3 dev.py book` printed a Python traceback and left
the report's temporary folder, its lock, a Sphinx process and a folder in /tmp behind: dev.py's subprocess.call()
SIGKILLed the child while the child was still cleaning up after the same Ctrl-C. dev.py now ignores SIGINT while its
child runs and waits for it; `python -m exportrow.book` stops Sphinx, removes its temporary folders and says so in one
line.

Each test sends SIGINT to a whole process group, as a terminal's Ctrl-C does, once the command has printed a line
saying it has reached a known point: no guessed delays.
"""

from __future__ import annotations

import importlib.util
import os
import queue
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest
from conftest import ROOT
from test_report import kernel_ended

INTERRUPTED = "interrupted by Ctrl-C: unfinished output removed, earlier output left as it was"


def _driver(code: str) -> list[str]:
    """A Python command that loads dev.py (using the environment the tests run in: no set-up, no install), then
    runs ``code``."""
    setup = f"""
        import importlib.util, sys
        from pathlib import Path
        spec = importlib.util.spec_from_file_location("dev", {str(ROOT / "dev.py")!r})
        dev = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(dev)
        dev.ensure_env = lambda: None
        dev.BIN, dev.PY = Path(sys.executable).parent, Path(sys.executable)
    """
    return [sys.executable, "-c", textwrap.dedent(setup) + textwrap.dedent(code)]


def _start(cmd: list[str], **kw) -> subprocess.Popen:
    """Start ``cmd`` as the leader of its own process group (as a terminal's foreground job)."""
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            **kw)


def _wait_for(proc: subprocess.Popen, stream, text: str) -> list[str]:
    """The lines ``stream`` (or the stream it returns when called) gives up to and including the first holding
    ``text``. Read in a thread, so that the wait can end when ``proc`` ends first, and has a hang guard (not a timed
    assertion)."""
    got: queue.Queue = queue.Queue()

    def read():
        for ln in iter((stream() if callable(stream) else stream).readline, ""):
            got.put(ln)
            if text in ln:
                return
        got.put("")

    threading.Thread(target=read, daemon=True).start()
    lines: list[str] = []
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            lines.append(got.get(timeout=1))
        except queue.Empty:
            if proc.poll() is None:
                continue
            lines.append("")
        if not lines[-1]:  # ended first: the command failed before the point the test waits for
            out, err = proc.communicate()
            pytest.fail(f"ended (exit {proc.returncode}) without printing {text!r}:\n" + "".join(lines) + out + err)
        if text in lines[-1]:
            return lines
    proc.kill()
    pytest.fail(f"never printed {text!r}:\n" + "".join(lines))


CHILD = """
    import sys, time
    try:  # "ready" inside the try: Ctrl-C may land before print() returns, once its line is out
        print("ready", flush=True)
        while True:  # not signal.pause(): a signal between the print and pause() would be waited for again
            time.sleep(0.05)
    except KeyboardInterrupt:
        print("cleaned up", flush=True)
        sys.exit(130)
"""


def test_dev_py_lets_its_child_finish_after_ctrl_c(tmp_path):
    child = tmp_path / "child.py"
    child.write_text(textwrap.dedent(CHILD))
    proc = _start(_driver(f"sys.exit(dev.run([sys.executable, {str(child)!r}]))"))
    _wait_for(proc, proc.stdout, "ready")
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=120)  # a hang guard, not a timed assertion
    assert (proc.returncode, out, err) == (130, "cleaned up\n", "")


TERM_CHILD = """
    import signal, sys, time
    def stop(*_):
        print("cleaned up", flush=True)
        sys.exit(143)
    signal.signal(signal.SIGTERM, stop)
    print("ready", flush=True)
    while True:
        time.sleep(0.05)
"""


def test_sigterm_to_dev_py_alone_reaches_its_child(tmp_path):
    """Closing note 8 left this: `kill PID` on dev.py killed dev.py and left its child (a report, a test run)
    running on its own. dev.py passes SIGTERM on and exits with the child's code once the child has cleaned up."""
    child = tmp_path / "child.py"
    child.write_text(textwrap.dedent(TERM_CHILD))
    proc = _start(_driver(f"sys.exit(dev.run([sys.executable, {str(child)!r}]))"))
    _wait_for(proc, proc.stdout, "ready")
    os.kill(proc.pid, signal.SIGTERM)  # dev.py alone, not its process group
    out, err = proc.communicate(timeout=120)  # a hang guard, not a timed assertion
    assert (proc.returncode, out, err) == (143, "cleaned up\n", "")


def test_dev_py_restores_its_own_sigterm_after_the_child(tmp_path):
    spec = importlib.util.spec_from_file_location("dev_under_test", ROOT / "dev.py")
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    before = signal.getsignal(signal.SIGTERM)
    assert dev.run([sys.executable, "-c", "import signal, sys; sys.exit(signal.getsignal(signal.SIGTERM) is "
                    "signal.SIG_DFL and 7)"]) == 7  # the child starts with SIGTERM's default action
    assert signal.getsignal(signal.SIGTERM) is before


def test_a_child_killed_by_a_signal_gives_128_plus_its_number(tmp_path):
    child = tmp_path / "child.py"
    child.write_text("import os, signal\nos.kill(os.getpid(), signal.SIGTERM)\n")
    res = subprocess.run(_driver(f"sys.exit(dev.run([sys.executable, {str(child)!r}]))"), capture_output=True,
                         text=True, timeout=120)
    assert (res.returncode, res.stderr) == (143, "")


def test_dev_py_restores_its_own_ctrl_c_after_the_child(tmp_path):
    spec = importlib.util.spec_from_file_location("dev_under_test", ROOT / "dev.py")
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    before = signal.getsignal(signal.SIGINT)
    assert dev.run([sys.executable, "-c", "import signal, sys; sys.exit(signal.getsignal(signal.SIGINT) is "
                    "signal.default_int_handler and 7)"]) == 7  # the child gets Ctrl-C as usual
    assert signal.getsignal(signal.SIGINT) is before


@pytest.mark.slow
def test_ctrl_c_on_dev_py_report_removes_the_unfinished_report(tmp_path):
    out = tmp_path / "latest"
    env = dict(os.environ, EXPORTROW_TEST_PAUSE="first-cell", JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    proc = _start(_driver(f"sys.exit(dev.main(['report', '--notebooks', '01', '--out', {str(out)!r}]))"), env=env)
    kernel = int(re.search(r"kernel (\d+) running", _wait_for(proc, proc.stderr, "test pause")[-1]).group(1))
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)  # a hang guard, not a timed assertion
    assert proc.returncode == 130, err
    assert err.splitlines()[-1] == INTERRUPTED and "Traceback" not in err, err
    assert [p.name for p in tmp_path.iterdir() if p.name != "runtime"] == []  # no report, no .tmp folder, no lock
    assert kernel_ended(kernel)


FAKE_SPHINX = """
    import os, signal, time
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Sphinx slow to stop: the book has to stop it itself
    with open(os.environ["TEST_SPHINX_FIFO"], "w") as fifo:
        fifo.write(f"sphinx {os.getpid()} running\\n")
    while True:
        time.sleep(0.05)
"""

BOOK = """
    import os, sys
    from pathlib import Path
    from exportrow import book

    def stage(dest, **kw):  # the pages are not the point here: a quick stand-in
        dest.mkdir(parents=True)
        (dest / "index.md").write_text("# Site\\n")
        return ["index"]

    book.stage = stage
    book._sphinx_command = lambda *a: [sys.executable, {fake!r}]
    sys.exit(book.main(["--out", {out!r}, "--repository-url", ""]))
"""


def test_ctrl_c_on_the_book_stops_sphinx_and_removes_its_folders(tmp_path):
    fake, fifo, temp, out = tmp_path / "sphinx.py", tmp_path / "fifo", tmp_path / "tmp", tmp_path / "pub" / "site"
    fake.write_text(textwrap.dedent(FAKE_SPHINX))
    os.mkfifo(fifo)
    temp.mkdir()
    env = dict(os.environ, TEST_SPHINX_FIFO=str(fifo), TMPDIR=str(temp))
    proc = _start([sys.executable, "-c", textwrap.dedent(BOOK).format(fake=str(fake), out=str(out))], env=env)
    line = _wait_for(proc, lambda: open(fifo), "running")[-1]  # Sphinx has started
    sphinx = int(re.search(r"sphinx (\d+) running", line).group(1))
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)  # a hang guard, not a timed assertion
    assert (proc.returncode, err.splitlines()) == (130, ["[book] staging the pages", "[book] building with Sphinx",
                                                         INTERRUPTED])
    assert kernel_ended(sphinx)  # stopped (and waited for), not left running
    assert list(temp.iterdir()) == []  # no exportrow-book-src-* left
    assert list(out.parent.iterdir()) == []  # no site, no .tmp folder, no lock file
