#!/usr/bin/env python3
"""Set up the environment when needed, then run the report or the test suite.

    python3 dev.py report   # build .venv if missing or stale, then run the full headless report
    python3 dev.py test     # build .venv if missing or stale, then lint and run every test (what CI runs)
    python3 dev.py test --quick  # lint, unit tests, doctests and one report: the edit-test loop
    python3 dev.py lock     # re-pin requirements/constraints.txt from the current .venv
    python3 dev.py notebooks  # re-execute the committed notebooks and store clean outputs
    python3 dev.py book     # build the course site into build/site/ (index.html)
    python3 dev.py exportrow COMMAND ...  # run the exportrow command in .venv without activating it, in the
                                          # folder you run it in (relative paths start there, as when activated)

Needs only Python 3.11+ with pip and venv. Extra arguments after the command are passed
on (``python3 dev.py report -p show_derived False``, ``python3 dev.py test -k dates``).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("EXPORTROW_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
CONSTRAINTS = ROOT / "requirements" / "constraints.txt"
STAMP = VENV / ".exportrow-installed"
# The project's JupyterLab settings (no news pop-up), put where JupyterLab reads settings overrides;
# Binder does the same with postBuild.
LAB_SETTINGS = ROOT / "jupyter" / "exportrow.json"
LAB_OVERRIDES = VENV / "share" / "jupyter" / "lab" / "settings" / "overrides.d" / "exportrow.json"


def say(msg: str) -> None:
    print(f"[dev] {msg}", flush=True)


def run(cmd: list[str], cwd: Path | str = ROOT, **kw) -> int:
    """Run ``cmd`` with the environment's tools first on PATH; in the project folder unless ``cwd`` says."""
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
               VIRTUAL_ENV=str(VENV))
    env.pop("PYTHONHOME", None)
    # Ctrl-C reaches the child too (the terminal signals the whole foreground group), and the child stops on its
    # own: it stops its kernels and removes what it had begun to write. So dev.py ignores SIGINT while the child
    # runs, as a shell and os.system() do, and waits for it: stopping the child here (subprocess.call SIGKILLs it)
    # would cut that clean-up short and leave its temporary folders, its lock and a Sphinx process behind.
    if os.name == "nt" or threading.current_thread() is not threading.main_thread():
        return _exit_code(subprocess.call(cmd, cwd=cwd, env=env, **kw))
    # A SIGTERM sent to dev.py alone (a job scheduler, `kill PID`) is passed on to the child, which stops as it
    # does on Ctrl-C; dev.py then exits with the child's code. Without this dev.py died and left the child running.
    child: list[subprocess.Popen] = []
    termed: list[int] = []

    def forward(signum, _frame):
        termed.append(signum)
        if child:
            child[0].send_signal(signum)

    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # from before the start: no moment without it
    previous_term = signal.signal(signal.SIGTERM, forward)
    try:
        # The child gets Ctrl-C as usual (an ignored signal would stay ignored across exec), unless dev.py itself
        # was started with it ignored (nohup, a background job): then the child ignores it as well.
        reset = None if previous is signal.SIG_IGN else _default_sigint
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, preexec_fn=reset, **kw)
        child.append(proc)
        if termed:  # it came while the child was being started
            proc.send_signal(termed[0])
        return _exit_code(proc.wait())
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.SIG_DFL)
        signal.signal(signal.SIGTERM, previous_term if previous_term is not None else signal.SIG_DFL)


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _exit_code(code: int) -> int:
    """A child's exit code; one killed by signal N gives 128 + N, as a shell reports it."""
    return code if code >= 0 else 128 - code


def wanted() -> str:
    h = hashlib.sha256()
    for f in (ROOT / "pyproject.toml", CONSTRAINTS):
        h.update(f.read_bytes())
    return h.hexdigest()


