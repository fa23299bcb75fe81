"""Join indicator values to area polygons."""
from __future__ import annotations

import geopandas as gpd
import pandas as pd

from indicators.compute.rates import indicator_frame
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
