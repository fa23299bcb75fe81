"""A cap on the upload checks that run at once, across every process on the machine.

Each check child may take :func:`geo.uploads.sandbox.limits` of memory; four
parallel 47 MB uploads took a server from 1.2 to 7.6 GB. :func:`check_slot`
takes one of :func:`indicators.limits.max_upload_checks` slots, each a lock file
under ``<data directory>/locks/`` held with ``flock`` (released by the kernel
when its holder dies, also after ``kill -9``). Whoever finds every slot taken
waits, with a message, up to the check's time limit and is then refused with a
German message. Where the lock folder cannot be written, checks are not capped
(logged once).
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import sys
import time
from collections.abc import Callable, Iterator

from indicators.errors import InputError, msg
from indicators.limits import max_upload_checks
from indicators.wording.message import Message
from store import config

POLL_SECONDS = 0.2
_log = logging.getLogger(__name__)


class ChecksBusyError(InputError):
    """Every check slot stayed taken for the whole wait (German message)."""


# front ends add theirs (the app: a message in the page); a notice never raises
NOTICES: list[Callable[[Message], object]] = []


def set_notice(show: Callable[[Message], object]) -> None:
    """Show the waiting message (a wording key: the front end renders it) with ``show`` too (called in the
    thread that waits, e.g. a page's script)."""
    if show not in NOTICES:
        NOTICES.append(show)


def _default_notice(text: Message) -> None:
    _log.warning(text)
    if not NOTICES:
        print(text, file=sys.stderr, flush=True)
    for show in NOTICES:  # a front end's notice handles its own errors (ui.common: Streamlit's)
        show(text)


def _try_slots(folder, n: int) -> int | None:
    for i in range(n):
        fd = os.open(folder / f"upload-check-{i}.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            continue
        return fd
    return None


@contextlib.contextmanager
def check_slot(
    label: str = "Datei", wait_seconds: float = 60.0, notice: Callable[[Message], object] | None = None
) -> Iterator[None]:
    """Hold one check slot while the block runs.

    Parameters
    ----------
    label
        File name for the refusal.
    wait_seconds
        How long to wait for a free slot.
    notice
        Called once with a message (wording key) when the check has to wait (default:
        log and standard error).

    Raises
    ------
    ChecksBusyError
        No slot became free within ``wait_seconds``.
    """
    n = max_upload_checks()
    folder = config.data_dir() / "locks"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = _try_slots(folder, n)
    except OSError:
        _log.warning("Sperrordner %s nicht beschreibbar: Upload-Prüfungen ohne Obergrenze", folder)
        yield
        return
    deadline = time.monotonic() + wait_seconds
    if fd is None:
        (notice or _default_notice)(msg("note_checks_wait", n=n))
    while fd is None:
        if time.monotonic() >= deadline:
            raise ChecksBusyError(msg("err_checks_busy", label=label, n=n))
        time.sleep(POLL_SECONDS)
        fd = _try_slots(folder, n)
    try:
        yield
    finally:
        os.close(fd)  # closing the only descriptor of the open file releases the flock
