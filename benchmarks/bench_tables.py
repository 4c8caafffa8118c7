"""Benchmark (not a test): import cost and the time to build every table.

    .venv/bin/python benchmarks/bench_tables.py

Prints, measured in the same run:
- ``import exportrow.tables`` (what the tables load; ``import exportrow`` itself loads them on first use) against
  ``import pandas`` alone (fresh interpreters, best of N); goal <= 1.1
- load + validate + build the four tables for the seed article, after import; goal <= 50 ms
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
N = 15


def import_time(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [float(subprocess.check_output([sys.executable, "-c", code], text=True)) for _ in range(N)]
    return min(runs)


def build_time() -> float:
    code = """
import time, exportrow
from exportrow import annotations
runs = []
for _ in range(15):
    annotations._CACHE.clear()
    t = time.perf_counter()
    art = exportrow.load_article()
    exportrow.all_tables(art)
    runs.append(time.perf_counter() - t)
runs.sort()
print(runs[len(runs) // 2])
"""
    return float(subprocess.check_output([sys.executable, "-c", code], text=True))


def main() -> None:
    # pandas ships byte-compiled; compile exportrow too (PYTHONDONTWRITEBYTECODE may be set).
    subprocess.check_call([sys.executable, "-m", "compileall", "-q", str(ROOT / "exportrow")])
    pandas = import_time("pandas")
    ours = import_time("exportrow.tables")
    build = build_time()
    print(f"import pandas            {pandas * 1000:8.1f} ms")
    print(f"import exportrow.tables  {ours * 1000:8.1f} ms")
    print(f"ratio exportrow/pandas   {ours / pandas:8.2f}   (goal <= 1.10)")
    print(f"load+validate+4 tables   {build * 1000:8.1f} ms (median, goal <= 50 ms)")
    heavy = subprocess.check_output([sys.executable, "-c", "import sys, exportrow; print(sorted("
                                     "m for m in ('matplotlib', 'papermill', 'nbconvert') if m in sys.modules))"],
                                    text=True).strip()
    print(f"heavy modules imported   {heavy}")


if __name__ == "__main__":
    main()
