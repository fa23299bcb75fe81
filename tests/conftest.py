"""Shared fixtures. Synthetic data made here is labelled as synthetic."""
from __future__ import annotations

from pathlib import Path

import pytest
from testkit import RAW, require


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    require(RAW.is_dir(), f"raw data folder {RAW} not found")
    return RAW


@pytest.fixture(scope="session")
def luebeck():
    """The shipped Lübeck dataset, loaded once."""
    from geo.geographies import get_geography
    from geo.loading import load_dataset

    return load_dataset(get_geography("stadtteile"))
