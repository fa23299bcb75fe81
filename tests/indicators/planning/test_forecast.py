"""Goal forecasts (issue 27, item 5): OLS trend, 80 % prediction interval with t(n − 2), verdict.

The reference is computed here independently: the line by ``scipy.stats.linregress`` and the
interval in matrix form s²·(1 + x₀ᵀ(XᵀX)⁻¹x₀) with ``scipy.stats.t``. Values are synthetic.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from indicators.planning.forecast import AT_RISK, OPEN, REACHABLE, TOO_FEW, goal_forecast
from indicators.planning.progress import goal_progress


def reference(years, values, target_year, level=0.8):
    x, y = np.asarray(years, float), np.asarray(values, float)
    lr = stats.linregress(x, y)
    X = np.column_stack([np.ones_like(x), x])
    resid = y - X @ np.array([lr.intercept, lr.slope])
    n = len(x)
    s2 = resid @ resid / (n - 2)
    x0 = np.array([1.0, float(target_year)])
    se = np.sqrt(s2 * (1 + x0 @ np.linalg.inv(X.T @ X) @ x0))
    value = lr.intercept + lr.slope * target_year
    half = stats.t.ppf(1 - (1 - level) / 2, n - 2) * se
    return value, value - half, value + half


def test_value_interval_and_verdict_by_hand():
    years, values = [2015, 2016, 2017, 2018, 2019], [20.0, 19.1, 18.3, 16.8, 16.2]
    f = goal_forecast(pd.Series(values, index=years), baseline_year=2015, baseline=20.0, target=10.0, target_year=2025)
    value, low, high = reference(years, values, 2025)
    assert (f.value, f.low, f.high) == (
        pytest.approx(value, abs=1e-6),
        pytest.approx(low, abs=1e-6),
        pytest.approx(high, abs=1e-6),
    )
    assert f.n_years == 5
    # falling goal: reached when the whole interval is at or below 10
    assert f.verdict == (REACHABLE if high <= 10 else AT_RISK if low > 10 else OPEN)
    assert f.to_json_dict() == {"value": f.value, "low": f.low, "high": f.high, "verdict": f.verdict}


def test_fewer_than_three_years_give_no_numbers():
    f = goal_forecast(
        pd.Series([1.0, 2.0, np.nan], index=[2019, 2020, 2021]),
        baseline_year=2019,
        baseline=1.0,
        target=3.0,
        target_year=2025,
    )
    assert (f.value, f.low, f.high, f.verdict) == (None, None, None, TOO_FEW)
    # years before the baseline year do not count
    f = goal_forecast(
        pd.Series([1.0, 2.0, 3.0], index=[2017, 2020, 2021]),
        baseline_year=2020,
        baseline=2.0,
        target=3.0,
        target_year=2025,
    )
    assert f.verdict == TOO_FEW


def test_a_perfect_line_has_a_point_interval_and_clear_verdicts():
    s = pd.Series([10.0, 11.0, 12.0, 13.0], index=[2018, 2019, 2020, 2021])
    f = goal_forecast(s, baseline_year=2018, baseline=10.0, target=16.0, target_year=2024)
    assert f.value == pytest.approx(16.0) and f.low == pytest.approx(16.0) and f.verdict == REACHABLE
    f = goal_forecast(s, baseline_year=2018, baseline=10.0, target=20.0, target_year=2024)
    assert f.verdict == AT_RISK


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(3, 12),
    slope=st.floats(-3, 3),
    noise=st.lists(st.floats(-2, 2), min_size=12, max_size=12),
    ahead=st.integers(0, 10),
    target=st.floats(-50, 50),
    rising=st.booleans(),
)
def test_forecast_matches_the_reference_and_the_verdict_rule(n, slope, noise, ahead, target, rising):
    years = list(range(2010, 2010 + n))
    values = [5.0 + slope * i + noise[i] for i in range(n)]
    baseline = target - 1 if rising else target + 1
    f = goal_forecast(
        pd.Series(values, index=years),
        baseline_year=2010,
        baseline=baseline,
        target=target,
        target_year=years[-1] + ahead,
    )
    value, low, high = reference(years, values, years[-1] + ahead)
    assert f.value == pytest.approx(value, abs=1e-6)
    assert f.low == pytest.approx(low, abs=1e-6) and f.high == pytest.approx(high, abs=1e-6)
    if rising:
        expected = REACHABLE if f.low >= target else AT_RISK if f.high < target else OPEN
    else:
        expected = REACHABLE if f.high <= target else AT_RISK if f.low > target else OPEN
    assert f.verdict == expected


def test_goal_progress_carries_the_forecast_into_the_json():
    v = pd.DataFrame(
        {
            "area_code": "01",
            "year": [2015, 2016, 2017, 2018],
            "indicator": "x",
            "value": [20.0, 18.0, 17.0, 15.0],
            "suppressed": False,
        }
    )
    g = goal_progress(v, "x", ["01"], baseline_year=2015, target=10.0, target_year=2025)
    value, low, high = reference([2015, 2016, 2017, 2018], [20.0, 18.0, 17.0, 15.0], 2025)
    fc = g.to_json_dict()["forecast"]
    assert fc["value"] == pytest.approx(value, abs=1e-6) and fc["low"] == pytest.approx(low, abs=1e-6)
    assert fc["verdict"] in {REACHABLE, OPEN, AT_RISK}
