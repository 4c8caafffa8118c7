"""A signal at the very start of a command (before pandas has loaded) prints the same one line as later on.

The command's signal handling is in place before the parser's imports load pandas; ``import exportrow`` loads
nothing heavy. ``EXPORTROW_TEST_PAUSE=start`` holds the command at that point until a signal comes, so the test
signals it at a known point, not after a guessed delay.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest


def test_import_exportrow_loads_no_pandas():
    code = "import sys, exportrow, exportrow.cli; print('pandas' in sys.modules); print(exportrow.figures.__module__)"
    lines = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert lines == ["False", "exportrow.tables"]


@pytest.mark.parametrize("command, sig, code, line", [
    (["student-edition", "--no-pdf"], signal.SIGTERM, 143,
     "stopped by SIGTERM: unfinished output removed, earlier output left as it was"),
    (["student-edition", "--no-pdf"], signal.SIGINT, 130,
     "interrupted by Ctrl-C: unfinished output removed, earlier output left as it was"),
    (["report"], signal.SIGTERM, 143, "stopped by SIGTERM: unfinished output removed, earlier output left as it was"),
], ids=["student-edition-SIGTERM", "student-edition-SIGINT", "report-SIGTERM"])
def test_a_signal_before_pandas_loads_prints_one_line(tmp_path, command, sig, code, line):
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "exportrow.cli", *command, "--out", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, EXPORTROW_TEST_PAUSE="start"))
    first = proc.stderr.readline()
    assert first == "test pause: pandas not loaded yet; waiting for a signal\n"
    proc.send_signal(sig)
    stdout, rest = proc.communicate(timeout=120)  # a hang guard, not a timed assertion
    assert (proc.returncode, stdout, rest) == (code, "", line + "\n")
    assert not out.exists()
