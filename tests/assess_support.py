"""Helpers for the assessment tests (kept out of conftest.py, which the lead owns)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RAW = Path(os.environ.get("SOZIALMONITOR_RAW", ROOT / ".." / "shared" / "data" / "raw"))


def raw_file(relative: str) -> Path:
    """Path of a raw input; skip if /work/shared is absent, fail under CI=true."""
    path = RAW / relative
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"raw input missing under CI=true: {path}")
        pytest.skip(f"raw input not available: {path}")
    return path
