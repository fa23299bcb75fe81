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
``SOZIALMONITOR_UPLOAD_SECONDS`` (default 60).
"""
from __future__ import annotations

import multiprocessing as mp
import os
import pickle
import resource
import sys
from collections.abc import Callable
from typing import Any

from indicators.errors import InputError

ENV_MEMORY_MB = "SOZIALMONITOR_UPLOAD_MEMORY_MB"
ENV_SECONDS = "SOZIALMONITOR_UPLOAD_SECONDS"
DEFAULT_MEMORY_MB = 3072
DEFAULT_SECONDS = 60


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


def _child(conn, func: Callable, args: tuple, kwargs: dict, memory_mb: int, seconds: float) -> None:
    try:
        limit = _address_space() + memory_mb * 1024 * 1024  # the check's own memory, on top of the fork
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        cpu = int(seconds) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        os.nice(5)  # the app's own requests come first
        result: tuple[str, Any] = ("ok", func(*args, **kwargs))
    except MemoryError:
        result = ("memory", None)
    except BaseException as exc:  # sent back and raised in the parent, as if called directly
        result = ("error", exc)
    try:
        conn.send_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    except MemoryError:
        conn.send_bytes(pickle.dumps(("memory", None)))
    except Exception as exc:  # an unpicklable result or exception
        conn.send_bytes(pickle.dumps(("error", RuntimeError(f"{type(exc).__name__}: {str(exc)[:200]}"))))
    finally:
        conn.close()
        os._exit(0)  # no atexit handlers, no flushing of the parent's buffers


def run_payload(func: Callable, args: tuple, kwargs: dict, memory_mb: int | None = None,
                seconds: float | None = None) -> bytes:
    """``func(*args, **kwargs)`` in a limited child; the pickled ``(status, value)`` it sent back.

    ``status`` is ``"ok"`` (value = result), ``"error"`` (value = the exception),
    ``"memory"`` or ``"time"`` (limit reached; value = the limit). The bytes are what
    :mod:`geo.uploads.check_cache` keeps: every cache hit unpickles a fresh copy.
    """
    mem, secs = limits()
    memory_mb, seconds = memory_mb or mem, seconds or secs
    if sys.platform == "win32":  # no fork, no rlimits: check in-process
        try:
            return pickle.dumps(("ok", func(*args, **kwargs)), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:
            return pickle.dumps(("error", exc), protocol=pickle.HIGHEST_PROTOCOL)
    ctx = mp.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, func, args, kwargs, memory_mb, seconds), daemon=True)
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
    if data is None:
        if proc.exitcode in (None, -9) or proc.exitcode == -24:  # killed by us or by RLIMIT_CPU
            return pickle.dumps(("time", seconds))
        return pickle.dumps(("died", memory_mb))
    status, _ = pickle.loads(data)
    return pickle.dumps(("memory", memory_mb)) if status == "memory" else data


def unpack(payload: bytes, file_label: str = "Datei"):
    """The result in a payload of :func:`run_payload`, or its error raised (German message for limits)."""
    status, value = pickle.loads(payload)
    if status == "ok":
        return value
    if status == "error":
        raise value
    if status == "time":
        raise UploadLimitError(f"{file_label}: Prüfung dauerte länger als {value:.0f} s und wurde abgebrochen; "
                               "Datei bitte verkleinern oder vereinfachen.")
    if status == "memory":
        raise UploadLimitError(f"{file_label}: Prüfung braucht mehr als {value} MB Speicher und wurde abgebrochen; "
                               "Datei bitte verkleinern oder vereinfachen.")
    raise UploadLimitError(f"{file_label}: Prüfung abgebrochen (mehr als {value} MB Speicher nötig?); "
                           "Datei bitte verkleinern oder vereinfachen.")


def run_limited(func: Callable, *args, file_label: str = "Datei", memory_mb: int | None = None,
                seconds: float | None = None, **kwargs):
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
    return unpack(run_payload(func, args, kwargs, memory_mb, seconds), file_label)
