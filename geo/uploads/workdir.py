"""Temporary files of uploads: under the data directory, one folder per process, cleaned at start.

An uploaded file written to the system's temporary directory outlives a server
killed with ``kill -9``, and nothing ever removes it. Every upload and every
check child therefore keeps its temporary files under
``<data directory>/tmp/<pid>-…``: :func:`upload_dir` for the parent (the
uploaded bytes), :func:`child_dir` for the sandboxed child (GDAL's and Python's
own temporary files, via ``TMPDIR``/``CPL_TMPDIR``). :func:`cleanup_stale`
(called at app and CLI start) removes the folders of processes that no longer
run; folders of running processes (another server, a CLI run) are kept.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from store import config

TMP_NAME = "tmp"


def work_root() -> Path:
    """``<data directory>/tmp`` (created 0700); the system's temp dir only if that cannot be created."""
    root = config.data_dir() / TMP_NAME
    try:
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        return root
    except OSError:
        logging.getLogger(__name__).warning("%s nicht anlegbar; temporäre Dateien im Systemordner", root)
        return Path(tempfile.gettempdir())


def process_dir(pid: int | None = None) -> Path:
    """The folder of process ``pid`` (default: this process) under :func:`work_root`, created."""
    folder = work_root() / f"{pid or os.getpid()}-proc"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


@contextlib.contextmanager
def upload_dir(prefix: str = "upload-") -> Iterator[Path]:
    """A fresh folder for one upload's files, under this process's folder; removed afterwards."""
    with tempfile.TemporaryDirectory(prefix=prefix, dir=process_dir()) as tmp:
        yield Path(tmp)


def child_dir() -> Path:
    """The folder of a sandboxed child (this process): its temp files go here, see :func:`use_here`."""
    return process_dir()


def use_here(folder: Path) -> None:
    """Make Python, GDAL and SQLite in this process put temporary files into ``folder``."""
    tempfile.tempdir = str(folder)
    for key in ("TMPDIR", "TEMP", "TMP", "CPL_TMPDIR", "SQLITE_TMPDIR"):
        os.environ[key] = str(folder)


def remove_process_dir(pid: int) -> None:
    """Delete the folder of a finished process (the parent does this after its child ended)."""
    shutil.rmtree(work_root() / f"{pid}-proc", ignore_errors=True)


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, killed but not yet reaped, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            return f.read().rsplit(")", 1)[-1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def cleanup_stale(data_dir: Path | str | None = None) -> list[Path]:
    """Remove the folders of processes that no longer run (a killed server, a killed check); never raises.

    Called at app start (:func:`geo.uploads.datastore.startup_cleanup`) and before a
    process's first check (:func:`geo.uploads.sandbox.run_payload`, so every CLI run).
    """
    removed = []
    try:
        root = Path(data_dir or config.data_dir()) / TMP_NAME
        if not root.is_dir():
            return []
        for entry in root.iterdir():
            pid_text = entry.name.split("-", 1)[0]
            if entry.is_dir() and pid_text.isdigit() and not _alive(int(pid_text)):
                shutil.rmtree(entry, ignore_errors=True)
                removed.append(entry)
    except OSError:
        logging.getLogger(__name__).exception("temporäre Upload-Dateien nicht aufgeräumt")
    return removed
