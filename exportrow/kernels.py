"""Kernels of the report: each in its own process group, unable to outlive the report, stopped as a group.

Every kernel is started through :mod:`exportrow.kernel_launch` (the kernel dies with the report,
even after a SIGKILL of the report) and keeps its connection file in a folder the report owns
and removes (never in the user's Jupyter runtime folder). :func:`stop_all` kills the process
group of every running kernel at once, for Ctrl-C, SIGTERM and SIGHUP.

This module imports jupyter_client and nbclient: the report imports it only when it runs.
"""

from __future__ import annotations

import atexit
import logging
import os
import signal
import sys
import threading
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.util import run_sync

__all__ = ["LAUNCHER", "GuardedKernelManager", "ReportClient", "stop_all", "running", "socket_dir",
           "sweep_socket_dirs"]

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

    def __init__(self, nb, *, connection_file: Path, sockets: Path | None = None, **kw):
        super().__init__(nb, kernel_manager_class=GuardedKernelManager, **kw)
        self._connection_file = str(connection_file)
        self._sockets = str(sockets) if sockets else None

    def create_kernel_manager(self):
        km = super().create_kernel_manager()
        km.connection_file = self._connection_file
        if self._sockets:
            # Unix sockets instead of TCP ports: no other program can take a kernel's port between the
            # moment it is chosen and the moment the kernel binds it ("Address already in use"), and
            # nothing is reachable from the network.
            km.transport = "ipc"
            km.ip = self._sockets
        return km

    async def _async_cleanup_kernel(self) -> None:
        # nbclient registers this at exit when it sets up a kernel; when the start itself is interrupted
        # (Ctrl-C or SIGTERM while kernels start) the manager is already gone, and nbclient's version then
        # fails an assertion at exit, printed as a traceback after the report's own one-line message.
        if self.km is None:
            return
        await super()._async_cleanup_kernel()

    _cleanup_kernel = run_sync(_async_cleanup_kernel)

    def execute(self, **kw):
        with _LOCK:
            _ACTIVE.add(self)
        try:
            return super().execute(**kw)
        finally:
            with _LOCK:
                _ACTIVE.discard(self)
            if self.km is None:  # nothing left for nbclient's exit hook to stop
                atexit.unregister(self._cleanup_kernel)
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


_SOCKET_PREFIX = "exportrow-kernels-"
_SOCKET_PATH_MAX = 90  # AF_UNIX paths hold about 107 bytes; leave room for "-<port>"


def socket_dir() -> Path | None:
    """A private, short-named folder for the kernels' Unix sockets, or None where they cannot be used.

    Socket paths are limited to about 107 bytes, so the folder lives in the system's temporary
    folder under a short name that carries this process's id (a later run removes it if this
    one dies without cleaning up; see :func:`sweep_socket_dirs`).

    Example:
        >>> d = socket_dir()
        >>> d is None or (d.name.startswith("exportrow-kernels-") and oct(d.stat().st_mode)[-3:] == "700")
        True
        >>> d is not None and d.rmdir()
    """
    import tempfile

    if not sys.platform.startswith(("linux", "darwin")):
        return None
    d = Path(tempfile.mkdtemp(prefix=f"{_SOCKET_PREFIX}{os.getpid()}-"))
    if len(str(d)) + 12 > _SOCKET_PATH_MAX:
        d.rmdir()
        return None
    return d


def sweep_socket_dirs() -> list[Path]:
    """Remove socket folders left by report processes that no longer run (killed with SIGKILL, say).

    Example:
        >>> isinstance(sweep_socket_dirs(), list)
        True
    """
    import shutil
    import tempfile

    removed = []
    for d in Path(tempfile.gettempdir()).glob(f"{_SOCKET_PREFIX}*"):
        pid = d.name[len(_SOCKET_PREFIX):].split("-", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
            continue  # still running
        except ProcessLookupError:
            pass
        except PermissionError:
            continue  # someone else's process
        if d.is_dir() and not d.is_symlink() and d.stat().st_uid == os.getuid():
            shutil.rmtree(d, ignore_errors=True)
            removed.append(d)
    return removed
