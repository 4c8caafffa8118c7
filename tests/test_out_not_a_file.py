"""``--out`` naming a FIFO or a device is refused at once by every single-file command (review 13, finding 3).

``exportrow view --out FIFO`` read the FIFO (to word a refusal) before it checked that the path was a regular file,
and hung forever. Now nothing is read before that check, and the refusal says what the path is.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from exportrow import paths

FIXTURES = paths.PROJECT_ROOT / "tests" / "fixtures"
ARTICLE = FIXTURES / "example-gazette-2021-03-03-freedonia-sylvania-fishing.txt"
ANNOTATION = FIXTURES / "example-gazette-2021-03-03-freedonia-sylvania-fishing.yaml"
PAGE = FIXTURES / "pages" / "northgate-wire-kelmark-port-fees.html"

COMMANDS = {
    "view": ["view", "--out"],
    "view-force": ["view", "--force", "--out"],
    "extract": ["extract", str(ARTICLE), "--out"],
    "worksheet": ["worksheet", str(ANNOTATION), "--out"],
    "import": ["import", str(PAGE), "--out"],
}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_fifo_as_out_is_refused_at_once(tmp_path, command):
    fifo = tmp_path / "page.html"
    os.mkfifo(fifo)
    try:
        res = subprocess.run([sys.executable, "-m", "exportrow.cli", *COMMANDS[command], str(fifo)],
                             capture_output=True, text=True, timeout=60, cwd=tmp_path)
    except subprocess.TimeoutExpired:
        pytest.fail(f"exportrow {command} --out FIFO hung")
    assert res.returncode == 2, res.stderr
    assert res.stderr.strip() == (f"error: --out {fifo}: is a FIFO (named pipe), not a file; exportrow writes only "
                                  "regular files and leaves this as it is. Choose another file")
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"] and fifo.is_fifo()


def test_a_device_as_out_is_refused(capsys):
    from exportrow import cli

    assert cli.main(["view", "--out", "/dev/null"]) == 2
    assert "--out /dev/null: is a device, not a file" in capsys.readouterr().err
