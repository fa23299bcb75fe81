"""Statistical disclosure control, applied in one place.

Every value that leaves the tool (map, tooltip, table, download, export,
custom-area estimate) is taken from a frame that went through
:func:`apply_disclosure`. A suppressed value is replaced by NaN and marked in
the ``suppressed`` column, together with the numerator and denominator from
which it could be recomputed.
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from indicators.catalogue import Indicator

MIN_COUNT = 3


def _count_numerator(ind: Indicator | None, catalogue: Mapping[str, Indicator]) -> bool:
    """True if the indicator's numerator is a plain count of persons or events."""
    if ind is None:
        return False
    if ind.kind == "count":
        return True
    if ind.kind == "rate" and len(ind.numerator) == 1 and not ind.numerator[0].startswith("-"):
        src = catalogue.get(ind.numerator[0])
        return src is None or src.kind == "count"
    return False


def apply_disclosure(
    values: pd.DataFrame,
    catalogue: Mapping[str, Indicator],
    min_count: int = MIN_COUNT,
    min_population: float = 0,
    population: pd.Series | None = None,
) -> pd.DataFrame:
    """Suppress small counts and values of small areas.

    Parameters
    ----------
    values
        Output of :func:`indicators.rates.compute_indicators`.
    catalogue
        Indicators by id (to know which values are counts).
    min_count
        Counts below this (including 0) are suppressed, and so are rates whose
        numerator is such a count.
    min_population
        Areas with fewer residents than this get every value suppressed.
    population
        Residents per (area_code, year) for ``min_population``.

    Returns
    -------
    pandas.DataFrame
        A copy with column ``suppressed``; suppressed rows have NaN in
        ``value``, ``numerator`` and ``denominator``.
    """
    out = values.copy()
    is_count = out["indicator"].map(lambda i: _count_numerator(catalogue.get(i), catalogue))
    small = is_count & (out["numerator"] < min_count)
    if min_population and population is not None:
        pop = pd.Series(
            population.reindex(pd.MultiIndex.from_frame(out[["area_code", "year"]])).to_numpy(),
            index=out.index,
        )
        small |= pop < min_population
    out["suppressed"] = small.fillna(False).astype(bool)
    out.loc[out["suppressed"], ["value", "numerator", "denominator"]] = np.nan
    return out
