"""Checks of uploaded files, sandboxed and cached by the file's content.

Streamlit runs a page again on every click while a file sits in the uploader.
:func:`checked` runs a check (table or boundary parsing, facility points, raster
statistics) once per content in the limited child of :mod:`geo.uploads.sandbox`
and keeps what the child sent back, keyed by a SHA-256 of the function and its
arguments: bytes and files (:class:`~pathlib.Path`) by their *content* and
suffix, so the same upload saved to another temporary folder is a hit; other
arguments by their pickled form; the ``SOZIALMONITOR_*`` settings (caps, limits)
are part of the key. A refusal is kept too, so a hostile file is
refused once, not on every rerun.

The cache holds the pickled results (each hit unpickles a fresh copy: callers
may change what they get) in a small LRU of at most :data:`MAX_ENTRIES`
entries and :data:`MAX_BYTES` bytes, shared by all sessions of the server
process (same content, same check, same answer).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from geo.uploads.sandbox import limits, run_payload, unpack

R = TypeVar("R")  # what the check returns
MAX_ENTRIES = 16
MAX_BYTES = 256 * 2**20
_CACHE: OrderedDict[str, bytes] = OrderedDict()
_LOCK = threading.Lock()


def _feed(h, obj) -> None:
    """Add ``obj`` to the hash: files and bytes by content, the rest pickled."""
    if isinstance(obj, (bytes, bytearray, memoryview)):
        h.update(b"B")
        h.update(bytes(obj))
    elif isinstance(obj, Path):
        h.update(b"F" + obj.suffix.lower().encode())
        with obj.open("rb") as f:
            for block in iter(lambda: f.read(2**20), b""):
                h.update(block)
    elif isinstance(obj, (tuple, list)):
        h.update(b"T%d" % len(obj))
        for item in obj:
            _feed(h, item)
    else:
        h.update(b"P")
        h.update(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))


def content_key(func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    """SHA-256 of the function's name and its arguments (files and bytes by content)."""
    settings = sorted((k, v) for k, v in os.environ.items() if k.startswith("SOZIALMONITOR_"))  # caps, limits
    h = hashlib.sha256(f"{func.__module__}.{func.__qualname__} {limits()} {settings}".encode())
    _feed(h, args)
    for name in sorted(kwargs):
        h.update(name.encode())
        _feed(h, kwargs[name])
    return h.hexdigest()


def checked(func: Callable[..., R], *args: Any, file_label: str = "Datei", **kwargs: Any) -> R:
    """``func(*args, **kwargs)`` in the limited child, once per content.

    Parameters
    ----------
    func
        A module-level function (its result must pickle).
    file_label
        File name for limit messages (not part of the key).

    Raises
    ------
    geo.uploads.sandbox.UploadLimitError
        Out of memory or time (German message); raised again on every call
        with the same content, without running the check again.
    Exception
        Whatever ``func`` raised (also cached).
    """
    try:
        key = content_key(func, args, kwargs)
    except OSError:  # an unreadable file: let the check itself say so
        key = ""
    with _LOCK:
        payload = _CACHE.get(key) if key else None
        if payload is not None:
            _CACHE.move_to_end(key)
    if payload is None:
        payload = run_payload(func, args, kwargs, label=file_label)
        if key and len(payload) <= MAX_BYTES:
            _store(key, payload)
    result: R = unpack(payload, file_label)
    return result


def _store(key: str, payload: bytes) -> None:
    with _LOCK:
        _CACHE[key] = payload
        _CACHE.move_to_end(key)
        while len(_CACHE) > MAX_ENTRIES or (len(_CACHE) > 1 and sum(map(len, _CACHE.values())) > MAX_BYTES):
            _CACHE.popitem(last=False)


def clear() -> None:
    """Forget every cached check (tests, and after the upload limits changed)."""
    with _LOCK:
        _CACHE.clear()
