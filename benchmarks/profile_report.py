"""Profile (not a test): where one ``exportrow report`` run spends its wall time.

    .venv/bin/python benchmarks/profile_report.py [--jobs N] [--notebooks 01 02 ...] [--floor]

Runs the report in this process, with the same code path as the command line, and wraps its
phases with timestamps: the parent's imports, each kernel's start (process start until the
kernel answers), each cell, saving the executed notebook, the HTML export, the index and
article page, and the publication. Prints a timeline per notebook and a summary by phase.
``--floor`` profiles the floor notebooks of ``bench_report.py`` instead. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

T0 = time.perf_counter()
EVENTS: list[tuple[str, str, float, float]] = []  # (notebook, phase, start, end) in seconds since T0
_LOCK = threading.Lock()


def now() -> float:
    return time.perf_counter() - T0


def record(nb: str, phase: str, start: float, end: float) -> None:
    with _LOCK:
        EVENTS.append((nb, phase, start, end))


def wrap(owner, name: str, phase: str, key=None, is_async: bool = False) -> None:
    original = getattr(owner, name)
    thread_nb = threading.local()

    def label(args):
        return key(args) if key else getattr(thread_nb, "nb", threading.current_thread().name)

    if is_async:
        async def wrapper(*args, **kw):
            t = now()
            try:
                return await original(*args, **kw)
            finally:
                record(label(args), phase, t, now())
    else:
        def wrapper(*args, **kw):
            t = now()
            try:
                return original(*args, **kw)
            finally:
                record(label(args), phase, t, now())
    setattr(owner, name, wrapper)


def instrument() -> None:
    t = now()
    import nbformat  # noqa: F401 - the imports the report needs, timed here
    import papermill  # noqa: F401
    from nbclient import NotebookClient  # noqa: F401
    from nbconvert import HTMLExporter  # noqa: F401

    from exportrow import export, kernels, report

    record("(report)", "imports: papermill, nbclient, nbconvert", t, now())

    def nb_of_client(args):
        client = args[0]
        return Path(client._connection_file).stem.removeprefix("kernel-")

    wrap(kernels.ReportClient, "async_start_new_kernel", "kernel start (process)", nb_of_client, is_async=True)
    wrap(kernels.ReportClient, "async_start_new_kernel_client", "kernel start (until it answers)", nb_of_client,
         is_async=True)

    original_cell = kernels.ReportClient.async_execute_cell

    async def cell(self, cell, cell_index, *a, **kw):
        t = now()
        try:
            return await original_cell(self, cell, cell_index, *a, **kw)
        finally:
            first = "".join(cell.source).strip().splitlines()[:1]
            record(nb_of_client((self,)), f"cell {cell_index}: {(first or [''])[0][:50]}", t, now())

    kernels.ReportClient.async_execute_cell = cell
    wrap(kernels.ReportClient, "_async_cleanup_kernel", "kernel shutdown", nb_of_client, is_async=True)
    for name, phase in (("_html", "HTML export"), ("_write_index", "index and article page")):
        if hasattr(report, name):
            wrap(report, name, phase, key=lambda args, n=name: "(report)")
    wrap(export, "write_atomic", "write files", key=lambda args: Path(args[0]).parent.name or "(report)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--notebooks", nargs="*")
    ap.add_argument("--floor", action="store_true", help="profile the floor notebooks instead")
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))
    instrument()
    from exportrow import report

    with tempfile.TemporaryDirectory() as d:
        if args.floor:
            from bench_report import floor_notebooks

            notebooks = floor_notebooks(Path(d))
        else:
            notebooks = report.discover(args.notebooks)
        t = now()
        results, _ = report.run_report(notebooks, Path(d) / "out", {}, jobs=args.jobs, stream=io.StringIO())
        total = now() - t
    assert all(r.ok for r in results), [r.error for r in results]
    by_nb = defaultdict(list)
    for nb, phase, a, b in sorted(EVENTS, key=lambda e: e[2]):
        by_nb[nb].append((phase, a, b))
    for nb, events in sorted(by_nb.items()):
        print(f"\n{nb}")
        for phase, a, b in events:
            if b - a >= 0.05 or not phase.startswith(("cell", "write")):
                print(f"  {a:6.2f} - {b:6.2f}  {b - a:5.2f} s  {phase}")
    sums = defaultdict(float)
    for _nb, phase, a, b in EVENTS:
        sums["cells" if phase.startswith("cell") else phase] += b - a
    print(f"\nrun_report wall time: {total:.2f} s (plus {t:.2f} s of imports before it)")
    print("summed over notebooks (parallel phases overlap):")
    for phase, s in sorted(sums.items(), key=lambda kv: -kv[1]):
        print(f"  {s:6.2f} s  {phase}")


if __name__ == "__main__":
    main()
