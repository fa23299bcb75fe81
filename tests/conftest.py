"""Shared fixtures. Synthetic data made here is labelled as synthetic."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RAW = Path(os.environ.get("SOZIALMONITOR_RAW", ROOT.parent / "shared" / "data" / "raw"))
IN_CI = os.environ.get("CI", "").lower() == "true"


def require(condition: bool, reason: str) -> None:
    """Skip locally, but fail under CI=true: CI must run everything."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required for CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    require(RAW.is_dir(), f"raw data folder {RAW} not found")
    return RAW


@pytest.fixture(scope="session")
def luebeck():
    """The shipped Lübeck dataset, loaded once."""
    from geo.geographies import get_geography
    from indicators.dataset import load_dataset

    return load_dataset(get_geography("stadtteile"))
