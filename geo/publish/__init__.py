"""What follows a change of the saved datasets: one log record and the OGC API brought up to date.

The data store (:class:`geo.uploads.datastore.DataStore`) wraps each change (save, publish, withdraw,
remove, restore) in :func:`changing`: afterwards the OGC collections are refreshed
(:func:`geo.ogc.refresh`, a no-op unless the OGC API is set up) and one record is logged to
``sozialmonitor.actions`` with ``user``, ``action``, ``object``, ``duration_ms`` and ``status``
(a JSON line on servers: :mod:`commands.ops`).
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Iterator
from pathlib import Path

_LOG = logging.getLogger("sozialmonitor.actions")


def log_change(*, user: str, action: str, name: str, started: float, status: str = "ok") -> None:
    """Log one change with its duration since ``started`` (``time.monotonic()``)."""
    _LOG.info(
        "%s %s %s",
        action,
        name,
        status,
        extra={
            "user": user,
            "action": action,
            "object": name,
            "status": status,
            "duration_ms": round((time.monotonic() - started) * 1000, 1),
        },
    )


def after_change(*, root: Path, user: str, action: str, name: str, started: float) -> None:
    """After a change that succeeded (begun at ``started``): refresh the OGC API, then log the change."""
    from geo import ogc

    ogc.refresh(root)
    log_change(user=user, action=action, name=name, started=started)


@contextlib.contextmanager
def changing(*, root: Path, user: str, action: str, name: str) -> Iterator[None]:
    """Around one change: on success refresh the OGC API, and log the change either way."""
    started = time.monotonic()
    done = False
    try:
        yield
        done = True
    finally:  # whatever stopped the change (no catch-all: the exception goes on unchanged)
        if not done:
            log_change(user=user, action=action, name=name, started=started, status="error")
    after_change(root=root, user=user, action=action, name=name, started=started)
