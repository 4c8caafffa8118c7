"""Start a Jupyter kernel that cannot outlive the report that started it (Linux).

The report starts each kernel as ``python -I kernel_launch.py <kernel command...>``. This small
launcher asks the Linux kernel to send it SIGKILL when its parent dies (``prctl`` with
``PR_SET_PDEATHSIG``), checks that the parent is still the report (it might have died before
the request took effect), and then replaces itself with the real kernel command; the request
survives ``exec``. So even a report killed with SIGKILL, which can clean up nothing, takes its
kernels with it. (Linux counts the *thread* that started the process as its parent: the report
starts each kernel from a worker thread that lives until every kernel it started has ended.)

The kernel runs in a session and process group of its own (jupyter_client starts it so), so a
Ctrl-C in the terminal reaches only the report, which then stops its kernels' process groups
itself. On systems without ``prctl`` the launcher just runs the kernel, and ipykernel's own
parent poller ends it within about a second of the report's death.

This file uses the standard library only and is run as a script, not imported.
"""

import ctypes
import os
import signal
import sys

__all__: list[str] = []  # a script, not a library module

PR_SET_PDEATHSIG = 1


def main(argv: list[str]) -> None:
    if not argv:
        sys.exit("usage: kernel_launch.py KERNEL-COMMAND...")
    parent = os.environ.get("JPY_PARENT_PID", "")
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if parent.isdigit() and os.getppid() != int(parent):
        sys.exit(1)  # the report died before the request above took effect
    os.execvp(argv[0], argv)


if __name__ == "__main__":
    main(sys.argv[1:])
