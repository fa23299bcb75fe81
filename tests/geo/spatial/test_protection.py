"""geo.spatial.protection: the minimum population and rounding base against differencing."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.spatial.protection import (
    DEFAULT_MIN_POPULATION,
    DEFAULT_ROUND_BASE,
    ENV_MIN_POPULATION,
    ENV_ROUND_BASE,
    protection,
    round_to_base,
)


def test_protection_reads_the_environment_and_falls_back_on_nonsense(monkeypatch):
    monkeypatch.delenv(ENV_MIN_POPULATION, raising=False)
    monkeypatch.delenv(ENV_ROUND_BASE, raising=False)
    assert protection() == (DEFAULT_MIN_POPULATION, DEFAULT_ROUND_BASE)
    monkeypatch.setenv(ENV_MIN_POPULATION, "500.0")
    monkeypatch.setenv(ENV_ROUND_BASE, "10")
    assert protection() == (500, 10)
    monkeypatch.setenv(ENV_MIN_POPULATION, "viele")
    monkeypatch.setenv(ENV_ROUND_BASE, "0")  # a base of 0 would divide by zero: at least 1
    assert protection() == (DEFAULT_MIN_POPULATION, 1)
    monkeypatch.setenv(ENV_MIN_POPULATION, "-3")
    assert protection()[0] == 0


@given(st.lists(st.one_of(st.floats(-1e6, 1e6), st.just(np.nan)), max_size=30), st.integers(1, 50))
def test_rounded_counts_are_the_nearest_multiple_of_the_base_and_nan_stays(values, base):
    out = round_to_base(np.array(values, dtype=float), base)
    for v, r in zip(values, out):
        if np.isnan(v):
            assert np.isnan(r)
        else:
            assert r % base == pytest.approx(0, abs=1e-6) or r % base == pytest.approx(base, abs=1e-6)
            assert abs(r - v) <= base / 2 + 1e-6
