"""``--out`` inside a file names ``--out`` and the file, with exit 2 (review 13, finding 6).

``view``, ``worksheet``, ``extract`` and ``import`` printed only the OS error, which named the path component, the
user's article, as if the article were at fault ("error: ARTICLE.txt: File exists", exit 1); ``agree`` said
"Not a directory". Now every command says "--out X: its folder Y is a file; choose another path" and exits 2, as
for other refused outputs, and the file is left byte-identical.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys

import pytest

from exportrow import paths

FIXTURES = paths.PROJECT_ROOT / "tests" / "fixtures"
NAME = "example-gazette-2021-03-03-freedonia-sylvania-fishing"
PAGE = FIXTURES / "pages" / "northgate-wire-kelmark-port-fees.html"

COMMANDS = {  # the command line, with --out inside the article; then what --out names
    "view": (["view", f"{NAME}.txt", "--out"], "p.html"),
    "view-deeper": (["view", f"{NAME}.txt", "--out"], "sub/p.html"),
    "worksheet": (["worksheet", f"{NAME}.yaml", "--out"], "w.csv"),
    "extract": (["extract", f"{NAME}.txt", "--out"], "x.yaml"),
    "import": (["import", str(PAGE), "--out"], "i.txt"),
    "agree": (["agree", f"{NAME}.yaml", f"{NAME}.coder-a.csv", "--out"], "t"),
    "tables": (["tables", "--out"], "t"),
}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_out_inside_a_file_names_out_and_the_file(tmp_path, command):
    for suffix in (".txt", ".yaml", ".coder-a.csv"):
        shutil.copy(FIXTURES / f"{NAME}{suffix}", tmp_path)
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp_path.iterdir()}
    args, inside = COMMANDS[command]
    out = f"{NAME}.txt/{inside}"
    res = subprocess.run([sys.executable, "-m", "exportrow.cli", *args, out], capture_output=True, text=True,
                         cwd=tmp_path, timeout=120)
    assert res.returncode == 2, res.stderr
    assert res.stderr.strip() == f"error: --out {out}: its folder {NAME}.txt is a file; choose another path"
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp_path.iterdir()} == before
