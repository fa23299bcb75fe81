"""Check uploads in a child process with a memory and a time limit.

A hostile file (an XLSX with a huge shared-strings table, a shapefile with
millions of vertices) must cost its uploader a message, not every user the
server. :func:`run_limited` runs a checking function in a forked child with
``RLIMIT_AS`` (address space) and a wall-clock limit; the parent only waits.
The memory limit is counted on top of the address space the child starts with
(the fork's copy of the server: its libraries, thread stacks and malloc arenas
are several GB of address space in a long-running server, most of it never used).
The result comes back pickled; a child that runs out of memory or time is
killed and the upload refused with a German message.

Limits (environment variables): ``SOZIALMONITOR_UPLOAD_MEMORY_MB`` (default
3072: room for one check on a 24 GB machine shared by several users) and
``SOZIALMONITOR_UPLOAD_SECONDS`` (default 60). A memory limit set outside
(``prlimit --as=…``, a service's ``LimitAS=``) is respected: the child's limit is
the smaller of the two, never an attempt to raise the hard limit.

The child is fenced in before it touches the file (:mod:`geo.uploads.isolation`):
it cannot reach the network, holds none of the server's sockets, dies with its
parent and keeps its temporary files under the data directory
(:mod:`geo.uploads.workdir`). At most :func:`indicators.limits.max_upload_checks`
checks run at once on the machine (:mod:`geo.uploads.slots`). A check started
inside a child (one check calling another) runs there directly.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import pickle
import resource
import sys
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from geo.uploads import isolation, workdir
from geo.uploads.slots import ChecksBusyError, check_slot
from indicators.errors import InputError, error_message, msg
from indicators.wording.message import Number

R = TypeVar("R")  # what the check returns
ENV_MEMORY_MB = "SOZIALMONITOR_UPLOAD_MEMORY_MB"
ENV_SECONDS = "SOZIALMONITOR_UPLOAD_SECONDS"
DEFAULT_MEMORY_MB = 3072
DEFAULT_SECONDS = 60
_IN_CHILD = False  # True in a check child: nested checks run in place
_CLEANED: list[bool] = []  # whether this process removed what killed processes left (once)


class UploadLimitError(InputError):
    """A check needed more memory or time than allowed (German message)."""


def limits() -> tuple[int, float]:
    """(memory in MB, seconds) from the environment."""

    def num(name: str, default: float) -> float:
        try:
            return max(1.0, float(os.environ.get(name, default)))
        except ValueError:
            return default

    return int(num(ENV_MEMORY_MB, DEFAULT_MEMORY_MB)), num(ENV_SECONDS, DEFAULT_SECONDS)


def _address_space() -> int:
    """This process's current address space in bytes (0 where ``/proc`` is missing)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def in_child() -> bool:
    """Whether this process is a check child of :func:`run_payload`."""
    return _IN_CHILD


def _capped(kind: int, wanted: int, grace: int = 0) -> None:
    """Set ``kind``'s soft limit to ``wanted`` (hard: ``wanted + grace``), never above the hard limit set outside.

    Raising a hard limit is not allowed (``prlimit --as=…``, ``LimitAS=``): the
    outside limit then is the child's.
    """
    _, hard = resource.getrlimit(kind)
    if hard == resource.RLIM_INFINITY:
        resource.setrlimit(kind, (wanted, wanted + grace))
    else:
        resource.setrlimit(kind, (min(wanted, hard), min(wanted + grace, hard)))


def _fence(conn, parent_pid: int) -> None:
    """Everything before the check: see :mod:`geo.uploads.isolation`."""
    global _IN_CHILD
    _IN_CHILD = True
    isolation.die_with_parent(parent_pid)
    isolation.release_sockets({conn.fileno()})
    isolation.cut_network()
    workdir.use_here(workdir.child_dir())


