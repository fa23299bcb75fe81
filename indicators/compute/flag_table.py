"""Which areas are flagged, per indicator: the pluggable flag source of exports and report.

Until the need assessment is merged, flags are simple thresholds
(:func:`indicators.compute.flags.flag_areas`) on indicators with a need
direction. A different source is any function ``(ds, year) -> DataFrame``
with area codes as index, indicator ids as columns and booleans as cells.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from indicators.compute.flags import flag_areas, flag_direction
from indicators.compute.rates import indicator_frame
from indicators.dataset import Dataset

FlagSource = Callable[[Dataset, int], pd.DataFrame]


def need_indicators(ds: Dataset) -> list[str]:
    """Rates and shares with a need direction (``up`` or ``down``), in catalogue order.

    Counts and context indicators are never flagged
    (:func:`indicators.compute.flags.flag_direction`).
    """
    return [i for i, ind in ds.catalogue.items() if flag_direction(ind) is not None]


def _flags(ds: Dataset, indicator: str, year: int) -> pd.Series:
    rows, _ = indicator_frame(ds.values, indicator, int(year), ds.geography.reference_code)
    values = rows.set_index("area_code")["value"].reindex(ds.areas["code"])
    return flag_areas(values, flag_direction(ds.catalogue[indicator]) or "neutral")


def threshold_flag_table(ds: Dataset, year: int) -> pd.DataFrame:
    """Flags of all need indicators: areas × indicators, True where beyond the threshold.

    Suppressed and missing values are never flagged.
    """
    cols = {i: _flags(ds, i, year) for i in need_indicators(ds)}
    table = pd.DataFrame(cols, index=pd.Index(ds.areas["code"], name="code"))
    return table.fillna(False).astype(bool)


def indicator_flags(ds: Dataset, indicator: str, year: int) -> frozenset[str]:
    """Codes of areas flagged on one indicator (none for neutral indicators)."""
    if indicator not in ds.catalogue or flag_direction(ds.catalogue[indicator]) is None:
        return frozenset()
    flags = _flags(ds, indicator, year)
    return frozenset(str(c) for c in flags[flags].index)


def flagged_areas(table: pd.DataFrame, min_flags: int = 1) -> pd.Series:
    """Number of flags per area, for areas with at least ``min_flags``."""
    n = table.sum(axis=1)
    return n[n >= min_flags]
