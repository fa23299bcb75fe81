"""Simple threshold flags on one indicator (the need index refines this)."""
from __future__ import annotations

import numpy as np
import pandas as pd


def default_threshold(values: pd.Series, direction: str = "up") -> float | None:
    """Mean ± one standard deviation of the areas, on the side of more need."""
    v = values.dropna()
    if len(v) < 2:
        return None
    sd = float(v.std(ddof=0))
    return float(v.mean() - sd) if direction == "down" else float(v.mean() + sd)


def threshold_flags(values: pd.Series, threshold: float | None, direction: str = "up") -> pd.Series:
    """True where a value is beyond ``threshold`` on the side of more need.

    ``direction`` ``down`` flags values at or below the threshold, anything
    else at or above it. Missing values are never flagged.
    """
    if threshold is None or not np.isfinite(threshold):
        return pd.Series(False, index=values.index)
    flagged = values <= threshold if direction == "down" else values >= threshold
    return flagged.fillna(False).astype(bool)
