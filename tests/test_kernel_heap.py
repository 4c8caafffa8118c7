"""open_inputs freezes a kernel's start-up heap once (exportrow.notebook.settle_kernel_heap; benchmarks/README.md)."""

import subprocess
import sys

SCRIPT = """
import gc, sys, tempfile, types
if {kernel}:
    sys.modules["ipykernel"] = types.ModuleType("ipykernel")  # as inside a Jupyter kernel
from exportrow.notebook import open_inputs
first = gc.get_freeze_count()
inp = open_inputs("", "", tempfile.mkdtemp(), "demo")
after = gc.get_freeze_count()
junk = [[] for _ in range(1000)]
open_inputs("", "", tempfile.mkdtemp(), "demo")  # a cell run again
print(first, after, gc.get_freeze_count(), len(inp.annotation.figures))
"""


def run(kernel: bool) -> list[int]:
    res = subprocess.run([sys.executable, "-c", SCRIPT.format(kernel=kernel)], capture_output=True, text=True,
                         check=True)
    return [int(x) for x in res.stdout.split()]


def test_in_a_kernel_the_heap_is_frozen_once_before_the_inputs_load():
    first, after, again, figures = run(kernel=True)
    assert first == 0 and after > 50_000  # pandas, matplotlib and exportrow's modules, left out of full collections
    assert again == after  # the second open_inputs froze nothing more: a cell run again leaks no garbage
    assert figures == 5  # the inputs load as before


def test_outside_a_kernel_nothing_is_frozen():
    first, after, again, figures = run(kernel=False)
    assert (first, after, again, figures) == (0, 0, 0, 5)