def _call(func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[str, Any]:
    """``func(*args, **kwargs)`` as ``("ok", result)``, ``("memory", None)`` or ``("error", exception)``.

    The sandbox's one catch-all, and it handles nothing: the exception travels to the
    caller of :func:`unpack`, which raises it as if the check had been called directly
    (a user's mistake as its message, a bug as a bug).
    """
    try:
        return "ok", func(*args, **kwargs)
    except MemoryError:
        return "memory", None
    except BaseException as exc:  # transported, not handled: unpack raises it in the parent
        return "error", exc


def _child(
    conn,
    func: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    memory_mb: int,
    seconds: float,
    parent_pid: int = 0,
) -> None:
    def fenced() -> Any:
        _fence(conn, parent_pid)
        _capped(resource.RLIMIT_AS, _address_space() + memory_mb * 1024 * 1024)  # on top of the fork
        _capped(resource.RLIMIT_CPU, int(seconds) + 1, grace=1)
        os.nice(5)  # the app's own requests come first
        return func(*args, **kwargs)

    result = _call(fenced, (), {})
    try:
        conn.send_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    except MemoryError:
        conn.send_bytes(pickle.dumps(("memory", None)))
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError) as exc:  # an unpicklable result
        # or exception: the parent raises this RuntimeError (a bug of the check), its log has the type
        conn.send_bytes(pickle.dumps(("error", RuntimeError(f"{type(exc).__name__}: {str(exc)[:200]}"))))
    finally:
        if sys.exc_info()[0] is not None:  # a bug while sending: the parent sees "died", the log has the traceback
            traceback.print_exc(file=sys.stderr)
            sys.stderr.flush()
        conn.close()
        os._exit(0)  # no atexit handlers, no flushing of the parent's buffers


def _run_child(
    func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any], memory_mb: int, seconds: float
) -> tuple[bytes | None, int | None, int]:
    """Fork, wait up to ``seconds``, kill what is left: (sent bytes or None, exit code, child pid)."""
    ctx = mp.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, func, args, kwargs, memory_mb, seconds, os.getpid()), daemon=True)
    proc.start()
    send.close()
    try:
        data = recv.recv_bytes() if recv.poll(seconds) else None
    except EOFError:
        data = None
    finally:
        recv.close()
    if proc.is_alive():
        proc.kill()
    proc.join(5)
    return data, proc.exitcode, int(proc.pid or 0)


def run_payload(
    func: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    memory_mb: int | None = None,
    seconds: float | None = None,
    label: str = "Datei",
) -> bytes:
    """``func(*args, **kwargs)`` in a limited child; the pickled ``(status, value)`` it sent back.

    ``status`` is ``"ok"`` (value = result), ``"error"`` (value = the exception),
    ``"memory"`` or ``"time"`` (limit reached; value = the limit). The bytes are what
    :mod:`geo.uploads.check_cache` keeps: every cache hit unpickles a fresh copy.
    """
    mem, secs = limits()
    memory_mb, seconds = memory_mb or mem, seconds or secs
    if sys.platform == "win32" or _IN_CHILD:  # no fork, no rlimits; or already fenced and limited: in-process
        status, value = _call(func, args, kwargs)
        if status == "error" and not isinstance(value, Exception):
            raise value  # Ctrl-C, SystemExit: this process's own, not a verdict on the file
        return pickle.dumps((status, memory_mb if status == "memory" else value), protocol=pickle.HIGHEST_PROTOCOL)
    if not _CLEANED:
        _CLEANED.append(bool(workdir.cleanup_stale()))
    try:
        with check_slot(label, wait_seconds=seconds):
            data, exitcode, pid = _run_child(func, args, kwargs, memory_mb, seconds)
    except ChecksBusyError as exc:  # raised, not returned: a busy server is no verdict on the file
        raise UploadLimitError(error_message(exc)) from None
    workdir.remove_process_dir(pid)
    if data is None:
        if exitcode in (None, -9) or exitcode == -24:  # killed by us or by RLIMIT_CPU
            return pickle.dumps(("time", seconds))
        return pickle.dumps(("died", memory_mb))
    status, _ = pickle.loads(data)
    return pickle.dumps(("memory", memory_mb)) if status == "memory" else data


def unpack(payload: bytes, file_label: str = "Datei") -> Any:
    """The result in a payload of :func:`run_payload`, or its error raised (a wording key for limits)."""
    status, value = pickle.loads(payload)
    if status == "ok":
        return value
    if status == "error":
        raise value
    if status == "time":
        raise UploadLimitError(msg("err_check_time", name=file_label, seconds=Number(value, 0)))
    if status == "memory":
        raise UploadLimitError(msg("err_check_memory", name=file_label, mb=value))
    raise UploadLimitError(msg("err_check_died", name=file_label, mb=value))


def run_limited(
    func: Callable[..., R],
    *args: Any,
    file_label: str = "Datei",
    memory_mb: int | None = None,
    seconds: float | None = None,
    **kwargs: Any,
) -> R:
    """``func(*args, **kwargs)`` in a child process with memory and time limits.

    Parameters
    ----------
    func
        A module-level function; its result must pickle.
    file_label
        File name for the message.
    memory_mb, seconds
        Limits; default :func:`limits`.

    Raises
    ------
    UploadLimitError
        The child ran out of memory or time, or died.
    Exception
        Whatever ``func`` raised, re-raised here.
    """
    result: R = unpack(run_payload(func, args, kwargs, memory_mb, seconds, file_label), file_label)
    return result
