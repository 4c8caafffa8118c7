"""Shared fixtures: the seed article, a way to write broken copies of its annotation, and the reports
that many tests read (made once per test session, even when pytest-xdist runs the tests in several
worker processes: the first worker to need one makes it under a file lock, the others wait and reuse it).

Test tiers (``python3 dev.py test`` runs everything, ``python3 dev.py test --quick`` leaves out the tests
marked ``slow``): the committed notebooks under nbval and every test using a fixture in ``SLOW_FIXTURES`` are
marked slow here; other slow tests (another report, a browser, a build) carry ``@pytest.mark.slow`` or a
module-level ``pytestmark``. The quick tier keeps unit tests, doctests, command-line checks and the tests that
read the session's one shared report.
"""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

from exportrow import paths
from exportrow.article import load_article

ROOT = paths.PROJECT_ROOT
FIXTURES = Path(__file__).parent / "fixtures"


_OUTPUTS: list = []

# Property-based tests try a fixed, derandomized set of examples: every run takes the same time and tries the same
# cases (a test may set its own budget, as tests/test_contract.py does).
settings.register_profile("exportrow", max_examples=100, derandomize=True, database=None, deadline=None,
                          print_blob=False)
settings.load_profile("exportrow")


def pytest_configure(config):
    """Notebooks run by the tests write into a temporary folder of this process, never into reports/.

    Set before any test (the committed notebooks under nbval start their kernels without fixtures), in each
    xdist worker separately.
    """
    import tempfile

    _OUTPUTS.append((os.environ.get("EXPORTROW_OUTPUT_ROOT"), tempfile.TemporaryDirectory(prefix="exportrow-out-")))
    os.environ["EXPORTROW_OUTPUT_ROOT"] = _OUTPUTS[-1][1].name
    _kernels_on_unix_sockets()


_SOCKETS: list = []


def _kernels_on_unix_sockets() -> None:
    """Kernels the tests start (papermill through :func:`kernel_manager`, nbval) talk over Unix sockets.

    Over TCP, jupyter_client picks free ports and the kernel binds them a moment later; a kernel another xdist
    worker starts in between can take one first, and the kernel dies ("Address already in use", seen in CI as
    "Kernel died before replying to kernel_info"). Sockets in a folder of this process, one name per kernel,
    cannot collide. The report does the same (exportrow.kernels).
    """
    if _SOCKETS or not sys.platform.startswith(("linux", "darwin")):
        return
    import itertools
    import tempfile

    import nbval.kernel
    from jupyter_client.manager import AsyncKernelManager, KernelManager

    folder = tempfile.TemporaryDirectory(prefix="exk-")  # short: socket paths are limited to about 107 bytes
    count = itertools.count()

    class _OnSockets:
        def __init__(self, *args, **kw):
            super().__init__(*args, **kw)
            self.transport = "ipc"
            self.ip = os.path.join(folder.name, str(next(count)))

    _SOCKETS.extend([folder, type("AsyncSocketKernelManager", (_OnSockets, AsyncKernelManager), {}),
                     type("SocketKernelManager", (_OnSockets, KernelManager), {})])
    nbval.kernel.KernelManager = _SOCKETS[2]  # nbval starts its kernels with this name


def kernel_manager():
    """The kernel manager class for ``papermill.execute_notebook(..., kernel_manager_class=...)`` in tests."""
    from jupyter_client.manager import AsyncKernelManager

    return _SOCKETS[1] if _SOCKETS else AsyncKernelManager


def pytest_unconfigure(config):
    if _SOCKETS:
        _SOCKETS[0].cleanup()
    if _OUTPUTS:
        old, folder = _OUTPUTS.pop()
        if old is None:
            os.environ.pop("EXPORTROW_OUTPUT_ROOT", None)
        else:
            os.environ["EXPORTROW_OUTPUT_ROOT"] = old
        folder.cleanup()


@pytest.fixture(scope="session")
def article():
    return load_article()


@pytest.fixture
def seed_yaml() -> str:
    return paths.default_annotation().read_text(encoding="utf-8")


@pytest.fixture
def write_annotation(tmp_path):
    """Write annotation text (str or bytes) to a temporary file and return its path."""

    def write(content, name="broken.yaml") -> Path:
        p = tmp_path / name
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
        return p

    return write


NOTEBOOKS = ROOT / "notebooks"


@pytest.fixture
def run_notebook(tmp_path):
    """Execute a notebook with papermill and parameters; return (executed notebook, output folder)."""
    import papermill

    def run(name: str, **params):
        source = NOTEBOOKS / f"{name}.ipynb"
        out = Path(params.get("output_dir") or tmp_path / f"out-{name.replace('/', '-')}")
        if "output_dir" in papermill.inspect_notebook(str(source)):
            params.setdefault("output_dir", str(out))
        executed = tmp_path / f"{name.replace('/', '-')}.ipynb"
        nb = papermill.execute_notebook(str(source), str(executed), parameters=params,
                                        cwd=str(NOTEBOOKS), progress_bar=False, kernel_name="python3",
                                        kernel_manager_class=kernel_manager())
        return nb, out

    return run


