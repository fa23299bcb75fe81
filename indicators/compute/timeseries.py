"""Indicators over time: series for one area and change between two years."""
from __future__ import annotations

import pandas as pd


def series(values: pd.DataFrame, indicator: str, codes: list[str]) -> pd.DataFrame:
    """Values of ``indicator`` per year (rows) for the given area codes (columns)."""
    sel = values[(values["indicator"] == indicator) & (values["area_code"].isin(codes))]
    wide = sel.pivot_table(index="year", columns="area_code", values="value", aggfunc="first")
    return wide.reindex(columns=codes)


def change_between(values: pd.DataFrame, indicator: str, start: int, end: int,
                   relative: bool = False) -> pd.DataFrame:
    """Change of an indicator from ``start`` to ``end`` per area.

    Parameters
    ----------
    relative
        False: difference of values (percentage points for shares);
        True: relative change in per cent of the start value.

    Returns
    -------
    pandas.DataFrame
        ``area_code, value, start_value, end_value, suppressed``; an area
        suppressed in either year stays suppressed.
    """
    sel = values[values["indicator"] == indicator].set_index(["area_code", "year"])
    a = sel.xs(start, level="year") if start in sel.index.get_level_values(1) else sel.iloc[0:0]
    b = sel.xs(end, level="year") if end in sel.index.get_level_values(1) else sel.iloc[0:0]
    both = a[["value", "suppressed"]].add_suffix("_start").join(
        b[["value", "suppressed"]].add_suffix("_end"), how="outer")
    diff = both["value_end"] - both["value_start"]
    if relative:
        diff = diff / both["value_start"].where(both["value_start"] != 0) * 100
    out = pd.DataFrame({
        "value": diff,
        "start_value": both["value_start"],
        "end_value": both["value_end"],
        "suppressed": both["suppressed_start"].fillna(False).astype(bool)
        | both["suppressed_end"].fillna(False).astype(bool),
    })
    out.loc[out["suppressed"], ["value", "start_value", "end_value"]] = float("nan")
    out["numerator"] = float("nan")
    out["denominator"] = float("nan")
    return out.reset_index()
