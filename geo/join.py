"""Join indicator values to area polygons."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from indicators.compute.rates import indicator_frame
from indicators.compute.timeseries import change_between
from indicators.dataset import Dataset


def join_values(areas: gpd.GeoDataFrame, rows: pd.DataFrame) -> gpd.GeoDataFrame:
    """Left-join indicator rows (by ``area_code``) to ``areas`` (by ``code``).

    Areas without a row keep NaN values (no data); ``rank`` is 1 for the
    highest value ("3. von 10"), computed over areas with a value.
    """
    cols = ["area_code", "value", "numerator", "denominator", "suppressed"]
    rows = rows.reindex(columns=cols)
    out = areas.merge(rows, left_on="code", right_on="area_code", how="left").drop(columns="area_code")
    out["suppressed"] = out["suppressed"].astype("boolean").fillna(False).astype(bool)
    out["rank"] = out["value"].rank(ascending=False, method="min")  # float: NaN = no value
    out.attrs["ranked"] = int(out["value"].notna().sum())
    return out


def indicator_layer(ds: Dataset, indicator: str, year: int) -> tuple[gpd.GeoDataFrame, float | None]:
    """Areas of ``ds`` with the values of one indicator and year, and the city value."""
    rows, ref = indicator_frame(ds.values, indicator, year, ds.geography.reference_code)
    return join_values(ds.areas, rows), ref


def view_layer(
    ds: Dataset, indicator: str, year: int, *, start: int | None = None, relative: bool = False
) -> tuple[gpd.GeoDataFrame, float | None]:
    """Areas with the values of an atlas view, and the city's value.

    Without ``start`` the level of ``year`` (:func:`indicator_layer`); with ``start`` the change
    from ``start`` to ``year`` (:func:`indicators.compute.timeseries.change_between`), absolute or
    ``relative`` (%). What the atlas draws, the ranking lists and the CLI can ask for.
    """
    if start is None:
        return indicator_layer(ds, indicator, year)
    return rows_layer(ds, change_between(ds.values, indicator, int(start), int(year), relative))


def rows_layer(ds: Dataset, rows: pd.DataFrame) -> tuple[gpd.GeoDataFrame, float | None]:
    """Areas with the rows of one indicator (``area_code, value``, optional ``numerator``,
    ``denominator``, ``suppressed``: a change, a query tool's result), and the value of the
    reference row (the city) if there is one."""
    ref = ds.geography.reference_code
    if "suppressed" not in rows:
        rows = rows.assign(suppressed=False)
    city = rows[rows["area_code"] == ref]["value"]
    layer = join_values(ds.areas, rows[rows["area_code"] != ref])
    return layer, (float(city.iloc[0]) if len(city) and pd.notna(city.iloc[0]) else None)


def score_layer(ds: Dataset, codes: pd.Series, scores: pd.Series, flags: pd.Series | None = None) -> gpd.GeoDataFrame:
    """Areas with a score per area code that is no catalogue indicator (a need score, an area type).

    ``codes`` and ``scores`` are aligned; ``flags`` (aligned too) become the ``flagged`` column
    (missing = not flagged). Areas without a score keep NaN.
    """
    codes = codes.astype(str).reset_index(drop=True)
    layer = join_values(
        ds.areas,
        pd.DataFrame(
            {
                "area_code": codes,
                "value": pd.to_numeric(scores, errors="coerce").to_numpy(dtype=float),
                "numerator": np.nan,
                "denominator": np.nan,
                "suppressed": False,
            }
        ),
    )
    if flags is not None:
        flag = dict(zip(codes, flags.astype("boolean").fillna(False).astype(bool).to_numpy()))
        layer["flagged"] = layer["code"].astype(str).map(flag).fillna(False).astype(bool)
    return layer
