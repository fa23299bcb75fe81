"""Simple threshold flags on one indicator (the need index refines this).

:func:`flag_areas` is the one rule used by the atlas, the print map
(``cli.py map --flags``), the exports and the report.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

NEED_DIRECTIONS = ("up", "down")  # more need with higher / lower values; anything else is neutral


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


def flag_areas(values: pd.Series, direction: str, threshold: float | None = None) -> pd.Series:
    """The flag rule: True where a value is beyond ``threshold`` on the side of more need.

    ``threshold`` defaults to :func:`default_threshold`. Indicators without a
    need direction (not ``up``/``down``) flag nothing; missing values never.
    """
    if direction not in NEED_DIRECTIONS:
        return pd.Series(False, index=values.index)
    if threshold is None:
        threshold = default_threshold(values, direction)
    return threshold_flags(values, threshold, direction)
