"""Kernels of the report: each in its own process group, unable to outlive the report, stopped as a group.

Every kernel is started through :mod:`exportrow.kernel_launch` (the kernel dies with the report,
even after a SIGKILL of the report) and keeps its connection file in a folder the report owns
and removes (never in the user's Jupyter runtime folder). :func:`stop_all` kills the process
group of every running kernel at once, for Ctrl-C, SIGTERM and SIGHUP.

This module imports jupyter_client and nbclient: the report imports it only when it runs.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient

__all__ = ["LAUNCHER", "GuardedKernelManager", "ReportClient", "stop_all", "running"]

#: The launcher script every kernel starts through.
LAUNCHER = Path(__file__).with_name("kernel_launch.py")

_ACTIVE: set = set()  # clients running now, so that an interrupt can stop their kernels
_LOCK = threading.Lock()


def _quiet_dead_kernel_tasks(record: logging.LogRecord) -> bool:
    """nbclient leaves a polling task pending when a kernel dies; asyncio then logs noise at exit."""
    return not str(record.msg).startswith("Task was destroyed but it is pending")


logging.getLogger("asyncio").addFilter(_quiet_dead_kernel_tasks)


class GuardedKernelManager(AsyncKernelManager):
    """A kernel manager that starts the kernel through :data:`LAUNCHER`."""

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        return [sys.executable, "-I", str(LAUNCHER), *super().format_kernel_cmd(extra_arguments)]


class ReportClient(NotebookClient):
    """An nbclient ``NotebookClient`` whose kernel is guarded and whose connection file is ``connection_file``.

    While it runs, it is registered so that :func:`stop_all` can reach its kernel.
    """

    def __init__(self, nb, *, connection_file: Path, **kw):
        super().__init__(nb, kernel_manager_class=GuardedKernelManager, **kw)
        self._connection_file = str(connection_file)

    def create_kernel_manager(self):
        km = super().create_kernel_manager()
        km.connection_file = self._connection_file
        return km

    def execute(self, **kw):
        with _LOCK:
            _ACTIVE.add(self)
        try:
            return super().execute(**kw)
        finally:
            with _LOCK:
                _ACTIVE.discard(self)
            Path(self._connection_file).unlink(missing_ok=True)

    @property
    def kernel_pid(self) -> int | None:
        """The kernel's process id (also its process group), once it has started."""
        provisioner = getattr(getattr(self, "km", None), "provisioner", None)
        return getattr(provisioner, "pid", None)


def running() -> list[int]:
    """Process ids of the kernels running now.

    Example:
        >>> running()
        []
    """
    with _LOCK:
        return [pid for pid in (c.kernel_pid for c in _ACTIVE) if pid]


def stop_all() -> list[int]:
    """Kill the process group of every running kernel (SIGKILL); their clients then end at once.

    Returns the process groups signalled. Each client removes its connection file as it ends.

    Example:
        >>> stop_all()
        []
    """
    stopped = []
    for pid in running():
        try:
            os.killpg(pid, signal.SIGKILL)  # the kernel leads its own session: its group id is its pid
            stopped.append(pid)
        except OSError:
            try:
                os.kill(pid, signal.SIGKILL)
                stopped.append(pid)
            except OSError:
                pass
    return stopped
