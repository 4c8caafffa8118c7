"""Every command the README shows (its `bash` blocks) works verbatim, in order, in a clean copy of the project.

The copy holds what a clone of this working tree holds (tracked and new files, nothing git ignores) and a copy
of the set-up environment made by `python3 dev.py` (hard links, re-pointed at the copy), so the commands run on
the copy's files and write only into it. They run in one shell, in the README's order, so that
`source .venv/bin/activate` holds for the commands after it.

Some commands need a person or another service; they are listed in NOT_RUN_AS_SHOWN with what is run instead.
"""

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from exportrow.student import find_chromium

pytestmark = pytest.mark.slow  # every README command in a copy of the project: the full tier only

#: Commands that need a person or another service, and what the test runs in their place.
NOT_RUN_AS_SHOWN = {
    "jupyter lab": ("opens JupyterLab for a person; tests/test_jupyterlab.py drives it in a browser",
                    lambda cmd: f"{cmd} --help > /dev/null"),
    "conda ": ("needs conda, which this machine may not have; tests/test_packaging.py checks environment.yml",
               lambda cmd: "conda env create --help > /dev/null" if shutil.which("conda") else "true"),
    "python3 dev.py test": ("runs this very test suite; run with --help (set-up, ruff, then pytest's help)",
                            lambda cmd: f"{cmd} --help > /dev/null"),
}
#: What a person does before or after a command, done here by the test: (before, after) by command prefix.
PERSON_STEPS = {
    # before: the reader has saved an article as my-article.txt (here the fictional fixture article);
    # after: the reader has reviewed the draft (here the curated fixture annotation, pointed at my-article.txt)
    "exportrow extract my-article.txt": (
        "cp {fixture}.txt my-article.txt",
        "sed 's/file: .*[.]txt/file: my-article.txt/' {fixture}.yaml > my-article.yaml"),
}


def readme_commands() -> list[str]:
    """Every command line of the README's ```bash blocks, in order, without comments."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"^```bash\n(.*?)^```", text, flags=re.M | re.S):
        for line in block.splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            if line and not line.startswith("#"):
                commands.append(line)
    return commands


def test_the_readme_shows_the_commands_a_reader_needs():
    commands = readme_commands()
    for needed in ("python3 dev.py report", "python3 dev.py test", "source .venv/bin/activate", "python3 dev.py book",
                   "exportrow student-edition --out reports/student-edition"):
        assert needed in commands, needed
    assert commands.index("source .venv/bin/activate") < min(i for i, c in enumerate(commands)
                                                             if c.startswith("exportrow "))


def clean_copy(dest: Path) -> Path:
    """What a clone of this working tree holds, plus a copy of its set-up environment."""
    files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=ROOT,
                           capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, files):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    venv = Path(sys.prefix)
    subprocess.run(["cp", "-al", str(venv), str(dest / ".venv")], check=True)
    old, new = str(venv), str(dest / ".venv")
    for f in [*(dest / ".venv" / "bin").iterdir(), *(dest / ".venv").glob("lib/python*/site-packages/*.pth")]:
        if f.is_symlink() or not f.is_file():
            continue
        data = f.read_bytes()
        if old.encode() in data or str(ROOT).encode() in data:
            text = data.decode("utf-8").replace(old, new)
            if f.suffix == ".pth":
                text = text.replace(str(ROOT), str(dest))
            mode = f.stat().st_mode
            f.unlink()  # a hard link: write a new file, never into the original
            f.write_text(text, encoding="utf-8")
            f.chmod(mode)
    return dest


def script_for(commands: list[str], fixture: Path) -> tuple[str, list[str]]:
    """One shell script that runs ``commands`` in order and stops at the first that fails; and the notes on what
    was not run as shown."""
    lines, notes = ["set -uo pipefail"], []
    for cmd in commands:
        before, after = next((steps for prefix, steps in PERSON_STEPS.items() if cmd.startswith(prefix)), ("", ""))
        run = cmd
        for prefix, (why, instead) in NOT_RUN_AS_SHOWN.items():
            if cmd.startswith(prefix):
                run = instead(cmd)
                notes.append(f"{cmd}: {why}")
        if cmd.startswith("exportrow student-edition") and not find_chromium():
            run = f"{cmd} --no-pdf"
            notes.append(f"{cmd}: no chromium on this machine, run with --no-pdf")
        if before:
            lines.append(before.format(fixture=shlex.quote(str(fixture))))
        lines.append(f"echo {shlex.quote('::: ' + cmd)}")
        wrapped = f"( {run} )" if "cd " in run else run  # a `cd` holds for its own line only
        lines.append(f"{wrapped} || {{ echo {shlex.quote('FAILED: ' + cmd)}; exit 1; }}")
        if after:
            lines.append(after.format(fixture=shlex.quote(str(fixture))))
    return "\n".join(lines) + "\n", notes


def test_every_readme_command_works_verbatim_from_a_clean_copy(tmp_path):
    copy = clean_copy(tmp_path / "exportrow")
    fixture = FIXTURES / "example-gazette-2021-03-03-freedonia-sylvania-fishing"
    script, notes = script_for(readme_commands(), fixture)
    (tmp_path / "readme.sh").write_text(script)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "EXPORTROW_OUTPUT_ROOT", "PYTHONPATH")}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                  if not p.startswith(str(Path(sys.prefix))))  # as a fresh shell: not activated
    res = subprocess.run(["bash", str(tmp_path / "readme.sh")], cwd=copy, env=env, capture_output=True, text=True)
    log = res.stdout + res.stderr
    print("\n".join(["commands not run as shown:", *notes]))
    assert res.returncode == 0, log[-4000:]
    ran = re.findall(r"^::: (.*)$", res.stdout, flags=re.M)
    assert ran == readme_commands()
    # what the commands said they would write, in the copy and nowhere else
    for made in ("reports/latest/index.html", "reports/what-if/index.html", "reports/01.ipynb",
                 "reports/01/figures.csv", "build/site/index.html", "reports/student-edition/worksheets",
                 "reports/mine/index.html", "my-article.yaml"):
        assert (copy / made).exists(), made
    assert "draft: true" not in (copy / "my-article.yaml").read_text()  # the reviewed annotation was used


@pytest.mark.parametrize("cmd", ["exportrow --help", "exportrow check --help", "exportrow tables --help",
                                 "exportrow report --help", "exportrow extract --help",
                                 "exportrow student-edition --help"])
def test_commands_named_in_the_text_exist(cmd):
    exe = Path(sys.prefix) / "bin" / "exportrow"
    res = subprocess.run([str(exe), *cmd.split()[1:]], capture_output=True, text=True)
    assert res.returncode == 0 and "usage: exportrow" in res.stdout
