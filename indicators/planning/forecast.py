"""Will a goal be reached? A linear trend of its values, extrapolated to the target year.

Ordinary least squares of the goal's values (one per year, from the baseline year to the
latest year) on the year, extrapolated to the target year with an 80 % prediction interval
for a single new value::

    ŷ₀ ± t(0.9; n − 2) · s · √(1 + 1/n + (x₀ − x̄)² / Σ(xᵢ − x̄)²),   s² = Σ residual² / (n − 2)

At least three years are needed (else the verdict is "zu wenige Jahre" and no numbers).
The verdict compares the interval with the target in the goal's direction (rising when the
target is at or above the baseline, falling otherwise): "erreichbar" when the whole
interval meets the target, "gefährdet" when none of it does, "offen" otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

LEVEL = 0.8
MIN_YEARS = 3
REACHABLE, AT_RISK, OPEN, TOO_FEW = "erreichbar", "gefährdet", "offen", "zu wenige Jahre"
VERDICTS = (REACHABLE, OPEN, AT_RISK, TOO_FEW)
#: Wording key of each verdict (indicators/wording/strategy.py).
VERDICT_KEYS = {
    REACHABLE: "str_verdict_erreichbar",
    AT_RISK: "str_verdict_gefaehrdet",
    OPEN: "str_verdict_offen",
    TOO_FEW: "str_verdict_zu_wenige_Jahre",
}


@dataclass(frozen=True)
class GoalForecast:
    """Trend value at the target year, its prediction interval and the verdict."""

    value: float | None
    low: float | None
    high: float | None
    verdict: str
    n_years: int
    target_year: int
    slope: float | None = None
    intercept: float | None = None

    def to_json_dict(self) -> dict[str, Any]:
        """``{"value", "low", "high", "verdict"}`` (``plan evaluate --json``: ``goals[].forecast``)."""
        return {"value": self.value, "low": self.low, "high": self.high, "verdict": self.verdict}


def verdict(*, low: float, high: float, target: float, rising: bool) -> str:
    """ "erreichbar" / "gefährdet" / "offen" for an interval against the target in the goal's direction."""
    if rising:
        return REACHABLE if low >= target else AT_RISK if high < target else OPEN
    return REACHABLE if high <= target else AT_RISK if low > target else OPEN


def goal_forecast(
    series: pd.Series,
    *,
    baseline_year: int,
    baseline: float | None,
    target: float,
    target_year: int,
    level: float = LEVEL,
) -> GoalForecast:
    """Forecast of one goal from its values per year.

    Parameters
    ----------
    series
        Value per year (index: year); years before ``baseline_year`` and missing values
        (e.g. suppressed) are left out.
    baseline_year, baseline
        The goal's baseline; the direction is rising when ``target >= baseline``
        (``baseline`` ``None``: the first value of the series).
    target, target_year
        The goal.
    level
        Coverage of the prediction interval (0.8).
    """
    s = pd.to_numeric(series, errors="coerce").dropna()
    s = s[s.index.astype(int) >= int(baseline_year)].sort_index()
    n = len(s)
    if n < MIN_YEARS:
        return GoalForecast(None, None, None, TOO_FEW, n, int(target_year))
    x = s.index.to_numpy(dtype=float)
    y = s.to_numpy(dtype=float)
    xm = x.mean()
    sxx = float(((x - xm) ** 2).sum())
    slope = float(((x - xm) * (y - y.mean())).sum() / sxx)
    intercept = float(y.mean() - slope * xm)
    resid = y - (intercept + slope * x)
    s2 = float((resid**2).sum() / (n - 2))
    x0 = float(target_year)
    value = intercept + slope * x0
    half = float(stats.t.ppf(0.5 + level / 2, n - 2)) * np.sqrt(s2 * (1 + 1 / n + (x0 - xm) ** 2 / sxx))
    low, high = value - half, value + half
    base = float(y[0]) if baseline is None else float(baseline)
    return GoalForecast(
        float(value),
        float(low),
        float(high),
        verdict(low=low, high=high, target=float(target), rising=target >= base),
        n,
        int(target_year),
        slope,
        intercept,
    )


def trend_table(
    series: pd.Series,
    *,
    baseline_year: int,
    baseline: float | None,
    target: float,
    target_year: int,
    level: float = LEVEL,
) -> pd.DataFrame:
    """The goal's chart: per year from the baseline year to the target year the observed value,
    the trend, the prediction interval (``low``, ``high``) and the target (empty under 3 years)."""
    s = pd.to_numeric(series, errors="coerce").dropna()
    s = s[s.index.astype(int) >= int(baseline_year)]
    last = max(int(target_year), int(s.index.max()) if len(s) else int(target_year))
    years = list(range(int(baseline_year), last + 1))
    rows = []
    for y in years:
        f = goal_forecast(s, baseline_year=baseline_year, baseline=baseline, target=target, target_year=y, level=level)
        rows.append(
            {
                "year": y,
                "value": float(s[y]) if y in s.index else np.nan,
                "trend": f.value,
                "low": f.low,
                "high": f.high,
                "target": float(target),
            }
        )
    out = pd.DataFrame(rows).set_index("year")
    return out.astype(float)