def ensure_env() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may run on any python3
        sys.exit(f"[dev] Python 3.11 or newer is needed; this is {sys.version.split()[0]}")
    if sys.version_info[:2] != (3, 11) and not PY.exists():
        say(f"this is Python {sys.version.split()[0]}: the pins are made and tested on 3.11, so some packages this "
            "Python needs install unpinned")
    stamped = STAMP.exists() and STAMP.read_text() == wanted()
    if VENV.exists() and not PY.exists():
        _remake("its Python is missing or points nowhere (an upgraded or removed Python)")
    elif not stamped and PY.exists() and subprocess.call([str(PY), "-m", "pip", "--version"],
                                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
        _remake("it has no pip (a first run stopped while making it, or Python's venv module could not install pip)")
    if not PY.exists():
        _create()
        stamped = False
    if not LAB_OVERRIDES.exists() or LAB_OVERRIDES.read_bytes() != LAB_SETTINGS.read_bytes():
        LAB_OVERRIDES.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(LAB_SETTINGS, LAB_OVERRIDES)
    # Byte-compile the package even where PYTHONDONTWRITEBYTECODE is set: every kernel imports it.
    subprocess.call([str(PY), "-m", "compileall", "-q", str(ROOT / "exportrow")])
    if stamped:
        return
    say("installing pinned packages (requirements/constraints.txt); first time takes a minute or two")
    rc = run([str(PY), "-m", "pip", "install", "--disable-pip-version-check", "-q",
              "-c", str(CONSTRAINTS), "--config-settings", "editable_mode=compat", "-e", ".[test,book]"])
    if rc:
        sys.exit(f"[dev] pip install failed (exit {rc}); nothing else was run")
    # Build matplotlib's font cache now, so that no kernel prints "building the font cache" into a notebook.
    run([str(PY), "-c", "import matplotlib.pyplot"])
    STAMP.write_text(wanted())


def _shown(path: Path) -> Path:
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def _create() -> None:
    say(f"creating the environment in {_shown(VENV)}")
    rc = subprocess.call([sys.executable, "-m", "venv", str(VENV)])
    if rc or subprocess.call([str(PY), "-m", "pip", "--version"], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL):
        sys.exit(f"[dev] could not make a working environment in {_shown(VENV)} with {sys.executable} -m venv "
                 f"(exit {rc}). On Debian or Ubuntu install the venv module first (sudo apt install python3-venv), "
                 "then run this command again; it makes the environment again from the start.")


def _remake(why: str) -> None:
    """An unusable environment: dev.py's own .venv is made again; one named by EXPORTROW_VENV is the user's, left
    as it is, with what to do."""
    if VENV != ROOT / ".venv":
        sys.exit(f"[dev] the environment in {VENV} (EXPORTROW_VENV) cannot be used: {why}. dev.py does not delete a "
                 "folder it was pointed at: delete it yourself or point EXPORTROW_VENV elsewhere, then run again.")
    say(f"the environment in {_shown(VENV)} cannot be used: {why}; making it again")
    shutil.rmtree(VENV)


def ensure_browser() -> None:
    """In CI the browser test must run: install Debian's chromium when it is missing."""
    if os.environ.get("CI", "").lower() != "true" or (shutil.which("chromium") and shutil.which("chromedriver")):
        return
    if not shutil.which("apt-get") or os.geteuid() != 0:
        say("CI without apt-get or root: the browser test will report why it cannot run")
        return
    say("installing Debian's chromium and chromium-driver for the browser test")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.call(["apt-get", "update", "-qq"], env=env, stdout=subprocess.DEVNULL)
    subprocess.call(["apt-get", "install", "-y", "-qq", "--no-install-recommends",
                     "chromium", "chromium-driver"], env=env, stdout=subprocess.DEVNULL)


#: Test worker processes (pytest-xdist). Two cores, yet three workers: much of the suite waits on kernels,
#: browsers and servers, and a third worker fills those waits (benchmarks/README.md has the measurements).
TEST_WORKERS = 3


def test_options(quick: bool, rest: list[str]) -> list[str]:
    """pytest's options for `dev.py test`: the tests run in worker processes, each test file in one of them
    (``--dist loadfile``: a committed notebook's cells run in order in one kernel, and a module's fixtures are
    made once). ``--quick`` leaves out the tests marked ``slow``. ``-n``/``-p no:xdist`` given by hand win."""
    opts = []
    if not any(a == "-n" or a.startswith(("-n", "--numprocesses")) for a in rest) and "no:xdist" not in rest:
        workers = os.environ.get("EXPORTROW_TEST_WORKERS") or str(TEST_WORKERS)
        opts += ["-n", workers, "--dist", "loadfile"]
    if quick:
        say("pytest --quick: unit tests, doctests and one shared report (the tests marked slow are left out)")
        opts += ["-m", "not slow"]
    else:
        say("pytest: everything (unit tests, doctests, notebooks under nbval, reports, browsers)")
    return opts


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(__doc__)
        return 0
    command, rest = argv[0], argv[1:]
    if command == "lock":
        ensure_env()
        out = subprocess.check_output([str(PY), "-m", "pip", "freeze", "--exclude-editable"], text=True)
        lines = [ln for ln in out.splitlines() if not ln.lower().startswith("exportrow")]
        CONSTRAINTS.write_text("# Exact versions for `python3 dev.py` (pip install -c). "
                               "Regenerate: python3 dev.py lock\n" + "\n".join(lines) + "\n")
        say(f"wrote {CONSTRAINTS.relative_to(ROOT)}")
        return 0
    if command == "report":
        ensure_env()
        return run([str(BIN / "exportrow"), "report", *rest])
    if command == "book":
        ensure_env()
        return run([str(PY), "-m", "exportrow.book", *rest])
    if command == "exportrow":
        ensure_env()
        # in the caller's folder, as the activated `exportrow` runs: its relative paths start there
        return run([str(BIN / "exportrow"), *rest], cwd=os.getcwd())
    if command == "notebooks":
        ensure_env()
        books = rest or sorted(str(p.relative_to(ROOT)) for p in (ROOT / "notebooks").rglob("*.ipynb")
                               if ".ipynb_checkpoints" not in p.parts)
        return run([str(PY), "-m", "exportrow.nbtools", "refresh", *books])
    if command == "test":
        ensure_env()
        quick = "--quick" in rest
        rest = [a for a in rest if a != "--quick"]
        if not quick:
            ensure_browser()
        say("ruff check")
        rc = run([str(BIN / "ruff"), "check", "."])
        if rc:
            return rc
        return run([str(PY), "-m", "pytest", *test_options(quick, rest), *rest])
    print(f"[dev] unknown command {command!r}\n{__doc__}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
