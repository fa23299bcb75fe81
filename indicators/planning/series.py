"""Indicator values by area and year from the tidy table, missing and suppressed values as NaN."""

from __future__ import annotations

import pandas as pd


def wide(values: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """Table area_code × year of ``indicator``; suppressed or missing values are NaN.

    ``values`` may already be such a table (columns are years): it is returned as is.
    """
    if "indicator" not in values.columns:
        return values
    v = values[values["indicator"] == indicator]
    if "suppressed" in v.columns:
        v = v[~v["suppressed"].fillna(False).astype(bool)]
    v = v.dropna(subset=["value"])
    if v.empty:
        return pd.DataFrame(dtype=float)
    out = v.pivot_table(index="area_code", columns="year", values="value", aggfunc="first")
    out.columns = [int(c) for c in out.columns]
    out.index = out.index.astype(str)
    return out.astype(float)
