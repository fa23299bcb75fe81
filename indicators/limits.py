"""Limits of the tool, each decided here once (uploads, stored tables).

The upload limit is read from ``SOZIALMONITOR_MAX_UPLOAD_MB`` (default 50 MB)
on every call, so the app, the CLI and the readers of saved data agree.
``.streamlit/config.toml`` (``server.maxUploadSize``) should not be lower.
"""

from __future__ import annotations

import os

ENV_MAX_UPLOAD_MB = "SOZIALMONITOR_MAX_UPLOAD_MB"
DEFAULT_UPLOAD_MB = 50.0
MB = 1024 * 1024
# A saved table is the tidy (long) form of an accepted upload: one row per value, so it can be
# several times larger than the file the user uploaded. It is our own, validated output.
STORED_TABLE_FACTOR = 10
# Official census grid files (Zensus 2022, 100 m, one topic for all of Germany) are read from disk by
# `cli.py grid import`; they are far larger than an upload, and streamed line by line.
GRID_FILE_MAX_BYTES = 1024 * MB


def max_upload_mb() -> float:
    """Upload size cap in MB (env ``SOZIALMONITOR_MAX_UPLOAD_MB``, default 50)."""
    try:
        mb = float(os.environ.get(ENV_MAX_UPLOAD_MB, DEFAULT_UPLOAD_MB))
    except ValueError:
        return DEFAULT_UPLOAD_MB
    return mb if mb > 0 else DEFAULT_UPLOAD_MB


def max_upload_bytes() -> int:
    """Upload size cap in bytes (see :func:`max_upload_mb`)."""
    return int(max_upload_mb() * MB)


def stored_table_bytes() -> int:
    """Size cap for reading saved and shipped tables (tidy form of an upload)."""
    return max(max_upload_bytes(), int(DEFAULT_UPLOAD_MB * MB)) * STORED_TABLE_FACTOR


ENV_UPLOAD_CHECKS = "SOZIALMONITOR_UPLOAD_CHECKS"
DEFAULT_UPLOAD_CHECKS = 2
ENV_PLAN_ROWS = "SOZIALMONITOR_PLAN_MAX_ROWS"
DEFAULT_PLAN_ROWS = 20_000


def _positive_int(name: str, default: int) -> int:
    try:
        value = int(float(os.environ.get(name, default)))
    except ValueError:
        return default
    return value if value > 0 else default


def max_upload_checks() -> int:
    """Upload checks running at once on this machine, all processes together (env ``SOZIALMONITOR_UPLOAD_CHECKS``, default 2)."""
    return _positive_int(ENV_UPLOAD_CHECKS, DEFAULT_UPLOAD_CHECKS)


def max_plan_rows() -> int:
    """Rows of a planning import at most (env ``SOZIALMONITOR_PLAN_MAX_ROWS``, default 20,000)."""
    return _positive_int(ENV_PLAN_ROWS, DEFAULT_PLAN_ROWS)