def annotations_own_sheet():
    """A worksheet of the bundled article filled in with the annotation's own coding (``answers`` translated to the
    sheet's ids): ``(annotation, worksheet, sheet id by claim id)``."""
    from exportrow import load_annotation
    from exportrow.worksheet import make_worksheet

    ann = load_annotation()
    ws = make_worksheet(ann)
    by_start = {c["span"].start: c for c in ann.claims}
    sheet_id = {by_start[c["start"]]["id"]: c["id"] for c in ws.claims}
    for c in ws.claims:
        ref = by_start[c["start"]]
        c.update(actor=ref["actor"], attribution=ref["attribution"], cue=ref["cue"], frame=ref["frame"],
                 frame_secondary=ref.get("frame_secondary"), entman=list(ref.get("entman") or []),
                 answers=sheet_id.get(ref.get("answers")))
    return ann, ws, sheet_id


def outputs_text(nb) -> str:
    """All text/plain and stream output of an executed notebook, joined."""
    parts = []
    for cell in nb["cells"]:
        for o in cell.get("outputs", []):
            if "text" in o:
                parts.append("".join(o["text"]))
            data = o.get("data", {})
            if "text/plain" in data:
                parts.append("".join(data["text/plain"]))
            if "text/markdown" in data:
                parts.append("".join(data["text/markdown"]))
    return "\n".join(parts)


def report(out, *args, **kw):
    """Run `exportrow report --out OUT ARGS...` in a subprocess."""
    cmd = [sys.executable, "-m", "exportrow.cli", "report", "--out", str(out), *args]
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


#: Fixtures that run notebooks, a second report, a browser or a server: a test that uses one is slow.
SLOW_FIXTURES = {"run_notebook", "hostile_report", "lab", "site", "served"}


def pytest_collection_modifyitems(config, items):
    """The committed notebooks (nbval) and the tests that use a slow fixture belong to the full tier.
    (`dev.py test` distributes by file, so each notebook runs in one worker, cell after cell, in one kernel.)"""
    for item in items:
        if ".ipynb::" in item.nodeid or SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def shared(tmp_path_factory, name: str, make):
    """``make(folder)`` run once per test session, whatever the number of xdist workers; its JSON result.

    The folder and the result live beside the workers' own temporary folders; a file lock makes the
    other workers wait for the first, so none of them starts a second copy of the same work. A failure
    is stored too, so that every worker reports it instead of trying again.
    """
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        folder = tmp_path_factory.mktemp(name)
        return folder, make(folder)
    root = tmp_path_factory.getbasetemp().parent  # shared by the workers of this session
    folder, done = root / name, root / f"{name}.json"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            folder.mkdir(exist_ok=True)
            try:
                result = make(folder)
            except Exception as exc:  # stored, so that the other workers report it instead of trying again
                result = {"shared_error": f"{type(exc).__name__}: {exc}"}
            done.write_text(json.dumps(result), encoding="utf-8")
    result = json.loads(done.read_text(encoding="utf-8"))
    if isinstance(result, dict) and "shared_error" in result:
        pytest.fail(f"making the shared {name} failed: {result['shared_error']}")
    return folder, result


def _report_result(res) -> dict:
    return {"args": res.args, "returncode": res.returncode, "stdout": res.stdout, "stderr": res.stderr}


@pytest.fixture(scope="session")
def good_report(tmp_path_factory):
    """One default report for the whole session (shared by the xdist workers): (folder, completed process)."""
    folder, result = shared(tmp_path_factory, "good-report", lambda d: _report_result(report(d / "latest")))
    res = subprocess.CompletedProcess(**result)
    assert res.returncode == 0, res.stderr
    return folder / "latest", res


HOSTILE_ARTICLE = FIXTURES / "hostile-gazette-2021-03-03-freedonia-sylvania-fishing.txt"
HOSTILE_ANNOTATION = HOSTILE_ARTICLE.with_suffix(".yaml")
HOSTILE_SIDE = "freedonia<svg/onload=window.__xside=true>"  # a side name of the hostile annotation


@pytest.fixture(scope="session")
def hostile_report(tmp_path_factory):
    """The report on the hostile fixture (a marker in every text field), by parameters alone: its folder.
    Made once per session, shared by the xdist workers."""

    def make(folder):
        return _report_result(report(folder / "report", "--article", str(HOSTILE_ARTICLE), "--annotation",
                                     str(HOSTILE_ANNOTATION), "-p", "side_a", HOSTILE_SIDE, "-p", "side_b",
                                     "sylvania"))

    folder, result = shared(tmp_path_factory, "hostile-report", make)
    assert result["returncode"] == 0, result["stderr"]
    return folder / "report"
