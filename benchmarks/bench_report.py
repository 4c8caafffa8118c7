"""Benchmark (not a test): the headless report against the naive way and against the floor.

    .venv/bin/python benchmarks/bench_report.py [--repeat N]
    .venv/bin/python benchmarks/bench_report.py --jobs 1 2 3 4 [--repeat N]   # how DEFAULT_JOBS was chosen

Prints, measured in the same run (best of N wall times each):
- report / naive: ``exportrow report`` against the plain papermill command line run on the same
  notebooks one after another, then ``jupyter nbconvert --to html`` on the results. Goal <= 0.35.
- report / floor: against as many notebooks that only import pandas and matplotlib and draw one
  chart, executed the same way (``exportrow report``). Goal <= 1.15.

benchmarks/README.md has the measurements and a profile of one run (benchmarks/profile_report.py).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))

FLOOR_CELLS = [
    "import pandas as pd\nimport matplotlib.pyplot as plt",
    "fig, ax = plt.subplots()\nax.bar(['a', 'b'], [1, 2])\nplt.show()",
]


CPU: dict[str, list[float]] = {}  # processor seconds (user + system) of each timed run, by what ran


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def timed(cmd: list[str], cwd: Path | None = None, what: str = "") -> float:
    """Wall seconds of ``cmd``; its processor time, kernels included (they are its children), goes to CPU[what]."""
    t, c = time.perf_counter(), _children_cpu()
    subprocess.run(cmd, check=True, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if what:
        CPU.setdefault(what, []).append(_children_cpu() - c)
    return time.perf_counter() - t


def naive(tmp: Path) -> float:
    t = time.perf_counter()
    outs = []
    for nb in NOTEBOOKS:
        out = tmp / f"naive-{nb.name}"
        subprocess.run([str(BIN / "papermill"), str(nb), str(out), "-p", "output_dir", str(tmp / nb.stem)],
                       check=True, cwd=nb.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        outs.append(str(out))
    subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", *outs], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def floor_notebooks(tmp: Path) -> list[Path]:
    made = []
    for k in range(len(NOTEBOOKS)):
        cells = [{"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {}, "outputs": [],
                  "source": src} for i, src in enumerate(FLOOR_CELLS)]
        nb = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                                          "name": "python3"}},
              "nbformat": 4, "nbformat_minor": 5}
        p = tmp / f"{k:02d}-floor.ipynb"
        p.write_text(json.dumps(nb))
        made.append(p)
    return made


def sweep_jobs(values: list[int], repeat: int) -> None:
    """Best-of-``repeat`` times of the report and the floor for each ``--jobs`` value (how DEFAULT_JOBS was set)."""
    exportrow = str(BIN / "exportrow")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        floor_nbs = floor_notebooks(tmp)
        runs = {(what, j): [] for what in ("report", "floor") for j in values}
        for k in range(repeat):
            for j in values:
                runs["report", j].append(timed([exportrow, "report", "--jobs", str(j), "--out",
                                                str(tmp / f"r{j}-{k}")]))
                runs["floor", j].append(timed([exportrow, "report", "--jobs", str(j), "--out", str(tmp / f"f{j}-{k}"),
                                               "--notebooks", *map(str, floor_nbs)]))
    print(f"notebooks: {len(NOTEBOOKS)}, best of {repeat}")
    for j in values:
        print(f"--jobs {j}: report {min(runs['report', j]):6.2f} s   floor {min(runs['floor', j]):6.2f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", nargs="+", type=int, metavar="N",
                    help="instead: time the report (and the floor) with each --jobs value, interleaved")
    args = ap.parse_args()
    if args.jobs:
        return sweep_jobs(args.jobs, args.repeat)
    exportrow = str(BIN / "exportrow")
    subprocess.check_call([sys.executable, "-m", "compileall", "-q", str(ROOT / "exportrow")])
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        floor_nbs = floor_notebooks(tmp)
        runs = {"report": [], "naive": [], "floor": []}
        for k in range(args.repeat):
            runs["report"].append(timed([exportrow, "report", "--out", str(tmp / f"r{k}")], what="report"))
            runs["naive"].append(naive(tmp))
            runs["floor"].append(timed([exportrow, "report", "--out", str(tmp / f"f{k}"), "--notebooks",
                                        *map(str, floor_nbs)], what="floor"))
            shutil.rmtree(tmp / f"r{k}", ignore_errors=True)
        best = {k: min(v) for k, v in runs.items()}
    print(f"notebooks: {len(NOTEBOOKS)}, best of {args.repeat}")
    print(f"exportrow report        {best['report']:6.2f} s")
    print(f"naive papermill+nbconvert {best['naive']:6.2f} s")
    print(f"floor (pandas+1 chart)  {best['floor']:6.2f} s")
    print(f"ratio report/naive      {best['report'] / best['naive']:6.2f}   (goal <= 0.35)")
    print(f"ratio report/floor      {best['report'] / best['floor']:6.2f}   (goal <= 1.15)")
    cpu = {k: min(v) for k, v in CPU.items()}
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"processor time (least of {args.repeat}, the report process and its kernels): report {cpu['report']:.2f} s, "
          f"floor {cpu['floor']:.2f} s, ratio {cpu['report'] / cpu['floor']:.2f}")
    print(f"on {cores} core(s) a run takes at least its processor time / {cores}: report >= "
          f"{cpu['report'] / cores:.2f} s, floor >= {cpu['floor'] / cores:.2f} s")


if __name__ == "__main__":
    main()
