"""Compute catalogue indicators from the tidy table of counts.

Rates are always computed from counts (sum of numerators over sum of
denominators), never averaged, so a city value or an aggregate of areas is
exact. The result keeps numerator and denominator next to the value, which
disclosure control and aggregation need.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.catalogue import Indicator

RESULT_COLUMNS = ["area_code", "year", "indicator", "value", "numerator", "denominator"]


def wide_table(table: pd.DataFrame) -> pd.DataFrame:
    """Pivot a tidy table to one row per (area_code, year), one column per variable."""
    wide = table.pivot_table(index=["area_code", "year"], columns="variable", values="value", aggfunc="first")
    wide.columns.name = None
    return wide


def _signed_sum(wide: pd.DataFrame, terms: tuple[str, ...]) -> pd.Series:
    """Sum of variables, a leading '-' subtracting; NaN if any term is missing."""
    total = pd.Series(0.0, index=wide.index)
    for term in terms:
        name = term.lstrip("-")
        col = wide[name] if name in wide else pd.Series(np.nan, index=wide.index)
        total = total - col if term.startswith("-") else total + col
    return total


def _previous(wide: pd.DataFrame, var: str) -> pd.Series:
    """Value of ``var`` in the previous year for the same area."""
    col = wide[var] if var in wide else pd.Series(np.nan, index=wide.index)
    idx = pd.MultiIndex.from_arrays([wide.index.get_level_values(0), wide.index.get_level_values(1) - 1])
    return pd.Series(col.reindex(idx).to_numpy(), index=wide.index)


def compute_indicator(wide: pd.DataFrame, ind: Indicator) -> pd.DataFrame:
    """One indicator for every (area_code, year) row of ``wide``."""
    if ind.kind in {"count", "value"}:
        value = wide[ind.id] if ind.id in wide else pd.Series(np.nan, index=wide.index)
        num, den = (value, pd.Series(np.nan, index=wide.index))
    elif ind.kind == "rate":
        num = _signed_sum(wide, ind.numerator)
        den = _signed_sum(wide, ind.denominator)
        value = num / den.where(den != 0) * ind.factor
    else:  # change against previous year
        var = ind.numerator[0]
        cur = wide[var] if var in wide else pd.Series(np.nan, index=wide.index)
        prev = _previous(wide, var)
        num, den = cur - prev, prev
        value = num / den.where(den != 0) * ind.factor
    out = pd.DataFrame({"value": value, "numerator": num, "denominator": den}, index=wide.index).reset_index()
    out.insert(2, "indicator", ind.id)
    return out[RESULT_COLUMNS]


def compute_indicators(
    table: pd.DataFrame, catalogue: dict[str, Indicator], ids: list[str] | None = None
) -> pd.DataFrame:
    """Compute indicators (all in ``catalogue`` or the given ``ids``).

    Parameters
    ----------
    table
        Tidy table with columns ``area_code, year, variable, value``.
    catalogue
        Indicators by id.
    ids
        Subset of indicator ids; default all.

    Returns
    -------
    pandas.DataFrame
        Columns ``area_code, year, indicator, value, numerator, denominator``;
        rows whose value cannot be computed (missing input) are dropped.
    """
    wide = wide_table(table)
    frames = [compute_indicator(wide, catalogue[i]) for i in (ids or list(catalogue))]
    if not frames:
        return pd.DataFrame(columns=RESULT_COLUMNS)
    out = pd.concat(frames, ignore_index=True)
    return out[out["value"].notna()].reset_index(drop=True)


def indicator_frame(
    values: pd.DataFrame, indicator: str, year: int, reference_code: str | None = "00"
) -> tuple[pd.DataFrame, float | None]:
    """Values of one indicator in one year, and the reference (city) value.

    Returns the rows for all areas except ``reference_code`` and the value of
    the reference area, or None where there is none.
    """
    sel = values[(values["indicator"] == indicator) & (values["year"] == year)]
    ref = sel[sel["area_code"] == reference_code]["value"]
    areas = sel[sel["area_code"] != reference_code].reset_index(drop=True)
    return areas, (float(ref.iloc[0]) if len(ref) else None)
