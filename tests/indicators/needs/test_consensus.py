"""Consensus of the need methods, close calls and the sandbox's flag changes (issue 27, item 2), on
synthetic tables (Hypothesis) and on the shipped Lübeck data."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.needs.consensus import ENTERS, LEAVES, consensus, flag_changes, method_band, sandbox
from indicators.needs.wide import assess


def table(seed: int, n: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    df = pd.DataFrame(
        {
            "id": [f"{i:03d}" for i in range(n)],
            "population": rng.integers(100, 5000, n),
            "a": rng.normal(size=n),
            "b": rng.normal(size=n),
            "c": rng.gamma(2.0, size=n),
        }
    )
    df.loc[rng.random(n) < 0.1, "b"] = np.nan  # a withheld value: that area is not assessed
    return df


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(8, 60), band=st.sampled_from([0.1, 0.25, 0.5]))
def test_consensus_counts_each_methods_flags_and_close_calls(seed, n, band):
    df = table(seed, n)
    c = consensus(df, ["a", "b", "c"], directions={"c": -1}, band=band)
    assert c.methods == ("mss", "svi", "z")
    counts = np.zeros(n, dtype=int)
    for m in c.methods:
        r = assess(df, m, ["a", "b", "c"], population_col="population", directions={"c": -1})
        assert (c.areas[f"flag__{m}"].to_numpy() == r["flag"].to_numpy()).all()
        counts += r["flag"].to_numpy().astype(int)
        lo, thr, hi = method_band(m, band=band)
        assert lo < thr < hi
        s = r["score"].astype(float)
        expected = r["assessed"] & (s >= lo) & (s <= hi)
        assert (c.areas[f"close__{m}"].to_numpy() == expected.to_numpy()).all()
        for i in np.flatnonzero(~r["assessed"].to_numpy()):
            assert m in c.areas.at[i, "not_assessed"]  # left out and named with its reason
    assert (c.areas["n_flagged"].to_numpy() == counts).all()
    assert all(len(fb) == k for fb, k in zip(c.areas["flagged_by"], counts))


def test_svi_band_is_on_the_normal_quantile_scale():
    assert method_band("svi", band=0.25) == pytest.approx((0.6644, 0.75, 0.8224), abs=1e-4)
    assert method_band("z", band=0.25) == (0.75, 1.0, 1.25)


@settings(max_examples=50, deadline=None)
@given(a=st.lists(st.booleans(), min_size=1, max_size=30), data=st.data())
def test_flag_changes_are_the_set_differences(a, data):
    b = data.draw(st.lists(st.booleans(), min_size=len(a), max_size=len(a)))
    ids = [f"{i:02d}" for i in range(len(a))]
    default = pd.DataFrame({"id": ids, "name": ids, "flag": a, "score": 0.0})
    trial = pd.DataFrame({"id": ids, "flag": b, "score": 1.0})
    ch = flag_changes(default, trial)
    assert set(ch.loc[ch["change"] == ENTERS, "id"]) == {i for i, x, y in zip(ids, a, b) if y and not x}
    assert set(ch.loc[ch["change"] == LEAVES, "id"]) == {i for i, x, y in zip(ids, a, b) if x and not y}


def test_sandbox_on_luebeck_lowering_the_threshold_only_adds_areas(luebeck):
    year = luebeck.years[-1]
    trial, changes = sandbox(luebeck, year, method="z", threshold=0.0)
    assert set(changes["change"]) == {ENTERS}
    assert set(changes["id"]) == set(trial.loc[trial["flag"], "id"]) - set(
        sandbox(luebeck, year, method="z")[0].loc[lambda r: r["flag"], "id"]
    )
    same, none = sandbox(luebeck, year, method="svi")
    assert none.empty and same["flag"].sum() > 0
